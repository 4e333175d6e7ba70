// TsSequence.ProcessRunner, driven from PowerShell in the embedded engine as the runtime's
// Run Command Line step drives it: a ProcessStartInfo built by the caller, a bounded output tail.
import { expect } from 'chai';
import { assertBuilt, environmentDll, lines, runCommand, type HostRun } from './hostProcess.js';

/**
 * Runs `body` after loading the assembly and defining helpers:
 * `Sh 'script' [timeoutMs] [keep] [drainMs]` runs `sh -c script` and returns the result in $r;
 * `Report $r` prints it as one line; `Test-Alive pid` says whether a process is still running
 * (a zombie counts as dead: PID 1 in a container may never reap orphans); `Show text` prints
 * text on one line, each newline written as "|".
 */
function withRunner(body: string[]): Promise<HostRun> {
  const loadPath = environmentDll.replace(/'/g, "''");
  return runCommand(
    [
      `[void][Reflection.Assembly]::LoadFrom('${loadPath}')`,
      'function New-Info([string]$file, [string[]]$arguments) { $i = [Diagnostics.ProcessStartInfo]::new($file); foreach ($a in $arguments) { $i.ArgumentList.Add($a) }; $i }',
      'function Sh([string]$script, [int]$timeout = 20000, [int]$keep = 1000, [int]$drain = 2000) { [TsSequence.ProcessRunner]::Run((New-Info sh @("-c", $script)), $timeout, $keep, $drain) }',
      'function Report($r) { "started=$($r.Started) exit=$(if ($null -eq $r.ExitCode) { "null" } else { $r.ExitCode }) timedOut=$($r.TimedOut) length=$($r.OutputLength)" }',
      'function Test-Alive([int]$id) { try { $s = [IO.File]::ReadAllText("/proc/$id/stat"); $s.Substring($s.LastIndexOf(")") + 2, 1) -ne "Z" } catch { $false } }',
      'function Show([string]$text) { $text.Replace("`n", "|") }',
      '$watch = [Diagnostics.Stopwatch]::new()',
      ...body,
    ].join('\n'),
    { timeoutMs: 110_000 },
  );
}

describe('TsSequence.ProcessRunner', function () {
  this.timeout(120_000);

  before(function () {
    if (process.platform === 'win32') this.skip(); // the scenarios use sh, sleep, cat and /proc
    assertBuilt(environmentDll);
  });

  it('returns the exit code and the output', async () => {
    const run = await withRunner(['$r = Sh "echo one; echo two; exit 7"; Report $r; Show $r.OutputTail', '$r = Sh "true"; Report $r; "[$($r.OutputTail)] [$($r.StartError)]"']);
    expect(lines(run.stdout)).to.deep.equal([
      'started=True exit=7 timedOut=False length=8',
      'one|two|',
      'started=True exit=0 timedOut=False length=0',
      '[] []',
    ]);
    expect(run.stderr).to.equal('');
  });

  it('keeps only the last keepCharacters of a large output, counting all of it, in bounded memory', async () => {
    const run = await withRunner([
      '[void](Sh "true")', // warm up, so the measure below sees only this run
      '$before = [GC]::GetTotalAllocatedBytes($true)',
      // 50 MB of 'x' then a recognisable end; ReadToEnd would allocate more than 100 MB for it.
      '$r = Sh "head -c 50000000 /dev/zero | tr \'\\0\' x; printf \'<end>\'" -keep 1000',
      '$allocated = [GC]::GetTotalAllocatedBytes($true) - $before',
      'Report $r',
      '"tail=$($r.OutputTail.Length) xs=$(($r.OutputTail -replace \'x\', \'\').Length) end=$($r.OutputTail.EndsWith(\'x<end>\'))"',
      '"allocatedMB=$([math]::Round($allocated / 1MB, 1))"',
      '$r = Sh "printf 0123456789" -keep 4; "[$($r.OutputTail)] $($r.OutputLength)"',
      '$r = Sh "printf 0123456789" -keep 0; "[$($r.OutputTail)] $($r.OutputLength)"',
    ]);
    const out = lines(run.stdout);
    expect(out.slice(0, 2)).to.deep.equal(['started=True exit=0 timedOut=False length=50000005', 'tail=1000 xs=5 end=True']);
    const allocated = Number(out[2].replace('allocatedMB=', ''));
    expect(allocated).to.be.lessThan(16);
    expect(out.slice(3)).to.deep.equal(['[6789] 10', '[] 10']);
  });

  it('merges stdout and stderr in arrival order and decodes UTF-8', async () => {
    const run = await withRunner([
      '$r = Sh "echo out1; sleep 0.3; echo err1 >&2; sleep 0.3; echo out2; sleep 0.3; echo err2 >&2; printf \'caf\\303\\251 \\342\\202\\254\\n\' >&2"',
      'Show $r.OutputTail',
      // An encoding the caller chose is kept.
      '$i = New-Info sh @("-c", "printf \'caf\\303\\251\'"); $i.StandardOutputEncoding = [Text.Encoding]::GetEncoding(28591)',
      '[TsSequence.ProcessRunner]::Run($i, 10000, 100, 1000).OutputTail',
    ]);
    expect(lines(run.stdout)).to.deep.equal(['out1|err1|out2|err2|café €|', 'cafÃ©']);
  });

  it('returns what was printed within about drainMilliseconds when a grandchild keeps the pipe open', async () => {
    const run = await withRunner([
      '$watch.Start()',
      '$r = Sh "echo hello; sleep 25 & echo `$!" -drain 500',
      '$watch.Stop()',
      'Report $r',
      '$lines = $r.OutputTail.Trim() -split "`n"',
      '$lines[0]',
      '"grandchild alive=$(Test-Alive $lines[1])"',
      '"ms=$($watch.ElapsedMilliseconds)"',
      '[void](Sh "kill $($lines[1])")',
    ]);
    const out = lines(run.stdout);
    expect(out[0]).to.match(/^started=True exit=0 timedOut=False length=\d+$/);
    expect(out.slice(1, 3)).to.deep.equal(['hello', 'grandchild alive=True']);
    const ms = Number(out[3].replace('ms=', ''));
    expect(ms).to.be.at.least(450);
    expect(ms).to.be.lessThan(500 + 1500);
  });

  it('on timeout kills the whole process tree and reports no exit code', async () => {
    const run = await withRunner([
      '$watch.Start()',
      // The shell prints its own PID and its child's, then waits for the child.
      '$r = Sh "echo `$`$; sleep 30 & echo `$!; wait" -timeout 1000',
      '$watch.Stop()',
      'Report $r',
      '$ids = $r.OutputTail.Trim() -split "`n"',
      '"ids=$($ids.Count) shell alive=$(Test-Alive $ids[0]) sleep alive=$(Test-Alive $ids[1])"',
      '"ms=$($watch.ElapsedMilliseconds)"',
    ]);
    const out = lines(run.stdout);
    expect(out[0]).to.match(/^started=True exit=null timedOut=True length=\d+$/);
    expect(out[1]).to.equal('ids=2 shell alive=False sleep alive=False');
    const ms = Number(out[2].replace('ms=', ''));
    expect(ms).to.be.at.least(950);
    expect(ms).to.be.lessThan(5000);
  });

  it('closes stdin at once: a program reading it sees end-of-file', async () => {
    const run = await withRunner([
      '$watch.Start()',
      '$r = [TsSequence.ProcessRunner]::Run((New-Info cat @()), 20000, 100, 1000)',
      '$watch.Stop()',
      'Report $r',
      '"fast=$($watch.ElapsedMilliseconds -lt 5000)"',
      'Show (Sh "read line; echo read-status=`$?").OutputTail',
    ]);
    expect(lines(run.stdout)).to.deep.equal(['started=True exit=0 timedOut=False length=0', 'fast=True', 'read-status=1|']);
  });

  it('reports a missing program or working directory as not started, without throwing', async () => {
    const run = await withRunner([
      '$r = [TsSequence.ProcessRunner]::Run((New-Info tsseq-no-such-program @()), 5000, 100, 1000)',
      'Report $r; $r.StartError',
      '$i = New-Info sh @("-c", "echo ran"); $i.WorkingDirectory = "/tsseq/no/such/dir"',
      '$r = [TsSequence.ProcessRunner]::Run($i, 5000, 100, 1000)',
      'Report $r; $r.StartError; "[$($r.OutputTail)]"',
    ]);
    const out = lines(run.stdout);
    expect(out[0]).to.equal('started=False exit=null timedOut=False length=0');
    expect(out[1]).to.match(/tsseq-no-such-program.*No such file or directory/);
    expect(out[2]).to.equal('started=False exit=null timedOut=False length=0');
    expect(out[3]).to.match(/\/tsseq\/no\/such\/dir.*No such file or directory/);
    expect(out[4]).to.equal('[]');
    expect(run.stderr).to.equal('');
  });
});
