// tsseq steps, tsseq generate --check and tsseq pwsh: the commands around running sequences.
import { expect } from 'chai';
import { stepCatalog } from '../../generated/node/stepCatalog.js';
import { runCli } from '../support/cli.js';

const stepTypes = [
  'CheckReadiness',
  'ConnectNetworkFolder',
  'DownloadPackageContent',
  'InstallApplication',
  'InstallPackage',
  'InstallSoftwareUpdates',
  'RestartComputer',
  'RunCommandLine',
  'RunPowerShellScript',
  'SetDynamicVariables',
  'SetTaskSequenceVariable',
];

describe('tsseq steps / generate / pwsh', function () {
  this.timeout(120_000);

  it('steps lists every step type with its properties', async () => {
    const result = await runCli(['steps']);
    expect(result.code, result.stderr).to.equal(0);
    for (const type of stepTypes) expect(result.stdout).to.match(new RegExp(`^${type}\\s`, 'm'));
    expect(result.stdout).to.match(/\bcommandLine\*/); // RunCommandLine's required property
  });

  it('steps --json prints the generated catalog', async () => {
    const result = await runCli(['steps', '--json']);
    expect(result.code, result.stderr).to.equal(0);
    const printed = JSON.parse(result.stdout) as unknown;
    expect(printed).to.deep.equal(JSON.parse(JSON.stringify(stepCatalog)));
    expect((printed as Array<{ name: string }>).map((entry) => entry.name)).to.deep.equal(stepTypes);
  });

  it('generate --check exits 0 on the committed tree', async () => {
    const result = await runCli(['generate', '--check']);
    expect(result.stderr).to.equal('');
    expect(result.code).to.equal(0);
    expect(result.stdout).to.match(/up to date/);
  });

  it('pwsh runs the engine with TsSequence importable by name and passes the exit code through', async () => {
    const script = "Import-Module TsSequence; $m = Get-Module TsSequence; Write-Output ('module ' + $m.Name); exit 7";
    const result = await runCli(['pwsh', '--', '-NoProfile', '-NonInteractive', '-Command', script]);
    expect(result.stderr).to.equal('');
    expect(result.stdout).to.include('module TsSequence');
    expect(result.code).to.equal(7);
  });

  it('pwsh passes arguments that look like tsseq options through untouched', async () => {
    const result = await runCli(['pwsh', '--', '-NoProfile', '-Command', "Write-Output '--json --engine x'"]);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stdout.trim()).to.equal('--json --engine x');
  });
});
