// Scenario: a large environment crossing the bridge both ways. 10,000 variables totalling 10 MB
// (1 MB = 10^6 characters; names Var00000…, name and value 1,000 characters) go Node → PowerShell → Node: invokeStep of a cheap step
// (SetTaskSequenceVariable) with those variables, and the result's variables (all of them, plus the
// one the step set) back in Node, checked. The median of a few calls after a first one (reported
// too: JIT and first-use costs).
// Baseline, same run: the floor of moving that JSON through a pipe: a Node child that echoes
// stdin to stdout (started before timing); the time to write JSON.stringify({ variables }) with a
// newline, read it back up to the newline and JSON.parse it.
// Target: ≤ 200 ms.
// Also printed: the CPU time of one round trip on each side (medians), Node's own process and, on
// Linux, the engine's (every thread: its garbage collector too), which stay readable when other
// work loads the machine and the wall-clock figure does not.
// Knobs: BENCH_VAR_COUNT (10000), BENCH_VAR_MB (10), BENCH_VAR_RUNS (calls after the first, 5).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { Engine } from '../dist/src/bridge/Engine.js';
import { check, envNumber, figure, median, requireEmbeddedEngine, timed } from './lib.mjs';

const COUNT = envNumber('BENCH_VAR_COUNT', 10_000);
const MB = envNumber('BENCH_VAR_MB', 10);
const RUNS = envNumber('BENCH_VAR_RUNS', 5);
const BENCH = 'bridge.variables-10mb';

function makeVariables() {
  const variables = {};
  const perVariable = Math.floor((MB * 1e6) / COUNT);
  for (let i = 0; i < COUNT; i++) {
    const name = `Var${String(i).padStart(5, '0')}`;
    const head = `${i}:`;
    variables[name] = head + 'x'.repeat(Math.max(0, perVariable - name.length - head.length));
  }
  return variables;
}

function checkVariables(returned, sent, what) {
  for (const [name, value] of Object.entries(sent)) if (returned[name] !== value) check(returned[name], value, `${what}: ${name}`);
}

/** The CPU milliseconds process `pid` has used (all its threads), or undefined off Linux. */
function processCpuMs(pid) {
  try {
    let ns = 0;
    for (const task of readdirSync(`/proc/${pid}/task`)) ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
    return ns / 1e6;
  } catch {
    return undefined;
  }
}

/** A Node child echoing stdin to stdout, and a function that sends one line and awaits it back. */
function startEcho() {
  const child = spawn(process.execPath, ['-e', 'process.stdin.pipe(process.stdout)'], { stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdout.setEncoding('utf8');
  let pending;
  let chunks = [];
  child.stdout.on('data', (chunk) => {
    const end = chunk.indexOf('\n'); // only the new chunk is searched: one pass over the text
    if (end < 0) return void chunks.push(chunk);
    chunks.push(chunk.slice(0, end));
    const line = chunks.join('');
    chunks = [chunk.slice(end + 1)];
    const resolve = pending;
    pending = undefined;
    resolve(line);
  });
  const echo = (text) =>
    new Promise((resolve) => {
      pending = resolve;
      child.stdin.write(`${text}\n`);
    });
  return { echo, close: () => child.stdin.end() };
}

requireEmbeddedEngine();
const variables = makeVariables();
const totalMb = Object.entries(variables).reduce((sum, [name, value]) => sum + name.length + value.length, 0) / 1e6;
const step = { type: 'SetTaskSequenceVariable', name: 'Noop', variableName: 'Extra', variableValue: 'done' };

const engine = await Engine.start({ engine: 'embedded' });
let first;
const ours = [];
const nodeCpu = [];
const engineCpu = [];
try {
  const once = async () => {
    const engineBefore = processCpuMs(engine.pid);
    const nodeBefore = process.cpuUsage();
    const { ms, result } = await timed(() => engine.invokeStep(step, { variables }));
    const nodeUsed = process.cpuUsage(nodeBefore);
    const engineAfter = processCpuMs(engine.pid);
    check(result.variables.Extra, 'done', 'invokeStep: the step\'s variable');
    checkVariables(result.variables, variables, 'invokeStep');
    return { ms, node: (nodeUsed.user + nodeUsed.system) / 1000, engine: engineAfter === undefined ? undefined : engineAfter - engineBefore };
  };
  first = (await once()).ms;
  for (let i = 0; i < RUNS; i++) {
    const call = await once();
    ours.push(call.ms);
    nodeCpu.push(call.node);
    if (call.engine !== undefined) engineCpu.push(call.engine);
  }
} finally {
  await engine.close();
}

const pipe = startEcho();
const echoed = [];
try {
  const once = async () => {
    const { ms, result } = await timed(async () => JSON.parse(await pipe.echo(JSON.stringify({ variables }))));
    checkVariables(result.variables, variables, 'pipe echo');
    return ms;
  };
  await once();
  for (let i = 0; i < RUNS; i++) echoed.push(await once());
} finally {
  pipe.close();
}

const unit = `ms (median of ${RUNS}; ${COUNT} variables, ${totalMb.toFixed(1)} MB)`;
figure({ bench: BENCH, figure: 'round-trip', value: median(ours), unit, baseline: { name: 'Node-to-Node pipe echo of the same JSON', value: median(echoed) }, target: { max: 200 } });
figure({ bench: BENCH, figure: 'first-round-trip', value: first, unit: `ms (the engine's first such call)` });
figure({ bench: BENCH, figure: 'round-trip-cpu-node', value: median(nodeCpu), unit: `ms (CPU of the Node process per round trip, median of ${RUNS})` });
if (engineCpu.length) figure({ bench: BENCH, figure: 'round-trip-cpu-engine', value: median(engineCpu), unit: `ms (CPU of the engine process per round trip, all threads, median of ${RUNS})` });
