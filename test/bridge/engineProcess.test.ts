import { expect } from 'chai';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { killProcessTree, stderrSuffix } from '../../src/bridge/engineProcess.js';
import { isRunning, waitUntil } from '../support/processes.js';
import { tempDirectory } from '../support/tempFiles.js';

describe('stderrSuffix (what error messages quote of the engine stderr)', () => {
  it('quotes a short stderr whole, and nothing for an empty one', () => {
    expect(stderrSuffix('  \n')).to.equal('');
    expect(stderrSuffix('one\r\ntwo\n')).to.equal('\nEngine stderr (last lines):\none\ntwo');
  });

  it('keeps only the last 20 lines', () => {
    const lines = Array.from({ length: 50 }, (_, i) => `line ${i + 1}`);
    const suffix = stderrSuffix(lines.join('\n'));
    expect(suffix).to.equal(`\nEngine stderr (last lines):\n…${lines.slice(30).join('\n')}`);
  });

  it('keeps at most 2000 characters, never half a character', () => {
    const suffix = stderrSuffix(`start\n${'😀'.repeat(3000)}`);
    const tail = suffix.slice(suffix.indexOf('…') + 1);
    expect(tail.length).to.be.at.most(2000);
    expect(tail.length).to.be.at.least(1990);
    expect(tail).not.to.include('start');
    expect((tail as string & { isWellFormed(): boolean }).isWellFormed()).to.equal(true);
  });
});

describe('killProcessTree after the engine exited (Unix)', function () {
  this.timeout(30_000);
  before(function () {
    if (process.platform === 'win32') this.skip();
  });

  it('does not signal a process that now holds the exited engine\'s pid as its own group', async () => {
    // A stranger that leads its own group: what a recycled pid looks like (any detached spawn).
    const stranger = spawn('sleep', ['30'], { detached: true, stdio: 'ignore' });
    try {
      const exitedEngine = { pid: stranger.pid, exitCode: 0, signalCode: null, kill: () => true };
      killProcessTree(exitedEngine);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(isRunning(stranger.pid!)).to.equal(true);
    } finally {
      stranger.kill('SIGKILL');
    }
  });

  it('still kills what the engine started when the engine itself has exited (its group lives on)', async () => {
    const folder = mkdtempSync(join(tempDirectory(), 'kill-tree-'));
    const pidFile = join(folder, 'pid');
    const engine = spawn('sh', ['-c', `sleep 30 & echo $! > '${pidFile}'; exit 0`], { detached: true, stdio: 'ignore' });
    await new Promise((resolve) => engine.once('exit', resolve));
    const sleeper = Number(readFileSync(pidFile, 'utf8').trim());
    expect(isRunning(sleeper)).to.equal(true);
    killProcessTree(engine);
    expect(await waitUntil(() => !isRunning(sleeper), 5000)).to.equal(true);
    rmSync(folder, { recursive: true, force: true });
  });

  it('never throws: a pid with nothing behind it, an empty group, no pid at all', () => {
    const gone = spawnSync('true').pid!;
    expect(() => killProcessTree({ pid: gone, exitCode: 0, signalCode: null, kill: () => false })).to.not.throw();
    expect(() => killProcessTree({ pid: gone, exitCode: null, signalCode: null, kill: () => { throw new Error('ESRCH'); } })).to.not.throw();
    expect(() => killProcessTree({ pid: undefined, exitCode: null, signalCode: null, kill: () => false })).to.not.throw();
  });
});
