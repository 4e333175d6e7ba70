// Starts a PowerShell host running the bridge script, captures what it prints (user output and
// diagnostics, never protocol) and can kill it with everything it started.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { describeEngine, type ResolvedEngine } from './resolveEngine.js';

export type OutputStream = 'stdout' | 'stderr';
export type OutputListener = (stream: OutputStream, text: string) => void;

/** Arguments that make a PowerShell host run `script` non-interactively. */
export function engineArguments(engine: ResolvedEngine, script: string, scriptArgs: string[]): string[] {
  const policy = engine.kind === 'powershell' ? ['-ExecutionPolicy', 'Bypass'] : [];
  return [...engine.prefixArgs, '-NoLogo', '-NoProfile', '-NonInteractive', ...policy, '-File', script, ...scriptArgs];
}

export function engineEnvironment(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, POWERSHELL_TELEMETRY_OPTOUT: '1', DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' };
  // The engine runs in a session of its own (so that it can be stopped with all it started) and
  // cannot see the terminal: _SMSTSUserStarted learns from us that a person started this run.
  if (process.stdin.isTTY || process.stdout.isTTY) env.TSSEQ_USER_STARTED = 'true';
  return env;
}

/** Keeps the last `limit` characters of a stream, for error messages. */
export class OutputTail {
  private text = '';
  constructor(private readonly limit = 8192) {}
  append(chunk: string): void {
    this.text += chunk;
    if (this.text.length > this.limit * 2) this.text = this.text.slice(-this.limit);
  }
  toString(): string {
    return this.text.length > this.limit ? this.text.slice(-this.limit) : this.text;
  }
}

const STDERR_TAIL_LINES = 20;
const STDERR_TAIL_CHARS = 2000;

/**
 * What error messages quote of the engine's stderr: its last 20 lines, at most 2000 characters.
 * Enough to say why it failed; little of anything a script printed there (values, secrets).
 */
export function stderrSuffix(stderr: string): string {
  const lines = stderr.trim().split(/\r?\n/);
  if (lines.length === 1 && lines[0] === '') return '';
  let tail = lines.slice(-STDERR_TAIL_LINES).join('\n');
  let cut = lines.length > STDERR_TAIL_LINES;
  if (tail.length > STDERR_TAIL_CHARS) {
    tail = tail.slice(-STDERR_TAIL_CHARS).replace(/^[\uDC00-\uDFFF]/, ''); // not half a character
    cut = true;
  }
  return `\nEngine stderr (last lines):\n${cut ? '…' : ''}${tail}`;
}

const liveProcesses = new Set<ChildProcess>();
let exitHookInstalled = false;

/** A Node process that exits (even without close()) must not leave engines behind. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of liveProcesses) killProcessTree(child);
  });
}

export interface EngineProcess {
  child: ChildProcess;
  commandLine: string;
  stdoutTail: OutputTail;
  stderrTail: OutputTail;
  /** Resolves once the process has exited (or failed to spawn). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: Error }>;
}

export function startEngineProcess(
  engine: ResolvedEngine,
  script: string,
  scriptArgs: string[],
  options: { onOutput?: OutputListener; env?: NodeJS.ProcessEnv; cwd?: string; stdinLine?: string } = {},
): EngineProcess {
  installExitHook();
  const args = engineArguments(engine, script, scriptArgs);
  const commandLine = `${describeEngine(engine)} ${args.slice(engine.prefixArgs.length).join(' ')}`;
  const child = spawn(engine.command, args, {
    cwd: options.cwd,
    env: { ...engineEnvironment(options.env), ...engine.env },
    // stdin is a pipe only Node and the engine hold: the session keys travel there (stdinLine),
    // never in argv or the environment, which other local users can read.
    stdio: [options.stdinLine === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    // Its own process group on Unix, so the whole tree (engine and the commands it ran) can be
    // killed with one signal.
    detached: process.platform !== 'win32',
    windowsHide: true,
  });
  liveProcesses.add(child);
  if (options.stdinLine !== undefined && child.stdin) {
    child.stdin.on('error', () => undefined); // an engine that exits before reading: 'close' reports it
    child.stdin.end(`${options.stdinLine}\n`);
  }
  const stdoutTail = new OutputTail();
  const stderrTail = new OutputTail();
  for (const stream of ['stdout', 'stderr'] as const) {
    const tail = stream === 'stdout' ? stdoutTail : stderrTail;
    child[stream]!.setEncoding('utf8');
    child[stream]!.on('data', (text: string) => {
      tail.append(text);
      options.onOutput?.(stream, text);
    });
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: Error }>((resolve) => {
    child.once('error', (error) => {
      liveProcesses.delete(child);
      resolve({ code: null, signal: null, error });
    });
    child.once('close', (code, signal) => {
      liveProcesses.delete(child);
      resolve({ code, signal });
    });
  });
  return { child, commandLine, stdoutTail, stderrTail, exited };
}

/**
 * Kills the engine and everything it started; never throws. On Unix that is its process group,
 * which outlives the engine itself: commands it started keep running after it exits or is
 * killed, so the group is signalled even when the engine is already gone. That is safe only while
 * the group still has members, which keeps its number from being reused (POSIX); once it is
 * empty the number is free, and a new process may hold it as its own pid and group (any detached
 * spawn). So after the engine has exited, a live process with the engine's pid is a stranger, and
 * nothing is signalled; ESRCH (nothing left) and EPERM (not ours) are ignored. On Windows taskkill
 * /T finds the tree only while the engine is alive, so an exited engine gets nothing.
 */
export function killProcessTree(child: Pick<ChildProcess, 'pid' | 'exitCode' | 'signalCode' | 'kill'>): void {
  const pid = child.pid;
  if (pid === undefined || !Number.isInteger(pid) || pid <= 0) return;
  // Node reaps a child and records its exit in the same callback: until then its pid is ours.
  const exited = child.exitCode !== null || child.signalCode !== null;
  if (process.platform === 'win32') {
    if (!exited) spawnSync('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
    return;
  }
  if (exited && processExists(pid)) return; // the pid was reused: that process and its group are not ours
  try {
    process.kill(-pid, 'SIGKILL');
    return;
  } catch {
    // ESRCH: the group is empty; EPERM: it is not ours (never the case while the engine lives)
  }
  if (exited) return;
  try {
    child.kill('SIGKILL'); // not a group leader after all: the process itself
  } catch {
    // nothing left to kill
  }
}

/** Whether a process with this pid exists now (EPERM: it does, someone else's). */
function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
