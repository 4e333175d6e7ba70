// The session environment in a plain PowerShell session (no bridge): Set-TsVariable,
// Get-TsVariable and Invoke-TsStep without -Variables share one set of variables that lasts
// from one call to the next, as README's PowerShell section shows. Each test is one -File run
// of the embedded engine that imports the generated module.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { paths } from '../../src/bridge/paths.js';
import { testEngineCommand } from '../support/engine.js';

const engine = testEngineCommand();
import { tempDirectory } from '../support/tempFiles.js';

function runSession(script: string, dataHome: string): { stdout: string; stderr: string; status: number | null } {
  const driver = join(paths.root, 'test', 'ps-module', 'fixtures', 'with-module.ps1');
  const result = spawnSync(engine.command, [...engine.prefixArgs, '-NoProfile', '-NonInteractive', '-File', driver, '-ModulePath', paths.moduleManifest, '-Script', script], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, XDG_DATA_HOME: dataHome, NO_COLOR: '1' },
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

const values = (stdout: string): Record<string, string> =>
  Object.fromEntries([...stdout.matchAll(/^([A-Za-z]+)=(.*)$/gm)].map((match) => [match[1]!, match[2]!.trimEnd()]));

describe('session variables (Set-TsVariable, Get-TsVariable, Invoke-TsStep without -Variables)', function () {
  this.timeout(120_000);

  it('persist across Invoke-TsStep calls in one PowerShell session, with the built-ins of one session folder', function () {
    const dataHome = mkdtempSync(join(tempDirectory(), 'session-'));
    const result = runSession(
      `
      Set-TsVariable -Name AppRoot -Value '/opt/apps'
      'GET=' + (Get-TsVariable -Name AppRoot).Value
      $first = Invoke-TsStep -Type SetTaskSequenceVariable -Parameters @{ variableName = 'LogDir'; variableValue = '%AppRoot%/logs' }
      'FIRST=' + $first.status
      $second = Invoke-TsStep -Type RunPowerShellScript -Parameters @{ sourceScript = "\`$tsenv.Value('Seen') = \`$tsenv.Value('LogDir') + '|' + \`$tsenv.Value('_SMSTSAdvertID')" }
      'SECOND=' + $second.status
      'SEEN=' + (Get-TsVariable -Name Seen).Value
      'ADVERT=' + (Get-TsVariable -Name _SMSTSAdvertID).Value
      'DATA=' + (Get-TsVariable -Name _SMSTSMDataPath).Value
      'NAMES=' + ((Get-TsVariable -Name 'App*', 'Log*').Name -join ',')
      $fresh = Invoke-TsStep -Type SetTaskSequenceVariable -Parameters @{ variableName = 'Other'; variableValue = '[%AppRoot%]' } -Variables @{}
      'FRESH=' + $fresh.variables['Other'] + '|' + $fresh.variables['_SMSTSAdvertID']
      'KEPT=' + @(Get-TsVariable -Name Other).Count
      Set-TsVariable -Name Token -Value 's3cret' -Secret
      'TOKEN=' + (Get-TsVariable -Name Token).Value
      Set-TsVariable -Name AppRoot -Value ''
      'DELETED=' + (@(Get-TsVariable -Name AppRoot).Count)`,
      dataHome,
    );
    expect(result.stderr).to.equal('');
    expect(result.status).to.equal(0);
    const seen = values(result.stdout);
    expect(seen).to.include({ GET: '/opt/apps', FIRST: 'Succeeded', SECOND: 'Succeeded', NAMES: 'AppRoot,LogDir', KEPT: '0', TOKEN: '********', DELETED: '0' });
    expect(seen.ADVERT).to.match(/^\d{8}-\d{6}-[0-9a-f]{8}$/);
    expect(seen.SEEN).to.equal(`/opt/apps/logs|${seen.ADVERT}`);
    expect(seen.DATA).to.equal(join(dataHome, 'tsseq', 'runs', seen.ADVERT!));
    // -Variables: a fresh environment (AppRoot unknown), but the same session folder.
    expect(seen.FRESH).to.equal(`[%AppRoot%]|${seen.ADVERT}`);
    // The session wrote nothing into its folder, so it is gone once PowerShell exits.
    expect(existsSync(seen.DATA!)).to.equal(false);
    expect(readdirSync(join(dataHome, 'tsseq', 'runs'))).to.deep.equal([]);
  });

  it('show the built-in variables before any step ran, and refuse to set them', function () {
    const dataHome = mkdtempSync(join(tempDirectory(), 'session-'));
    const result = runSession(
      `
      'LAUNCH=' + (Get-TsVariable -Name _SMSTSLaunchMode).Value
      'LOGS=' + (Get-TsVariable -Name _SMSTSLogPath).Value
      try { Set-TsVariable -Name _SMSTSLogPath -Value '/tmp/x' } catch { 'REFUSED=' + $_.FullyQualifiedErrorId + '|' + $_.Exception.Message }`,
      dataHome,
    );
    expect(result.stderr).to.equal('');
    const seen = values(result.stdout);
    expect(seen.LAUNCH).to.equal('SMS');
    expect(seen.LOGS).to.match(new RegExp(`^${join(dataHome, 'tsseq', 'runs').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.+Logs$`));
    expect(seen.REFUSED).to.equal("TsSequence.InvalidVariable,Set-TsVariable|Variable '_SMSTSLogPath' is read-only: names starting with '_' are set by the task sequence engine.");
  });
});
