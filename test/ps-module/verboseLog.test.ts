// -Verbose on the PowerShell commands shows the engine's log, and a secret copied into another
// variable stays masked in Get-TsVariable as in every result. One -File run of the embedded engine.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { paths } from '../../src/bridge/paths.js';
import { testEngineChoice } from '../support/engine.js';

describe('PowerShell commands: -Verbose log and masked copies', function () {
  this.timeout(120_000);

  it('shows the log with -Verbose, not without, and masks a copied secret in Get-TsVariable', function () {
    if (testEngineChoice !== 'embedded') this.skip();
    const driver = join(paths.root, 'test', 'ps-module', 'fixtures', 'with-module.ps1');
    const script = `
      $quiet = @(Invoke-TsStep -Type RunCommandLine -Parameters @{ commandLine = 'echo hi' } -Variables @{} 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
      'QUIET=' + $quiet.Count
      $loud = @(Invoke-TsStep -Type RunCommandLine -Parameters @{ commandLine = 'echo hi' } -Variables @{} -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object { $_.Message })
      'LOUD=' + ($loud -join '|')
      $sequence = @(Invoke-TsSequence -InputObject @{ name = 'v'; steps = @(@{ type = 'SetTaskSequenceVariable'; name = 'Set'; variableName = 'A'; variableValue = 'b' }) } -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object { $_.Message })
      'SEQUENCE=' + ($sequence -join '|')
      Set-TsVariable -Name Pw -Value 'S3cretPW' -Secret
      $null = Invoke-TsStep -Type SetTaskSequenceVariable -Parameters @{ variableName = 'Copy'; variableValue = 'x%Pw%y' }
      'COPY=' + (Get-TsVariable -Name Copy).Value
    `;
    const result = spawnSync('dotnet', [paths.embeddedHostDll, '-NoProfile', '-NonInteractive', '-File', driver, '-ModulePath', paths.moduleManifest, '-Script', script], {
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(result.stderr).to.equal('');
    const line = (name: string) => new RegExp(`^${name}=(.*)$`, 'm').exec(result.stdout)?.[1] ?? '';
    expect(line('QUIET')).to.equal('0');
    expect(line('LOUD')).to.contain('[Run Command Line] Executing command line: echo hi');
    expect(line('LOUD')).to.contain('Successfully completed the action (Run Command Line) with the exit win32 code 0');
    expect(line('SEQUENCE')).to.contain('[Set] Set the task sequence variable A=b');
    expect(line('COPY')).to.equal('x********y');
  });
});
