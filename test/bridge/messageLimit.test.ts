// A request or result over the bridge's message limit fails that request alone, with a typed
// error; the engine goes on serving. The limit is lowered to 1 MiB here so the test stays cheap
// (the default, 256 MiB, is the same code path).
import { expect } from 'chai';
import type { Engine } from '../../src/bridge/Engine.js';
import { EngineRequestError, InvalidRequestError, MessageTooLargeError } from '../../src/bridge/errors.js';
import { DEFAULT_MAX_MESSAGE_BYTES } from '../../src/bridge/session.js';
import { startTestEngine } from '../support/engine.js';
import { rejection } from '../support/calls.js';

const LIMIT = 1024 * 1024;
const copy = { type: 'SetTaskSequenceVariable', name: 'Copy', variableName: 'V', variableValue: '%In%' } as const;

describe('messages over the bridge limit (real engine)', function () {
  this.timeout(120_000);
  let engine: Engine;
  before(async () => {
    ({ engine } = await startTestEngine({ maxMessageBytes: LIMIT }));
  });
  after(async () => {
    await engine?.close();
  });

  it('the default limit is 256 MiB', () => {
    expect(DEFAULT_MAX_MESSAGE_BYTES).to.equal(256 * 1024 * 1024);
  });

  it("fails a Node step whose handler's answer is over the limit, sending none of it, and goes on serving", async () => {
    engine.registerStep('tooBig', (_parameters, ctx) => {
      ctx.variables.set('Big', 'x'.repeat(LIMIT));
    });
    const result = await engine.runSequence({ name: 'big answer', steps: [{ type: 'Node', name: 'Big', handler: 'tooBig' }] }, { noState: true });
    expect(result.status).to.equal('Failed');
    expect(result.steps[0]!.message).to.match(/The Node step's answer is \d+ bytes as JSON, over the bridge's message limit of 1 MiB \(1048576 bytes\) \(maxMessageBytes\); nothing of it was sent\./);
    expect(result.variables).not.to.have.property('Big');
    expect(await engine.ping()).to.equal(true);
  });

  it('refuses a request just over the limit before sending it (MessageTooLargeError) and goes on serving', async () => {
    const error = await rejection(engine.invokeStep(copy, { variables: { In: 'x'.repeat(LIMIT) } }));
    expect(error).to.be.instanceOf(MessageTooLargeError);
    expect(error).to.be.instanceOf(InvalidRequestError);
    expect(error?.message).to.match(/^invokeStep: the request is \d+ bytes as JSON, over the bridge's message limit of 1 MiB \(1048576 bytes\) \(maxMessageBytes\)\. Nothing was sent/);
    expect(await engine.ping()).to.equal(true);
  });

  it('fails a request whose result would be over the limit (the engine refuses to send it) and goes on serving', async () => {
    // The request fits; its result holds the value twice (In and V).
    const value = 'y'.repeat(LIMIT / 2 + 1000);
    const error = await rejection(engine.invokeStep(copy, { variables: { In: value } }));
    expect(error).to.be.instanceOf(EngineRequestError);
    expect((error as EngineRequestError).errorId).to.equal('TsSequence.MessageTooLarge');
    expect(error?.message).to.match(/^The result cannot be sent to Node: it is over the bridge's message limit of 1 MiB \(1048576 bytes\)\./);
    const after = await engine.invokeStep(copy, { variables: { In: 'small' } });
    expect(after.variables.V).to.equal('small');
  });

  it('counts the bytes written, non-ASCII characters as their 6-byte escapes, and states the limit itself', async () => {
    // 180,000 'é' are 360 KB of UTF-8 in the request, but 1,080,000 bytes each as \u00E9 in the
    // result (In and V): far past the writer's first chunks, where it used to say 1048575 bytes.
    const error = await rejection(engine.invokeStep(copy, { variables: { In: 'é'.repeat(180_000) } }));
    expect(error).to.be.instanceOf(EngineRequestError);
    expect(error?.message).to.match(/^The result cannot be sent to Node: it is over the bridge's message limit of 1 MiB \(1048576 bytes\)\./);
    // Just under: 2 × 6 × 85,000 bytes of escapes and the rest of the result fit.
    const result = await engine.invokeStep(copy, { variables: { In: 'é'.repeat(85_000) } });
    expect(result.variables.V).to.equal('é'.repeat(85_000));
  });

  it('passes a request just under the limit', async () => {
    const value = 'z'.repeat(LIMIT / 2 - 2000);
    const result = await engine.invokeStep({ type: 'SetTaskSequenceVariable', name: 'Set', variableName: 'V', variableValue: 'v' }, { variables: { In: value } });
    expect(result.variables.In?.length).to.equal(value.length);
  });
});
