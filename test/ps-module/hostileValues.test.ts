// Data never becomes code: a variable value written as PowerShell injection, substituted into
// every string field of the three implemented steps, runs no PowerShell and arrives unchanged.
import { expect } from 'chai';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Engine } from '../../src/bridge/Engine.js';
import { startTestEngine } from '../support/engine.js';

describe('hostile variable values', function () {
  let engine: Engine;
  let marker: string;
  let hostile: string;
  before(async function () {
    ({ engine } = await startTestEngine());
    marker = join(mkdtempSync(join(tmpdir(), 'tsseq-hostile-')), 'pwned');
    hostile = `'; [IO.File]::WriteAllText('${marker}','p'); '" $([IO.File]::WriteAllText('${marker}','q')) \`$x % %%`;
  });
  after(async function () {
    await engine?.close();
  });
  afterEach(function () {
    expect(existsSync(marker), 'the hostile value ran as PowerShell').to.equal(false);
    rmSync(marker, { force: true });
  });

  it('SetTaskSequenceVariable: stored unchanged in the value, refused as a name', async function () {
    const stored = await engine.invokeStep({ type: 'SetTaskSequenceVariable', name: '%Hostile%', variableName: 'Copy', variableValue: '%Hostile%' }, { variables: { Hostile: hostile } });
    expect(stored.variables.Copy).to.equal(hostile);
    const asName = await engine.invokeStep({ type: 'SetTaskSequenceVariable', name: 'n', variableName: '%Hostile%', variableValue: 'x' }, { variables: { Hostile: hostile } });
    expect(asName.status).to.equal('Failed');
  });

  it('RunPowerShellScript: arrives unchanged as a parameter (string and object forms), never runs', async function () {
    const sourceScript = 'param($Value) $tsenv.Value("Received") = $Value';
    for (const parameters of ["-Value '%Hostile%'", '-Value %Hostile%', { Value: '%Hostile%' }]) {
      const result = await engine.invokeStep({ type: 'RunPowerShellScript', name: 's', sourceScript, parameters }, { variables: { Hostile: hostile } });
      expect(result.status, `${JSON.stringify(parameters)}: ${result.message}`).to.equal('Succeeded');
      expect(result.variables.Received, JSON.stringify(parameters)).to.equal(hostile);
    }
  });

  it('RunPowerShellScript: the script source is code and is not expanded; other fields are data', async function () {
    const result = await engine.invokeStep(
      {
        type: 'RunPowerShellScript',
        name: 's',
        sourceScript: "$tsenv.Value('Literal') = '%Hostile%'",
        workingDirectory: '%Hostile%',
        outputVariableName: '%Hostile%',
        scriptName: '%Hostile%',
      },
      { variables: { Hostile: hostile } },
    );
    // The working directory does not exist: the step fails before anything runs, naming it.
    expect(result.status).to.equal('Failed');
    expect(result.message).to.contain(hostile);
    const literal = await engine.invokeStep({ type: 'RunPowerShellScript', name: 's', sourceScript: "$tsenv.Value('Literal') = '%Hostile%'" }, { variables: { Hostile: hostile } });
    expect(literal.variables.Literal).to.equal('%Hostile%');
    const asOutputName = await engine.invokeStep({ type: 'RunPowerShellScript', name: 's', sourceScript: "'out'", outputVariableName: '%Hostile%' }, { variables: { Hostile: hostile } });
    expect(asOutputName.status).to.equal('Failed');
    const asScriptName = await engine.invokeStep({ type: 'RunPowerShellScript', name: 's', scriptName: '%Hostile%' }, { variables: { Hostile: hostile } });
    expect(asScriptName.status).to.equal('Failed');
  });

  it('RunCommandLine: data fields stay data (the command line itself is shell code by design)', async function () {
    const inWorkingDirectory = await engine.invokeStep({ type: 'RunCommandLine', name: 'c', commandLine: 'true', workingDirectory: '%Hostile%' }, { variables: { Hostile: hostile } });
    expect(inWorkingDirectory.status).to.equal('Failed');
    expect(inWorkingDirectory.message).to.contain(hostile);
    const asOutputName = await engine.invokeStep({ type: 'RunCommandLine', name: 'c', commandLine: 'true', outputVariableName: '%Hostile%' }, { variables: { Hostile: hostile } });
    expect(asOutputName.status).to.equal('Failed');
    expect(asOutputName.message).to.match(/variable|name/i);
  });

  it('conditions compare the value as data', async function () {
    const result = await engine.runSequence(
      {
        name: 'cond',
        steps: [{ type: 'SetTaskSequenceVariable', name: 'Match', variableName: 'Matched', variableValue: 'yes', condition: { variable: 'Hostile', operator: 'equals', value: '%Hostile%' } }],
      },
      { variables: { Hostile: hostile } },
    );
    expect(result.variables.Matched).to.equal('yes');
  });
});
