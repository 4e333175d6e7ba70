// One connection to Start-TsBridge.ps1: waits for `ready`, sends requests one at a time (the
// engine handles one request at a time, so later ones wait in a queue here), routes events to
// the request they belong to and answers the engine's callbacks.
import type { Socket } from 'node:net';
import { abortError, EngineAbortError, EngineRequestError, EngineTimeoutError, EngineUnavailableError, InvalidRequestError, MessageTooLargeError, describeBytes } from './errors.js';
import { encodeMessage, LineChannel } from './lineChannel.js';
import {
  asEngineEvent,
  asIncomingMessage,
  type CallbackCancelMessage,
  type CallbackMessage,
  type CallbackResultMessage,
  type EngineEvent,
  type ErrorPayload,
  type MethodName,
  type ReadyMessage,
} from './protocol.js';
import { findUnsendable } from './jsonSafe.js';
import { onAbort } from './abortListeners.js';
import { encodeRequest } from './requestLine.js';

export interface RequestOptions {
  onEvent?: (event: EngineEvent) => void;
  signal?: AbortSignal;
  /** Stops the call after this many milliseconds (queued time included), as an abort does: EngineTimeoutError. */
  timeoutMs?: number;
  /** The timeoutMs the caller gave, for the message, when part of it was spent before this session (waiting for a fresh engine). */
  timeoutGivenMs?: number;
}

export interface SessionHooks {
  /** Answers a callback from the engine (a Node-implemented step). */
  onCallback: (message: CallbackMessage) => Promise<CallbackResultMessage>;
  /** The engine gave up waiting for a callback: that handler's signal must abort. */
  onCallbackCancel?: (message: CallbackCancelMessage) => void;
  /** A running request was aborted and the engine told to cancel it (Node-step handlers in progress must stop too). */
  onCancel?: (error: EngineAbortError) => void;
  /** An aborted request's step did not stop within the grace period: the engine must be stopped. */
  onCancelUnanswered: (method: MethodName, graceMs: number) => void;
  /** An aborted request's script could not be stopped and runs on inside the engine: the engine must be stopped. */
  onStepLeftRunning: (method: MethodName) => void;
  /** A request finished, but a step's timeout left a script running in the engine: the engine is retired (the next calls go to a fresh one). */
  onScriptLeftRunning: () => void;
  /** The engine broke the protocol (a line that is not JSON, an unknown message). */
  onProtocolError: (error: EngineUnavailableError) => void;
  /** Sees every request's params and its result (secret values to mask in error messages). */
  onExchange?: (params: Record<string, unknown>, result: unknown) => void;
}

export interface SessionLimits {
  /** The largest line either side sends (default DEFAULT_MAX_MESSAGE_BYTES). */
  maxMessageBytes?: number;
  /** How long an aborted request's step may take to stop before the engine is stopped (default 5 s). */
  cancelGraceMs?: number;
}

/**
 * 256 MiB. Node reads each line as one string (V8 caps strings at about 512 M characters) and the
 * engine's reply to a request can be about twice its size (a step copying a variable returns both).
 */
export const DEFAULT_MAX_MESSAGE_BYTES = 256 * 1024 * 1024;
const DEFAULT_CANCEL_GRACE_MS = 5000;

interface PendingRequest {
  id: number;
  method: MethodName;
  params: Record<string, unknown>;
  options: RequestOptions;
  settled: boolean;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  detach: Array<() => void>;
  /** Set once aborted (signal or timeout) after it was sent: the error it rejects with when the engine answers. */
  aborted?: EngineAbortError;
}

export class BridgeSession {
  readonly ready: Promise<ReadyMessage>;
  private resolveReady!: (message: ReadyMessage) => void;
  private rejectReady!: (error: Error) => void;
  private readonly channel: LineChannel;
  private readonly queue: PendingRequest[] = [];
  private inFlight: PendingRequest | undefined;
  private nextId = 1;
  private failure: Error | undefined;

  readonly maxMessageBytes: number;
  private readonly cancelGraceMs: number;

  constructor(socket: Socket, private readonly hooks: SessionHooks, limits: SessionLimits = {}) {
    this.maxMessageBytes = limits.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
    this.cancelGraceMs = limits.cancelGraceMs ?? DEFAULT_CANCEL_GRACE_MS;
    this.ready = new Promise<ReadyMessage>((resolve, reject) => {
      this.resolveReady = resolve;
      this.rejectReady = reject;
    });
    this.ready.catch(() => undefined); // observed by whoever awaits start-up; never unhandled
    this.channel = new LineChannel(socket, {
      maxLineBytes: this.maxMessageBytes,
      onMessage: (message) => this.dispatch(message),
      // Neither the line nor JSON.parse's message (which quotes it) is shown: protocol lines
      // carry variable values, secrets included.
      onOversizeLine: (bytes) =>
        this.hooks.onProtocolError(
          new EngineUnavailableError(`The engine sent a line of more than ${bytes} bytes, over the bridge's message limit of ${describeBytes(this.maxMessageBytes)}.`),
        ),
      onBadLine: (line) =>
        this.hooks.onProtocolError(
          new EngineUnavailableError(`The engine sent a line that is not JSON (${line.length} characters, not shown: it may hold variable values).`),
        ),
    });
  }

