// tsseq's exit codes (DESIGN §4 CLI).
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
