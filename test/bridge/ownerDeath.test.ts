// The engine dies with its owner: when the Node process that started it is SIGKILLed mid-step, the
// engine stops the running step (its command's process tree, background children included), runs
// no later step and exits, within 2 s. Also when its parent dies while the socket stays open.
import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isRunning, waitUntil } from '../support/processes.js';
import { tempDirectory } from '../support/tempFiles.js';
import { cliPath } from '../support/cli.js';
import { testEngineChoice } from '../support/engine.js';

const engineModule = fileURLToPath(new URL('../../src/bridge/Engine.js', import.meta.url));

/** The step's command: its shell's pid, its parent's (the engine), a background child, then a long sleep. */
function sleepingStep(folder: string, name: string) {
  return {
    type: 'RunCommandLine',
    name,
    commandLine: `echo $PPID > '${folder}/${name}.engine'; echo $$ > '${folder}/${name}.pid'; sleep 30 & echo $! > '${folder}/${name}.bg'; sleep 30; touch '${folder}/${name}.done'`,
  };
}

/** A Node owner: starts an engine, prints its pid, runs a long sequence of sleeping commands. */
function startOwner(folder: string, holdSocketOpen: boolean): ChildProcess {
  const script = join(folder, 'owner.mjs');
  const step = (name: string) => sleepingStep(folder, name);
  writeFileSync(
    script,
    `import { spawn } from 'node:child_process';
import { Engine } from ${JSON.stringify(engineModule)};
const engine = await Engine.start({ engine: ${JSON.stringify(testEngineChoice)} });
if (${holdSocketOpen}) {
  // A process of our own keeps the socket open after we die: only the parent watch can tell.
  spawn('sleep', ['30'], { stdio: ['ignore', 'ignore', 'ignore', engine.socket], detached: true }).unref();
}
process.stdout.write(String(engine.pid) + '\\n');
await engine.runSequence(${JSON.stringify({ name: 'Long', steps: [step('first'), step('second'), step('third')] })}, { noState: true });
`,
  );
  return spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
}

async function enginePidOf(owner: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let text = '';
    owner.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) resolve(Number(text.trim()));
    });
    owner.once('exit', (code) => reject(new Error(`the owner exited (${code}) before printing the engine pid`)));
  });
}

describe('the engine dies with its owner (real engine)', function () {
  if (process.platform === 'win32') return;
  this.timeout(120_000);

  for (const holdSocketOpen of [false, true]) {
    const how = holdSocketOpen ? 'its parent ends while another process keeps the socket open' : 'its Node owner is SIGKILLed (socket EOF)';
    it(`stops the running step, its children and itself within 2 s, running no later step, when ${how}`, async () => {
      const folder = mkdtempSync(join(tempDirectory(), 'owner-'));
      const owner = startOwner(folder, holdSocketOpen);
      let enginePid: number | undefined;
      try {
        enginePid = await enginePidOf(owner);
        expect(await waitUntil(() => existsSync(join(folder, 'first.bg')), 30_000), 'the first step started').to.equal(true);
        const shell = Number(readFileSync(join(folder, 'first.pid'), 'utf8'));
        const background = Number(readFileSync(join(folder, 'first.bg'), 'utf8'));
        expect(isRunning(shell) && isRunning(background)).to.equal(true);
        owner.kill('SIGKILL');
        const gone = await waitUntil(() => !isRunning(enginePid!) && !isRunning(shell) && !isRunning(background), 2000);
        expect(gone, `engine ${isRunning(enginePid)}, shell ${isRunning(shell)}, background ${isRunning(background)} still running`).to.equal(true);
        await new Promise((resolve) => setTimeout(resolve, 500));
        for (const marker of ['first.done', 'second.pid', 'third.pid']) expect(existsSync(join(folder, marker)), marker).to.equal(false);
      } finally {
        owner.kill('SIGKILL');
        if (enginePid && isRunning(enginePid)) process.kill(-enginePid, 'SIGKILL');
      }
    });
  }

  it('stops when `tsseq run` gets SIGHUP (its terminal went away), within 2 s, running no later step', async () => {
    const folder = mkdtempSync(join(tempDirectory(), 'hup-'));
    const file = join(folder, 'long.json');
    writeFileSync(file, JSON.stringify({ name: 'Long', steps: [sleepingStep(folder, 'first'), sleepingStep(folder, 'second')] }));
    const cli = spawn(process.execPath, [cliPath, 'run', file, '--no-state'], {
      env: { ...process.env, TSSEQ_ENGINE: testEngineChoice },
      stdio: 'ignore',
    });
    let enginePid: number | undefined;
    try {
      expect(await waitUntil(() => existsSync(join(folder, 'first.bg')), 30_000), 'the first step started').to.equal(true);
      enginePid = Number(readFileSync(join(folder, 'first.engine'), 'utf8'));
      const shell = Number(readFileSync(join(folder, 'first.pid'), 'utf8'));
      const background = Number(readFileSync(join(folder, 'first.bg'), 'utf8'));
      cli.kill('SIGHUP');
      const gone = await waitUntil(() => !isRunning(enginePid!) && !isRunning(shell) && !isRunning(background), 2000);
      expect(gone, `engine ${isRunning(enginePid)}, shell ${isRunning(shell)}, background ${isRunning(background)} still running`).to.equal(true);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(existsSync(join(folder, 'first.done'))).to.equal(false);
      expect(existsSync(join(folder, 'second.pid')), 'no later step ran').to.equal(false);
    } finally {
      cli.kill('SIGKILL');
      if (enginePid && isRunning(enginePid)) process.kill(-enginePid, 'SIGKILL');
    }
  });
});
