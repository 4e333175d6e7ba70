// The state folder (the run folder, _SMSTSMDataPath): private files, secrets never in plain
// text, what-if saves nothing, and a resume refuses what it cannot trust, naming the file.
import { expect } from 'chai';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from '../../src/bridge/Engine.js';
import { runCli } from '../support/cli.js';
import { startTestEngine } from '../support/engine.js';
import { tempDirectory, writeTempFile } from '../support/tempFiles.js';

const unix = process.platform !== 'win32';
const SECRET = 'Zebra-Quartz-91823-secret';

describe('state folder', function () {
  this.timeout(120_000);
  let engine: Engine;
  before(async function () {
    ({ engine } = await startTestEngine());
  });
  after(async function () {
    await engine?.close();
  });

  let count = 0;
  const folder = () => join(tempDirectory(), `state-${++count}`);
  const restartAfter = (steps: unknown[] = []) => ({ name: 'state', steps: [...steps, { type: 'RestartComputer', name: 'Restart', messageTimeout: 0 }, { type: 'SetTaskSequenceVariable', name: 'After', variableName: 'After', variableValue: 'yes' }] });
  const everyFile = (root: string): string[] =>
    readdirSync(root, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? everyFile(join(root, entry.name)) : [join(root, entry.name)]));

  it('is private: 0700 folders and 0600 files', async function () {
    if (!unix) this.skip();
    const state = folder();
    await engine.runSequence(restartAfter(), { stateDirectory: state });
    expect(statSync(state).mode & 0o777).to.equal(0o700);
    expect(statSync(join(state, 'Logs')).mode & 0o777).to.equal(0o700);
    const files = everyFile(state);
    expect(files.map((f) => f.slice(state.length + 1))).to.include.members(['sequence.json', 'state.json', 'state.key']);
    for (const file of files) expect(statSync(file).mode & 0o777, file).to.equal(0o600);
  });

  it('holds no secret value in plain text: secret variables, step-set secrets and the document are sealed', async function () {
    const state = folder();
    const document = restartAfter([
      { type: 'SetTaskSequenceVariable', name: 'Hide', variableName: 'Token', variableValue: SECRET, doNotShowVariableValue: true },
      { type: 'SetTaskSequenceVariable', name: 'Copy', variableName: 'Copy', variableValue: 'copy of %Token%' },
    ]);
    const first = await engine.runSequence(document, { stateDirectory: state, variables: { Password: `${SECRET}-2` }, secrets: ['Password'] });
    expect(first.status).to.equal('RestartPending');
    for (const file of everyFile(state)) {
      const bytes = readFileSync(file);
      expect(bytes.includes(Buffer.from(SECRET)), file).to.equal(false);
      expect(bytes.includes(Buffer.from(SECRET, 'utf16le')), file).to.equal(false);
    }
    // ...and the resumed run still has the values, and still masks them.
    const last = await engine.resumeSequence({ stateDirectory: state });
    expect(last.variables).to.include({ Token: '********', Password: '********', Copy: 'copy of ********', After: 'yes' });
  });

  it('saves nothing with noState (a restart still ends the run RestartPending), and refuses noState with a state folder', async function () {
    const result = await engine.runSequence(restartAfter(), { noState: true });
    expect(result.status).to.equal('RestartPending');
    const runFolder = result.variables._SMSTSMDataPath!;
    const names = (root: string) => (existsSync(root) ? everyFile(root).map((file) => file.slice(root.length + 1)) : []);
    for (const name of ['sequence.json', 'state.json', 'results.jsonl', 'state.key']) expect(names(runFolder)).to.not.include(name);
    const refused = await engine.runSequence(restartAfter(), { noState: true, stateDirectory: folder() }).catch((error: Error) => error);
    expect(refused).to.be.instanceOf(Error);
    expect((refused as Error).message).to.contain('cannot have a state folder');
  });

  it('creates nothing in a what-if run: neither the state folder given nor a default run folder', async function () {
    const state = folder();
    const given = await engine.runSequence(restartAfter(), { stateDirectory: state, whatIf: true });
    expect(given.variables._SMSTSMDataPath).to.equal(state);
    expect(existsSync(state), state).to.equal(false);
    const defaulted = await engine.runSequence(restartAfter(), { whatIf: true });
    expect(defaulted.variables._SMSTSMDataPath).to.match(/runs/);
    expect(existsSync(defaulted.variables._SMSTSMDataPath!), defaulted.variables._SMSTSMDataPath).to.equal(false);
  });

  it('tsseq names the state folder once, with -v too', async function () {
    for (const verbose of [[], ['-v']]) {
      const state = folder();
      const cli = await runCli(['run', 'examples/restart.json', '--state-dir', state, ...verbose]);
      expect(cli.code, cli.stderr).to.equal(unix ? 3010 % 256 : 3010); // RestartPending
      const naming = `${cli.stdout}\n${cli.stderr}`.split('\n').filter((line) => /state folder: /i.test(line));
      expect(naming, verbose.join(' ')).to.deep.equal([verbose.length ? `State folder: ${state}` : `tsseq: state folder: ${state}`]);
    }
  });

  it('refuses a state folder others can read, and one that holds a run already', async function () {
    if (!unix) this.skip();
    const open = folder();
    mkdirSync(open, { mode: 0o755 });
    chmodSync(open, 0o755);
    const refused = await engine.runSequence(restartAfter(), { stateDirectory: open }).catch((e: Error) => e);
    expect(String(refused)).to.match(/is not private \(mode 755\).*chmod 700/);
    const used = folder();
    await engine.runSequence(restartAfter(), { stateDirectory: used });
    const again = await engine.runSequence(restartAfter(), { stateDirectory: used }).catch((e: Error) => e);
    expect(String(again)).to.match(/holds a saved run already; nothing was run/);
  });

  it('resuming a finished run says so and returns its result, running nothing', async function () {
    const state = folder();
    await engine.runSequence(restartAfter(), { stateDirectory: state });
    const done = await engine.resumeSequence({ stateDirectory: state });
    expect(done.status).to.equal('Succeeded');
    const events: Array<{ kind: string; message?: string }> = [];
    const again = await engine.resumeSequence({ stateDirectory: state, onEvent: (event) => events.push(event as { kind: string; message?: string }) });
    expect(again).to.deep.include({ status: 'Succeeded', exitCode: 0 });
    expect(again.steps.map((s) => s.path)).to.deep.equal(['Restart', 'After']);
    expect(events.filter((e) => e.kind === 'stepStarted')).to.deep.equal([]);
    expect(events.map((e) => e.message).join('\n')).to.match(/already finished \(Succeeded\); nothing was run again/);
  });

  it('refuses to resume when the sequence file changed since the run started', async function () {
    const state = folder();
    const file = writeTempFile('changing.json', restartAfter());
    const { readSequenceFile } = await import('../../src/bridge/validateDocument.js');
    await engine.runSequence(readSequenceFile(file), { stateDirectory: state, sourcePath: file });
    // Re-indenting is no change (the hash is of a canonical form)...
    writeFileSync(file, JSON.stringify(restartAfter()));
    // ...a changed step is.
    writeFileSync(file, JSON.stringify(restartAfter([{ type: 'SetTaskSequenceVariable', name: 'New', variableName: 'X', variableValue: '1' }])));
    const refused = await engine.resumeSequence({ stateDirectory: state }).catch((e: Error) => e);
    expect(String(refused)).to.include(`The sequence file '${file}' changed since the run started`);
  });

  it('refuses a tampered state.json, naming the file and the field, and state files of two runs mixed', async function () {
    const state = folder();
    await engine.runSequence(restartAfter(), { stateDirectory: state });
    const statePath = join(state, 'state.json');
    const original = readFileSync(statePath, 'utf8');
    const refusal = async (change: Record<string, unknown>) => {
      writeFileSync(statePath, JSON.stringify({ ...(JSON.parse(original) as object), ...change }));
      return String(await engine.resumeSequence({ stateDirectory: state }).catch((e: Error) => e));
    };
    const prefix = `Cannot resume from '${statePath}': `;
    // restartAfter() has 2 instructions: positions 0 to 2.
    expect(await refusal({ position: -1 })).to.include(`${prefix}'position' must be a whole number from 0 to 2.`);
    expect(await refusal({ position: 1000 })).to.include(`${prefix}'position' must be a whole number from 0 to 2.`);
    expect(await refusal({ position: 1e40 })).to.include("'position' must be a whole number from 0 to 2.");
    expect(await refusal({ status: 'Bogus' })).to.include(`${prefix}'status' must be one of Running, RestartPending, Succeeded, Failed.`);
    expect(await refusal({ retriesLeft: { '99999999999': 1 } })).to.include("'retriesLeft' must be an object whose names are instruction numbers from 0 to 1.");
    expect(await refusal({ variables: [] })).to.include("'variables' must be an object.");
    for (const message of [await refusal({ openGroups: [['x', 0]] }), await refusal({ resultCount: 'many' })]) {
      expect(message).to.include(prefix);
      expect(message).to.not.match(/Unable to cast|overflow|\.\./);
    }
    // A state.json of another run in this folder.
    writeFileSync(statePath, original);
    const other = folder();
    await engine.runSequence(restartAfter(), { stateDirectory: other });
    copyFileSync(join(other, 'state.json'), statePath);
    expect(await engine.resumeSequence({ stateDirectory: state }).catch((e: Error) => String(e))).to.match(/it is the state of run \S+, but .*sequence\.json is of run \S+ \(files of two runs mixed\)/);
    // The original still resumes.
    writeFileSync(statePath, original);
    expect((await engine.resumeSequence({ stateDirectory: state })).status).to.equal('Succeeded');
  });

  it('refuses a corrupt or missing state file, naming it', async function () {
    const state = folder();
    await engine.runSequence(restartAfter(), { stateDirectory: state });
    writeFileSync(join(state, 'state.json'), '{"format":1,"status":');
    const corrupt = await engine.resumeSequence({ stateDirectory: state }).catch((e: Error) => e);
    expect(String(corrupt)).to.include(`Cannot resume from '${join(state, 'state.json')}': the file is not valid JSON`);
    const empty = folder();
    mkdirSync(empty, { mode: 0o700 });
    const missing = await engine.resumeSequence({ stateDirectory: empty }).catch((e: Error) => e);
    expect(String(missing)).to.include(`Cannot resume from '${join(empty, 'sequence.json')}': the file is missing`);
    const tampered = folder();
    await engine.runSequence(restartAfter(), { stateDirectory: tampered });
    const sequence = JSON.parse(readFileSync(join(tampered, 'sequence.json'), 'utf8')) as { documentHash: string };
    sequence.documentHash = `sha256:${'0'.repeat(64)}`;
    writeFileSync(join(tampered, 'sequence.json'), JSON.stringify(sequence));
    const changed = await engine.resumeSequence({ stateDirectory: tampered }).catch((e: Error) => e);
    expect(String(changed)).to.include('the saved sequence document does not match its hash');
  });
});
