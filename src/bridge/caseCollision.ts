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

/**
 * A name as .NET's OrdinalIgnoreCase compares it: each character upper-cased on its own (simple
 * case mapping), so "ß" and "SS" stay apart as they do there, while "a" and "A" meet.
 */
export function foldCase(name: string): string {
  let ascii = true;
  for (let i = 0; i < name.length && ascii; i++) ascii = name.charCodeAt(i) < 0x80;
  if (ascii) return name.toUpperCase();
  let folded = '';
  for (const character of name) {
    const upper = character.toUpperCase();
    // .NET's ordinal casing keeps single mappings only, and never folds a non-ASCII letter onto
    // ASCII (dotless ı and long ſ stay apart from I and S); Node's newer Unicode tables may fold a
    // few recent letters .NET does not, which only makes this check stricter.
    const single = [...upper].length === 1;
    const ontoAscii = upper.charCodeAt(0) < 0x80 && character.charCodeAt(0) >= 0x80;
    folded += single && !ontoAscii ? upper : character;
  }
  return folded;
}

/** Whether two of the object's own names differ only in case. */
export function hasCaseCollision(object: Record<string, unknown>): boolean {
  return collisionIn(object) !== undefined;
}

function collisionIn(object: Record<string, unknown>): [string, string] | undefined {
  const seen = new Map<string, string>();
  for (const name of Object.keys(object)) {
    const key = foldCase(name);
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
