// A reader that goes away (`tsseq run -v x.json | head -1`) makes writes fail with EPIPE. Node
// ignores SIGPIPE and raises that as an 'error' event, which uncaught is a stack trace. Here it
// is what SIGPIPE is to a shell tool: the end of the command, quietly, with 128 + SIGPIPE (141);
// a running sequence is stopped first (runInEngine listens), as when interrupted. Other write
// errors (a full disk) end it alike, with exit code 74.
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
      if (broken) return;
      broken = true;
      // Any other write failure (ENOSPC on >/dev/full, EIO) ends the command the same way, with
      // its own code and, when the other stream still works, one line saying why.
      process.exitCode = error.code === 'EPIPE' ? ExitCode.BrokenPipe : ExitCode.OutputFailed;
      if (error.code !== 'EPIPE' && stream === process.stdout) {
        try {
          process.stderr.write(`tsseq: cannot write the output (${error.code ?? error.message}); the run was stopped.\n`);
        } catch {
          // stderr is gone too
        }
      }
      for (const listener of listeners) listener();
    });
  }
}
