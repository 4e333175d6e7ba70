// The embedded engine is real pwsh 7.6.9: its cmdlets and modules, $PSHOME laid out so that
// Start-Job and the server modes work, pwsh's own command line and exit codes, and `tsseq pwsh`.
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';
import { assertBuilt, hostAppHost, hostDir, hostPwsh, lines, runCommand, runHost } from './hostProcess.js';

describe('embedded engine: real pwsh', function () {
  this.timeout(120_000);
  let dir: string;

  before(() => {
    assertBuilt(hostAppHost, hostPwsh);
    dir = mkdtempSync(join(tmpdir(), 'tsseq-pwsh-'));
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('is PowerShell 7.6.9 Core whose $PSHOME holds the built-in modules and a pwsh executable', async () => {
    const run = await runCommand(
      "$PSVersionTable.PSVersion.ToString(); $PSVersionTable.PSEdition; $PSHOME; (Get-Module -ListAvailable -Name Microsoft.PowerShell.* | ForEach-Object Name | Sort-Object -Unique) -join ','",
    );
    expect(run.stderr).to.equal('');
    const [version, edition, home, modules] = lines(run.stdout);
    expect(version).to.equal('7.6.9');
    expect(edition).to.equal('Core');
    expect(home).to.equal(hostDir);
    expect(modules!.split(',')).to.include.members([
      'Microsoft.PowerShell.Host',
      'Microsoft.PowerShell.Management',
      'Microsoft.PowerShell.Security',
      'Microsoft.PowerShell.Utility',
    ]);
    expect(existsSync(join(hostDir, 'Modules', 'Microsoft.PowerShell.Utility'))).to.equal(true);
  });

  it('has the Utility and Management cmdlets that task-sequence scripts use', async () => {
    const run = await runCommand(
      [
        "(Get-Date -Year 2026 -Month 1 -Day 2 -Format 'yyyy-MM-dd')",
        "Test-Path -LiteralPath $PSHOME",
        "(@{ a = 1 } | ConvertTo-Json -Compress)",
        "(New-Object System.Collections.ArrayList).GetType().Name",
        "(New-Object PSObject -Property @{ Name = 'x' }).Name",
        "([pscustomobject]@{ n = 3 } | Select-Object -ExpandProperty n)",
        "(Get-Command -CommandType Cmdlet).Count -gt 200",
      ].join('; '),
    );
    expect(run.stderr).to.equal('');
    expect(lines(run.stdout)).to.deep.equal(['2026-01-02', 'True', '{"a":1}', 'ArrayList', 'x', '3', 'True']);
  });

  it('runs Start-Job (a pwsh -s child from $PSHOME) and nested PowerShell.Create()', async () => {
    const run = await runCommand(
      "Start-Job { 1 + 1 } | Receive-Job -Wait -AutoRemoveJob; [System.Management.Automation.PowerShell]::Create().AddScript('Get-Date').Invoke()[0].GetType().FullName",
    );
    expect(run.stderr).to.equal('');
    expect(lines(run.stdout)).to.deep.equal(['2', 'System.DateTime']);
  });

  it('speaks the SSH remoting server protocol with -sshs', async () => {
    // The client speaks first; a Close packet is answered by CloseAck, the protocol's shortest exchange.
    const guid = '00000000-0000-0000-0000-000000000000';
    const reply = await new Promise<string>((resolve, reject) => {
      const child = spawn(hostAppHost, ['-sshs', '-NoLogo'], { stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`no protocol answer from -sshs; stdout so far: ${stdout}`));
      }, 60_000);
      child.stdout.setEncoding('utf8').on('data', (text: string) => {
        stdout += text;
        if (stdout.includes('\n')) {
          clearTimeout(timer);
          child.kill();
          resolve(stdout.split('\n')[0]!);
        }
      });
      child.once('error', reject);
      child.stdin.write(`<Close PSGuid='${guid}' />\n`);
    });
    expect(reply.trim()).to.equal(`<CloseAck PSGuid='${guid}' />`);
  });

  it('takes -File arguments as data, with pwsh exit codes', async () => {
    const script = join(dir, 'args.ps1');
    writeFileSync(script, 'param([string]$Value, [int]$Code)\n"<$Value>"\nexit $Code\n');
    const hostile = `a'b"c $(whoami) \`n; exit 9`;
    const run = await runHost(['-NoProfile', '-NonInteractive', '-File', script, '-Value', hostile, '-Code', '7']);
    expect(lines(run.stdout)).to.deep.equal([`<${hostile}>`]);
    expect(run.code).to.equal(7);
    const missing = await runHost(['-NoProfile', '-File', join(dir, 'missing.ps1')]);
    expect(missing.code).to.equal(64);
  });

  it('works as the pwsh executable in $PSHOME, from any working directory', async () => {
    const run = await runHost(['-NoProfile', '-Command', '(Get-Location).Path; $PSVersionTable.PSVersion.Major'], { program: hostPwsh, cwd: dir });
    expect(run.stderr).to.equal('');
    expect(lines(run.stdout)).to.deep.equal([dir, '7']);
  });

  it('is what `tsseq pwsh` starts, with the TsSequence module importable by name', async () => {
    const run = await runCli(['pwsh', '--engine', 'embedded', '--', '-NoProfile', '-NonInteractive', '-Command', "(Get-Command -CommandType Cmdlet).Count; Import-Module TsSequence; (Get-Command -Module TsSequence -Name Invoke-TsSequence).Name"]);
    expect(run.stderr).to.equal('');
    const [count, command] = lines(run.stdout);
    expect(Number(count)).to.be.greaterThan(200);
    expect(command).to.equal('Invoke-TsSequence');
    expect(run.code).to.equal(0);
  });
});
