// The README's Node example is run as written, against the built package (imported by its name
// 'tsseq' through a node_modules link, as a user who installed it would), so it cannot rot.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { paths } from '../../src/bridge/paths.js';
import { testEngineChoice } from '../support/engine.js';
import { tempDirectory } from '../support/tempFiles.js';

/** The first ```js block after the heading `## Node`. */
export function readmeNodeExample(readme: string): string {
  const section = readme.slice(readme.indexOf('\n## Node\n'));
  const match = /```js\n([\s\S]*?)```/.exec(section);
  if (!match) throw new Error("README.md has no ```js block under '## Node'");
  return match[1]!;
}

describe("README's Node example", function () {
  this.timeout(120_000);

  it('runs as written and prints what its comments say', () => {
    const code = readmeNodeExample(readFileSync(join(paths.root, 'README.md'), 'utf8'));
    const folder = join(tempDirectory(), 'readme-example');
    mkdirSync(join(folder, 'node_modules'), { recursive: true });
    symlinkSync(paths.root, join(folder, 'node_modules', 'tsseq'), 'dir');
    const script = join(folder, 'example.mjs');
    writeFileSync(script, code);
    // Run from elsewhere: the example finds examples/hello.json through the installed package.
    const result = spawnSync(process.execPath, [script], { cwd: tempDirectory(), encoding: 'utf8', env: { ...process.env, TSSEQ_ENGINE: testEngineChoice }, timeout: 110_000 });
    expect(result.status, `${result.stderr}\n${result.stdout}`).to.equal(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).to.equal('Succeeded hi');
    expect(lines).to.include('Succeeded');
    expect(lines, 'onEvent printed each finished step').to.include('Say it/Echo message Succeeded');
  });
});
