// Paths given on the command line (--log, --state-dir) are refused when they hold a control
// character (C0, DEL or C1): no real file or folder needs one, a state folder is written into a
// restart provider's unit or task (a line feed there would add a line of its own), and a log path
// is echoed in messages and the log itself. Refused before the engine starts: exit 2.
import { CliError, ExitCode } from './exitCodes.js';

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const NAMES: Record<number, string> = { 0x00: 'a NUL', 0x09: 'a tab', 0x0a: 'a line feed', 0x0d: 'a carriage return', 0x1b: 'an escape' };

const hex = (code: number) => code.toString(16).toUpperCase().padStart(4, '0');

/** `value` with each control character shown as \uXXXX (so a message can quote it on one line). */
function shown(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${hex(c.charCodeAt(0))}`);
}

/**
 * Throws a usage error (exit 2) naming `option` when `value` holds a control character: which one,
 * at which character (1-based), and that `what` cannot hold one.
 */
export function refuseControlCharacters(option: string, value: string | undefined, what: string): void {
  if (value === undefined) return;
  const match = CONTROL.exec(value);
  if (!match) return;
  const code = match[0].charCodeAt(0);
  const name = NAMES[code] ?? (code >= 0x80 ? 'a C1 control character' : 'a control character');
  throw new CliError(
    `${option} '${shown(value)}' holds ${name} (U+${hex(code)}) at character ${match.index + 1}; ${what} cannot hold control characters. Nothing was run.`,
    ExitCode.InvalidInput,
  );
}

/** The checks of the path options `run` and `resume` take. */
export function checkPathOptions(options: { log?: string; stateDir?: string }): void {
  refuseControlCharacters('--state-dir', options.stateDir, "a state folder's path");
  refuseControlCharacters('--log', options.log, "a log file's path");
}
