// Scenario: a very long sequence, to see that time and memory grow no faster than the step count.
// runSequence of 10,000 and of 100,000 SetTaskSequenceVariable steps, each on a fresh engine that
// has run a 1,000-step sequence first (so JIT and PowerShell's first-use costs, which a first run
// of a few hundred steps still pays, are out of both). Figures: the
// run's time, the engine process's peak resident memory (VmHWM of /proc/<Engine.pid>/status, read
// after the run; it includes the engine's fixed ~100 MB), and for both the ratio 100k ÷ 10k.
// Linear growth makes the ratio ≈ 10; met while ≤ 11 (10 % for noise). The document is not
// validated in Node (validate: false): this is the engine's cost.
// Knobs: BENCH_LONG_SMALL (10000), BENCH_LONG_LARGE (100000).
import { Engine } from '../dist/src/bridge/Engine.js';
import { check, enginePeakMb, envNumber, figure, requireEmbeddedEngine, timed } from './lib.mjs';

const SMALL = envNumber('BENCH_LONG_SMALL', 10_000);
const LARGE = envNumber('BENCH_LONG_LARGE', 100_000);
const WARM_UP = 1000;
const BENCH = 'bridge.sequence-100k';

const sequence = (count) => ({
  name: `${count} steps`,
  steps: Array.from({ length: count }, (_, i) => ({ type: 'SetTaskSequenceVariable', name: `Set ${i}`, variableName: 'V', variableValue: `v${i}` })),
});

async function runSequence(engine, count) {
  const document = sequence(count);
  const { ms, result } = await timed(() => engine.runSequence(document, { validate: false }));
  check(result.status, 'Succeeded', `runSequence of ${count} steps: status`);
  check(result.variables.V, `v${count - 1}`, `runSequence of ${count} steps: the last step's variable`);
  check(result.steps.length >= count, true, `runSequence of ${count} steps: step results`);
  return ms;
}

async function measure(count) {
  const engine = await Engine.start({ engine: 'embedded' });
  try {
    await runSequence(engine, WARM_UP);
    const ms = await runSequence(engine, count);
    return { ms, peak: enginePeakMb(engine) };
  } finally {
    await engine.close();
  }
}

const label = (count) => (count % 1000 === 0 ? `${count / 1000}k` : String(count));

requireEmbeddedEngine();
const small = await measure(SMALL);
const large = await measure(LARGE);
for (const [count, { ms, peak }] of [[SMALL, small], [LARGE, large]]) {
  figure({ bench: BENCH, figure: `${label(count)}.time`, value: ms, unit: `ms (${count} steps)` });
  figure({ bench: BENCH, figure: `${label(count)}.engine-peak`, value: peak, unit: `MB (engine VmHWM after ${count} steps)` });
}
const growth = `× (${label(LARGE)} ÷ ${label(SMALL)}; linear = ${LARGE / SMALL})`;
const linear = LARGE / SMALL;
figure({ bench: BENCH, figure: 'time-growth', value: large.ms / small.ms, unit: growth, target: { max: linear * 1.1 } });
figure({ bench: BENCH, figure: 'engine-peak-growth', value: large.peak / small.peak, unit: growth, target: { max: linear * 1.1 } });
