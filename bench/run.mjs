// Runs the benches one after another, each in a Node process of its own (so each starts cold and
// none shares a heap or an engine with another), and passes their JSON lines through on stdout.
// At the end it prints a short summary to stderr: each figure against its target.
//   node bench/run.mjs                  every bench
//   node bench/run.mjs noop-step ...    only those (file names without .mjs)
//   BENCH_QUICK=1 node bench/run.mjs    smaller sizes everywhere (a knob set explicitly wins)
// Exits 1 when a bench failed to run; a missed target is reported, not an error.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const benches = [
  'validation-first-use',
  'cold-start',
  'noop-step',
  'sequence-1000',
  'variables-10mb',
  'script-output-20mb',
  'script-output-memory',
  'sequence-100k',
];

const quick = {
  BENCH_CALLS: '100',
  BENCH_PROCESS_CALLS: '1',
  BENCH_COLD_STARTS: '2',
  BENCH_SEQ_RUNS: '1',
  BENCH_VAR_RUNS: '2',
  BENCH_SCRIPT_LINES: '50000',
  BENCH_SCRIPT_RUNS: '1',
  BENCH_BIG_MB: '50',
  BENCH_LONG_SMALL: '1000',
  BENCH_LONG_LARGE: '10000',
  BENCH_VALIDATION_RUNS: '3',
};

const chosen = process.argv.slice(2);
for (const name of chosen) {
  if (!benches.includes(name)) {
    console.error(`bench: no bench called '${name}' (${benches.join(', ')})`);
    process.exit(2);
  }
}
const env = { ...process.env };
if (process.env.BENCH_QUICK) for (const [name, value] of Object.entries(quick)) env[name] ??= value;

function runBench(name) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [fileURLToPath(new URL(`${name}.mjs`, import.meta.url))], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    const lines = [];
    let rest = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      const parts = (rest + chunk).split('\n');
      rest = parts.pop();
      lines.push(...parts);
    });
    child.on('close', (code, signal) => {
      if (rest) lines.push(rest);
      const figures = lines.flatMap((line) => {
        try {
          return [JSON.parse(line)];
        } catch {
          return [];
        }
      });
      resolve({ name, ok: code === 0, how: signal ?? `exit code ${code}`, seconds: (performance.now() - started) / 1000, figures });
    });
  });
}

const results = [];
for (const name of chosen.length ? chosen : benches) {
  process.stderr.write(`bench: ${name}\n`);
  results.push(await runBench(name));
}

const mark = (met) => (met === true ? 'met   ' : met === false ? 'MISSED' : '      ');
process.stderr.write('\nbench summary (figure, value, target):\n');
for (const { name, ok, how, seconds, figures } of results) {
  process.stderr.write(`${name} (${seconds.toFixed(0)} s)${ok ? '' : `: FAILED (${how})`}\n`);
  for (const f of figures) {
    const against = f.baseline ? `, ${f.ratio}× vs ${f.baseline}` : '';
    process.stderr.write(`  ${mark(f.met)} ${f.figure}: ${f.value} ${f.unit}${against}${f.target ? ` [target ${f.target}]` : ''}\n`);
  }
}
process.exit(results.every((r) => r.ok) ? 0 : 1);
