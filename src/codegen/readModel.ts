// Reads the TypeScript step model (src/model/) with ts-morph and returns the intermediate model.
// Layout it expects under modelDir:
//   common.ts     CommonOptions (every step and group) and StepOptions (adds step-only options)
//   steps/*.ts    one file per step type, <Type>.ts, whose one interface extending StepOptions
//                 has `type: '<Type>'` and the step's own properties
//   sequence.ts   Group, NodeStep and SequenceDocument
// Type mapping (as written in the model):
//   string, number, boolean, integer, string[], integer[]  -> the same parameter type
//   'a' | 'b' (directly or through a type alias)           -> string with enum (string[] for arrays)
//   Condition -> condition; DynamicVariableRule[] -> rules; ScriptParameters -> parameters;
//   Step[] -> steps; Record<string, string> -> variables; Record<string, unknown> -> object.
import { InterfaceDeclaration, Node, Project, PropertySignature, SourceFile, SyntaxKind, TypeNode } from 'ts-morph';
import { DefinitionReader } from './readDefinitions.js';
import { firstSentence, normalizeExample, readDoc } from './jsdoc.js';
import type { CodegenModel, DocumentModel, ParameterModel, ParameterType, StepTypeModel, TypeModel } from './model.js';
import { readConstraints } from './tags.js';
import { referenceName, stringLiterals } from './typeNodes.js';

export class ModelError extends Error {
  constructor(readonly errors: string[]) {
    super(`The step model has ${errors.length} error(s):\n  ${errors.join('\n  ')}`);
    this.name = 'ModelError';
  }
}

const PARAMETER_TAGS = ['default', 'minimum', 'maximum', 'minLength', 'maxLength', 'pattern', 'secret', 'verbatim', 'code', 'variable'] as const;

/** Named model types with a parameter type of their own. */
const NAMED_TYPES: Record<string, ParameterType> = { Condition: 'condition', ScriptParameters: 'parameters', integer: 'integer' };
const NAMED_ARRAY_TYPES: Record<string, ParameterType> = { DynamicVariableRule: 'rules', Step: 'steps', integer: 'integer[]' };

export interface ReadModelOptions {
  project: Project;
  /** Folder holding common.ts, sequence.ts and steps/, as added to the project. */
  modelDir: string;
}

export function readModel({ project, modelDir }: ReadModelOptions): CodegenModel {
  const errors: string[] = [];
  const definitions = new DefinitionReader(errors);
  const directory = project.getDirectoryOrThrow(modelDir);
  const common = directory.getSourceFileOrThrow('common.ts');
  const sequence = directory.getSourceFileOrThrow('sequence.ts');
  const reader = new TypeReader(errors, definitions);

  const groupOptions = reader.properties(interfaceOrError(common, 'CommonOptions', errors), 'CommonOptions');
  const stepOnlyOptions = reader.properties(interfaceOrError(common, 'StepOptions', errors), 'StepOptions');
  const commonOptions = [...groupOptions, ...stepOnlyOptions];

  const stepFiles = (directory.getDirectory('steps')?.getSourceFiles() ?? []).slice().sort((a, b) => compare(a.getBaseName(), b.getBaseName()));
  if (stepFiles.length === 0) errors.push(`${modelDir}/steps: no step files`);
  const stepTypes: StepTypeModel[] = [];
  for (const file of stepFiles) {
    const stepInterfaces = file.getInterfaces().filter((candidate) => extendsName(candidate, 'StepOptions'));
    if (stepInterfaces.length !== 1) {
      errors.push(`steps/${file.getBaseName()}: must declare exactly one interface extending StepOptions, found ${stepInterfaces.length}`);
      continue;
    }
    const step = reader.typeModel(stepInterfaces[0]!, stepOnlyOptions.concat(groupOptions));
    if (step === undefined) continue;
    if (file.getBaseNameWithoutExtension() !== step.name) errors.push(`${step.name}: declared in steps/${file.getBaseName()}, expected steps/${step.name}.ts`);
    if (step.wmiClass === undefined) errors.push(`${step.name}: the interface needs @wmiClass`);
    stepTypes.push({ ...step, wmiClass: step.wmiClass ?? '' });
  }
  stepTypes.sort((a, b) => compare(a.name, b.name));

  const groupInterface = interfaceOrError(sequence, 'Group', errors);
  const nodeInterface = interfaceOrError(sequence, 'NodeStep', errors);
  if (groupInterface && !extendsName(groupInterface, 'CommonOptions')) errors.push('Group: must extend CommonOptions');
  if (nodeInterface && !extendsName(nodeInterface, 'StepOptions')) errors.push('Node: must extend StepOptions');
  const group = groupInterface ? reader.typeModel(groupInterface) : undefined;
  const node = nodeInterface ? reader.typeModel(nodeInterface) : undefined;
  const document = reader.documentModel(interfaceOrError(sequence, 'SequenceDocument', errors));
  checkStepUnion(sequence, [...stepFiles.flatMap((file) => file.getInterfaces().filter((candidate) => extendsName(candidate, 'StepOptions'))), groupInterface, nodeInterface], errors);

  if (errors.length > 0 || group === undefined || node === undefined) throw new ModelError(errors);
  return {
    stepTypes,
    commonOptions,
    groupOptions,
    group,
    node,
    document,
    definitions: sortKeys(definitions.definitions),
  };
}

