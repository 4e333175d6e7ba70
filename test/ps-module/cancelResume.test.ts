// A run cancelled mid-step (Node aborted it, its timeoutMs ran out, or its owner died) leaves
// that step in progress in the state, as a crash does: a resume retries it (retryCount) or fails
// it, saying it was cancelled, and the failure rules apply. It is never passed over as done.
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine, SequenceDocument } from '../../src/bridge/Engine.js';
import { EngineTimeoutError } from '../../src/bridge/errors.js';
import { paths } from '../../src/bridge/paths.js';
import { cliPath } from '../support/cli.js';
import { startTestEngine, testEngineChoice } from '../support/engine.js';
import { waitUntil } from '../support/processes.js';
import { tempDirectory, writeTempFile } from '../support/tempFiles.js';

const CANCELLED = 'The run was cancelled during this step (its caller aborted it or went away).';

interface SavedState {
  status: string;
  position: number;
  inProgress: number | null;
  interruption: string | null;
  resultsLength: number;
}

const savedState = (folder: string) => JSON.parse(readFileSync(join(folder, 'state.json'), 'utf8')) as SavedState;
const journal = (folder: string) => (existsSync(join(folder, 'results.jsonl')) ? readFileSync(join(folder, 'results.jsonl'), 'utf8') : '');

function sequence(long: Record<string, unknown>): SequenceDocument {
  return {
    name: 'cancel then resume',
    steps: [
      { type: 'SetTaskSequenceVariable', name: 'First', variableName: 'A', variableValue: '1' },
      { type: 'RunCommandLine', name: 'Long', commandLine: 'sleep 30', ...long },
      { type: 'RunCommandLine', name: 'After', commandLine: 'true' },
    ],
  };
}

