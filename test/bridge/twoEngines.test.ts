// Two engines in one Node process run sequences at the same time without interfering (issue 8,
// "Done when"): each has its own handlers under the same name, and in each run variables pass
// both ways between PowerShell steps and Node steps (a script's variable reaches the handler,
// the handler's reaches the next script).
import { expect } from 'chai';
import type { Engine } from '../../src/bridge/Engine.js';
import type { ResultDocument } from '../../src/bridge/protocol.js';
import { startTestEngine } from '../support/engine.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Script → Node → script, twice over, with a pause so both runs overlap. */
function exchange(label: string) {
  return {
    name: `Exchange ${label}`,
    variables: { Label: label },
    steps: [
      { type: 'RunPowerShellScript' as const, name: 'From PowerShell', sourceScript: "Start-Sleep -Milliseconds 300; $tsenv.Value('FromPs') = 'ps:' + $tsenv.Value('Label')" },
      { type: 'Node' as const, name: 'In Node', handler: 'relay' },
      { type: 'RunPowerShellScript' as const, name: 'Back in PowerShell', sourceScript: "$tsenv.Value('Seen') = 'saw ' + $tsenv.Value('FromNode')" },
      { type: 'Node' as const, name: 'In Node again', handler: 'relay' },
    ],
  };
}

describe('two engines in one Node process', function () {
  this.timeout(120_000);
  let first: Engine;
  let second: Engine;

  before(async () => {
    [{ engine: first }, { engine: second }] = await Promise.all([startTestEngine(), startTestEngine()]);
  });
  after(async () => {
    await Promise.all([first?.close(), second?.close()]);
  });

  it('run sequences concurrently, each with its own handlers, variables crossing both ways', async () => {
    const calls: string[] = [];
    for (const [engine, name] of [[first, 'one'], [second, 'two']] as const) {
      engine.registerStep('relay', async (_parameters, ctx) => {
        calls.push(`${name}:${ctx.path}`);
        await sleep(200);
        ctx.variables.set('FromNode', `${name} got ${ctx.variables.get('FromPs') ?? ''}`);
        if (ctx.variables.get('Seen')) ctx.variables.set('Final', `${name} ${ctx.variables.get('Seen')}`);
      });
    }
    const [a, b]: ResultDocument[] = await Promise.all([first.runSequence(exchange('A')), second.runSequence(exchange('B'))]);
    for (const result of [a, b]) expect(result.status).to.equal('Succeeded');
    expect(a.variables).to.include({ FromNode: 'one got ps:A', Seen: 'saw one got ps:A', Final: 'one saw one got ps:A' });
    expect(b.variables).to.include({ FromNode: 'two got ps:B', Seen: 'saw two got ps:B', Final: 'two saw two got ps:B' });
    expect(calls.filter((call) => call.startsWith('one:'))).to.deep.equal(['one:In Node', 'one:In Node again']);
    expect(calls.filter((call) => call.startsWith('two:'))).to.deep.equal(['two:In Node', 'two:In Node again']);
    // They overlapped: the handlers of both engines ran before either run ended.
    expect(calls.slice(0, 2).map((call) => call.split(':')[0]).sort()).to.deep.equal(['one', 'two']);
    expect(first.pid).to.not.equal(second.pid);
  });
});
