// Run PowerShell Script through the real engine: inline and file scripts, parameters as data,
// $tsenv, exit codes, output variable, success codes, timeout.
import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Engine } from '../../src/bridge/Engine.js';
import { startTestEngine } from '../support/engine.js';

describe('RunPowerShellScript step', function () {
  let engine: Engine;
  before(async function () {
    ({ engine } = await startTestEngine());
  });
  after(async function () {
    await engine?.close();
  });

  const script = (sourceScript: string, extra: Record<string, unknown> = {}) => ({ type: 'RunPowerShellScript' as const, name: 'Script', sourceScript, ...extra });

  it('runs an inline script and captures its output (including Write-Host) in the output variable', async function () {
    const result = await engine.invokeStep(script("'one'\nWrite-Host 'two'\n3", { outputVariableName: 'Out' }));
    expect(result.status).to.equal('Succeeded');
    expect(result.exitCode).to.equal(0);
    expect(result.variables.Out).to.equal('one\ntwo\n3');
  });

  it('reads and sets variables through $tsenv like Microsoft.SMS.TSEnvironment', async function () {
    const result = await engine.invokeStep(
      script("$tsenv.Value('Greeting') = 'hello ' + $tsenv.Value('Who')\n$com = New-Object -ComObject Microsoft.SMS.TSEnvironment\n$com.Value('Names') = ($com.GetVariables() -join ',')\n$tsenv.Value('Undefined') | Write-Output"),
      { variables: { Who: 'world' } },
    );
    expect(result.status, result.message).to.equal('Succeeded');
    expect(result.variables.Greeting).to.equal('hello world');
    expect(result.variables.Names!.split(',')).to.include.members(['Greeting', 'Who']);
  });

  it('refuses writes to read-only variables from $tsenv, as a PowerShell error', async function () {
    // A failed assignment is a statement error: the script goes on (as under powershell.exe -File)
    // unless it asks to stop on errors.
    const goesOn = await engine.invokeStep(script("$tsenv.Value('_SMSTSMine') = 'x'\n'after'", { outputVariableName: 'Out' }));
    expect(goesOn.status).to.equal('Succeeded');
    expect(goesOn.message).to.match(/read-only/);
    expect(goesOn.variables.Out).to.equal('after');
    expect(goesOn.variables).to.not.have.property('_SMSTSMine');
    const stops = await engine.invokeStep(script("$ErrorActionPreference = 'Stop'\n$tsenv.Value('_SMSTSMine') = 'x'\n'after'"));
    expect(stops.status).to.equal('Failed');
    expect(stops.exitCode).to.equal(1);
    expect(stops.message).to.match(/read-only/);
  });

  it('uses `exit N` as the exit code and judges it against successCodes', async function () {
    expect((await engine.invokeStep(script('exit 7'))).exitCode).to.equal(7);
    expect((await engine.invokeStep(script('exit 7'))).status).to.equal('Failed');
    expect((await engine.invokeStep(script('exit 7', { successCodes: [7] }))).status).to.equal('Succeeded');
    expect((await engine.invokeStep(script('exit 3010'))).status).to.equal('Succeeded');
  });

  it('exits 0 when the script ends without exit, whatever its last native command returned (-File semantics)', async function () {
    // Regression: the last native command's $LASTEXITCODE became the step's exit code.
    const native = await engine.invokeStep(script("sh -c 'exit 3'\n$tsenv.Value('Seen') = [string]$LASTEXITCODE", { outputVariableName: 'Out' }));
    expect(native.status, native.message).to.equal('Succeeded');
    expect(native.exitCode).to.equal(0);
    expect(native.variables.Seen).to.equal('3');
    // `exit` with no number after it is exit 0; `exit N` in a function ends the script with N.
    expect((await engine.invokeStep(script("sh -c 'exit 3'\nexit"))).exitCode).to.equal(0);
    expect((await engine.invokeStep(script("function Stop-Here { exit 6 }\nStop-Here\n'not reached'"))).exitCode).to.equal(6);
    expect((await engine.invokeStep(script("sh -c 'exit 3'\nexit $LASTEXITCODE"))).exitCode).to.equal(3);
  });

  it('fails a script whose parameters do not bind, and hides its own plumbing from the script', async function () {
    const unbound = await engine.invokeStep(script('[CmdletBinding()] param([string]$Name)\n"ran"', { parameters: '-Nmae x', outputVariableName: 'Out' }));
    expect(unbound.status).to.equal('Failed');
    expect(unbound.exitCode).to.equal(1);
    expect(unbound.message).to.contain("A parameter cannot be found that matches parameter name 'Nmae'");
    expect(unbound.variables.Out ?? '').to.equal('');
    const twice = await engine.invokeStep(script('param($Name) $Name', { parameters: '-Name a -Name b' }));
    expect(twice.status).to.equal('Failed');
    expect(twice.message).to.contain('parameters: -Name is given more than once.');
    // The runner's variables are private: the script sees neither them nor their error preference.
    const plain = await engine.invokeStep(script('"$ErrorActionPreference|$($null -eq $TsNamed)|$($null -eq $TsEnded)"', { outputVariableName: 'Out' }));
    expect(plain.variables.Out).to.equal('Continue|True|True');
  });

  it('writes what the script outputs into its transcript, in order with Write-Host, as powershell.exe does', async function () {
    // Regression: only Write-Host reached the transcript (output goes there through the host, and the script's runspace has none).
    const folder = mkdtempSync(join(tmpdir(), 'tsseq-ps-'));
    const transcript = join(folder, 'transcript.log');
    const result = await engine.invokeStep(
      script("param($Path) Start-Transcript -Path $Path | Out-Null\nWrite-Host 'host 1'\nWrite-Output 'output 2'\n'bare 3'\nWrite-Host 'host 4'\nStop-Transcript | Out-Null\nexit 4", {
        parameters: { Path: transcript },
        outputVariableName: 'Out',
        successCodes: [4],
      }),
    );
    expect(result.status, result.message).to.equal('Succeeded');
    expect(result.exitCode).to.equal(4);
    // The output variable still has each line once.
    expect(result.variables.Out).to.equal('host 1\noutput 2\nbare 3\nhost 4');
    const { readFileSync } = await import('node:fs');
    const lines = readFileSync(transcript, 'utf8').split(/\r?\n/).filter((line) => /^(host|output|bare) \d$/.test(line));
    expect(lines).to.deep.equal(['host 1', 'output 2', 'bare 3', 'host 4']);
  });

  it('fails with exit code 1 and the error message on a terminating error', async function () {
    const result = await engine.invokeStep(script("throw 'broken on purpose'"));
    expect(result.status).to.equal('Failed');
    expect(result.exitCode).to.equal(1);
    expect(result.message).to.contain('broken on purpose');
  });

  it('does not fail on a non-terminating error', async function () {
    const result = await engine.invokeStep(script("Write-Error 'just a warning'\n'after'", { outputVariableName: 'Out' }));
    expect(result.status).to.equal('Succeeded');
    expect(result.message).to.contain('just a warning');
    expect(result.variables.Out).to.equal('after');
  });

  it('passes a ConfigMgr-style parameter string as data, expanding %var% inside values', async function () {
    const result = await engine.invokeStep(
      script("param([string]$Name, [int]$Count, [switch]$Force, [string[]]$List)\n\"$Name|$Count|$Force|$($List -join '+')\"", {
        parameters: "-Name '%Who% and $HOME' -Count 3 -Force -List a,'b c'",
        outputVariableName: 'Out',
      }),
      { variables: { Who: "O'Brien $(x)" } },
    );
    expect(result.status, result.message).to.equal('Succeeded');
    expect(result.variables.Out).to.equal("O'Brien $(x) and $HOME|3|True|a+b c");
  });

  it('passes named parameters given as an object', async function () {
    const result = await engine.invokeStep(
      script("param($Name, $Flag)\n\"$Name/$Flag\"", { parameters: { Name: '%Who%', Flag: true }, outputVariableName: 'Out' }),
      { variables: { Who: 'you' } },
    );
    expect(result.variables.Out).to.equal('you/True');
  });

  it('refuses expressions in the parameter string instead of running them', async function () {
    const marker = join(mkdtempSync(join(tmpdir(), 'tsseq-ps-')), 'ran');
    const result = await engine.invokeStep(
      script('param($Name) $Name', { parameters: `-Name $([IO.File]::WriteAllText('${marker}', 'x'))` }),
    );
    expect(result.status).to.equal('Failed');
    expect(result.message).to.match(/not a literal value/);
    const { existsSync } = await import('node:fs');
    expect(existsSync(marker)).to.equal(false);
  });

  it('runs a script file named by scriptName, relative to the base directory', async function () {
    const folder = mkdtempSync(join(tmpdir(), 'tsseq-ps-'));
    writeFileSync(join(folder, 'hello.ps1'), "param($Who)\n\"hi $Who from $($PWD.Path)\"\n");
    const result = await engine.runSequence(
      { name: 'file', steps: [{ type: 'RunPowerShellScript', name: 'File', scriptName: 'hello.ps1', parameters: '-Who me', outputVariableName: 'Out' }] },
      { baseDirectory: folder },
    );
    expect(result.status, JSON.stringify(result.steps)).to.equal('Succeeded');
    expect(result.variables.Out).to.equal(`hi me from ${folder}`);
  });

  it('stops a script that runs past its timeout', async function () {
    const started = Date.now();
    const result = await engine.invokeStep(script('while ($true) { [System.Threading.Thread]::Sleep(50) }', { timeoutMinutes: 0.02 }));
    expect(Date.now() - started).to.be.below(15000);
    expect(result.status).to.equal('Failed');
    expect(result.exitCode).to.equal(1460);
  });

  it('ends a script blocked inside a .NET call at its timeout and stays usable (the script cannot be stopped, only left)', async function () {
    // Before, reading the abandoned pipeline's still-open output blocked until the script ended (here 10 minutes).
    const started = Date.now();
    const blocked = await engine.invokeStep(script('[System.Threading.Thread]::Sleep(600000)', { timeoutMinutes: 0.02 }));
    expect(blocked.status).to.equal('Failed');
    expect(blocked.exitCode).to.equal(1460);
    expect(Date.now() - started).to.be.below(60_000);
    const next = await engine.invokeStep({ type: 'SetTaskSequenceVariable', name: 'After', variableName: 'After', variableValue: 'ok' });
    expect(next.status).to.equal('Succeeded');
    expect(next.variables.After).to.equal('ok');
  });

  it('fails a script that called a command that does not exist, naming every one and why', async function () {
    // powershell.exe -File would go on and exit 0; a green step that skipped its work is worse.
    const result = await engine.invokeStep(script("Get-WmiObject Win32_BIOS\nConvert-TsNothing -Now\n'after'", { outputVariableName: 'Out' }));
    expect(result.status).to.equal('Failed');
    expect(result.exitCode).to.equal(1);
    expect(result.variables.Out).to.equal('after');
    expect(result.message).to.contain('it called Get-WmiObject, Convert-TsNothing, which do not exist here');
    expect(result.message).to.contain('At line 2, char 1: Convert-TsNothing is not defined by the script, a module or PowerShell');
    expect(result.message).to.not.match(/embedded engine|--engine pwsh|full PowerShell/);
  });

  it('says where a Windows-only cmdlet exists: Windows PowerShell 5.1, or Windows', async function () {
    if (process.platform === 'win32') this.skip(); // there the CIM cmdlets exist
    const result = await engine.invokeStep(
      script('$bios = Get-CimInstance -ClassName Win32_BIOS\n$os = Get-WmiObject -Class Win32_OperatingSystem\nGet-Service -Name CcmExec\nCimCmdlets\\Invoke-CimMethod -ClassName Win32_Process'),
    );
    expect(result.status).to.equal('Failed');
    expect(result.message!.split('\n').slice(1)).to.deep.equal([
      'At line 1, char 9: Get-CimInstance exists only on Windows (module CimCmdlets).',
      'At line 2, char 7: Get-WmiObject exists only in Windows PowerShell 5.1 (PowerShell 6 and later do not have it; on Windows, use Get-CimInstance, which both have).',
      'At line 3, char 1: Get-Service exists only on Windows (module Microsoft.PowerShell.Management).',
      'At line 4, char 1: CimCmdlets\\Invoke-CimMethod exists only on Windows (module CimCmdlets).',
    ]);
  });

  it('keeps -File semantics for a missing command the script handles itself', async function () {
    const result = await engine.invokeStep(
      script("try { Get-CimInstance Win32_BIOS -ErrorAction Stop } catch { 'no CIM here' }\nif (Get-Command Get-WmiObject -ErrorAction SilentlyContinue) { 'wmi' }", { outputVariableName: 'Out' }),
    );
    expect(result.status, result.message).to.equal('Succeeded');
    expect(result.variables.Out).to.equal('no CIM here');
  });

  it("gives scripts the real New-Object for .NET types (ArrayList, List[T], PSObject -Property)", async function () {
    // Regression: the old stand-in returned $null for these, so a script "succeeded" with a wrong result.
    const result = await engine.invokeStep(
      script(
        [
          '$list = New-Object System.Collections.ArrayList',
          "[void]$list.Add('a')",
          '$names = New-Object -TypeName System.Collections.Generic.List[string]',
          "$names.Add('b')",
          '$item = New-Object PSObject -Property @{ Name = "c"; Size = 3 }',
          '$builder = New-Object System.Text.StringBuilder -ArgumentList 7',
          "$version = New-Object System.Version -Args 1, 2",
          '"$($list[0])|$($names[0])|$($item.Name)$($item.Size)|$($builder.Capacity)|$($version.Minor)"',
        ].join('\n'),
        { outputVariableName: 'Out' },
      ),
    );
    expect(result.status, result.message).to.equal('Succeeded');
    expect(result.variables.Out).to.equal('a|b|c3|7|2');
  });

  it("keeps New-Object's own errors: the statement fails, the script goes on, try/catch catches it", async function () {
    const result = await engine.invokeStep(
      script("New-Object Nope.NoSuchType\n'after'\ntry { New-Object Nope.NoSuchType } catch { 'caught' }", { outputVariableName: 'Out' }),
    );
    expect(result.status, result.message).to.equal('Succeeded');
    expect(result.variables.Out).to.equal('after\ncaught');
    // One error, from New-Object itself at the script's line (not a second one from the proxy).
    expect(result.message).to.equal(
      'The script completed but reported 1 error(s):\nAt line 1, char 1: Cannot find type [Nope.NoSuchType]: verify that the assembly containing this type is loaded.',
    );
  });

  it('says COM objects other than ConfigMgr\'s exist only on Windows', async function () {
    if (process.platform === 'win32') this.skip();
    const result = await engine.invokeStep(script("$word = New-Object -ComObject Word.Application\n'after'", { outputVariableName: 'Out' }));
    expect(result.status).to.equal('Succeeded');
    expect(result.variables.Out).to.equal('after');
    expect(result.message).to.contain("At line 1, char 9: New-Object -ComObject 'Word.Application': COM objects exist only on Windows.");
  });

  it('refuses a scriptName without .ps1 instead of starting it as a program', async function () {
    // Regression: a run.sh was started as a native program (under sh).
    const folder = mkdtempSync(join(tmpdir(), 'tsseq-ps-'));
    const marker = join(folder, 'ran');
    writeFileSync(join(folder, 'run.sh'), `#!/bin/sh\necho ran > '${marker}'\n`, { mode: 0o755 });
    writeFileSync(join(folder, 'Upper.PS1'), "'upper'\n");
    const result = await engine.runSequence(
      {
        name: 'file',
        steps: [
          { type: 'RunPowerShellScript', name: 'Shell', scriptName: 'run.sh', continueOnError: true },
          { type: 'RunPowerShellScript', name: 'Upper', scriptName: 'Upper.PS1', outputVariableName: 'Out' },
        ],
      },
      { baseDirectory: folder },
    );
    const shell = result.steps.find((step) => step.path === 'Shell')!;
    expect(shell.status).to.equal('FailedContinued');
    expect(shell.message).to.equal(
      "Processing -File 'run.sh' failed because the file does not have a '.ps1' extension. Specify a valid PowerShell script file name (scriptName), and then try again.",
    );
    const { existsSync } = await import('node:fs');
    expect(existsSync(marker)).to.equal(false);
    // The extension is matched ignoring case, as Windows does.
    expect(result.variables.Out).to.equal('upper');
  });

  it('keeps script variables out of the engine (a fresh runspace per step)', async function () {
    await engine.invokeStep(script('$global:Leak = 1; function global:Leaky { 1 }'));
    const result = await engine.invokeStep(
      script("\"$($null -eq $global:Leak)|$($null -eq (Get-Command -Name Leaky -ErrorAction SilentlyContinue))\"", { outputVariableName: 'Out' }),
    );
    expect(result.variables.Out).to.equal('True|True');
  });

  it('gives scripts only ConfigMgr\'s $tsenv surface, not the engine\'s own methods', async function () {
    const result = await engine.invokeStep(
      script("try { $tsenv.SetSystem('_SMSTSInWinPE', 'true'); 'reached' } catch { 'refused' }", { outputVariableName: 'Out' }),
    );
    expect(result.variables.Out).to.equal('refused');
    expect(result.variables._SMSTSInWinPE).to.equal('false');
  });

  it('runs with the working directory as the process directory too (.NET relative paths)', async function () {
    const folder = mkdtempSync(join(tmpdir(), 'tsseq-ps-wd-'));
    const result = await engine.invokeStep(script("[IO.File]::WriteAllText('relative.txt', 'x')", { workingDirectory: folder }));
    expect(result.status, result.message).to.equal('Succeeded');
    const { existsSync } = await import('node:fs');
    expect(existsSync(join(folder, 'relative.txt'))).to.equal(true);
  });

  it('writes an inline script into a fresh owner-only folder and removes it afterwards', async function () {
    const result = await engine.invokeStep(
      script("$tsenv.Value('Where') = $PSCommandPath\n$tsenv.Value('Mode') = [string][int][IO.File]::GetUnixFileMode([IO.Path]::GetDirectoryName($PSCommandPath))"),
    );
    expect(result.status, result.message).to.equal('Succeeded');
    expect(result.variables.Mode).to.equal(String(0o700));
    const { existsSync } = await import('node:fs');
    const { dirname } = await import('node:path');
    expect(existsSync(dirname(result.variables.Where!))).to.equal(false);
  });

  it('refuses an invalid outputVariableName before running the script', async function () {
    const marker = join(mkdtempSync(join(tmpdir(), 'tsseq-ps-')), 'ran');
    const result = await engine.invokeStep(
      script('param($Marker) [IO.File]::WriteAllText($Marker, "x")', { parameters: { Marker: marker }, outputVariableName: 'bad name' }),
    );
    expect(result.status).to.equal('Failed');
    expect(result.message).to.match(/outputVariableName/);
    const { existsSync } = await import('node:fs');
    expect(existsSync(marker)).to.equal(false);
  });
});
