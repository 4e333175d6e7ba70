// Task-sequence variables as Node handlers see them: names are case-insensitive (the spelling
// first used is kept), values are strings, setting "" deletes (DESIGN §5), and names starting
// with "_" belong to the engine.
import { InvalidRequestError } from './errors.js';
import type { VariableRecord } from './protocol.js';

export class VariableMap implements Iterable<[string, string]> {
  private readonly byKey = new Map<string, [name: string, value: string]>();

  constructor(initial?: VariableRecord | Iterable<[string, string]>) {
    if (!initial) return;
    const pairs = Symbol.iterator in Object(initial) ? (initial as Iterable<[string, string]>) : Object.entries(initial);
    for (const [name, value] of pairs) this.byKey.set(name.toLowerCase(), [name, String(value)]);
  }

  get size(): number {
    return this.byKey.size;
  }

  get(name: string): string | undefined {
    return this.byKey.get(name.toLowerCase())?.[1];
  }

  has(name: string): boolean {
    return this.byKey.has(name.toLowerCase());
  }

  set(name: string, value: string): this {
    if (typeof name !== 'string' || name === '') throw new TypeError('A variable name must be a non-empty string.');
    if (name.startsWith('_')) throw new Error(`Variable '${name}' is read-only: names starting with '_' belong to the engine.`);
    if (typeof value !== 'string') throw new TypeError(`Variable '${name}' must be set to a string, got ${typeof value}.`);
    if (value === '') {
      this.delete(name);
      return this;
    }
    const key = name.toLowerCase();
    const existing = this.byKey.get(key);
    this.byKey.set(key, [existing ? existing[0] : name, value]);
    return this;
  }

  delete(name: string): boolean {
    return this.byKey.delete(name.toLowerCase());
  }

  *entries(): IterableIterator<[string, string]> {
    for (const [name, value] of this.byKey.values()) yield [name, value];
  }

  *keys(): IterableIterator<string> {
    for (const [name] of this.byKey.values()) yield name;
  }

  *values(): IterableIterator<string> {
    for (const [, value] of this.byKey.values()) yield value;
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }

  toRecord(): VariableRecord {
    return Object.fromEntries(this.entries());
  }
}

const MAX_NAME_LENGTH = 256;

/**
 * Why `name` cannot be set by a user (the engine's rules, DESIGN §5), or undefined if it can:
 * after trimming, 1 to 256 ASCII letters, digits, '_' and '-', starting with a letter; names
 * starting with '_' are valid but read-only (set by the engine).
 */
export function variableNameProblem(name: string): string | undefined {
  const key = name.trim();
  if (key.length === 0 || key.length > MAX_NAME_LENGTH) return `'${key}' is not a valid variable name: a name has 1 to ${MAX_NAME_LENGTH} characters.`;
  if (!/^[A-Za-z0-9_-]+$/.test(key)) return `'${key}' is not a valid variable name: use only letters, digits, '_' and '-'.`;
  if (key.startsWith('_')) return `Variable '${key}' is read-only: names starting with '_' are set by the task sequence engine.`;
  if (!/^[A-Za-z]/.test(key)) return `'${key}' is not a valid variable name: a name must start with a letter.`;
  return undefined;
}

/**
 * Checks that caller-supplied variables are strings, so nothing is silently coerced on the way:
 * another value (a number, a BigInt, an object, a cyclic one included) is an InvalidRequestError
 * naming the variable, and nothing is sent.
 */
export function toVariableRecord(variables: VariableRecord | Map<string, string> | VariableMap | undefined, method = 'request'): VariableRecord | undefined {
  if (variables === undefined) return undefined;
  const record: VariableRecord = {};
  const add = (name: string, value: unknown) => {
    if (typeof value !== 'string') {
      const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
      throw new InvalidRequestError(method, `${method}: variable '${name}' must be a string, got ${got}: task sequence variables are text (String(value) makes one). Nothing was sent to the engine.`, { variable: name });
    }
    // An assignment to "__proto__" would set the prototype (a string is ignored): the variable would vanish.
    if (name === '__proto__') Object.defineProperty(record, name, { value, enumerable: true, writable: true, configurable: true });
    else record[name] = value;
  };
  if (variables instanceof Map || variables instanceof VariableMap) {
    for (const [name, value] of variables.entries()) add(name, value);
  } else {
    // Object.keys, not Object.entries: no [name, value] array per variable (10,000 variables are common).
    for (const name of Object.keys(variables)) add(name, variables[name]);
  }
  return record;
}
