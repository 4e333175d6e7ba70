// One run per state folder at a time: a running run holds its folder's lock, so a resume or a
// new run there from another process (another engine, the CLI) is refused with
// StateFolderInUse (exit 2) instead of running the same steps twice; once the run ends, resume works.
import { expect } from 'chai';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from '../../src/bridge/Engine.js';
import { EngineRequestError } from '../../src/bridge/errors.js';
import { runCli } from '../support/cli.js';
import { startTestEngine } from '../support/engine.js';
import { tempDirectory } from '../support/tempFiles.js';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('state folder lock', function () {
  this.timeout(120_000);
  let first: Engine;
  let second: Engine;
  before(async function () {
    if (process.platform === 'win32') this.skip(); // the waiting step uses sh
    [{ engine: first }, { engine: second }] = await Promise.all([startTestEngine(), startTestEngine()]);
  });
  after(async function () {
    await Promise.all([first?.close(), second?.close()]);
  });

  it('refuses a resume and a new run in the folder of a run still running in another process; resume works once it ended', async function () {
    const root = tempDirectory();
    const state = join(root, 'locked-state');
    const started = join(root, 'started');
    const go = join(root, 'go');
    const document = {
      name: 'lock',
      variables: { Started: started, Go: go },
      steps: [
        { type: 'RunCommandLine', name: 'Wait', commandLine: 'touch "%Started%"; while [ ! -f "%Go%" ]; do sleep 0.05; done' },
        { type: 'SetTaskSequenceVariable', name: 'After', variableName: 'After', variableValue: 'yes' },
      ],
    };
    const running = first.runSequence(document, { stateDirectory: state });
    while (!existsSync(started)) await sleep(20);

    const resumed = await second.resumeSequence({ stateDirectory: state }).catch((error: Error) => error);
    expect(resumed).to.be.instanceOf(EngineRequestError);
    expect((resumed as EngineRequestError).errorId?.toLowerCase()).to.contain('statefolderinuse');
    expect((resumed as Error).message).to.match(/The run in '.*locked-state' is still running in another process \(pid \d+\); nothing was run/);
    const again = await second.runSequence(document, { stateDirectory: state }).catch((error: Error) => error);
    expect((again as EngineRequestError).errorId?.toLowerCase()).to.contain('statefolderinuse');
    expect((again as Error).message).to.contain('is still running in another process');
    const cli = await runCli(['resume', '--state-dir', state]);
    expect(cli.code, cli.stderr).to.equal(2);
    expect(cli.stderr).to.contain('is still running in another process');

    writeFileSync(go, '');
    expect((await running).status).to.equal('Succeeded');
    const done = await second.resumeSequence({ stateDirectory: state });
    expect(done).to.deep.include({ status: 'Succeeded', exitCode: 0 });
    expect(done.variables.After).to.equal('yes');
  });
});
