// Secret values stay masked outside the engine's memory, whatever happens to the variable
// that carried them and whichever channel a script writes to.
import { expect } from 'chai';
import type { Engine } from '../../src/bridge/Engine.js';
import type { EngineEvent } from '../../src/bridge/protocol.js';
import { startTestEngine, type CapturedOutput } from '../support/engine.js';

const SECRET = 'S3cret-Value-42';
const hidden = (name: string, value: string) => ({ type: 'SetTaskSequenceVariable', name: `Hide ${name}`, variableName: name, variableValue: value, doNotShowVariableValue: true });

describe('secret values', function () {
  let engine: Engine;
  let output: CapturedOutput;
  before(async function () {
    ({ engine, output } = await startTestEngine());
  });
  after(async function () {
    await engine?.close();
  });

  it('stay masked in copies after the secret variable is deleted or changed', async function () {
    const events: EngineEvent[] = [];
    const result = await engine.runSequence(
      {
        name: 'clean-up',
        steps: [
          hidden('Pw', SECRET),
          { type: 'RunCommandLine', name: 'Copy', commandLine: 'echo "pw is %Pw%"', outputVariableName: 'Out' },
          { type: 'SetTaskSequenceVariable', name: 'Forget', variableName: 'Pw', variableValue: '' },
          { type: 'RunCommandLine', name: 'Echo copy', commandLine: 'echo "%Out%"', outputVariableName: 'Again' },
          { type: 'RunPowerShellScript', name: 'Change', sourceScript: "$tsenv.Value('Pw2') = 'x'" },
        ],
      },
      { onEvent: (event) => events.push(event) },
    );
    expect(result.status).to.equal('Succeeded');
    expect(JSON.stringify(result)).to.not.contain(SECRET);
    expect(JSON.stringify(events)).to.not.contain(SECRET);
    expect(result.variables.Out).to.equal('********');
  });

  it('mask step fields the model marks secret (userPassword)', async function () {
    const events: EngineEvent[] = [];
    const result = await engine.invokeStep(
      { type: 'RunCommandLine', name: 'Uses a password', commandLine: `echo "login with ${SECRET}"`, userPassword: SECRET, outputVariableName: 'Out' },
      { onEvent: (event) => events.push(event) },
    );
    expect(result.status).to.equal('Succeeded');
    expect(JSON.stringify(result)).to.not.contain(SECRET);
    expect(JSON.stringify(events)).to.not.contain(SECRET);
  });

  it('mark an output variable secret when a secret was cut at the 1000-character boundary', async function () {
    const result = await engine.runSequence({
      name: 'boundary',
      steps: [
        hidden('Pw', SECRET),
        // The secret, then 995 zeros: the kept 1000 characters start inside the secret.
        { type: 'RunCommandLine', name: 'Print', commandLine: "printf '%s' \"%Pw%\"; i=0; while [ $i -lt 995 ]; do printf 0; i=$((i+1)); done", outputVariableName: 'O' },
      ],
    });
    expect(result.variables.O).to.equal('********');
    expect(JSON.stringify(result)).to.not.contain(SECRET.slice(-6));
  });

  it("mask what a script writes to the console, warning, verbose and error streams", async function () {
    const before = output.stdout.length + output.stderr.length;
    const events: EngineEvent[] = [];
    const result = await engine.runSequence(
      {
        name: 'streams',
        steps: [
          hidden('Pw', SECRET),
          {
            type: 'RunPowerShellScript',
            name: 'Talk',
            sourceScript: [
              "$p = $tsenv.Value('Pw')",
              "[Console]::Out.WriteLine('out ' + $p)",
              "[Console]::Error.WriteLine('err ' + $p)",
              "Write-Warning ('warn ' + $p)",
              "Write-Verbose ('verbose ' + $p) -Verbose",
              "Write-Error ('error ' + $p)",
              "Write-Host ('host ' + $p)",
            ].join('\n'),
            outputVariableName: 'Said',
          },
        ],
      },
      { onEvent: (event) => events.push(event) },
    );
    expect(result.status, JSON.stringify(result.steps)).to.equal('Succeeded');
    const printed = (output.stdout + output.stderr).slice(before);
    expect(printed).to.contain('out ********');
    expect(printed).to.not.contain(SECRET);
    const logged = JSON.stringify(events);
    expect(logged).to.contain('warn ********');
    expect(logged).to.contain('verbose ********');
    expect(logged).to.contain('error ********');
    expect(logged).to.not.contain(SECRET);
    expect(result.variables.Said).to.equal('********');
  });
});
