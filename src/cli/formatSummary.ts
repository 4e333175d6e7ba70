// The readable form of a result document: one line per step and group, indented by depth; a
// step's message starts on its line and further message lines follow, indented under the step.
// Nothing is cut mid-message: long lines wrap, and only past MAX_MESSAGE_LINES does the summary
// say how many lines it left out (`--json` always has the whole text). Under a failed step come
// the last lines of its output (the result's outputTail), so a failure shows why without -v.
// The totals count every status as it is, WhatIf included (a what-if step never counts as Succeeded).
import type { ResultDocument, StepResult } from '../bridge/protocol.js';
import { printable, printableLine } from './printable.js';

interface Placement {
  depth: number;
  name: string;
}

/**
 * Depth and name of every path in the document. Taking them from the document rather than
 * splitting paths on '/' keeps names that contain '/' intact.
 */
export function placeSteps(document: unknown): Map<string, Placement> {
  const placements = new Map<string, Placement>();
  const walk = (steps: unknown, prefix: string, depth: number) => {
    if (!Array.isArray(steps)) return;
    for (const step of steps as Array<Record<string, unknown>>) {
      if (typeof step !== 'object' || step === null) continue;
      const name = typeof step.name === 'string' ? step.name : String(step.type ?? '');
      const path = prefix ? `${prefix}/${name}` : name;
      if (!placements.has(path)) placements.set(path, { depth, name });
      walk(step.steps, path, depth + 1);
    }
  };
  walk((document as { steps?: unknown } | undefined)?.steps, '', 0);
  return placements;
}

export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

function describeStatus(step: StepResult): string {
  return step.skipReason ? `${step.status} (${step.skipReason})` : step.status;
}

export function formatSummary(result: ResultDocument, document: unknown, title?: string): string {
  const placements = placeSteps(document);
  const rows = (result.steps ?? []).map((step) => {
    const placement = placements.get(step.path) ?? { depth: step.path.split('/').length - 1, name: step.path.split('/').pop() ?? step.path };
    return {
      label: '  '.repeat(placement.depth) + printableLine(placement.name),
      status: describeStatus(step),
      exit: step.exitCode === undefined || step.exitCode === null ? '' : `exit ${step.exitCode}`,
      duration: formatDuration(step.durationMs),
      indent: '  '.repeat(placement.depth),
      message: messageLines(step.message ?? ''),
      output: outputLines(step),
    };
  });
  const width = (key: 'label' | 'status' | 'exit' | 'duration') => Math.max(0, ...rows.map((row) => row[key].length));
  const [labelWidth, statusWidth, exitWidth, durationWidth] = [width('label'), width('status'), width('exit'), width('duration')];
  const lines = title ? [printableLine(title)] : [];
  for (const row of rows) {
    const columns = [row.label.padEnd(labelWidth), row.status.padEnd(statusWidth), row.exit.padEnd(exitWidth), row.duration.padStart(durationWidth)];
    const [first, ...rest] = row.message;
    lines.push(`${columns.join('  ')}${first ? `  ${first}` : ''}`.trimEnd());
    for (const line of rest) lines.push(`${row.indent}    ${line}`.trimEnd());
    if (row.output.length) {
      lines.push(`${row.indent}    last output:`);
      for (const line of row.output) lines.push(`${row.indent}    | ${line}`.trimEnd());
    }
  }
  const counts = countStatuses(result.steps ?? []);
  lines.push(`Sequence ${result.status} (exit code ${result.exitCode})${counts ? `: ${counts}` : ''}`);
  return lines.join('\n');
}

function countStatuses(steps: StepResult[]): string {
  const counts = new Map<string, number>();
  for (const step of steps) counts.set(step.status, (counts.get(step.status) ?? 0) + 1);
  return [...counts].map(([status, count]) => `${count} ${status}`).join(', ');
}

/** A failed step's last output lines (the engine keeps at most 20), printable; none for other steps. */
export function outputLines(step: StepResult): string[] {
  if ((step.status !== 'Failed' && step.status !== 'FailedContinued') || typeof step.outputTail !== 'string') return [];
  return step.outputTail.split(/\r?\n/).map((line) => printable(line));
}

/** Width a message line wraps at, and how many lines of one step's message the summary shows. */
export const MESSAGE_WIDTH = 100;
export const MAX_MESSAGE_LINES = 40;

/**
 * A step message as summary lines: its own lines (blank ones dropped), each wrapped at
 * MESSAGE_WIDTH on spaces (a wrapped remainder is indented two more), at most MAX_MESSAGE_LINES
 * of them, the last then saying how many more there were.
 */
export function messageLines(text: string, width = MESSAGE_WIDTH, limit = MAX_MESSAGE_LINES): string[] {
  const lines: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = printable(raw).trimEnd();
    if (line.trim().length > 0) lines.push(...wrap(line, width));
  }
  if (lines.length <= limit) return lines;
  const kept = lines.slice(0, limit - 1);
  kept.push(`… ${lines.length - kept.length} more lines (tsseq run --json shows the whole message)`);
  return kept;
}

function wrap(line: string, width: number): string[] {
  const lead = /^\s*/.exec(line)![0];
  const out: string[] = [];
  let rest = line.slice(lead.length);
  let prefix = lead;
  while (prefix.length + rest.length > width) {
    const room = Math.max(1, width - prefix.length);
    let cut = rest.lastIndexOf(' ', room);
    if (cut <= 0) cut = room; // a word longer than the line: cut it
    out.push(prefix + rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
    prefix = `${lead}  `;
  }
  out.push(prefix + rest);
  return out;
}
