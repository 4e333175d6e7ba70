// generated/node/stepCatalog.ts and generated/node/index.ts: the intermediate model as typed
// constants for the Node side (validation, `tsseq steps`, typings), compiled with the project.
import { headerComment } from './header.js';
import type { CodegenModel, JsonValue, ParameterModel, TypeModel } from './model.js';
import { PARAMETER_TYPES } from './model.js';

const PARAMETER_KEYS = ['name', 'psName', 'type', 'required', 'default', 'enum', 'minimum', 'maximum', 'minLength', 'maxLength', 'pattern', 'secret', 'verbatim', 'code', 'variable', 'description'] as const;

export function emitNodeCatalog(model: CodegenModel, modelHash: string): string {
  const lines: string[] = [
    headerComment('// '),
    '',
    '/** Kinds of step parameter (see src/codegen/model.ts). */',
    `export type CatalogParameterType = ${PARAMETER_TYPES.map((type) => JSON.stringify(type)).join(' | ')};`,
    '',
    'export type CatalogValue = string | number | boolean | null | readonly CatalogValue[] | { readonly [key: string]: CatalogValue };',
    '',
    '/** One parameter of a step type; every key is present, undefined when the model says nothing. */',
    'export interface CatalogParameter {',
    '  readonly name: string;',
    '  readonly psName: string;',
    '  readonly type: CatalogParameterType;',
    '  readonly required: boolean;',
    '  readonly default: CatalogValue | undefined;',
    '  readonly enum: readonly string[] | undefined;',
    '  readonly minimum: number | undefined;',
    '  readonly maximum: number | undefined;',
    '  readonly minLength: number | undefined;',
    '  readonly maxLength: number | undefined;',
    '  readonly pattern: string | undefined;',
    '  readonly secret: boolean;',
    '  readonly verbatim: boolean;',
    '  readonly code: boolean;',
    '  readonly variable: string | undefined;',
    '  readonly description: string;',
    '}',
    '',
    'export interface CatalogStepType {',
    '  readonly name: string;',
    '  readonly displayName: string;',
    '  readonly wmiClass: string;',
    '  readonly synopsis: string;',
    '  readonly description: string;',
    '  readonly parameters: readonly CatalogParameter[];',
    '}',
    '',
    '/** SHA-256 of the intermediate model; the same value as TsSeqModelHash in TsSequence.psd1. */',
    `export const modelHash = ${JSON.stringify(modelHash)};`,
    '',
    '/** The step types (Group and Node steps are not step types), sorted by name. */',
    `export const stepCatalog = ${tsValue(model.stepTypes.map(stepEntry), 0)} as const satisfies readonly CatalogStepType[];`,
    '',
    '/** A step type name, such as RunCommandLine. */',
    "export type StepTypeName = (typeof stepCatalog)[number]['name'];",
    '',
    '/** Options every step has; groups have all of them but timeoutMinutes. */',
    `export const commonOptions = ${tsValue(model.commonOptions.map(parameterEntry), 0)} as const satisfies readonly CatalogParameter[];`,
    '',
    '/** Names of the options a group has. */',
    `export const groupOptionNames = ${tsValue(model.groupOptions.map((option) => option.name), 0)} as const;`,
    '',
  ];
  return lines.join('\n');
}

export function emitNodeIndex(): string {
  return `${headerComment('// ')}\n\nexport * from './stepCatalog.js';\n`;
}

function stepEntry(step: TypeModel): Record<string, unknown> {
  return {
    name: step.name,
    displayName: step.displayName,
    wmiClass: step.wmiClass ?? '',
    synopsis: step.synopsis,
    description: step.description,
    parameters: step.parameters.map(parameterEntry),
  };
}

function parameterEntry(p: ParameterModel): Record<string, unknown> {
  return Object.fromEntries(PARAMETER_KEYS.map((key) => [key, p[key]]));
}

/** A TypeScript literal: JSON, except that undefined is kept and keys are bare where they can be. */
function tsValue(value: unknown, depth: number): string {
  const pad = '  '.repeat(depth + 1);
  const end = '  '.repeat(depth);
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value as JsonValue);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((item) => typeof item !== 'object' || item === null)) return `[${value.map((item) => tsValue(item, depth)).join(', ')}]`;
    return `[\n${value.map((item) => `${pad}${tsValue(item, depth + 1)},`).join('\n')}\n${end}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  const key = (name: string): string => (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name));
  return `{\n${entries.map(([name, item]) => `${pad}${key(name)}: ${tsValue(item, depth + 1)},`).join('\n')}\n${end}}`;
}
