// The differential test of the two validators: `tsseq validate` (Node: the JSON schema plus
// documentLimits/documentRules) and the engine's DocumentValidator (Test-TsSequence,
// Invoke-TsSequence) must accept exactly the same documents, over a corpus of many variants
// (test/support/validationCorpus.ts). A document the engine cannot even parse (nested past
// its reader) counts as refused. Also: the implemented step types Node reads from
// StepRunners.cs are the engine's own.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { implementedStepTypes } from '../../src/bridge/implementedSteps.js';
import { paths } from '../../src/bridge/paths.js';
import { resolveEngine } from '../../src/bridge/resolveEngine.js';
import { validateDocument } from '../../src/bridge/validateDocument.js';
import { stepCatalog } from '../../generated/node/index.js';
import { validationCorpus } from '../support/validationCorpus.js';
import { testEngineChoice } from '../support/engine.js';
import { writeTempFile } from '../support/tempFiles.js';

interface EngineAnswers {
  problems: (string[] | { threw: string })[];
  implemented: Record<string, boolean>;
}

function engineAnswers(files: string[], types: string[]): EngineAnswers {
  const engine = resolveEngine({ engine: testEngineChoice });
  const input = writeTempFile('agreement.json', { files, types });
  const script = `
    $inputs = Get-Content -Raw -LiteralPath $env:TSSEQ_AGREEMENT_INPUT | ConvertFrom-Json
    $answers = [ordered]@{ problems = [System.Collections.Generic.List[object]]::new(); implemented = [ordered]@{} }
    foreach ($file in $inputs.files) {
      try { $answers.problems.Add(@([TsSequence.Documents.DocumentValidator]::Validate([TsSequence.Json.JsonCodec]::Parse([System.IO.File]::ReadAllText($file))))) }
      catch { $answers.problems.Add([ordered]@{ threw = $_.Exception.Message }) }
    }
    foreach ($type in $inputs.types) { $answers.implemented[$type] = [TsSequence.Steps.StepRunners]::IsImplemented($type) }
    [TsSequence.Json.JsonCodec]::Serialize($answers)`;
  const driver = join(paths.root, 'test', 'ps-module', 'fixtures', 'with-module.ps1');
  const result = spawnSync(engine.command, [...engine.prefixArgs, '-NoProfile', '-NonInteractive', '-File', driver, '-ModulePath', paths.moduleManifest, '-Script', script], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', TSSEQ_AGREEMENT_INPUT: input },
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`the engine failed (${result.status}): ${result.stderr}${result.stdout}`);
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as EngineAnswers;
}

describe('the two validators agree (differential)', function () {
  this.timeout(180_000);
  const corpus = validationCorpus();
  let answers: EngineAnswers;
  const types: string[] = stepCatalog.map((type) => type.name);

  before(function () {
    const files = corpus.map((item, index) => writeTempFile(`corpus-${index}.json`, item.text ?? item.document));
    answers = engineAnswers(files, types);
  });

  it(`accept and refuse the same ${corpus.length} documents`, function () {
    const disagreements: string[] = [];
    corpus.forEach((item, index) => {
      const node = validateDocument(item.text === undefined ? item.document : JSON.parse(item.text));
      const engine = answers.problems[index]!;
      const engineValid = Array.isArray(engine) && engine.length === 0;
      if (node.valid !== engineValid) {
        disagreements.push(`${item.title}: node ${node.valid ? 'accepts' : `refuses (${node.errors.map((e) => `${e.path}: ${e.message}`).join('; ')})`}, engine ${engineValid ? 'accepts' : `refuses (${Array.isArray(engine) ? engine.join('; ') : engine.threw})`}`);
      }
    });
    expect(disagreements, disagreements.join('\n')).to.deep.equal([]);
    // The corpus is no trivial one: both kinds of answer occur often.
    const valid = corpus.filter((item) => validateDocument(item.text === undefined ? item.document : JSON.parse(item.text)).valid).length;
    expect(valid).to.be.greaterThan(40);
    expect(corpus.length - valid).to.be.greaterThan(100);
  });

  it('say what only a run refuses in the same words', function () {
    const same = ['variable named "_X"', 'variable named "A B"', 'variable named "1A"', '1e999', '-1e999 in Node parameters', 'conditions nested 510 deep'];
    for (const title of same) {
      const index = corpus.findIndex((item) => item.title === title);
      const item = corpus[index]!;
      const node = validateDocument(item.text === undefined ? item.document : JSON.parse(item.text)).errors.map((e) => `${e.path}: ${e.message}`);
      expect(answers.problems[index], title).to.deep.equal(node);
    }
  });

  it('suggest the same names for a misspelt type, property, condition kind and operator', function () {
    const cases: [string, RegExp][] = [
      ['lower-case type', /did you mean 'RunCommandLine'\?/],
      ['misspelt type', /did you mean 'RunCommandLine'\?/],
      ['ContinueOnError', /did you mean 'continueOnError'\?/],
      ['root misspelt', /did you mean 'variables'\?/],
    ];
    for (const [title, suggestion] of cases) {
      const index = corpus.findIndex((item) => item.title === title);
      const node = validateDocument(corpus[index]!.document).errors.map((e) => e.message).join('\n');
      expect(node, `node: ${title}`).to.match(suggestion);
      expect((answers.problems[index] as string[]).join('\n'), `engine: ${title}`).to.match(suggestion);
    }
  });

  it('read the same implemented step types (Node from StepRunners.cs, the engine from StepRunners.IsImplemented)', function () {
    const fromSource = implementedStepTypes();
    for (const type of types) expect(fromSource.has(type), type).to.equal(answers.implemented[type]);
    expect(fromSource.has('RunCommandLine')).to.equal(true);
  });
});
