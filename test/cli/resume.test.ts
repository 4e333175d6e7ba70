// tsseq run --state-dir / tsseq resume through the real engine and the CLI as a user runs them.
import { expect } from 'chai';
import { join } from 'node:path';
import type { ResultDocument } from '../../src/bridge/protocol.js';
import { runCli } from '../support/cli.js';
import { tempDirectory } from '../support/tempFiles.js';

// 3010 is the exit code; a Unix exit status has 8 bits, so the shell sees 3010 mod 256 = 194.
const RESTART_PENDING = process.platform === 'win32' ? 3010 : 3010 & 0xff;

describe('tsseq resume', function () {
  this.timeout(120_000);

  it('run exits 3010 at a Restart Computer step; resume finishes the run (exit 0); resuming again says it finished', async () => {
    const state = join(tempDirectory(), 'cli-state');
    const run = await runCli(['run', 'examples/restart.json', '--state-dir', state]);
    expect(run.code, run.stderr).to.equal(RESTART_PENDING);
    expect(run.stderr).to.include(`tsseq: state folder: ${state}\n`);
    expect(run.stdout).to.match(/RestartPending \(exit code 3010\)/);

    const resumed = await runCli(['resume', '--state-dir', state]);
    expect(resumed.code, resumed.stderr).to.equal(0);
    // The summary places the steps with the saved document: its title and every step.
    expect(resumed.stdout).to.match(/^Sequence: Restart and resume$/m);
    expect(resumed.stdout).to.match(/^After the restart\s+Succeeded\s+exit 0/m);

    const again = await runCli(['resume', '--state-dir', state, '--json']);
    expect(again.code, again.stderr).to.equal(0);
    expect(again.stderr).to.include('already finished (Succeeded); nothing was run again');
    const result = JSON.parse(again.stdout) as ResultDocument & { outline?: unknown };
    expect(result).not.to.have.property('outline');
    expect(result.steps.map((s) => s.path)).to.deep.equal(['Before the restart', 'Restart', 'After the restart']);
    expect(result.variables.Resumed).to.equal('resumed after the restart, phase before');
  });

  it('a missing state folder is invalid input (exit 2) naming it', async () => {
    const missing = join(tempDirectory(), 'no-such-state');
    const result = await runCli(['resume', '--state-dir', missing]);
    expect(result.code).to.equal(2);
    expect(result.stderr).to.include(`Cannot resume from '${missing}': the state folder does not exist`);
  });
});
