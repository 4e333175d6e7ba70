// Scenario: what document validation adds to a Node program's first runSequence (runSequence
// validates the document in Node before sending it). Each sample is a fresh Node process that
// validates examples/hello.json once; the median of a few processes:
//   ours:     import dist/src/bridge/validateDocument.js (with the validator compiled at build
//             time, scripts/compileValidator.mjs) and the first validateDocument() call;
//   baseline: as before that change: import Ajv, read and parse generated/tsseq.schema.json,
//             compile it (the same options) and validate once.
// Figures: the first validation call alone (ours: validateDocument(); baseline: compile +
// validate), and import + first validation together (ours also loads the bridge's own small
// modules, which the baseline leaves out). Also, for information, a warm validation of a
// 1,000-step document. No target was set for these: the figures show before and after.
// Knobs: BENCH_VALIDATION_RUNS (processes per side, 5).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { envNumber, figure, median, paths } from './lib.mjs';

const RUNS = envNumber('BENCH_VALIDATION_RUNS', 5);
const BENCH = 'bridge.validation-first-use';
const example = join(paths.root, 'examples', 'hello.json');
const url = (file) => JSON.stringify(new URL(`file://${file}`).href);

// Each child prints {importMs, firstMs}; the document is read and parsed before timing starts.
const prelude = `
  import { readFileSync } from 'node:fs';
  const document = JSON.parse(readFileSync(${JSON.stringify(example)}, 'utf8'));
`;
const ours = `${prelude}
  const started = performance.now();
  const { validateDocument } = await import(${url(join(paths.root, 'dist', 'src', 'bridge', 'validateDocument.js'))});
  const imported = performance.now();
  const { valid } = validateDocument(document);
  const done = performance.now();
  if (!valid) throw new Error('the example is not valid');
  console.log(JSON.stringify({ importMs: imported - started, firstMs: done - imported }));
`;
const before = `${prelude}
  const { documentSchemaAjvOptions } = await import(${url(join(paths.root, 'dist', 'src', 'bridge', 'documentSchemaOptions.js'))});
  const started = performance.now();
  const { Ajv } = await import('ajv');
  const imported = performance.now();
  const schema = JSON.parse(readFileSync(${JSON.stringify(paths.schema)}, 'utf8'));
  const validate = new Ajv(documentSchemaAjvOptions).compile(schema);
  const valid = validate(document);
  const done = performance.now();
  if (!valid) throw new Error('the example is not valid');
  console.log(JSON.stringify({ importMs: imported - started, firstMs: done - imported }));
`;

function samples(code) {
  const results = [];
  for (let i = 0; i < RUNS; i++) {
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: paths.root, encoding: 'utf8' });
    results.push(JSON.parse(output.trim().split('\n').pop()));
  }
  return {
    first: median(results.map((r) => r.firstMs)),
    total: median(results.map((r) => r.importMs + r.firstMs)),
  };
}

async function warmValidation() {
  const { validateDocument } = await import('../dist/src/bridge/validateDocument.js');
  const document = {
    name: '1000 steps',
    steps: Array.from({ length: 1000 }, (_, i) => ({ type: 'SetTaskSequenceVariable', name: `Set ${i}`, variableName: 'V', variableValue: `v${i}` })),
  };
  validateDocument(document);
  const times = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    if (!validateDocument(document).valid) throw new Error('the 1,000-step document is not valid');
    times.push(performance.now() - started);
  }
  return median(times);
}

if (!existsSync(join(paths.root, 'dist', 'src', 'bridge', 'documentSchemaValidator.js'))) {
  console.error('bench: the compiled document validator is missing (dist/src/bridge/documentSchemaValidator.js); run npm run build.');
  process.exit(1);
}
const after = samples(ours);
const baseline = samples(before);
const name = 'Ajv compile at first use (as before)';
figure({ bench: BENCH, figure: 'first-validation', value: after.first, unit: `ms (median of ${RUNS} processes)`, baseline: { name, value: baseline.first } });
figure({ bench: BENCH, figure: 'import-and-first-validation', value: after.total, unit: `ms (median of ${RUNS} processes)`, baseline: { name: `Ajv import + ${name}`, value: baseline.total } });
figure({ bench: BENCH, figure: 'warm-1000-steps', value: await warmValidation(), unit: 'ms (median of 5, a 1,000-step document)' });
