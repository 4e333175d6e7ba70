// Scripts that admins already have run unchanged: every script of the corpus
// (test/fixtures/ts-scripts, described in test/support/corpus.ts) runs as a Run PowerShell Script
// step, inline (sourceScript) and from its file (scriptName), through the three entry points:
// the CLI (`tsseq run --json`), Invoke-TsSequence in the engine's PowerShell, and the Node API.
// Each entry point runs the corpus once per variant (one document holding every script), in its
// own fresh WorkRoot; the its then check each script's effect on the variables and files.
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EngineEvent, ResultDocument, StepResult } from '../../src/bridge/protocol.js';
import { cliPath, runCli } from '../support/cli.js';
import { corpus, corpusDocument, corpusStep, documentVariables, stepName, type CorpusScript, type ScriptRun, type Variant } from '../support/corpus.js';
import { startTestEngine, testEngineChoice } from '../support/engine.js';
import { tempDirectory } from '../support/tempFiles.js';

const variants: Variant[] = ['inline', 'file'];

interface Run {
  result: ResultDocument;
  workRoot: string;
  /** The engine events of the run (Node API only). */
  events?: EngineEvent[];
}

/** The engine's 'progress' event (Write-Progress and TsProgressUI records). */
interface ProgressEvent {
  activityId: number;
  activity: string;
  status: string;
  percent: number | null;
  completed: boolean;
}

interface StandaloneRun {
  step: StepResult & { variables: Record<string, string> };
  workRoot: string;
}

/** A fresh folder for one run: the document goes in it, the scripts' WorkRoot beneath it. */
function prepareRun(root: string, label: string): { folder: string; document: string; workRoot: string } {
  const folder = mkdtempSync(join(root, `${label}-`));
  const workRoot = join(folder, 'work');
  mkdirSync(workRoot);
  return { folder, document: join(folder, 'corpus.json'), workRoot };
}

/**
 * The engine keeps each run's folder (_SMSTSMDataPath, with _SMSTSLogPath in it) under the user's
 * data directory, and the corpus writes logs there: point XDG_DATA_HOME into the test's folder so
 * those runs are removed with it (Windows ignores it: the after hook removes them by name).
 */
function engineEnv(root: string): NodeJS.ProcessEnv {
  return { ...process.env, TSSEQ_ENGINE: testEngineChoice, XDG_DATA_HOME: join(root, 'data') };
}

async function runThroughCli(root: string, variant: Variant): Promise<Run> {
  const run = prepareRun(root, `cli-${variant}`);
  writeFileSync(run.document, JSON.stringify(corpusDocument(variant), null, 2));
  const cli = await runCli(['run', run.document, '--json', '--var', `WorkRoot=${run.workRoot}`], { env: engineEnv(root) });
  if (cli.code !== 0) throw new Error(`tsseq run exited ${cli.code}\nstdout: ${cli.stdout}\nstderr: ${cli.stderr}`);
  return { result: JSON.parse(cli.stdout) as ResultDocument, workRoot: run.workRoot };
}

// Fixed text: the documents, work roots and result files reach it as JSON in an environment variable.
const invokeScript = `
$ErrorActionPreference = 'Stop'
Import-Module TsSequence
foreach ($job in (ConvertFrom-Json -InputObject $env:TSSEQ_CORPUS_JOBS)) {
    $result = Invoke-TsSequence -Path $job.document -Variables @{ WorkRoot = $job.workRoot }
    [System.IO.File]::WriteAllText($job.result, (ConvertTo-Json -InputObject $result -Depth 10))
}`;

