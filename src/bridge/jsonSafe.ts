// Values JSON cannot carry: a BigInt (JSON.stringify throws "Do not know how to serialize a
// BigInt") and an object that contains itself (it throws "Converting circular structure to
// JSON"). Either would leak as a bare TypeError naming no path; these say where it is, so the
// request is refused with a typed error (InvalidRequestError / StepValidationError) before
// anything is sent. A BigInt is refused rather than sent as a number: no JavaScript number holds
// most of them, and the engine hands integers back exactly only as numbers or strings (README,
// "Numbers across the bridge").
import { childPath } from './schemaErrors.js';

export interface Unsendable {
  /** JSON path of the value, from `path` as given. */
  path: string;
  /** What is wrong with it, e.g. "is a BigInt (12n), which JSON cannot carry: …". */
  message: string;
}

/** Deeper than any request can be (the engine reads 1024 levels): past it the depth check speaks. */
const SCAN_DEPTH = 1100;

/** The first BigInt or cycle in `value` (depth first, in property order), or undefined. */
export function findUnsendable(value: unknown, path = '$'): Unsendable | undefined {
  return walk(value, path, new Map<object, number>(), 0);
}

function walk(value: unknown, path: string, ancestors: Map<object, number>, level: number): Unsendable | undefined {
  if (typeof value === 'bigint') {
    const digits = value.toString();
    const shown = digits.length > 40 ? `a BigInt of ${digits.length} digits` : `a BigInt (${digits}n)`;
    return { path, message: `is ${shown}, which JSON cannot carry: pass it as a string (String(value)), or as a number if it is within Number.MAX_SAFE_INTEGER` };
  }
  if (typeof value !== 'object' || value === null || level > SCAN_DEPTH) return undefined;
  const seen = ancestors.get(value);
  // Said in levels, not as a path: a caller may give paths from elsewhere (validateStep's are from the step).
  if (seen !== undefined) {
    const up = level - seen;
    return { path, message: `is the object ${up === 1 ? 'it is in' : `${up} levels up`} again (a cycle: the value contains itself), which JSON cannot carry` };
  }
  // An object with toJSON (a Date, …) is sent as what toJSON gives; that is not walked.
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return undefined;
  ancestors.set(value, level);
  try {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const found = walk(value[i], `${path}[${i}]`, ancestors, level + 1);
        if (found) return found;
      }
      return undefined;
    }
    for (const key of Object.keys(value)) {
      const found = walk((value as Record<string, unknown>)[key], childPath(path, key), ancestors, level + 1);
      if (found) return found;
    }
    return undefined;
  } finally {
    ancestors.delete(value);
  }
}
