// Checks sequence documents against generated/tsseq.schema.json (the schema the generator derives
// from src/model) and reports every problem with a JSON path, so `tsseq validate`, `tsseq run` and
// Engine.runSequence all refuse the same documents with the same messages.
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { parseJsonWithLocation } from './jsonLocation.js';
import { paths } from './paths.js';

export interface DocumentProblem {
  /** JSON path such as `$.steps[0].commandLine`; for syntax errors, `line:column`. */
  path: string;
  message: string;
}

export interface ValidationResult {
  valid: boolean;
  errors: DocumentProblem[];
}

/** A document that cannot run: unreadable, not JSON, or not matching the schema. */
export class InvalidDocumentError extends Error {
  override name = 'InvalidDocumentError';
  constructor(
    readonly problems: DocumentProblem[],
    readonly source: string | undefined,
    readonly kind: 'read' | 'syntax' | 'schema',
  ) {
    super(formatProblems(problems, source, kind));
  }
}

let compiled: ValidateFunction | undefined;

function schemaValidator(): ValidateFunction {
  if (compiled) return compiled;
  let schema: object;
  try {
    schema = JSON.parse(readFileSync(paths.schema, 'utf8')) as object;
  } catch (error) {
    throw new Error(`Cannot load the sequence schema ${paths.schema} (${(error as Error).message}). Run 'npm run build' and 'tsseq generate'.`);
  }
  const ajv = new Ajv({ discriminator: true, allErrors: true, strict: false });
  compiled = ajv.compile(schema);
  return compiled;
}

/** Validates a parsed sequence document; lists every error, not just the first. */
export function validateDocument(document: unknown): ValidationResult {
  const validate = schemaValidator();
  if (validate(document)) return { valid: true, errors: [] };
  return { valid: false, errors: describeErrors(validate.errors ?? []) };
}

/** Throws InvalidDocumentError unless the document matches the schema. */
export function assertValidDocument(document: unknown, source?: string): void {
  const result = validateDocument(document);
  if (!result.valid) throw new InvalidDocumentError(result.errors, source, 'schema');
}

/** Reads, parses and validates a sequence file; throws InvalidDocumentError with locations. */
export function readSequenceFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message;
    throw new InvalidDocumentError([{ path: '', message: `cannot read: ${reason}` }], file, 'read');
  }
  const parsed = parseJsonWithLocation(text.replace(/^\uFEFF/, ''));
  if (!parsed.ok) {
    const { line, column, message } = parsed.problem;
    throw new InvalidDocumentError([{ path: `${line}:${column}`, message }], file, 'syntax');
  }
  assertValidDocument(parsed.value, file);
  return parsed.value;
}

/** One line per problem: `file:line:col: msg` for syntax, `file: $.path: msg` for schema. */
export function formatProblems(problems: DocumentProblem[], source: string | undefined, kind: 'read' | 'syntax' | 'schema'): string {
  const where = source ?? 'document';
  if (kind === 'read') return problems.map((p) => `${where}: ${p.message}`).join('\n');
  if (kind === 'syntax') return problems.map((p) => `${where}:${p.path}: invalid JSON: ${p.message}`).join('\n');
  const header = `${where}: ${problems.length} schema error${problems.length === 1 ? '' : 's'}:`;
  return [header, ...problems.map((p) => `  ${p.path}: ${p.message}`)].join('\n');
}

/** `/steps/0/command Line` → `$.steps[0]['command Line']`. */
export function jsonPointerToPath(pointer: string): string {
  if (pointer === '') return '$';
  return (
    '$' +
    pointer
      .split('/')
      .slice(1)
      .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((key) => (/^\d+$/.test(key) ? `[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`))
      .join('')
  );
}

function describeErrors(errors: ErrorObject[]): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    // "must match then schema" only repeats the errors reported inside the branch.
    if (error.keyword === 'if') continue;
    const problem = describeError(error);
    const key = `${problem.path}\0${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

function describeError(error: ErrorObject): DocumentProblem {
  const path = jsonPointerToPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { path: childPath(path, String(params.missingProperty)), message: 'is required' };
    case 'additionalProperties':
      return { path: childPath(path, String(params.additionalProperty)), message: 'is not a known property here' };
    case 'enum':
      return { path, message: `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` };
    case 'const':
      return { path, message: `must be ${JSON.stringify(params.allowedValue)}` };
    case 'discriminator': {
      const tag = String(params.tag ?? 'type');
      if (params.error === 'mapping') return { path: childPath(path, tag), message: `${JSON.stringify(params.tagValue)} is not a known ${tag}` };
      return { path: childPath(path, tag), message: params.tagValue === undefined ? 'is required' : 'must be a string' };
    }
    default:
      return { path, message: error.message ?? error.keyword };
  }
}

function childPath(parent: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}
