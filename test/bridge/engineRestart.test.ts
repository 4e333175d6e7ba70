// Issue 8, control: a killed engine fails what it ran with a typed error, and the next call starts
// a fresh engine with the same settings, Node steps and known secrets; close() during that start
// leaves no process.
import { expect } from 'chai';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReadyMessage } from '../../src/bridge/protocol.js';
import { EngineAbortError, EngineClosedError, EngineTimeoutError, EngineUnavailableError } from '../../src/bridge/errors.js';
import { resolveEngine } from '../../src/bridge/resolveEngine.js';
import { startTestEngine, testEngineChoice } from '../support/engine.js';
import { childrenOf, isRunning, waitUntil } from '../support/processes.js';
import { socketOf } from '../support/engineInternals.js';
import { rejection, sleepScript } from '../support/calls.js';

/**
 * A stand-in host (a shell script) that starts the real test engine, or, once its switch file
 * exists, runs `whenSwitched` instead: the first start works, the restarts do what a test needs.
 */
function standInHost(whenSwitched: string): { folder: string; engine: string; env: NodeJS.ProcessEnv; switchFile: string } {
  const folder = mkdtempSync(join(tmpdir(), 'tsseq-restart-test-'));
  const switchFile = join(folder, 'switch');
  const engine = join(folder, 'host.sh');
  const real = resolveEngine({ engine: testEngineChoice });
  const start = [real.command, ...real.prefixArgs].map((arg) => `'${arg}'`).join(' ');
  writeFileSync(engine, `#!/bin/sh\nif [ -e '${switchFile}' ]; then ${whenSwitched}; fi\nexec ${start} "$@"\n`, { mode: 0o700 });
  return { folder, engine, env: { ...process.env, ...real.env }, switchFile };
}

