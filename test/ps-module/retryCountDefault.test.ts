// retryCount defaults to 2 for Install Application and Install Software Updates (ConfigMgr's
// default for those steps), 0 elsewhere: one place in the model (the step files redeclare the
// common option with only @default), carried by every generated part: the step catalog the core
// and Get-TsStepType read, the JSON schema, and the New-Ts*Step help.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { paths } from '../../src/bridge/paths.js';
import { testEngineCommand } from '../support/engine.js';

const engine = testEngineCommand();

function runPowerShell(script: string): string {
  const result = spawnSync(engine.command, [...engine.prefixArgs, '-NoProfile', '-NonInteractive', '-File', join(paths.root, 'test', 'ps-module', 'fixtures', 'with-module.ps1'), '-ModulePath', paths.moduleManifest, '-Script', script], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(result.status, result.stderr).to.equal(0);
  return result.stdout.trim();
}

describe('retryCount defaults (2 for Install Application and Install Software Updates)', function () {
  this.timeout(120_000);

  it('Get-TsStepType shows the default per step type, and the help of New-Ts*Step says it', () => {
    const out = runPowerShell(
      [
        "foreach ($t in 'InstallApplication', 'InstallSoftwareUpdates', 'RunCommandLine') {",
        "  $p = @((Get-TsStepType -Name $t).Parameters | Where-Object { $_.Name -eq 'retryCount' })",
        "  $t + '=' + $p.Count + ':' + [string]$p[0].Default",
        '}',
        "if ((Get-Help New-TsInstallApplicationStep -Parameter RetryCount | Out-String) -match 'Default: 2') { 'help=2' }",
      ].join('\n'),
    );
    // RunCommandLine lists only its own parameters: retryCount is a common option there, default 0 (absent).
    expect(out.split(/\r?\n/)).to.deep.equal(['InstallApplication=1:2', 'InstallSoftwareUpdates=1:2', 'RunCommandLine=0:', 'help=2']);
  });

  it('the JSON schema gives those steps default 2 and keeps the option\'s range', () => {
    const schema = JSON.parse(readFileSync(join(paths.root, 'generated', 'tsseq.schema.json'), 'utf8'));
    for (const type of ['InstallApplication', 'InstallSoftwareUpdates']) {
      expect(schema.definitions[type].properties.retryCount).to.include({ type: 'integer', minimum: 0, maximum: 5, default: 2 });
    }
    expect(schema.definitions.RunCommandLine.properties.retryCount).to.deep.equal({ $ref: '#/definitions/CommonOptions/properties/retryCount' });
    expect(schema.definitions.CommonOptions.properties.retryCount).to.not.have.property('default');
  });
});
