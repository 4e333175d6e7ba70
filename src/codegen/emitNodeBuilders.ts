// generated/node/builders.ts: one typed builder per step type of the model, plus group and node,
// with the model's JSDoc, so editors show each step's help on `steps.<builder>` and each
// property's help (from the model's own interfaces) inside the object passed to it. The builders'
// parameter and return types are derived from the model's Step union (src/api/stepTypes.ts);
// what must be generated is the list of builders, their names and their documentation.
import { headerComment } from './header.js';
import type { CodegenModel, TypeModel } from './model.js';

/** Import paths of the generated file (generated/node/) to the runtime it calls. */
const API_FROM_GENERATED = '../../src/api';

/** `RunCommandLine` → `runCommandLine`; a leading acronym is lowered whole (`WMIQuery` → `wmiQuery`). */
export function builderName(typeName: string): string {
  const acronym = /^[A-Z]+(?=[A-Z][a-z]|$)/.exec(typeName)?.[0];
  if (acronym !== undefined && acronym.length > 1) return acronym.toLowerCase() + typeName.slice(acronym.length);
  return typeName.charAt(0).toLowerCase() + typeName.slice(1);
}

/** Step types, then Group and Node: everything the Step union holds. */
function builtTypes(model: CodegenModel): TypeModel[] {
  return [...model.stepTypes, model.group, model.node];
}

export function emitNodeBuilders(model: CodegenModel): string {
  const types = builtTypes(model);
  const lines: string[] = [
    headerComment('// '),
    '',
    `import { buildStep } from '${API_FROM_GENERATED}/buildStep.js';`,
    `import type { StepOf, StepParameters } from '${API_FROM_GENERATED}/stepTypes.js';`,
    '',
    '/**',
    ' * Builders of typed steps: one per step type of the model, plus group and node. Each returns the',
    ' * step with its type set, after checking it with the sequence schema\'s rules; a wrong value or an',
    ' * unknown property throws StepValidationError naming its JSON path and what was expected.',
    ' */',
    'export interface StepBuilders {',
  ];
  for (const type of types) {
    lines.push(...docComment(builderDoc(type), '  '));
    lines.push(`  ${builderName(type.name)}(parameters: StepParameters<${JSON.stringify(type.name)}>): StepOf<${JSON.stringify(type.name)}>;`);
  }
  lines.push('}', '');
  lines.push('/** The step builders: `steps.runCommandLine({ name, commandLine })`, `steps.group({ name, steps: [...] })`, and so on. */');
  lines.push('export const steps: StepBuilders = {');
  for (const type of types) {
    const name = builderName(type.name);
    lines.push(`  ${name}: (parameters) => buildStep(${JSON.stringify(type.name)}, ${JSON.stringify(name)}, parameters),`);
  }
  lines.push('};', '');
  lines.push('/** The builder of `steps` that makes each step type. */');
  lines.push('export const builderNames = {');
  for (const type of types) lines.push(`  ${type.name}: ${JSON.stringify(builderName(type.name))},`);
  lines.push('} as const;', '');
  return lines.join('\n');
}

function builderDoc(type: TypeModel): string {
  return [
    `${type.displayName}: a \`${type.name}\` step.`,
    '',
    type.description,
    '',
    '@param parameters The properties of the step, without type (the builder sets it).',
    `@throws {StepValidationError} when a property has the wrong type or value, or is unknown.`,
  ].join('\n');
}

/** A JSDoc block; paragraphs are wrapped at 100 columns, tag lines kept whole. */
function docComment(text: string, indent: string): string[] {
  const width = 100 - indent.length - 3;
  const body = text
    .replace(/\*\//g, '*\\/')
    .split('\n')
    .flatMap((line) => (line.startsWith('@') ? [line] : wrap(line, width)));
  return [`${indent}/**`, ...body.map((line) => (line === '' ? `${indent} *` : `${indent} * ${line}`)), `${indent} */`];
}

function wrap(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const out: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    if (current !== '' && current.length + 1 + word.length > width) {
      out.push(current);
      current = word;
    } else {
      current = current === '' ? word : `${current} ${word}`;
    }
  }
  if (current !== '') out.push(current);
  return out;
}
