// --var NAME=VALUE options. Only the first '=' splits, so values may contain '=' (and anything else).
// Names follow the task-sequence rules and are checked here, so a bad one is invalid input (exit 2,
// nothing ran) named as the --var argument, not an engine refusal. Messages never repeat a value.
import { variableNameProblem } from '../bridge/variables.js';
import { CliError, ExitCode } from './exitCodes.js';

export function parseVariableAssignment(assignment: string): [name: string, value: string] {
  const equals = assignment.indexOf('=');
  const name = equals === -1 ? '' : assignment.slice(0, equals).trim();
  if (!name) {
    const shown = equals === -1 ? assignment : '=…';
    throw new CliError(`--var expects NAME=VALUE, got '${shown}'.`, ExitCode.InvalidInput);
  }
  const problem = variableNameProblem(name);
  if (problem) throw new CliError(`--var '${name}=…': ${problem}`, ExitCode.InvalidInput);
  return [name, assignment.slice(equals + 1)];
}

/** Commander option collector: each --var adds one assignment. */
export function collectVariable(assignment: string, previous: string[] = []): string[] {
  parseVariableAssignment(assignment); // reject malformed ones at parse time
  return [...previous, assignment];
}

/**
 * Applies --var overrides to document variables. Names are case-insensitive, so an override
 * replaces a document variable spelled differently instead of creating a second one.
 */
export function overrideVariables(documentVariables: Record<string, string> | undefined, assignments: string[]): Record<string, string> {
  return setVariables(documentVariables, assignments.map(parseVariableAssignment));
}

/** `pairs` applied in order over `variables` (a later one wins, names compared ignoring case). */
export function setVariables(variables: Record<string, string> | undefined, pairs: Array<[name: string, value: string]>): Record<string, string> {
  const result: Record<string, string> = { ...(variables ?? {}) };
  for (const [name, value] of pairs) {
    for (const existing of Object.keys(result)) if (existing.toLowerCase() === name.toLowerCase()) delete result[existing];
    result[name] = value;
  }
  return result;
}