class TypeReader {
  constructor(
    private readonly errors: string[],
    private readonly definitions: DefinitionReader,
  ) {}

  /** A step, group or Node step interface: its type name, documentation and own properties. */
  typeModel(declaration: InterfaceDeclaration, options: ParameterModel[] = []): TypeModel | undefined {
    const typeProperty = declaration.getProperty('type');
    const typeNode = typeProperty?.getTypeNode();
    const literal = typeNode ? stringLiterals(typeNode) : undefined;
    if (literal === undefined || literal.length !== 1) {
      this.errors.push(`${declaration.getName()}: needs a property type: '<StepType>' (one string literal)`);
      return undefined;
    }
    const name = literal[0]!;
    const doc = readDoc(declaration);
    const tagText = (tagName: string): string | undefined => {
      const tag = doc.tags.find((candidate) => candidate.name === tagName);
      return tag === undefined ? undefined : unquote(tag.text.trim());
    };
    for (const tag of doc.tags) {
      if (!['displayName', 'wmiClass', 'example'].includes(tag.name)) this.errors.push(`${name}: @${tag.name} is not allowed on a step interface`);
    }
    const displayName = tagText('displayName');
    if (displayName === undefined || displayName === '') this.errors.push(`${name}: the interface needs @displayName`);
    const wmiClass = tagText('wmiClass');
    return omitUndefined<TypeModel>({
      name,
      displayName: displayName ?? name,
      wmiClass,
      synopsis: firstSentence(doc.text),
      description: doc.text,
      examples: doc.tags.filter((tag) => tag.name === 'example').map((tag) => normalizeExample(tag.text)),
      parameters: this.properties(declaration, name, options),
    });
  }

  documentModel(declaration: InterfaceDeclaration | undefined): DocumentModel {
    if (declaration === undefined) return { synopsis: '', description: '', properties: [] };
    const doc = readDoc(declaration);
    for (const tag of doc.tags) this.errors.push(`SequenceDocument: @${tag.name} is not allowed on the document`);
    return { synopsis: firstSentence(doc.text), description: doc.text, properties: this.properties(declaration, 'SequenceDocument') };
  }

  /** The properties declared in the interface itself (not inherited), in declaration order. */
  properties(declaration: InterfaceDeclaration | undefined, owner: string, options: ParameterModel[] = []): ParameterModel[] {
    if (declaration === undefined) return [];
    const result: ParameterModel[] = [];
    for (const property of declaration.getProperties()) {
      if (property.getName() === 'type') continue;
      const option = options.find((candidate) => candidate.name === property.getName());
      const parameter = option === undefined ? this.parameter(property, owner) : this.optionDefault(property, owner, option);
      if (parameter !== undefined) result.push(parameter);
    }
    return result;
  }

  /**
   * A step file redeclaring a common option to give it this step type's default: only @default
   * (and a sentence) is allowed; the type, range and text stay the option's (one source of truth).
   */
  private optionDefault(property: PropertySignature, owner: string, option: ParameterModel): ParameterModel | undefined {
    const where = `${owner}.${option.name}`;
    const typeNode = property.getTypeNode();
    const kind = typeNode === undefined ? undefined : this.classify(typeNode, where);
    if (kind === undefined) return undefined;
    if (kind.type !== option.type || !property.hasQuestionToken()) {
      this.errors.push(`${where}: redeclares the common option ${option.name}, so it must keep its type (${option.type}) and stay optional`);
      return undefined;
    }
    const doc = readDoc(property);
    const constraints = readConstraints(doc.tags, where, ['default'], this.errors);
    if (constraints.default === undefined) {
      this.errors.push(`${where}: redeclares the common option ${option.name} without a @default (only a step type's own default may be given here)`);
      return undefined;
    }
    return { ...option, default: constraints.default, overridesOption: true };
  }

