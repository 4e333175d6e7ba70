// timeoutMinutes on a Node step (issue 7 item 10), through the real engine: at the limit the
// handler's signal aborts, the step fails with 1460 (ERROR_TIMEOUT, as Run Command Line), what
// the handler does afterwards is ignored, and the run goes on with the next step.
import { expect } from 'chai';
import type { Engine } from '../../src/bridge/Engine.js';
import { EngineAbortError } from '../../src/bridge/errors.js';
import { startTestEngine } from '../support/engine.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Node step timeouts', function () {
  let engine: Engine;
  before(async function () {
    ({ engine } = await startTestEngine());
  });
  after(async function () {
    await engine?.close();
  });

  it('fails a handler that blocked the event loop past its limit, ignoring its changes', async function () {
    engine.registerStep('busy', (_parameters, context) => {
      const until = Date.now() + 1500;
      while (Date.now() < until) {
        // busy: no await, so no timer can fire
      }
      context.variables.set('Busy', 'yes');
    });
    const result = await engine.runSequence({ name: 'busy', steps: [{ type: 'Node', name: 'Busy', handler: 'busy', timeoutMinutes: 0.01, continueOnError: true }] });
    expect(result.steps[0]).to.deep.include({ status: 'FailedContinued', exitCode: 1460 });
    expect(result.variables).to.not.have.property('Busy');
  });

  it('fails a Node step at its limit, aborts its signal, ignores its late changes and runs the next step', async function () {
    let aborted: unknown;
    let lateFinished = false;
    engine.registerStep('slow', async (_parameters, context) => {
      context.signal.addEventListener('abort', () => (aborted = context.signal.reason));
      // Ignores the signal on purpose: a handler that does not stop must not stop the run.
      await sleep(3000);
      context.variables.set('Late', 'yes');
      lateFinished = true;
    });
    engine.registerStep('quick', (_parameters, context) => {
      context.variables.set('Quick', 'done');
    });
    const started = Date.now();
    const result = await engine.runSequence({
      name: 'timeouts',
      steps: [
        { type: 'Node', name: 'Slow', handler: 'slow', timeoutMinutes: 0.02, continueOnError: true },
        { type: 'Node', name: 'Quick', handler: 'quick' },
      ],
    });
    const elapsed = Date.now() - started;
    expect(result.steps[0]).to.deep.include({ status: 'FailedContinued', exitCode: 1460 });
    expect(result.steps[0]!.message).to.match(/timed out after 0\.02 minute\(s\); its handler's signal was aborted and its changes are ignored/);
    expect(result.steps[1]!.status).to.equal('Succeeded');
    expect(result.variables.Quick).to.equal('done');
    expect(result.variables).to.not.have.property('Late');
    expect(aborted).to.be.instanceOf(Error);
    // The limit is 1.2 s; the run did not wait for the 3 s handler.
    expect(elapsed, 'the run waited for the handler').to.be.below(2900);
    await sleep(3200 - elapsed);
    expect(lateFinished).to.equal(true);
    // The engine is still usable after the late handler finished.
    const again = await engine.invokeStep({ type: 'SetTaskSequenceVariable', name: 'After', variableName: 'A', variableValue: 'b' });
    expect(again.status).to.equal('Succeeded');
  });

  it('aborts the signal of a running handler when its call is aborted, and the engine serves the next call', async function () {
    let reason: unknown;
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    engine.registerStep('waits', async (_parameters, context) => {
      started();
      // Ends only through its signal: without the abort reaching it, it would wait for 20 s.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 20_000);
        context.signal.addEventListener('abort', () => {
          reason = context.signal.reason;
          clearTimeout(timer);
          resolve();
        });
      });
      context.variables.set('AfterAbort', 'yes');
    });
    const controller = new AbortController();
    const call = engine.invokeStep({ type: 'Node', name: 'Waits', handler: 'waits' }, { signal: controller.signal });
    await running;
    controller.abort();
    const error = await call.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(EngineAbortError);
    expect(reason, 'the handler saw the abort on its signal').to.equal(error);
    const next = await engine.invokeStep({ type: 'SetTaskSequenceVariable', name: 'Next', variableName: 'N', variableValue: 'v' });
    expect(next.status).to.equal('Succeeded');
    expect(next.variables).to.not.have.property('AfterAbort');
  });
});
