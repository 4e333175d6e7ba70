// Builds everything a clone needs: the TypeScript (tsc), the embedded engine (host/) and the
// $tsenv assembly the PowerShell module loads. Each step fails loudly: a failed NuGet restore
// must stop the build, not surface later as a missing DLL.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quiet = process.argv.includes('--quiet');

function run(label, command, args) {
  if (!quiet) process.stderr.write(`build: ${label}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit', encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    if (quiet) process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    const why = result.error ? result.error.message : `exit code ${result.status}`;
    process.stderr.write(`build: ${label} failed (${why})\n`);
    process.exit(1);
  }
}

const dotnetEnv = { DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' };
Object.assign(process.env, dotnetEnv);

run('TypeScript (tsc)', process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json']);
// npm marks bin files executable only on install/link; a clone runs dist/src/cli/main.js directly too.
chmodSync(join(root, 'dist', 'src', 'cli', 'main.js'), 0o755);

const environmentProject = join('ps-module', 'csharp', 'TsSequence.Environment', 'TsSequence.Environment.csproj');
if (existsSync(join(root, environmentProject))) {
  run('$tsenv assembly (dotnet build)', 'dotnet', ['build', environmentProject, '-c', 'Release', '--nologo', '-v', 'q', '-clp:ErrorsOnly;NoSummary']);
  // lib/ holds the netstandard2.0 build (PowerShell 7), lib/net45/ the Windows PowerShell 5.1 one.
  const built = (framework) => join(root, 'ps-module', 'csharp', 'TsSequence.Environment', 'bin', 'Release', framework, 'TsSequence.Environment.dll');
  mkdirSync(join(root, 'ps-module', 'lib', 'net45'), { recursive: true });
  copyFileSync(built('netstandard2.0'), join(root, 'ps-module', 'lib', 'TsSequence.Environment.dll'));
  copyFileSync(built('net45'), join(root, 'ps-module', 'lib', 'net45', 'TsSequence.Environment.dll'));
}

const hostProject = join('host', 'tsseq-host.csproj');
if (existsSync(join(root, hostProject))) {
  run('embedded engine host/ (dotnet build)', 'dotnet', ['build', hostProject, '-c', 'Release', '--nologo', '-v', 'q', '-clp:ErrorsOnly;NoSummary']);
}
