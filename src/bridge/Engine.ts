// The public face of the bridge: starts a PowerShell host running Start-TsBridge.ps1, connects it
// to a socket / named pipe Node listens on, and offers invokeStep / runSequence / registerStep.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { chmodSync, existsSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { EngineAbortError, EngineClosedError, EngineUnavailableError, InvalidRequestError } from './errors.js';
import { killProcessTree, startEngineProcess, type EngineProcess, type OutputListener } from './engineProcess.js';
import { NodeStepRegistry, type NodeStepHandler } from './nodeSteps.js';
import { paths } from './paths.js';
import { createPipeEndpoint, removeEndpoint, type PipeEndpoint } from './pipeEndpoint.js';
import {
  PROTOCOL_VERSION,
  type EngineEvent,
  type InvokeStepResult,
  type MethodName,
  type ReadyMessage,
  type ResultDocument,
  type VariableRecord,
} from './protocol.js';
import { describeEngine, resolveEngine, type EngineChoice, type ResolvedEngine } from './resolveEngine.js';
import { assertValidStep } from '../api/validateStep.js';
import { withDefaultName } from '../api/defaultStepName.js';
import type { StepInput } from '../api/stepTypes.js';
import type { Step } from '../model/sequence.js';
import { eventStream, type EventStream } from './eventStream.js';
import { OutputMasker } from './outputMasker.js';
import { SecretMask } from './secretMask.js';
import { BridgeSession, DEFAULT_MAX_MESSAGE_BYTES, type RequestOptions, type SessionHooks, type SessionLimits } from './session.js';
import { removeStaleTempEntries } from './staleTemp.js';
import { assertValidDocument } from './validateDocument.js';
import { toVariableRecord, type VariableMap } from './variables.js';
import { assertWellFormedParams } from './wellFormed.js';

/** A step as the engine takes it: `type` plus the step's properties (DESIGN §4), typed by the model. */
export type StepDefinition = Step;

/** A sequence document (generated/tsseq.schema.json describes it exactly). */
export interface SequenceDocument {
  steps: StepDefinition[];
  [property: string]: unknown;
}

export type VariablesInput = VariableRecord | Map<string, string> | VariableMap;

export interface EngineStartOptions {
  /** `auto` (default), `pwsh`, `powershell`, `embedded`, or a path to a host. */
  engine?: EngineChoice;
  /** Receives everything the engine prints (user scripts' output, diagnostics). */
  onOutput?: OutputListener;
  /** How long the engine may take to start and connect; default 60 s. */
  startTimeoutMs?: number;
  /**
   * The largest message (one JSON line) either side sends, default 256 MiB: a larger request is
   * refused before it is sent (MessageTooLargeError), a larger result fails its request alone.
   * At most 512 MiB.
   */
  maxMessageBytes?: number;
  /** How long an aborted or timed-out request's step may take to stop before the engine is stopped; default 5 s. */
  cancelGraceMs?: number;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

export interface InvokeStepOptions {
  variables?: VariablesInput;
  /** Names of variables whose values are secret: the engine masks them in results and logs. */
  secrets?: string[];
  onEvent?: (event: EngineEvent) => void;
  /** Aborting stops the running step (as its timeout would) and rejects with EngineAbortError; the engine stays usable. */
  signal?: AbortSignal;
  /** Check the step against the schema before sending it (default true): a bad one throws StepValidationError and nothing is sent. */
  validate?: boolean;
  /** Stops the call after this many milliseconds, as an abort does (EngineTimeoutError). */
  timeoutMs?: number;
}

export interface RunSequenceOptions extends InvokeStepOptions {
  /** Folder relative paths in the document resolve against (the sequence file's folder). */
  baseDirectory?: string;
  /** Report what each step would do; run nothing, change nothing (steps get status WhatIf). */
  whatIf?: boolean;
  /** Folder the state is saved in before every step (default: a new per-run folder under the user's data directory). */
  stateDirectory?: string;
  /** The CMTrace-format log file (default: smsts.log in the state folder's Logs folder). */
  logPath?: string;
  /** Who acts on a restart (default 'exit': save state and resolve with status RestartPending). */
  restartProvider?: RestartProvider;
  /** Save no state: the run cannot be resumed (a restart still resolves RestartPending, without restarting). Not with stateDirectory. */
  noState?: boolean;
  /** Check the document against the schema before sending it (default true). */
  validate?: boolean;
  /** The sequence file the document was read from: a resume refuses to continue if it changed since. */
  sourcePath?: string;
  /** The engine writes "tsseq: state folder: …" on its stderr at the start (the CLI shows it). */
  announceStateFolder?: boolean;
}

export type RestartProvider = 'exit' | 'windows' | 'systemd';

export interface ResumeSequenceOptions {
  /** The folder the interrupted run saved its state in. */
  stateDirectory: string;
  logPath?: string;
  restartProvider?: RestartProvider;
  /** Also return `outline`: the saved document's step names and nesting (the CLI places steps in its summary with it). */
  outline?: boolean;
  /** The engine writes "tsseq: state folder: …" on its stderr at the start (the CLI shows it). */
  announceStateFolder?: boolean;
  onEvent?: (event: EngineEvent) => void;
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** A step's or group's name and children, as `outline` gives the saved document. */
export interface SequenceOutline {
  name?: string;
  steps?: SequenceOutline[];
}

const DEFAULT_START_TIMEOUT_MS = 60_000;
/** How long a connection may take to present the engine key before it is dropped (the engine sends it at once). */
const AUTH_WINDOW_MS = 10_000;

export class Engine extends EventEmitter {
  private closing: Promise<void> | undefined;
  private goneError: EngineUnavailableError | undefined;

