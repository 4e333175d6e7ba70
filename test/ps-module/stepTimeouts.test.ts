// Timeouts always hold: a Run PowerShell Script blocked inside a .NET call and a Run Command Line
// whose shell waits on a background child both fail at a 0.05-minute (3 s) limit, well within
// 5 s, say truthfully what happened, change no variable afterwards, leave no child running, and
// the next step runs normally on the same engine.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from '../../src/bridge/Engine.js';
import { startTestEngine } from '../support/engine.js';
import { tempDirectory } from '../support/tempFiles.js';

// A killed process whose parent died stays a zombie until something reaps it (in a container
// perhaps nothing does): that one is gone too.
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return true;
  }
}

describe('step timeouts hold', function () {
  this.timeout(120_000);
  let engine: Engine;

  before(async () => {
    ({ engine } = await startTestEngine());
  });

  after(async () => {
    await engine?.close();
  });

  for (const [name, call] of [
    ['ManualResetEvent.WaitOne()', '[Threading.ManualResetEvent]::new($false).WaitOne()'],
    ['Thread.Sleep(600000)', '[Threading.Thread]::Sleep(600000)'],
  ]) {
    it(`ends a script blocked in ${name} on time, its variables cut off, and the next step runs`, async () => {
      const result = await engine.runSequence({
        name: 'Blocked',
        steps: [
          {
            type: 'RunPowerShellScript',
            name: 'Blocked',
            timeoutMinutes: 0.05,
            continueOnError: true,
            // Whatever follows the blocking call must not run: neither the variable nor the console line.
            sourceScript: `$tsenv.Value('Before') = 'yes'\ntry { ${call} } catch { }\n$tsenv.Value('After') = 'yes'\n[Console]::WriteLine('after the call')`,
          },
          { type: 'RunPowerShellScript', name: 'Next', sourceScript: "$tsenv.Value('Next') = 'ran'" },
          { type: 'RunPowerShellScript', name: 'Later', sourceScript: 'Start-Sleep -Milliseconds 1500' },
        ],
      });
      const blocked = result.steps.find((step) => step.path === 'Blocked')!;
      expect(blocked.status).to.equal('FailedContinued');
      expect(blocked.exitCode).to.equal(1460);
      expect(blocked.message).to.equal('The script timed out after 0.05 minute(s) while blocked in a .NET call; the call was interrupted and the script stopped.');
      expect(blocked.durationMs).to.be.below(5000);
      expect(result.variables.Before).to.equal('yes');
      expect(result.variables.After).to.equal(undefined);
      expect(result.variables.Next).to.equal('ran');
      expect(result.status).to.equal('Succeeded');
    });
  }

  it('says a script stopped when PowerShell could stop it', async () => {
    const result = await engine.invokeStep({ type: 'RunPowerShellScript', name: 'Loop', timeoutMinutes: 0.05, sourceScript: 'while ($true) { Start-Sleep -Milliseconds 100 }' });
    expect(result.exitCode).to.equal(1460);
    expect(result.message).to.equal('The script timed out after 0.05 minute(s) and was stopped.');
    expect(result.durationMs).to.be.below(5000);
  });

  it("kills a command line's whole process tree at its timeout, a background child too", async () => {
    const pidFile = join(tempDirectory(), 'background.pid');
    const result = await engine.runSequence({
      name: 'Tree',
      steps: [
        { type: 'RunCommandLine', name: 'Sleeps', timeoutMinutes: 0.05, continueOnError: true, commandLine: `sh -c 'sleep 100 & echo $! > "${pidFile}"; sleep 100'` },
        { type: 'RunCommandLine', name: 'Next', commandLine: 'echo next', outputVariableName: 'Next' },
      ],
    });
    const sleeps = result.steps.find((step) => step.path === 'Sleeps')!;
    expect(sleeps.exitCode).to.equal(1460);
    expect(sleeps.message).to.equal('The command line timed out after 0.05 minute(s); its process tree was terminated.');
    expect(sleeps.durationMs).to.be.below(5000);
    expect(alive(Number(readFileSync(pidFile, 'utf8').trim()))).to.equal(false);
    expect(result.variables.Next).to.equal('next');
  });
});
