// generated/TsSequence/TsSequence.StepTypes.ps1: the model as PowerShell data for the runtime.
//   $script:TsStepTypes     [ordered] step type name -> @{ Name; DisplayName; WmiClass; Synopsis;
//                           Description; Parameters = @( one hashtable per own parameter ) }
//   $script:TsCommonOptions @( hashtables for name, description, disabled, continueOnError,
//                           condition, timeoutMinutes ) - every step has them; groups all but
//                           timeoutMinutes
//   $script:TsGroupType / $script:TsNodeType  the same entry shape for Group and Node steps
//   $script:TsDocumentProperties @( hashtables for the sequence document's root properties )
import { headerComment } from './header.js';
import { LineWriter } from './lineWriter.js';
import type { CodegenModel, ParameterModel, TypeModel } from './model.js';
import { psNumberOrNull, psString, psStringArray, psValue } from './psLiteral.js';

export function emitStepTypes(model: CodegenModel): string {
  const w = new LineWriter();
  w.text(headerComment('# '));
  w.line('#');
  w.line('# The step model as data for the runtime (ps-module/): one entry per step type with its own');
  w.line('# parameters, the options every step has, and the Group and Node entries. Parameter entries');
  w.line('# have the same keys everywhere; an absent value is $null. Defaults are the model defaults.');
  w.line();
  w.block('$script:TsStepTypes = [ordered]@{', () => {
    for (const step of model.stepTypes) w.block(`${psString(step.name)} = @{`, () => typeEntryBody(w, step));
  });
  w.line();
  parameterArray(w, '$script:TsCommonOptions = @(', model.commonOptions);
  w.line();
  w.block('$script:TsGroupType = @{', () => typeEntryBody(w, model.group));
  w.line();
  w.block('$script:TsNodeType = @{', () => typeEntryBody(w, model.node));
  w.line();
  parameterArray(w, '$script:TsDocumentProperties = @(', model.document.properties);
  return w.toString();
}

function typeEntryBody(w: LineWriter, type: TypeModel): void {
  w.line(`Name = ${psString(type.name)}; DisplayName = ${psString(type.displayName)}; WmiClass = ${type.wmiClass === undefined ? '$null' : psString(type.wmiClass)}`);
  w.literalLine(`Synopsis = ${psString(type.synopsis)}; Description = ${psString(type.description)}`);
  parameterArray(w, 'Parameters = @(', type.parameters);
}

function parameterArray(w: LineWriter, open: string, parameters: ParameterModel[]): void {
  w.block(open, () => {
    for (const parameter of parameters) w.literalLine(parameterHashtable(parameter));
  }, ')');
}

/** Keys of every parameter entry, in the order they are written. */
export const PARAMETER_ENTRY_KEYS = [
  'Name',
  'PsName',
  'Type',
  'Required',
  'Default',
  'Enum',
  'Minimum',
  'Maximum',
  'MinLength',
  'MaxLength',
  'Pattern',
  'Secret',
  'Verbatim',
  'Variable',
  'Description',
] as const;

/** One parameter as a single-line hashtable literal (the description may span lines). */
export function parameterHashtable(p: ParameterModel): string {
  const values: Record<(typeof PARAMETER_ENTRY_KEYS)[number], string> = {
    Name: psString(p.name),
    PsName: psString(p.psName),
    Type: psString(p.type),
    Required: psValue(p.required),
    Default: psValue(p.default),
    Enum: psStringArray(p.enum),
    Minimum: psNumberOrNull(p.minimum),
    Maximum: psNumberOrNull(p.maximum),
    MinLength: psNumberOrNull(p.minLength),
    MaxLength: psNumberOrNull(p.maxLength),
    Pattern: p.pattern === undefined ? '$null' : psString(p.pattern),
    Secret: psValue(p.secret),
    Verbatim: psValue(p.verbatim),
    Variable: p.variable === undefined ? '$null' : psString(p.variable),
    Description: psString(p.description),
  };
  return `@{ ${PARAMETER_ENTRY_KEYS.map((key) => `${key} = ${values[key]}`).join('; ')} }`;
}