  /** True once the session can no longer carry requests. */
  get failed(): boolean {
    return this.failure !== undefined;
  }

  get busy(): boolean {
    return this.inFlight !== undefined || this.queue.length > 0;
  }

  request(method: MethodName, params: Record<string, unknown> = {}, options: RequestOptions = {}): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    if (options.signal?.aborted) return Promise.reject(abortError(method, options.signal));
    return new Promise<unknown>((resolve, reject) => {
      const pending: PendingRequest = { id: this.nextId++, method, params, options, settled: false, resolve, reject, detach: [] };
      if (options.signal) {
        const signal = options.signal;
        pending.detach.push(onAbort(signal, () => this.abort(pending, abortError(method, signal))));
      }
      if (options.timeoutMs !== undefined) {
        const timer = setTimeout(() => this.abort(pending, new EngineTimeoutError(`${method} timed out after ${options.timeoutGivenMs ?? options.timeoutMs} ms`)), options.timeoutMs);
        pending.detach.push(() => clearTimeout(timer));
      }
      this.queue.push(pending);
      this.pump();
    });
  }

  /** Sends a message that is not a request (auth); nothing once the session failed. */
  send(message: unknown): void {
    if (!this.failure) this.channel.send(message);
  }

  /** Rejects everything pending and refuses later requests. */
  fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.rejectReady(error);
    const pending = [...(this.inFlight ? [this.inFlight] : []), ...this.queue.splice(0)];
    this.inFlight = undefined;
    for (const request of pending) {
      if (request.aborted && !request.settled) request.aborted.message += `; then the engine went away: ${error.message}`;
      settle(request, request.aborted ?? error);
    }
  }

  private pump(): void {
    while (!this.inFlight && !this.failure) {
      const next = this.queue.shift();
      if (!next) return;
      let line: Buffer;
      try {
        line = encodeRequest(next.id, next.method, next.params);
      } catch (error) {
        // Not JSON-serializable (a cycle, a BigInt): fail this request alone, naming where; nothing was sent.
        settle(next, unsendableRequest(next.method, next.params, error));
        continue;
      }
      if (line.length >= this.maxMessageBytes) {
        settle(next, new MessageTooLargeError(next.method, line.length, this.maxMessageBytes));
        continue;
      }
      this.inFlight = next;
      this.hooks.onExchange?.(next.params, undefined);
      this.channel.sendLine(line);
    }
  }

  /**
   * A queued request is dropped at once. One the engine is running gets a cancel: the engine stops
   * its step as the step's timeout would and answers, and the request rejects then with `error`;
   * the engine stays usable. If it does not answer within the grace period, the engine is stopped.
   */
  private abort(request: PendingRequest, error: EngineAbortError): void {
    if (request.settled || request.aborted) return;
    const queued = this.queue.indexOf(request);
    if (queued !== -1) {
      this.queue.splice(queued, 1);
      error.message += ' before it started.';
      settle(request, error);
      return;
    }
    if (this.inFlight !== request) return;
    request.aborted = error;
    this.channel.send({ type: 'cancel', id: request.id });
    this.hooks.onCancel?.(error);
    const timer = setTimeout(() => {
      if (request.settled) return;
      error.message += `; the step did not stop within ${this.cancelGraceMs / 1000} s, so the engine was stopped.`;
      settle(request, error);
      this.hooks.onCancelUnanswered(request.method, this.cancelGraceMs);
    }, this.cancelGraceMs);
    timer.unref();
    request.detach.push(() => clearTimeout(timer));
  }

  /**
   * A Node step's answer is a message Node sends too: held to the limit it announced, or the step
   * fails saying so. One too large for a JavaScript string at all (V8's limit, about 512 M
   * characters of JSON) is the same case, never an exception that takes the process down.
   */
  private sendCallbackAnswer(reply: CallbackResultMessage): void {
    let line: string | undefined;
    try {
      line = encodeMessage(reply);
    } catch {
      // A RangeError: the answer's JSON is longer than V8 makes a string (its parts are checked strings and numbers).
    }
    const bytes = line === undefined ? undefined : Buffer.byteLength(line) - 1;
    if (line !== undefined && bytes! < this.maxMessageBytes) return this.channel.sendLine(line);
    const size = bytes === undefined ? 'too large to encode (over the longest string JavaScript can make)' : `${bytes} bytes as JSON`;
    const text = `The Node step's answer is ${size}, over the bridge's message limit of ${describeBytes(this.maxMessageBytes)} (maxMessageBytes); nothing of it was sent. Set fewer or smaller variables.`;
    this.channel.send({ type: 'callbackResult', id: reply.id, error: { message: text } });
  }

  private dispatch(raw: unknown): void {
    const message = asIncomingMessage(raw);
    if (!message) {
      this.hooks.onProtocolError(new EngineUnavailableError(`The engine sent an unknown message: ${describeShape(raw)}.`));
      return;
    }
    switch (message.type) {
      case 'ready':
        this.resolveReady(message);
        return;
      case 'event': {
        const request = this.inFlight;
        if (!request || request.id !== message.id || request.settled || !request.options.onEvent) return;
        try {
          request.options.onEvent(asEngineEvent(message.event));
        } catch (error) {
          // A throwing listener fails its own request; the engine still finishes it before the next.
          settle(request, error instanceof Error ? error : new Error(String(error)));
        }
        return;
      }
      case 'response': {
        const request = this.inFlight;
        // id null: the engine could not read the request it was given, which can only be the one
        // in flight (one at a time); it goes on serving, so only that request fails.
        if (!request || (message.id !== null && request.id !== message.id)) return; // a late answer to an aborted request
        this.inFlight = undefined;
        if (request.aborted && message.scriptLeftRunning === true) {
          request.aborted.message += '; its script did not stop (blocked in a call PowerShell cannot interrupt), so the engine was stopped.';
          settle(request, request.aborted);
          this.hooks.onStepLeftRunning(request.method);
        } else if (request.aborted) {
          request.aborted.message += '; the engine stopped its running step (it serves the next request).';
          settle(request, request.aborted);
        }
        else if (message.id === null) settle(request, new EngineRequestError(request.method, unreadableRequest(message.error)));
        else if (message.error) settle(request, new EngineRequestError(request.method, message.error));
        else {
          this.hooks.onExchange?.(request.params, message.result);
          settle(request, undefined, message.result ?? null);
        }
        if (message.scriptLeftRunning === true && !request.aborted) this.hooks.onScriptLeftRunning();
        this.pump();
        return;
      }
      case 'callback':
        void this.hooks.onCallback(message).then((reply) => {
          if (!this.failure) this.sendCallbackAnswer(reply);
        });
        return;
      case 'callbackCancel':
        this.hooks.onCallbackCancel?.(message);
        return;
    }
  }
}

