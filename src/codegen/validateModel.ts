// Checks the intermediate model before anything is emitted. Every error names the step (or
// Group, Node, SequenceDocument, a definition) and the field, so a bad JSDoc tag is easy to find.
import type { CodegenModel, JsonValue, ParameterModel, TypeModel } from './model.js';
import { ModelError } from './readModel.js';

/** PowerShell's common and reserved parameter names: a step parameter may not reuse them. */
const RESERVED_PS_NAMES = [
  'Confirm',
  'Debug',
  'ErrorAction',
  'ErrorVariable',
  'InformationAction',
  'InformationVariable',
  'OutBuffer',
  'OutVariable',
  'PipelineVariable',
  'ProgressAction',
  'UseTransaction',
  'Verbose',
  'WarningAction',
  'WarningVariable',
  'WhatIf',
].map((name) => name.toLowerCase());

/** Printable ASCII plus line feed: Windows PowerShell 5.1 reads BOM-less files as ANSI, and U+2018-U+201B are quote characters to PowerShell. */
const ASCII_TEXT = /^[\n\x20-\x7e]*$/;

export function validateModel(model: CodegenModel): void {
  const errors: string[] = [];
  const stepNames = new Set<string>();
  const wmiClasses = new Set<string>();
  for (const step of model.stepTypes) {
    if (stepNames.has(step.name.toLowerCase())) errors.push(`${step.name}: step type name is used twice`);
    stepNames.add(step.name.toLowerCase());
    if (wmiClasses.has(step.wmiClass)) errors.push(`${step.name}.@wmiClass: ${step.wmiClass} is used by another step type`);
    wmiClasses.add(step.wmiClass);
    if (!/^SMS_TaskSequence_[A-Za-z]+$/.test(step.wmiClass)) errors.push(`${step.name}.@wmiClass: '${step.wmiClass}' is not a ConfigMgr task sequence class name`);
    checkType(step, errors);
    checkParameters(step.name, withOptions(model.commonOptions, step.parameters), errors);
  }
  for (const reserved of ['group', 'node']) {
    if (stepNames.has(reserved)) errors.push(`${reserved}: a step type cannot be named like the built-in ${reserved === 'group' ? 'Group' : 'Node'} type`);
  }
  checkType(model.group, errors);
  checkType(model.node, errors);
  checkParameters('Group', [...model.groupOptions, ...model.group.parameters], errors);
  checkParameters('Node', [...model.commonOptions, ...model.node.parameters], errors);
  checkParameters('SequenceDocument', model.document.properties, errors, false);
  for (const name of ['name', 'steps']) {
    if (!model.document.properties.some((property) => property.name === name && property.required)) errors.push(`SequenceDocument.${name}: must be a required property`);
  }
  for (const option of model.groupOptions) {
    if (!model.commonOptions.includes(option)) errors.push(`CommonOptions.${option.name}: missing from the step options`);
  }
  checkText('', model, errors);
  if (errors.length > 0) throw new ModelError(errors);
}

/**
 * A step type's parameters after the options: a parameter that gives a common option this step
 * type's default (overridesOption) takes that option's place instead of repeating its name.
 */
export function withOptions(options: ParameterModel[], own: ParameterModel[]): ParameterModel[] {
  const overrides = new Map(own.filter((parameter) => parameter.overridesOption).map((parameter) => [parameter.name, parameter]));
  return [...options.map((option) => overrides.get(option.name) ?? option), ...own.filter((parameter) => !parameter.overridesOption)];
}

function checkType(type: TypeModel, errors: string[]): void {
  if (!/^[A-Z][A-Za-z0-9]*$/.test(type.name)) errors.push(`${type.name}: the type name must be PascalCase letters and digits`);
  if (type.displayName.trim() === '') errors.push(`${type.name}.@displayName: is empty`);
  if (type.synopsis === '') errors.push(`${type.name}: the interface needs a JSDoc description (its first sentence is the synopsis)`);
  else if (!/[.!?]$/.test(type.synopsis)) errors.push(`${type.name}: the synopsis must be a sentence ending with a period`);
  if (type.examples.length === 0) errors.push(`${type.name}: the interface needs at least one @example`);
  type.examples.forEach((example, index) => {
    if (example === '') errors.push(`${type.name}.@example[${index}]: is empty`);
  });
}

function checkParameters(owner: string, parameters: ParameterModel[], errors: string[], powerShell = true): void {
  const seen = new Set<string>();
  for (const parameter of parameters) {
    const where = `${owner}.${parameter.name}`;
    const key = parameter.name.toLowerCase();
    if (seen.has(key)) errors.push(`${where}: the name is used twice (names are case-insensitive)`);
    seen.add(key);
    if (powerShell) {
      if (!/^[a-z][A-Za-z0-9]*$/.test(parameter.name)) errors.push(`${where}: property names must be camelCase letters and digits`);
      if (!/^[A-Z][A-Za-z0-9]*$/.test(parameter.psName)) errors.push(`${where}: PowerShell name '${parameter.psName}' must be PascalCase letters and digits`);
      if (RESERVED_PS_NAMES.includes(parameter.psName.toLowerCase())) errors.push(`${where}: -${parameter.psName} is a PowerShell common parameter`);
    }
    if (parameter.description === '') errors.push(`${where}: needs a JSDoc description`);
    checkParameter(where, parameter, errors);
  }
}

