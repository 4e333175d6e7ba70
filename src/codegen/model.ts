// The intermediate model: plain, JSON-able objects that every emitter reads. readModel.ts builds
// it from the TypeScript model in src/model/; nothing downstream touches ts-morph.

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A JSON Schema (draft-07) fragment. */
export type JsonSchema = { [key: string]: JsonValue };

/**
 * Kinds of step parameter. The first eight map to PowerShell and JSON Schema types directly;
 * the others name shapes the schema describes in its definitions:
 * condition (Condition), rules (DynamicVariableRule[]), parameters (ScriptParameters),
 * steps (Step[], groups only) and variables (Record<string, string>, the document only).
 */
export const PARAMETER_TYPES = [
  'string',
  'integer',
  'number',
  'boolean',
  'string[]',
  'integer[]',
  'object',
  'condition',
  'rules',
  'parameters',
  'steps',
  'variables',
] as const;
export type ParameterType = (typeof PARAMETER_TYPES)[number];

export interface ParameterModel {
  /** JSON property name (camelCase). */
  name: string;
  /** PowerShell parameter name (PascalCase of name). */
  psName: string;
  type: ParameterType;
  required: boolean;
  default?: JsonValue;
  /** Allowed values (string and string[] only; for string[] they apply to each item). */
  enum?: string[];
  minimum?: number;
  maximum?: number;
  /** Length bounds (for string[] they apply to each item). */
  minLength?: number;
  maxLength?: number;
  /** Regular expression the value must match (for string[], each item). */
  pattern?: string;
  secret: boolean;
  verbatim: boolean;
  /** The value is code (a command line, a script): a task sequence variable never replaces it (no action-variable override). */
  code: boolean;
  /** ConfigMgr task sequence variable that carries the property. */
  variable?: string;
  /**
   * A step type's own default for a common option (the step file redeclares the option with only
   * a @default): the option as common.ts defines it, with this default; it takes the option's place.
   */
  overridesOption?: true;
  description: string;
}

export interface TypeModel {
  /** The value of the type property. */
  name: string;
  displayName: string;
  wmiClass?: string;
  synopsis: string;
  description: string;
  examples: string[];
  parameters: ParameterModel[];
}

export interface StepTypeModel extends TypeModel {
  wmiClass: string;
}

export interface DocumentModel {
  synopsis: string;
  description: string;
  properties: ParameterModel[];
}

export interface CodegenModel {
  /** The 11 step types, sorted by name. */
  stepTypes: StepTypeModel[];
  /** Options of every step: name, description, disabled, continueOnError, condition, timeoutMinutes. */
  commonOptions: ParameterModel[];
  /** Options of a group: the common options without the step-only ones. */
  groupOptions: ParameterModel[];
  /** Group: its own parameters (steps); options come from groupOptions. */
  group: TypeModel;
  /** Node step: its own parameters (handler, parameters); options come from commonOptions. */
  node: TypeModel;
  /** The sequence document's root properties. */
  document: DocumentModel;
  /** Schemas of the shapes that are not steps (conditions, rules, script parameters), by name. */
  definitions: Record<string, JsonSchema>;
}
