// A reader that goes away (`tsseq run -v x.json | head -1`) makes writes fail with EPIPE. Node
// ignores SIGPIPE and raises that as an 'error' event, which uncaught is a stack trace. Here it
// is what SIGPIPE is to a shell tool: the end of the command, quietly, with 128 + SIGPIPE (141);
// a running sequence is stopped first (runInEngine listens), as when interrupted.
import { ExitCode } from './exitCodes.js';

const listeners = new Set<() => void>();
let broken = false;

/** True once stdout or stderr lost its reader: nothing more should be written. */
export function pipeBroken(): boolean {
  return broken;
}

/** Calls `listener` when a pipe breaks; returns the function that stops listening. */
export function onBrokenPipe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Installs the handler on stdout and stderr (once, at start-up). */
export function guardBrokenPipes(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      if (broken) return;
      broken = true;
      process.exitCode = ExitCode.BrokenPipe;
      for (const listener of listeners) listener();
    });
  }
}
