// smsts.log of a run cancelled from Node (AbortSignal): the stopped step's lines say it was
// cancelled, never that it timed out (it had no time limit; a cancel ends the step's wait as a
// timeout would, and the runners used to report every early end as a timeout).
import { expect } from 'chai';
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from '../../src/bridge/Engine.js';
import { EngineAbortError } from '../../src/bridge/errors.js';
import { startTestEngine } from '../support/engine.js';
import { tempDirectory } from '../support/tempFiles.js';

describe('a cancelled step is logged as cancelled, not timed out (real engine)', function () {
  this.timeout(120_000);
  let engine: Engine;

  before(async () => {
    ({ engine } = await startTestEngine());
  });
  after(async () => {
    await engine?.close();
  });

  const steps = {
    command: { type: 'RunCommandLine', name: 'Slow command', commandLine: process.platform === 'win32' ? 'ping -n 60 127.0.0.1' : 'sleep 60' },
    script: { type: 'RunPowerShellScript', name: 'Slow script', sourceScript: 'Start-Sleep -Seconds 60' },
  };

  for (const [kind, step] of Object.entries(steps)) {
    it(`a ${kind} step stopped by an abort`, async () => {
      const logPath = join(mkdtempSync(join(tempDirectory(), 'cancel-log-')), 'smsts.log');
      const controller = new AbortController();
      const running = engine.runSequence({ name: 'Cancelled', steps: [step] }, { signal: controller.signal, noState: true, logPath });
      setTimeout(() => controller.abort(), 1500);
      const error = await running.then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).to.be.instanceOf(EngineAbortError);
      // The engine answers the abort once the step is stopped and the log closed.
      const log = readFileSync(logPath, 'utf8');
      expect(log).to.match(/was cancelled \(the run's caller aborted the request or went away\)/);
      expect(log).to.not.match(/timed out/i);
      expect(await engine.ping()).to.equal(true);
    });
  }
});
