// Run Command Line through the real engine: exit codes, success codes, working directory,
// timeout, output variable.
import { expect } from 'chai';
import { mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Engine } from '../../src/bridge/Engine.js';
import { startTestEngine } from '../support/engine.js';

describe('RunCommandLine step', function () {
  let engine: Engine;
  before(async function () {
    ({ engine } = await startTestEngine());
  });
  after(async function () {
    await engine?.close();
  });

  const command = (commandLine: string, extra: Record<string, unknown> = {}) => ({ type: 'RunCommandLine' as const, name: 'Cmd', commandLine, ...extra });

  it('records the exit code and sets the _SMSTSLastAction* variables', async function () {
    const result = await engine.invokeStep(command('exit 0'));
    expect(result.status).to.equal('Succeeded');
    expect(result.exitCode).to.equal(0);
    expect(result.variables._SMSTSLastActionRetCode).to.equal('0');
    expect(result.variables._SMSTSLastActionSucceeded).to.equal('true');
    expect(result.variables._SMSTSLastActionName).to.equal('Cmd');
    expect(result.variables._SMSTSCurrentActionName).to.equal('Cmd');
  });

  it('fails on an exit code outside the default success codes (0 3010)', async function () {
    const failed = await engine.invokeStep(command('exit 4'));
    expect(failed.status).to.equal('Failed');
    expect(failed.exitCode).to.equal(4);
    expect(failed.message).to.contain('4');
    expect(failed.variables._SMSTSLastActionRetCode).to.equal('4');
    expect(failed.variables._SMSTSLastActionSucceeded).to.equal('false');
  });

  it('honours custom success codes', async function () {
    const ok = await engine.invokeStep(command('exit 5', { successCodes: [0, 5] }));
    expect(ok.status).to.equal('Succeeded');
    expect(ok.exitCode).to.equal(5);
    const notOk = await engine.invokeStep(command('exit 0', { successCodes: [5] }));
    expect(notOk.status).to.equal('Failed');
  });

  it('captures stdout and stderr, in the order written, into the output variable without the trailing newline', async function () {
    // Two pipes read by two threads: lines written at the same moment may arrive either way round, so the second waits a little.
    const result = await engine.invokeStep(command('echo hello; sleep 0.3; echo oops 1>&2', { outputVariableName: 'Out' }));
    expect(result.variables.Out).to.equal('hello\noops');
  });

  it('keeps only the last 1000 characters of the output', async function () {
    const result = await engine.invokeStep(
      command("i=0; while [ $i -lt 1500 ]; do printf '%d' $((i % 10)); i=$((i+1)); done", { outputVariableName: 'Out' }),
    );
    const expected = Array.from({ length: 1500 }, (_, index) => String(index % 10)).join('').slice(-1000);
    expect(result.variables.Out).to.have.length(1000);
    expect(result.variables.Out).to.equal(expected);
  });

  it('runs in the working directory, expanded from a variable', async function () {
    const folder = realpathSync(mkdtempSync(join(tmpdir(), 'tsseq-wd-')));
    const result = await engine.invokeStep(command('pwd', { workingDirectory: '%Where%', outputVariableName: 'Here' }), {
      variables: { Where: folder },
    });
    expect(result.variables.Here).to.equal(folder);
  });

  it('fails clearly when the working directory does not exist', async function () {
    const result = await engine.invokeStep(command('pwd', { workingDirectory: '/no/such/folder' }));
    expect(result.status).to.equal('Failed');
    expect(result.message).to.contain('/no/such/folder');
  });

  it('kills the process tree on timeout and fails the step', async function () {
    const started = Date.now();
    const result = await engine.invokeStep(command('sleep 30; echo late', { timeoutMinutes: 0.02, outputVariableName: 'Late' }));
    expect(Date.now() - started).to.be.below(15000);
    expect(result.status).to.equal('Failed');
    expect(result.exitCode).to.equal(1460);
    expect(result.message).to.match(/timed out/);
  });

  it('closes standard input so a command reading it does not hang', async function () {
    const result = await engine.invokeStep(command('cat; echo done', { outputVariableName: 'Out', timeoutMinutes: 0.5 }));
    expect(result.status).to.equal('Succeeded');
    expect(result.variables.Out).to.equal('done');
  });

  it('fails clearly, running nothing, when asked for an option not supported yet', async function () {
    const result = await engine.invokeStep(command('echo ran', { packageId: 'TSQ00001', outputVariableName: 'Out' }));
    expect(result.status).to.equal('Failed');
    expect(result.message).to.match(/packageId.*not supported yet/);
    expect(result.variables).to.not.have.property('Out');
  });

  it('keeps the output and returns promptly when a background child holds stdout open', async function () {
    const started = Date.now();
    const result = await engine.invokeStep(command('echo hello; sleep 20 &', { outputVariableName: 'Out' }));
    expect(Date.now() - started).to.be.below(8000);
    expect(result.status).to.equal('Succeeded');
    expect(result.variables.Out).to.equal('hello');
  });

  it('refuses an invalid outputVariableName before running the command', async function () {
    const marker = join(mkdtempSync(join(tmpdir(), 'tsseq-cmd-')), 'ran');
    const result = await engine.invokeStep(command(`touch '${marker}'; exit 7`, { outputVariableName: 'bad name', successCodes: [7] }));
    expect(result.status).to.equal('Failed');
    expect(result.message).to.match(/outputVariableName/);
    const { existsSync } = await import('node:fs');
    expect(existsSync(marker)).to.equal(false);
  });

  it('keeps memory bounded: a large output leaves only its last 1000 characters', async function () {
    // 5 MB through the shell; the runner keeps a bounded tail, so the engine does not balloon.
    const result = await engine.invokeStep(command("head -c 5000000 /dev/zero | tr '\\0' a; printf END", { outputVariableName: 'Out' }));
    expect(result.status).to.equal('Succeeded');
    expect(result.variables.Out).to.have.length(1000);
    expect(result.variables.Out!.endsWith('aaaEND')).to.equal(true);
  });
});
