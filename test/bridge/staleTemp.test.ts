// What killed engines leave in the temp directory (socket directories, inline-script folders)
// is removed when the next engine starts: only entries of this user whose owner pid is gone.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestEngine } from '../support/engine.js';
import { waitUntil } from '../support/processes.js';

/** Leaves a socket file at `path`, as a killed process does (its listener dies without unlinking it). */
function leaveSocket(path: string): void {
  spawnSync(process.execPath, ['-e', "require('net').createServer().listen(process.argv[1], () => process.kill(process.pid, 'SIGKILL'))", path]);
  expect(lstatSync(path).isSocket(), `${path} is a socket`).to.equal(true);
}

/** A pid that was just used and is free now. */
function deadPid(): number {
  const child = spawnSync('sh', ['-c', 'echo $$']);
  return Number(child.stdout.toString().trim());
}

describe('stale temp entries of killed engines (real engine)', function () {
  if (process.platform === 'win32') return;
  this.timeout(120_000);

  it('an engine start removes this user\'s entries of gone owners and keeps the rest, look-alikes included', async () => {
    const dead = deadPid();
    const pipe = `CoreFxPipe_PSHost.DD81D203.${dead}.None.tsseq-host`;
    const stale = [`tsseq-${dead}-Ab12Cd`, `tsseq-script-${dead}-${'0'.repeat(32)}`, `tsseq-${dead}-0a1b2c3d4e5f.sock`, pipe];
    // Names that only look like ours, or entries with our name that are not what we make.
    const lookAlikes = [
      `tsseq-${dead}-backup`,
      `tsseq-script-${dead}-Final`,
      `tsseq-${dead}-0a1b2c3d4e5e.sock`,
      `tsseq-script-${dead}-${'3'.repeat(32)}`,
      `tsseq-${dead}-Folder`, // holds a folder named engine.sock
      `tsseq-script-${dead}-${'4'.repeat(32)}`, // holds a folder named script.ps1
    ];
    const kept = [`tsseq-1-Ab12Cd`, `tsseq-script-1-${'1'.repeat(32)}`, `tsseq-${dead}-not a match`, ...lookAlikes];
    const root = process.getuid?.() === 0;
    const othersUser = `tsseq-script-${dead}-${'2'.repeat(32)}`;
    for (const name of [...stale, ...kept]) {
      if (name.endsWith('.sock') || name === pipe) continue;
      mkdirSync(join(tmpdir(), name), { recursive: true });
    }
    leaveSocket(join(tmpdir(), stale[2]!));
    leaveSocket(join(tmpdir(), pipe));
    writeFileSync(join(tmpdir(), `tsseq-${dead}-0a1b2c3d4e5e.sock`), 'a file, not a socket');
    writeFileSync(join(tmpdir(), stale[1]!, 'script.ps1'), 'left behind');
    writeFileSync(join(tmpdir(), `tsseq-${dead}-backup`, 'thesis.txt'), 'important');
    writeFileSync(join(tmpdir(), `tsseq-script-${dead}-${'3'.repeat(32)}`, 'notes.txt'), 'not a script folder');
    mkdirSync(join(tmpdir(), `tsseq-${dead}-Folder`, 'engine.sock', 'thesis'), { recursive: true });
    mkdirSync(join(tmpdir(), `tsseq-script-${dead}-${'4'.repeat(32)}`, 'script.ps1'), { recursive: true });
    if (root) {
      mkdirSync(join(tmpdir(), othersUser));
      chownSync(join(tmpdir(), othersUser), 65534, 65534);
    }
    try {
      const { engine } = await startTestEngine();
      await engine.close();
      for (const name of stale) expect(existsSync(join(tmpdir(), name)), `${name} removed`).to.equal(false);
      for (const name of kept) expect(existsSync(join(tmpdir(), name)), `${name} kept`).to.equal(true);
      expect(readFileSync(join(tmpdir(), `tsseq-${dead}-backup`, 'thesis.txt'), 'utf8')).to.equal('important');
      if (root) expect(existsSync(join(tmpdir(), othersUser)), 'another user\'s folder kept').to.equal(true);
    } finally {
      for (const name of [...stale, ...kept, othersUser]) rmSync(join(tmpdir(), name), { recursive: true, force: true });
    }
  });

  it('the script folder and socket directory of an engine killed mid-step are gone after the next start', async () => {
    const { engine } = await startTestEngine();
    const pid = engine.pid!;
    const scriptFolders = () => readdirSync(tmpdir()).filter((name) => name.startsWith(`tsseq-script-${pid}-`));
    const running = engine.invokeStep({ type: 'RunPowerShellScript', name: 'Sleep', sourceScript: 'Start-Sleep -Seconds 30' }).catch(() => undefined);
    expect(await waitUntil(() => scriptFolders().length === 1, 30_000), 'the script folder exists').to.equal(true);
    const left = scriptFolders()[0]!;
    process.kill(-pid, 'SIGKILL');
    await running;
    expect(existsSync(join(tmpdir(), left)), 'the killed engine left its script folder').to.equal(true);
    const { engine: next } = await startTestEngine();
    try {
      expect(existsSync(join(tmpdir(), left)), 'removed by the next start').to.equal(false);
      expect(readdirSync(tmpdir()).filter((name) => name.startsWith(`tsseq-${process.pid}-`)), 'only the live engine\'s socket directory').to.have.length(1);
    } finally {
      await next.close();
      await engine.close();
    }
  });
});