describe('a run cancelled mid-step, then resumed (real engine)', function () {
  this.timeout(120_000);
  let engine: Engine;
  before(async () => ({ engine } = await startTestEngine()));
  after(async () => engine?.close());

  it('keeps the stopped step in progress, noted as cancelled; the resume fails it and the rest is skipped', async () => {
    const state = join(tempDirectory(), 'cancel-no-retry');
    const error = await engine.runSequence(sequence({}), { stateDirectory: state, timeoutMs: 1500 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(EngineTimeoutError);
    expect(savedState(state)).to.include({ status: 'Running', position: 1, inProgress: 1, interruption: 'cancelled' });
    expect(journal(state), 'the stopped step has no settled result').not.to.include('"Long"');

    const result = await engine.resumeSequence({ stateDirectory: state });
    expect(result.steps.map((s) => `${s.path}=${s.status}`)).to.deep.equal(['First=Succeeded', 'Long=Failed', 'After=Skipped']);
    expect(result.steps[1]!.message).to.equal(CANCELLED);
    expect(result.status).to.equal('Failed');
    expect(savedState(state)).to.include({ status: 'Failed', inProgress: null, interruption: null });
  });

  it('a step that reports success after the cancel stopped it (a handler returning on its signal, 1460 in successCodes) is still in progress, with the variables it started with', async () => {
    engine.registerStep('returnsOnAbort', async (_parameters, ctx) => {
      ctx.variables.set('Touched', 'yes');
      await new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve()));
      return { exitCode: 0 };
    });
    const stopped = [
      { type: 'Node', name: 'Long', handler: 'returnsOnAbort' },
      { type: 'RunCommandLine', name: 'Long', commandLine: 'sleep 30', successCodes: [0, 1460] },
    ];
    for (const [i, long] of stopped.entries()) {
      const state = join(tempDirectory(), `cancel-reported-success-${i}`);
      const document = sequence({});
      document.steps[1] = long as never;
      const error = await engine.runSequence(document, { stateDirectory: state, timeoutMs: 1500 }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, long.type).to.be.instanceOf(EngineTimeoutError);
      expect(savedState(state), long.type).to.include({ inProgress: 1, interruption: 'cancelled' });
      expect(readFileSync(join(state, 'state.json'), 'utf8'), 'no variable of the stopped step saved').not.to.include('Touched');
      const result = await engine.resumeSequence({ stateDirectory: state });
      expect(result.steps.map((s) => `${s.path}=${s.status}`), long.type).to.deep.equal(['First=Succeeded', 'Long=Failed', 'After=Skipped']);
      expect(result.variables).not.to.have.property('Touched');
    }
  });

  it('a cancel while the walker judges conditions marks no step in progress: the resume judges them again and succeeds', async () => {
    // A software condition reads the package database (about 10 ms here): a cancel mostly lands inside one.
    const skipped = Array.from({ length: 60 }, (_, i) => ({
      type: 'RunCommandLine',
      name: `Skip${i}`,
      commandLine: 'false',
      condition: { software: { operator: 'anyVersion', productName: 'tsseq-no-such-product' } },
    }));
    const document = { name: 'conditions then cancel', steps: [...skipped, { type: 'RunCommandLine', name: 'Last', commandLine: 'true' }] } as SequenceDocument;
    const state = join(tempDirectory(), 'cancel-in-conditions');
    const error = await engine.runSequence(document, { stateDirectory: state, timeoutMs: 300 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(EngineTimeoutError);
    expect(savedState(state).inProgress, 'no step had started').to.equal(null);
    const result = await engine.resumeSequence({ stateDirectory: state });
    expect(result.status).to.equal('Succeeded');
    expect(result.steps.filter((step) => step.status !== 'Skipped').map((step) => `${step.path}=${step.status}`)).to.deep.equal(['Last=Succeeded']);
  });

  it('runs the stopped step again when it has a retry left, its condition judged as when it started', async () => {
    const state = join(tempDirectory(), 'cancel-retry');
    const marker = join(tempDirectory(), 'cancel-retry-ran');
    // The first run sleeps (and is cancelled), the retry finds the marker and succeeds at once. The
    // condition is evaluated again on the retry, against the variables the step started with
    // (not the _SMSTSLastAction* values its stopped run produced).
    const long = {
      commandLine: `if [ -e '${marker}' ]; then echo again >> '${marker}'; else echo first > '${marker}'; sleep 30; fi`,
      retryCount: 1,
      condition: { variable: '_SMSTSLastActionSucceeded', operator: 'equals', value: 'true' },
    };
    const error = await engine.runSequence(sequence(long), { stateDirectory: state, timeoutMs: 1500 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(EngineTimeoutError);
    const result = await engine.resumeSequence({ stateDirectory: state });
    expect(result.steps.map((s) => `${s.path}=${s.status}`)).to.deep.equal(['First=Succeeded', 'Long=Succeeded', 'After=Succeeded']);
    expect(readFileSync(marker, 'utf8')).to.equal('first\nagain\n');
    expect(result.status).to.equal('Succeeded');
  });

  it('after the owner of `tsseq run` is SIGKILLed mid-step, the resume fails that step as cancelled (never Succeeded)', async function () {
    if (process.platform === 'win32') this.skip();
    const state = join(tempDirectory(), 'cancel-owner-killed');
    const file = writeTempFile('cancel-owner-killed.json', sequence({}));
    const child = spawn(process.execPath, [cliPath, 'run', file, '--state-dir', state], { cwd: paths.root, env: { ...process.env, TSSEQ_ENGINE: testEngineChoice }, stdio: 'ignore' });
    const exited = new Promise((done) => child.once('exit', done));
    const inProgress = () => existsSync(join(state, 'state.json')) && savedState(state).inProgress === 1;
    expect(await waitUntil(inProgress, 60_000), 'Long started').to.equal(true);
    child.kill('SIGKILL'); // the CLI alone: its engine notices its owner is gone and cancels the run
    await exited;
    expect(await waitUntil(() => savedState(state).interruption === 'cancelled', 10_000), 'the engine saved the cancel').to.equal(true);
    // The engine holds the state folder until it has exited: resume refuses the folder until then.
    let result: Awaited<ReturnType<Engine['resumeSequence']>> | undefined;
    for (let attempt = 0; attempt < 50 && !result; attempt++) {
      result = await engine.resumeSequence({ stateDirectory: state }).catch(async (e: Error) => {
        if (!/is still running in another process/.test(e.message)) throw e;
        await new Promise((resolve) => setTimeout(resolve, 100));
        return undefined;
      });
    }
    expect(result!.steps.map((s) => `${s.path}=${s.status}`)).to.deep.equal(['First=Succeeded', 'Long=Failed', 'After=Skipped']);
    expect(result!.steps[1]!.message).to.equal(CANCELLED);
    expect(result!.status).to.equal('Failed');
  });
});
