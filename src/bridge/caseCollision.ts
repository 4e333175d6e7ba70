// The engine reads property names ignoring case (as PowerShell does): an object holding both
// "a" and "A" would reach it as one property, one value silently lost. Such objects are refused
// before anything is sent, naming the path and both names.
import { childPath } from './schemaErrors.js';

export interface CaseCollision {
  /** JSON path of the object holding both names. */
  path: string;
  first: string;
  second: string;
}

/** Upper case as a key: close to .NET's OrdinalIgnoreCase, and never missing a pair it would join. */
const fold = (name: string): string => name.toUpperCase();

/** Whether two of the object's own names differ only in case. */
export function hasCaseCollision(object: Record<string, unknown>): boolean {
  return collisionIn(object) !== undefined;
}

function collisionIn(object: Record<string, unknown>): [string, string] | undefined {
  const seen = new Map<string, string>();
  for (const name of Object.keys(object)) {
    const key = fold(name);
    const earlier = seen.get(key);
    if (earlier !== undefined) return [earlier, name];
    seen.set(key, name);
  }
  return undefined;
}

/** The first object in `value` (depth first) with two names that differ only in case. */
export function findCaseCollision(value: unknown, path = '$', depth = 0): CaseCollision | undefined {
  if (typeof value !== 'object' || value === null || depth > 1100) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findCaseCollision(value[i], `${path}[${i}]`, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  const record = value as Record<string, unknown>;
  const pair = collisionIn(record);
  if (pair) return { path, first: pair[0], second: pair[1] };
  for (const name of Object.keys(record)) {
    const found = findCaseCollision(record[name], childPath(path, name), depth + 1);
    if (found) return found;
  }
  return undefined;
}
