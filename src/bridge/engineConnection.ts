// One session with one engine process: starts the PowerShell host running Start-TsBridge.ps1,
// authenticates its connection to a socket / named pipe only this user can reach, carries
// requests, and ends (closed, stopped or died) with nothing left behind. Engine keeps one of
// these at a time and opens a fresh one when the last one died.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { chmodSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { EngineAbortError, EngineClosedError, EngineUnavailableError, RESTART_HINT } from './errors.js';
import { killProcessTree, startEngineProcess, type EngineProcess, type OutputStream } from './engineProcess.js';
import { RunningCalls, type NodeStepRegistry } from './nodeSteps.js';
import { OutputMasker } from './outputMasker.js';
import { paths } from './paths.js';
import { createPipeEndpoint, removeEndpoint, type PipeEndpoint } from './pipeEndpoint.js';
import { PROTOCOL_VERSION, type MethodName, type ReadyMessage } from './protocol.js';
import { describeEngine, type ResolvedEngine } from './resolveEngine.js';
import type { SecretMask } from './secretMask.js';
import { BridgeSession, type RequestOptions, type SessionHooks, type SessionLimits } from './session.js';

/** How long a connection may take to present the engine key before it is dropped (the engine sends it at once). */
const AUTH_WINDOW_MS = 10_000;

export type ExitStatus = { code: number | null; signal: NodeJS.Signals | null; error?: Error } | undefined;

/** What every session of one Engine shares: its choice of host, limits, Node steps and known secrets. */
export interface ConnectionSettings {
  resolved: ResolvedEngine;
  startTimeoutMs: number;
  limits: SessionLimits;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  steps: NodeStepRegistry;
  secrets: SecretMask;
  /** Everything the engine prints, secrets masked. */
  onOutput: (stream: OutputStream, text: string) => void;
}

