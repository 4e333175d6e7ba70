// What every bench file shares: statistics, the JSON line each figure prints, the engine's peak
// memory, and node-powershell on the embedded pwsh (the baseline most figures compare with).
// A figure line (DESIGN §6):
//   {"bench", "figure", "value", "unit", "baseline", "baselineValue", "ratio", "target", "met"}
// ratio = baseline ÷ ours (above 1 = tsseq faster or smaller), null without a baseline; target says
// what the figure should reach, met whether this run reached it. Baselines are measured in the
// same run; nothing here asserts on time: a missed target is printed, not thrown.
import { accessSync, constants, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PowerShell } from 'node-powershell';
import { paths } from '../dist/src/bridge/paths.js';

// pwsh writes terminal escape sequences (colours, keypad mode) before its output when TERM names a
// terminal; node-powershell returns text, so its baseline would read them as part of its output.
process.env.TERM = 'dumb';

export { paths };

/** A positive number from the environment, or `fallback`. */
export function envNumber(name, fallback) {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`bench: ${name}=${text} is not a positive number`);
  return value;
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
export const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;

export function check(actual, expected, what) {
  if (actual !== expected) throw new Error(`${what} returned ${JSON.stringify(actual)?.slice(0, 200)}, expected ${JSON.stringify(expected)?.slice(0, 200)}`);
}

/** Milliseconds `action` takes, and what it returned. */
export async function timed(action) {
  const started = performance.now();
  const result = await action();
  return { ms: performance.now() - started, result };
}

const round = (n) => (n === null || n === undefined ? null : Math.round(n * 1000) / 1000);

/**
 * A target: `max`, `below` or `min` for the value, `ratioMin` for the ratio (all optional), in the
 * figure's unit. Its text is what the line prints.
 */
function targetText({ max, below, min, ratioMin }, figureUnit) {
  const unit = figureUnit.split(' ')[0]; // 'ms/call (median)' → 'ms/call'
  const parts = [];
  if (max !== undefined) parts.push(`≤ ${max} ${unit}`);
  if (below !== undefined) parts.push(`< ${below} ${unit}`);
  if (min !== undefined) parts.push(`≥ ${min} ${unit}`);
  if (ratioMin !== undefined) parts.push(`ratio ≥ ${ratioMin}`);
  return parts.length ? parts.join(', ') : null;
}

function targetMet({ max, below, min, ratioMin }, value, ratio) {
  if (max === undefined && below === undefined && min === undefined && ratioMin === undefined) return null;
  return (max === undefined || value <= max) && (below === undefined || value < below) && (min === undefined || value >= min) && (ratioMin === undefined || (ratio ?? 0) >= ratioMin);
}

/**
 * Prints one figure. `baseline` is `{ name, value }` or undefined; `smallerIsBetter` decides the
 * ratio's direction (baseline ÷ ours for times and sizes, ours ÷ baseline otherwise).
 */
export function figure({ bench, figure: name, value, unit, baseline, target = {}, smallerIsBetter = true }) {
  const ratio = baseline ? Math.round((smallerIsBetter ? baseline.value / value : value / baseline.value) * 100) / 100 : null;
  const line = {
    bench,
    figure: name,
    value: round(value),
    unit,
    baseline: baseline?.name ?? null,
    baselineValue: round(baseline?.value),
    ratio,
    target: targetText(target, unit),
    met: targetMet(target, value, ratio),
  };
  console.log(JSON.stringify(line));
  return line;
}

/** Stops the bench when the embedded engine has not been built. */
export function requireEmbeddedEngine() {
  if (!existsSync(paths.embeddedHostDll)) {
    console.error(`bench: the embedded engine is not built (${paths.embeddedHostDll}); run npm run build.`);
    process.exit(1);
  }
}

/** A field of /proc/<pid>/status in MB (VmHWM = peak resident memory, VmRSS = now); Linux only. */
export function procStatusMb(pid, field) {
  let status;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch (error) {
    throw new Error(`bench: cannot read /proc/${pid}/status (${error.message}); the memory figures need Linux`);
  }
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!match) throw new Error(`bench: /proc/${pid}/status has no ${field}`);
  return Number(match[1]) / 1024;
}

/** The engine process's peak resident memory so far, in MB. */
export function enginePeakMb(engine) {
  if (engine.pid === undefined) throw new Error('bench: the engine has no process id');
  return procStatusMb(engine.pid, 'VmHWM');
}

export const psQuote = (text) => `'${text.replace(/'/g, "''")}'`;
export const importModuleCommand = () => `Import-Module ${psQuote(paths.moduleManifest)}`;

/** node-powershell starts `executable -NoLogo … -NoExit -Command -`, so it needs a program, not `dotnet x.dll`. */
function nodePowerShellExecutable(scratch) {
  const apphost = paths.embeddedHostDll.replace(/\.dll$/, process.platform === 'win32' ? '.exe' : '');
  try {
    accessSync(apphost, constants.X_OK);
    return apphost;
  } catch {
    // no apphost: a one-line wrapper that execs dotnet (costs one exec at start-up, not per call)
    const wrapper = join(scratch, 'tsseq-host.sh');
    writeFileSync(wrapper, `#!/bin/sh\nexec dotnet ${JSON.stringify(paths.embeddedHostDll)} "$@"\n`, { mode: 0o755 });
    return wrapper;
  }
}

/** node-powershell 5.0.1 on the embedded pwsh (the same PowerShell the engine is). */
export const newNodePowerShell = (scratch, options = {}) =>
  new PowerShell({
    executable: nodePowerShellExecutable(scratch),
    executableOptions: { '-NoProfile': true, '-NonInteractive': true },
    ...options,
  });
