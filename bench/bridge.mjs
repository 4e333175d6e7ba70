// Round trips of a cheap step (SetTaskSequenceVariable) through one persistent bridge session,
// against two ways of driving the same embedded engine, measured in this same run:
//   (a) node-powershell 5.0.1 in `-Command -` mode: module imported once, Invoke-TsStep per call;
//   (b) one engine process per call: `dotnet tsseq-host.dll -Command "Import-Module …; Invoke-TsStep …"`.
// Every variant gets the same data back: the step's result entry and variables, as JSON parsed in
// Node (node-powershell returns text only, so its command serializes with the module's own JSON
// wrapper, the one the bridge uses).
// Prints one JSON line per comparison (DESIGN §6); ratio = baseline ÷ ours, above 1 = tsseq faster.
import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PowerShell } from 'node-powershell';
import { Engine } from '../dist/src/bridge/Engine.js';
import { paths } from '../dist/src/bridge/paths.js';

const run = promisify(execFile);
const OURS_CALLS = Number(process.env.BENCH_CALLS ?? 150);
const NODE_POWERSHELL_CALLS = Number(process.env.BENCH_BASELINE_CALLS ?? 150);
const PROCESS_PER_CALL_CALLS = Number(process.env.BENCH_PROCESS_CALLS ?? 3);
// PowerShell interprets a script block for its first runs and compiles it later: measure after that.
const WARM_UP = 50;

const step = { type: 'SetTaskSequenceVariable', name: 'Noop', variableName: 'V', variableValue: '%In%' };
// The baselines' command, on one line because node-powershell hangs on multi-line commands in
// -Command - mode. $tsm is the imported module: its private ConvertTo-TsJson is reached through it.
const psQuote = (text) => `'${text.replace(/'/g, "''")}'`;
const importModule = `$tsm = Import-Module ${psQuote(paths.moduleManifest)} -PassThru`;
const invokeOnce = (value) =>
  `$r = Invoke-TsStep -Type SetTaskSequenceVariable -Parameters @{ Name = 'Noop'; VariableName = 'V'; VariableValue = '%In%' } -Variables @{ In = ${psQuote(value)} }; & $tsm { param($o) ConvertTo-TsJson -InputObject $o } $r`;
const variableV = (json) => JSON.parse(json).variables.V;

async function timePerCall(calls, once) {
  const started = performance.now();
  for (let i = 0; i < calls; i++) await once(i);
  return (performance.now() - started) / calls;
}

function check(actual, expected, what) {
  if (actual !== expected) throw new Error(`${what} returned ${JSON.stringify(actual)?.slice(0, 200)}, expected ${JSON.stringify(expected)}`);
}

async function measureOurs() {
  const engine = await Engine.start({ engine: 'embedded' });
  try {
    const once = async (i) => {
      const result = await engine.invokeStep(step, { variables: { In: `v${i}` } });
      check(result.variables.V, `v${i}`, 'bridge invokeStep');
    };
    await timePerCall(WARM_UP, once);
    return await timePerCall(OURS_CALLS, once);
  } finally {
    await engine.close();
  }
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

async function measureNodePowerShell(scratch) {
  const shell = new PowerShell({ executable: nodePowerShellExecutable(scratch), executableOptions: { '-NoProfile': true, '-NonInteractive': true } });
  try {
    await shell.invoke(importModule);
    const once = async (i) => {
      const result = await shell.invoke(invokeOnce(`v${i}`));
      check(variableV(result.raw), `v${i}`, 'node-powershell Invoke-TsStep');
    };
    await timePerCall(WARM_UP, once);
    return await timePerCall(NODE_POWERSHELL_CALLS, once);
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
  return timePerCall(PROCESS_PER_CALL_CALLS, once);
}

const round = (n) => Math.round(n * 1000) / 1000;

function figure(ours, baseline, baselineValue) {
  return JSON.stringify({
    bench: 'bridge.noop-step',
    value: round(ours),
    unit: 'ms/call',
    baseline,
    baselineValue: round(baselineValue),
    ratio: Math.round((baselineValue / ours) * 100) / 100,
  });
}

if (!existsSync(paths.embeddedHostDll)) {
  console.error(`bench: the embedded engine is not built (${paths.embeddedHostDll}); run npm run build.`);
  process.exit(1);
}
const scratch = mkdtempSync(join(tmpdir(), 'tsseq-bench-'));
try {
  const ours = await measureOurs();
  const nodePowerShell = await measureNodePowerShell(scratch);
  console.log(figure(ours, 'node-powershell -Command -', nodePowerShell));
  const processPerCall = await measureProcessPerCall();
  console.log(figure(ours, 'one engine process per call', processPerCall));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