describe('Engine restart after the engine died (real engine)', function () {
  this.timeout(120_000);

  it('fails the running call typed, then runs the next call on a fresh engine with the same Node steps and secrets', async () => {
    const { engine, output } = await startTestEngine();
    const restarts: ReadyMessage[] = [];
    engine.on('restart', (info: ReadyMessage) => restarts.push(info));
    engine.registerStep('double', (_params, ctx) => {
      ctx.variables.set('Doubled', String(Number(ctx.variables.get('N')) * 2));
    });
    try {
      const firstPid = engine.pid!;
      // A secret the Node side learned with the first engine stays masked in what the second prints
      // past the engine's own masking (a raw console write of a value that run did not declare).
      await engine.invokeStep(
        { type: 'SetTaskSequenceVariable', name: 'Other', variableName: 'X', variableValue: '1' },
        { variables: { Token: 'tok-3141592653' }, secrets: ['Token'] },
      );
      const running = engine.invokeStep({ type: 'RunPowerShellScript', name: 'Sleep', sourceScript: sleepScript(30) });
      await new Promise((resolve) => setTimeout(resolve, 500));
      process.kill(firstPid, 'SIGKILL');
      const error = await rejection(running);
      expect(error).to.be.instanceOf(EngineUnavailableError);
      expect(error!.message).to.match(/unexpectedly: .*\. The next call starts a fresh engine\.$/s);
      expect(restarts, 'nothing restarts before a call asks').to.deep.equal([]);

      const result = await engine.runSequence(
        {
          name: 'After restart',
          steps: [
            { type: 'Node', name: 'Double', handler: 'double' },
            { type: 'RunPowerShellScript', name: 'Print', sourceScript: "[Console]::WriteLine('leak tok-3141592653 ' + $tsenv.Value('Doubled'))" },
          ],
        },
        { variables: { N: '21' }, noState: true },
      );
      expect(result.status).to.equal('Succeeded');
      expect(result.variables.Doubled).to.equal('42');
      expect(engine.pid).to.be.a('number').and.not.equal(firstPid);
      expect(isRunning(firstPid)).to.equal(false);
      expect(engine.starts).to.equal(2);
      expect(restarts).to.have.length(1);
      expect(restarts[0]).to.deep.equal(engine.info);
      expect(output.stdout).to.include('leak ******** 42');
      expect(output.stdout).not.to.include('tok-3141592653');
    } finally {
      await engine.close();
    }
  });

  it('starts one fresh engine for all the calls waiting after a death', async () => {
    const { engine } = await startTestEngine();
    try {
      const exited = new Promise((resolve) => engine.once('exit', resolve));
      process.kill(engine.pid!, 'SIGKILL');
      await exited;
      const answers = await Promise.all([engine.ping(), engine.ping(), engine.getStepTypes(), engine.ping()]);
      expect(answers[0]).to.equal(true);
      expect(answers[2]).to.be.an('array').that.is.not.empty;
      expect(engine.starts).to.equal(2);
    } finally {
      await engine.close();
    }
  });

  it('a call made as soon as the connection closed starts a fresh engine (it does not wait for the exit status)', async () => {
    const { engine } = await startTestEngine();
    try {
      const answered = new Promise<boolean>((resolve, reject) => {
        // Registered after the Engine's own listener: the Engine has seen the end when this runs.
        socketOf(engine).once('close', () => engine.ping().then(resolve, reject));
      });
      process.kill(engine.pid!, 'SIGKILL');
      expect(await answered).to.equal(true);
      expect(engine.starts).to.equal(2);
    } finally {
      await engine.close();
    }
  });

  it('holds a waiting call to its signal and timeoutMs while the fresh engine starts; it is never sent', async () => {
    const { engine } = await startTestEngine();
    // Had a call been sent, its command would leave this file behind.
    const folder = mkdtempSync(join(tmpdir(), 'tsseq-restart-test-'));
    const sentProof = join(folder, 'sent');
    const step = { type: 'RunCommandLine', name: 'Never', commandLine: `touch '${sentProof}'` } as const;
    try {
      const exited = new Promise((resolve) => engine.once('exit', resolve));
      process.kill(engine.pid!, 'SIGKILL');
      await exited;
      const aborted = new AbortController();
      aborted.abort();
      expect(await rejection(engine.invokeStep(step, { signal: aborted.signal })), 'an aborted signal starts nothing').to.be.instanceOf(EngineAbortError);
      expect(engine.starts).to.equal(1);

      const timedOut = await rejection(engine.invokeStep(step, { timeoutMs: 1 }));
      expect(timedOut).to.be.instanceOf(EngineTimeoutError);
      expect(timedOut!.message).to.equal('invokeStep timed out after 1 ms while a fresh engine started; nothing was sent');
      const controller = new AbortController();
      const abortedWhileWaiting = rejection(engine.invokeStep(step, { signal: controller.signal }));
      controller.abort();
      expect(await abortedWhileWaiting).to.be.instanceOf(EngineAbortError);
      // The start goes on for the next call.
      expect(await engine.ping()).to.equal(true);
      expect(engine.starts).to.equal(2);
      expect(existsSync(sentProof), 'no step was sent').to.equal(false);
    } finally {
      await engine.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("a call that waited for the fresh engine and then timed out in its queue names the timeoutMs it was given", async () => {
    const { engine } = await startTestEngine();
    try {
      const exited = new Promise((resolve) => engine.once('exit', resolve));
      process.kill(engine.pid!, 'SIGKILL');
      await exited;
      const first = engine.invokeStep({ type: 'RunCommandLine', name: 'Busy', commandLine: 'sleep 3' });
      const queued = await rejection(engine.invokeStep({ type: 'RunCommandLine', name: 'Queued', commandLine: 'true' }, { timeoutMs: 1500 }));
      expect(queued).to.be.instanceOf(EngineTimeoutError);
      expect(queued!.message).to.equal('invokeStep timed out after 1500 ms before it started.');
      expect((await first).status).to.equal('Succeeded');
    } finally {
      await engine.close();
    }
  });

  it('close() while a fresh engine starts rejects the waiting call as closed and leaves no engine running', async () => {
    const { engine } = await startTestEngine();
    const firstPid = engine.pid!;
    const exited = new Promise((resolve) => engine.once('exit', resolve));
    process.kill(firstPid, 'SIGKILL');
    await exited;
    const before = childrenOf(process.pid); // other suites' engines may be running too
    const restarts: unknown[] = [];
    engine.on('restart', (info) => restarts.push(info));
    const waiting = rejection(engine.ping());
    await engine.close();
    expect(await waiting).to.be.instanceOf(EngineClosedError);
    expect(restarts, 'the engine started for the waiting call served nobody').to.deep.equal([]);
    expect(engine.starts).to.equal(1);
    expect(engine.pid).to.equal(firstPid);
    const left = () => childrenOf(process.pid).filter((pid) => !before.includes(pid));
    expect(await waitUntil(() => left().length === 0, 5000), `processes started since the kill and left running: ${left().join(', ')}`).to.equal(true);
    expect(await rejection(engine.ping())).to.be.instanceOf(EngineClosedError);
  });

  it('a fresh engine that cannot start fails that call alone, tells why in stderrTail, and the next call tries again', async function () {
    if (process.platform === 'win32') this.skip(); // standInHost is a shell script
    // The first start works, later ones fail until allowed.
    const { folder, engine: host, env, switchFile: refuse } = standInHost("echo 'stand-in: start refused' >&2; exit 9");
    const { engine } = await startTestEngine({ engine: host, env });
    try {
      writeFileSync(refuse, '');
      const exited = new Promise((resolve) => engine.once('exit', resolve));
      process.kill(engine.pid!, 'SIGKILL');
      await exited;
      const failed = await rejection(engine.ping());
      expect(failed).to.be.instanceOf(EngineUnavailableError);
      expect(failed!.message).to.match(/exited with code 9 before it was ready/);
      expect(engine.stderrTail).to.include('stand-in: start refused');
      rmSync(refuse);
      expect(await engine.ping()).to.equal(true);
      expect(engine.starts).to.equal(2);
      expect(engine.stderrTail).not.to.include('stand-in: start refused');
    } finally {
      await engine.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('close() kills a fresh engine still starting for a call that gave up, without waiting for its start deadline', async function () {
    if (process.platform === 'win32') this.skip(); // standInHost is a shell script
    // Once switched, a start hangs, as an engine that never connects would.
    const { folder, engine: host, env, switchFile: hang } = standInHost('exec sleep 1000');
    const { engine } = await startTestEngine({ engine: host, env, startTimeoutMs: 60_000 });
    try {
      writeFileSync(hang, '');
      const exited = new Promise((resolve) => engine.once('exit', resolve));
      process.kill(engine.pid!, 'SIGKILL');
      await exited;
      const before = childrenOf(process.pid);
      const gaveUp = await rejection(engine.invokeStep({ type: 'RunCommandLine', name: 'Never', commandLine: 'true' }, { timeoutMs: 300 }));
      expect(gaveUp).to.be.instanceOf(EngineTimeoutError);
      const starting = childrenOf(process.pid).filter((pid) => !before.includes(pid));
      expect(starting, 'the hanging fresh engine').to.have.length(1);
      const closing = Date.now();
      await engine.close({ timeoutMs: 1000 });
      expect(Date.now() - closing, 'close() did not wait for the start deadline (60 s)').to.be.below(5000);
      expect(await waitUntil(() => !isRunning(starting[0]!), 5000), 'the hanging engine is gone').to.equal(true);
    } finally {
      await engine.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
