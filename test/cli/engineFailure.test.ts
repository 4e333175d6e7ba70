// An engine that dies mid-run is not "sequence failed": the CLI exits EngineFailed (3), names the
// steps that had finished and the one running, and with --json prints a document saying so. The
// engine (the CLI's tsseq-host child) is SIGKILLed while a step sleeps. Real CLI, real engine.
import { expect } from 'chai';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExitCode } from '../../src/cli/exitCodes.js';
import type { StepResult } from '../../src/bridge/protocol.js';
import { cliPath, runCli } from '../support/cli.js';
import { testEngineChoice } from '../support/engine.js';
import { tempDirectory } from '../support/tempFiles.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs the CLI on `file`, kills its engine once `marker` exists, and returns what it said. */
async function runAndKillEngine(file: string, marker: string, extra: string[]) {
  const child = spawn(process.execPath, [cliPath, 'run', file, ...extra], { env: { ...process.env, TSSEQ_ENGINE: testEngineChoice }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
  while (!existsSync(marker)) {
    if (child.exitCode !== null) break;
    await sleep(100);
  }
  // The engine is the CLI's child process (pgrep -P lists it; the step's own shell is its child).
  const children = spawnSync('pgrep', ['-P', String(child.pid)], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
  expect(children.length, `children of the CLI: ${stderr}`).to.be.greaterThan(0);
  for (const pid of children) process.kill(Number(pid), 'SIGKILL');
  return { code: await exited, stdout, stderr };
}

describe('an engine that dies mid-run', function () {
  this.timeout(120_000);
  const folder = join(tempDirectory(), 'engine-failure');
  const sequence = (name: string) => {
    mkdirSync(folder, { recursive: true });
    const marker = join(folder, `${name}.sleeping`);
    const file = join(folder, `${name}.json`);
    writeFileSync(
      file,
      JSON.stringify({
        name: 'Dies',
        steps: [
          { type: 'SetTaskSequenceVariable', name: 'First', variableName: 'A', variableValue: '1' },
          { type: 'Group', name: 'G', steps: [{ type: 'RunCommandLine', name: 'Sleep', commandLine: `touch '${marker}'; sleep 60` }] },
        ],
      }),
    );
    return { file, marker };
  };

  before(function () {
    if (process.platform === 'win32' || spawnSync('pgrep', ['--version']).error) this.skip();
  });

  it('exits 3 and lists the finished steps and the running one', async () => {
    const { file, marker } = sequence('human');
    const state = join(folder, 'human-state');
    const result = await runAndKillEngine(file, marker, ['--state-dir', state]);
    expect(result.code, result.stderr).to.equal(ExitCode.EngineFailed);
    expect(result.stderr).to.match(new RegExp(`^tsseq: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: the engine died during the run: .*killed`, 'm'));
    expect(result.stderr).to.contain('Steps and groups finished before it died (1):\n  First  Succeeded  exit 0\nRunning when it died: G/Sleep\n');
    expect(result.stderr).to.contain(`The state is saved: 'tsseq resume --state-dir ${state}' continues the run.`);
    expect(result.stderr).not.to.match(/^\s+at /m);
    expect(result.stderr, 'the CLI makes no next call').not.to.contain('next call');
  });

  it('--json prints a document saying the engine died, with the finished steps', async () => {
    const { file, marker } = sequence('json');
    const result = await runAndKillEngine(file, marker, ['--json', '--no-state']);
    expect(result.code, result.stderr).to.equal(ExitCode.EngineFailed);
    const report = JSON.parse(result.stdout) as { status: string; exitCode: number; error: string; runningStep: string; steps: StepResult[] };
    expect(report).to.include({ status: 'EngineFailed', exitCode: ExitCode.EngineFailed, runningStep: 'G/Sleep' });
    expect(report.error).to.match(/^the engine died during the run: /);
    expect(report.error).not.to.contain('next call');
    expect(report.steps.map((step) => [step.path, step.type, step.status])).to.deep.equal([['First', 'SetTaskSequenceVariable', 'Succeeded']]);
    expect(report).not.to.have.property('stateDirectory');
  });

  it('an engine that cannot start is exit 3 too, and --json says so', async () => {
    const result = await runCli(['run', 'examples/hello.json', '--json'], { env: { TSSEQ_ENGINE: '/bin/false' } });
    expect(result.code, result.stderr).to.equal(ExitCode.EngineFailed);
    const report = JSON.parse(result.stdout) as { status: string; error: string; steps: unknown[] };
    expect(report.status).to.equal('EngineFailed');
    expect(report.error).to.match(/^the engine could not start: /);
    expect(report.steps).to.deep.equal([]);
    expect(result.stderr).to.match(/^tsseq: examples\/hello\.json: the engine could not start: /);
  });

  it('a non-PowerShell engine (/bin/cat): its stderr is shown once, not again inside the error', async () => {
    const result = await runCli(['run', 'examples/hello.json'], { env: { TSSEQ_ENGINE: '/bin/cat' } });
    expect(result.code, result.stderr).to.equal(ExitCode.EngineFailed);
    const complaint = /^.*invalid option.*$/m.exec(result.stderr)?.[0];
    expect(complaint, result.stderr).to.be.a('string');
    expect(result.stderr.split(complaint!).length - 1, result.stderr).to.equal(1);
    expect(result.stderr).to.match(/^tsseq: examples\/hello\.json: the engine could not start: The PowerShell engine exited with code 1 before it was ready/m);
    expect(result.stderr).not.to.contain('Engine stderr (last lines)');
  });
});
