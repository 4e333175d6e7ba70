// Invoke-TsStep -Type Node from PowerShell while a bridge is attached (issue 8 item 2): a script
// that Node runs (a Run PowerShell Script step of runSequence or invokeStep) calls a handler
// registered in this Node process, through the real engine; the handler's variables come back
// in the PowerShell result; a failing handler fails that step only; an abort, or the script's
// own timeout, ends the wait (the handler's signal aborts) and leaves the engine serving.
import { expect } from 'chai';
import type { Engine } from '../../src/bridge/Engine.js';
import { EngineAbortError } from '../../src/bridge/errors.js';
import { startTestEngine } from '../support/engine.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The script reads what it sends from variables (data, never code); it copies the handler's
// answer into the task sequence.
const callLookup = [
  "$step = Invoke-TsStep -Type Node -Parameters @{ handler = 'lookup'; parameters = @{ computer = $tsenv.Value('Computer') } } -Variables @{ Site = $tsenv.Value('Site') }",
  "$tsenv.Value('Owner') = [string]$step.variables['Owner']",
  "$tsenv.Value('LookupStatus') = [string]$step.status",
  "$tsenv.Value('LookupMessage') = [string]$step.message",
].join('\n');

describe('Invoke-TsStep -Type Node from a script that Node runs', function () {
  this.timeout(120_000);
  let engine: Engine;

  before(async () => {
    ({ engine } = await startTestEngine());
  });
  after(async () => {
    await engine?.close();
  });

  it('calls the Node handler from a script step of runSequence; its variables reach later steps', async () => {
    const seen: unknown[] = [];
    engine.registerStep('lookup', (parameters, ctx) => {
      seen.push({ parameters, site: ctx.variables.get('Site'), path: ctx.path });
      ctx.variables.set('Owner', `owner of ${String(parameters.computer)} at ${ctx.variables.get('Site') ?? ''}`);
      return { message: 'found' };
    });
    const result = await engine.runSequence({
      name: 'Lookup from PowerShell',
      variables: { Computer: 'pc-1 "$(whoami)" `x` %Site%', Site: 'hq' },
      steps: [
        { type: 'RunPowerShellScript', name: 'Ask Node', sourceScript: callLookup },
        { type: 'SetTaskSequenceVariable', name: 'Use', variableName: 'Used', variableValue: '%Owner%' },
      ],
    });
    expect(result.status).to.equal('Succeeded');
    expect(seen).to.deep.equal([{ parameters: { computer: 'pc-1 "$(whoami)" `x` %Site%' }, site: 'hq', path: 'Node Step' }]);
    expect(result.variables).to.include({ LookupStatus: 'Succeeded', LookupMessage: 'found', Used: 'owner of pc-1 "$(whoami)" `x` %Site% at hq' });
  });

  it('works from invokeStep too, many times in one script, and a failing handler fails only its step', async () => {
    let calls = 0;
    engine.registerStep('count', (_parameters, ctx) => {
      calls += 1;
      ctx.variables.set('N', String(calls));
    });
    engine.registerStep('broken', () => {
      throw new Error('directory unreachable');
    });
    const script = [
      '$last = $null',
      "foreach ($i in 1..20) { $last = Invoke-TsStep -Type Node -Parameters @{ handler = 'count' } -Variables @{} }",
      "$tsenv.Value('Last') = [string]$last.variables['N']",
      "$broken = Invoke-TsStep -Type Node -Parameters @{ handler = 'broken' } -Variables @{}",
      "$tsenv.Value('BrokenStatus') = [string]$broken.status",
      "$tsenv.Value('BrokenMessage') = [string]$broken.message",
    ].join('\n');
    const result = await engine.invokeStep({ type: 'RunPowerShellScript', name: 'Many', sourceScript: script }, { variables: {} });
    expect(result.status).to.equal('Succeeded');
    expect(calls).to.equal(20);
    expect(result.variables.Last).to.equal('20');
    expect(result.variables.BrokenStatus).to.equal('Failed');
    expect(result.variables.BrokenMessage).to.contain("Node step 'broken' failed: directory unreachable");
  });

  it('runs the Node steps of a sequence that Invoke-TsSequence runs in such a script', async () => {
    engine.registerStep('mark', (parameters, ctx) => {
      ctx.variables.set('Marked', String(parameters.label));
    });
    const script = [
      "$inner = @{ name = 'Inner'; steps = @(@{ type = 'Node'; name = 'Mark'; handler = 'mark'; parameters = @{ label = $tsenv.Value('Label') } }) }",
      '$run = Invoke-TsSequence -InputObject $inner -NoState',
      "$tsenv.Value('InnerStatus') = [string]$run.status",
      "$tsenv.Value('InnerMarked') = [string]$run.variables['Marked']",
    ].join('\n');
    const result = await engine.invokeStep({ type: 'RunPowerShellScript', name: 'Nested', sourceScript: script }, { variables: { Label: "it's $done" } });
    expect(result.variables).to.include({ InnerStatus: 'Succeeded', InnerMarked: "it's $done" });
  });

  it('an abort while the handler runs ends the call, stops the wait, and the engine serves the next call', async () => {
    let started!: () => void;
    const handlerStarted = new Promise<void>((resolve) => (started = resolve));
    let sawAbort = false;
    engine.registerStep('hang', async (_parameters, ctx) => {
      started();
      ctx.signal.addEventListener('abort', () => (sawAbort = true));
      await sleep(4000);
    });
    const controller = new AbortController();
    const script = "Invoke-TsStep -Type Node -Parameters @{ handler = 'hang' } -Variables @{} | Out-Null; $tsenv.Value('After') = 'ran'";
    const running = engine.invokeStep({ type: 'RunPowerShellScript', name: 'Hang', sourceScript: script }, { signal: controller.signal, variables: {} });
    await handlerStarted;
    const abortedAt = Date.now();
    controller.abort();
    const error = await running.then(() => undefined, (e: unknown) => e);
    expect(error).to.be.instanceOf(EngineAbortError);
    expect(Date.now() - abortedAt).to.be.below(3000);
    expect(sawAbort).to.equal(true);
    const next = await engine.invokeStep({ type: 'SetTaskSequenceVariable', name: 'Next', variableName: 'X', variableValue: 'y' }, { variables: {} });
    expect(next.status).to.equal('Succeeded');
    expect(await engine.ping()).to.equal(true);
  });

  it("the script step's own timeout stops the wait for a handler that does not answer; the next step runs", async () => {
    let abortReason: unknown;
    engine.registerStep('slow', async (_parameters, ctx) => {
      ctx.signal.addEventListener('abort', () => (abortReason = ctx.signal.reason));
      await sleep(5000);
    });
    const started = Date.now();
    const result = await engine.runSequence({
      name: 'Timeout',
      steps: [
        {
          type: 'RunPowerShellScript',
          name: 'Waits',
          timeoutMinutes: 0.02,
          continueOnError: true,
          sourceScript: "Invoke-TsStep -Type Node -Parameters @{ handler = 'slow' } -Variables @{} | Out-Null; $tsenv.Value('Late') = 'yes'",
        },
        { type: 'SetTaskSequenceVariable', name: 'Next', variableName: 'Next', variableValue: 'ran' },
      ],
    });
    expect(result.steps[0].status).to.equal('FailedContinued');
    expect(result.steps[0].message).to.match(/timed out after 0\.02 minute\(s\) and was stopped\.$/);
    expect(result.variables).to.include({ Next: 'ran' });
    expect(result.variables).to.not.have.property('Late');
    expect(Date.now() - started).to.be.below(4500);
    expect(await engine.ping()).to.equal(true);
    // The engine told Node it stopped waiting: the handler's signal aborted, with the reason.
    expect(abortReason).to.be.instanceOf(EngineAbortError);
    expect((abortReason as Error).message).to.match(/^The engine stopped waiting for this Node step/);
  });
  it('a runspace left running by one request cannot call Node handlers during a later, unrelated request', async () => {
    const calls: string[] = [];
    let phase = 'request 1';
    engine.registerStep('spy', (parameters) => {
      calls.push(`${String(parameters.from)} during ${phase}`);
    });
    // The script starts a runspace that calls the handler 1.5 s later, and returns at once: that
    // call is refused (the request that started it has ended), never served by request 2.
    const leaves = [
      "$p = [powershell]::Create().AddScript({ Start-Sleep -Milliseconds 1500; Invoke-TsStep -Type Node -Parameters @{ handler = 'spy'; parameters = @{ from = 'runspace of request 1' } } -Variables @{} | Out-Null })",
      '$null = $p.BeginInvoke()',
    ].join('\n');
    const first = await engine.invokeStep({ type: 'RunPowerShellScript', name: 'Leaves a runspace', sourceScript: leaves }, { variables: {} });
    expect(first.status).to.equal('Succeeded');
    phase = 'request 2';
    const second = await engine.invokeStep({ type: 'RunPowerShellScript', name: 'Unrelated', sourceScript: 'Start-Sleep -Seconds 3' }, { variables: {} });
    expect(second.status).to.equal('Succeeded');
    expect(calls).to.deep.equal([]);
  });

  it('a runspace the script starts calls Node during its request, and its slow call does not hold up the Node steps after it', async () => {
    const calls: string[] = [];
    engine.registerStep('background', async (parameters) => {
      calls.push(String(parameters.from));
      await sleep(6000);
    });
    engine.registerStep('quick', (_parameters, ctx) => {
      ctx.variables.set('Quick', 'ran');
    });
    const background = [
      "$p = [powershell]::Create().AddScript({ Invoke-TsStep -Type Node -Parameters @{ handler = 'background'; parameters = @{ from = 'runspace' } } -Variables @{} | Out-Null })",
      '$null = $p.BeginInvoke(); Start-Sleep -Milliseconds 500',
    ].join('\n');
    const result = await engine.runSequence({
      name: 'Side by side',
      steps: [
        { type: 'RunPowerShellScript', name: 'Start background', sourceScript: background },
        { type: 'Node', name: 'Own', handler: 'quick', timeoutMinutes: 0.05 },
      ],
    });
    expect(calls).to.deep.equal(['runspace']);
    expect(result.status).to.equal('Succeeded');
    expect(result.variables).to.include({ Quick: 'ran' });
  });
});
