// Set Task Sequence Variable, run by the real engine through the bridge.
import { expect } from 'chai';
import type { Engine } from '../../src/bridge/Engine.js';
import { startTestEngine } from '../support/engine.js';

describe('SetTaskSequenceVariable step', function () {
  let engine: Engine;
  before(async function () {
    ({ engine } = await startTestEngine());
  });
  after(async function () {
    await engine?.close();
  });

  const setVariable = (variableName: string, variableValue: string, extra: Record<string, unknown> = {}) => ({
    type: 'SetTaskSequenceVariable' as const,
    name: 'Set',
    variableName,
    variableValue,
    ...extra,
  });

  it('sets a variable and succeeds with exit code 0', async function () {
    const result = await engine.invokeStep(setVariable('AppRoot', '/opt/apps'));
    expect(result.status).to.equal('Succeeded');
    expect(result.exitCode).to.equal(0);
    expect(result.variables.AppRoot).to.equal('/opt/apps');
  });

  it('expands %var% references in the value, once', async function () {
    const result = await engine.invokeStep(setVariable('LogDir', '%AppRoot%/logs'), {
      variables: { AppRoot: '/opt/apps', Nested: '%AppRoot%' },
    });
    expect(result.variables.LogDir).to.equal('/opt/apps/logs');
    const single = await engine.invokeStep(setVariable('Copy', '%Nested%'), { variables: { AppRoot: '/x', Nested: '%AppRoot%' } });
    expect(single.variables.Copy).to.equal('%AppRoot%');
  });

  it('deletes the variable when the value is empty', async function () {
    const result = await engine.invokeStep(setVariable('Gone', ''), { variables: { Gone: 'here' } });
    expect(result.status).to.equal('Succeeded');
    expect(result.variables).to.not.have.property('Gone');
  });

  it('refuses read-only names starting with "_" and fails the step', async function () {
    const result = await engine.invokeStep(setVariable('_SMSTSMine', 'x'));
    expect(result.status).to.equal('Failed');
    expect(result.message).to.match(/read-only/);
    expect(result.variables).to.not.have.property('_SMSTSMine');
  });

  it('masks a hidden value in the result variables and in every event', async function () {
    const events: unknown[] = [];
    const result = await engine.invokeStep(setVariable('Password', 'Sup3r-Secret', { doNotShowVariableValue: true }), {
      onEvent: (event) => events.push(event),
    });
    expect(result.status).to.equal('Succeeded');
    expect(result.variables.Password).to.equal('********');
    expect(events).to.not.be.empty;
    expect(JSON.stringify(events)).to.not.contain('Sup3r-Secret');
    expect(JSON.stringify(result)).to.not.contain('Sup3r-Secret');
  });

  it('keeps a hidden value usable by later steps while masking it', async function () {
    const result = await engine.runSequence({
      name: 'secret use',
      steps: [
        setVariable('Token', 'tok-123', { doNotShowVariableValue: true }),
        { type: 'RunCommandLine', name: 'Use', commandLine: 'echo "%Token%" > /dev/null; echo used %Token%', outputVariableName: 'Echoed' },
      ],
    });
    expect(result.status).to.equal('Succeeded');
    // The output contains the secret value, so the output variable became secret too.
    expect(result.variables.Echoed).to.equal('********');
    expect(JSON.stringify(result)).to.not.contain('tok-123');
  });

  it('treats names case-insensitively', async function () {
    const result = await engine.invokeStep(setVariable('appRoot', 'new'), { variables: { AppRoot: 'old' } });
    const names = Object.keys(result.variables).filter((name) => name.toLowerCase() === 'approot');
    expect(names).to.have.length(1);
    expect(result.variables[names[0]!]).to.equal('new');
  });
});
