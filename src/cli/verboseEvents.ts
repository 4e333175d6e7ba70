// `tsseq run -v` / `tsseq resume -v`: the engine's events printed as they arrive, each line
// prefixed by its step's path. Output of a step's stderr and error streams, and warning or error
// log lines, go to stderr; the rest to stdout (with --json all of it goes to stderr, which keeps
// stdout for the result document). Text passes through `printable`, so a script cannot send
// terminal escapes through its output.
import type { EngineEvent, OutputEvent } from '../bridge/protocol.js';
import { printable, printableLine } from './printable.js';

export interface EventStreams {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

const ERROR_STREAMS = new Set(['stderr', 'error']);

/** A callback printing `event` to `streams` (all to stderr when `json`). */
export function verbosePrinter(streams: EventStreams, json = false): (event: EngineEvent) => void {
  return (event) => {
    const line = describe(event);
    if (!line) return;
    (json || line.toStderr ? streams.stderr : streams.stdout).write(`${line.text}\n`);
  };
}

function describe(event: EngineEvent): { text: string; toStderr: boolean } | undefined {
  const prefix = (path: unknown) => (typeof path === 'string' && path.length > 0 ? `[${printableLine(path)}] ` : '');
  if (event.kind === 'output') {
    const output = event as OutputEvent;
    const label = output.stream === 'stdout' || output.stream === 'output' || output.stream === 'information' ? '' : `${output.stream}: `;
    return { text: `${prefix(output.path)}${label}${printable(String(output.text))}`, toStderr: ERROR_STREAMS.has(output.stream) };
  }
  if (event.kind === 'log') {
    const level = String(event.level);
    const label = level === 'warning' || level === 'error' ? `${level.toUpperCase()}: ` : '';
    return { text: `${prefix(event.path)}${label}${printable(String(event.message))}`, toStderr: level === 'warning' || level === 'error' };
  }
  return undefined;
}