  private constructor(
    readonly resolved: ResolvedEngine,
    private readonly process: EngineProcess,
    private readonly server: Server,
    private readonly endpoint: PipeEndpoint,
    private readonly session: BridgeSession,
    private readonly socket: Socket,
    /** The engine's `ready` message: protocol, PowerShell version and edition, module version. */
    readonly info: ReadyMessage,
    private readonly steps: NodeStepRegistry,
    private readonly secrets: SecretMask,
  ) {
    super();
  }

  static async start(options: EngineStartOptions = {}): Promise<Engine> {
    const resolved = resolveEngine({ engine: options.engine, env: options.env });
    for (const [what, file] of [['bridge script', paths.bridgeScript], ['module manifest', paths.moduleManifest]] as const) {
      if (!existsSync(file)) throw new EngineUnavailableError(`The ${what} ${file} is missing; run 'npm run build' in ${paths.root}.`);
    }
    // What killed engines left in the temp directory goes, while this one starts.
    const cleaning = removeStaleTempEntries().catch(() => []);
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
    const emitter = new EventEmitter();
    const secrets = new SecretMask();
    const maskers = {
      stdout: new OutputMasker(secrets, (text) => deliver('stdout', text)),
      stderr: new OutputMasker(secrets, (text) => deliver('stderr', text)),
    };
    const deliver = (stream: 'stdout' | 'stderr', text: string) => {
      options.onOutput?.(stream, text);
      emitter.emit('output', stream, text);
    };
    const process = startEngineProcess(resolved, paths.bridgeScript, ['-PipeName', endpoint.pipeName, '-ModulePath', paths.moduleManifest], {
      env: options.env,
      cwd: options.cwd,
      stdinLine: `${keys.engine} ${keys.node}`,
      onOutput: (stream, text) => maskers[stream].push(text),
    });
    void process.exited.then(() => {
      maskers.stdout.flush();
      maskers.stderr.flush();
    });

    let engine: Engine | undefined;
    const steps = new NodeStepRegistry();
    // Node reads a line as one string: V8 makes none longer than about 512 M characters.
    const maxMessageBytes = Math.min(options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES, 512 * 1024 * 1024);
    const limits: SessionLimits = { maxMessageBytes, cancelGraceMs: options.cancelGraceMs };
    const hooks = (session: () => BridgeSession): SessionHooks => ({
      onCallback: (message) => steps.answer(message),
      onCancel: (error) => steps.abortRunning(error),
      onCallbackCancel: (message) => steps.abortCall(message.id, new EngineAbortError(message.reason ?? 'The engine stopped waiting for this Node step.')),
      onCancelUnanswered: (method, graceMs) =>
        engine?.stop(new EngineUnavailableError(`The engine was stopped: an aborted ${method} did not stop its step within ${graceMs / 1000} s.`)),
      // Before start-up completes, failing the session fails start(); afterwards the engine stops.
      onProtocolError: (error) => (engine ? engine.stop(error) : session().fail(error)),
      onExchange: (params, result) => secrets.note(params, result),
    });
    try {
      const timeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
      const { socket, session, ready } = await connect(server, process, timeoutMs, hooks, limits, keys.engine, secrets);
      if (ready.protocol !== PROTOCOL_VERSION) {
        throw new EngineUnavailableError(
          `The engine speaks bridge protocol ${ready.protocol}, this tsseq speaks ${PROTOCOL_VERSION}: rebuild (npm run build) so both sides match.`,
        );
      }
      session.send({ type: 'auth', key: keys.node, maxMessageBytes: session.maxMessageBytes });
      const { key: _key, ...info } = ready; // the key proved the engine; nobody needs it afterwards
      engine = new Engine(resolved, process, server, endpoint, session, socket, info, steps, secrets);
      // Forward output printed after start-up to listeners registered on the engine itself.
      emitter.on('output', (stream, text) => engine!.emit('output', stream, text));
      engine.watch();
      await cleaning;
      return engine;
    } catch (error) {
      killProcessTree(process.child);
      server.close();
      removeEndpoint(endpoint);
      throw error;
    }
  }

