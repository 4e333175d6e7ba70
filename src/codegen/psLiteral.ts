// PowerShell literals that never expand: single-quoted strings ('' doubles a quote), $true,
// $false, $null, numbers, @() arrays and @{} hashtables. Non-ASCII text is refused because
// PowerShell also treats U+2018-U+201B as single quotes and Windows PowerShell 5.1 reads
// BOM-less files as ANSI.
import type { JsonValue } from './model.js';

const PS_SAFE_TEXT = /^[\t\n\r\x20-\x7e]*$/;

export function psString(value: string): string {
  if (!PS_SAFE_TEXT.test(value)) throw new Error(`Refusing to emit non-ASCII text as a PowerShell literal: ${JSON.stringify(value)}`);
  return `'${value.replace(/'/g, "''")}'`;
}

export function psNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`Cannot emit ${value} as a PowerShell number`);
  return String(value);
}

/** A number PowerShell parses as [double] even when it is whole (for ValidateRange on [double]). */
export function psDouble(value: number): string {
  const text = psNumber(value);
  return /[.eE]/.test(text) ? text : `${text}.0`;
}

export function psValue(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return '$null';
  if (typeof value === 'string') return psString(value);
  if (typeof value === 'number') return psNumber(value);
  if (typeof value === 'boolean') return value ? '$true' : '$false';
  if (Array.isArray(value)) return `@(${value.map((item) => psValue(item)).join(', ')})`;
  const entries = Object.entries(value).map(([key, item]) => `${psString(key)} = ${psValue(item)}`);
  return entries.length === 0 ? '@{}' : `@{ ${entries.join('; ')} }`;
}

/** A list of strings as a PowerShell array, or $null when absent. */
export function psStringArray(values: readonly string[] | undefined): string {
  return values === undefined ? '$null' : `@(${values.map(psString).join(', ')})`;
}

export function psNumberOrNull(value: number | undefined): string {
  return value === undefined ? '$null' : psNumber(value);
}
