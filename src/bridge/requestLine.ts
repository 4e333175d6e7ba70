// A request as the bytes of one NDJSON line: exactly Buffer.from(JSON.stringify(request) + '\n'),
// made faster for the part that can be large, the variables record (10,000 variables of 1 KB are
// a normal run). JSON.stringify builds its result in pieces; writing it flattens them into one
// 10 MB string and encodes that to bytes: three passes, and two 10 MB strings for the garbage
// collector. Here a name or value that JSON.stringify would write unchanged (ASCII, no '"', '\'
// or control character: what variables nearly always are) is copied straight into the line's
// buffer; any other string, and everything else, goes through JSON.stringify. About half the time
// of the JSON.stringify path for 10 MB of variables (Node 20).

/** The line `{"type":"request","id":…,"method":…,"params":{…}}\n` as JSON.stringify writes it. */
export function encodeRequestLine(id: number, method: string, params: Record<string, unknown>): Buffer {
  const variables = isPlainRecord(params.variables) ? params.variables : undefined;
  const line = new LineWriter(1024 + (variables ? recordSizeEstimate(variables) : 0));
  line.json(`{"type":"request","id":${JSON.stringify(id)},"method":${JSON.stringify(method)},"params":{`);
  let first = true;
  for (const key of Object.keys(params)) {
    const record = key === 'variables' ? variables : undefined;
    const text = record ? undefined : JSON.stringify(params[key]);
    if (!record && text === undefined) continue; // undefined, a function: left out, as by JSON.stringify
    line.json(`${first ? '' : ','}${JSON.stringify(key)}:`);
    first = false;
    if (record) line.record(record);
    else line.json(text!);
  }
  line.json('}}\n');
  return line.bytes();
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return (prototype === Object.prototype || prototype === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** The record's size when nothing needs escaping, so the buffer seldom has to grow. */
function recordSizeEstimate(record: Record<string, unknown>): number {
  let size = 2;
  for (const name of Object.keys(record)) {
    const value = record[name];
    size += name.length + (typeof value === 'string' ? value.length : 0) + 6; // quotes, colon, comma
  }
  return size;
}

class LineWriter {
  private line: Buffer;
  // The same memory as 32-bit words, to look for control characters four bytes at a time.
  private words: Int32Array;
  private at = 0;

  constructor(capacity: number) {
    this.line = Buffer.allocUnsafeSlow(capacity); // its own memory, at offset 0: word-aligned
    this.words = new Int32Array(this.line.buffer, 0, capacity >> 2);
  }

  bytes(): Buffer {
    return this.line.subarray(0, this.at);
  }

  json(text: string): void {
    this.reserve(Buffer.byteLength(text));
    this.at += this.line.write(text, this.at, 'utf8');
  }

  record(record: Record<string, unknown>): void {
    this.byte(0x7b); // {
    let first = true;
    for (const name of Object.keys(record)) {
      const value = record[name];
      const text = typeof value === 'string' ? undefined : JSON.stringify(value);
      if (typeof value !== 'string' && text === undefined) continue; // left out, as by JSON.stringify
      if (!first) this.byte(0x2c); // ,
      first = false;
      this.string(name);
      this.byte(0x3a); // :
      if (text === undefined) this.string(value as string);
      else this.json(text);
    }
    this.byte(0x7d); // }
  }

  private byte(value: number): void {
    this.reserve(1);
    this.line[this.at++] = value;
  }

  /** A string as JSON.stringify writes it: copied between quotes when it needs no escaping. */
  private string(text: string): void {
    const length = text.length;
    // ASCII (one UTF-8 byte per character) and neither '"' nor '\': these checks are native and fast.
    if (Buffer.byteLength(text) === length && !text.includes('"') && !text.includes('\\')) {
      this.reserve(length + 2);
      const start = this.at + 1;
      this.line[this.at] = 0x22;
      this.line.write(text, start, 'latin1');
      if (!this.hasControlCharacter(start, start + length)) {
        this.line[start + length] = 0x22;
        this.at = start + length + 1;
        return;
      }
    }
    this.json(JSON.stringify(text)); // written over the attempt, if there was one
  }

  /** Whether a byte in [from, to) is below 0x20 (JSON must escape it); the bytes are all ASCII. */
  private hasControlCharacter(from: number, to: number): boolean {
    const { line, words } = this;
    let i = from;
    for (; i < to && i % 4 !== 0; i++) if (line[i]! < 0x20) return true;
    const lastWord = to >> 2;
    for (let w = i >> 2; w < lastWord; w++) {
      // Some byte of x is below 0x20 exactly when this is not 0, for bytes below 0x80
      // (the classic "has a byte less than n" test, from Bit Twiddling Hacks).
      const x = words[w]!;
      if ((x - 0x20202020) & ~x & 0x80808080) return true;
    }
    for (i = Math.max(i, lastWord * 4); i < to; i++) if (line[i]! < 0x20) return true;
    return false;
  }

  private reserve(bytes: number): void {
    if (this.at + bytes <= this.line.length) return;
    const larger = Buffer.allocUnsafeSlow(Math.max(this.line.length * 2, this.at + bytes));
    this.line.copy(larger, 0, 0, this.at);
    this.line = larger;
    this.words = new Int32Array(larger.buffer, 0, larger.length >> 2);
  }
}

/** Below this many variables JSON.stringify is as fast, and already compiled: a no-op step's request costs 0.05 ms less that way. */
const LARGE_RECORD = 256;

/** A request's line: encodeRequestLine for a large variables record, JSON.stringify (the same bytes) otherwise. */
export function encodeRequest(id: number, method: string, params: Record<string, unknown>): Buffer {
  const variables = params.variables;
  if (isPlainRecord(variables) && Object.keys(variables).length >= LARGE_RECORD) return encodeRequestLine(id, method, params);
  return Buffer.from(`${JSON.stringify({ type: 'request', id, method, params })}\n`, 'utf8');
}
