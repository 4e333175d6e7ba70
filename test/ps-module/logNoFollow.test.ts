// smsts.log is opened without following a symbolic link at its path, in one open(2) checked
// through its descriptor: a link planted at the log path (to a file, dangling, or swapped in
// while runs start) is refused with LogUnavailable naming the path, and what it points to is
// never written, created or made private.
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from '../../src/bridge/Engine.js';
import { EngineRequestError } from '../../src/bridge/errors.js';
import { startTestEngine } from '../support/engine.js';
import { tempDirectory } from '../support/tempFiles.js';

const sequence = { name: 'Logged', steps: [{ type: 'SetTaskSequenceVariable', name: 'Set', variableName: 'X', variableValue: '1' }] };

describe('smsts.log never follows a symbolic link at its path', function () {
  this.timeout(120_000);
  let engine: Engine;
  let folder: string;

  before(async function () {
    if (process.platform === 'win32') this.skip();
    folder = join(tempDirectory(), 'log-nofollow');
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    ({ engine } = await startTestEngine());
  });

  after(async () => {
    await engine?.close();
  });

  const refusal = (logPath: string) =>
    engine.runSequence(sequence, { logPath }).then(
      () => undefined,
      (caught: unknown) => caught as EngineRequestError,
    );

  it('refuses a link to a file, naming the path, and leaves the file as it was', async () => {
    const target = join(folder, 'target.txt');
    writeFileSync(target, 'precious\n', { mode: 0o644 });
    const logPath = join(folder, 'linked.log');
    symlinkSync(target, logPath);
    const error = await refusal(logPath);
    expect(error).to.be.instanceOf(EngineRequestError);
    expect(error!.errorId).to.equal('TsSequence.LogUnavailable');
    expect(error!.message).to.contain(logPath).and.to.contain('is a symbolic link');
    expect(readFileSync(target, 'utf8')).to.equal('precious\n');
    expect(statSync(target).mode & 0o777).to.equal(0o644);
    expect(lstatSync(logPath).isSymbolicLink()).to.equal(true);
  });

  it('refuses a dangling link without creating what it points to', async () => {
    const target = join(folder, 'would-be-created.txt');
    const logPath = join(folder, 'dangling.log');
    symlinkSync(target, logPath);
    const error = await refusal(logPath);
    expect(error?.errorId).to.equal('TsSequence.LogUnavailable');
    expect(error!.message).to.contain('is a symbolic link');
    expect(existsSync(target)).to.equal(false);
  });

  it('refuses a FIFO at the log path at once instead of hanging', async () => {
    const logPath = join(folder, 'fifo.log');
    const made = spawn('mkfifo', [logPath]);
    await new Promise((done) => made.on('exit', done));
    if (!existsSync(logPath)) return; // no mkfifo here
    const error = await refusal(logPath);
    expect(error?.errorId).to.equal('TsSequence.LogUnavailable');
    expect(error!.message).to.contain('FIFO');
  });

  it('never writes the target while the path is swapped between a file and a link as runs start (the check and the open are one)', async () => {
    const target = join(folder, 'swap-target.txt');
    writeFileSync(target, 'untouched\n', { mode: 0o644 });
    const logPath = join(folder, 'swapped.log');
    // Another process swaps the path as fast as it can: a fresh regular file, then a link to the target.
    const swapper = spawn(
      process.execPath,
      [
        '-e',
        `const fs = require('fs'); const [log, target] = process.argv.slice(1); let i = 0;
         for (;;) { const f = log + '.f' + i, l = log + '.l' + i; i++;
           try { fs.writeFileSync(f, ''); fs.renameSync(f, log); fs.symlinkSync(target, l); fs.renameSync(l, log); } catch {} }`,
        logPath,
        target,
      ],
      { stdio: 'ignore' },
    );
    try {
      let refused = 0;
      let ran = 0;
      for (let i = 0; i < 40; i++) {
        const error = await refusal(logPath);
        if (error) {
          expect(error.errorId, error.message).to.equal('TsSequence.LogUnavailable');
          refused++;
        } else ran++;
      }
      expect(refused + ran).to.equal(40);
    } finally {
      swapper.kill('SIGKILL');
      await new Promise((done) => swapper.on('exit', done));
    }
    expect(readFileSync(target, 'utf8')).to.equal('untouched\n');
    expect(statSync(target).mode & 0o777).to.equal(0o644);
    rmSync(logPath, { force: true });
  });
});
