// Strings sent to the engine must be well-formed UTF-16. A lone surrogate (half of a character
// outside the BMP, e.g. from slicing an emoji) travels as a "\ud800" escape that the engine's
// System.Text.Json refuses to read, and no engine could hand it back unchanged anyway. So Node
// refuses such a request itself, naming the variable or the JSON path, and sends nothing.
import { InvalidRequestError } from './errors.js';
import { foldCase } from './caseCollision.js';
import { childPath } from './schemaErrors.js';

// ES2024's String.prototype.isWellFormed (Node ≥ 20); the project's TypeScript lib is ES2023.
export const isWellFormed = (text: string): boolean => (text as string & { isWellFormed(): boolean }).isWellFormed();

/** Where a value nests deeper than SCAN_DEPTH: past what the engine reads, so it is not walked further. */
export interface TooDeep {
  path: string;
  tooDeep: true;
}

export interface IllFormedString {
  /** JSON path of the string (for a property name: the path of that property). */
  path: string;
  /** The property name is ill-formed, not the value. */
  isName: boolean;
  /** UTF-16 index of the first lone surrogate, and its code unit. */
  index: number;
  code: number;
}

const NOTHING_SENT = 'Nothing was sent to the engine.';

/** The first string in `value` (values and property names, depth first) that is not well-formed. */
export function findIllFormedString(value: unknown, path = '$'): IllFormedString | undefined {
  const found = findIllFormedOrDeep(value, path);
  return found && 'tooDeep' in found ? undefined : found;
}

/** The first string that is not well-formed, or the first place nesting deeper than SCAN_DEPTH. */
function findIllFormedOrDeep(value: unknown, path: string): IllFormedString | TooDeep | undefined {
  // Nearly every value is well-formed: a walk that builds no paths answers that, and only a value
  // that fails it (or nests too deep to tell, a cycle included) is walked again to say where.
  return allWellFormed(value, 0) ? undefined : findWithPath(value, path, new Set<object>(), 0);
}

/** Deeper than any request can be (the engine reads 1024 levels): walks stop here, a cycle too. */
export const SCAN_DEPTH = 1100;

function allWellFormed(value: unknown, level: number): boolean {
  if (typeof value === 'string') return isWellFormed(value);
  if (typeof value !== 'object' || value === null) return true;
  if (level > SCAN_DEPTH) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!allWellFormed(value[i], level + 1)) return false;
    return true;
  }
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    if (!isWellFormed(key) || !allWellFormed((value as Record<string, unknown>)[key], level + 1)) return false;
  }
  return true;
}

function findWithPath(value: unknown, path: string, ancestors: Set<object>, level: number): IllFormedString | TooDeep | undefined {
  if (typeof value === 'string') return isWellFormed(value) ? undefined : { path, isName: false, ...loneSurrogate(value) };
  if (typeof value !== 'object' || value === null || ancestors.has(value)) return undefined; // a cycle fails in JSON.stringify
  if (level > SCAN_DEPTH) return { path, tooDeep: true };
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const found = findWithPath(value[i], `${path}[${i}]`, ancestors, level + 1);
        if (found) return found;
      }
      return undefined;
    }
    for (const [key, item] of Object.entries(value)) {
      if (!isWellFormed(key)) return { path: childPath(path, key), isName: true, ...loneSurrogate(key) };
      const found = findWithPath(item, childPath(path, key), ancestors, level + 1);
      if (found) return found;
    }
    return undefined;
  } finally {
    ancestors.delete(value);
  }
}

/**
 * Throws InvalidRequestError if a string in a request's params is not well-formed: `variables`
 * are reported by name, `step` / `document` by JSON path from `$`, anything else by its key.
 */
export function assertWellFormedParams(method: string, params: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(params)) {
    if (key === 'variables') {
      const problem = findIllFormedVariable(value);
      if (problem) throw new InvalidRequestError(method, `${method}: ${problem.text} ${NOTHING_SENT}`, { variable: problem.variable });
      continue;
    }
    const byPath = key === 'step' || key === 'document';
    const found = findIllFormedOrDeep(value, byPath ? '$' : key);
    if (!found) continue;
    if ('tooDeep' in found) {
      // The path is ~1,100 steps long: the message shows its start, the error's path holds all of it.
      const shown = found.path.length > 120 ? `${found.path.slice(0, 120)}…` : found.path;
      const message = `${method}: the value at ${shown} nests deeper than ${SCAN_DEPTH} levels; the engine reads JSON 1024 levels deep. ${NOTHING_SENT}`;
      throw new InvalidRequestError(method, message, byPath ? { path: found.path } : {});
    }
    const what = found.isName ? `the property name at ${found.path}` : `the string at ${found.path}`;
    throw new InvalidRequestError(method, `${method}: ${what} ${notWellFormed(found)} ${NOTHING_SENT}`, byPath ? { path: found.path } : {});
  }
}

/** Why a set of variables cannot go to the engine (the value never appears), or undefined. */
export function findIllFormedVariable(variables: unknown): { text: string; variable?: string } | undefined {
  if (typeof variables !== 'object' || variables === null) return undefined;
  const record = variables as Record<string, unknown>;
  const names = new Map<string, string>();
  for (const name of Object.keys(record)) {
    // Variable names are case-insensitive: "Path" and "PATH" would be one variable, one value lost.
    const folded = foldCase(name);
    const earlier = names.get(folded);
    if (earlier !== undefined) return { text: `the variables ${JSON.stringify(earlier)} and ${JSON.stringify(name)} are one variable (names are case-insensitive), so one value would be lost`, variable: name };
    names.set(folded, name);
    const value = record[name]; // no Object.entries: an array per variable costs more than the check
    if (!isWellFormed(name)) {
      return { text: `the variable name ${JSON.stringify(name)} ${notWellFormed(loneSurrogate(name))}` };
    }
    if (typeof value === 'string' && !isWellFormed(value)) {
      return { text: `the value of variable '${name}' ${notWellFormed(loneSurrogate(value))}`, variable: name };
    }
  }
  return undefined;
}

/** "is not well-formed Unicode: …" for a string with a lone surrogate; undefined for a good one. */
export function wellFormedProblem(text: string): string | undefined {
  return isWellFormed(text) ? undefined : notWellFormed(loneSurrogate(text));
}

function notWellFormed(where: { index: number; code: number }): string {
  const code = where.code.toString(16).toUpperCase();
  return (
    `is not well-formed Unicode: it has a lone surrogate (U+${code}) at index ${where.index}. ` +
    'Strings sent to the engine must be well-formed Unicode, or they cannot round-trip; a lone surrogate ' +
    'usually comes from cutting a string between the two halves of an emoji or another character outside the BMP.'
  );
}

function loneSurrogate(text: string): { index: number; code: number } {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return { index: i, code };
    }
    if (code >= 0xdc00 && code <= 0xdfff) return { index: i, code };
  }
  return { index: -1, code: 0 };
}
