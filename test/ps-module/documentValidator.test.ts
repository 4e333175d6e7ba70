// The engine's own validation of sequence documents and steps (the compiled DocumentValidator,
// which Test-TsSequence, Invoke-TsSequence and Invoke-TsStep report through), in the real engine:
// every problem as "<JSON path>: <what was expected>", in document order, in exactly the words
// scripts and people match on. (Node validates with the JSON schema first, in other words:
// test/bridge/validateDocument.test.ts; runSequence here skips that with validate: false.)
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Engine, StepDefinition } from '../../src/bridge/Engine.js';
import { EngineRequestError } from '../../src/bridge/errors.js';
import { paths } from '../../src/bridge/paths.js';
import { resolveEngine } from '../../src/bridge/resolveEngine.js';
import { startTestEngine, testEngineChoice } from '../support/engine.js';
import { writeTempFile } from '../support/tempFiles.js';

const types =
  'CheckReadiness, ConnectNetworkFolder, DownloadPackageContent, InstallApplication, InstallPackage, InstallSoftwareUpdates, ' +
  'RestartComputer, RunCommandLine, RunPowerShellScript, SetDynamicVariables, SetTaskSequenceVariable, Group, Node';
const rootProperties = '$comment, $schema, id, name, description, catalog, variables, steps';
const kinds = 'variable, all, any, none, file, folder, registry, wmi, software, os';
const operators = 'exists, notExists, equals, notEquals, less, lessEqual, greater, greaterEqual, like, notLike';

const run = (name: string, extra: Record<string, unknown> = {}) => ({ type: 'RunCommandLine', name, commandLine: 'exit 0', ...extra });
const group = (name: string, steps: unknown, extra: Record<string, unknown> = {}) => ({ type: 'Group', name, steps, ...extra });
const sequence = (...steps: unknown[]) => ({ name: 'validated', steps });

interface DocumentCase {
  title: string;
  document: unknown;
  /** The file's text when JSON.stringify cannot write it (3.0 stays a double). */
  text?: string;
  problems: string[];
}

// 3010.0 is written as such into the file: a double without a fraction is an integer.
const numbers = sequence(
  run('a', { timeoutMinutes: 1000, successCodes: [0, 3010] }),
  run('b', { timeoutMinutes: 0, successCodes: [0, 1.5], disabled: 'true' }),
  { type: 'RestartComputer', name: 'c', messageTimeout: 86401 },
  { type: 'InstallApplication', name: 'd', retryCount: '3', applicationName: ['x', 5] },
  { type: 'InstallApplication', name: 'e', retryCount: 2.5, applicationName: 'x' },
);

