// Checks sequence documents against generated/tsseq.schema.json (the schema the generator derives
// from src/model) and reports every problem with a JSON path, so `tsseq validate`, `tsseq run` and
// Engine.runSequence all refuse the same documents with the same messages.
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { parseJsonWithLocation } from './jsonLocation.js';
import { paths } from './paths.js';
import { SchemaErrorDescriber, type DocumentProblem } from './schemaErrors.js';

export { jsonPointerToPath, type DocumentProblem } from './schemaErrors.js';

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

let compiled: { validate: ValidateFunction; describer: SchemaErrorDescriber } | undefined;

function schemaValidator(): { validate: ValidateFunction; describer: SchemaErrorDescriber } {
  if (compiled) return compiled;
  let schema: { definitions?: unknown };
  try {
    schema = JSON.parse(readFileSync(paths.schema, 'utf8')) as { definitions?: unknown };
  } catch (error) {
    throw new Error(`Cannot load the sequence schema ${paths.schema} (${(error as Error).message}). Run 'npm run build' and 'tsseq generate'.`);
  }
  // verbose: oneOf/anyOf errors then carry their branches and the value, which the describer re-checks.
  const ajv = new Ajv({ discriminator: true, allErrors: true, strict: false, verbose: true });
  compiled = { validate: ajv.compile(schema), describer: new SchemaErrorDescriber(ajv, schema.definitions) };
  return compiled;
}

/** Validates a parsed sequence document; lists every error, not just the first. */
export function validateDocument(document: unknown): ValidationResult {
  const { validate, describer } = schemaValidator();
  if (validate(document)) return { valid: true, errors: [] };
  return { valid: false, errors: describer.describe(validate.errors ?? []) };
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
