// The stream cmdlets the embedded engine compiles in (Write-Output/Host/Verbose/Debug/Warning/
// Error/Information/Progress), checked by what a script and its caller can see.
import { expect } from 'chai';
import { assertBuilt, lines, runCommand } from './hostProcess.js';

describe('tsseq-host stream cmdlets', function () {
  this.timeout(120_000);

  before(() => assertBuilt());

  describe('Write-Output', () => {
    it('enumerates collections unless -NoEnumerate, and takes remaining arguments and pipeline input', async () => {
      const run = await runCommand(
        [
          '(Write-Output @(1, 2, 3) | Measure-Count)',
          "(Write-Output -NoEnumerate @(1, 2, 3) | Measure-Count)",
          '(Write-Output -NoEnumerate @(1, 2, 3)).GetType().Name',
          '(Write-Output 1 2 3 | Measure-Count)',
          "'p1', 'p2' | Write-Output",
          '(Write-Output $null | Measure-Count)',
          'echo via-alias',
        ]
          .join('\n')
          .replace(/Measure-Count/g, 'ForEach-Object -Begin { $c = 0 } -Process { $c++ } -End { "count=$c" }'),
      );
      expect(lines(run.stdout)).to.deep.equal(['count=3', 'count=1', 'Object[]', 'count=3', 'p1', 'p2', 'count=1', 'via-alias']);
      expect(run.stderr).to.equal('');
    });
  });

  describe('Write-Host', () => {
    it('writes joined text to stdout, honouring -Separator and -NoNewline', async () => {
      const run = await runCommand("Write-Host 'a' 'b'; Write-Host -Object 1, (2, 3) -Separator '-'; Write-Host 'no' -NoNewline; Write-Host 'line' -ForegroundColor Red");
      expect(lines(run.stdout)).to.deep.equal(['a b', '1-2-3', 'noline']);
      expect(run.code).to.equal(0);
    });

    it('writes an InformationRecord tagged PSHOST that 6>&1 captures and -InformationAction Ignore hides', async () => {
      const run = await runCommand(
        [
          "$r = Write-Host 'captured' 6>&1",
          '"type=$($r.GetType().Name) tags=$($r.Tags -join \',\') text=$($r.MessageData.Message)"',
          "Write-Host 'hidden' -InformationAction Ignore",
          "'end'",
        ].join('\n'),
      );
      expect(lines(run.stdout)).to.deep.equal(['type=InformationRecord tags=PSHOST text=captured', 'end']);
    });

    it('still writes its PSHOST record in a runspace without a host UI, colours left unset unless given', async () => {
      // [runspacefactory]::CreateRunspace($iss) gets PowerShell's DefaultHost, whose UI is null:
      // reading the host's colours throws HostException there, which must not stop Write-Host.
      const run = await runCommand(
        [
          // The host's own session state carries the compiled stream cmdlets (CreateDefault2 does not).
          '$rs = [runspacefactory]::CreateRunspace([runspace]::DefaultRunspace.InitialSessionState)',
          '$rs.Open()',
          '$ps = [powershell]::Create()',
          '$ps.Runspace = $rs',
          "[void]$ps.AddScript(\"Write-Host hi; Write-Host 'in red' -ForegroundColor Red; 'after'\")",
          '$out = $ps.Invoke()',
          '"output=$($out -join \',\') errors=$($ps.Streams.Error.Count)"',
          "foreach ($i in $ps.Streams.Information) { \"tags=$($i.Tags -join ',') text=$($i.MessageData.Message) fg=[$($i.MessageData.ForegroundColor)] bg=[$($i.MessageData.BackgroundColor)]\" }",
          '$ps.Dispose(); $rs.Dispose()',
        ].join('\n'),
      );
      expect(lines(run.stdout)).to.deep.equal(['output=after errors=0', 'tags=PSHOST text=hi fg=[] bg=[]', 'tags=PSHOST text=in red fg=[Red] bg=[]']);
      expect(run.stderr).to.equal('');
    });
  });

  describe('Write-Warning, Write-Verbose, Write-Debug', () => {
    it('prefixes warnings with "WARNING: " on stdout, hidden by -WarningAction SilentlyContinue', async () => {
      const run = await runCommand("Write-Warning 'careful'; 'piped' | Write-Warning; Write-Warning 'quiet' -WarningAction SilentlyContinue");
      expect(lines(run.stdout)).to.deep.equal(['WARNING: careful', 'WARNING: piped']);
      expect(run.stderr).to.equal('');
    });

    it('honours $VerbosePreference and -Verbose on an advanced function', async () => {
      const run = await runCommand(
        [
          "Write-Verbose 'default-hidden'",
          "$VerbosePreference = 'Continue'",
          "Write-Verbose 'now-shown'",
          "$VerbosePreference = 'SilentlyContinue'",
          "function Test-Verbose { [CmdletBinding()] param() Write-Verbose 'from-function' }",
          'Test-Verbose',
          'Test-Verbose -Verbose',
        ].join('\n'),
      );
      expect(lines(run.stdout)).to.deep.equal(['VERBOSE: now-shown', 'VERBOSE: from-function']);
    });

    it('honours $DebugPreference', async () => {
      const run = await runCommand("Write-Debug 'hidden'; $DebugPreference = 'Continue'; Write-Debug 'shown'");
      expect(lines(run.stdout)).to.deep.equal(['DEBUG: shown']);
    });
  });

  describe('Write-Error', () => {
    it('writes to stderr without stopping the script', async () => {
      const run = await runCommand("Write-Error 'soft-error'; 'still running'");
      expect(lines(run.stdout)).to.deep.equal(['still running']);
      expect(run.stderr).to.contain('soft-error');
    });

    it('becomes terminating with -ErrorAction Stop, as a WriteErrorException', async () => {
      const run = await runCommand(
        "try { Write-Error 'stop-me' -ErrorAction Stop; 'not reached' } catch { \"caught $($_.Exception.GetType().FullName): $($_.Exception.Message)\" }",
      );
      expect(lines(run.stdout)).to.deep.equal(['caught Microsoft.PowerShell.Commands.WriteErrorException: stop-me']);
      expect(run.stderr).to.equal('');
    });

    it('fills the record from -Exception, -Message, -Category, -ErrorId, -TargetObject and the category fields', async () => {
      const run = await runCommand(
        [
          "Write-Error -Exception ([InvalidOperationException]::new('inner')) -Message 'shown' -Category InvalidData -ErrorId 'My.Id' -TargetObject 'tgt' -RecommendedAction 'fix it' -CategoryReason 'Why' -ErrorVariable ev -ErrorAction SilentlyContinue",
          '$r = $ev[0]',
          '$r.Exception.GetType().Name',
          '$r.Exception.Message',
          '$r.ErrorDetails.Message',
          '$r.ErrorDetails.RecommendedAction',
          '$r.CategoryInfo.Category',
          '$r.CategoryInfo.Reason',
          '$r.FullyQualifiedErrorId',
          '$r.TargetObject',
          "$rec = [Management.Automation.ErrorRecord]::new([Exception]::new('from-record'), 'Rec.Id', 'ReadError', $null)",
          'Write-Error -ErrorRecord $rec -ErrorVariable ev2 -ErrorAction SilentlyContinue',
          '$ev2[0].Exception.Message',
          '$ev2[0].CategoryInfo.Category',
        ].join('\n'),
      );
      expect(lines(run.stdout)).to.deep.equal([
        'InvalidOperationException',
        'inner',
        'shown',
        'fix it',
        'InvalidData',
        'Why',
        'My.Id',
        'tgt',
        'from-record',
        'ReadError',
      ]);
      expect(run.stderr).to.equal('');
    });
  });

  describe('Write-Information and Write-Progress', () => {
    it('shows information only when $InformationPreference is Continue, with tags kept', async () => {
      const run = await runCommand(
        [
          "Write-Information 'hidden'",
          "Write-Information 'shown' -InformationAction Continue",
          "$i = Write-Information -MessageData 'data' -Tags 'T1', 'T2' 6>&1",
          '"tags=$($i.Tags -join \',\') data=$($i.MessageData)"',
        ].join('\n'),
      );
      expect(lines(run.stdout)).to.deep.equal(['shown', 'tags=T1,T2 data=data']);
    });

    it('records progress (Activity, Status, Id, PercentComplete, ParentId, Completed) without printing it', async () => {
      // Progress reaches PowerShell.Streams.Progress only in a top-level pipeline, so run this
      // session's Write-Progress in a fresh runspace of the same kind.
      const run = await runCommand(
        [
          '$state = [Management.Automation.Runspaces.InitialSessionState]::CreateDefault2()',
          "$state.Commands.Add([Management.Automation.Runspaces.SessionStateCmdletEntry]::new('Write-Progress', (Get-Command Write-Progress).ImplementingType, $null))",
          '$ps = [PowerShell]::Create($state)',
          "[void]$ps.AddCommand('Write-Progress').AddParameter('Activity', 'Copying').AddParameter('Status', 'Half').AddParameter('Id', 4).AddParameter('PercentComplete', 50).AddParameter('ParentId', 1)",
          "[void]$ps.AddStatement().AddCommand('Write-Progress').AddParameter('Id', 4).AddParameter('Completed', $true)",
          '[void]$ps.Invoke()',
          '$p = $ps.Streams.Progress',
          '"count=$($p.Count) errors=$($ps.Streams.Error.Count)"',
          '"$($p[0].Activity)|$($p[0].StatusDescription)|$($p[0].ActivityId)|$($p[0].PercentComplete)|$($p[0].ParentActivityId)|$($p[0].RecordType)"',
          '"$($p[1].ActivityId)|$($p[1].RecordType)"',
          "Write-Progress 'Top level' 'Working' 7",
          "'done'",
        ].join('\n'),
      );
      expect(lines(run.stdout)).to.deep.equal(['count=2 errors=0', 'Copying|Half|4|50|1|Processing', '4|Completed', 'done']);
      expect(run.stderr).to.equal('');
    });

    it('requires -Activity unless -Completed', async () => {
      const run = await runCommand("try { Write-Progress -Status 'no activity' -ErrorAction Stop; 'not reached' } catch { 'refused' }");
      expect(lines(run.stdout)).to.deep.equal(['refused']);
    });
  });
});
