// `tsseq run -v x.json | head -1`: once the reader is gone the CLI stops the run and exits 141
// (128 + SIGPIPE, as a shell tool would), quietly, instead of dying on an EPIPE stack trace.
// The reader here closes the pipe after the first line, and only then lets the step go on
// printing, so the write into the closed pipe is certain. Real CLI, real engine.
import { expect } from 'chai';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { paths } from '../../src/bridge/paths.js';
import { ExitCode } from '../../src/cli/exitCodes.js';
import { cliPath } from '../support/cli.js';
import { testEngineChoice } from '../support/engine.js';
import { tempDirectory } from '../support/tempFiles.js';

describe('a closed stdout (| head -1)', function () {
  this.timeout(120_000);

  it('run -v exits 141 without a stack trace and the rest of the run does not happen', async function () {
    if (process.platform === 'win32') this.skip();
    const folder = join(tempDirectory(), 'broken-pipe');
    mkdirSync(folder, { recursive: true });
    const go = join(folder, 'go');
    const after = join(folder, 'after');
    const file = join(folder, 'pipe.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'Pipe',
        steps: [
          { type: 'RunCommandLine', name: 'Talk', commandLine: `echo first; while [ ! -e '${go}' ]; do sleep 0.1; done; for i in 1 2 3 4 5; do echo more; sleep 0.2; done` },
          { type: 'RunCommandLine', name: 'After', commandLine: `touch '${after}'` },
        ],
      }),
    );
    const child = spawn(process.execPath, [cliPath, 'run', '-v', '--no-state', file], { env: { ...process.env, TSSEQ_ENGINE: testEngineChoice }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
    let seen = '';
    await new Promise<void>((resolve) => {
      child.stdout.setEncoding('utf8').on('data', (text: string) => {
        seen += text;
        if (seen.includes('\n')) resolve();
      });
    });
    child.stdout.destroy(); // what head does after its line
    writeFileSync(go, '');
    expect(await exited, stderr).to.equal(ExitCode.BrokenPipe);
    expect(stderr).not.to.contain('EPIPE');
    expect(stderr).not.to.match(/^\s+at /m);
    expect(existsSync(after), 'the run was stopped').to.equal(false);
  });

  it('a stdout that cannot be written (/dev/full) exits 74 with one line on stderr, never a stack trace', async function () {
    if (process.platform !== 'linux') this.skip(); // /dev/full is Linux's
    const full = openSync('/dev/full', 'w');
    try {
      for (const args of [['--version'], ['run', join(paths.root, 'examples', 'hello.json'), '--engine', testEngineChoice, '--no-state']]) {
        const child = spawnSync(process.execPath, [cliPath, ...args], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8', timeout: 120_000 });
        expect(child.status, `${args[0]}: ${child.stderr}`).to.equal(ExitCode.OutputFailed);
        expect(child.stderr).to.equal('tsseq: cannot write the output (ENOSPC); the run was stopped.\n');
      }
    } finally {
      closeSync(full);
    }
  });
});
