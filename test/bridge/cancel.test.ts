// Aborting a request and per-call timeouts stop the running step, not the engine: the request
// rejects with EngineAbortError once the engine has stopped the step, and the next call works.
import { expect } from 'chai';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from '../../src/bridge/Engine.js';
import { EngineAbortError, EngineClosedError, EngineTimeoutError } from '../../src/bridge/errors.js';
import { startTestEngine } from '../support/engine.js';
import { isRunning, waitUntil } from '../support/processes.js';
import { tempDirectory } from '../support/tempFiles.js';
import { mkdtempSync } from 'node:fs';
import { rejection, sleepScript } from '../support/calls.js';

describe('abort and timeouts stop the step, not the engine (real engine)', function () {
  this.timeout(120_000);
  let engine: Engine;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  before(async () => {
    process.on('unhandledRejection', onUnhandled);
    ({ engine } = await startTestEngine());
  });
  after(async () => {
    process.off('unhandledRejection', onUnhandled);
    await engine?.close();
  });

  it('an abort during a Thread.Sleep script reaches the caller\'s catch, nothing unhandled, and the engine serves the next call', async () => {
    const pid = engine.pid;
    const controller = new AbortController();
    const running = engine.invokeStep({ type: 'RunPowerShellScript', name: 'Sleep', sourceScript: sleepScript(30) }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 500);
    let caught: unknown;
    try {
      await running;
    } catch (error) {
      caught = error;
    }
    expect(caught).to.be.instanceOf(EngineAbortError);
    expect((caught as Error).message).to.match(/^invokeStep was aborted; the engine stopped its running step/);
    await new Promise((resolve) => setTimeout(resolve, 100)); // an unhandled rejection is reported after a turn
    expect(unhandled).to.deep.equal([]);
    expect(engine.pid).to.equal(pid);
    expect(await engine.ping()).to.equal(true);
    const after = await engine.invokeStep({ type: 'SetTaskSequenceVariable', name: 'After', variableName: 'A', variableValue: 'ok' });
    expect(after.variables.A).to.equal('ok');
  });

  it('an aborted runSequence kills the running command\'s process tree and runs no later step', async () => {
    const folder = mkdtempSync(join(tempDirectory(), 'abort-'));
    const controller = new AbortController();
    const run = engine.runSequence(
      {
        name: 'Long',
        steps: [
          { type: 'RunCommandLine', name: 'Sleeps', commandLine: `echo $$ > '${folder}/shell.pid'; sleep 30; touch '${folder}/first.done'` },
          { type: 'RunCommandLine', name: 'Later', commandLine: `touch '${folder}/later.ran'` },
        ],
      },
      { signal: controller.signal, noState: true },
    );
    expect(await waitUntil(() => existsSync(join(folder, 'shell.pid')), 30_000), 'the command started').to.equal(true);
    const shell = Number(readFileSync(join(folder, 'shell.pid'), 'utf8').trim());
    controller.abort();
    const error = await rejection(run);
    expect(error).to.be.instanceOf(EngineAbortError);
    expect(isRunning(shell), 'the command is gone when the request rejects').to.equal(false);
    const result = await engine.invokeStep({ type: 'SetTaskSequenceVariable', name: 'Next', variableName: 'N', variableValue: '1' });
    expect(result.status).to.equal('Succeeded');
    expect(existsSync(join(folder, 'first.done')), 'the command did not finish').to.equal(false);
    expect(existsSync(join(folder, 'later.ran')), 'no later step ran').to.equal(false);
  });

  it('timeoutMs stops a step that runs too long with EngineTimeoutError (an EngineAbortError)', async () => {
    const error = await rejection(engine.invokeStep({ type: 'RunCommandLine', name: 'Slow', commandLine: 'sleep 30' }, { timeoutMs: 300 }));
    expect(error).to.be.instanceOf(EngineTimeoutError);
    expect(error).to.be.instanceOf(EngineAbortError);
    expect(error?.message).to.match(/^invokeStep timed out after 300 ms; the engine stopped its running step/);
    expect(await engine.ping()).to.equal(true);
  });

  it('a call that finishes within its timeoutMs resolves as usual', async () => {
    const result = await engine.invokeStep({ type: 'SetTaskSequenceVariable', name: 'Quick', variableName: 'Q', variableValue: 'yes' }, { timeoutMs: 60_000 });
    expect(result.variables.Q).to.equal('yes');
  });

  it('a queued request aborted before it was sent rejects at once and the running one is untouched', async () => {
    const running = engine.invokeStep({ type: 'RunCommandLine', name: 'Short', commandLine: 'sleep 1; echo done', outputVariableName: 'Out' });
    const controller = new AbortController();
    const queued = engine.ping().then(() => engine.ping()); // keeps the queue busy behind it
    const aborted = engine.invokeStep({ type: 'SetTaskSequenceVariable', name: 'Q', variableName: 'Q', variableValue: 'x' }, { signal: controller.signal });
    controller.abort();
    const error = await rejection(aborted);
    expect(error).to.be.instanceOf(EngineAbortError);
    expect(error?.message).to.equal('invokeStep was aborted before it started.');
    expect((await running).variables.Out).to.equal('done');
    expect(await queued).to.equal(true);
  });

  it('an aborted Node step ends its step; the engine goes on', async () => {
    engine.registerStep('slowNode', () => new Promise((resolve) => setTimeout(resolve, 3000)));
    const controller = new AbortController();
    const run = engine.runSequence({ name: 'Node', steps: [{ type: 'Node', name: 'Slow', handler: 'slowNode' }] }, { signal: controller.signal, noState: true });
    setTimeout(() => controller.abort(), 300);
    expect(await rejection(run)).to.be.instanceOf(EngineAbortError);
    expect(await engine.ping()).to.equal(true);
  });
});

