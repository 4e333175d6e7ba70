// Round trips of a cheap step (SetTaskSequenceVariable) through one persistent bridge session,
// against the ways a Node user could drive the same embedded pwsh instead, measured in this run:
//   (a) node-powershell 5.0.1 in `-Command -` mode, module imported once, Invoke-TsStep per call
//       (the same work: the step's result entry and variables, as JSON parsed in Node);
//   (b) node-powershell's cheapest round trip: a command that returns one value ('x');
//   (c) one engine process per call: `dotnet tsseq-host.dll -Command "Import-Module …; Invoke-TsStep …"`.
// Phases are reported separately: cold start (process start to the first step's result), warm-up
// (the first 50 calls, while PowerShell interprets and .NET JITs) and steady state (the median
// call after that).
// Prints one JSON line per figure (DESIGN §6); ratio = baseline ÷ ours, above 1 = tsseq faster.
import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PowerShell } from 'node-powershell';
import { Engine } from '../dist/src/bridge/Engine.js';
import { paths } from '../dist/src/bridge/paths.js';

const run = promisify(execFile);
// pwsh writes terminal escape sequences (colours, keypad mode) before its output when TERM names a
// terminal; node-powershell returns text, so its baseline would read them as part of the JSON.
process.env.TERM = 'dumb';
const STEADY_CALLS = Number(process.env.BENCH_CALLS ?? 200);
const WARM_UP = 50;
const COLD_STARTS = Number(process.env.BENCH_COLD_STARTS ?? 3);
const PROCESS_PER_CALL_CALLS = Number(process.env.BENCH_PROCESS_CALLS ?? 3);

const step = { type: 'SetTaskSequenceVariable', name: 'Noop', variableName: 'V', variableValue: '%In%' };
// The baselines' command is one line: node-powershell hangs on multi-line commands in -Command -
// mode. The JSON is the module's own serializer (the C# codec the bridge uses), so the baseline
// returns the same data as the bridge.
const psQuote = (text) => `'${text.replace(/'/g, "''")}'`;
const importModule = `Import-Module ${psQuote(paths.moduleManifest)}`;
const invokeOnce = (value) =>
  `$r = Invoke-TsStep -Type SetTaskSequenceVariable -Parameters @{ Name = 'Noop'; VariableName = 'V'; VariableValue = '%In%' } -Variables @{ In = ${psQuote(value)} }; [TsSequence.Json.JsonCodec]::Serialize($r)`;
const variableV = (json) => JSON.parse(json).variables.V;

function check(actual, expected, what) {
  if (actual !== expected) throw new Error(`${what} returned ${JSON.stringify(actual)?.slice(0, 200)}, expected ${JSON.stringify(expected)}`);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;

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

const newNodePowerShell = (scratch) =>
  new PowerShell({ executable: nodePowerShellExecutable(scratch), executableOptions: { '-NoProfile': true, '-NonInteractive': true } });

const oursOnce = (engine) => async (i) => {
  const result = await engine.invokeStep(step, { variables: { In: `v${i}` } });
  check(result.variables.V, `v${i}`, 'bridge invokeStep');
};

const nodePowerShellStepOnce = (shell) => async (i) => {
  const result = await shell.invoke(invokeOnce(`v${i}`));
  check(variableV(result.raw), `v${i}`, 'node-powershell Invoke-TsStep');
};

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
    if (withModule) await shell.invoke(importModule);
    return await phases(once(shell));
  } finally {
    await shell.dispose();
  }
}

async function measureProcessPerCall() {
  const once = async (i) => {
    const { stdout } = await run('dotnet', [paths.embeddedHostDll, '-NoLogo', '-NoProfile', '-NonInteractive', '-Command', `${importModule}; ${invokeOnce(`v${i}`)}`], {
      env: { ...process.env, POWERSHELL_TELEMETRY_OPTOUT: '1', DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
    });
    check(variableV(stdout), `v${i}`, 'process-per-call Invoke-TsStep');
  };
  await once(-1); // loads the engine's files into the OS cache, as a real caller's first call would have
  return mean(await timeEach(PROCESS_PER_CALL_CALLS, once));
}

const round = (n) => Math.round(n * 1000) / 1000;

function figure(bench, ours, unit, baseline, baselineValue) {
  console.log(
    JSON.stringify({ bench, value: round(ours), unit, baseline, baselineValue: round(baselineValue), ratio: Math.round((baselineValue / ours) * 100) / 100 }),
  );
}

if (!existsSync(paths.embeddedHostDll)) {
  console.error(`bench: the embedded engine is not built (${paths.embeddedHostDll}); run npm run build.`);
  process.exit(1);
}
const scratch = mkdtempSync(join(tmpdir(), 'tsseq-bench-'));
try {
  const oursCold = await coldStart(async () => {
    const engine = await Engine.start({ engine: 'embedded' });
    await oursOnce(engine)(0);
    return () => engine.close();
  });
  const nodePowerShellCold = await coldStart(async () => {
    const shell = newNodePowerShell(scratch);
    await shell.invoke(importModule);
    await nodePowerShellStepOnce(shell)(0);
    return () => shell.dispose();
  });
  figure('bridge.cold-start-to-first-step', oursCold, 'ms', 'node-powershell start + Import-Module + Invoke-TsStep', nodePowerShellCold);

  const ours = await measureOurs();
  const viaStep = await measureNodePowerShell(scratch, true, nodePowerShellStepOnce);
  const cheapest = await measureNodePowerShell(scratch, false, (shell) => async () => check((await shell.invoke("'x'")).raw.trim(), 'x', "node-powershell 'x'"));
  figure('bridge.noop-step.warm-up', ours.warmUp, 'ms/call (mean of first 50)', 'node-powershell Invoke-TsStep', viaStep.warmUp);
  figure('bridge.noop-step.steady', ours.steady, 'ms/call (median)', 'node-powershell Invoke-TsStep', viaStep.steady);
  figure('bridge.noop-step.warm-up', ours.warmUp, 'ms/call (mean of first 50)', "node-powershell cheapest round trip ('x')", cheapest.warmUp);
  figure('bridge.noop-step.steady', ours.steady, 'ms/call (median)', "node-powershell cheapest round trip ('x')", cheapest.steady);
  figure('bridge.noop-step.steady', ours.steady, 'ms/call (median)', 'one engine process per call', await measureProcessPerCall());
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
