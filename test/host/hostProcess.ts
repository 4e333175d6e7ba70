// Runs the real embedded engine (host/bin/publish, its $PSHOME) for the host tests: `dotnet <dll>`,
// as the bridge launches it, with stdin/stdout/stderr captured.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The compiled test lives in dist/test/host/.
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const hostDir = join(repoRoot, 'host', 'bin', 'publish');
export const hostDll = join(hostDir, 'tsseq-host.dll');
const exe = process.platform === 'win32' ? '.exe' : '';
/** The apphost: one executable, for tools (node-powershell) that cannot pass `dotnet <dll>`. */
export const hostAppHost = join(hostDir, `tsseq-host${exe}`);
/** The same apphost under pwsh's name, where Start-Job and remoting look for it. */
export const hostPwsh = join(hostDir, `pwsh${exe}`);
export const environmentDll = join(repoRoot, 'ps-module', 'lib', 'TsSequence.Core.dll');

export interface HostRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface HostRunOptions {
  /** Written to stdin, which is then closed. */
  input?: string;
  cwd?: string;
  timeoutMs?: number;
  /** Run this executable instead of `dotnet tsseq-host.dll` (the apphost, or pwsh in $PSHOME). */
  program?: string;
  env?: NodeJS.ProcessEnv;
}

export function assertBuilt(...paths: string[]): void {
  for (const path of [hostDll, ...paths]) {
    if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first.`);
  }
}

export function runHost(args: string[], options: HostRunOptions = {}): Promise<HostRun> {
  return new Promise((resolve, reject) => {
    const [command, prefix] = options.program ? [options.program, []] : ['dotnet', [hostDll]];
    const child = spawn(command, [...prefix, ...args], {
      cwd: options.cwd ?? repoRoot,
      env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`tsseq-host ${args.join(' ')} timed out; stdout: ${stdout}; stderr: ${stderr}`));
    }, options.timeoutMs ?? 60_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

/** `-NoLogo -NoProfile -NonInteractive -Command <script>`. */
export function runCommand(script: string, options: HostRunOptions = {}): Promise<HostRun> {
  return runHost(['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', script], options);
}

/** Output lines without the final newline; both \n and \r\n split. */
export function lines(text: string): string[] {
  const trimmed = text.replace(/\r?\n$/, '');
  return trimmed === '' ? [] : trimmed.split(/\r?\n/);
}
