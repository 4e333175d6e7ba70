// Turns JSON syntax errors into line, column and what was expected there. JSON.parse decides
// whether a text is JSON; when it is not, a small scanner of our own finds the first error and
// says what it expected in its own words. V8's message is never used: it quotes the text around
// the error ("Unexpected token 'p', "{"password": hunter2"... is not valid JSON"), and a document
// may hold a password. The scanner is iterative, so nesting of any depth cannot overflow the stack.
import { childPath } from './schemaErrors.js';

export interface TextLocation {
  line: number;
  column: number;
}

/** 1-based line and column of a UTF-16 offset; \r\n, \n and \r all end a line. */
export function locationAt(text: string, offset: number): TextLocation {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x0a || (ch === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

export interface JsonSyntaxError {
  /** UTF-16 offset of the first character that cannot be there. */
  offset: number;
  /** What the scanner expected there, e.g. "expected ',' or '}' after a property value". Never quotes the text. */
  expected: string;
}

class SyntaxFailure {
  constructor(readonly offset: number, readonly expected: string) {}
}

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX = /^[0-9a-fA-F]$/;

/** Finds the first JSON syntax error in `text`, or undefined if it is one JSON value. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const fail = (expected: string): never => {
    throw new SyntaxFailure(i, expected);
  };
  const skipSpace = () => {
    while (i < text.length && WHITESPACE.has(text.charCodeAt(i))) i++;
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) fail(`'${word}'`);
      i++;
    }
  };
  const string = (what: string) => {
    if (text[i] !== '"') fail(what);
    const start = i++;
    for (;;) {
      if (i >= text.length) {
        i = start;
        fail('a closing \'"\': the string starting here never ends');
      }
      const ch = text.charCodeAt(i);
      if (ch === 0x22) {
        i++;
        return;
      }
      if (ch < 0x20) fail(`no raw control character (U+${ch.toString(16).toUpperCase().padStart(4, '0')}) inside a string: write it as an escape such as \\n or \\t`);
      if (ch !== 0x5c) {
        i++;
        continue;
      }
      i++;
      const escape = text[i];
      if (escape === 'u') {
        i++;
        for (let k = 0; k < 4; k++, i++) if (!HEX.test(text[i] ?? '')) fail('four hexadecimal digits after \\u');
      } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) i++;
      else fail('an escape: one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX');
    }
  };
  // One entry per open container: what it is and whether a member has been read.
  const open: Array<'object' | 'array'> = [];
  const value = (): 'opened' | 'done' => {
    skipSpace();
    if (i >= text.length) fail('a value: the document ends early');
    const ch = text[i];
    if (ch === '{' || ch === '[') {
      open.push(ch === '{' ? 'object' : 'array');
      i++;
      return 'opened';
    }
    if (ch === '"') string('a value');
    else if (ch === 't') literal('true');
    else if (ch === 'f') literal('false');
    else if (ch === 'n') literal('null');
    else {
      NUMBER.lastIndex = i;
      const match = NUMBER.exec(text);
      if (!match) fail('a value (an object, array, string, number, true, false or null)');
      i += match![0].length;
    }
    return 'done';
  };
  const member = () => {
    skipSpace();
    string('a property name in double quotes');
    skipSpace();
    if (text[i] !== ':') fail("':' after a property name");
    i++;
  };
  try {
    // After a container opens: its first member or its end; after a value: ',' or the end.
    let state = value();
    for (;;) {
      if (state === 'opened') {
        const kind = open[open.length - 1]!;
        skipSpace();
        if (text[i] === (kind === 'object' ? '}' : ']')) {
          i++;
          open.pop();
          state = 'done';
          continue;
        }
        if (kind === 'object') member();
        state = value();
        continue;
      }
      if (open.length === 0) break;
      const kind = open[open.length - 1]!;
      skipSpace();
      const close = kind === 'object' ? '}' : ']';
      if (text[i] === ',') {
        i++;
        if (kind === 'object') member();
        state = value();
      } else if (text[i] === close) {
        i++;
        open.pop();
      } else {
        fail(`',' or '${close}' after ${kind === 'object' ? 'a property value' : 'an array element'}${i >= text.length ? ': the document ends early' : ''}`);
      }
    }
    skipSpace();
    if (i < text.length) fail('the end of the document after the JSON value');
    return undefined;
  } catch (failure) {
    if (failure instanceof SyntaxFailure) return { offset: failure.offset, expected: failure.expected };
    throw failure;
  }
}

/** Offset of the first JSON syntax error in `text`, or undefined if it parses. */
export function findJsonErrorOffset(text: string): number | undefined {
  return findJsonSyntaxError(text)?.offset;
}

export interface JsonSyntaxProblem extends TextLocation {
  /** What was expected where the error is ("expected ':' after a property name"); never the document's text. */
  message: string;
}

/** Parses JSON; on failure returns where and what was expected instead of throwing. */
export function parseJsonWithLocation(text: string): { ok: true; value: unknown } | { ok: false; problem: JsonSyntaxProblem } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    // Both follow RFC 8259; should they ever disagree, the end of the text is the honest place.
    const found = findJsonSyntaxError(text) ?? { offset: text.length, expected: 'valid JSON' };
    return { ok: false, problem: { ...locationAt(text, found.offset), message: `expected ${found.expected}` } };
  }
}

