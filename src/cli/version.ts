// `tsseq --version`: the package's version (its package.json, found as paths.ts finds the root)
// and the step model it was generated from (the model hash the generator writes into the catalog).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { modelHash } from '../../generated/node/stepCatalog.js';
import { paths } from '../bridge/paths.js';

export function versionText(): string {
  const { version } = JSON.parse(readFileSync(join(paths.root, 'package.json'), 'utf8')) as { version: string };
  return `tsseq ${version} (model ${modelHash.slice(0, 12)})`;
}
