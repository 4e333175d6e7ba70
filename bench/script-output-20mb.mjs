// Scenario: a chatty script. Run PowerShell Script (invokeStep) with the inline script
// `1..200000 | ForEach-Object { 'x' * 99 }`: 200,000 lines, 20 MB of pipeline output, consumed by
// the step (outputVariableName: the variable receives its tail, checked). One engine, the median of
// a few runs after a first one.
// Baseline, same run: node-powershell 5.0.1 running the same script text on the same embedded pwsh
// (it receives all the text; its line count is checked), the median of as many runs after a first.
// Target: ≥ 20× faster than the baseline (ratio ≥ 20).
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

// One line: node-powershell hangs on multi-line commands in -Command - mode.
const script = `1..${LINES} | ForEach-Object { 'x' * 99 }`;
const step = { type: 'RunPowerShellScript', name: 'Chatty', sourceScript: script, outputVariableName: 'Out' };

async function medianOfRuns(once) {
  await once();
  const times = [];
  for (let i = 0; i < RUNS; i++) times.push((await timed(once)).ms);
  return median(times);
}

requireEmbeddedEngine();
const engine = await Engine.start({ engine: 'embedded' });
let ours;
let silent;
try {
  ours = await medianOfRuns(async () => {
    const result = await engine.invokeStep(step);
    check(result.status, 'Succeeded', 'Run PowerShell Script: status');
    check(result.variables.Out?.trimEnd().endsWith(LINE), true, 'Run PowerShell Script: the output variable ends with a line');
  });
  // The floor: the same script discarding its output in the script itself, so only PowerShell's
  // own work (the pipeline, ForEach-Object) and the step remain.
  silent = await medianOfRuns(async () => {
    const result = await engine.invokeStep({ ...step, sourceScript: `$null = ${script}` });
    check(result.status, 'Succeeded', 'Run PowerShell Script (output discarded): status');
  });
} finally {
  await engine.close();
}

const scratch = mkdtempSync(join(tmpdir(), 'tsseq-bench-'));
const shell = newNodePowerShell(scratch);
let nodePowerShell;
try {
  nodePowerShell = await medianOfRuns(async () => {
    const result = await shell.invoke(script);
    const lines = result.raw.split('\n').filter((line) => line.trimEnd() === LINE).length;
    check(lines, LINES, 'node-powershell: lines received');
  });
} finally {
  await shell.dispose();
  rmSync(scratch, { recursive: true, force: true });
}

figure({
  bench: BENCH,
  figure: 'run',
  value: ours,
  unit: `ms (median of ${RUNS}; ${LINES} lines, ${((LINES * (LINE.length + 1)) / 1e6).toFixed(1)} MB)`,
  baseline: { name: 'node-powershell running the same script (all its text received)', value: nodePowerShell },
  target: { ratioMin: 20 },
});
figure({
  bench: BENCH,
  figure: 'script-alone',
  value: silent,
  unit: `ms (median of ${RUNS}; the same script discarding its output: PowerShell's own work, the floor of 'run')`,
});
figure({
  bench: BENCH,
  figure: 'output-overhead',
  value: Math.max(0, ours - silent),
  unit: 'ms (run − script-alone: what reading 20 MB of output costs the engine)',
});