export class EngineConnection extends EventEmitter {
  /** Why this session can carry no more requests (closed, stopped, died); undefined while it can. */
  goneError: EngineUnavailableError | undefined;
  /** Set the moment the connection ends unasked, before goneError (which waits for the exit status to say how). */
  private lost = false;
  /** Serving its queue before it shuts down (retire): a death meanwhile is still reported as one. */
  private retiring = false;
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly settings: ConnectionSettings,
    private readonly process: EngineProcess,
    private readonly endpoint: PipeEndpoint,
    private readonly session: BridgeSession,
    private readonly socket: Socket,
    private readonly running: RunningCalls,
    /** The engine's `ready` message: protocol, PowerShell version and edition, module version. */
    readonly info: ReadyMessage,
  ) {
    super();
  }

  /** Starts an engine and connects to it; aborting `signal` (close() meanwhile) kills it and rejects with EngineClosedError. */
  static async open(settings: ConnectionSettings, signal?: AbortSignal): Promise<EngineConnection> {
    const { resolved, secrets, steps } = settings;
    const endpoint = createPipeEndpoint();
    const server = createServer();
    try {
      await listen(server, endpoint);
    } catch (error) {
      removeEndpoint(endpoint);
      throw error;
    }

    // The session keys go to the engine over its stdin pipe: other users can read argv and the
    // environment of a process, not its pipes.
    const keys = { engine: randomBytes(32).toString('hex'), node: randomBytes(32).toString('hex') };
    const maskers = {
      stdout: new OutputMasker(secrets, (text) => settings.onOutput('stdout', text)),
      stderr: new OutputMasker(secrets, (text) => settings.onOutput('stderr', text)),
    };
    const process = startEngineProcess(resolved, paths.bridgeScript, ['-PipeName', endpoint.pipeName, '-ModulePath', paths.moduleManifest], {
      env: settings.env,
      cwd: settings.cwd,
      stdinLine: `${keys.engine} ${keys.node}`,
      onOutput: (stream, text) => maskers[stream].push(text),
    });
    void process.exited.then(() => {
      maskers.stdout.flush();
      maskers.stderr.flush();
    });

    let connection: EngineConnection | undefined;
    // This engine's Node step calls in progress (callback ids are numbered per engine process).
    const running = new RunningCalls();
    const hooks = (session: () => BridgeSession): SessionHooks => ({
      onCallback: (message) => steps.answer(message, running),
      onCancel: (error) => running.abortAll(error),
      onCallbackCancel: (message) => running.abort(message.id, new EngineAbortError(message.reason ?? 'The engine stopped waiting for this Node step.')),
      onCancelUnanswered: (method, graceMs) =>
        connection?.stop(new EngineUnavailableError(`The engine was stopped: an aborted ${method} did not stop its step within ${graceMs / 1000} s.${RESTART_HINT}`)),
      onStepLeftRunning: (method) =>
        connection?.stop(new EngineUnavailableError(`The engine was stopped: an aborted ${method} left a script running that PowerShell could not stop.${RESTART_HINT}`)),
      onScriptLeftRunning: () => connection?.retire(),
      // Before start-up completes, failing the session fails open(); afterwards the engine stops.
      onProtocolError: (error) => (connection ? connection.stop(error) : session().fail(error)),
      onExchange: (params, result) => secrets.note(params, result),
    });
    try {
      const { socket, session, ready } = await connect(server, process, settings.startTimeoutMs, hooks, settings.limits, keys.engine, secrets, signal);
      if (ready.protocol !== PROTOCOL_VERSION) {
        throw new EngineUnavailableError(
          `The engine speaks bridge protocol ${ready.protocol}, this tsseq speaks ${PROTOCOL_VERSION}: rebuild (npm run build) so both sides match.`,
        );
      }
      session.send({ type: 'auth', key: keys.node, maxMessageBytes: session.maxMessageBytes });
      const { key: _key, ...info } = ready; // the key proved the engine; nobody needs it afterwards
      connection = new EngineConnection(settings, process, endpoint, session, socket, running, info);
      connection.watch();
      return connection;
    } catch (error) {
      killProcessTree(process.child);
      server.close();
      removeEndpoint(endpoint);
      throw error;
    }
  }

  /** Settles when the engine process has exited (however it ended). */
  get ended(): Promise<void> {
    return this.process.exited.then(() => undefined);
  }

  /** True once no new request should be sent here: closed, stopped, or the engine is gone. */
  get gone(): boolean {
    return this.lost || this.goneError !== undefined;
  }

  request(method: MethodName, params: Record<string, unknown>, options: RequestOptions): Promise<unknown> {
    return this.session.request(method, params, options);
  }

  /** What the engine printed lately (stderr tail, known secret values masked), for diagnostics. */
  get stderrTail(): string {
    return this.settings.secrets.mask(this.process.stderrTail.toString());
  }

  get pid(): number | undefined {
    return this.process.child.pid;
  }

  /** Asks the engine to shut down, kills it if it does not within `timeoutMs`, cleans up. */
  close(timeoutMs: number): Promise<void> {
    this.closing ??= this.shutdown(timeoutMs);
    return this.closing;
  }

  private async shutdown(timeoutMs: number): Promise<void> {
    // Calls still pending when close() ends them fail as closed (a retiring engine's queue too).
    const closed = new EngineClosedError('close', 'The engine was closed (engine.close()) before this request finished.');
    this.goneError ??= closed;
    if (!this.session.failed) {
      const shutdown = this.session.request('shutdown', {}, {}).catch(() => undefined);
      await Promise.race([Promise.all([shutdown, this.process.exited]), delay(timeoutMs)]);
    }
    killProcessTree(this.process.child);
    this.session.fail(closed);
    this.socket.destroy();
    await Promise.race([this.process.exited, delay(2000)]);
    removeEndpoint(this.endpoint);
  }

  /**
   * Takes no new requests (the Engine starts a fresh engine for them), serves those already
   * queued, then shuts the engine down: a script a step's timeout could not stop runs in it.
   */
  private retire(): void {
    if (this.gone) return;
    this.retiring = true;
    this.goneError = new EngineUnavailableError(`The engine was retired: a step's timeout left a script running in it that PowerShell could not stop.${RESTART_HINT}`);
    // Queued behind what was already asked, so those calls are still answered.
    void this.session.request('shutdown', {}, {}).catch(() => undefined).finally(() => void this.close(2000));
  }

  /** Stops the engine now (protocol violation, aborted request); pending requests get `error`. */
  private stop(error: EngineUnavailableError): void {
    this.goneError ??= error;
    this.session.fail(error);
    this.running.abortAll(error);
    killProcessTree(this.process.child);
    void this.close(0);
  }

  /** On an end nobody asked for: everything pending fails with a typed error and 'exit' is emitted. */
  private watch(): void {
    let reported = false;
    const died = async () => {
      if (reported) return;
      reported = true;
      this.lost = true;
      // The socket usually closes a moment before the exit status is known; wait for it briefly so
      // the message can say how the engine ended.
      const status: ExitStatus = await Promise.race([this.process.exited, delay(1000).then(() => undefined)]);
      // Whatever it started (a command still running, a background process) must not outlive it,
      // just as after close(); an engine that only dropped the connection goes too.
      killProcessTree(this.process.child);
      removeEndpoint(this.endpoint);
      if (this.goneError && !(this.retiring && !this.closing)) return this.session.fail(this.goneError);
      const how = !status ? 'closed the bridge connection' : status.signal ? `was killed (${status.signal})` : `exited with code ${status.code}`;
      this.goneError = new EngineUnavailableError(
        `The PowerShell engine ${how} unexpectedly: ${describeEngine(this.settings.resolved)}.${RESTART_HINT}`,
        { stderr: this.stderrTail },
      );
      this.session.fail(this.goneError);
      // Its Node steps can no longer answer anybody.
      this.running.abortAll(this.goneError);
      this.emit('exit', status);
    };
    this.socket.once('close', () => void died());
    this.socket.on('error', () => undefined); // 'close' follows and reports it
    void this.process.exited.then(() => {
      if (!this.closing) void died();
    });
  }
}

