// The typed Node API: the step model's own interfaces as the package's types (they are the exact
// types of steps, groups, conditions and documents), the generated builders, and step validation.
export type * from '../model/index.js';
export type { StepInput, StepOf, StepParameters, StepType, StepTypeMap } from './stepTypes.js';
export { builderNames, steps, type StepBuilders } from '../../generated/node/builders.js';
export { sequence } from './sequence.js';
export { StepValidationError } from './StepValidationError.js';
export { assertValidStep, validateStep } from './validateStep.js';
