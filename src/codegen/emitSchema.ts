// generated/tsseq.schema.json: JSON Schema draft-07 of a sequence document. Steps are told
// apart by their type (a discriminator ajv understands; editors use the oneOf), every object is
// closed (additionalProperties: false, "$comment" allowed), groups nest through Step, and the
// condition and rule shapes come from the model's own types.
import { headerText } from './header.js';
import type { CodegenModel, JsonSchema, JsonValue, ParameterModel, TypeModel } from './model.js';
import { COMMENT_PROPERTY } from './readDefinitions.js';

const ref = (name: string): JsonSchema => ({ $ref: `#/definitions/${name}` });

export function buildSchema(model: CodegenModel): JsonSchema {
  const stepTypes: TypeModel[] = [...model.stepTypes, model.group, model.node];
  const definitions: Record<string, JsonSchema> = {
    Step: {
      description: 'A step or group, told apart by its type property.',
      type: 'object',
      required: ['type'],
      discriminator: { propertyName: 'type' },
      oneOf: stepTypes.map((type) => ref(type.name)),
    },
    CommonOptions: {
      description: 'Options every step has; groups have all of them but timeoutMinutes. Steps refer to these property schemas.',
      type: 'object',
      properties: Object.fromEntries(model.commonOptions.map((option) => [option.name, parameterSchema(option)])),
    },
  };
  for (const step of model.stepTypes) definitions[step.name] = typeSchema(step, model.commonOptions);
  definitions[model.group.name] = typeSchema(model.group, model.groupOptions);
  definitions[model.node.name] = typeSchema(model.node, model.commonOptions);
  for (const [name, schema] of Object.entries(model.definitions)) {
    if (name in definitions) throw new Error(`Definition ${name} clashes with a step definition`);
    definitions[name] = schema;
  }
  const document = model.document;
  return {
    $comment: headerText(),
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'tsseq sequence document',
    description: document.description,
    type: 'object',
    required: document.properties.filter((property) => property.required).map((property) => property.name),
    properties: {
      $comment: COMMENT_PROPERTY,
      ...Object.fromEntries(document.properties.map((property) => [property.name, parameterSchema(property)])),
    },
    additionalProperties: false,
    definitions,
  };
}

export function emitSchema(model: CodegenModel): string {
  return `${JSON.stringify(buildSchema(model), null, 2)}\n`;
}

function typeSchema(type: TypeModel, options: ParameterModel[]): JsonSchema {
  const properties: JsonSchema = {
    type: { description: 'Step type.', const: type.name },
    $comment: COMMENT_PROPERTY,
  };
  for (const option of options) properties[option.name] = ref(`CommonOptions/properties/${option.name}`);
  for (const parameter of type.parameters) properties[parameter.name] = parameterSchema(parameter);
  const required = ['type', ...[...options, ...type.parameters].filter((parameter) => parameter.required).map((parameter) => parameter.name)];
  return {
    title: type.displayName,
    description: type.description,
    type: 'object',
    required,
    properties,
    additionalProperties: false,
  };
}

/** The schema of one step parameter (or document property). */
export function parameterSchema(p: ParameterModel): JsonSchema {
  const schema: JsonSchema = { description: p.description };
  const stringRules = (target: JsonSchema): void => {
    if (p.enum !== undefined) target.enum = p.enum;
    if (p.minLength !== undefined) target.minLength = p.minLength;
    if (p.maxLength !== undefined) target.maxLength = p.maxLength;
    if (p.pattern !== undefined) target.pattern = p.pattern;
  };
  const numberRules = (target: JsonSchema): void => {
    if (p.minimum !== undefined) target.minimum = p.minimum;
    if (p.maximum !== undefined) target.maximum = p.maximum;
  };
  switch (p.type) {
    case 'string':
      schema.type = 'string';
      stringRules(schema);
      break;
    case 'integer':
    case 'number':
      schema.type = p.type;
      numberRules(schema);
      break;
    case 'boolean':
      schema.type = 'boolean';
      break;
    case 'string[]': {
      const items: JsonSchema = { type: 'string' };
      stringRules(items);
      Object.assign(schema, { type: 'array', items });
      break;
    }
    case 'integer[]': {
      const items: JsonSchema = { type: 'integer' };
      numberRules(items);
      Object.assign(schema, { type: 'array', items });
      break;
    }
    case 'object':
      schema.type = 'object';
      break;
    case 'condition':
      schema.allOf = [ref('Condition')];
      break;
    case 'rules':
      Object.assign(schema, { type: 'array', items: ref('DynamicVariableRule') });
      break;
    case 'parameters':
      schema.allOf = [ref('ScriptParameters')];
      break;
    case 'steps':
      Object.assign(schema, { type: 'array', items: ref('Step') });
      break;
    case 'variables':
      Object.assign(schema, { type: 'object', additionalProperties: { type: 'string' } });
      break;
  }
  if (p.default !== undefined) schema.default = p.default as JsonValue;
  // writeOnly: the value goes in but never comes back out (results and logs mask it).
  if (p.secret) schema.writeOnly = true;
  return schema;
}
