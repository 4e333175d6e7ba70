// invokeStep takes a step without a name, as DESIGN §4's Node example writes it, and names it
// after its type (as Invoke-TsStep -Type does); the types still check everything else. This file
// compiling is part of the test: the calls below are typed, with no casts.
import { expect } from 'chai';
import type { Engine } from '../../src/bridge/Engine.js';
import { StepValidationError } from '../../src/api/StepValidationError.js';
import { withDefaultName } from '../../src/api/defaultStepName.js';
import { startTestEngine } from '../support/engine.js';

describe('invokeStep: a step without a name', function () {
  this.timeout(120_000);
  let engine: Engine;
  before(async () => {
    ({ engine } = await startTestEngine());
  });
  after(async () => {
    await engine?.close();
  });

  it("runs DESIGN §4's example as written, named after its step type", async () => {
    const r = await engine.invokeStep({ type: 'RunCommandLine', commandLine: 'echo hi', outputVariableName: 'Out' }, { variables: { A: '1' } });
    expect(r).to.include({ status: 'Succeeded', path: 'Run Command Line' });
    expect(r.variables.Out?.trim()).to.equal('hi');
    const set = await engine.invokeStep({ type: 'SetTaskSequenceVariable', variableName: 'V', variableValue: 'x' });
    expect(set.path).to.equal('Set Task Sequence Variable');
  });

  it('treats name: undefined as no name (the type allows it: { name: options.name })', async () => {
    const given: string | undefined = undefined;
    const result = await engine.invokeStep({ type: 'RunCommandLine', name: given, commandLine: 'echo hi' });
    expect(result).to.include({ status: 'Succeeded', path: 'Run Command Line' });
  });

  it('keeps a given name, and still refuses a wrong value by its path', async () => {
    expect((await engine.invokeStep({ type: 'RunCommandLine', name: 'Mine', commandLine: 'echo hi' })).path).to.equal('Mine');
    // @ts-expect-error: commandLine is a string, name or not
    const error = await engine.invokeStep({ type: 'RunCommandLine', commandLine: 1 }).then(() => undefined, (e: unknown) => e);
    expect(error).to.be.instanceOf(StepValidationError);
    expect((error as StepValidationError).message).to.contain('$.commandLine');
  });

  it('names groups and Node steps too, and leaves anything it does not know to the validator', () => {
    expect(withDefaultName({ type: 'Group', steps: [] })).to.deep.equal({ type: 'Group', name: 'Group', steps: [] });
    expect(withDefaultName({ type: 'Node', handler: 'h' })).to.deep.equal({ type: 'Node', name: 'Node Step', handler: 'h' });
    expect(withDefaultName({ type: 'Nope' })).to.deep.equal({ type: 'Nope' });
    expect(withDefaultName({ type: 'RunCommandLine', name: undefined })).to.deep.equal({ type: 'RunCommandLine', name: 'Run Command Line' });
    expect(withDefaultName({ type: 'RunCommandLine', name: '' })).to.deep.equal({ type: 'RunCommandLine', name: '' });
    expect(withDefaultName(null)).to.equal(null);
  });
});
