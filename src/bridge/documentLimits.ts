// What no run can take, whatever the schema says: strings that are not well-formed Unicode (a
// lone surrogate cannot reach the engine), nesting deeper than the engine reads, and numbers
// beyond a double (JSON.parse makes 1e999 Infinity, which JSON.stringify would send as null),
// and what JSON cannot carry at all (a BigInt, a value containing itself: jsonSafe.ts).
// The engine's validator (Documents/DocumentLimits.cs) says the same in the same words.
import { childPath } from './schemaErrors.js';
import type { DocumentProblem } from './schemaErrors.js';
import { findCaseCollision, hasCaseCollision } from './caseCollision.js';
import { findIllFormedString, isWellFormed } from './wellFormed.js';
import { findUnsendable } from './jsonSafe.js';

/** The engine reads JSON 1024 levels deep (JsonCodec.MaxReadDepth); a run's request holds the document two levels down. */
export const MAX_DOCUMENT_DEPTH = 1024 - 2;

/** The one problem of a value that cannot be run at all, or undefined. */
export function documentLimitProblem(document: unknown): DocumentProblem | undefined {
  // One walk that builds no paths clears nearly every document; the walks below say where.
  if (withinLimits(document, 1)) return undefined;
  // A cycle would otherwise read as nesting too deep; a BigInt is no JSON value at all.
  const unsendable = findUnsendable(document);
  if (unsendable) return unsendable;
  if (depthOver(document, 1)) return { path: '$', message: `nests deeper than ${MAX_DOCUMENT_DEPTH} levels, more than the engine reads` };
  const illFormed = findIllFormedString(document);
  if (illFormed) {
    const where = `a lone surrogate (U+${illFormed.code.toString(16).toUpperCase()}) at index ${illFormed.index}`;
    return { path: illFormed.path, message: illFormed.isName ? `has a property name that is not well-formed Unicode: it has ${where}` : `is not well-formed Unicode: it has ${where}` };
  }
  const path = nonFinite(document, '$');
  if (path !== undefined) return { path, message: 'is a number too large for the engine (beyond ±1.7976931348623157e308)' };
  const collision = findCaseCollision(document, '$');
  if (collision) {
    return {
      path: collision.path,
      message: `has the property names ${JSON.stringify(collision.first)} and ${JSON.stringify(collision.second)}, which differ only in case: the engine reads names ignoring case, so one of the values would be lost`,
    };
  }
  return undefined;
}

/** True when nothing in `value` is too deep, ill-formed or non-finite (no paths built). */
function withinLimits(value: unknown, level: number): boolean {
  if (typeof value === 'string') return isWellFormed(value);
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'bigint') return false;
  if (typeof value !== 'object' || value === null) return true;
  if (level > MAX_DOCUMENT_DEPTH) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!withinLimits(value[i], level + 1)) return false;
    return true;
  }
  let keys = 0;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    keys++;
    if (!isWellFormed(key) || !withinLimits((value as Record<string, unknown>)[key], level + 1)) return false;
  }
  return keys < 2 || !hasCaseCollision(value as Record<string, unknown>);
}

function depthOver(value: unknown, level: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (level > MAX_DOCUMENT_DEPTH) return true;
  for (const child of Array.isArray(value) ? value : Object.values(value)) if (depthOver(child, level + 1)) return true;
  return false;
}

function nonFinite(value: unknown, path: string): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : path;
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nonFinite(value[i], `${path}[${i}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    const found = nonFinite(item, childPath(path, key));
    if (found !== undefined) return found;
  }
  return undefined;
}
