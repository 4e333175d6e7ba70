// Which step types this version's engine can run. The one list is the engine's runner table,
// ps-module/csharp/TsSequence.Core/Steps/StepRunners.cs ({ "RunCommandLine", new …Step() }):
// read from that file, so adding a runner there is all it takes. The differential test
// (test/bridge/validatorAgreement.test.ts) checks that this reading equals the engine's own
// StepRunners.IsImplemented for every type of the model.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { paths } from './paths.js';

export const stepRunnersFile = join(paths.root, 'ps-module', 'csharp', 'TsSequence.Core', 'Steps', 'StepRunners.cs');

let implemented: ReadonlySet<string> | undefined;

/** The step types with a runner (read once per process). */
export function implementedStepTypes(): ReadonlySet<string> {
  if (implemented) return implemented;
  let source: string;
  try {
    source = readFileSync(stepRunnersFile, 'utf8');
  } catch (error) {
    throw new Error(`Cannot tell which step types are implemented: cannot read ${stepRunnersFile} (${(error as Error).message}).`);
  }
  const table = /Dictionary<string, IStepRunner> Runners = [^{]*\{([\s\S]*?)\};/.exec(source);
  if (!table) throw new Error(`Cannot tell which step types are implemented: no runner table in ${stepRunnersFile}.`);
  implemented = new Set([...table[1]!.matchAll(/\{\s*"([A-Za-z]+)"\s*,\s*new\s/g)].map((match) => match[1]!));
  return implemented;
}

/** The warning for a step the engine cannot run yet, in the engine validator's words (Documents/ImplementedSteps.cs). */
export function notImplementedWarning(path: string, type: string): string {
  return `${path}.type: ${type} steps are not implemented yet in this version of tsseq; the run fails at this step`;
}

/** Warnings for every step of `steps` (groups walked) whose type has no runner. */
export function notImplementedWarnings(steps: unknown, path = '$.steps'): string[] {
  if (!Array.isArray(steps)) return [];
  const runners = implementedStepTypes();
  return steps.flatMap((step: unknown, index) => {
    const here = `${path}[${index}]`;
    if (typeof step !== 'object' || step === null) return [];
    const { type, steps: children } = step as { type?: unknown; steps?: unknown };
    if (type === 'Group') return notImplementedWarnings(children, `${here}.steps`);
    return typeof type === 'string' && !runners.has(type) ? [notImplementedWarning(here, type)] : [];
  });
}
