// Old finished runs' folders go when a new run starts (Run/RunRetention.cs): beyond the newest
// 100, started more than a day ago, and holding no saved state. Through the real engine, with its
// data home pointed at a scratch folder.
import { expect } from 'chai';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from '../../src/bridge/Engine.js';
import { startTestEngine } from '../support/engine.js';
import { tempDirectory } from '../support/tempFiles.js';

describe('run folder retention', function () {
  let engine: Engine;
  let dataHome: string;
  let saved: string | undefined;
  before(async function () {
    if (process.platform === 'win32') this.skip();
    // Its own folder inside the tests' temporary folder, which other tests share.
    dataHome = mkdtempSync(join(tempDirectory(), 'retention-'));
    saved = process.env.XDG_DATA_HOME;
    process.env.XDG_DATA_HOME = dataHome;
    try {
      ({ engine } = await startTestEngine());
    } finally {
      if (saved === undefined) delete process.env.XDG_DATA_HOME;
      else process.env.XDG_DATA_HOME = saved;
    }
  });
  after(async function () {
    await engine?.close();
    if (dataHome) rmSync(dataHome, { recursive: true, force: true });
  });

  it('removes old finished run folders beyond the newest 100, keeping recent ones and runs waiting to resume', async function () {
    const runs = join(dataHome, 'tsseq', 'runs');
    mkdirSync(runs, { recursive: true, mode: 0o700 });
    const old = Array.from({ length: 120 }, (_, i) => `20200101-0000${String(i % 60).padStart(2, '0')}-${String(i).padStart(8, '0')}`);
    for (const name of old) mkdirSync(join(runs, name, 'Logs'), { recursive: true, mode: 0o700 });
    const waiting = old[0]!;
    writeFileSync(join(runs, waiting, 'state.json'), '{}', { mode: 0o600 });
    const recent = `${new Date().toISOString().slice(0, 10).replace(/-/g, '')}-000000-aaaaaaaa`;
    mkdirSync(join(runs, recent), { mode: 0o700 });

    const result = await engine.runSequence({ name: 'r', steps: [{ type: 'SetTaskSequenceVariable', name: 'S', variableName: 'A', variableValue: 'b' }] });
    expect(result.status).to.equal('Succeeded');
    const left = new Set(readdirSync(runs));
    // 122 folders: the newest 100 stay (the new run, the recent one, 98 old ones), and the waiting one.
    expect(left.size).to.equal(101);
    expect(left.has(waiting), 'a run waiting to resume').to.equal(true);
    expect(left.has(recent), 'a run started today').to.equal(true);
    expect(left.has(old[1]!), 'the oldest finished run').to.equal(false);
    expect(left.has(old[119]!)).to.equal(true);
  });
});
