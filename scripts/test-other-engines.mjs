// The bridge and engine tests again on every other PowerShell this machine has: a `pwsh` on PATH
// (and Windows PowerShell on Windows), so one protocol is proven on each host, not only on the
// embedded one. Where none is installed (CI here) it says so and does nothing.
import { spawnSync } from 'node:child_process';
import { findOnPath } from '../dist/src/bridge/resolveEngine.js';

const others = [['pwsh', findOnPath('pwsh', process.env, process.platform)]];
if (process.platform === 'win32') others.push(['powershell', findOnPath('powershell.exe', process.env, process.platform)]);

let failed = false;
for (const [engine, found] of others) {
  if (!found) {
    console.log(`test-other-engines: no ${engine} on PATH; the suite ran on the embedded engine only.`);
    continue;
  }
  console.log(`test-other-engines: the bridge and engine tests on ${engine} (${found})`);
  const run = spawnSync('npx', ['mocha', '--no-config', '--timeout', '120000', 'dist/test/bridge/**/*.test.js', 'dist/test/ps-module/**/*.test.js', 'dist/test/marshal/**/*.test.js'], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
    env: { ...process.env, TSSEQ_TEST_ENGINE: engine },
  });
  failed ||= run.status !== 0;
}
process.exit(failed ? 1 : 0);
