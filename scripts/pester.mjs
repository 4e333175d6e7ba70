// Runs the PowerShell module's own Pester suite (test/pester/*.Tests.ps1) in the embedded pwsh.
// Pester 6.2.0 comes from NuGet (pinned in test/pester/Pester.restore.csproj) into the global
// packages folder; the restore is skipped when the module is already there. Prints Pester's
// summary and then a closing line `Pester: N passed, N failed[, N skipped]`; exits non-zero when a
// test, block or file failed, or when no test ran.
// Usage: node scripts/pester.mjs [<test file or folder>] [--test-result <nunit.xml>]
//   (default: all of test/pester; build first: node scripts/build.mjs)
// TSSEQ_ENGINE picks another PowerShell (pwsh, powershell, a path); the default is the embedded one.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pesterVersion = '6.2.0';
const restoreProject = join(root, 'test', 'pester', 'Pester.restore.csproj');
const cli = join(root, 'dist', 'src', 'cli', 'main.js');
Object.assign(process.env, { DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1', POWERSHELL_TELEMETRY_OPTOUT: '1' });

const say = (text) => process.stderr.write(`pester: ${text}\n`);

function stop(text) {
  say(text);
  console.log('Pester: 0 passed, 0 failed');
  process.exit(1);
}

const manifestIn = (packagesFolder) => join(packagesFolder, 'pester', pesterVersion, 'tools', 'Pester.psd1');

/** Where NuGet really puts packages (NUGET_PACKAGES, a NuGet.Config globalPackagesFolder, or ~/.nuget/packages). */
function globalPackagesFolder() {
  const result = spawnSync('dotnet', ['nuget', 'locals', 'global-packages', '--list'], { encoding: 'utf8' });
  const match = /global-packages:\s*(.+)/.exec(result.stdout ?? '');
  return match ? match[1].trim() : null;
}

/** Pester.psd1, restored from NuGet when it is not there yet. */
function pesterManifest() {
  // The usual places first: no dotnet start-up at all when Pester is already restored.
  const quick = process.env.NUGET_PACKAGES || join(homedir(), '.nuget', 'packages');
  if (existsSync(manifestIn(quick))) return manifestIn(quick);
  say(`restoring Pester ${pesterVersion} from NuGet`);
  const started = Date.now();
  const restore = spawnSync('dotnet', ['restore', restoreProject, '--nologo', '-v', 'q'], { cwd: root, encoding: 'utf8' });
  if (restore.error || restore.status !== 0) {
    process.stderr.write(`${restore.stdout ?? ''}${restore.stderr ?? ''}`);
    stop(`restoring Pester failed (${restore.error ? restore.error.message : `exit code ${restore.status}`})`);
  }
  const folder = globalPackagesFolder() ?? quick;
  if (!existsSync(manifestIn(folder))) stop(`the restore succeeded but ${manifestIn(folder)} is missing`);
  say(`restored in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return manifestIn(folder);
}

/** --test-result <file> (an NUnit XML report) and at most one test path, from the command line. */
function parseArguments(argv) {
  const options = { testPath: join(root, 'test', 'pester'), testResult: null };
  let pathGiven = false;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === '--test-result') {
      const path = argv[++index];
      if (!path) stop('--test-result needs a file path');
      options.testResult = resolve(path);
    } else if (argument.startsWith('-') || pathGiven) {
      stop(`unexpected argument '${argument}' (usage: node scripts/pester.mjs [<test file or folder>] [--test-result <nunit.xml>])`);
    } else {
      if (!existsSync(argument)) stop(`no such test file or folder: ${argument}`);
      options.testPath = resolve(argument);
      pathGiven = true;
    }
  }
  return options;
}

const options = parseArguments(process.argv.slice(2));
if (!existsSync(cli)) stop(`${cli} is missing; build first: node scripts/build.mjs`);
const manifest = pesterManifest();
const work = mkdtempSync(join(tmpdir(), 'tsseq-pester-'));
const resultPath = join(work, 'counts.json');
const engine = process.env.TSSEQ_ENGINE?.trim() || 'embedded';
// Every path is a -File argument (data), never part of a command string.
const args = [
  cli, 'pwsh', '--engine', engine, '--',
  '-NoProfile', '-NonInteractive', '-File', join(root, 'test', 'pester', 'Invoke-TsPester.ps1'),
  '-PesterPath', manifest, '-TestPath', options.testPath, '-ResultPath', resultPath,
  ...(options.testResult ? ['-TestResultPath', options.testResult] : []),
];
const started = Date.now();
const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
child.on('error', (error) => stop(`cannot start the engine: ${error.message}`));
child.on('close', (code, signal) => {
  let counts = null;
  try {
    counts = JSON.parse(readFileSync(resultPath, 'utf8'));
  } catch {
    // No counts: the suite did not get as far as running (Pester failed to load, the engine died).
  }
  rmSync(work, { recursive: true, force: true });
  if (!counts) stop(`the suite did not finish (${signal ? `signal ${signal}` : `exit code ${code}`})`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const problems = [];
  if (counts.failedBlocks > 0) problems.push(`${counts.failedBlocks} block(s) failed in setup or teardown`);
  if (counts.failedContainers > 0) problems.push(`${counts.failedContainers} test file(s) failed to run`);
  if (counts.passed + counts.failed === 0) problems.push('no test ran');
  if (code !== 0 && counts.failed === 0 && problems.length === 0) problems.push(`the engine exited with code ${code}`);
  for (const problem of problems) say(problem);
  say(`finished in ${seconds} s`);
  const skipped = counts.skipped > 0 ? `, ${counts.skipped} skipped` : '';
  console.log(`Pester: ${counts.passed} passed, ${counts.failed} failed${skipped}`);
  process.exit(counts.failed > 0 || problems.length > 0 ? 1 : 0);
});
