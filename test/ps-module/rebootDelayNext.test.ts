// SMSTSRebootDelayNext (ConfigMgr 1902+): the first restart the engine performs for a run waits
// SMSTSRebootDelay seconds; later restarts of the same run (after a resume) wait
// SMSTSRebootDelayNext when it is set. Seen through the windows provider's test hook, which
// writes down the shutdown.exe /r /t N it would run.
import { expect } from 'chai';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from '../../src/bridge/Engine.js';
import { startTestEngine } from '../support/engine.js';
import { tempDirectory } from '../support/tempFiles.js';

describe('SMSTSRebootDelayNext', function () {
  this.timeout(120_000);
  let engine: Engine;
  const provider = mkdtempSync(join(tempDirectory(), 'delay-next-provider-'));
  const commands = join(provider, 'commands.jsonl');

  before(async () => {
    ({ engine } = await startTestEngine({ env: { ...process.env, TSSEQ_RESTART_PROVIDER_TEST_DIR: provider } }));
  });
  after(async () => {
    await engine?.close();
  });

  /** The /t of every shutdown.exe the provider would have run, in order. */
  const delays = () =>
    existsSync(commands)
      ? readFileSync(commands, 'utf8')
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as string[])
          .filter((command) => command[0] === 'shutdown.exe')
          .map((command) => Number(command[command.indexOf('/t') + 1]))
      : [];

  const ask = (name: string) => ({ type: 'RunPowerShellScript', name, sourceScript: 'exit 3010' });

  async function restarts(variables: Record<string, string>) {
    rmSync(commands, { force: true });
    const state = join(mkdtempSync(join(tempDirectory(), 'delay-next-')), 'state');
    const document = { name: 'Three restarts', variables, steps: [ask('First'), ask('Second'), ask('Third'), { type: 'SetTaskSequenceVariable', name: 'Done', variableName: 'Done', variableValue: 'yes' }] };
    const statuses = [(await engine.runSequence(document, { stateDirectory: state, restartProvider: 'windows' })).status];
    for (let i = 0; i < 3; i++) statuses.push((await engine.resumeSequence({ stateDirectory: state, restartProvider: 'windows' })).status);
    expect(statuses).to.deep.equal(['RestartPending', 'RestartPending', 'RestartPending', 'Succeeded']);
    return delays();
  }

  it('waits SMSTSRebootDelay for the first restart, then SMSTSRebootDelayNext for every later one', async () => {
    expect(await restarts({ SMSTSRebootDelay: '3600', SMSTSRebootDelayNext: '60' })).to.deep.equal([3600, 60, 60]);
  });

  it('without SMSTSRebootDelayNext every restart waits SMSTSRebootDelay', async () => {
    expect(await restarts({ SMSTSRebootDelay: '30' })).to.deep.equal([30, 30, 30]);
  });

  it('SMSTSRebootDelayNext 0 makes the later restarts immediate', async () => {
    expect(await restarts({ SMSTSRebootDelay: '120', SMSTSRebootDelayNext: '0' })).to.deep.equal([120, 0, 0]);
  });
});
