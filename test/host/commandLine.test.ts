// The pwsh command-line subset of the embedded engine: -Command text, -File with arguments,
// -EncodedCommand, switches and their abbreviations, and pwsh's exit codes.
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertBuilt, lines, runCommand, runHost } from './hostProcess.js';

describe('tsseq-host command line', function () {
  this.timeout(120_000);
  let dir: string;

  const script = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text, 'utf8');
    return path;
  };

  before(() => {
    assertBuilt();
    dir = mkdtempSync(join(tmpdir(), 'tsseq-host-cli-'));
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  describe('-Command <text>', () => {
    it('prints the results through Out-Default and exits 0', async () => {
      const run = await runCommand("'hello'; 1 + 2; $Host.UI.WriteLine('via host UI')");
      expect(lines(run.stdout)).to.deep.equal(['hello', '3', 'via host UI']);
      expect(run.stderr).to.equal('');
      expect(run.code).to.equal(0);
    });

    it('joins the remaining arguments with spaces, as pwsh does', async () => {
      const run = await runHost(['-Command', "'a'", '+', "'b'"]);
      expect(lines(run.stdout)).to.deep.equal(['ab']);
      expect(run.code).to.equal(0);
    });

    it('exits with N on `exit N`', async () => {
      const run = await runCommand("'before'; exit 7; 'after'");
      expect(lines(run.stdout)).to.deep.equal(['before']);
      expect(run.code).to.equal(7);
    });

    it('exits 1 on a terminating error and prints it on stderr only', async () => {
      const run = await runCommand("'before'; throw 'boom-1234'");
      expect(lines(run.stdout)).to.deep.equal(['before']);
      expect(run.stderr).to.contain('boom-1234');
      expect(run.code).to.equal(1);
    });

    it('exits 1 when the last pipeline failed, 0 when a later one succeeded', async () => {
      const failedLast = await runCommand("'x'; Write-Error 'last-failed'");
      expect(failedLast.code).to.equal(1);
      expect(failedLast.stderr).to.contain('last-failed');
      const recovered = await runCommand("Write-Error 'early'; 'recovered'");
      expect(lines(recovered.stdout)).to.deep.equal(['recovered']);
      expect(recovered.code).to.equal(0);
    });

    it('reports a missing Utility/Management cmdlet with PowerShell\'s "not recognized" error', async () => {
      const run = await runCommand('Get-Date');
      expect(run.stderr).to.match(/The term 'Get-Date' is not recognized/);
      expect(run.stdout).to.equal('');
      expect(run.code).to.equal(1);
    });
  });

  describe('-File <path> [args]', () => {
    const paramsScript = [
      'param([string]$Name, [switch]$Flag, [int]$Count = 1, [Parameter(ValueFromRemainingArguments)][string[]]$Rest)',
      '"Name=<$Name>"',
      '"Flag=$Flag"',
      '"Count=$Count"',
      '"Rest=<$($Rest -join \'|\')>"',
      '"Root=$PSScriptRoot"',
    ].join('\n');

    it('binds named, switch and positional arguments', async () => {
      const path = script('params.ps1', paramsScript);
      const run = await runHost(['-NoProfile', '-File', path, 'first', '-Flag', '-Count', '3', 'second']);
      expect(lines(run.stdout)).to.deep.equal(['Name=<first>', 'Flag=True', 'Count=3', 'Rest=<second>', `Root=${dir}`]);
      expect(run.stderr).to.equal('');
      expect(run.code).to.equal(0);
    });

    it('binds -Name:value, -Switch:$false and -Name: value', async () => {
      const path = script('params.ps1', paramsScript);
      const run = await runHost(['-File', path, '-Name:colon:value,x', '-Flag:$false', '-Count:', '9']);
      expect(lines(run.stdout).slice(0, 3)).to.deep.equal(['Name=<colon:value,x>', 'Flag=False', 'Count=9']);
      expect(run.code).to.equal(0);
    });

    it('passes values with quotes, $, backticks and spaces through unchanged (data, not code)', async () => {
      const path = script('params.ps1', paramsScript);
      const hostile = `a "b" 'c' $d \`e  $(Write-Output injected) ; exit 3`;
      const run = await runHost(['-File', path, '-Name', hostile, '-Count', '2', hostile]);
      expect(lines(run.stdout).slice(0, 4)).to.deep.equal([`Name=<${hostile}>`, 'Flag=False', 'Count=2', `Rest=<${hostile}>`]);
      expect(run.code).to.equal(0);
    });

    it('exits with N when the script calls exit N, even from a function', async () => {
      const path = script('exit.ps1', "'before'\nfunction Stop-Now { exit 5 }\nStop-Now\n'after'\n");
      const run = await runHost(['-File', path]);
      expect(lines(run.stdout)).to.deep.equal(['before']);
      expect(run.code).to.equal(5);
    });

    it('exits 1 on an uncaught terminating error, with the error on stderr', async () => {
      const path = script('throw.ps1', "'before'\nthrow 'file-boom'\n'after'\n");
      const run = await runHost(['-File', path]);
      expect(lines(run.stdout)).to.deep.equal(['before']);
      expect(run.stderr).to.contain('file-boom');
      expect(run.code).to.equal(1);
    });

    it('exits 0 when the script ends normally, even after a non-terminating error', async () => {
      const path = script('nonterm.ps1', "Write-Error 'soft'\n'after'\n");
      const run = await runHost(['-File', path]);
      expect(lines(run.stdout)).to.deep.equal(['after']);
      expect(run.stderr).to.contain('soft');
      expect(run.code).to.equal(0);
    });

    it('takes the first non-switch argument as the file, as pwsh does', async () => {
      const path = script('plain.ps1', "param($Name) \"hi $Name\"");
      const run = await runHost(['-NoLogo', path, '-Name', 'there']);
      expect(lines(run.stdout)).to.deep.equal(['hi there']);
      expect(run.code).to.equal(0);
    });

    it('exits 64 when the file does not exist', async () => {
      const run = await runHost(['-File', join(dir, 'missing.ps1')]);
      expect(run.stderr).to.contain('missing.ps1');
      expect(run.code).to.equal(64);
    });
  });

  describe('-EncodedCommand', () => {
    const encode = (text: string) => Buffer.from(text, 'utf16le').toString('base64');

    it('runs base64 UTF-16LE script text (also as -ec and -e)', async () => {
      const text = "'enc ' + (6 * 7) + ' é'";
      for (const name of ['-EncodedCommand', '-ec', '-e']) {
        const run = await runHost(['-NoProfile', name, encode(text)]);
        expect(lines(run.stdout), name).to.deep.equal(['enc 42 é']);
        expect(run.code, name).to.equal(0);
      }
    });

    it('exits 64 on text that is not base64', async () => {
      const run = await runHost(['-EncodedCommand', '%%%not-base64%%%']);
      expect(run.stderr).to.match(/not properly encoded/);
      expect(run.code).to.equal(64);
    });
  });

  describe('switches', () => {
    it('accepts pwsh abbreviations and any case, and ignores -ExecutionPolicy', async () => {
      const run = await runHost(['-nol', '-NOP', '-noni', '-ep', 'Bypass', '-executionpolicy', 'RemoteSigned', '-c', "'abbreviated'"]);
      expect(lines(run.stdout)).to.deep.equal(['abbreviated']);
      expect(run.stderr).to.equal('');
      expect(run.code).to.equal(0);
    });

    it('rejects an unknown switch on stderr with exit 64', async () => {
      const run = await runHost(['-NoLogo', '-Bogus', '-Command', "'never'"]);
      expect(run.stdout).to.equal('');
      expect(run.stderr).to.contain("'-Bogus'");
      expect(run.code).to.equal(64);
    });

    it('exits 64 when -Command has no command', async () => {
      const run = await runHost(['-Command']);
      expect(run.stderr).to.match(/A command must follow -Command/);
      expect(run.code).to.equal(64);
    });

    it('with -NonInteractive, refuses host prompts instead of reading stdin', async () => {
      const run = await runHost(['-NonInteractive', '-Command', '$Host.UI.ReadLine()'], { input: 'should-not-be-read\n' });
      expect(run.stderr).to.match(/NonInteractive mode/);
      expect(run.stdout).to.not.contain('should-not-be-read');
      expect(run.code).to.equal(1);
    });
  });
});