/** Both variants in one PowerShell process (`tsseq pwsh`, the TsSequence module on PSModulePath). */
async function runThroughPowerShell(root: string): Promise<Record<Variant, Run>> {
  const jobs = variants.map((variant) => {
    const run = prepareRun(root, `pwsh-${variant}`);
    writeFileSync(run.document, JSON.stringify(corpusDocument(variant), null, 2));
    return { variant, document: run.document, workRoot: run.workRoot, result: join(run.folder, 'result.json') };
  });
  const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, 'pwsh', '--', '-NoProfile', '-NonInteractive', '-Command', invokeScript], {
      env: { ...engineEnv(root), TSSEQ_CORPUS_JOBS: JSON.stringify(jobs) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    child.once('error', reject);
    child.once('close', (exit) => resolve({ code: exit, output: text }));
  });
  if (code !== 0) throw new Error(`Invoke-TsSequence in tsseq pwsh exited ${code}: ${output}`);
  const runs = {} as Record<Variant, Run>;
  for (const job of jobs) {
    if (!existsSync(job.result)) throw new Error(`Invoke-TsSequence wrote no result for the ${job.variant} run: ${output}`);
    runs[job.variant] = { result: JSON.parse(readFileSync(job.result, 'utf8')) as ResultDocument, workRoot: job.workRoot };
  }
  return runs;
}

/** One engine: runSequence for both variants, then invokeStep for each standalone script (from its file). */
async function runThroughNode(root: string): Promise<{ sequences: Record<Variant, Run>; steps: Map<string, StandaloneRun> }> {
  const { engine } = await startTestEngine({ env: engineEnv(root) });
  try {
    const sequences = {} as Record<Variant, Run>;
    for (const variant of variants) {
      const run = prepareRun(root, `node-${variant}`);
      const events: EngineEvent[] = [];
      const result = await engine.runSequence(corpusDocument(variant), {
        variables: { WorkRoot: run.workRoot },
        baseDirectory: run.folder,
        onEvent: (event) => events.push(event),
      });
      sequences[variant] = { result, workRoot: run.workRoot, events };
    }
    const steps = new Map<string, StandaloneRun>();
    for (const script of corpus.filter((candidate) => candidate.standalone)) {
      const run = prepareRun(root, `node-step-${stepName(script)}`);
      const step = await engine.invokeStep(corpusStep(script, 'file') as never, { variables: { ...documentVariables, WorkRoot: run.workRoot } });
      steps.set(script.file, { step: step as StandaloneRun['step'], workRoot: run.workRoot });
    }
    return { sequences, steps };
  } finally {
    await engine.close();
  }
}

/** A settled run: its value, or the error every it of that entry point reports. */
type Settled<T> = { value: T } | { error: unknown };
async function settle<T>(work: Promise<T>): Promise<Settled<T>> {
  try {
    return { value: await work };
  } catch (error) {
    return { error };
  }
}
function valueOf<T>(settled: Settled<T> | undefined): T {
  if (settled === undefined) throw new Error('the run did not happen (see the before hook)');
  if ('error' in settled) throw settled.error;
  return settled.value;
}

function scriptRun(run: Run, script: CorpusScript): ScriptRun {
  const step = run.result.steps.find((entry) => entry.path === stepName(script));
  if (!step) throw new Error(`no result entry for ${stepName(script)} in ${JSON.stringify(run.result.steps.map((entry) => entry.path))}`);
  return { step, variables: run.result.variables, workRoot: run.workRoot, logPath: run.result.variables._SMSTSLogPath ?? '' };
}

