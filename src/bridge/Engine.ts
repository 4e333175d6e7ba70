// The public face of the bridge: an engine session (EngineConnection) plus invokeStep /
// runSequence / registerStep. When the engine dies, what it was running fails with a typed error
// and the next call starts a fresh engine with the same settings and Node steps.
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { abortError, EngineClosedError, EngineTimeoutError, EngineUnavailableError, InvalidRequestError } from './errors.js';
import { EngineConnection, type ConnectionSettings } from './engineConnection.js';
import type { OutputListener } from './engineProcess.js';
import { NodeStepRegistry, type NodeStepHandler } from './nodeSteps.js';
import { paths } from './paths.js';
import type { EngineEvent, InvokeStepResult, MethodName, ReadyMessage, ResultDocument, VariableRecord } from './protocol.js';
import { resolveEngine, type EngineChoice, type ResolvedEngine } from './resolveEngine.js';
import { onAbort } from './abortListeners.js';
import { LONGEST_TIMER_MS, timerDelay } from './milliseconds.js';
import { assertValidStep } from '../api/validateStep.js';
import { withDefaultName } from '../api/defaultStepName.js';
import type { StepInput } from '../api/stepTypes.js';
import type { Step } from '../model/sequence.js';
import { eventStream, type EventStream } from './eventStream.js';
import { SecretMask } from './secretMask.js';
import { DEFAULT_MAX_MESSAGE_BYTES, type RequestOptions } from './session.js';
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

/**
 * Events: 'output' (stream, text) for everything the engine prints; 'exit' (status) when an
 * engine dies unasked; 'restart' (info) when a call started a fresh one after that.
 */
export class Engine extends EventEmitter {
  private closing: Promise<void> | undefined;
  /** The session in use, or the one that died (its error answers until the next call reopens). */
  private connection: EngineConnection;
  private reopening: Promise<EngineConnection> | undefined;
  private cancelReopen: AbortController | undefined;
  private startCount = 1;
  /** Why the last fresh engine could not start (until one does). */
  private lastStartFailure: EngineUnavailableError | undefined;
  private readonly replaced = new Set<EngineConnection>();

  private constructor(
    readonly resolved: ResolvedEngine,
    private readonly settings: ConnectionSettings,
    first: EngineConnection,
    private readonly steps: NodeStepRegistry,
  ) {
    super();
    this.connection = first;
    this.adopt(first);
  }

  static async start(options: EngineStartOptions = {}): Promise<Engine> {
    const resolved = resolveEngine({ engine: options.engine, env: options.env });
    for (const [what, file] of [['bridge script', paths.bridgeScript], ['module manifest', paths.moduleManifest]] as const) {
      if (!existsSync(file)) throw new EngineUnavailableError(`The ${what} ${file} is missing; run 'npm run build' in ${paths.root}.`);
    }
    // What killed engines left in the temp directory goes, while this one starts.
    const cleaning = removeStaleTempEntries().catch(() => []);
    const emitter = new EventEmitter();
    const steps = new NodeStepRegistry();
    // Node reads a line as one string: V8 makes none longer than about 512 M characters.
    const maxMessageBytes = Math.min(options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES, 512 * 1024 * 1024);
    const settings: ConnectionSettings = {
      resolved,
      startTimeoutMs: startLimit(options.startTimeoutMs, 'startTimeoutMs') ?? DEFAULT_START_TIMEOUT_MS,
      limits: { maxMessageBytes, cancelGraceMs: startLimit(options.cancelGraceMs, 'cancelGraceMs') },
      env: options.env,
      cwd: options.cwd,
      steps,
      secrets: new SecretMask(),
      onOutput: (stream, text) => {
        options.onOutput?.(stream, text);
        emitter.emit('output', stream, text);
      },
    };
    const first = await EngineConnection.open(settings);
    const engine = new Engine(resolved, settings, first, steps);
    // Forward output printed after start-up to listeners registered on the engine itself.
    emitter.on('output', (stream, text) => engine.emit('output', stream, text));
    await cleaning;
    return engine;
  }

  /** The current engine's `ready` message: protocol, PowerShell version and edition, module version. */
  get info(): ReadyMessage {
    return this.connection.info;
  }

