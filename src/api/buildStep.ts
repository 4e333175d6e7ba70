// What every generated builder (generated/node/builders.ts) does: sets the step's type and checks
// the step before anyone can send it, so a wrong value fails where it was written.
import type { DocumentProblem } from '../bridge/schemaErrors.js';
import type { StepOf, StepParameters } from './stepTypes.js';
import { StepValidationError } from './StepValidationError.js';
import { assertValidStep } from './validateStep.js';

/**
 * The step `{ type, ...parameters }`, after checking it against the sequence schema.
 * @param builder The builder's name in `steps`, for the error message.
 * @throws {StepValidationError} naming the JSON path of every problem.
 */
export function buildStep<T extends string>(type: T, builder: string, parameters: StepParameters<T>): StepOf<T> {
  const source = `steps.${builder}()`;
  if (typeof parameters !== 'object' || parameters === null || Array.isArray(parameters)) {
    throw new StepValidationError(source, [{ path: '$', message: `must be an object with the step's properties (${kindOf(parameters)} given)` }]);
  }
  // Plain JavaScript callers can pass a type; another step type's would silently change the step.
  const given = (parameters as { type?: unknown }).type;
  if (given !== undefined && given !== type) {
    const problem: DocumentProblem = { path: '$.type', message: `must be ${JSON.stringify(type)} (${source} sets it; leave it out)` };
    throw new StepValidationError(source, [problem]);
  }
  const step: unknown = { type, ...parameters };
  assertValidStep(step, source);
  return step as StepOf<T>;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}
