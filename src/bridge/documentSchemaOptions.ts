// The Ajv options the sequence schema is compiled with: at build time, into the standalone
// validator (scripts/compileValidator.mjs), and at run time when that validator is stale or for
// the branches the error describer re-checks. One list, so all of them report the same errors.
import type { Options } from 'ajv';

// verbose: oneOf/anyOf errors then carry their branches and the value, which the describer re-checks.
export const documentSchemaAjvOptions = { discriminator: true, allErrors: true, strict: false, verbose: true } as const satisfies Options;
