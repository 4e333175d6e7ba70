// Crash recovery (spec 4): the whole run (the CLI process tree) is
// SIGKILLed at 20 random moments of a 30-step sequence (node and
// its engine, which runs in a process group of its own, stopped and killed together). Every time the state file parses,
// resume completes the run, and no step the state recorded as completed runs again: only the
// step that was in progress may run twice (its retryCount allows one retry).
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from '../../src/bridge/Engine.js';
import { cliPath } from '../support/cli.js';
import { startTestEngine, testEngineChoice } from '../support/engine.js';
import { tempDirectory, writeTempFile } from '../support/tempFiles.js';
import { paths } from '../../src/bridge/paths.js';

const STEPS = 30;
const KILLS = 20;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** The process and all its descendants (Linux /proc): the CLI starts its engine in a process group of its own. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

/**
 * Whether any thread of the process is still exiting or running: a multithreaded process's
 * main thread turns zombie before the others finish exiting, and its files (the state folder's
 * lock) are only closed when the last one has.
 */
const alive = (pid: number) => {
  try {
    return readdirSync(`/proc/${pid}/task`).some((task) => {
      try {
        return !/\) [ZX] /.test(readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8'));
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
};

/** SIGKILLs the whole run at one moment (every process of the tree stopped first), and waits until all are gone. */
async function killRun(root: number): Promise<void> {
  const tree = processTree(root);
  for (const pid of tree) try { process.kill(pid, 'SIGSTOP'); } catch { /* exited */ }
  const stopped = [...new Set([...tree, ...processTree(root)])];
  for (const pid of stopped) try { process.kill(pid, 'SIGKILL'); } catch { /* exited */ }
  while (stopped.some(alive)) await sleep(10);
}

describe('crash recovery', function () {
  this.timeout(300_000);
  let engine: Engine;
  before(async function () {
    if (process.platform === 'win32') this.skip(); // process groups and sh steps
    ({ engine } = await startTestEngine());
  });
  after(async function () {
    await engine?.close();
  });

  interface SavedState {
    inProgress: number | null;
    resultsLength: number;
  }

  /** The settled result entries the state names: the journal's first resultsLength bytes (a torn tail past them is ignored). */
  function savedResults(state: string, saved: SavedState): Array<{ path: string; status: string }> {
    if (saved.resultsLength === 0) return [];
    const valid = readFileSync(join(state, 'results.jsonl')).subarray(0, saved.resultsLength).toString('utf8');
    expect(valid.endsWith('\n'), 'the valid part of the journal ends with a whole line').to.equal(true);
    return valid.trimEnd().split('\n').map((line) => (JSON.parse(line) as { e: { path: string; status: string } }).e); // always parses
  }

  it(`resumes a ${STEPS}-step run killed at ${KILLS} random moments, never re-running a completed step`, async function () {
    let killedMidRun = 0;
    for (let attempt = 0; killedMidRun < KILLS && attempt < KILLS * 3; attempt++) {
      const state = join(tempDirectory(), `crash-${attempt}`);
      const journal = join(tempDirectory(), `crash-${attempt}.txt`);
      const steps = Array.from({ length: STEPS }, (_, i) => ({ type: 'RunCommandLine', name: `S${i}`, retryCount: 1, commandLine: `sleep 0.02; echo S${i} >> "%Journal%"` }));
      const file = writeTempFile('crash.json', { name: 'crash', variables: { Journal: journal }, steps });
      const child = spawn(process.execPath, [cliPath, 'run', file, '--state-dir', state], {
        cwd: paths.root,
        env: { ...process.env, TSSEQ_ENGINE: testEngineChoice },
        stdio: 'ignore',
      });
      const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
      let running = true;
      void exited.then(() => (running = false));
      while (running && !existsSync(join(state, 'state.json'))) await sleep(5);
      await sleep(Math.random() * 900);
      if (!running) continue; // it finished first: not a crash, try another moment
      await killRun(child.pid!);
      await exited;
      killedMidRun++;

      const saved = JSON.parse(readFileSync(join(state, 'state.json'), 'utf8')) as SavedState; // always parses
      const completed = savedResults(state, saved).filter((r) => r.status === 'Succeeded').map((r) => r.path);
      const result = await engine.resumeSequence({ stateDirectory: state });
      expect(result.status, `attempt ${attempt}`).to.equal('Succeeded');
      expect(result.steps.map((s) => `${s.path}=${s.status}`)).to.deep.equal(steps.map((s) => `${s.name}=Succeeded`));
      const lines = readFileSync(journal, 'utf8').trim().split('\n');
      for (let i = 0; i < STEPS; i++) {
        const runs = lines.filter((line) => line === `S${i}`).length;
        if (completed.includes(`S${i}`)) expect(runs, `S${i} completed before the kill (attempt ${attempt})`).to.equal(1);
        else expect(runs, `S${i} (attempt ${attempt}, in progress: ${saved.inProgress})`).to.be.within(1, i === saved.inProgress ? 2 : 1);
      }
    }
    expect(killedMidRun).to.equal(KILLS);
  });

  it('a step killed mid-run without retryCount fails with "restarted unexpectedly", and the failure rules apply', async function () {
    const state = join(tempDirectory(), 'crash-no-retry');
    const file = writeTempFile('crash-no-retry.json', {
      name: 'no retry',
      steps: [
        { type: 'Group', name: 'G', continueOnError: true, steps: [{ type: 'RunCommandLine', name: 'Long', commandLine: 'sleep 30' }, { type: 'RunCommandLine', name: 'Next', commandLine: 'true' }] },
        { type: 'RunCommandLine', name: 'After', commandLine: 'true' },
      ],
    });
    const child = spawn(process.execPath, [cliPath, 'run', file, '--state-dir', state], { cwd: paths.root, env: { ...process.env, TSSEQ_ENGINE: testEngineChoice }, stdio: 'ignore' });
    const exited = new Promise((done) => child.once('exit', done));
    const inProgress = () => existsSync(join(state, 'state.json')) && (JSON.parse(readFileSync(join(state, 'state.json'), 'utf8')) as SavedState).inProgress === 1;
    while (!inProgress()) await sleep(20);
    await killRun(child.pid!);
    await exited;
    const result = await engine.resumeSequence({ stateDirectory: state });
    expect(result.steps.map((s) => `${s.path}=${s.status}`)).to.deep.equal(['G=FailedContinued', 'G/Long=Failed', 'G/Next=Skipped', 'After=Succeeded']);
    expect(result.steps[1]!.message).to.equal('The computer restarted unexpectedly during this step.');
    expect(result.status).to.equal('Succeeded');
  });
});
