// What a run refuses that the JSON schema cannot say, checked by validate too, in the engine
// validator's words (Documents/DocumentValidator.cs, ConditionShape.cs): variable names that the
// engine will not set (invalid, or read-only "_" names), and a comparing variable condition
// without a value.
import { childPath, type DocumentProblem } from './schemaErrors.js';

const VALUELESS = new Set(['exists', 'notExists']);
const OPERATORS = new Set(['equals', 'notEquals', 'less', 'lessEqual', 'greater', 'greaterEqual', 'like', 'notLike']);
const MAX_NAME_LENGTH = 256;

/** The engine's TsEnvironment.GetNameProblem: why a document may not set `name`, or undefined. */
export function engineVariableNameProblem(name: string): string | undefined {
  const key = name.replace(/^ +| +$/g, '');
  if (key.length === 0 || key.length > MAX_NAME_LENGTH) return `Variable name '${key}' is not valid: a name has 1 to ${MAX_NAME_LENGTH} characters.`;
  if (!/^[A-Za-z0-9_-]+$/.test(key)) return `Variable name '${key}' is not valid: use only letters, digits, '_' and '-'.`;
  if (key[0] !== '_' && !/^[A-Za-z]/.test(key)) return `Variable name '${key}' is not valid: a name must start with a letter.`;
  if (key[0] === '_') return `Variable '${key}' is read-only: names starting with '_' are set by the task sequence engine.`;
  return undefined;
}

/** The run's own refusals of a parsed document, in document order. */
export function documentRuleProblems(document: unknown): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  if (!isObject(document)) return problems;
  if (isObject(document.variables)) {
    for (const name of Object.keys(document.variables)) {
      const message = engineVariableNameProblem(name);
      if (message) problems.push({ path: childPath('$.variables', name), message });
    }
  }
  walkSteps(document.steps, '$.steps', problems);
  return problems;
}

function walkSteps(steps: unknown, path: string, problems: DocumentProblem[]): void {
  if (!Array.isArray(steps)) return;
  steps.forEach((step: unknown, index) => {
    if (!isObject(step)) return;
    const here = `${path}[${index}]`;
    walkCondition(step.condition, `${here}.condition`, problems, true);
    if (Array.isArray(step.rules)) {
      step.rules.forEach((rule: unknown, i) => isObject(rule) && walkCondition(rule.condition, `${here}.rules[${i}].condition`, problems, true));
    }
    if (step.type === 'Group') walkSteps(step.steps, `${here}.steps`, problems);
  });
}

function walkCondition(condition: unknown, path: string, problems: DocumentProblem[], root: boolean): void {
  if (root && Array.isArray(condition)) {
    condition.forEach((item: unknown, i) => walkCondition(item, `${path}[${i}]`, problems, false));
    return;
  }
  if (!isObject(condition)) return;
  const kinds = ['variable', 'all', 'any', 'none', 'file', 'folder', 'registry', 'wmi', 'software', 'os'].filter((kind) => kind in condition);
  if (kinds.length !== 1) return;
  const kind = kinds[0]!;
  if (kind === 'variable') {
    const op = condition.operator;
    if (typeof op === 'string' && OPERATORS.has(op) && !VALUELESS.has(op) && !('value' in condition)) {
      problems.push({ path: `${path}.value`, message: `must be a string for operator '${op}'` });
    }
    return;
  }
  const children = condition[kind];
  if ((kind === 'all' || kind === 'any' || kind === 'none') && Array.isArray(children)) {
    children.forEach((child: unknown, i) => walkCondition(child, `${path}.${kind}[${i}]`, problems, false));
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
