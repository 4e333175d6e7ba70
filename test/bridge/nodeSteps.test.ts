import { expect } from 'chai';
import { AsyncResource } from 'node:async_hooks';
import { NodeStepRegistry, RunningCalls } from '../../src/bridge/nodeSteps.js';

const call = (handler: string, variables: Record<string, string> = {}) => ({
  type: 'callback' as const,
  id: 'cb-1',
  method: 'invokeNodeStep' as const,
  params: { handler, parameters: { to: 'ops' }, variables, path: 'Notify' },
});

describe('NodeStepRegistry (answers invokeNodeStep callbacks)', () => {
  it('runs the handler and returns the whole environment afterwards', async () => {
    const registry = new NodeStepRegistry();
    registry.register('notify', async (parameters, ctx) => {
      ctx.variables.set('Sent', `to ${parameters.to as string}`);
      ctx.variables.delete('Old');
    });
    const reply = await registry.answer(call('Notify', { Old: 'x', Keep: 'y' }));
    expect(reply).to.deep.equal({
      type: 'callbackResult',
      id: 'cb-1',
      result: { variables: { Keep: 'y', Sent: 'to ops' }, exitCode: 0, message: '' },
    });
  });

  it('passes the exit code and message a handler returns', async () => {
    const registry = new NodeStepRegistry();
    registry.register('check', () => ({ exitCode: 5, message: 'not ready' }));
    const reply = await registry.answer(call('check'));
    expect(reply.result).to.include({ exitCode: 5, message: 'not ready' });
  });

  it('turns a throwing handler into an error reply naming it', async () => {
    const registry = new NodeStepRegistry();
    registry.register('boom', () => {
      throw new Error('mail server down');
    });
    const reply = await registry.answer(call('boom'));
    expect(reply.error?.message).to.equal("Node step 'boom' failed: mail server down");
  });

  it('names the missing handler and the registered ones', async () => {
    const registry = new NodeStepRegistry();
    registry.register('notify', () => undefined);
    const reply = await registry.answer(call('deploy'));
    expect(reply.error?.message).to.match(/No Node step handler named 'deploy'.*Registered: notify/);
  });

  it('refuses to send back a variable that is not well-formed Unicode, naming it', async () => {
    const registry = new NodeStepRegistry();
    registry.register('cut', (_parameters, ctx) => {
      ctx.variables.set('Cut', '😀'.slice(0, 1));
    });
    const reply = await registry.answer(call('cut'));
    expect(reply.result).to.equal(undefined);
    expect(reply.error?.message).to.match(/^Node step 'cut' returned an answer the engine cannot read: the value of variable 'Cut' is not well-formed Unicode/);
  });
});

describe('NodeStepRegistry: answers a handler returns that the engine could not take', () => {
  it('names an exit code outside Int32 and a message that is not a string', async () => {
    const registry = new NodeStepRegistry();
    registry.register('huge', () => ({ exitCode: 2 ** 40 }));
    registry.register('objectMessage', () => ({ message: { a: 1 } as unknown as string }));
    expect((await registry.answer(call('huge'))).error?.message).to.equal("Node step 'huge' returned exit code 1099511627776, outside -2147483648..2147483647.");
    expect((await registry.answer(call('objectMessage'))).error?.message).to.equal("Node step 'objectMessage' returned a message that is not a string (object).");
  });
});

describe('NodeStepRegistry.runningHandler (a handler must not call its own engine)', () => {
  it('is set inside the handler and its awaits, for its own registry only, and cleared when it finishes', async () => {
    const registry = new NodeStepRegistry();
    const other = new NodeStepRegistry();
    const seen: Array<unknown> = [];
    let later: (() => unknown) | undefined;
    registry.register('probe', async () => {
      seen.push(registry.runningHandler);
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push(registry.runningHandler, other.runningHandler);
      // a callback kept in the handler's async context, called after the handler has finished
      later = AsyncResource.bind(() => registry.runningHandler);
    });
    expect(registry.runningHandler).to.equal(undefined);
    await registry.answer(call('probe'));
    expect(seen).to.deep.equal([{ name: 'probe', path: 'Notify' }, { name: 'probe', path: 'Notify' }, undefined]);
    expect(later!(), 'after the handler finished').to.equal(undefined);
  });
});

describe('RunningCalls (a Node step call in progress, per engine process)', () => {
  it("a handler left running for a dead engine does not take the fresh engine's call of the same id", async () => {
    const registry = new NodeStepRegistry();
    let finishStubborn: (() => void) | undefined;
    const watched: AbortSignal[] = [];
    registry.register('stubborn', () => new Promise<void>((resolve) => (finishStubborn = resolve))); // ignores its signal
    registry.register('watch', (_parameters, ctx) => {
      watched.push(ctx.signal);
      return new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve()));
    });
    const deadEngine = new RunningCalls();
    const freshEngine = new RunningCalls();
    // Both engines number their first callback the same.
    const stubborn = registry.answer(call('stubborn'), deadEngine);
    deadEngine.abortAll(new Error('the engine died'));
    const watching = registry.answer(call('watch'), freshEngine);
    finishStubborn!(); // the old handler ends at last...
    await stubborn;
    freshEngine.abortAll(new Error('the call was aborted')); // ...and the fresh engine's call is still reachable
    await watching;
    expect(watched[0]!.aborted).to.equal(true);
    expect((watched[0]!.reason as Error).message).to.equal('the call was aborted');
  });
});
