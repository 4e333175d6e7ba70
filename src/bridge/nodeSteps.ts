// Steps implemented in Node ("type": "Node" in a document): the engine calls back with the
// handler name, the step's parameters and the current variables; the handler changes
// ctx.variables and the full environment goes back with the result.
// While a handler runs, the engine that called it is blocked waiting for the answer, so a request
// from the handler to that engine could never be answered: the registry remembers which handler
// call the current async context belongs to, and the Engine refuses such requests at once.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { CallbackMessage, CallbackResultMessage } from './protocol.js';
import { VariableMap } from './variables.js';
import { findIllFormedVariable, wellFormedProblem } from './wellFormed.js';

/** One running handler call: its registry, the handler's name and the step's path. */
export interface RunningHandler {
  readonly name: string;
  readonly path: string;
}

interface HandlerCall extends RunningHandler {
  registry: NodeStepRegistry;
  finished: boolean;
}

// Follows the handler's awaits, timers and promises, and nothing else.
const handlerCalls = new AsyncLocalStorage<HandlerCall>();

export interface NodeStepContext {
  /** The task-sequence environment: case-insensitive names, string values. */
  variables: VariableMap;
  /** The step's path in the document (names joined by '/'). */
  path: string;
  /**
   * Aborts when the step's timeoutMinutes is reached, or when the call running the step is
   * aborted (its AbortSignal or timeoutMs): the step has then already ended, and whatever the
   * handler does afterwards (its variables, its result) is ignored. Pass it on to what the
   * handler starts (fetch, child processes, timers) so they stop too.
   */
  signal: AbortSignal;
}

/** What a handler may return; nothing means exit code 0. */
export type NodeStepOutcome = void | undefined | { exitCode?: number; message?: string };

export type NodeStepHandler = (
  parameters: Record<string, unknown>,
  context: NodeStepContext,
) => NodeStepOutcome | Promise<NodeStepOutcome>;

/**
 * The handler calls in progress for one engine process, by callback id. Ids are numbered per
 * engine process ("c1", "c2", ...), so each engine connection keeps its own: a handler still
 * running for a dead engine is never taken for the fresh engine's call of the same id.
 */
export class RunningCalls {
  private readonly calls = new Map<string, AbortController>();

  start(id: string): AbortController {
    const controller = new AbortController();
    this.calls.set(id, controller);
    return controller;
  }

  end(id: string, controller: AbortController): void {
    if (this.calls.get(id) === controller) this.calls.delete(id);
  }

  /** The call that runs the steps was aborted, or the engine is gone: every handler in progress gets `reason` on its signal. */
  abortAll(reason: Error): void {
    for (const controller of this.calls.values()) controller.abort(reason);
  }

  /** The engine stopped waiting for callback `id`: its handler gets `reason` on its signal. */
  abort(id: string, reason: Error): void {
    this.calls.get(id)?.abort(reason);
  }
}

export class NodeStepRegistry {
  private readonly handlers = new Map<string, { name: string; handler: NodeStepHandler }>();

  register(name: string, handler: NodeStepHandler): void {
    if (typeof name !== 'string' || name.trim() === '') throw new TypeError('registerStep needs a non-empty handler name.');
    if (typeof handler !== 'function') throw new TypeError(`registerStep('${name}') needs a function.`);
    this.handlers.set(name.toLowerCase(), { name, handler });
  }

  get names(): string[] {
    return [...this.handlers.values()].map((entry) => entry.name);
  }

  /** Runs the requested handler (its signal kept in `running`) and builds the reply; never throws. */
  async answer(message: CallbackMessage, running: RunningCalls = new RunningCalls()): Promise<CallbackResultMessage> {
    const fail = (text: string): CallbackResultMessage => ({ type: 'callbackResult', id: message.id, error: { message: text } });
    if (message.method !== 'invokeNodeStep') return fail(`Unknown callback method '${message.method}'.`);
    const params = message.params ?? { handler: '' };
    const entry = this.handlers.get(String(params.handler ?? '').toLowerCase());
    if (!entry) {
      const known = this.names.length ? ` Registered: ${this.names.join(', ')}.` : ' None are registered.';
      return fail(`No Node step handler named '${params.handler}' (register it with engine.registerStep).${known}`);
    }
    const timeout = running.start(message.id);
    const context: NodeStepContext = { variables: new VariableMap(params.variables ?? {}), path: params.path ?? '', signal: timeout.signal };
    const call: HandlerCall = { registry: this, name: entry.name, path: context.path, finished: false };
    let timer: NodeJS.Timeout | undefined;
    try {
      // Before the call: a synchronous handler runs to its end inside it.
      const started = performance.now();
      const handling = handlerCalls.run(call, async () => entry.handler(params.parameters ?? {}, context));
      const timedOut = Symbol('timed out');
      const limit = params.timeoutMs;
      const outcome =
        typeof limit === 'number' && limit > 0
          ? await Promise.race([handling, new Promise<typeof timedOut>((resolve) => (timer = setTimeout(() => resolve(timedOut), limit)))])
          : await handling;
      // A handler that blocks the event loop cannot be raced: past its limit it fails all the same.
      if (outcome === timedOut || (typeof limit === 'number' && limit > 0 && performance.now() - started > limit)) {
        const minutes = limit! / 60_000;
        const text = `The Node step '${entry.name}' timed out after ${Number(minutes.toFixed(4))} minute(s); its handler's signal was aborted and its changes are ignored.`;
        timeout.abort(new Error(text));
        // A handler that ends later must not fail the process with an unhandled rejection.
        handling.catch(() => undefined);
        // No variables: the engine keeps the environment as it was before the step (ERROR_TIMEOUT, as Run Command Line).
        return { type: 'callbackResult', id: message.id, result: { exitCode: 1460, message: text } };
      }
      const exitCode = outcome?.exitCode ?? 0;
      if (!Number.isInteger(exitCode)) return fail(`Node step '${entry.name}' returned a non-integer exit code: ${String(exitCode)}.`);
      if (exitCode < -2147483648 || exitCode > 2147483647) return fail(`Node step '${entry.name}' returned exit code ${exitCode}, outside -2147483648..2147483647.`);
      if (outcome?.message !== undefined && typeof outcome.message !== 'string') {
        return fail(`Node step '${entry.name}' returned a message that is not a string (${typeof outcome.message}).`);
      }
      const variables = context.variables.toRecord();
      const outcomeMessage = outcome?.message ?? '';
      // The engine could not read such a reply, and the step would fail without saying why.
      const messageProblem = wellFormedProblem(outcomeMessage);
      const illFormed = findIllFormedVariable(variables)?.text ?? (messageProblem && `its message ${messageProblem}`);
      if (illFormed) return fail(`Node step '${entry.name}' returned an answer the engine cannot read: ${illFormed}`);
      return { type: 'callbackResult', id: message.id, result: { variables, exitCode, message: outcomeMessage } };
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      return fail(`Node step '${entry.name}' failed: ${text}`);
    } finally {
      if (timer) clearTimeout(timer);
      call.finished = true;
      running.end(message.id, timeout);
    }
  }

  /**
   * The handler of this registry that the calling code runs in (directly or through its awaits
   * and timers), while that handler call has not finished; undefined otherwise.
   */
  get runningHandler(): RunningHandler | undefined {
    const call = handlerCalls.getStore();
    return call && call.registry === this && !call.finished ? { name: call.name, path: call.path } : undefined;
  }
}
