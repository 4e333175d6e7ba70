// Types derived from the step model's Step union (src/model/sequence.ts), which the generator
// checks lists every step interface, Group and NodeStep: so these cover a new step type as soon
// as the model has it, with nothing to regenerate.
import type { Step } from '../model/sequence.js';

/** The `type` of any step: a step type name such as 'RunCommandLine', 'Group' or 'Node'. */
export type StepType = Step['type'];

// T is any string, not only StepType, so generated/node/builders.ts still compiles while it lags
// behind a model change (a removed step type gives never): the build must pass for
// `npm run generate` to bring it up to date.

/** The step (or group) whose `type` is T, such as RunCommandLineStep for 'RunCommandLine'. */
export type StepOf<T extends string> = Extract<Step, { type: T }>;

/** What a builder takes: the step's properties without `type`, which the builder sets. */
export type StepParameters<T extends string> = Omit<StepOf<T>, 'type'>;

/** Every step type mapped to its step interface. */
export type StepTypeMap = { [T in StepType]: StepOf<T> };

/**
 * A step as `invokeStep` takes it: `name` may be left out, and the step is then named after its
 * type ('Run Command Line'), as `Invoke-TsStep -Type` does. In documents every step has a name.
 */
export type StepInput = Step extends infer S ? (S extends { name: string } ? Omit<S, 'name'> & { name?: string } : never) : never;
