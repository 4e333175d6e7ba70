// Builds everything a clone needs: the TypeScript (tsc), the engine core the PowerShell module
// loads, and the embedded engine (host/: real pwsh published from NuGet). Each step fails loudly: a
// failed NuGet restore must stop the build, not surface later as a missing DLL. A .NET step whose
// inputs have not changed since its last build is skipped (a stamp of their contents), so a
// rebuild with nothing changed takes about as long as an incremental tsc.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const quiet = process.argv.includes('--quiet');
Object.assign(process.env, { DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1', POWERSHELL_TELEMETRY_OPTOUT: '1' });

const say = (text) => process.stderr.write(`build: ${text}\n`);

function fail(label, why, output = '') {
  if (output) process.stderr.write(output);
  say(`${label} failed (${why})`);
  process.exit(1);
}

/** Runs a command to completion; its output shows only on failure in --quiet mode. */
function run(label, command, args) {
  if (!quiet) say(label);
  const result = spawnSync(command, args, { cwd: root, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit', encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    fail(label, result.error ? result.error.message : `exit code ${result.status}`, quiet ? `${result.stdout ?? ''}${result.stderr ?? ''}` : '');
  }
}

/** NuGet's package folder, where a restore's progress can be seen as it fills. */
function nugetPackagesFolder() {
  return process.env.NUGET_PACKAGES || join(homedir(), '.nuget', 'packages');
}

function countPackages() {
  try {
    return readdirSync(nugetPackagesFolder()).length;
  } catch {
    return 0;
  }
}

/**
 * `dotnet restore`, always with progress: a first restore downloads about 100 packages (1–2
 * minutes), and a silent minute looks like a hang.
 */
function restore(label, project) {
  say(`${label}: restoring NuGet packages (the first time downloads them; later builds reuse them)`);
  const started = Date.now();
  const before = countPackages();
  return new Promise((resolve) => {
    const child = spawn('dotnet', ['restore', project, '--nologo', '-v', 'q'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const ticker = setInterval(() => {
      const seconds = Math.round((Date.now() - started) / 1000);
      say(`${label}: still restoring after ${seconds} s (${countPackages() - before} new packages in ${nugetPackagesFolder()})`);
    }, 10_000);
    child.on('error', (error) => fail(`${label}: restore`, error.message));
    child.on('close', (code) => {
      clearInterval(ticker);
      if (code !== 0) fail(`${label}: restore`, `exit code ${code}`, output);
      say(`${label}: restored in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      resolve();
    });
  });
}

/** A hash of every file a .NET project builds from (its folder and any it includes), plus the SDK version. */
function inputsStamp(projectDirs) {
  const hash = createHash('sha256');
  hash.update(spawnSync('dotnet', ['--version'], { encoding: 'utf8' }).stdout ?? '');
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name === 'bin' || entry.name === 'obj') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(cs|csproj|props|targets|json|ps1)$/.test(entry.name)) hash.update(`${relative(root, path)}\0`).update(readFileSync(path)).update('\0');
    }
  };
  for (const dir of projectDirs) if (existsSync(dir)) walk(dir);
  return hash.digest('hex');
}

/** Every file below `dir`, relative to it. */
function filesBelow(dir, prefix = '') {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesBelow(dir, join(prefix, entry.name)) : [join(prefix, entry.name)],
  );
}

/**
 * Runs `build` unless `stampFile` records the same inputs and every file the last build left in
 * `outputDir` (or the given `outputs`) still exists: a half-deleted output is rebuilt.
 */
async function dotnetStep(label, projectDirs, stampFile, { outputDir, outputs = [] }, build) {
  const inputs = inputsStamp(projectDirs);
  let recorded;
  try {
    recorded = JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    recorded = undefined;
  }
  const expected = [...outputs, ...(recorded?.files ?? []).map((file) => join(outputDir, file))];
  if (recorded?.inputs === inputs && expected.length > 0 && expected.every((output) => existsSync(output))) {
    if (!quiet) say(`${label}: up to date`);
    return;
  }
  await build();
  writeFileSync(stampFile, JSON.stringify({ inputs, files: outputDir ? filesBelow(outputDir) : [] }));
}

/**
 * tsc --incremental trusts its .tsbuildinfo and does not re-emit an output that was deleted:
 * when a source's .js is missing, start from scratch.
 */
function forgetStaleTypeScriptBuild() {
  const sources = ['src', 'test', 'generated'].flatMap((dir) => filesBelow(join(root, dir)).map((file) => join(dir, file)));
  const missing = sources.filter((file) => /\.ts$/.test(file) && !/\.d\.ts$/.test(file)).some((file) => !existsSync(join(root, 'dist', file.replace(/\.ts$/, '.js'))));
  if (missing) rmSync(join(root, 'dist', '.tsbuildinfo'), { force: true });
}

forgetStaleTypeScriptBuild();
run('TypeScript (tsc)', process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json']);
run('document validator (Ajv standalone code)', process.execPath, [join(root, 'scripts', 'compileValidator.mjs')]);
// npm marks bin files executable only on install/link; a clone runs dist/src/cli/main.js directly too.
chmodSync(join(root, 'dist', 'src', 'cli', 'main.js'), 0o755);

// The module's compiled engine core (ps-module/csharp/TsSequence.Core, with the generated step
// catalog and the script surface it embeds): lib/ holds the netstandard2.0 build (PowerShell 7),
// lib/net462/ the Windows PowerShell 5.1 one.
const coreDir = join(root, 'ps-module', 'csharp', 'TsSequence.Core');
const coreInputs = [coreDir, join(root, 'generated', 'csharp'), join(root, 'ps-module', 'ScriptSurface')];
const coreLib = join(root, 'ps-module', 'lib');
const coreOutputs = [join(coreLib, 'TsSequence.Core.dll'), join(coreLib, 'net462', 'TsSequence.Core.dll')];
await dotnetStep('engine core', coreInputs, join(coreLib, '.build-stamp'), { outputs: coreOutputs }, async () => {
  const project = join(coreDir, 'TsSequence.Core.csproj');
  await restore('engine core', project);
  run('engine core (dotnet build)', 'dotnet', ['build', project, '-c', 'Release', '--no-restore', '--nologo', '-v', 'q', '-clp:ErrorsOnly;NoSummary']);
  const built = (framework) => join(coreDir, 'bin', 'Release', framework, 'TsSequence.Core.dll');
  mkdirSync(join(coreLib, 'net462'), { recursive: true });
  copyFileSync(built('netstandard2.0'), coreOutputs[0]);
  copyFileSync(built('net462'), coreOutputs[1]);
});

// The embedded engine: real pwsh, published (ReadyToRun) to host/bin/publish, which is its $PSHOME.
const hostDir = join(root, 'host');
const publishDir = join(hostDir, 'bin', 'publish');
const exe = process.platform === 'win32' ? '.exe' : '';
const hostOutputs = ['tsseq-host.dll', `tsseq-host${exe}`, `pwsh${exe}`, join('Modules', 'Microsoft.PowerShell.Utility')].map((name) => join(publishDir, name));
// It also carries the engine core, precompiled (ReadyToRun), so the core's inputs are its inputs too.
await dotnetStep('embedded engine host/', [hostDir, ...coreInputs], join(hostDir, 'bin', '.build-stamp'), { outputDir: publishDir, outputs: hostOutputs }, async () => {
  const project = join(hostDir, 'tsseq-host.csproj');
  await restore('embedded engine host/', project);
  say('embedded engine host/: publishing pwsh 7.6.9 (ReadyToRun; about a minute the first time)');
  run('embedded engine host/ (dotnet publish)', 'dotnet', ['publish', project, '-c', 'Release', '--no-restore', '-o', publishDir, '--nologo', '-v', 'q', '-clp:ErrorsOnly;NoSummary']);
});
