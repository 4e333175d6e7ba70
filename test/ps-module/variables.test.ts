// Variable rules (DESIGN 5) as a sequence sees them, through the real engine.
import { expect } from 'chai';
import type { Engine } from '../../src/bridge/Engine.js';
import { startTestEngine } from '../support/engine.js';

const set = (variableName: string, variableValue: string) => ({ type: 'SetTaskSequenceVariable', name: `Set ${variableName}`, variableName, variableValue });

describe('task sequence variables', function () {
  let engine: Engine;
  before(async function () {
    ({ engine } = await startTestEngine());
  });
  after(async function () {
    await engine?.close();
  });

  it('substitutes %NAME% case-insensitively, keeps undefined references and %% literal, and expands once', async function () {
    const result = await engine.runSequence({
      name: 'expansion',
      variables: { Root: '/opt', Loop: '%Root%' },
      steps: [
        set('A', '%root%/a'),
        set('B', '%Undefined%/b'),
        set('C', '100%% sure, %A%'),
        set('D', '%Loop%'),
        set('E', '50% off % %Root'),
      ],
    });
    expect(result.variables).to.include({ A: '/opt/a', B: '%Undefined%/b', C: '100% sure, /opt/a', D: '%Root%', E: '50% off % %Root' });
  });

  it('sees a value set by an earlier step in later steps, and an empty value deletes', async function () {
    const result = await engine.runSequence({
      name: 'order',
      steps: [set('X', 'first'), set('Y', '%X%-then'), set('X', ''), set('Z', '%X%')],
    });
    expect(result.variables.Y).to.equal('first-then');
    expect(result.variables).to.not.have.property('X');
    expect(result.variables.Z).to.equal('%X%');
  });

  it('keeps "_" variables read-only for steps but sets the built-ins itself', async function () {
    const result = await engine.runSequence({
      name: 'Built-ins',
      steps: [{ ...set('_SMSTSPackageName', 'hijack'), continueOnError: true }],
    });
    expect(result.steps[0]!.status).to.equal('FailedContinued');
    expect(result.variables._SMSTSPackageName).to.equal('Built-ins');
  });

  it('refuses "_" names among the variables given to a run, naming the variable', async function () {
    let error: Error | undefined;
    try {
      await engine.runSequence({ name: 'bad', steps: [] }, { variables: { _SMSTSInWinPE: 'true' } });
    } catch (caught) {
      error = caught as Error;
    }
    expect(error?.message).to.match(/_SMSTSInWinPE.*read-only/);
  });

  it('lets --var style variables override the document variables', async function () {
    const result = await engine.runSequence({ name: 'override', variables: { Site: 'A' }, steps: [set('Copy', '%Site%')] }, { variables: { site: 'B' } });
    expect(result.variables.Copy).to.equal('B');
  });
});