function listen(server: Server, endpoint: PipeEndpoint): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(endpoint.listenPath, () => {
      server.off('error', reject);
      // The directory already keeps others out; the socket itself is this user's alone too.
      if (endpoint.directory) chmodSync(endpoint.listenPath, 0o600);
      resolve();
    });
  });
}

type Connected = { socket: Socket; session: BridgeSession; ready: ReadyMessage };

/** Whether `given` is the session's engine key, compared in constant time. */
function isEngineKey(given: unknown, expected: string): boolean {
  if (typeof given !== 'string' || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

/**
 * Waits for the engine to connect and send `ready` with the session's engine key. Any other
 * connection (one that sends something else, or nothing within AUTH_WINDOW_MS) is dropped while
 * the server keeps listening for the engine until the start timeout; then the server closes, so
 * nobody else can connect. A failure says how far start-up got (connected or not, ready or not)
 * and what the engine printed.
 */
function connect(
  server: Server,
  engineProcess: EngineProcess,
  timeoutMs: number,
  hooks: (session: () => BridgeSession) => SessionHooks,
  limits: SessionLimits,
  engineKey: string,
  secrets: SecretMask,
  signal: AbortSignal | undefined,
): Promise<Connected> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let connections = 0;
    let rejected = 0;
    let keyless = 0;
    const open = new Set<Socket>();
    const command = engineProcess.commandLine;
    const phase = () =>
      connections === 0
        ? 'no connection reached the bridge socket'
        : `${connections} connection(s) reached the bridge socket, none sent ready with the session key` +
          (rejected ? ` (${rejected} dropped)` : '') +
          (keyless ? `; ${keyless} sent ready without any key: an engine from an older build? Run 'npm run build'` : '');
    const failure = (what: string) =>
      new EngineUnavailableError(`${what} (${phase()}): ${command}`, { stderr: secrets.mask(engineProcess.stderrTail.toString()) });
    const finish = (error: Error | undefined, value?: Connected) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      server.close(); // nobody else may connect to this endpoint
      for (const other of open) if (other !== value?.socket) other.destroy();
      if (error) reject(error);
      else resolve(value!);
    };
    const seconds = Math.round(timeoutMs / 1000);
    const timer = setTimeout(() => finish(failure(`The PowerShell engine did not start within ${seconds} s`)), timeoutMs);
    if (signal) {
      const closed = () => finish(new EngineClosedError('start', 'The engine was closed (engine.close()) while it started.'));
      if (signal.aborted) closed();
      else signal.addEventListener('abort', closed, { once: true });
    }
    server.on('connection', (socket) => {
      if (settled) return void socket.destroy();
      connections++;
      open.add(socket);
      let dropped = false;
      const drop = () => {
        if (dropped) return;
        dropped = true;
        rejected++;
        open.delete(socket);
        socket.destroy();
      };
      const window = setTimeout(drop, AUTH_WINDOW_MS);
      window.unref();
      socket.on('error', () => undefined); // 'close' follows
      const closed = () => {
        clearTimeout(window);
        open.delete(socket);
      };
      socket.once('close', closed);
      const current: BridgeSession = new BridgeSession(socket, hooks(() => current), limits);
      current.ready.then(
        (ready) => {
          clearTimeout(window);
          if (ready.key === undefined) keyless++;
          if (!isEngineKey(ready.key, engineKey)) return drop();
          socket.off('close', closed);
          finish(undefined, { socket, session: current, ready });
        },
        () => {
          clearTimeout(window);
          drop();
        },
      );
    });
    void engineProcess.exited.then(async (status) => {
      // The engine's last lines (ready, its reason for leaving) may still be on their way: let
      // the sockets deliver them first, so the message tells how far it got.
      await delay(200);
      const how = status.error
        ? `could not be started (${status.error.message})`
        : status.signal
          ? `was killed (${status.signal}) before it was ready`
          : `exited with code ${status.code} before it was ready`;
      finish(failure(`The PowerShell engine ${how}`));
    });
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