export interface InexactNumber extends TextLocation {
  /** JSON path of the number, from `$`. */
  path: string;
}

/**
 * The first number in a JSON text (one JSON.parse accepted) that JavaScript cannot hold exactly:
 * JSON.parse would silently give a different value (9223372036854775807 becomes
 * 9223372036854775808, 0.1000000000000000000000000001 becomes 0.1). Exact means the double
 * JSON.parse makes, printed as String(n) prints it, denotes the same decimal value: then Node
 * also sends the engine that very number (1152921504606846976 is exactly 2^60, but Node would
 * send it as 1152921504606847000, so it is refused too). A number
 * too large for a double (1e999) is left to the document's limits, which name it so.
 */
export function findInexactNumber(text: string): InexactNumber | undefined {
  // Nearly every document has only short numbers: one regular expression clears it.
  if (!/\d{16}|\d[eE]/.test(text)) return undefined;
  const frames: Array<{ object: boolean; key?: string; index: number; expectKey: boolean }> = [];
  let i = 0;
  while (i < text.length) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22) {
      const start = i++;
      while (text.charCodeAt(i) !== 0x22) i += text.charCodeAt(i) === 0x5c ? 2 : 1;
      i++;
      const frame = frames[frames.length - 1];
      if (frame?.object && frame.expectKey) {
        frame.key = JSON.parse(text.slice(start, i)) as string;
        frame.expectKey = false;
      }
      continue;
    }
    if (ch === 0x7b || ch === 0x5b) frames.push({ object: ch === 0x7b, index: 0, expectKey: ch === 0x7b });
    else if (ch === 0x7d || ch === 0x5d) frames.pop();
    else if (ch === 0x2c) {
      const frame = frames[frames.length - 1]!;
      if (frame.object) frame.expectKey = true;
      else frame.index++;
    } else if (ch === 0x2d || (ch >= 0x30 && ch <= 0x39)) {
      NUMBER.lastIndex = i;
      const literal = NUMBER.exec(text)![0];
      if (!isExactNumber(literal)) {
        let path = '$';
        for (const frame of frames) path = frame.object ? childPath(path, frame.key ?? '') : `${path}[${frame.index}]`;
        return { path, ...locationAt(text, i) };
      }
      i += literal.length;
      continue;
    }
    i++;
  }
  return undefined;
}

/** Whether JSON.parse reads the number literal as exactly its value (see findInexactNumber). */
export function isExactNumber(literal: string): boolean {
  const value = Number(literal);
  if (!Number.isFinite(value)) return true; // beyond a double: the document's limits refuse it by name
  return sameDecimal(decimalValue(literal), decimalValue(String(value)));
}

/** A decimal literal as digits without leading or trailing zeros, and the power of ten of the last one. */
function decimalValue(literal: string): { negative: boolean; digits: string; exponent: number } {
  const match = /^(-?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(literal)!;
  const fraction = match[3] ?? '';
  let digits = (match[2] ?? '') + fraction;
  let exponent = Number(match[4] ?? 0) - fraction.length;
  digits = digits.replace(/^0+/, '');
  const trailing = digits.length - digits.replace(/0+$/, '').length;
  digits = digits.slice(0, digits.length - trailing);
  exponent += trailing;
  return { negative: match[1] === '-' && digits !== '', digits, exponent: digits === '' ? 0 : exponent };
}

function sameDecimal(a: ReturnType<typeof decimalValue>, b: ReturnType<typeof decimalValue>): boolean {
  return a.negative === b.negative && a.digits === b.digits && a.exponent === b.exponent;
}
