// Scenario: a script that prints far more than fits in memory comfortably. Run PowerShell Script
// (invokeStep, outputVariableName set so the output is consumed) printing 500 MB (1 MB = 10^6
// characters) in lines of 100 characters, two ways, each on a fresh engine:
//   pipeline: `$l = 'x' * 99; foreach ($i in 1..N) { $l }` (pipeline output);
//   console:  `$l = ('x' * 99) + "`n"; foreach ($i in 1..N) { [Console]::Write($l) }` (Node
//             receives it as the engine's output; the bytes are counted and checked).
// Figure: the engine process's peak resident memory (VmHWM of /proc/<Engine.pid>/status, read
// after the step); also its peak after start-up and one cheap step (the fixed part), and the run's
// time (for information).
// Target: peak < 300 MB.
// Knobs: BENCH_BIG_MB (500; a quick run can use less).
import { Engine } from '../dist/src/bridge/Engine.js';
import { check, enginePeakMb, envNumber, figure, requireEmbeddedEngine, timed } from './lib.mjs';

const MB = envNumber('BENCH_BIG_MB', 500);
const LINES = Math.round((MB * 1e6) / 100);
const LINE = 'x'.repeat(99);
const BENCH = 'bridge.script-output-memory';

const scripts = {
  pipeline: `$l = 'x' * 99; foreach ($i in 1..${LINES}) { $l }`,
  console: `$l = ('x' * 99) + "\`n"; foreach ($i in 1..${LINES}) { [Console]::Write($l) }`,
};

async function measure(kind) {
  let stdoutChars = 0;
  const engine = await Engine.start({ engine: 'embedded', onOutput: (stream, text) => void (stream === 'stdout' && (stdoutChars += text.length)) });
  try {
    const warm = await engine.invokeStep({ type: 'SetTaskSequenceVariable', name: 'Noop', variableName: 'V', variableValue: 'x' });
    check(warm.status, 'Succeeded', 'cheap step: status');
    const idlePeak = enginePeakMb(engine);
    const before = stdoutChars;
    const { ms, result } = await timed(() => engine.invokeStep({ type: 'RunPowerShellScript', name: `Print ${MB} MB`, sourceScript: scripts[kind], outputVariableName: 'Out' }));
    check(result.status, 'Succeeded', `${kind}: status`);
    check(result.variables.Out?.trimEnd().endsWith(LINE), true, `${kind}: the output variable ends with a line`);
    const peak = enginePeakMb(engine);
    if (kind === 'console') check(stdoutChars - before >= LINES * 100, true, `console: characters Node received (${stdoutChars - before})`);
    return { ms, idlePeak, peak };
  } finally {
    await engine.close();
  }
}

requireEmbeddedEngine();
for (const kind of Object.keys(scripts)) {
  const { ms, idlePeak, peak } = await measure(kind);
  figure({ bench: BENCH, figure: `${kind}.engine-peak`, value: peak, unit: `MB (engine VmHWM after printing ${MB} MB)`, target: { below: 300 } });
  figure({ bench: BENCH, figure: `${kind}.engine-peak-idle`, value: idlePeak, unit: 'MB (engine VmHWM after start-up and one cheap step)' });
  figure({ bench: BENCH, figure: `${kind}.time`, value: ms, unit: `ms (printing ${MB} MB)` });
}
