// Microsoft.SMS.TsProgressUI in a Run PowerShell Script step, through the real engine: its
// methods report progress as Write-Progress records, which reach Node as 'progress' events of
// the step; its dialogs never block, are logged, and answer as a run without a user would.
import { expect } from 'chai';
import type { Engine } from '../../src/bridge/Engine.js';
import type { EngineEvent, ProgressEvent } from '../../src/bridge/protocol.js';
import { startTestEngine } from '../support/engine.js';

const SECRET = 'Pr0gress-Secret-77';

describe('Microsoft.SMS.TsProgressUI in scripts', function () {
  let engine: Engine;
  before(async function () {
    ({ engine } = await startTestEngine());
  });
  after(async function () {
    await engine?.close();
  });

  async function run(sourceScript: string) {
    const events: EngineEvent[] = [];
    const result = await engine.invokeStep({ type: 'RunPowerShellScript', name: 'Progress step', sourceScript, outputVariableName: 'Out' }, { onEvent: (event) => events.push(event) });
    const progress = events.filter((event) => event.kind === 'progress') as unknown as ProgressEvent[];
    // Log lines, and the script's warnings (the dialog notices), which come as output events.
    const logs = events.flatMap((event) => (event.kind === 'log' ? [String((event as { message: unknown }).message)] : event.kind === 'output' ? [String(event.text)] : []));
    return { result, events, progress, logs };
  }

  it("reports ShowActionProgress and ShowActionDetailProgress as the step's progress events, and CloseProgressDialog completes them", async function () {
    const { result, events, progress } = await run(
      [
        '$ui = New-Object -ComObject Microsoft.SMS.TSProgressUI',
        "$ui.ShowActionProgress($tsenv.Value('_SMSTSOrgName'), 'Baseline', '', 'Install Tools', 3, 10, 'Copying files', 1, 4)",
        "$ui.ShowActionDetailProgress('Org', 'Baseline', '', 'Install Tools', 3, 10, 'Copying files', 3, 4, 'tools.zip', 1, 2)",
        '$ui.CloseProgressDialog()',
        "'done'",
      ].join('\n'),
    );
    expect(result.status, result.message).to.equal('Succeeded');
    expect(result.variables.Out).to.equal('done');
    expect(progress.every((event) => event.path === 'Progress step')).to.equal(true);
    const open = progress.filter((event) => !event.completed);
    // The newest state of each bar before it closed always arrives.
    expect(open.filter((event) => event.activityId === 1).at(-1)).to.include({ activity: 'Install Tools', status: 'Copying files', percent: 75, parentActivityId: -1 });
    expect(open.filter((event) => event.activityId === 2).at(-1)).to.include({ activity: 'Copying files', status: 'tools.zip', percent: 50, parentActivityId: 1 });
    const closed = progress.filter((event) => event.completed).map((event) => event.activityId);
    expect(closed).to.deep.equal([2, 1]);
    // Progress belongs to the step: it arrives between its start and its end.
    const kinds = events.map((event) => event.kind);
    expect(kinds.indexOf('stepStarted')).to.be.below(kinds.indexOf('progress'));
    expect(kinds.lastIndexOf('progress')).to.be.below(kinds.indexOf('stepFinished'));
  });

  it('reports ShowTSProgress as step x of y, and takes percentages from the step counts', async function () {
    const sequence = await run("$ui = New-Object -ComObject Microsoft.SMS.TsProgressUI\n$ui.ShowTSProgress('Org', 'Baseline', '', 'Install Tools', 2, 8)");
    expect(sequence.progress).to.have.length(1);
    expect(sequence.progress[0]).to.include({ activityId: 1, activity: 'Baseline', status: 'Install Tools', percent: 25, completed: false });
    // No step count: the percentage is unknown, not 0.
    const unknown = await run("$ui = New-Object -ComObject Microsoft.SMS.TsProgressUI\n$ui.ShowActionProgressEx('Org', 'Baseline', '', 'Install Tools', 2, 8, 'Unknown length', 0, 0)");
    expect(unknown.progress).to.have.length(1);
    expect(unknown.progress[0]).to.include({ activity: 'Install Tools', status: 'Unknown length', percent: null });
  });

  it("shows TsProgressUI progress whatever the script's $ProgressPreference, as ConfigMgr's dialog does, but honours it for Write-Progress", async function () {
    const { progress } = await run(
      "$ProgressPreference = 'SilentlyContinue'\nWrite-Progress -Activity 'Hidden' -Status 'no'\n$ui = New-Object -ComObject Microsoft.SMS.TsProgressUI\n$ui.ShowActionProgress('', '', '', 'Shown', 1, 1, 'yes', 1, 2)",
    );
    expect(progress.map((event) => event.activity)).to.deep.equal(['Shown']);
  });

  it("turns the script's own Write-Progress into events, one per state that can still be shown, however often it reports", async function () {
    const started = Date.now();
    const { result, progress } = await run(
      "for ($i = 1; $i -le 5000; $i++) { Write-Progress -Id 7 -Activity 'Loop' -Status \"item $i\" -PercentComplete ($i / 50) }\nWrite-Progress -Id 7 -Activity 'Loop' -Completed",
    );
    expect(result.status, result.message).to.equal('Succeeded');
    expect(Date.now() - started).to.be.below(60000);
    expect(progress.length).to.be.within(2, 200);
    const last = progress.filter((event) => !event.completed).at(-1)!;
    expect(last).to.include({ activityId: 7, activity: 'Loop', status: 'item 5000', percent: 100 });
    expect(progress.at(-1)).to.include({ activityId: 7, completed: true });
  });

  it('never blocks on a dialog: logs it and answers with its default button (ShowMessageEx)', async function () {
    const started = Date.now();
    const { result, logs } = await run(
      [
        '$ui = New-Object -ComObject Microsoft.SMS.TsProgressUI',
        '$yes = 0; $ui.ShowMessageEx("Can you see this message?", "Contoso IT", 4, [ref]$yes)',
        '$cancel = 0; $ui.ShowMessageEx("Try again?", "Contoso IT", 6, [ref]$cancel)',
        '$ok = 0; $ui.ShowMessageEx("Done", "Contoso IT", 0, [ref]$ok)',
        "$ui.ShowMessage('Plain note', 'Contoso IT', 0)",
        "$ui.ShowErrorDialog('Org', 'Baseline', '', 'Disk not found', 5, 900, 0, 'Partition disk')",
        '"$yes|$cancel|$ok"',
      ].join('\n'),
    );
    expect(result.status, result.message).to.equal('Succeeded');
    // IDYES 6, IDCANCEL 2, IDOK 1: what pressing Enter on each box gives.
    expect(result.variables.Out).to.equal('6|2|1');
    expect(Date.now() - started).to.be.below(20000); // the error dialog's 900 s timeout is not waited for
    const dialogLines = logs.filter((line) => line.includes('TsProgressUI'));
    expect(dialogLines.some((line) => line.includes('[Contoso IT] Can you see this message?') && line.includes("answered 'Yes'"))).to.equal(true);
    expect(dialogLines.some((line) => line.includes('[Contoso IT] Plain note') && line.includes("answered 'OK'"))).to.equal(true);
    expect(dialogLines.some((line) => line.includes('Disk not found (error code 5, step \'Partition disk\')'))).to.equal(true);
  });

  it('has the methods of ConfigMgr\'s IProgressUI', async function () {
    const { result } = await run("(New-Object -ComObject Microsoft.SMS.TsProgressUI | Get-Member -MemberType ScriptMethod | ForEach-Object Name) -join ','");
    expect(result.variables.Out!.split(',')).to.include.members([
      'CloseProgressDialog',
      'ShowActionDetailProgress',
      'ShowActionProgress',
      'ShowActionProgressEx',
      'ShowErrorDialog',
      'ShowMessage',
      'ShowMessageEx',
      'ShowRebootDialog',
      'ShowSwapMediaDialog',
      'ShowTSProgress',
    ]);
  });

  it("cannot be steered by the script's own variables or functions (it lives in a module of its own)", async function () {
    // A helper looked up through the caller's scopes would find these instead of its own.
    const { result, progress } = await run(
      "$global:progressShown = $null; $progressShown = $null; $global:TsReport = { 'hijacked' }; $TsReport = { 'hijacked' }; $TsTell = $null\nfunction New-TsProgressUIObject { 'hijacked' }\n$ui = New-Object -ComObject Microsoft.SMS.TsProgressUI\n$ui.ShowActionProgress('', '', '', 'Safe', 1, 1, 'ok', 1, 1)\n$ui.CloseProgressDialog()",
    );
    expect(result.status, result.message).to.equal('Succeeded');
    expect(result.variables.Out ?? '').to.equal('');
    expect(progress.map((event) => [event.activity, event.completed])).to.deep.equal([
      ['Safe', false],
      ['Safe', true],
    ]);
  });

  it('masks secret values in progress events and dialog logs', async function () {
    const events: EngineEvent[] = [];
    const result = await engine.invokeStep(
      {
        type: 'RunPowerShellScript',
        name: 'Masked',
        sourceScript: "$ui = New-Object -ComObject Microsoft.SMS.TsProgressUI\n$pw = $tsenv.Value('Pw')\n$ui.ShowActionProgress('', '', '', \"Join with $pw\", 1, 1, \"as $pw\", 1, 2)\n$ui.ShowMessage(\"pw is $pw\", 'x', 0)",
      },
      { variables: { Pw: SECRET }, secrets: ['Pw'], onEvent: (event) => events.push(event) },
    );
    expect(result.status, result.message).to.equal('Succeeded');
    const progress = events.find((event) => event.kind === 'progress') as unknown as ProgressEvent;
    expect(progress).to.include({ activity: 'Join with ********', status: 'as ********', percent: 50 });
    expect(JSON.stringify(events)).to.contain('pw is ********');
    expect(JSON.stringify(events)).to.not.contain(SECRET);
  });
});
