// Checks sequence documents against generated/tsseq.schema.json (the schema the generator derives
// from src/model) and reports every problem with a JSON path, so `tsseq validate`, `tsseq run` and
// Engine.runSequence all refuse the same documents with the same messages. The schema is compiled
// at build time (scripts/compileValidator.mjs), so a first validation costs no Ajv compile; Ajv
// itself loads only for an invalid document (the error describer) or a stale compiled validator.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Ajv as AjvClass, ValidateFunction } from 'ajv';
import { DocumentFileError, readDocumentText } from './documentFile.js';
import { documentLimitProblem } from './documentLimits.js';
import { documentRuleProblems } from './documentRules.js';
import { documentSchemaAjvOptions } from './documentSchemaOptions.js';
import { notImplementedWarnings } from './implementedSteps.js';
import { schemaSha256 as compiledSchemaSha256, validate as compiledValidate } from './documentSchemaValidator.js';
import { findInexactNumber, parseJsonWithLocation } from './jsonLocation.js';
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

interface SchemaValidator {
  validate: ValidateFunction;
  /** Made on the first invalid document: it needs Ajv and the schema's definitions. */
  describer: () => SchemaErrorDescriber;
}

let compiled: SchemaValidator | undefined;

type Schema = { definitions?: unknown };

function cannotLoad(error: unknown): Error {
  return new Error(`Cannot load the sequence schema ${paths.schema} (${(error as Error).message}). Run 'npm run build' and 'tsseq generate'.`);
}

function readSchemaFile(): Buffer {
  try {
    return readFileSync(paths.schema);
  } catch (error) {
    throw cannotLoad(error);
  }
}

function parseSchema(bytes: Buffer): Schema {
  try {
    return JSON.parse(bytes.toString('utf8')) as Schema;
  } catch (error) {
    throw cannotLoad(error);
  }
}

/** A new Ajv, loaded only when needed (its import alone takes about 60 ms). */
function newAjv(): AjvClass {
  const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
  return new Ajv(documentSchemaAjvOptions);
}

function schemaValidator(): SchemaValidator {
  if (compiled) return compiled;
  const bytes = readSchemaFile();
  let describer: SchemaErrorDescriber | undefined;
  if (createHash('sha256').update(bytes).digest('hex') === compiledSchemaSha256) {
    compiled = { validate: compiledValidate, describer: () => (describer ??= new SchemaErrorDescriber(newAjv(), parseSchema(bytes).definitions)) };
  } else {
    // The schema changed since the build (`tsseq generate` writes it after building): compile it
    // here, as the build will next time.
    const schema = parseSchema(bytes);
    const ajv = newAjv();
    const validate = ajv.compile(schema);
    compiled = { validate, describer: () => (describer ??= new SchemaErrorDescriber(ajv, schema.definitions)) };
  }
  return compiled;
}

/**
 * Validates a parsed sequence document; lists every error, not just the first. A document no run
 * could take (too deep, a lone surrogate, 1e999) gets that one problem; otherwise the schema's
 * problems and then the run's own refusals (documentRules.ts), as the engine's validator reports them.
 */
export function validateDocument(document: unknown): ValidationResult {
  const limit = documentLimitProblem(document);
  if (limit) return { valid: false, errors: [limit] };
  const { validate, describer } = schemaValidator();
  const errors = validate(document) ? [] : describer().describe(validate.errors ?? []);
  errors.push(...documentRuleProblems(document));
  return { valid: errors.length === 0, errors };
}

/** What a valid document does that will not work yet: steps this version cannot run (see implementedSteps.ts). */
export function documentWarnings(document: unknown): string[] {
  return notImplementedWarnings((document as { steps?: unknown } | null)?.steps);
}

/** Throws InvalidDocumentError unless the document matches the schema. */
export function assertValidDocument(document: unknown, source?: string): void {
  const result = validateDocument(document);
  if (!result.valid) throw new InvalidDocumentError(result.errors, source, 'schema');
}

/**
 * Reads, parses and validates a sequence file; throws InvalidDocumentError with locations. The
 * file must be a regular file of at most MAX_DOCUMENT_BYTES in UTF-8 (documentFile.ts), and no
 * message quotes its text: a syntax error says line, column and what was expected.
 */
export function readSequenceFile(file: string): unknown {
  let text: string;
  try {
    text = readDocumentText(file, { what: 'sequence file' });
  } catch (error) {
    if (!(error instanceof DocumentFileError)) throw error;
    throw new InvalidDocumentError([{ path: '', message: error.problem }], file, 'read');
  }
  const parsed = parseJsonWithLocation(text);
  if (!parsed.ok) {
    const { line, column, message } = parsed.problem;
    throw new InvalidDocumentError([{ path: `${line}:${column}`, message }], file, 'syntax');
  }
  // JSON.parse has already changed such a number: refused by path and place, never quoted.
  const inexact = findInexactNumber(text);
  if (inexact) {
    const message = `is a number JavaScript cannot hold exactly (line ${inexact.line}, column ${inexact.column}: more digits than a double keeps, so it would silently become another number); write it as a string`;
    throw new InvalidDocumentError([{ path: inexact.path, message }], file, 'schema');
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
