// A call's events as an async iterator, through the real engine: every event in order, the loop
// ends with the call, `result` is the call's result, a failing call throws in the loop after its
// events, and leaving the loop early leaves the call (and the engine) running to its end.
import { expect } from 'chai';
import type { Engine } from '../../src/bridge/Engine.js';
import type { EngineEvent } from '../../src/bridge/protocol.js';
import { startTestEngine } from '../support/engine.js';

const sequence = {
  name: 'events',
  steps: [
    { type: 'SetTaskSequenceVariable', name: 'One', variableName: 'A', variableValue: '1' },
    { type: 'RunCommandLine', name: 'Two', commandLine: 'echo two' },
    { type: 'SetTaskSequenceVariable', name: 'Three', variableName: 'B', variableValue: '3' },
  ],
} as const;

describe('events as an async iterator', function () {
  let engine: Engine;
  before(async () => {
    ({ engine } = await startTestEngine());
  });
  after(async () => {
    await engine?.close();
  });

  it('yields every event of a run in order, the same as onEvent sees, and ends with the run', async () => {
    const seen: EngineEvent[] = [];
    const stream = engine.runSequenceEvents(sequence, { onEvent: (event) => seen.push(event) });
    const iterated: EngineEvent[] = [];
    for await (const event of stream) iterated.push(event);
    const result = await stream.result;
    expect(result.status).to.equal('Succeeded');
    expect(iterated).to.deep.equal(seen);
    const finished = iterated.filter((event) => event.kind === 'stepFinished').map((event) => (event as { path: string }).path);
    expect(finished).to.deep.equal(['One', 'Two', 'Three']);
    expect(iterated.some((event) => event.kind === 'output' && String((event as { text?: unknown }).text).includes('two'))).to.equal(true);
  });

  it('throws the call’s error in the loop after the events that came before it', async () => {
    const stream = engine.invokeStepEvents({ type: 'RunCommandLine', name: 'Bad', commandLine: 'echo before; exit 3' });
    const iterated: EngineEvent[] = [];
    // A failed step is a result, not an error: the loop ends normally with it.
    for await (const event of stream) iterated.push(event);
    expect((await stream.result).status).to.equal('Failed');
    const broken = engine.runSequenceEvents({ name: 'x', steps: [{ type: 'NoSuchStep', name: 'y' }] } as never);
    let thrown: unknown;
    try {
      for await (const _event of broken) {
        // no events: the document is refused before it is sent
      }
    } catch (error) {
      thrown = error;
    }
    expect(thrown).to.be.instanceOf(Error);
    expect(await broken.result.catch((error: unknown) => error)).to.equal(thrown);
  });

  it('leaving the loop early stops collecting; the run goes on to its end and the engine serves on', async () => {
    const stream = engine.runSequenceEvents(sequence);
    for await (const event of stream) {
      if (event.kind === 'stepStarted') break;
    }
    const result = await stream.result;
    expect(result.steps.map((step) => step.status)).to.deep.equal(['Succeeded', 'Succeeded', 'Succeeded']);
    expect((await engine.invokeStep({ type: 'SetTaskSequenceVariable', name: 'After', variableName: 'C', variableValue: 'c' })).status).to.equal('Succeeded');
  });

  it('has one reader: a second loop over the same call is refused, the first still gets every event', async () => {
    const stream = engine.runSequenceEvents(sequence);
    const first = stream[Symbol.asyncIterator]();
    expect(() => stream[Symbol.asyncIterator]()).to.throw(TypeError, /already being iterated/);
    const kinds: string[] = [];
    for (let next = await first.next(); !next.done; next = await first.next()) kinds.push(next.value.kind);
    expect(kinds.filter((kind) => kind === 'stepFinished')).to.have.length(3);
    expect((await stream.result).status).to.equal('Succeeded');
  });
});
