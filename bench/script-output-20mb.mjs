// Scenario: a chatty script. Run PowerShell Script (invokeStep) printing 200,000 lines of 99
// characters (20 MB of pipeline output) consumed by the step (outputVariableName: the variable
// receives its tail, checked). One engine, the median of a few runs after a first one.
// Two scripts print the same lines:
// - `foreach ($i in 1..N) { 'x' * 99 }` (the figure with the target): PowerShell's own loop costs
//   about 50 ms here, so the figure measures what moving the output costs;
// - `1..N | ForEach-Object { 'x' * 99 }`: ForEach-Object invokes a script block per line, which
//   alone costs PowerShell 0.5–1 s, the same for every host; printed for comparison.
// Baseline, same run: node-powershell 5.0.1 running the same script text on the same embedded pwsh
// (it receives all the text; its line count is checked), the median of as many runs after a first.
// Target: `run` ≥ 20× faster than the baseline (ratio ≥ 20).
// Knobs: BENCH_SCRIPT_LINES (200000), BENCH_SCRIPT_RUNS (runs after the first, 3).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '../dist/src/bridge/Engine.js';
import { check, envNumber, figure, median, newNodePowerShell, requireEmbeddedEngine, timed } from './lib.mjs';

const LINES = envNumber('BENCH_SCRIPT_LINES', 200_000);
const RUNS = envNumber('BENCH_SCRIPT_RUNS', 3);
const LINE = 'x'.repeat(99);
const BENCH = 'bridge.script-output-20mb';
const SIZE = `${LINES} lines, ${((LINES * (LINE.length + 1)) / 1e6).toFixed(1)} MB`;

// One line each: node-powershell hangs on multi-line commands in -Command - mode.
const SCRIPTS = [
  { figure: 'run', script: `foreach ($i in 1..${LINES}) { 'x' * 99 }`, target: { ratioMin: 20 } },
  { figure: 'run-foreach-object', script: `1..${LINES} | ForEach-Object { 'x' * 99 }` },
];

async function medianOfRuns(once) {
  await once();
  const times = [];
  for (let i = 0; i < RUNS; i++) times.push((await timed(once)).ms);
  return median(times);
}

requireEmbeddedEngine();
const measured = SCRIPTS.map((entry) => ({ ...entry }));
const engine = await Engine.start({ engine: 'embedded' });
try {
  for (const entry of measured) {
    const step = { type: 'RunPowerShellScript', name: 'Chatty', sourceScript: entry.script, outputVariableName: 'Out' };
    entry.ours = await medianOfRuns(async () => {
      const result = await engine.invokeStep(step);
      check(result.status, 'Succeeded', `${entry.figure}: status`);
      check(result.variables.Out?.trimEnd().endsWith(LINE), true, `${entry.figure}: the output variable ends with a line`);
    });
    // The floor: the same script discarding its output in the script itself, so only PowerShell's
    // own work and the step remain.
    entry.silent = await medianOfRuns(async () => {
      const result = await engine.invokeStep({ ...step, sourceScript: `$null = ${entry.script}` });
      check(result.status, 'Succeeded', `${entry.figure} (output discarded): status`);
    });
  }
} finally {
  await engine.close();
}

const scratch = mkdtempSync(join(tmpdir(), 'tsseq-bench-'));
const shell = newNodePowerShell(scratch);
try {
  for (const entry of measured) {
    entry.nodePowerShell = await medianOfRuns(async () => {
      const result = await shell.invoke(entry.script);
      const lines = result.raw.split('\n').filter((line) => line.trimEnd() === LINE).length;
      check(lines, LINES, `node-powershell (${entry.figure}): lines received`);
    });
  }
} finally {
  await shell.dispose();
  rmSync(scratch, { recursive: true, force: true });
}

for (const entry of measured) {
  figure({
    bench: BENCH,
    figure: entry.figure,
    value: entry.ours,
    unit: `ms (median of ${RUNS}; ${SIZE}; script: ${entry.script})`,
    baseline: { name: 'node-powershell running the same script (all its text received)', value: entry.nodePowerShell },
    ...(entry.target ? { target: entry.target } : {}),
  });
  figure({
    bench: BENCH,
    figure: `${entry.figure}:script-alone`,
    value: entry.silent,
    unit: `ms (median of ${RUNS}; the same script discarding its output: PowerShell's own work, the floor)`,
  });
  figure({
    bench: BENCH,
    figure: `${entry.figure}:output-overhead`,
    value: Math.max(0, entry.ours - entry.silent),
    unit: 'ms (run − script-alone: what reading the output costs the engine)',
  });
}
