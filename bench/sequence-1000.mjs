// Scenario: the engine's overhead per step of a sequence. One runSequence of 1,000
// SetTaskSequenceVariable steps (each sets V to its own value, so the last one's value proves they
// all ran), on one engine that has already run one such sequence (warm: JIT and PowerShell's
// compiled scripts in place); the median of a few runs. Reported as total ÷ 1,000, and as (total −
// an empty sequence's run) ÷ 1,000, which leaves out the fixed cost of a request and a result
// document. The document is not validated in Node (validate: false): this is the engine's cost;
// bench/validation-first-use.mjs measures the validation.
// Target: ≤ 0.3 ms/step (both figures). These runs save no state (noState): the engine's own cost.
// Also the same sequence with its state saved before every step in a state folder (stateDirectory,
// a new folder per run, kept): target ≤ 2 ms/step, printed with the no-state figure as baseline.
// A step of this sequence acts only on the state, so its save is written and renamed but not
// fsynced (see Engine/State/Checkpoints.cs).
// Knobs: BENCH_SEQ_STEPS (1000), BENCH_SEQ_RUNS (runs after the warm-up one, 3).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '../dist/src/bridge/Engine.js';
import { check, envNumber, figure, median, requireEmbeddedEngine, timed } from './lib.mjs';

const STEPS = envNumber('BENCH_SEQ_STEPS', 1000);
const RUNS = envNumber('BENCH_SEQ_RUNS', 3);
const BENCH = 'bridge.sequence-1000';

const sequence = (count) => ({
  name: `${count} steps`,
  steps: Array.from({ length: count }, (_, i) => ({ type: 'SetTaskSequenceVariable', name: `Set ${i}`, variableName: 'V', variableValue: `v${i}` })),
});

const stateRoot = mkdtempSync(join(tmpdir(), 'tsseq-bench-state-'));
let stateRuns = 0;

async function runOnce(engine, document, withStateFolder = false) {
  const options = { validate: false };
  if (withStateFolder) options.stateDirectory = join(stateRoot, `run-${++stateRuns}`);
  else options.noState = true;
  const { ms, result } = await timed(() => engine.runSequence(document, options));
  check(result.status, 'Succeeded', `runSequence of ${document.steps.length} steps: status`);
  if (document.steps.length) check(result.variables.V, `v${document.steps.length - 1}`, 'runSequence: the last step\'s variable');
  return ms;
}

requireEmbeddedEngine();
const engine = await Engine.start({ engine: 'embedded' });
try {
  const full = sequence(STEPS);
  const empty = sequence(0);
  const first = await runOnce(engine, full);
  await runOnce(engine, empty);
  await runOnce(engine, full, true);
  const totals = [];
  const empties = [];
  const withState = [];
  for (let i = 0; i < RUNS; i++) {
    empties.push(await runOnce(engine, empty));
    totals.push(await runOnce(engine, full));
    withState.push(await runOnce(engine, full, true));
  }
  const total = median(totals);
  const emptyRun = median(empties);
  figure({ bench: BENCH, figure: 'per-step', value: total / STEPS, unit: `ms/step (median total ÷ ${STEPS})`, target: { max: 0.3 } });
  figure({ bench: BENCH, figure: 'per-step-less-empty', value: (total - emptyRun) / STEPS, unit: `ms/step ((median total − empty run) ÷ ${STEPS})`, target: { max: 0.3 } });
  const stateTotal = median(withState);
  figure({
    bench: BENCH,
    figure: 'per-step-state-folder',
    value: stateTotal / STEPS,
    unit: `ms/step (1,000-step Set Task Sequence Variable sequence with state saved before every step in a given state folder; median total ÷ ${STEPS})`,
    baseline: { name: 'the same sequence saving no state (noState)', value: total / STEPS },
    target: { max: 2 },
  });
  figure({ bench: BENCH, figure: 'total', value: total, unit: `ms (median of ${RUNS} runs)` });
  figure({ bench: BENCH, figure: 'empty-sequence', value: emptyRun, unit: `ms (median of ${RUNS} runs)` });
  figure({ bench: BENCH, figure: 'first-run-per-step', value: first / STEPS, unit: `ms/step (the engine's first run ÷ ${STEPS})` });
} finally {
  await engine.close();
  rmSync(stateRoot, { recursive: true, force: true });
}
