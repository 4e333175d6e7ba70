// invokeStep names a step given without a name after its type's display name, as Invoke-TsStep
// -Type does in PowerShell (DESIGN §4's Node example leaves the name out): the name is the
// step's path in its result.
import { stepCatalog } from '../../generated/node/stepCatalog.js';

const displayNames = new Map<string, string>([...stepCatalog.map((type) => [type.name, type.displayName] as const), ['Group', 'Group'], ['Node', 'Node Step']]);

/** The step with `name` set to its type's display name when it has none (or undefined); anything else unchanged. */
export function withDefaultName(step: unknown): unknown {
  if (typeof step !== 'object' || step === null || Array.isArray(step) || (step as { name?: unknown }).name !== undefined) return step;
  const { type } = step as { type?: unknown };
  const name = typeof type === 'string' ? displayNames.get(type) : undefined;
  // name: undefined counts as no name, as JSON.stringify would drop it.
  return name === undefined ? step : { type, ...step, name };
}
