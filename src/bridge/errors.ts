// Errors the bridge raises. Each carries a message a person can act on without the stack trace.
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

/** The engine process could not start, did not connect, died, or broke the protocol. */
export class EngineUnavailableError extends Error {
  override name = 'EngineUnavailableError';
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

/** A request ran out of its timeoutMs; handled as an abort. */
export class EngineTimeoutError extends EngineAbortError {
  override name = 'TimeoutError';
}

/** A request whose JSON line is over the bridge's message limit: refused before sending, the engine is unaffected. */
export class MessageTooLargeError extends InvalidRequestError {
  override name = 'MessageTooLargeError';

  constructor(method: string, readonly bytes: number, readonly limit: number) {
    super(method, `${method}: the request is ${bytes} bytes as JSON, over the bridge's message limit of ${limit} bytes (maxMessageBytes). Nothing was sent to the engine; send fewer or smaller variables.`);
  }
}
