// Built steps through the real engine (one shared engine): RunCommandLine,
// SetTaskSequenceVariable, RunPowerShellScript and Group from the builders run as invokeStep and
// as a sequence(); a bad step given to invokeStep is a StepValidationError and nothing is sent.
import { expect } from 'chai';
import { sequence, StepValidationError, steps } from '../../src/api/index.js';
import type { Engine, StepDefinition } from '../../src/bridge/Engine.js';
import { startTestEngine } from '../support/engine.js';
import { sessionOf } from '../support/engineInternals.js';

describe('typed API: built steps on the real engine', function () {
  let engine: Engine;
  before(async function () {
    ({ engine } = await startTestEngine());
  });
  after(async function () {
    await engine?.close();
  });

  it('runs a built RunCommandLine, SetTaskSequenceVariable and RunPowerShellScript step with invokeStep', async function () {
    const command = await engine.invokeStep(steps.runCommandLine({ name: 'Echo', commandLine: 'echo hi', outputVariableName: 'Out' }));
    expect(command).to.include({ path: 'Echo', type: 'RunCommandLine', status: 'Succeeded', exitCode: 0 });
    expect(command.variables.Out).to.equal('hi');

    const set = await engine.invokeStep(steps.setTaskSequenceVariable({ name: 'Set', variableName: 'Copied', variableValue: '%In%/x' }), { variables: { In: 'a $b `c' } });
    expect(set.status).to.equal('Succeeded');
    expect(set.variables.Copied).to.equal('a $b `c/x');

    const script = await engine.invokeStep(
      steps.runPowerShellScript({ name: 'Script', sourceScript: "param($Who) $tsenv.Value('Greeted') = \"hello $Who\"", parameters: { Who: 'ops' } }),
    );
    expect(script.status).to.equal('Succeeded');
    expect(script.variables.Greeted).to.equal('hello ops');
  });

  it('runs a built group in a built sequence, conditions and continueOnError included', async function () {
    const document = sequence({
      name: 'Typed',
      variables: { Platform: 'linux' },
      steps: [
        steps.setTaskSequenceVariable({ name: 'Root', variableName: 'AppRoot', variableValue: '/opt/%Platform%' }),
        steps.group({
          name: 'Tools',
          continueOnError: true,
          condition: { variable: 'Platform', operator: 'equals', value: 'linux' },
          steps: [
            steps.runCommandLine({ name: 'Hello', commandLine: 'echo hello', outputVariableName: 'Greeting' }),
            steps.runPowerShellScript({ name: 'Fail', sourceScript: 'exit 7' }),
            steps.runCommandLine({ name: 'Never', commandLine: 'echo never', outputVariableName: 'Never' }),
          ],
        }),
        steps.runCommandLine({ name: 'Skipped', commandLine: 'echo no', condition: { variable: 'Platform', operator: 'equals', value: 'windows' } }),
      ],
    });
    const result = await engine.runSequence(document);
    expect(result.status).to.equal('Succeeded');
    expect(result.steps.map((s) => [s.path, s.type, s.status])).to.deep.equal([
      ['Root', 'SetTaskSequenceVariable', 'Succeeded'],
      ['Tools', 'Group', 'FailedContinued'],
      ['Tools/Hello', 'RunCommandLine', 'Succeeded'],
      ['Tools/Fail', 'RunPowerShellScript', 'Failed'],
      ['Tools/Never', 'RunCommandLine', 'Skipped'],
      ['Skipped', 'RunCommandLine', 'Skipped'],
    ]);
    expect(result.variables).to.include({ AppRoot: '/opt/linux', Greeting: 'hello' });
    expect(result.variables).to.not.have.property('Never');
  });

  it('refuses a bad step in invokeStep with StepValidationError naming the field, sending nothing', async function () {
    const session = sessionOf(engine);
    const send = session.request.bind(session);
    const sent: string[] = [];
    session.request = (method, ...rest) => (sent.push(method), send(method, ...rest));
    try {
      const bad = { type: 'RunCommandLine', name: 'Bad', commandLine: 1 } as unknown as StepDefinition;
      const error = await engine.invokeStep(bad).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(StepValidationError);
      expect((error as StepValidationError).path).to.equal('$.commandLine');
      expect((error as StepValidationError).message).to.equal('invokeStep: 1 schema error:\n  $.commandLine: must be string');
      expect(sent).to.deep.equal([]);
      expect(await engine.ping()).to.equal(true);
      expect(sent).to.deep.equal(['ping']);
    } finally {
      session.request = send;
    }
  });
});
