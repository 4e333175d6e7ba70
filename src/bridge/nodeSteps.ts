// Steps implemented in Node ("type": "Node" in a document): the engine calls back with the
// handler name, the step's parameters and the current variables; the handler changes
// ctx.variables and the full environment goes back with the result.
import type { CallbackMessage, CallbackResultMessage } from './protocol.js';
import { VariableMap } from './variables.js';
import { findIllFormedVariable, wellFormedProblem } from './wellFormed.js';

export interface NodeStepContext {
  /** The task-sequence environment: case-insensitive names, string values. */
  variables: VariableMap;
  /** The step's path in the document (names joined by '/'). */
  path: string;
}

/** What a handler may return; nothing means exit code 0. */
export type NodeStepOutcome = void | undefined | { exitCode?: number; message?: string };

export type NodeStepHandler = (
  parameters: Record<string, unknown>,
  context: NodeStepContext,
) => NodeStepOutcome | Promise<NodeStepOutcome>;

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

  /** Runs the requested handler and builds the reply; never throws. */
  async answer(message: CallbackMessage): Promise<CallbackResultMessage> {
    const fail = (text: string): CallbackResultMessage => ({ type: 'callbackResult', id: message.id, error: { message: text } });
    if (message.method !== 'invokeNodeStep') return fail(`Unknown callback method '${message.method}'.`);
    const params = message.params ?? { handler: '' };
    const entry = this.handlers.get(String(params.handler ?? '').toLowerCase());
    if (!entry) {
      const known = this.names.length ? ` Registered: ${this.names.join(', ')}.` : ' None are registered.';
      return fail(`No Node step handler named '${params.handler}' (register it with engine.registerStep).${known}`);
    }
    const context: NodeStepContext = { variables: new VariableMap(params.variables ?? {}), path: params.path ?? '' };
    try {
      const outcome = await entry.handler(params.parameters ?? {}, context);
      const exitCode = outcome?.exitCode ?? 0;
      if (!Number.isInteger(exitCode)) return fail(`Node step '${entry.name}' returned a non-integer exit code: ${String(exitCode)}.`);
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
    }
  }
}
