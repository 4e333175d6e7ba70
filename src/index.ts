// Package entry point: the engine bridge, document validation, the typed step API and the generator.
import type { GenerateOptions, GenerateResult } from './codegen/index.js';

export * from './api/index.js';
export * from './bridge/index.js';
export type { GenerateOptions, GenerateResult } from './codegen/index.js';

/**
 * Regenerates generated/ from src/model (or, with `check`, lists the files that differ).
 * Loaded on first use: the generator needs ts-morph, which users of the Engine do not.
 */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const codegen = await import('./codegen/index.js');
  return codegen.generate(options);
}