  /** Registers the handler a `"type": "Node"` step names (`"handler": name`). */
  registerStep(name: string, handler: NodeStepHandler): this {
    this.steps.register(name, handler);
    return this;
  }

  /** Runs one step (named after its type when it has no name); resolves to its result entry plus the variables after it. */
  async invokeStep(input: StepInput, options: InvokeStepOptions = {}): Promise<InvokeStepResult> {
    const step = withDefaultName(input);
    if (options.validate !== false) assertValidStep(step, 'invokeStep');
    const params: Record<string, unknown> = { step };
    const variables = toVariableRecord(options.variables, 'invokeStep');
    if (variables) params.variables = variables;
    // Without a listener the engine skips building and sending events (a large share of a cheap step's cost).
    if (!options.onEvent) params.events = false;
    if (options.secrets?.length) params.secrets = options.secrets;
    return (await this.request('invokeStep', params, options)) as InvokeStepResult;
  }

  /** Runs a whole sequence in the engine; resolves to the result document (DESIGN §4). */
  async runSequence(document: SequenceDocument | unknown, options: RunSequenceOptions = {}): Promise<ResultDocument> {
    if (options.validate !== false) assertValidDocument(document);
    const params: Record<string, unknown> = { document };
    const variables = toVariableRecord(options.variables, 'runSequence');
    if (variables) params.variables = variables;
    if (!options.onEvent) params.events = false;
    if (options.secrets?.length) params.secrets = options.secrets;
    if (options.baseDirectory !== undefined) params.baseDirectory = options.baseDirectory;
    if (options.whatIf) params.whatIf = true;
    if (options.stateDirectory !== undefined) params.stateDirectory = options.stateDirectory;
    if (options.logPath !== undefined) params.logPath = options.logPath;
    if (options.restartProvider !== undefined) params.restartProvider = options.restartProvider;
    if (options.sourcePath !== undefined) params.sourcePath = options.sourcePath;
    if (options.announceStateFolder) params.announceStateFolder = true;
    if (options.noState) params.noState = true;
    return (await this.request('runSequence', params, options)) as ResultDocument;
  }

  /** Continues the run saved in `stateDirectory` (after a restart or a crash); resolves to its result document. */
  async resumeSequence(options: ResumeSequenceOptions): Promise<ResultDocument & { outline?: SequenceOutline }> {
    const params: Record<string, unknown> = { stateDirectory: options.stateDirectory };
    if (!options.onEvent) params.events = false;
    if (options.logPath !== undefined) params.logPath = options.logPath;
    if (options.restartProvider !== undefined) params.restartProvider = options.restartProvider;
    if (options.outline) params.outline = true;
    if (options.announceStateFolder) params.announceStateFolder = true;
    return (await this.request('resumeSequence', params, options)) as ResultDocument & { outline?: SequenceOutline };
  }

  /**
   * `invokeStep` with its events as an async iterator: `for await (const event of stream)` sees
   * them in order and ends with the call; `stream.result` is the result. Leaving the loop early
   * stops collecting (the call runs on; pass `signal` to stop it).
   */
  invokeStepEvents(step: StepInput, options: InvokeStepOptions = {}): EventStream<InvokeStepResult> {
    return eventStream((onEvent) => this.invokeStep(step, { ...options, onEvent: both(options.onEvent, onEvent) }));
  }

  /** `runSequence` with its events as an async iterator (see invokeStepEvents). */
  runSequenceEvents(document: SequenceDocument | unknown, options: RunSequenceOptions = {}): EventStream<ResultDocument> {
    return eventStream((onEvent) => this.runSequence(document, { ...options, onEvent: both(options.onEvent, onEvent) }));
  }

