// Turns Ajv errors into one message per real problem. The hard part is oneOf/anyOf (conditions
// are a oneOf of forms): Ajv reports every branch's complaints, so a condition with a misspelt
// operator produced 18 errors. Here each failing branch is re-validated on its own and only the
// branch that fits the value best is reported.
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { suggestionFor } from './suggestion.js';

export interface DocumentProblem {
  /** JSON path such as `$.steps[0].commandLine`; for syntax errors, `line:column`. */
  path: string;
  message: string;
}

interface Problem extends DocumentProblem {
  /** JSON pointer of the value the error is about (a missing property's parent). */
  pointer: string;
  /** How badly that value misses its schema: a wrong type is worse than a missing property. */
  weight: number;
}

export class SchemaErrorDescriber {
  private readonly branchValidators = new WeakMap<object, ValidateFunction>();

  constructor(
    private readonly ajv: Ajv,
    private readonly definitions: unknown,
  ) {}

  describe(errors: ErrorObject[]): DocumentProblem[] {
    const seen = new Set<string>();
    return this.problems(errors, '')
      .map(({ path, message }) => ({ path, message }))
      .filter((problem) => {
        const key = `${problem.path}\0${problem.message}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
  }

  /** `base` is the JSON pointer that the errors' instancePath values are relative to. */
  private problems(errors: ErrorObject[], base: string): Problem[] {
    const combinators = outermostCombinators(errors);
    const result: Problem[] = [];
    const emitted = new Set<ErrorObject>();
    for (const error of errors) {
      const owner = combinators.find((c) => covers(c.instancePath, error.instancePath));
      if (!owner) {
        if (error.keyword !== 'if') result.push(describeError(error, base)); // "must match then" repeats the branch's own errors
        continue;
      }
      if (emitted.has(owner)) continue;
      emitted.add(owner);
      result.push(...this.bestBranch(owner, base));
    }
    return result;
  }

  private bestBranch(combinator: ErrorObject, base: string): Problem[] {
    const branches = Array.isArray(combinator.schema) ? (combinator.schema as object[]) : [];
    const pointer = base + combinator.instancePath;
    let best: Problem[] | undefined;
    let bestScore = Infinity;
    let ties = 0;
    for (const branch of branches) {
      const validate = this.branchValidator(branch);
      if (validate(combinator.data)) continue; // cannot happen for a failed anyOf; oneOf with two matches
      const problems = this.problems(validate.errors ?? [], pointer);
      // A branch whose shape fits and only fails deeper down is the one the author meant.
      const score = problems.reduce((sum, p) => sum + (p.pointer === pointer ? p.weight : 1), 0);
      if (score < bestScore) [best, bestScore, ties] = [problems, score, 1];
      else if (score === bestScore) ties++;
    }
    const path = jsonPointerToPath(pointer);
    if (!best) return [{ path, pointer, message: 'matches more than one allowed form', weight: 1 }];
    // Several forms fit equally badly at the top: naming one form's missing properties would mislead.
    if (ties > 1 && best.every((p) => p.pointer === pointer)) {
      return [{ path, pointer, message: `does not match any allowed form (${branches.map(branchName).join(', ')})`, weight: 10 }];
    }
    return best;
  }

  private branchValidator(branch: object): ValidateFunction {
    let validate = this.branchValidators.get(branch);
    if (!validate) {
      // The branch's $refs point into the root schema's definitions: bring them along.
      validate = this.ajv.compile({ ...branch, definitions: this.definitions });
      this.branchValidators.set(branch, validate);
    }
    return validate;
  }
}

/** The last oneOf/anyOf error at each instance path that no shallower combinator covers (Ajv reports inner ones first). */
function outermostCombinators(errors: ErrorObject[]): ErrorObject[] {
  const byPath = new Map<string, ErrorObject>();
  for (const error of errors) if (error.keyword === 'oneOf' || error.keyword === 'anyOf') byPath.set(error.instancePath, error);
  const all = [...byPath.values()];
  return all.filter((c) => !all.some((other) => other !== c && covers(other.instancePath, c.instancePath)));
}

function covers(ancestor: string, path: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}/`);
}

function branchName(branch: object): string {
  const ref = (branch as { $ref?: string }).$ref;
  if (ref) return ref.slice(ref.lastIndexOf('/') + 1);
  const type = (branch as { type?: unknown }).type;
  return typeof type === 'string' ? type : 'schema';
}

/** `/steps/0/command Line` → `$.steps[0]["command Line"]`. */
export function jsonPointerToPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, key) => (/^\d+$/.test(key) ? `${path}[${key}]` : childPath(path, key)), '$');
}

/** `$.steps[0]` + `commandLine` → `$.steps[0].commandLine`; other keys are quoted. */
export function childPath(parent: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

function describeError(error: ErrorObject, base: string): Problem {
  const pointer = base + error.instancePath;
  const { path, message, weight } = describeAt(jsonPointerToPath(pointer), error);
  return { path, message, weight, pointer };
}

function describeAt(path: string, error: ErrorObject): Omit<Problem, 'pointer'> {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return { path, message: error.message ?? 'has the wrong type', weight: 100 };
    case 'required':
      return { path: childPath(path, String(params.missingProperty)), message: 'is required', weight: 10 };
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      return { path: childPath(path, name), message: `is not a known property here${suggestionFor(name, known)}`, weight: 10 };
    }
    case 'enum':
      return { path, message: `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`, weight: 1 };
    case 'const':
      return { path, message: `must be ${JSON.stringify(params.allowedValue)}`, weight: 10 };
    case 'discriminator': {
      const tag = String(params.tag ?? 'type');
      if (params.error === 'mapping') {
        const branches = ((error.parentSchema as { oneOf?: object[] } | undefined)?.oneOf ?? []).map(branchName);
        const suggestion = typeof params.tagValue === 'string' ? suggestionFor(params.tagValue, branches) : '';
        return { path: childPath(path, tag), message: `${JSON.stringify(params.tagValue)} is not a known ${tag}${suggestion}`, weight: 10 };
      }
      return { path: childPath(path, tag), message: params.tagValue === undefined ? 'is required' : 'must be a string', weight: 10 };
    }
    default:
      return { path, message: error.message ?? error.keyword, weight: 1 };
  }
}
