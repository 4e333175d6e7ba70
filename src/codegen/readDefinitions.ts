// Turns the shapes that are not steps (conditions, Set Dynamic Variables rules, script
// parameters) into JSON Schema definitions, following type references from the roots the step
// parameters name. Every interface and named type alias becomes one definition, so the schema
// mirrors the model's own names (Condition, VariableCondition, VariableOperator, ...).
import { InterfaceDeclaration, Node, PropertySignature, SyntaxKind, TypeAliasDeclaration, TypeNode } from 'ts-morph';
import { readDoc } from './jsdoc.js';
import type { JsonSchema } from './model.js';
import { readConstraints } from './tags.js';
import { referenceName, resolveDeclaration, stringLiterals } from './typeNodes.js';

const PROPERTY_TAGS = ['default', 'minimum', 'maximum', 'minLength', 'maxLength', 'pattern'] as const;

/** Property allowed on every object so documents can carry comments. */
export const COMMENT_PROPERTY: JsonSchema = { type: 'string', description: 'A comment; ignored by the engine.' };

export class DefinitionReader {
  readonly definitions: Record<string, JsonSchema> = {};

  constructor(private readonly errors: string[]) {}

  /** The schema of a type node, registering the definitions it refers to. */
  schemaFor(node: TypeNode, where: string): JsonSchema {
    if (Node.isParenthesizedTypeNode(node)) return this.schemaFor(node.getTypeNode(), where);
    switch (node.getKind()) {
      case SyntaxKind.StringKeyword:
        return { type: 'string' };
      case SyntaxKind.NumberKeyword:
        return { type: 'number' };
      case SyntaxKind.BooleanKeyword:
        return { type: 'boolean' };
      case SyntaxKind.UnknownKeyword:
        return {};
      default:
        break;
    }
    if (Node.isArrayTypeNode(node)) return { type: 'array', items: this.schemaFor(node.getElementTypeNode(), where) };
    if (Node.isTypeReference(node)) return this.referenceSchema(node, where);
    if (Node.isTypeLiteral(node)) return this.objectSchema(node.getProperties(), where, '');
    const literals = stringLiterals(node);
    if (literals !== undefined) return { type: 'string', enum: literals };
    if (Node.isUnionTypeNode(node)) {
      const members = node.getTypeNodes().map((member) => this.schemaFor(member, where));
      const allReferences = members.every((member) => typeof member.$ref === 'string');
      return allReferences ? { oneOf: members } : { anyOf: members };
    }
    this.errors.push(`${where}: unsupported type '${node.getText()}'`);
    return {};
  }

  private referenceSchema(node: import('ts-morph').TypeReferenceNode, where: string): JsonSchema {
    const name = referenceName(node);
    const args = node.getTypeArguments();
    if (name === 'integer') return { type: 'integer' };
    if (name === 'Array' && args.length === 1) return { type: 'array', items: this.schemaFor(args[0]!, where) };
    if (name === 'Record' && args.length === 2 && args[0]!.getKind() === SyntaxKind.StringKeyword) {
      return { type: 'object', additionalProperties: this.schemaFor(args[1]!, where) };
    }
    const declaration = resolveDeclaration(node);
    if (declaration === undefined) {
      this.errors.push(`${where}: cannot find the declaration of '${name}'`);
      return {};
    }
    this.define(declaration);
    return { $ref: `#/definitions/${declaration.getName()}` };
  }

  /** Adds the definition of an interface or type alias (once; recursion-safe). */
  define(declaration: InterfaceDeclaration | TypeAliasDeclaration): void {
    const name = declaration.getName();
    if (name in this.definitions) return;
    this.definitions[name] = {};
    const doc = readDoc(declaration);
    const description = doc.text;
    for (const tag of doc.tags) this.errors.push(`${name}: @${tag.name} is not allowed on a type`);
    if (description === '') this.errors.push(`${name}: the type needs a JSDoc description`);
    let schema: JsonSchema;
    if (Node.isInterfaceDeclaration(declaration)) {
      if (declaration.getExtends().length > 0) this.errors.push(`${name}: condition and rule types cannot extend other types`);
      schema = this.objectSchema(declaration.getProperties(), name, description);
    } else {
      const typeNode = declaration.getTypeNodeOrThrow();
      schema = { description, ...this.schemaFor(typeNode, name) };
    }
    this.definitions[name] = schema;
  }

  private objectSchema(properties: PropertySignature[], owner: string, description: string): JsonSchema {
    const required: string[] = [];
    const schemaProperties: JsonSchema = { $comment: COMMENT_PROPERTY };
    for (const property of properties) {
      const name = property.getName();
      const where = `${owner}.${name}`;
      if (!property.hasQuestionToken()) required.push(name);
      schemaProperties[name] = this.propertySchema(property, where);
    }
    const schema: JsonSchema = { type: 'object' };
    if (description !== '') schema.description = description;
    if (required.length > 0) schema.required = required;
    schema.properties = schemaProperties;
    schema.additionalProperties = false;
    return schema;
  }

  private propertySchema(property: PropertySignature, where: string): JsonSchema {
    const doc = readDoc(property);
    if (doc.text === '') this.errors.push(`${where}: the property needs a JSDoc description`);
    const typeNode = property.getTypeNode();
    if (typeNode === undefined) {
      this.errors.push(`${where}: the property needs a type`);
      return {};
    }
    const constraints = readConstraints(doc.tags, where, PROPERTY_TAGS, this.errors);
    const base = this.schemaFor(typeNode, where);
    // Draft-07 ignores keywords beside $ref, so a referenced type is wrapped in allOf.
    const schema: JsonSchema = typeof base.$ref === 'string' ? { allOf: [base] } : { ...base };
    const target = schema.type === 'array' && isObject(schema.items) ? (schema.items as JsonSchema) : schema;
    if (constraints.minLength !== undefined) target.minLength = constraints.minLength;
    if (constraints.maxLength !== undefined) target.maxLength = constraints.maxLength;
    if (constraints.pattern !== undefined) target.pattern = constraints.pattern;
    if (constraints.minimum !== undefined) target.minimum = constraints.minimum;
    if (constraints.maximum !== undefined) target.maximum = constraints.maximum;
    if (constraints.default !== undefined) schema.default = constraints.default;
    return { description: doc.text, ...schema };
  }
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
