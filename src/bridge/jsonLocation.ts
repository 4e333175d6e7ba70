// Turns JSON syntax errors into line, column and what was expected there. JSON.parse decides
// whether a text is JSON; when it is not, a small scanner of our own finds the first error and
// says what it expected in its own words. V8's message is never used: it quotes the text around
// the error ("Unexpected token 'p', "{"password": hunter2"... is not valid JSON"), and a document
// may hold a password. The scanner is iterative, so nesting of any depth cannot overflow the stack.

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