  /** `resumeSequence` with its events as an async iterator (see invokeStepEvents). */
  resumeSequenceEvents(options: ResumeSequenceOptions): EventStream<ResultDocument & { outline?: SequenceOutline }> {
    return eventStream((onEvent) => this.resumeSequence({ ...options, onEvent: both(options.onEvent, onEvent) }));
  }

  /** The step types the engine's module knows. */
  async getStepTypes(): Promise<unknown[]> {
    return (await this.request('getStepTypes')) as unknown[];
  }

  async ping(): Promise<boolean> {
    const result = (await this.request('ping')) as { pong?: boolean } | null;
    return result?.pong === true;
  }

  /** Sends a request, unless the engine could never answer it (those fail at once, nothing is sent). */
  private async request(method: MethodName, params: Record<string, unknown> = {}, options: RequestOptions = {}): Promise<unknown> {
    if (this.closing) throw new EngineClosedError(method);
    const handler = this.steps.runningHandler;
    if (handler) {
      throw new InvalidRequestError(
        method,
        `${method}: a Node step handler cannot call the engine that is running it; that engine is waiting for ` +
          `handler '${handler.name}' (step '${handler.path}') to finish, so the call would never be answered. ` +
          'Read and set variables through ctx.variables, or use another Engine for other work.',
      );
    }
    assertWellFormedParams(method, params);
    return this.session.request(method, params, options);
  }

  /** What the engine printed lately (stderr tail, known secret values masked), for diagnostics. */
  get stderrTail(): string {
    return this.secrets.mask(this.process.stderrTail.toString());
  }

  get pid(): number | undefined {
    return this.process.child.pid;
  }

  /** Asks the engine to shut down, kills it if it does not within `timeoutMs`, cleans up. */
  close(options: { timeoutMs?: number } = {}): Promise<void> {
    this.closing ??= this.shutdown(options.timeoutMs ?? 5000);
    return this.closing;
  }

  private async shutdown(timeoutMs: number): Promise<void> {
    this.goneError ??= new EngineClosedError('close', 'The engine was closed (engine.close()) before this request finished.');
    if (!this.session.failed) {
      const shutdown = this.session.request('shutdown').catch(() => undefined);
      await Promise.race([Promise.all([shutdown, this.process.exited]), delay(timeoutMs)]);
    }
    killProcessTree(this.process.child);
    this.session.fail(this.goneError);
    this.socket.destroy();
    await Promise.race([this.process.exited, delay(2000)]);
    this.server.close();
    removeEndpoint(this.endpoint);
  }

  /** Stops the engine now (protocol violation, aborted request); pending requests get `error`. */
  private stop(error: EngineUnavailableError): void {
    this.goneError ??= error;
    this.session.fail(error);
    killProcessTree(this.process.child);
    void this.close();
  }

  private watch(): void {
    const died = async () => {
      // The socket usually closes a moment before the exit status is known; wait for it briefly so
      // the message can say how the engine ended.
      const status = await Promise.race([this.process.exited, delay(1000).then(() => undefined)]);
      // Whatever it started (a command still running, a background process) must not outlive it,
      // just as after close(); an engine that only dropped the connection goes too.
      killProcessTree(this.process.child);
      this.server.close();
      removeEndpoint(this.endpoint);
      if (this.goneError) return this.session.fail(this.goneError);
      const how = !status ? 'closed the bridge connection' : status.signal ? `was killed (${status.signal})` : `exited with code ${status.code}`;
      this.goneError = new EngineUnavailableError(`The PowerShell engine ${how} unexpectedly: ${describeEngine(this.resolved)}.`, { stderr: this.stderrTail });
      this.session.fail(this.goneError);
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
 * the server keeps listening for the engine until the start timeout. A failure says how far
 * start-up got (connected or not, ready or not) and what the engine printed.
 */
function connect(
  server: Server,
  engineProcess: EngineProcess,
  timeoutMs: number,
  hooks: (session: () => BridgeSession) => SessionHooks,
  limits: SessionLimits,
  engineKey: string,
  secrets: SecretMask,
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

/** One listener calling both (the caller's first: a throwing one fails its request as before). */
function both(first: ((event: EngineEvent) => void) | undefined, second: (event: EngineEvent) => void): (event: EngineEvent) => void {
  return first
    ? (event) => {
        first(event);
        second(event);
      }
    : second;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