describe('script corpus: ConfigMgr task-sequence scripts run unchanged', function () {
  let root: string;
  const results: {
    cli?: Record<Variant, Settled<Run>>;
    powershell?: Settled<Record<Variant, Run>>;
    node?: Settled<Awaited<ReturnType<typeof runThroughNode>>>;
  } = {};

  before(async function () {
    this.timeout(600_000);
    root = mkdtempSync(join(tempDirectory(), 'corpus-'));
    // One CLI process per variant, one PowerShell process, one engine: all at once.
    const [cliInline, cliFile, powershell, node] = await Promise.all([
      settle(runThroughCli(root, 'inline')),
      settle(runThroughCli(root, 'file')),
      settle(runThroughPowerShell(root)),
      settle(runThroughNode(root)),
    ]);
    results.cli = { inline: cliInline, file: cliFile };
    results.powershell = powershell;
    results.node = node;
  });

  after(function () {
    const runs: Run[] = [];
    for (const settled of [results.cli?.inline, results.cli?.file]) if (settled && 'value' in settled) runs.push(settled.value);
    if (results.powershell && 'value' in results.powershell) runs.push(...Object.values(results.powershell.value));
    if (results.node && 'value' in results.node) {
      runs.push(...Object.values(results.node.value.sequences));
      for (const run of results.node.value.steps.values()) runs.push({ result: { status: 'Succeeded', exitCode: 0, steps: [], variables: run.step.variables }, workRoot: run.workRoot });
    }
    for (const run of runs) {
      const dataPath = run.result.variables._SMSTSMDataPath;
      if (dataPath && /[\\/]tsseq[\\/]runs[\\/][^\\/]+$/.test(dataPath)) rmSync(dataPath, { recursive: true, force: true });
    }
    if (root) rmSync(root, { recursive: true, force: true });
  });

  const entryPoints: { title: string; run: (variant: Variant) => Run }[] = [
    { title: 'CLI: tsseq run --json', run: (variant) => valueOf(results.cli?.[variant]) },
    { title: 'PowerShell: Invoke-TsSequence', run: (variant) => valueOf(results.powershell)[variant] },
    { title: 'Node API: Engine.runSequence', run: (variant) => valueOf(results.node).sequences[variant] },
  ];

  for (const entryPoint of entryPoints) {
    describe(entryPoint.title, function () {
      for (const variant of variants) {
        describe(variant === 'inline' ? 'inline scripts (sourceScript)' : 'script files (scriptName)', function () {
          it('runs every corpus step, in order, in a run with its own existing log folder', function () {
            const { result } = entryPoint.run(variant);
            expect(result.status).to.equal('Succeeded');
            expect(result.exitCode).to.equal(0);
            expect(result.steps.map((step) => step.path)).to.deep.equal(corpus.map(stepName));
            expect(result.steps.map((step) => step.type)).to.deep.equal(corpus.map(() => 'RunPowerShellScript'));
            const logPath = result.variables._SMSTSLogPath;
            expect(logPath, '_SMSTSLogPath').to.be.a('string').and.not.equal('');
            expect(statSync(logPath!).isDirectory()).to.equal(true);
            expect(result.variables._SMSTSPackageName).to.equal('TS Corpus');
          });

          for (const script of corpus) {
            it(script.file, function () {
              script.check(scriptRun(entryPoint.run(variant), script));
            });
          }
        });
      }
    });
  }

  describe('Node API: progress of the TsProgressUI script as engine events', function () {
    const files = ['agent.msi', 'agent.mst', 'config.xml', 'license.txt', 'setup.cmd'];
    for (const variant of variants) {
      it(`09-progress-ui.ps1 (${variant}): ShowActionProgress and Write-Progress updates, then both closed`, function () {
        const { events } = valueOf(results.node).sequences[variant];
        const progress = (events ?? []).filter((event) => event.kind === 'progress' && event.path === '09-progress-ui') as unknown as ProgressEvent[];
        // ShowActionProgress is the action's bar (id 1, titled by the current action); Write-Progress keeps its own (id 0).
        for (const [activityId, activity, statusOf] of [
          [1, '09-progress-ui', (file: string) => `Copying ${file}`],
          [0, 'Copying payload', (file: string) => file],
        ] as const) {
          const bar = progress.filter((event) => event.activityId === activityId);
          expect(bar.length, JSON.stringify(progress)).to.be.at.least(2);
          const updates = bar.slice(0, -1);
          for (const update of updates) {
            const index = files.findIndex((file) => statusOf(file) === update.status);
            expect(index, JSON.stringify(update)).to.be.at.least(0);
            expect(update).to.include({ activity, percent: (index + 1) * 20, completed: false });
          }
          // However the engine paces updates, the last one (5 of 5) and the closing one arrive.
          expect(updates.at(-1)).to.include({ status: statusOf('setup.cmd'), percent: 100 });
          expect(bar.at(-1)).to.include({ activity, completed: true });
        }
      });
    }
  });

  describe('Node API: Engine.invokeStep (script files, one step at a time)', function () {
    for (const script of corpus.filter((candidate) => candidate.standalone)) {
      it(script.file, function () {
        const run = valueOf(results.node).steps.get(script.file);
        if (!run) throw new Error(`${script.file} was not run`);
        const { variables, ...step } = run.step;
        script.check({ step, variables, workRoot: run.workRoot, logPath: variables._SMSTSLogPath ?? '' });
      });
    }
  });
});
