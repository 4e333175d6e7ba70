// The generated module in the embedded engine, as a PowerShell user meets it: Import-Module
// from the clone, Get-Help built from the TypeScript JSDoc, New-Ts*Step into Invoke-TsStep.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { paths } from '../../src/bridge/paths.js';
import { testEngineCommand } from '../support/engine.js';

const engine = testEngineCommand();

function runPowerShell(script: string, env: Record<string, string> = {}): { stdout: string; stderr: string; status: number | null } {
  // The module path travels as a -File argument (data), never spliced into the script text.
  const result = spawnSync(engine.command, [...engine.prefixArgs, '-NoProfile', '-NonInteractive', '-File', join(paths.root, 'test', 'ps-module', 'fixtures', 'with-module.ps1'), '-ModulePath', paths.moduleManifest, '-Script', script], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, ...env },
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

describe('generated module in PowerShell', function () {
  it('shows the JSDoc synopsis and every parameter description in Get-Help -Full', function () {
    const result = runPowerShell(`
      $help = Get-Help New-TsRunCommandLineStep -Full
      'SYNOPSIS=' + $help.Synopsis
      foreach ($p in $help.parameters.parameter) { 'PARAM=' + $p.name + '=' + (($p.description | ForEach-Object { $_.Text }) -join ' ') }`);
    expect(result.status, result.stderr).to.equal(0);
    const source = readFileSync(join(paths.root, 'src', 'model', 'steps', 'RunCommandLine.ts'), 'utf8');
    const synopsis = /SYNOPSIS=(.*)/.exec(result.stdout)?.[1]?.trim();
    expect(synopsis, result.stdout).to.be.a('string').and.not.empty;
    expect(source.replace(/\s+/g, ' ')).to.contain(synopsis!.replace(/\s+/g, ' ').slice(0, 40));
    const parameters = [...result.stdout.matchAll(/PARAM=([^=]+)=(.*)/g)].map((match) => ({ name: match[1]!, description: match[2]!.trim() }));
    const names = parameters.map((parameter) => parameter.name);
    expect(names).to.include.members(['Name', 'CommandLine', 'WorkingDirectory', 'OutputVariableName', 'SuccessCodes', 'TimeoutMinutes', 'ContinueOnError', 'Disabled']);
    for (const parameter of parameters) expect(parameter.description, parameter.name).to.not.be.empty;
  });

  it('builds typed steps with New-Ts*Step and runs them with Invoke-TsStep from the pipeline', function () {
    const result = runPowerShell(`
      $r = New-TsSetTaskSequenceVariableStep -Name 'Set' -VariableName 'Greeting' -VariableValue 'hi %Who%' | Invoke-TsStep -Variables @{ Who = 'there' }
      'STATUS=' + $r.status
      'VALUE=' + $r.variables['Greeting']
      $t = Invoke-TsStep -Type RunCommandLine -Parameters @{ name = 'Echo'; commandLine = 'echo from-type'; outputVariableName = 'Out' } -Variables @{}
      'OUT=' + $t.variables['Out']`);
    expect(result.status, result.stderr).to.equal(0);
    expect(result.stdout).to.contain('STATUS=Succeeded');
    expect(result.stdout).to.contain('VALUE=hi there');
    expect(result.stdout).to.contain('OUT=from-type');
  });

  it('validates generated parameters (ValidateSet from a literal union)', function () {
    const result = runPowerShell(`
      try { New-TsRunPowerShellScriptStep -Name 'x' -SourceScript '1' -ExecutionPolicy 'Sometimes' | Out-Null; 'NO-ERROR' }
      catch { 'ERROR=' + $_.FullyQualifiedErrorId }`);
    expect(result.stdout, result.stderr).to.match(/ERROR=ParameterArgumentValidationError/);
  });

  it('runs a sequence file natively with Invoke-TsSequence and lists its steps by name', function () {
    const result = runPowerShell(`
      $r = Invoke-TsSequence -Path $env:TSSEQ_TEST_SEQUENCE
      'STATUS=' + $r.status
      (Get-TsStepType | ForEach-Object { $_.Name + ':' + $_.Implemented }) -join ','`, { TSSEQ_TEST_SEQUENCE: join(paths.root, 'examples', 'hello.json') });
    expect(result.status, result.stderr).to.equal(0);
    expect(result.stdout).to.contain('STATUS=Succeeded');
    expect(result.stdout).to.contain('RunCommandLine:True');
    expect(result.stdout).to.contain('InstallApplication:False');
  });
});
