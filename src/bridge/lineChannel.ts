// NDJSON framing over a byte stream. Chunks are kept in a list and joined once per complete line,
// so a 1 MB line arriving in 64 KB pieces costs one copy, not one copy per piece. Bytes are
// decoded only after a line is complete, so a UTF-8 sequence split across chunks stays intact.
import type { Duplex } from 'node:stream';

/** Splits a byte stream into lines (without the trailing \n; a trailing \r is dropped too). */
export class LineSplitter {
  private pending: Buffer[] = [];
  private pendingLength = 0;
  /** Inside a line over the limit: its bytes are dropped up to its newline. */
  private skipping = false;

  constructor(
    private readonly onLine: (line: string) => void,
    private readonly maxLineBytes = Number.MAX_SAFE_INTEGER,
    private readonly onOversize: (bytes: number) => void = () => undefined,
  ) {}

  push(chunk: Buffer): void {
    let start = 0;
    let newline = chunk.indexOf(0x0a, start);
    while (newline !== -1) {
      if (this.skipping) {
        this.skipping = false;
        start = newline + 1;
        newline = chunk.indexOf(0x0a, start);
        continue;
      }
      const tail = chunk.subarray(start, newline);
      if (this.pendingLength + tail.length > this.maxLineBytes) {
        this.onOversize(this.pendingLength + tail.length);
        this.pending = [];
        this.pendingLength = 0;
        start = newline + 1;
        newline = chunk.indexOf(0x0a, start);
        continue;
      }
      const bytes = this.pendingLength === 0 ? tail : Buffer.concat([...this.pending, tail], this.pendingLength + tail.length);
      this.pending = [];
      this.pendingLength = 0;
      const end = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
      this.onLine(bytes.toString('utf8', 0, end));
      start = newline + 1;
      newline = chunk.indexOf(0x0a, start);
    }
    if (start < chunk.length && !this.skipping) {
      this.pending.push(chunk.subarray(start));
      this.pendingLength += chunk.length - start;
      // Never held whole (a string that long cannot even be made): dropped, and reported once.
      if (this.pendingLength > this.maxLineBytes) {
        const bytes = this.pendingLength;
        this.pending = [];
        this.pendingLength = 0;
        this.skipping = true;
        this.onOversize(bytes);
      }
    }
  }

  /** Bytes received after the last newline (an unterminated line). */
  get bufferedBytes(): number {
    return this.pendingLength;
  }
}

/** One JSON value per line; JSON.stringify escapes newlines inside strings, so a message is one line. */
export function encodeMessage(message: unknown): string {
  return JSON.stringify(message) + '\n';
}

export type LineChannelHandlers = {
  onMessage: (message: unknown) => void;
  /** A line that is not JSON: a protocol violation, reported rather than thrown. */
  onBadLine: (line: string, error: Error) => void;
  /** The longest line accepted; a longer one is dropped and reported through onOversizeLine. */
  maxLineBytes?: number;
  onOversizeLine?: (bytes: number) => void;
};

/** Reads and writes NDJSON messages on a socket (or any duplex byte stream). */
export class LineChannel {
  private readonly splitter: LineSplitter;

  constructor(private readonly stream: Duplex, handlers: LineChannelHandlers) {
    this.splitter = new LineSplitter((line) => {
      if (line.trim() === '') return;
      let message: unknown;
      try {
        message = JSON.parse(line);
      } catch (error) {
        handlers.onBadLine(line, error as Error);
        return;
      }
      handlers.onMessage(message);
    }, handlers.maxLineBytes, handlers.onOversizeLine);
    stream.on('data', (chunk: Buffer | string) => this.splitter.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk));
  }

  send(message: unknown): void {
    this.sendLine(encodeMessage(message));
  }

  /** Writes a line made by encodeMessage (or its bytes: encodeRequestLine). */
  sendLine(line: string | Buffer): void {
    if (typeof line === 'string') this.stream.write(line, 'utf8');
    else this.stream.write(line);
  }
}