describe('a step that does not stop when cancelled (real engine)', function () {
  this.timeout(120_000);

  it('a script PowerShell cannot stop (busy in .NET code) costs the engine, not a script left running in it', async () => {
    const { engine } = await startTestEngine();
    try {
      const pid = engine.pid!;
      // A backtracking match keeps a core busy in .NET code for up to 20 s: no stop or interrupt reaches it.
      const spin = "[regex]::new('^(a+)+$', 'None', [TimeSpan]::FromSeconds(20)).IsMatch(('a' * 40) + '!')";
      const error = await rejection(engine.invokeStep({ type: 'RunPowerShellScript', name: 'Spin', sourceScript: spin }, { timeoutMs: 1000 }));
      expect(error).to.be.instanceOf(EngineTimeoutError);
      expect(error?.message).to.match(/; its script did not stop \(blocked in a call PowerShell cannot interrupt\), so the engine was stopped\.$/);
      expect(await waitUntil(() => !isRunning(pid), 5000), 'the engine with the script in it is gone').to.equal(true);
      expect(await engine.ping()).to.equal(true);
      expect(engine.starts).to.equal(2);
    } finally {
      await engine.close();
    }
  });

  it("a script its step's own timeout cannot stop retires the engine after the call: queued calls are served, later ones run on a fresh engine", async () => {
    const { engine } = await startTestEngine();
    try {
      const pid = engine.pid!;
      const spin = "[regex]::new('^(a+)+$', 'None', [TimeSpan]::FromSeconds(20)).IsMatch(('a' * 40) + '!')";
      const timedOut = engine.invokeStep({ type: 'RunPowerShellScript', name: 'Spin', sourceScript: spin, timeoutMinutes: 0.02 });
      const queued = engine.invokeStep({ type: 'RunCommandLine', name: 'Queued', commandLine: 'echo queued', outputVariableName: 'Out' });
      const result = await timedOut;
      expect(result.status).to.equal('Failed');
      expect(result.exitCode).to.equal(1460);
      expect(result.message).to.match(/did not stop when asked .* it was left running/);
      expect((await queued).variables.Out?.trim(), 'the call queued behind it ran on the old engine').to.equal('queued');
      expect(await waitUntil(() => !isRunning(pid), 5000), 'the engine with the script in it is gone').to.equal(true);
      expect(await engine.ping()).to.equal(true);
      expect(engine.starts).to.equal(2);
    } finally {
      await engine.close();
    }
  });

  it('close() also closes a retired engine still serving its queue: the queued call fails as closed, the engine goes', async () => {
    const { engine } = await startTestEngine();
    try {
      const pid = engine.pid!;
      const spin = "[regex]::new('^(a+)+$', 'None', [TimeSpan]::FromSeconds(20)).IsMatch(('a' * 40) + '!')";
      const timedOut = engine.invokeStep({ type: 'RunPowerShellScript', name: 'Spin', sourceScript: spin, timeoutMinutes: 0.02 });
      const queued = rejection(engine.invokeStep({ type: 'RunCommandLine', name: 'Queued', commandLine: 'sleep 10' }));
      expect((await timedOut).exitCode).to.equal(1460);
      expect(await engine.ping(), 'a fresh engine answers meanwhile').to.equal(true);
      await engine.close({ timeoutMs: 1000 });
      expect(await queued).to.be.instanceOf(EngineClosedError);
      expect(await waitUntil(() => !isRunning(pid), 5000), 'the retired engine is gone after close()').to.equal(true);
    } finally {
      await engine.close();
    }
  });

  it('stops the engine after the grace period, and the next call runs on a fresh engine', async () => {
    // A script blocked in Thread.Sleep takes 0.5 to 1.5 s to stop: longer than this engine's grace.
    const { engine } = await startTestEngine({ cancelGraceMs: 200 });
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const pid = engine.pid!;
      const error = await rejection(engine.invokeStep({ type: 'RunPowerShellScript', name: 'Sleep', sourceScript: sleepScript(30) }, { timeoutMs: 1500 }));
      expect(error).to.be.instanceOf(EngineTimeoutError);
      expect(error?.message).to.match(/the step did not stop within 0\.2 s, so the engine was stopped\.$/);
      expect(await waitUntil(() => !isRunning(pid), 5000), 'engine stopped').to.equal(true);
      expect(await engine.ping()).to.equal(true);
      expect(engine.pid).to.not.equal(pid);
      expect(engine.starts).to.equal(2);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(unhandled).to.deep.equal([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      await engine.close();
    }
  });
});
