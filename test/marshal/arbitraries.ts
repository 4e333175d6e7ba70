// Random values for the marshaling property tests (fast-check): strings over all of Unicode with
// extra weight on what breaks quoting and expansion, and JSON values built from them.
import fc from 'fast-check';
import { foldCase } from '../../src/bridge/caseCollision.js';

/** Characters that break quoting, expansion or lines in PowerShell, cmd and sh. */
const awkward = ['$', '`', '%', '%%', '"', "'", '\n', '\r', '\r\n', '\t', '\0', '\u001b', '\u007f', '\u2028', '@', '{', '}', '(', ')', ';', '|', '&', '\\', '#', '<#', '\u201c', '\u2018'];

/** One unit: a whole code point (no lone surrogates; astral ones as pairs), a control character or an awkward one. */
const unit = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.constantFrom(...awkward) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
);

/** A string of 1 to 40 units, now and then up to 4,000 (a few KB). */
export const text = (minLength = 0): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 9, arbitrary: fc.string({ unit, minLength, maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit, minLength: Math.max(minLength, 500), maxLength: 4000 }) },
  );

/** A variable value: never "" (setting "" deletes a variable, DESIGN §5). */
export const variableValue = text(1);

/**
 * Property names that are unique ignoring case: the engine reads JSON objects into dictionaries
 * that compare names ignoring case (Json/JsonShapeReader.cs, as PowerShell does), so
 * `{ a: 1, A: 2 }` is refused before sending (test/bridge/caseCollision.test.ts): values that
 * can round-trip have names unique ignoring case.
 */
function uniqueIgnoringCase(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(uniqueIgnoringCase);
  if (typeof value !== 'object' || value === null) return true;
  const keys = Object.keys(value);
  return new Set(keys.map(foldCase)).size === keys.length && Object.values(value).every(uniqueIgnoringCase);
}

/** JSON values (nested objects and arrays, numbers, booleans, null, strings) that JSON carries exactly. */
export const jsonValue: fc.Arbitrary<unknown> = fc
  .letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      text(),
      fc.boolean(),
      fc.constant(null),
      fc.integer(),
      fc.maxSafeInteger(),
      // -0 is not JSON (JSON.stringify writes 0); NaN and the infinities neither.
      fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
      fc.array(tie('value'), { maxLength: 6 }),
      fc.dictionary(text(), tie('value'), { maxKeys: 6, noNullPrototype: true }),
    ),
  }))
  .value.filter(uniqueIgnoringCase);

/** `count` distinct variable names (the values are what is random). */
export const names = (prefix: string, count: number): string[] => Array.from({ length: count }, (_, i) => `${prefix}${i}`);
