// A run refused before its first step leaves nothing of its own in the state folder (no Logs/,
// state.lock or state.owner it created; what was there stays as it was), and a state.owner left
// by a run that died (its pid no longer holds the folder) is stale: the next run takes the folder
// over and says so; a run that releases the folder removes its state.owner.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from '../../src/bridge/Engine.js';
import { EngineRequestError } from '../../src/bridge/errors.js';
import type { EngineEvent } from '../../src/bridge/protocol.js';
import { startTestEngine } from '../support/engine.js';
import { tempDirectory } from '../support/tempFiles.js';

const one = { name: 'One', steps: [{ type: 'SetTaskSequenceVariable', name: 'Set', variableName: 'X', variableValue: '1' }] };
const restart = { name: 'Restart', steps: [{ type: 'RestartComputer', name: 'Restart', messageTimeout: 0 }, { type: 'SetTaskSequenceVariable', name: 'After', variableName: 'After', variableValue: 'yes' }] };

/** Every entry under `folder`, recursively, sorted (the folder's shape). */
function tree(folder: string): string[] {
  const entries: string[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      entries.push(prefix + entry.name);
      if (entry.isDirectory()) walk(join(dir, entry.name), `${prefix}${entry.name}/`);
    }
  };
  walk(folder, '');
  return entries.sort();
}

/** A process id that was just in use and is not any more. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('a refused run leaves nothing; a stale state.owner is taken over', function () {
  this.timeout(120_000);
  let engine: Engine;
  let count = 0;
  const fresh = () => join(tempDirectory(), `refused-${++count}`);

  before(async () => {
    ({ engine } = await startTestEngine());
  });
  after(async () => {
    await engine?.close();
  });

  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (caught: unknown) => caught as EngineRequestError,
    );

  it('a new state folder of a run refused for its variables is not left behind', async () => {
    const state = fresh();
    const error = await refusal(engine.runSequence(one, { stateDirectory: state, variables: { _SMSTSNotYours: 'x' } }));
    expect(error?.errorId).to.equal('TsSequence.InvalidVariable');
    expect(existsSync(state), existsSync(state) ? tree(state).join(', ') : '').to.equal(false);
  });

  it('an existing empty folder stays empty (no Logs, state.lock or state.owner)', async () => {
    const state = fresh();
    mkdirSync(state, { mode: 0o700 });
    const error = await refusal(engine.runSequence(one, { stateDirectory: state, variables: { _SMSTSNotYours: 'x' } }));
    expect(error?.errorId).to.equal('TsSequence.InvalidVariable');
    expect(tree(state)).to.deep.equal([]);
  });

  it('a folder holding a saved run keeps exactly its files when a new run there is refused', async () => {
    const state = fresh();
    expect((await engine.runSequence(restart, { stateDirectory: state })).status).to.equal('RestartPending');
    const before = tree(state);
    expect(before).to.not.include('state.owner'); // released with the lock
    const error = await refusal(engine.runSequence(one, { stateDirectory: state }));
    expect(error?.errorId).to.equal('TsSequence.StateFolderInUse');
    expect(tree(state)).to.deep.equal(before);
  });

  it('a resume refused for an invalid state adds no state.lock nor Logs', async () => {
    const state = fresh();
    mkdirSync(state, { mode: 0o700 });
    writeFileSync(join(state, 'sequence.json'), 'not json');
    const error = await refusal(engine.resumeSequence({ stateDirectory: state }));
    expect(error?.errorId).to.equal('TsSequence.InvalidState');
    expect(tree(state)).to.deep.equal(['sequence.json']);
  });

  it('a resume finding a state.owner of a dead run takes the folder over, says so, and removes state.owner at the end', async () => {
    const state = fresh();
    expect((await engine.runSequence(restart, { stateDirectory: state })).status).to.equal('RestartPending');
    // As a killed engine leaves it: its pid in state.owner (the OS dropped its lock).
    const pid = deadPid();
    writeFileSync(join(state, 'state.owner'), String(pid));
    const events: EngineEvent[] = [];
    const result = await engine.resumeSequence({ stateDirectory: state, onEvent: (event) => events.push(event) });
    expect(result.status).to.equal('Succeeded');
    const note = `state.owner named pid ${pid}, a run that ended without releasing the folder (it was killed or crashed); the lock was free, so this run takes the folder over.`;
    const logged = events.filter((event) => event.kind === 'log').map((event) => (event as { message: string }).message);
    expect(logged).to.include(note);
    expect(readFileSync(join(state, 'Logs', 'smsts.log'), 'utf8')).to.contain(note);
    expect(existsSync(join(state, 'state.owner'))).to.equal(false);
  });

  it('a run releasing its folder normally leaves no state.owner, so the next resume has nothing to take over', async () => {
    const state = fresh();
    await engine.runSequence(restart, { stateDirectory: state });
    const events: EngineEvent[] = [];
    await engine.resumeSequence({ stateDirectory: state, onEvent: (event) => events.push(event) });
    expect(JSON.stringify(events)).to.not.contain('takes the folder over');
  });
});
