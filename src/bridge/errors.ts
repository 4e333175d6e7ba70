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

/** A request was cancelled through its AbortSignal. */
export class EngineAbortError extends Error {
  override name = 'AbortError';
}
