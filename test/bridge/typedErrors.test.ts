// What JSON cannot carry, a closed engine and a Node step's unreadable answer are typed errors
// naming where the problem is (never a bare TypeError from JSON.stringify), through the real engine.
import { expect } from 'chai';
import type { Engine } from '../../src/bridge/Engine.js';
import { EngineClosedError, EngineUnavailableError, InvalidRequestError } from '../../src/bridge/errors.js';
import { StepValidationError } from '../../src/api/StepValidationError.js';
import { validateDocument } from '../../src/bridge/validateDocument.js';
import { startTestEngine } from '../support/engine.js';

async function rejection(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => expect.fail('expected a rejection'),
    (error: unknown) => error as Error,
  );
}

describe('typed errors for what cannot be sent (real engine)', function () {
  this.timeout(120_000);
  let engine: Engine;
  before(async () => {
    ({ engine } = await startTestEngine());
    engine.registerStep('echo', () => undefined);
  });
  after(async () => {
    await engine?.close();
  });

  const cyclic = () => {
    const value: Record<string, unknown> = { a: 1, inner: { b: 2 } };
    (value.inner as Record<string, unknown>).back = value;
    return value;
  };

  it('a cyclic parameter (validate: false): InvalidRequestError naming its path, nothing sent', async () => {
    const error = await rejection(engine.invokeStep({ type: 'Node', name: 'n', handler: 'echo', parameters: cyclic() }, { validate: false }));
    expect(error).to.be.instanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).path).to.equal('$.parameters.inner.back');
    expect(error.message).to.match(/^invokeStep: the value at \$\.parameters\.inner\.back is the object 2 levels up again \(a cycle/);
    expect(await engine.ping()).to.equal(true);
  });

  it('a cyclic parameter (validated): StepValidationError naming the path, not "nests too deep"', async () => {
    const error = await rejection(engine.invokeStep({ type: 'Node', name: 'n', handler: 'echo', parameters: cyclic() }));
    expect(error).to.be.instanceOf(StepValidationError);
    expect((error as StepValidationError).problems).to.deep.equal([
      { path: '$.parameters.inner.back', message: 'is the object 2 levels up again (a cycle: the value contains itself), which JSON cannot carry' },
    ]);
    const result = validateDocument({ name: 'd', steps: [{ type: 'Node', name: 'n', handler: 'echo', parameters: cyclic() }] });
    expect(result.errors.map((problem) => problem.path)).to.deep.equal(['$.steps[0].parameters.inner.back']);
  });

  it('a BigInt parameter: refused with its path, validated or not', async () => {
    const step = { type: 'Node', name: 'n', handler: 'echo', parameters: { list: [1, 9007199254740993n] } } as const;
    const raw = await rejection(engine.invokeStep(step as never, { validate: false }));
    expect(raw).to.be.instanceOf(InvalidRequestError);
    expect((raw as InvalidRequestError).path).to.equal('$.parameters.list[1]');
    expect(raw.message).to.contain('is a BigInt (9007199254740993n), which JSON cannot carry');
    const validated = await rejection(engine.invokeStep(step as never));
    expect(validated).to.be.instanceOf(StepValidationError);
    expect((validated as StepValidationError).problems[0]?.path).to.equal('$.parameters.list[1]');
  });

  it('a variable that is not a string (a BigInt, a cyclic object): InvalidRequestError naming the variable', async () => {
    for (const value of [12n, cyclic()]) {
      const error = await rejection(
        engine.invokeStep({ type: 'SetTaskSequenceVariable', name: 's', variableName: 'X', variableValue: 'y' }, { variables: { Good: 'g', Bad: value as never } }),
      );
      expect(error).to.be.instanceOf(InvalidRequestError);
      expect(error).to.not.be.instanceOf(TypeError);
      expect((error as InvalidRequestError).variable).to.equal('Bad');
      expect(error.message).to.match(/^invokeStep: variable 'Bad' must be a string, got a(n object| bigint)/);
    }
  });

  it("a Node step handler setting a lone surrogate: the step fails naming the handler and the variable (value or name)", async () => {
    engine.registerStep('cutValue', (_parameters, ctx) => void ctx.variables.set('Cut', 'ab\ud83d'));
    engine.registerStep('cutName', (_parameters, ctx) => void ctx.variables.set('Cut\udc00', 'x'));
    const value = await engine.invokeStep({ type: 'Node', name: 'Cut value', handler: 'cutValue' });
    expect(value.status).to.equal('Failed');
    expect(value.message).to.match(/Node step 'cutValue' returned an answer the engine cannot read: the value of variable 'Cut' is not well-formed Unicode: it has a lone surrogate \(U\+D83D\) at index 2/);
    const name = await engine.invokeStep({ type: 'Node', name: 'Cut name', handler: 'cutName' });
    expect(name.status).to.equal('Failed');
    expect(name.message).to.match(/Node step 'cutName' returned an answer the engine cannot read: the variable name "Cut\\udc00" is not well-formed Unicode/);
  });
});

describe('calls after close() (real engine)', function () {
  this.timeout(120_000);

  it('ping, invokeStep and getStepTypes all reject with EngineClosedError, "the engine is closed"', async () => {
    const { engine } = await startTestEngine();
    await engine.close();
    const calls: Array<[string, () => Promise<unknown>]> = [
      ['ping', () => engine.ping()],
      ['invokeStep', () => engine.invokeStep({ type: 'SetTaskSequenceVariable', name: 's', variableName: 'X', variableValue: 'y' })],
      ['getStepTypes', () => engine.getStepTypes()],
    ];
    for (const [method, call] of calls) {
      const error = await rejection(call());
      expect(error, method).to.be.instanceOf(EngineClosedError);
      expect(error, method).to.be.instanceOf(EngineUnavailableError);
      expect(error.message).to.equal(`${method}: the engine is closed (engine.close() was called); nothing was sent. Start another with Engine.start().`);
    }
  });
});
