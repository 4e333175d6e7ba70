// Checks one step (or group) with the sequence document's validator (the Ajv code compiled from
// generated/tsseq.schema.json at build time, plus the run's own rules), so a step is held to
// exactly the rules it meets inside a document. The step is checked as the only step of a
// document and the problems' paths are given from the step: `$.steps[0].commandLine` becomes
// `$.commandLine`.
import { validateDocument, type ValidationResult } from '../bridge/validateDocument.js';
import type { Step } from '../model/sequence.js';
import { StepValidationError } from './StepValidationError.js';

const STEP_PATH = '$.steps[0]';

/** Validates a step; lists every problem, each with its JSON path from the step (`$` is the step). */
export function validateStep(step: unknown): ValidationResult {
  const { valid, errors } = validateDocument({ name: 'step', steps: [step] });
  return { valid, errors: errors.map((problem) => ({ ...problem, path: fromStep(problem.path) })) };
}

/** Throws StepValidationError (its message starting with `source`) unless the step is valid. */
export function assertValidStep(step: unknown, source = 'step'): asserts step is Step {
  const { valid, errors } = validateStep(step);
  if (!valid) throw new StepValidationError(source, errors);
}

function fromStep(path: string): string {
  if (!path.startsWith(STEP_PATH)) return path;
  const rest = path.slice(STEP_PATH.length);
  return rest === '' || rest.startsWith('.') || rest.startsWith('[') ? `$${rest}` : path;
}