  private parameter(property: PropertySignature, owner: string): ParameterModel | undefined {
    const name = property.getName();
    const where = `${owner}.${name}`;
    const typeNode = property.getTypeNode();
    if (typeNode === undefined) {
      this.errors.push(`${where}: the property needs a type`);
      return undefined;
    }
    const kind = this.classify(typeNode, where);
    if (kind === undefined) return undefined;
    const doc = readDoc(property);
    const constraints = readConstraints(doc.tags, where, PARAMETER_TAGS, this.errors);
    return omitUndefined<ParameterModel>({
      name,
      psName: name.charAt(0).toUpperCase() + name.slice(1),
      type: kind.type,
      required: !property.hasQuestionToken(),
      default: constraints.default,
      enum: kind.enum,
      minimum: constraints.minimum,
      maximum: constraints.maximum,
      minLength: constraints.minLength,
      maxLength: constraints.maxLength,
      pattern: constraints.pattern,
      secret: constraints.secret,
      verbatim: constraints.verbatim,
      code: constraints.code,
      variable: constraints.variable,
      description: doc.text,
    });
  }

  private classify(node: TypeNode, where: string): { type: ParameterType; enum?: string[] } | undefined {
    const literals = stringLiterals(node);
    if (literals !== undefined) return { type: 'string', enum: literals };
    switch (node.getKind()) {
      case SyntaxKind.StringKeyword:
        return { type: 'string' };
      case SyntaxKind.NumberKeyword:
        return { type: 'number' };
      case SyntaxKind.BooleanKeyword:
        return { type: 'boolean' };
      default:
        break;
    }
    if (Node.isArrayTypeNode(node)) {
      const element = node.getElementTypeNode();
      const elementLiterals = stringLiterals(element);
      if (elementLiterals !== undefined) return { type: 'string[]', enum: elementLiterals };
      if (element.getKind() === SyntaxKind.StringKeyword) return { type: 'string[]' };
      if (Node.isTypeReference(element)) {
        const type = NAMED_ARRAY_TYPES[referenceName(element)];
        if (type !== undefined) {
          if (type === 'rules') this.definitions.schemaFor(element, where);
          return { type };
        }
      }
    }
    if (Node.isTypeReference(node)) {
      const name = referenceName(node);
      const type = NAMED_TYPES[name];
      if (type !== undefined) {
        if (type !== 'integer') this.definitions.schemaFor(node, where);
        return { type };
      }
      const args = node.getTypeArguments();
      if (name === 'Record' && args.length === 2 && args[0]!.getKind() === SyntaxKind.StringKeyword) {
        if (args[1]!.getKind() === SyntaxKind.StringKeyword) return { type: 'variables' };
        if (args[1]!.getKind() === SyntaxKind.UnknownKeyword) return { type: 'object' };
      }
    }
    this.errors.push(`${where}: unsupported property type '${node.getText()}'`);
    return undefined;
  }
}

/** Drops keys whose value is undefined, keeping the order of the others (the model's JSON order). */
function omitUndefined<T extends object>(value: { [K in keyof T]: T[K] | undefined }): T {
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== undefined) result[key] = item;
  return result as T;
}

/** The Step union of sequence.ts must list every step interface, Group and NodeStep (the TypeScript types and the schema then agree). */
function checkStepUnion(sequence: SourceFile, expected: (InterfaceDeclaration | undefined)[], errors: string[]): void {
  const union = sequence.getTypeAlias('Step')?.getTypeNode();
  if (union === undefined) {
    errors.push('sequence.ts: missing type Step');
    return;
  }
  const members = new Set((Node.isUnionTypeNode(union) ? union.getTypeNodes() : [union]).map((member) => member.getText()));
  for (const declaration of expected) {
    if (declaration !== undefined && !members.has(declaration.getName())) errors.push(`Step: the union in sequence.ts does not list ${declaration.getName()}`);
  }
}

function interfaceOrError(file: SourceFile, name: string, errors: string[]): InterfaceDeclaration | undefined {
  const declaration = file.getInterface(name);
  if (declaration === undefined) errors.push(`${file.getBaseName()}: missing interface ${name}`);
  return declaration;
}

function extendsName(declaration: InterfaceDeclaration, name: string): boolean {
  return declaration.getExtends().some((clause) => clause.getExpression().getText() === name);
}

function unquote(text: string): string {
  const match = /^(['"])(.*)\1$/s.exec(text);
  return match ? match[2]! : text;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  const sorted: Record<string, T> = {};
  for (const key of Object.keys(record).sort(compare)) sorted[key] = record[key]!;
  return sorted;
}
