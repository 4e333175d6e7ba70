// The readable form of a result document: one line per step and group, indented by depth.
import type { ResultDocument, StepResult } from '../bridge/protocol.js';

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
      label: '  '.repeat(placement.depth) + placement.name,
      status: describeStatus(step),
      exit: step.exitCode === undefined || step.exitCode === null ? '' : `exit ${step.exitCode}`,
      duration: formatDuration(step.durationMs),
      message: oneLine(step.message ?? ''),
    };
  });
  const width = (key: 'label' | 'status' | 'exit' | 'duration') => Math.max(0, ...rows.map((row) => row[key].length));
  const [labelWidth, statusWidth, exitWidth, durationWidth] = [width('label'), width('status'), width('exit'), width('duration')];
  const lines = title ? [title] : [];
  for (const row of rows) {
    const columns = [row.label.padEnd(labelWidth), row.status.padEnd(statusWidth), row.exit.padEnd(exitWidth), row.duration.padStart(durationWidth)];
    lines.push(`${columns.join('  ')}${row.message ? `  ${row.message}` : ''}`.trimEnd());
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

function oneLine(text: string): string {
  const flat = text.replace(/\s*\r?\n\s*/g, ' ⏎ ').trim();
  return flat.length > 160 ? `${flat.slice(0, 159)}…` : flat;
}
