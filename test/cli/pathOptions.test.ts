// --log and --state-dir refuse a path holding a control character (C0, DEL, C1) with a usage
// error naming the option (exit 2) before anything runs or is created; the engine refuses the
// same in logPath / stateDirectory from any caller (the bridge, PowerShell).
import { expect } from 'chai';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from '../../src/bridge/Engine.js';
import { EngineRequestError } from '../../src/bridge/errors.js';
import { runCli } from '../support/cli.js';
import { startTestEngine } from '../support/engine.js';
import { tempDirectory } from '../support/tempFiles.js';

const CONTROLS: Array<[string, string]> = [
  ['\n', 'a line feed (U+000A)'],
  ['\u001b', 'an escape (U+001B)'],
  ['\u007f', 'a control character (U+007F)'],
  ['\u0085', 'a C1 control character (U+0085)'],
  ['\u009b', 'a C1 control character (U+009B)'],
];

describe('--log and --state-dir refuse control characters', function () {
  this.timeout(120_000);

  for (const [control, described] of CONTROLS) {
    it(`run --log with ${described}: exit 2 naming --log, nothing created`, async () => {
      const folder = mkdtempSync(join(tempDirectory(), 'log-control-'));
      const logPath = join(folder, `sub${control}dir`, 'smsts.log');
      const cli = await runCli(['run', 'examples/hello.json', '--log', logPath, '--no-state']);
      expect(cli.code, cli.stderr).to.equal(2);
      expect(cli.stderr).to.contain(`--log '`).and.to.contain(`holds ${described} at character ${join(folder, 'sub').length + 1}; a log file's path cannot hold control characters`);
      // The terminal never sees the raw character.
      expect(cli.stderr.replace(/\n$/, '')).to.not.contain(control);
      expect(readdirSync(folder)).to.deep.equal([]);
    });
  }

  it('run --state-dir with a C1 control: exit 2 naming --state-dir, nothing created', async () => {
    const folder = mkdtempSync(join(tempDirectory(), 'state-control-'));
    const state = join(folder, 'state\u009b2J');
    const cli = await runCli(['run', 'examples/hello.json', '--state-dir', state]);
    expect(cli.code, cli.stderr).to.equal(2);
    expect(cli.stderr).to.contain("--state-dir '").and.to.contain("holds a C1 control character (U+009B)").and.to.contain("a state folder's path cannot hold control characters");
    expect(existsSync(state)).to.equal(false);
  });

  it('resume --log and --state-dir the same', async () => {
    const folder = mkdtempSync(join(tempDirectory(), 'resume-control-'));
    const log = await runCli(['resume', '--state-dir', folder, '--log', join(folder, 'a\tb.log')]);
    expect(log.code, log.stderr).to.equal(2);
    expect(log.stderr).to.contain('--log').and.to.contain('holds a tab (U+0009)');
    const state = await runCli(['resume', '--state-dir', join(folder, 'x\u0085')]);
    expect(state.code, state.stderr).to.equal(2);
    expect(state.stderr).to.contain('--state-dir').and.to.contain('holds a C1 control character (U+0085)');
    expect(readdirSync(folder)).to.deep.equal([]);
  });

  describe('the engine (any caller)', () => {
    let engine: Engine;
    before(async () => {
      ({ engine } = await startTestEngine());
    });
    after(async () => {
      await engine?.close();
    });

    it('refuses logPath and stateDirectory holding C0, DEL or C1 with InvalidOptions', async () => {
      const folder = mkdtempSync(join(tempDirectory(), 'engine-control-'));
      const sequence = { name: 'Never', steps: [{ type: 'SetTaskSequenceVariable', name: 'Set', variableName: 'X', variableValue: '1' }] };
      for (const [control, described] of CONTROLS) {
        const refused = await engine.runSequence(sequence, { logPath: join(folder, `l${control}.log`), noState: true }).catch((error: unknown) => error as EngineRequestError);
        expect(refused, described).to.be.instanceOf(EngineRequestError);
        expect((refused as EngineRequestError).errorId).to.equal('TsSequence.InvalidOptions');
        expect((refused as EngineRequestError).message).to.contain(`holds ${described.replace('an escape', 'a control character')}`).and.to.contain("a log file's path cannot hold control characters");
      }
      const state = await engine.runSequence(sequence, { stateDirectory: join(folder, 's\u0085') }).catch((error: unknown) => error as EngineRequestError);
      expect((state as EngineRequestError).errorId).to.equal('TsSequence.InvalidOptions');
      expect((state as EngineRequestError).message).to.contain('holds a C1 control character (U+0085)');
      expect(readdirSync(folder)).to.deep.equal([]);
    });
  });
});
