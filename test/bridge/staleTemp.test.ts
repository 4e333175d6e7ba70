// What killed engines leave in the temp directory (socket directories, inline-script folders)
// is removed when the next engine starts: only entries of this user whose owner pid is gone.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestEngine } from '../support/engine.js';
import { waitUntil } from '../support/processes.js';

/** A pid that was just used and is free now. */
function deadPid(): number {
  const child = spawnSync('sh', ['-c', 'echo $$']);
  return Number(child.stdout.toString().trim());
}

describe('stale temp entries of killed engines (real engine)', function () {
  if (process.platform === 'win32') return;
  this.timeout(120_000);

  it('an engine start removes this user\'s entries of gone owners and keeps the rest', async () => {
    const dead = deadPid();
    const stale = [`tsseq-${dead}-Ab12Cd`, `tsseq-script-${dead}-${'0'.repeat(32)}`, `tsseq-${dead}-0a1b2c3d4e5f.sock`];
    const kept = [`tsseq-1-Ab12Cd`, `tsseq-script-1-${'1'.repeat(32)}`, `tsseq-${dead}-not a match`];
    const root = process.getuid?.() === 0;
    const othersUser = `tsseq-script-${dead}-${'2'.repeat(32)}`;
    for (const name of [...stale, ...kept]) {
      if (name.endsWith('.sock')) writeFileSync(join(tmpdir(), name), '');
      else mkdirSync(join(tmpdir(), name), { recursive: true });
    }
    writeFileSync(join(tmpdir(), stale[1]!, 'script.ps1'), 'left behind');
    if (root) {
      mkdirSync(join(tmpdir(), othersUser));
      chownSync(join(tmpdir(), othersUser), 65534, 65534);
    }
    try {
      const { engine } = await startTestEngine();
      await engine.close();
      for (const name of stale) expect(existsSync(join(tmpdir(), name)), `${name} removed`).to.equal(false);
      for (const name of kept) expect(existsSync(join(tmpdir(), name)), `${name} kept`).to.equal(true);
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
