// Scenario: a Node program's first step. Time from Engine.start() (the engine process not yet
// running) to the first invokeStep's result of a cheap step (SetTaskSequenceVariable), then
// close(); the median of a few such starts. The engine's files are in the OS cache after the first
// start, as they are for a user who runs tsseq more than once.
// Baseline, same run: node-powershell 5.0.1 starting the same embedded pwsh, Import-Module of the
// generated module, and Invoke-TsStep of the same step (its result as JSON parsed in Node).
// Target: ≤ 0.6 s (600 ms).
// Knobs: BENCH_COLD_STARTS (starts per side, 3).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '../dist/src/bridge/Engine.js';
import { check, envNumber, figure, importModuleCommand, median, newNodePowerShell, psQuote, requireEmbeddedEngine } from './lib.mjs';

const COLD_STARTS = envNumber('BENCH_COLD_STARTS', 3);

const step = { type: 'SetTaskSequenceVariable', name: 'Noop', variableName: 'V', variableValue: '%In%' };
const invokeOnce = (value) =>
  `$r = Invoke-TsStep -Type SetTaskSequenceVariable -Parameters @{ Name = 'Noop'; VariableName = 'V'; VariableValue = '%In%' } -Variables @{ In = ${psQuote(value)} }; [TsSequence.Json.JsonCodec]::Serialize($r)`;

async function coldStart(startAndFirstCall) {
  const times = [];
  for (let i = 0; i < COLD_STARTS; i++) {
    const started = performance.now();
    const close = await startAndFirstCall();
    times.push(performance.now() - started);
    await close();
  }
  return median(times);
}

requireEmbeddedEngine();
const scratch = mkdtempSync(join(tmpdir(), 'tsseq-bench-'));
try {
  const ours = await coldStart(async () => {
    const engine = await Engine.start({ engine: 'embedded' });
    const result = await engine.invokeStep(step, { variables: { In: 'v0' } });
    check(result.variables.V, 'v0', 'bridge invokeStep');
    return () => engine.close();
  });
  const nodePowerShell = await coldStart(async () => {
    const shell = newNodePowerShell(scratch);
    await shell.invoke(importModuleCommand());
    const result = await shell.invoke(invokeOnce('v0'));
    check(JSON.parse(result.raw).variables.V, 'v0', 'node-powershell Invoke-TsStep');
    return () => shell.dispose();
  });
  figure({
    bench: 'bridge.cold-start',
    figure: 'start-to-first-step',
    value: ours,
    unit: 'ms (median of starts)',
    baseline: { name: 'node-powershell start + Import-Module + Invoke-TsStep', value: nodePowerShell },
    target: { max: 600 },
  });
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