const documents: DocumentCase[] = [
  { title: 'a valid document has no problems', document: { $schema: 's.json', id: 'TSQ00001', name: 'ok', variables: { A: '1' }, steps: [run('a', { $comment: 'c' }), group('g', [])] }, problems: [] },
  { title: 'a root $comment is allowed', document: { $comment: 'c', name: 'ok', steps: [] }, problems: [] },
  {
    title: 'root names match with case, as the schema matches them, and a near miss is suggested',
    document: { $Comment: 'c', name: 'ok', steps: [] },
    problems: [`$.$Comment: unknown property (allowed: ${rootProperties}) (did you mean '$comment'?)`],
  },
  { title: 'a root that is not an object', document: [{ name: 'x', steps: [] }], problems: ['$: must be an object with "name" and "steps"'] },
  {
    title: 'root properties: unknown ones (listing the allowed), name, variables, steps',
    document: { bogus: 1, name: '', variables: { A: 'a', B: 5, C: null }, description: 'd'.repeat(256) },
    problems: [
      `$.bogus: unknown property (allowed: ${rootProperties})`,
      '$.description: must be at most 255 characters long',
      '$.name: must be a non-empty string',
      '$.variables.B: must be a string',
      '$.variables.C: must be a string',
      '$.steps: is required (an array of steps)',
    ],
  },
  {
    title: 'root names in another case are unknown (suggesting the right one), and the real ones missing',
    document: { NAME: 'x', id: 'bad id', Steps: {} },
    problems: [
      `$.NAME: unknown property (allowed: ${rootProperties}) (did you mean 'name'?)`,
      '$.id: must match the pattern ^[A-Za-z0-9][A-Za-z0-9._-]*$',
      `$.Steps: unknown property (allowed: ${rootProperties}) (did you mean 'steps'?)`,
      '$.name: must be a non-empty string',
      '$.steps: is required (an array of steps)',
    ],
  },
  { title: 'variables that are not an object', document: { name: 'x', variables: ['A'], steps: [] }, problems: ['$.variables: must be an object whose values are strings'] },
  {
    title: 'steps that are not objects, unknown and missing types',
    document: sequence(5, null, { name: 'no type' }, { type: 'Bogus', name: 'x' }, { type: ['Group'] }),
    problems: [
      '$.steps[0]: must be an object with a "type"',
      '$.steps[1]: must be an object with a "type"',
      `$.steps[2].type: must be one of ${types}`,
      `$.steps[3].type: must be one of ${types}`,
      `$.steps[4].type: must be one of ${types}`,
    ],
  },
  {
    title: 'unknown properties first, then each parameter in model order (options first); type and $comment are exact-case',
    document: sequence({ type: 'RunCommandLine', Name: 'a', $Comment: 'c', bogus: null, commandLine: '', timeoutMinutes: null }, { type: 'SetTaskSequenceVariable' }),
    problems: [
      "$.steps[0].Name: unknown property for a RunCommandLine step (did you mean 'name'?)",
      "$.steps[0].$Comment: unknown property for a RunCommandLine step (did you mean '$comment'?)",
      '$.steps[0].bogus: unknown property for a RunCommandLine step',
      '$.steps[0].name: is required',
      '$.steps[0].timeoutMinutes: must not be null',
      '$.steps[0].commandLine: must be at least 1 characters long',
      '$.steps[1].name: is required',
      '$.steps[1].variableName: is required',
      '$.steps[1].variableValue: is required',
    ],
  },
  {
    title: 'the type matches with case, as the schema matches it, and a near miss is suggested',
    document: sequence({ type: 'runcommandline', name: 'a', commandLine: 'x', extra: 1 }, { type: 'group', name: 'g', steps: [5] }, run('c', { ContinueOnError: true })),
    problems: [
      `$.steps[0].type: must be one of ${types} (did you mean 'RunCommandLine'?)`,
      `$.steps[1].type: must be one of ${types} (did you mean 'Group'?)`,
      "$.steps[2].ContinueOnError: unknown property for a RunCommandLine step (did you mean 'continueOnError'?)",
    ],
  },
  {
    title: 'strings: type, length, enumerations (with case), patterns (ignoring case)',
    document: sequence(
      { type: 'RunPowerShellScript', name: 'n'.repeat(101), executionPolicy: 'bypass', workingDirectory: 5 },
      { type: 'ConnectNetworkFolder', name: 'a', path: '\\\\s\\x', driveLetter: 'e:', username: '', password: 'p' },
      { type: 'ConnectNetworkFolder', name: 'b', path: '\\\\s\\x', driveLetter: 'C:', username: 'u', password: 'p' },
      { type: 'CheckReadiness', name: 'c', osType: 'client', minOsVersion: '10.0.19045', maxOsVersion: '10.x' },
    ),
    problems: [
      '$.steps[0].name: must be at most 100 characters long',
      '$.steps[0].executionPolicy: must be one of Restricted, AllSigned, RemoteSigned, Unrestricted, Bypass, Undefined',
      '$.steps[0].workingDirectory: must be a string',
      '$.steps[1].username: must be at least 1 characters long',
      '$.steps[2].driveLetter: must match the pattern ^[D-Zd-z]:$',
      '$.steps[3].osType: must be one of CLIENT, SERVER',
      '$.steps[3].maxOsVersion: must match the pattern ^\\d+(\\.\\d+){0,3}$',
    ],
  },
  {
    title: 'numbers: integers (3.0 is one), ranges, booleans, arrays of strings and integers',
    document: numbers,
    text: JSON.stringify(numbers).replace('3010', '3010.0'),
    problems: [
      '$.steps[0].timeoutMinutes: must be at most 999',
      '$.steps[1].disabled: must be true or false',
      '$.steps[1].timeoutMinutes: must be at least 0.01',
      '$.steps[1].successCodes: must be an array of integers',
      '$.steps[2].messageTimeout: must be at most 86400',
      '$.steps[3].retryCount: must be an integer',
      '$.steps[3].applicationName: must be an array of strings',
      '$.steps[4].retryCount: must be an integer',
      '$.steps[4].applicationName: must be an array of strings',
    ],
  },
  {
    title: 'conditions: shapes nested in all/any/none, variable conditions, lists',
    document: sequence(
      run('a', {
        condition: {
          all: [
            { variable: 'A' },
            { any: [{ none: [5, {}] }, { file: 'x' }] },
            { variable: '', operator: 'EQUALS', Value: 'x' },
            { variable: 'A', operator: 'equals' },
            { variable: 'A', operator: 'exists', all: [] },
            { none: {} },
          ],
        },
      }),
      run('b', { condition: [{ registry: {} }, [{ wmi: null }]] }),
      run('c', { condition: 'always' }),
    ),
    problems: [
      `$.steps[0].condition.all[0].operator: must be one of ${operators}`,
      '$.steps[0].condition.all[1].any[0].none[0]: must be a condition object',
      `$.steps[0].condition.all[1].any[0].none[1]: must have exactly one of ${kinds}`,
      '$.steps[0].condition.all[1].any[1].file: must be an object',
      "$.steps[0].condition.all[2].Value: unknown property for a variable condition (did you mean 'value'?)",
      '$.steps[0].condition.all[2].variable: must be a variable name',
      `$.steps[0].condition.all[2].operator: must be one of ${operators} (did you mean 'equals'?)`,
      "$.steps[0].condition.all[3].value: must be a string for operator 'equals'",
      `$.steps[0].condition.all[4]: must have exactly one of ${kinds}`,
      '$.steps[0].condition.all[5].none: must be an array of conditions',
      '$.steps[1].condition[0].registry.keyPath: is required',
      '$.steps[1].condition[0].registry.operator: is required',
      '$.steps[1].condition[1]: must be a condition object',
      '$.steps[2].condition: must be a condition object or an array of conditions',
    ],
  },
  {
    title: 'nested groups: a group has no timeoutMinutes and needs steps; paths go all the way down',
    document: sequence(group('outer', [run('ok'), group('middle', [group('inner', [{ type: 'RunCommandLine', name: 5 }])]), { type: 'Group', name: 'empty', timeoutMinutes: 5 }]), group('bad steps', 'x')),
    problems: [
      '$.steps[0].steps[1].steps[0].steps[0].name: must be a string',
      '$.steps[0].steps[1].steps[0].steps[0].commandLine: is required',
      '$.steps[0].steps[2].timeoutMinutes: unknown property for a Group step',
      '$.steps[0].steps[2].steps: is required',
      '$.steps[1].steps: must be an array of steps',
    ],
  },
  {
    title: 'a Node step: a handler, parameters an object',
    document: sequence({ type: 'Node', name: 'n', handler: '', parameters: [1, { a: null }] }, { type: 'Node', name: 'm', handler: 'h', parameters: null }, { type: 'Node', name: 'o', handler: 'h', parameters: { a: [null] } }),
    problems: ['$.steps[0].handler: must be at least 1 characters long', '$.steps[0].parameters: must be an object', '$.steps[1].parameters: must not be null'],
  },
];

