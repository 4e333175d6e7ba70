// Time limits given in milliseconds: Node's timers take at most 2^31-1 ms and fire at once for
// anything else (Infinity, NaN, 3e9), so a limit is checked before it is used: Infinity means no
// limit, a larger finite one is the longest a timer can wait (about 24.8 days).
import { InvalidRequestError } from './errors.js';

export const LONGEST_TIMER_MS = 2 ** 31 - 1;

/**
 * `value` as a timer delay (undefined: no limit); throws InvalidRequestError naming `name` for
 * anything but a number from 0 up, or Infinity.
 */
export function timerDelay(value: unknown, name: string, method: string): number | undefined {
  if (value === undefined || value === Infinity) return undefined;
  if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
    throw new InvalidRequestError(method, `${method}: ${name} must be a number of milliseconds from 0 up (or Infinity for no limit), got ${typeof value === 'number' ? String(value) : typeof value}.`);
  }
  return Math.min(value, LONGEST_TIMER_MS);
}
