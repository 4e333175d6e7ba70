// The sequence schema's validator, compiled at build time: scripts/compileValidator.mjs (run by
// scripts/build.mjs after tsc) writes dist/src/bridge/documentSchemaValidator.js with Ajv's
// standalone code generation from generated/tsseq.schema.json. These are its exports.
import type { ValidateFunction } from 'ajv';

/** Validates a sequence document (Ajv's errors in `validate.errors`). */
export declare const validate: ValidateFunction;
/** SHA-256 (hex) of the schema file the validator was compiled from. */
export declare const schemaSha256: string;
export default validate;
