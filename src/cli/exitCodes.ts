// tsseq's exit codes (DESIGN §4 CLI, README "CLI"); 130 and 143 (SIGINT, SIGTERM) come from run.ts.
import { EngineRequestError, InvalidRequestError } from '../bridge/errors.js';
import type { ResultDocument } from '../bridge/protocol.js';

export const ExitCode = {
  Succeeded: 0,
  Failed: 1,
  InvalidInput: 2,
  /** The engine could not start, or died during the run: what ran is unknown beyond the steps reported. */
  EngineFailed: 3,
  /** stdout or stderr was closed by its reader (`tsseq run -v | head -1`): 128 + SIGPIPE, as a shell reports it. */
  BrokenPipe: 141,
  /** stdout or stderr could not be written (a full disk, an I/O error): sysexits' EX_IOERR. */
  OutputFailed: 74,
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

/**
 * Engine error ids for input it refused before running anything: the variables, the document,
 * a state folder in use, or (resume) a saved state it cannot trust or a sequence file changed since.
 */
const INVALID_INPUT_ERROR_IDS = new Set([
  'tssequence.invalidvariable',
  'tssequence.invalidsequence',
  'tssequence.invalidstate',
  'tssequence.sequencechanged',
  'tssequence.statefolderinuse',
  'tssequence.invalidoptions',
  'tssequence.runfolderunavailable',
  'tssequence.logunavailable',
  // the sequence file a resume checks again: not JSON any more, or not a regular file, too large, not UTF-8
  'tssequence.sequencefilenotjson',
  'tssequence.sequencefilerefused',
]);

/**
 * True when a failed run request means invalid input (exit 2, nothing ran): Node refused to send
 * it, or the engine refused the document or variables (a JSON path, or one of those error ids).
 */
export function isInvalidInputError(error: unknown): error is EngineRequestError | InvalidRequestError {
  if (error instanceof InvalidRequestError) return true;
  if (!(error instanceof EngineRequestError)) return false;
  // "TsSequence.InvalidVariable,Invoke-TsSequence" is the same id with PowerShell's command suffix.
  const id = (error.errorId ?? '').split(',')[0]!.trim().toLowerCase();
  return Boolean(error.path) || INVALID_INPUT_ERROR_IDS.has(id);
}
