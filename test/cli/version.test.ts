// tsseq --version / -V: the package's version and the step model's hash, without an engine.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { modelHash } from '../../generated/node/stepCatalog.js';
import { paths } from '../../src/bridge/paths.js';
import { runCli } from '../support/cli.js';

describe('tsseq --version', () => {
  it('prints the package version and the model hash, for --version and -V', async () => {
    const { version } = JSON.parse(readFileSync(join(paths.root, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const result = await runCli([flag]);
      expect(result.code, result.stderr).to.equal(0);
      expect(result.stdout).to.equal(`tsseq ${version} (model ${modelHash.slice(0, 12)})\n`);
    }
  });
});