// A step as Invoke-TsStep checks it: its paths start at "$".
const invalidStep = { type: 'Group', name: '', steps: [run('a', { condition: { any: [{ variable: 'A', operator: 'like' }] } }), { type: 'SetTaskSequenceVariable', name: 'b' }] };
const invalidStepProblems = [
  '$.name: must be at least 1 characters long',
  "$.steps[0].condition.any[0].value: must be a string for operator 'like'",
  '$.steps[1].variableName: is required',
  '$.steps[1].variableValue: is required',
];

interface EngineAnswers {
  detailed: string[][];
  direct: string[][];
  summary: { valid: boolean; warnings: string[] };
  unimplemented: unknown[];
  step: string[];
}

/** Runs every document through Test-TsSequence -Path -Detailed (and the compiled validator itself) in one engine process. */
function validateInEngine(files: string[], stepFile: string): EngineAnswers {
  const engine = resolveEngine({ engine: testEngineChoice });
  const list = writeTempFile('documents.json', files);
  const quoted = (path: string) => `'${path.replace(/'/g, "''")}'`;
  const script = `
    function Get-Answer([scriptblock]$Call) { try { $answer = & $Call; , @($answer) } catch { , @("THREW: $($_.Exception.Message)") } }
    $answers = [ordered]@{ detailed = @(); direct = @() }
    foreach ($file in (Get-Content -Raw -LiteralPath ${quoted(list)} | ConvertFrom-Json)) {
      $answers.detailed += , (Get-Answer { Test-TsSequence -Path $file -Detailed })
      $answers.direct += , (Get-Answer { [TsSequence.Documents.DocumentValidator]::Validate([TsSequence.Json.JsonCodec]::Parse([System.IO.File]::ReadAllText($file))) })
    }
    $warnings = Get-Answer { $valid = Test-TsSequence -Path $file -WarningVariable warned -WarningAction SilentlyContinue; $valid; $warned | ForEach-Object { $_.Message } }
    $answers.summary = [ordered]@{ valid = $warnings[0]; warnings = @($warnings | Select-Object -Skip 1) }
    $answers.unimplemented = Get-Answer { $valid = Test-TsSequence -InputObject @{ name = 'w'; steps = @(@{ type = 'InstallPackage'; name = 'P'; packageId = 'TSQ00001'; programName = 'Install' }) } -WarningVariable noted -WarningAction SilentlyContinue; $valid; $noted | ForEach-Object { $_.Message } }
    $answers.step = Get-Answer { [TsSequence.Documents.DocumentValidator]::ValidateStep([TsSequence.Json.JsonCodec]::Parse([System.IO.File]::ReadAllText(${quoted(stepFile)})), '$') }
    [TsSequence.Json.JsonCodec]::Serialize($answers)`;
  const driver = join(paths.root, 'test', 'ps-module', 'fixtures', 'with-module.ps1');
  const result = spawnSync(
    engine.command,
    [...engine.prefixArgs, '-NoProfile', '-NonInteractive', '-File', driver, '-ModulePath', paths.moduleManifest, '-Script', script],
    { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 },
  );
  if (result.status !== 0) throw new Error(`the engine failed (${result.status}): ${result.stderr}${result.stdout}`);
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as EngineAnswers;
}

