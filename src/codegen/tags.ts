// Turning JSDoc tags into constraint values, with errors that name where the tag is.
import type { DocTag } from './jsdoc.js';
import { KNOWN_TAGS } from './jsdoc.js';
import type { JsonValue, ParameterModel } from './model.js';

/** The part of a parameter's model that its JSDoc tags decide. */
export type Constraints = Pick<
  ParameterModel,
  'default' | 'minimum' | 'maximum' | 'minLength' | 'maxLength' | 'pattern' | 'secret' | 'verbatim' | 'code' | 'variable'
>;

const LENGTH_TAGS = new Set(['minLength', 'maxLength']);

/** Reads the constraint tags of a property; `where` is "Step.field" for error messages. */
export function readConstraints(tags: DocTag[], where: string, allowed: readonly string[], errors: string[]): Constraints {
  const result: Constraints = { secret: false, verbatim: false, code: false };
  const seen = new Set<string>();
  for (const tag of tags) {
    const text = tag.text.trim();
    if (!(KNOWN_TAGS as readonly string[]).includes(tag.name)) {
      errors.push(`${where}: unknown JSDoc tag @${tag.name}`);
      continue;
    }
    if (!allowed.includes(tag.name)) {
      errors.push(`${where}: @${tag.name} is not allowed here`);
      continue;
    }
    if (seen.has(tag.name)) {
      errors.push(`${where}: @${tag.name} is given more than once`);
      continue;
    }
    seen.add(tag.name);
    switch (tag.name) {
      case 'default':
        try {
          result.default = JSON.parse(text) as JsonValue;
        } catch {
          errors.push(`${where}: @default must be JSON (strings in double quotes), got '${text}'`);
        }
        break;
      case 'minimum':
      case 'maximum':
      case 'minLength':
      case 'maxLength': {
        const value = Number(text);
        if (text === '' || !Number.isFinite(value)) {
          errors.push(`${where}: @${tag.name} must be a number, got '${text}'`);
        } else if (LENGTH_TAGS.has(tag.name) && (!Number.isInteger(value) || value < 0)) {
          errors.push(`${where}: @${tag.name} must be a whole number of at least 0, got '${text}'`);
        } else {
          result[tag.name] = value;
        }
        break;
      }
      case 'pattern':
        if (text === '') errors.push(`${where}: @pattern needs a regular expression`);
        else result.pattern = text;
        break;
      case 'secret':
      case 'verbatim':
      case 'code':
        if (text !== '') errors.push(`${where}: @${tag.name} takes no value, got '${text}'`);
        result[tag.name] = true;
        break;
      case 'variable':
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(text)) errors.push(`${where}: @variable must name one task sequence variable, got '${text}'`);
        else result.variable = text;
        break;
    }
  }
  return result;
}