  /** How many engine processes this Engine has started: 1, plus one per restart after a crash. */
  get starts(): number {
    return this.startCount;
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

  /**
   * Sends a request, unless the engine could never answer it (those fail at once, nothing is
   * sent). After the engine died, this is the call that starts a fresh one.
   */
  private async request(method: MethodName, params: Record<string, unknown> = {}, options: RequestOptions = {}): Promise<unknown> {
    if (this.closing) throw new EngineClosedError(method);
    if (options.timeoutMs !== undefined) options = { ...options, timeoutMs: timerDelay(options.timeoutMs, 'timeoutMs', method) };
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
    if (!this.connection.gone) return this.connection.request(method, params, options);
    const { connection, remaining } = await this.waitForFreshEngine(method, options);
    if (this.closing) throw new EngineClosedError(method);
    return connection.request(method, params, remaining);
  }

  /**
   * The fresh engine a call after a death runs on. The call's signal and timeoutMs hold while it
   * waits (it is never sent if they end first), and the time waited counts against timeoutMs.
   */
  private async waitForFreshEngine(method: MethodName, options: RequestOptions): Promise<{ connection: EngineConnection; remaining: RequestOptions }> {
    const { signal, timeoutMs } = options;
    if (signal?.aborted) throw abortError(method, signal);
    const started = Date.now();
    const starting = this.reopen();
    if (!signal && timeoutMs === undefined) return { connection: await starting, remaining: options };
    const connection = await new Promise<EngineConnection>((resolve, reject) => {
      const stopListening = signal ? onAbort(signal, () => reject(abortError(method, signal))) : undefined;
      const timer =
        timeoutMs === undefined
          ? undefined
          : setTimeout(() => reject(new EngineTimeoutError(`${method} timed out after ${timeoutMs} ms while a fresh engine started; nothing was sent`)), timeoutMs);
      starting.then(resolve, reject).finally(() => {
        stopListening?.();
        clearTimeout(timer);
      });
    });
    if (timeoutMs === undefined) return { connection, remaining: options };
    const left = timeoutMs - (Date.now() - started);
    if (left <= 0) throw new EngineTimeoutError(`${method} timed out after ${timeoutMs} ms while a fresh engine started; nothing was sent`);
    return { connection, remaining: { ...options, timeoutMs: left, timeoutGivenMs: timeoutMs } };
  }

  /** One fresh engine for every call waiting after a death; a failed start fails those calls alone. */
  private reopen(): Promise<EngineConnection> {
    if (this.reopening) return this.reopening;
    // What the dead engine left in the temp directory goes while the new one starts.
    const cleaning = removeStaleTempEntries().catch(() => []);
    const cancel = (this.cancelReopen = new AbortController());
    this.reopening = EngineConnection.open(this.settings, cancel.signal)
      .then(async (connection) => {
        await cleaning;
        this.lastStartFailure = undefined;
        if (this.closing) return connection; // close() closes it; it never served anybody
        this.keepUntilEnded(this.connection);
        this.connection = connection;
        this.startCount++;
        this.adopt(connection);
        this.emit('restart', connection.info);
        return connection;
      })
      .catch((error: unknown) => {
        if (error instanceof EngineUnavailableError && !this.closing) this.lastStartFailure = error;
        throw error;
      })
      .finally(() => {
        this.reopening = undefined;
      });
    return this.reopening;
  }

  /** A replaced engine that has not exited yet (one retiring serves its queue first): close() closes it too. */
  private keepUntilEnded(connection: EngineConnection): void {
    this.replaced.add(connection);
    void connection.ended.then(() => this.replaced.delete(connection));
  }

  private adopt(connection: EngineConnection): void {
    connection.on('exit', (status) => this.emit('exit', status));
  }

  /**
   * What the engine printed lately (stderr tail, known secret values masked), for diagnostics;
   * after a fresh engine failed to start, what that one printed.
   */
  get stderrTail(): string {
    return this.lastStartFailure ? (this.lastStartFailure.stderrTail ?? '') : this.connection.stderrTail;
  }

  /** The engine process in use; after a death, the dead one's until a fresh one has started. */
  get pid(): number | undefined {
    return this.connection.pid;
  }

  /** Asks the engine to shut down, kills it if it does not within `timeoutMs`, cleans up. */
  close(options: { timeoutMs?: number } = {}): Promise<void> {
    this.closing ??= this.shutdown(options.timeoutMs ?? 5000);
    return this.closing;
  }

  private async shutdown(timeoutMs: number): Promise<void> {
    // An engine starting for a waiting call is closed too, once it is up.
    const starting = this.reopening?.catch(() => undefined);
    this.cancelReopen?.abort(); // nobody will use it: it is killed, not awaited to its start deadline
    await Promise.all([this.connection, ...this.replaced].map((connection) => connection.close(timeoutMs)));
    if (starting) await (await starting)?.close(timeoutMs);
  }
}

/** An Engine.start time limit as a timer delay (Infinity: the longest a timer waits); undefined when not given. */
function startLimit(value: number | undefined, name: string): number | undefined {
  return value === undefined ? undefined : (timerDelay(value, name, 'Engine.start') ?? LONGEST_TIMER_MS);
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

