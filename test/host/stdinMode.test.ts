// `-Command -`: commands read from stdin in one persistent runspace, the way node-powershell
// (and anything else driving pwsh through a pipe) uses it.
import { expect } from 'chai';
import { InvocationError, PowerShell } from 'node-powershell';
import { assertBuilt, hostAppHost, lines, runHost } from './hostProcess.js';

describe('tsseq-host -Command - (stdin mode)', function () {
  this.timeout(120_000);

  before(() => assertBuilt(hostAppHost));

  it('runs each input once it parses complete, keeping state between inputs', async () => {
    const input = [
      '$greeting = "hi"',
      'function Show-It {',
      '  param($Name)',
      '',
      '  "$greeting $Name"',
      '}',
      'Show-It one',
      'if ($true) {',
      '  "inside if"',
      '}',
      '$here = @"',
      'multi',
      'line',
      '"@',
      '$here.Replace("`n", "+")',
      '1 + `',
      '  2',
      '',
    ].join('\n');
    const run = await runHost(['-NoLogo', '-NoExit', '-Command', '-'], { input });
    expect(lines(run.stdout)).to.deep.equal(['hi one', 'inside if', 'multi+line', '3']);
    expect(run.stderr).to.equal('');
    expect(run.code).to.equal(0);
  });

  it('runs a multi-line block immediately, before later lines arrive (no blank line needed)', async () => {
    const input = 'if ($true) {\n  [Console]::Out.WriteLine("block ran")\n}\n[Console]::Out.WriteLine("next")\n';
    const run = await runHost(['-Command', '-'], { input });
    expect(lines(run.stdout)).to.deep.equal(['block ran', 'next']);
  });

  it('exits with N on `exit N` and runs nothing after it', async () => {
    const run = await runHost(['-NoLogo', '-Command', '-'], { input: "'one'\nexit 3\n'two'\n" });
    expect(lines(run.stdout)).to.deep.equal(['one']);
    expect(run.code).to.equal(3);
  });

  it('at EOF exits 0, or 1 when the last command failed, with errors on stderr', async () => {
    const ok = await runHost(['-Command', '-'], { input: "Write-Error 'first'\n'fine'\n" });
    expect(lines(ok.stdout)).to.deep.equal(['fine']);
    expect(ok.stderr).to.contain('first');
    expect(ok.code).to.equal(0);
    const failed = await runHost(['-Command', '-'], { input: "'fine'\nWrite-Error 'last'\n" });
    expect(failed.code).to.equal(1);
  });

  it('reports an input left unfinished at EOF as a parse error', async () => {
    const run = await runHost(['-Command', '-'], { input: "'ran'\nif ($true) {\n  'never closed'\n" });
    expect(lines(run.stdout)).to.deep.equal(['ran']);
    expect(run.stderr).to.match(/Missing closing '}'/);
    expect(run.code).to.equal(1);
  });

  describe('driven by node-powershell 5 (apphost executable)', () => {
    let shell: PowerShell;

    before(() => {
      // node-powershell spawns one executable with `-NoLogo ... -NoExit -Command -`, so it
      // cannot run `dotnet <dll>`: the apphost is the executable to give it.
      shell = new PowerShell({ executable: hostAppHost, executableOptions: { '-NoProfile': true } });
    });

    after(async () => {
      await shell.dispose();
    });

    it('returns the output of a command between its delimiters', async () => {
      const result = await shell.invoke("'hello'; 40 + 2");
      expect(result.hadErrors).to.equal(false);
      expect(result.raw).to.equal('hello\n42');
    });

    it('runs a multi-line command without hanging on the delimiter lines', async () => {
      const result = await shell.invoke('$n = 41\nif ($n) {\n  $n + 1\n}');
      expect(result.raw).to.equal('42');
    });

    it('keeps state between invocations', async () => {
      await shell.invoke('$kept = "state"');
      const result = await shell.invoke('"kept: $kept"');
      expect(result.raw).to.equal('kept: state');
    });

    it('surfaces Write-Error as an InvocationError with the stderr text, and stays usable', async () => {
      let caught: unknown;
      try {
        await shell.invoke("Write-Error 'np-error'");
      } catch (error) {
        caught = error;
      }
      expect(caught).to.be.instanceOf(InvocationError);
      expect((caught as Error).message).to.contain('np-error');
      const after = await shell.invoke("'after error'");
      expect(after.raw).to.equal('after error');
    });

    it('mixes warnings and Write-Host into stdout, as with pwsh', async () => {
      const result = await shell.invoke("Write-Warning 'careful'; Write-Host 'host text'; 'output'");
      expect(result.raw).to.equal('WARNING: careful\nhost text\noutput');
    });
  });
});