describe('document validation in the engine', function () {
  let answers: EngineAnswers;
  let engine: Engine | undefined;
  // The bridge engine starts with the first test that needs it.
  const bridge = async () => (engine ??= (await startTestEngine()).engine);
  before(function () {
    answers = validateInEngine(
      documents.map((item, index) => writeTempFile(`document-${index}.json`, item.text ?? item.document)),
      writeTempFile('step.json', invalidStep),
    );
  });
  after(async function () {
    await engine?.close();
  });

  documents.forEach((item, index) => {
    it(`DocumentValidator.Validate: ${item.title}`, function () {
      expect(answers.direct[index]).to.deep.equal(item.problems);
    });
    it(`Test-TsSequence -Detailed: ${item.title}`, function () {
      expect(answers.detailed[index]).to.deep.equal(item.problems);
    });
  });

  it('Test-TsSequence without -Detailed returns false and warns each problem in order', function () {
    const last = documents[documents.length - 1]!;
    expect(answers.summary).to.deep.equal({ valid: false, warnings: last.problems });
  });

  it('Invoke-TsSequence (runSequence) refuses an invalid document listing every problem, runs nothing', async function () {
    const item = documents.find((candidate) => candidate.title.startsWith('numbers'))!;
    const error = await (await bridge()).runSequence(item.document, { validate: false }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).to.be.instanceOf(EngineRequestError);
    expect((error as EngineRequestError).errorId).to.equal('TsSequence.InvalidSequence');
    expect((error as EngineRequestError).message).to.equal(`The sequence in the input object is not valid; nothing was run:\n  ${item.problems.join('\n  ')}`);
  });

  it('Test-TsSequence warns of a step with no runner yet and returns true (as tsseq validate does)', function () {
    expect(answers.unimplemented).to.deep.equal([true, '$.steps[0].type: InstallPackage steps are not implemented yet in this version of tsseq; the run fails at this step']);
  });

  it('DocumentValidator.ValidateStep checks a step from "$", as Invoke-TsStep does', function () {
    expect(answers.step).to.deep.equal(invalidStepProblems);
  });

  it('Invoke-TsStep (invokeStep) refuses an invalid step listing every problem', async function () {
    // validate: false sends it past Node's own check (StepValidationError), to the engine's.
    const error = await (await bridge()).invokeStep(invalidStep as unknown as StepDefinition, { validate: false }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).to.be.instanceOf(EngineRequestError);
    expect((error as EngineRequestError).errorId).to.equal('TsSequence.InvalidStep');
    expect((error as EngineRequestError).message).to.equal(`The step is not valid; it was not run:\n  ${invalidStepProblems.join('\n  ')}`);
  });
});
