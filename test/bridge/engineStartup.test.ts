// Start-up failures, with programs that are not PowerShell at all: the bridge must say which
// command it ran and what it printed, instead of hanging or failing without context.
import { expect } from 'chai';
import { chmodSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Engine } from '../../src/bridge/Engine.js';
import { EngineUnavailableError } from '../../src/bridge/errors.js';
import { writeTempFile } from '../support/tempFiles.js';

function socketFilesOfThisProcess(): string[] {
  return readdirSync(tmpdir()).filter((name) => name.startsWith(`tsseq-${process.pid}-`));
}

describe('Engine.start failures', function () {
  if (process.platform === 'win32') return;

  it('reports the exit code, the command and the stderr of a host that exits at once', async () => {
    const host = writeTempFile('exits.sh', '#!/bin/sh\necho "no such option: $1" >&2\nexit 3\n');
    chmodSync(host, 0o755);
    const error = await Engine.start({ engine: host }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(EngineUnavailableError);
    const message = (error as Error).message;
    expect(message).to.include('exited with code 3 before it was ready');
    expect(message).to.include(host);
    expect(message).to.include('-File');
    expect(message).to.match(/Engine stderr \(last lines\):\nno such option: -NoLogo/);
    expect(socketFilesOfThisProcess()).to.deep.equal([]);
  });

  it('times out when the host never connects, naming the command', async () => {
    const host = writeTempFile('silent.sh', '#!/bin/sh\necho starting >&2\nexec sleep 30\n');
    chmodSync(host, 0o755);
    const started = Date.now();
    const error = await Engine.start({ engine: host, startTimeoutMs: 1500 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((error as Error).message).to.match(/did not connect within 2 s: .*silent\.sh.*\nEngine stderr \(last lines\):\nstarting/s);
    expect(Date.now() - started).to.be.below(5000);
    expect(socketFilesOfThisProcess()).to.deep.equal([]);
  });
});
