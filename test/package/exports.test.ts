// The package's entry points work from a clone after `npm ci && npm run build`: by path
// (require of the clone folder, Node >= 20.19) and by name (import 'tsseq' once installed).
import { expect } from 'chai';
import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { paths } from '../../src/bridge/paths.js';

describe('package entry points', function () {
  it('require(<clone folder>) gives the API through package.json main', function () {
    const api = createRequire(import.meta.url)(paths.root) as Record<string, unknown>;
    expect(api.Engine).to.be.a('function');
    expect(api.validateDocument).to.be.a('function');
    expect(api.generate).to.be.a('function');
  });

  it("import 'tsseq' resolves through package.json exports in a consuming project", function () {
    const project = mkdtempSync(join(tmpdir(), 'tsseq-consumer-'));
    mkdirSync(join(project, 'node_modules'));
    symlinkSync(paths.root, join(project, 'node_modules', 'tsseq'), 'dir');
    const script = "const api = await import('tsseq'); console.log([typeof api.Engine, typeof api.validateDocument].join(','));";
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8' });
    expect(result.stderr).to.equal('');
    expect(result.stdout.trim()).to.equal('function,function');
  });
});
