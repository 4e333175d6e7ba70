// Errors the bridge raises. Each carries a message a person can act on without the stack trace.
import { stderrSuffix } from './engineProcess.js';
import type { ErrorPayload } from './protocol.js';

/** The engine answered a request with an error (a failed step call, an invalid document, …). */
export class EngineRequestError extends Error {
  override name = 'EngineRequestError';
  readonly errorId?: string;
  readonly category?: string;
  /** JSON path of the offending part of a document, when the engine reported one. */
  readonly path?: string;

  constructor(readonly method: string, payload: ErrorPayload) {
    super(payload.path ? `${payload.message} (at ${payload.path})` : payload.message);
    this.errorId = payload.errorId;
    this.category = payload.category;
    this.path = payload.path;
  }
}

/** Ends the reason of an engine death: the Engine starts a fresh engine for the next call (the CLI, which makes none, leaves it out). */
export const RESTART_HINT = ' The next call starts a fresh engine.';

/** The engine process could not start, did not connect, died, or broke the protocol. */
export class EngineUnavailableError extends Error {
  override name = 'EngineUnavailableError';
  /** What happened, without the engine's stderr lines that `message` quotes after it. */
  readonly reason: string;
  /** The engine's last stderr lines that `message` quotes (secret values Node knows masked), or undefined. */
  readonly stderrTail?: string;

  constructor(reason: string, options: { stderr?: string } = {}) {
    const suffix = options.stderr === undefined ? '' : stderrSuffix(options.stderr);
    super(reason + suffix);
    this.reason = reason;
    if (suffix) this.stderrTail = options.stderr;
  }
}

/** A call on an engine that close() has closed (or is closing): it is never sent. Start another engine. */
export class EngineClosedError extends EngineUnavailableError {
  override name = 'EngineClosedError';
  constructor(readonly method: string, message = `${method}: the engine is closed (engine.close() was called); nothing was sent. Start another with Engine.start().`) {
    super(message);
  }
}

/**
 * Node refused a request before sending it, because the engine could not serve it as given (a
 * string that is not well-formed Unicode, a Node step handler calling its own engine). Nothing
 * was sent; the engine is unaffected and later requests work.
 */
export class InvalidRequestError extends Error {
  override name = 'InvalidRequestError';
  /** JSON path of the offending string in the step / document, when that is where it is. */
  readonly path?: string;
  /** Name of the offending variable, when it is a variable's value. */
  readonly variable?: string;

  constructor(readonly method: string, message: string, where: { path?: string; variable?: string } = {}) {
    super(message);
    this.path = where.path;
    this.variable = where.variable;
  }
}

/**
 * A request was cancelled through its AbortSignal (or its timeoutMs: EngineTimeoutError). A
 * request the engine was running rejects once the engine has stopped its step; the engine stays
 * usable, unless the step would not stop (the message then says the engine was stopped).
 */
export class EngineAbortError extends Error {
  override name = 'AbortError';
}

/** The error of a call whose signal aborted: "<method> was aborted", with the signal's reason when it gave one. */
export function abortError(method: string, signal: AbortSignal): EngineAbortError {
  const reason = signal.reason instanceof Error && signal.reason.name !== 'AbortError' ? ` (${signal.reason.message})` : '';
  return new EngineAbortError(`${method} was aborted${reason}`);
}

/** A request ran out of its timeoutMs; handled as an abort. */
export class EngineTimeoutError extends EngineAbortError {
  override name = 'TimeoutError';
}

/** A request whose JSON line is over the bridge's message limit: refused before sending, the engine is unaffected. */
export class MessageTooLargeError extends InvalidRequestError {
  override name = 'MessageTooLargeError';

  constructor(method: string, readonly bytes: number, readonly limit: number) {
    super(method, `${method}: the request is ${bytes} bytes as JSON, over the bridge's message limit of ${describeBytes(limit)} (maxMessageBytes). Nothing was sent to the engine; send fewer or smaller variables.`);
  }
}

/** "256 MiB (268435456 bytes)": a size limit as both sides of the bridge state it. */
export function describeBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return `${Number.isInteger(mib) ? mib : Number(mib.toFixed(2))} MiB (${bytes} bytes)`;
}
