// generate(): the committed generated/ matches the model; drift in a temporary copy of the
// repository is reported file by file and repaired by writing; the output's byte-level rules.
import { expect } from 'chai';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate, renderFiles } from '../../src/codegen/generate.js';
import { repoRoot } from './repoRoot.js';

/** A scratch copy of what the generator reads and writes. */
function copyRepository(): string {
  const root = mkdtempSync(join(tmpdir(), 'tsseq-codegen-'));
  for (const path of ['package.json', 'tsconfig.json', join('src', 'model'), join('ps-module', 'Public'), 'generated']) {
    if (existsSync(join(repoRoot, path))) cpSync(join(repoRoot, path), join(root, path), { recursive: true });
  }
  return root;
}

describe('codegen: generate', function () {
  this.timeout(120_000);
  let scratch: string;
  beforeEach(() => {
    scratch = copyRepository();
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it('reports no drift on the committed tree', async () => {
    expect((await generate({ root: repoRoot, check: true })).changed).to.deep.equal([]);
  });

  it('reports a modified, a missing and an extra file without writing, then repairs them', async () => {
    const psm1 = join(scratch, 'generated', 'TsSequence', 'TsSequence.psm1');
    const original = readFileSync(psm1);
    writeFileSync(psm1, Buffer.concat([original, Buffer.from('# hand edit\n')]));
    rmSync(join(scratch, 'generated', 'tsseq.schema.json'));
    writeFileSync(join(scratch, 'generated', 'stray.txt'), 'left over\n');

    const expected = ['generated/TsSequence/TsSequence.psm1', 'generated/stray.txt', 'generated/tsseq.schema.json'];
    expect((await generate({ root: scratch, check: true })).changed).to.deep.equal(expected);
    expect(existsSync(join(scratch, 'generated', 'tsseq.schema.json')), 'check must not write').to.equal(false);
    expect(existsSync(join(scratch, 'generated', 'stray.txt')), 'check must not delete').to.equal(true);

    expect((await generate({ root: scratch })).changed).to.deep.equal(expected);
    expect(readFileSync(psm1).equals(original)).to.equal(true);
    expect(existsSync(join(scratch, 'generated', 'stray.txt'))).to.equal(false);
    expect((await generate({ root: scratch, check: true })).changed).to.deep.equal([]);
  });

  it('reports every artifact a model change reaches', async () => {
    const file = join(scratch, 'src', 'model', 'steps', 'RunCommandLine.ts');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Command line to run;', 'The command line to run;'));
    expect((await generate({ root: scratch, check: true })).changed).to.deep.equal([
      'generated/TsSequence/TsSequence.psd1',
      'generated/TsSequence/TsSequence.psm1',
      'generated/csharp/StepCatalog.g.cs',
      'generated/node/stepCatalog.ts',
      'generated/tsseq.schema.json',
    ]);
  });

  it('exports a new runtime Public/ function from the manifest and the module', async () => {
    writeFileSync(join(scratch, 'ps-module', 'Public', 'Get-TsExtra.ps1'), 'function Get-TsExtra { }\n');
    expect((await generate({ root: scratch, check: true })).changed).to.deep.equal(['generated/TsSequence/TsSequence.psd1', 'generated/TsSequence/TsSequence.psm1']);
    await generate({ root: scratch });
    expect(readFileSync(join(scratch, 'generated', 'TsSequence', 'TsSequence.psd1'), 'utf8')).to.contain("'Get-TsExtra'");
  });

  it('fails on a broken model, naming the step and field, and writes nothing', async () => {
    const file = join(scratch, 'src', 'model', 'steps', 'RunCommandLine.ts');
    writeFileSync(file, readFileSync(file, 'utf8').replace('   * @variable CommandLine\n', '   * @variable CommandLine\n   * @default "echo"\n'));
    const before = readFileSync(join(scratch, 'generated', 'TsSequence', 'TsSequence.psm1'));
    let message = '';
    await generate({ root: scratch }).catch((error: Error) => (message = error.message));
    expect(message).to.contain('RunCommandLine.commandLine: a required property cannot have a @default');
    expect(readFileSync(join(scratch, 'generated', 'TsSequence', 'TsSequence.psm1')).equals(before)).to.equal(true);
  });
});

describe('codegen: generated file format', function () {
  this.timeout(120_000);
  let files: Map<string, Buffer>;
  before(async () => {
    files = await renderFiles(repoRoot);
  });

  it('renders the same bytes twice (deterministic)', async () => {
    const again = await renderFiles(repoRoot);
    expect([...again.keys()]).to.deep.equal([...files.keys()]);
    for (const [path, content] of files) expect(again.get(path)!.equals(content), path).to.equal(true);
  });

  it('writes PowerShell files as UTF-8 with BOM, others without; ASCII, LF only, one final newline', () => {
    for (const [path, content] of files) {
      const isPowerShell = /\.ps[dm]?1$/.test(path);
      const hasBom = content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf;
      expect(hasBom, `${path} BOM`).to.equal(isPowerShell);
      const text = content.subarray(hasBom ? 3 : 0).toString('utf8');
      expect(/^[\n\x20-\x7e]*$/.test(text), `${path} must be printable ASCII with LF line ends`).to.equal(true);
      expect(text.endsWith('\n') && !text.endsWith('\n\n'), `${path} final newline`).to.equal(true);
    }
  });

  it('starts every file with the DO-NOT-EDIT header naming src/model/ and the command', () => {
    for (const [path, content] of files) {
      const text = content.toString('utf8').replace(/^\uFEFF/, '');
      const head = path.endsWith('.json') ? String((JSON.parse(text) as { $comment: string }).$comment) : text.split('\n').slice(0, 4).join('\n');
      expect(head, path).to.contain('DO NOT EDIT').and.contain('src/model/').and.contain('npx tsseq generate');
    }
  });

  it('writes JSON with 2-space indentation', () => {
    const text = files.get('generated/tsseq.schema.json')!.toString('utf8');
    expect(text).to.equal(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
  });
});