function checkParameter(where: string, p: ParameterModel, errors: string[]): void {
  const isString = p.type === 'string' || p.type === 'string[]';
  const isNumeric = p.type === 'integer' || p.type === 'number' || p.type === 'integer[]';
  if (p.required && p.default !== undefined) errors.push(`${where}: a required property cannot have a @default`);
  if (p.enum !== undefined && !isString) errors.push(`${where}: allowed values only apply to strings`);
  if (p.enum !== undefined && new Set(p.enum).size !== p.enum.length) errors.push(`${where}: allowed values repeat`);
  if ((p.minimum !== undefined || p.maximum !== undefined) && !isNumeric) errors.push(`${where}: @minimum/@maximum only apply to numbers`);
  if ((p.minLength !== undefined || p.maxLength !== undefined || p.pattern !== undefined) && !isString) errors.push(`${where}: @minLength/@maxLength/@pattern only apply to strings`);
  if (p.minimum !== undefined && p.maximum !== undefined && p.minimum > p.maximum) errors.push(`${where}: @minimum ${p.minimum} is above @maximum ${p.maximum}`);
  if (p.minLength !== undefined && p.maxLength !== undefined && p.minLength > p.maxLength) errors.push(`${where}: @minLength ${p.minLength} is above @maxLength ${p.maxLength}`);
  if (p.maxLength === 0) errors.push(`${where}: @maxLength must be above 0`);
  if ((p.type === 'integer' || p.type === 'integer[]') && [p.minimum, p.maximum].some((bound) => bound !== undefined && !Number.isInteger(bound))) {
    errors.push(`${where}: the bounds of an integer must be whole numbers`);
  }
  if ((p.secret || p.verbatim) && p.type !== 'string') errors.push(`${where}: @secret and @verbatim only apply to strings`);
  if (p.secret && p.verbatim) errors.push(`${where}: a property cannot be both @secret and @verbatim`);
  if (p.code && p.type !== 'string') errors.push(`${where}: @code only applies to strings`);
  if (p.pattern !== undefined) {
    try {
      new RegExp(p.pattern, 'u');
    } catch (error) {
      errors.push(`${where}: @pattern is not a valid regular expression (${(error as Error).message})`);
    }
  }
  if (p.default !== undefined) {
    const problem = defaultProblem(p, p.default);
    if (problem !== undefined) errors.push(`${where}: @default ${JSON.stringify(p.default)} ${problem}`);
  }
}

/** Why a default does not fit its parameter, or undefined. */
function defaultProblem(p: ParameterModel, value: JsonValue): string | undefined {
  switch (p.type) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'is not true or false';
    case 'integer':
    case 'number':
      if (typeof value !== 'number' || (p.type === 'integer' && !Number.isInteger(value))) return `is not ${p.type === 'integer' ? 'an integer' : 'a number'}`;
      return rangeProblem(p, value);
    case 'string':
      return typeof value === 'string' ? stringProblem(p, value) : 'is not a string';
    case 'string[]':
    case 'integer[]': {
      if (!Array.isArray(value)) return 'is not a list';
      for (const item of value) {
        const problem = p.type === 'string[]' ? (typeof item === 'string' ? stringProblem(p, item) : 'holds a non-string') : typeof item === 'number' && Number.isInteger(item) ? rangeProblem(p, item) : 'holds a non-integer';
        if (problem !== undefined) return problem;
      }
      return undefined;
    }
    default:
      return 'is not supported for this type';
  }
}

function rangeProblem(p: ParameterModel, value: number): string | undefined {
  if (p.minimum !== undefined && value < p.minimum) return `is below @minimum ${p.minimum}`;
  if (p.maximum !== undefined && value > p.maximum) return `is above @maximum ${p.maximum}`;
  return undefined;
}

function stringProblem(p: ParameterModel, value: string): string | undefined {
  if (p.enum !== undefined && !p.enum.includes(value)) return `is not one of ${p.enum.join(', ')}`;
  if (p.minLength !== undefined && value.length < p.minLength) return `is shorter than @minLength ${p.minLength}`;
  if (p.maxLength !== undefined && value.length > p.maxLength) return `is longer than @maxLength ${p.maxLength}`;
  if (p.pattern !== undefined) {
    try {
      if (!new RegExp(p.pattern, 'u').test(value)) return `does not match @pattern ${p.pattern}`;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * Every string in the model must be ASCII, and help text must not open or close a comment block.
 * `label` names where the text is: the step (or definition) and field, then the key in brackets.
 */
function checkText(label: string, value: unknown, errors: string[], key = ''): void {
  if (typeof value === 'string') {
    const where = `${label || 'model'}${key === '' ? '' : ` (${key})`}`;
    if (!ASCII_TEXT.test(value)) {
      const bad = [...value].find((character) => !ASCII_TEXT.test(character)) ?? '';
      errors.push(`${where}: text must be printable ASCII; found U+${bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
    }
    if (value.includes('#>') || value.includes('<#')) errors.push(`${where}: text cannot contain '<#' or '#>' (they delimit PowerShell help)`);
    if (value.split('\n').some((line) => /^\s*\.[A-Za-z]+\s*$/.test(line))) errors.push(`${where}: a line holding only '.WORD' would read as a help keyword`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => checkText(label, item, errors, `${key}[${index}]`));
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const record = value as Record<string, unknown>;
  const named = typeof record.name === 'string' && (typeof record.psName === 'string' || Array.isArray(record.parameters));
  const here = named ? (label === '' ? (record.name as string) : `${label}.${record.name as string}`) : label;
  for (const [childKey, item] of Object.entries(record)) {
    const structural = ['stepTypes', 'commonOptions', 'groupOptions', 'parameters', 'properties', 'definitions', 'document', 'group', 'node'].includes(childKey);
    if (childKey === 'definitions' && label === '') {
      for (const [definition, schema] of Object.entries(item as Record<string, unknown>)) checkText(definition, schema, errors);
    } else if (structural) {
      checkText(here === '' && childKey === 'document' ? 'SequenceDocument' : here === '' && childKey.endsWith('Options') ? childKey : here, item, errors);
    } else {
      checkText(here, item, errors, childKey);
    }
  }
}
