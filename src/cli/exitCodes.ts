// tsseq's exit codes (DESIGN §4 CLI).
import type { ResultDocument } from '../bridge/protocol.js';

export const ExitCode = {
  Succeeded: 0,
  Failed: 1,
  InvalidInput: 2,
  RestartPending: 3010,
} as const;

/** A failure the CLI reports as one message and an exit code, never as a stack trace. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(message: string, readonly exitCode: number) {
    super(message);
  }
}

/** The exit code for a finished run: its status decides, whatever a step's own code was. */
export function exitCodeFor(result: Pick<ResultDocument, 'status'>): number {
  switch (result.status) {
    case 'Succeeded':
      return ExitCode.Succeeded;
    case 'RestartPending':
      return ExitCode.RestartPending;
    default:
      return ExitCode.Failed;
  }
}