/** The typed error for params JSON.stringify refused: the path of the BigInt or cycle when one is found. */
function unsendableRequest(method: string, params: Record<string, unknown>, error: unknown): InvalidRequestError {
  for (const key of Object.keys(params)) {
    const rooted = key === 'step' || key === 'document';
    const found = findUnsendable(params[key], rooted ? '$' : key);
    if (!found) continue;
    const what = key === 'variables' ? `the variable ${found.path.slice('variables'.length + 1)}` : `the value at ${found.path}`;
    return new InvalidRequestError(method, `${method}: ${what} ${found.message}. Nothing was sent to the engine.`, rooted ? { path: found.path } : {});
  }
  const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  return new InvalidRequestError(method, `${method}: the request cannot be sent as JSON (${reason}). Nothing was sent to the engine.`);
}

function settle(request: PendingRequest, error: Error | undefined, value?: unknown): void {
  if (request.settled) return;
  request.settled = true;
  for (const detach of request.detach) detach();
  if (error) request.reject(error);
  else request.resolve(value);
}

function unreadableRequest(error: ErrorPayload | undefined): ErrorPayload {
  const reason = typeof error?.message === 'string' && error.message ? error.message : 'no reason given';
  return { errorId: 'TsSequence.MalformedRequest', category: 'ParserError', ...error, message: `The engine could not read the request: ${reason}` };
}

/** A message's type, id and property names, never its values (they may be secrets). */
function describeShape(raw: unknown): string {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return `a JSON ${Array.isArray(raw) ? 'array' : raw === null ? 'null' : typeof raw}`;
  const { type, id } = raw as { type?: unknown; id?: unknown };
  const show = (value: unknown) => (typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : typeof value === 'number' || value === null ? String(value) : typeof value);
  const keys = Object.keys(raw).slice(0, 10).join(', ');
  return `type ${type === undefined ? '(none)' : show(type)}, id ${id === undefined ? '(none)' : show(id)}, properties ${keys || '(none)'}`;
}
