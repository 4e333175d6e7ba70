// Scenario: round trips of a cheap step (SetTaskSequenceVariable) through one persistent bridge
// session (Engine.invokeStep), against the ways a Node user could drive the same embedded pwsh
// instead, measured in this run:
//   (a) node-powershell 5.0.1 in `-Command -` mode, module imported once, Invoke-TsStep per call
//       (the same work: the step's result entry and variables, as JSON parsed in Node);
//   (b) node-powershell's cheapest round trip: a command that returns one value ('x');
//   (c) one engine process per call: `dotnet tsseq-host.dll -Command "Import-Module …; Invoke-TsStep …"`.
// Phases: warm-up (mean of the first 50 calls, while PowerShell interprets and .NET JITs) and
// steady state (the median call after that).
// Targets: steady ≤ 0.3 ms, warm-up ≤ 1 ms, and ≥ 3× faster than (b) in both phases.
// Knobs: BENCH_CALLS (steady calls, 1000: .NET's tiered JIT keeps optimizing hot code for the first
// few thousand calls, so a short run measures the JIT rather than the steady state), BENCH_PROCESS_CALLS (process-per-call calls, 3).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Engine } from '../dist/src/bridge/Engine.js';
import { check, envNumber, figure, importModuleCommand, mean, median, newNodePowerShell, paths, psQuote, requireEmbeddedEngine } from './lib.mjs';

const run = promisify(execFile);
const STEADY_CALLS = envNumber('BENCH_CALLS', 1000);
const WARM_UP = 50;
const PROCESS_PER_CALL_CALLS = envNumber('BENCH_PROCESS_CALLS', 3);
const BENCH = 'bridge.noop-step';

const step = { type: 'SetTaskSequenceVariable', name: 'Noop', variableName: 'V', variableValue: '%In%' };
// The baselines' command is one line: node-powershell hangs on multi-line commands in -Command -
// mode. The JSON is the module's own serializer (the codec the bridge uses), so the baseline
// returns the same data as the bridge.
const invokeOnce = (value) =>
  `$r = Invoke-TsStep -Type SetTaskSequenceVariable -Parameters @{ Name = 'Noop'; VariableName = 'V'; VariableValue = '%In%' } -Variables @{ In = ${psQuote(value)} }; [TsSequence.Json.JsonCodec]::Serialize($r)`;
const variableV = (json) => JSON.parse(json).variables.V;

/** Per-call times of `calls` sequential calls. */
async function timeEach(calls, once, offset = 0) {
  const times = [];
  for (let i = 0; i < calls; i++) {
    const started = performance.now();
    await once(offset + i);
    times.push(performance.now() - started);
  }
  return times;
}

/** Warm-up (mean of the first 50 calls) and steady state (median of the next ones). */
async function phases(once) {
  const warmUp = await timeEach(WARM_UP, once);
  const steady = await timeEach(STEADY_CALLS, once, WARM_UP);
  return { warmUp: mean(warmUp), steady: median(steady) };
}

const oursOnce = (engine) => async (i) => {
  const result = await engine.invokeStep(step, { variables: { In: `v${i}` } });
  check(result.variables.V, `v${i}`, 'bridge invokeStep');
};

const nodePowerShellStepOnce = (shell) => async (i) => {
  const result = await shell.invoke(invokeOnce(`v${i}`));
  check(variableV(result.raw), `v${i}`, 'node-powershell Invoke-TsStep');
};

async function measureOurs() {
  const engine = await Engine.start({ engine: 'embedded' });
  try {
    return await phases(oursOnce(engine));
  } finally {
    await engine.close();
  }
}

async function measureNodePowerShell(scratch, withModule, once) {
  const shell = newNodePowerShell(scratch);
  try {
    if (withModule) await shell.invoke(importModuleCommand());
    return await phases(once(shell));
  } finally {
    await shell.dispose();
  }
}

async function measureProcessPerCall() {
  const once = async (i) => {
    const { stdout } = await run('dotnet', [paths.embeddedHostDll, '-NoLogo', '-NoProfile', '-NonInteractive', '-Command', `${importModuleCommand()}; ${invokeOnce(`v${i}`)}`], {
      env: { ...process.env, POWERSHELL_TELEMETRY_OPTOUT: '1', DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
    });
    check(variableV(stdout), `v${i}`, 'process-per-call Invoke-TsStep');
  };
  await once(-1); // loads the engine's files into the OS cache, as a real caller's first call would have
  return mean(await timeEach(PROCESS_PER_CALL_CALLS, once));
}

requireEmbeddedEngine();
const scratch = mkdtempSync(join(tmpdir(), 'tsseq-bench-'));
try {
  const ours = await measureOurs();
  const viaStep = await measureNodePowerShell(scratch, true, nodePowerShellStepOnce);
  const cheapest = await measureNodePowerShell(scratch, false, (shell) => async () => check((await shell.invoke("'x'")).raw.trim(), 'x', "node-powershell 'x'"));
  const warmUp = { bench: BENCH, figure: 'warm-up', value: ours.warmUp, unit: 'ms/call (mean of first 50)' };
  const steady = { bench: BENCH, figure: 'steady', value: ours.steady, unit: 'ms/call (median)' };
  figure({ ...warmUp, baseline: { name: 'node-powershell Invoke-TsStep', value: viaStep.warmUp }, target: { max: 1 } });
  figure({ ...steady, baseline: { name: 'node-powershell Invoke-TsStep', value: viaStep.steady }, target: { max: 0.3 } });
  figure({ ...warmUp, baseline: { name: "node-powershell cheapest round trip ('x')", value: cheapest.warmUp }, target: { max: 1, ratioMin: 3 } });
  figure({ ...steady, baseline: { name: "node-powershell cheapest round trip ('x')", value: cheapest.steady }, target: { max: 0.3, ratioMin: 3 } });
  figure({ ...steady, baseline: { name: 'one engine process per call', value: await measureProcessPerCall() }, target: { max: 0.3 } });
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
