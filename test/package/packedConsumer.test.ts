// The packed package (npm pack) as a consumer installs it: TypeScript consumers compile against
// its declarations (builders, model types, a typed invokeStep; the README's example too), a wrong
// parameter type does not compile, editors show the model's help, and the builders run from
// ESM import and CommonJS require alike.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { paths } from '../../src/bridge/paths.js';
import { installPacked } from '../support/packedPackage.js';

const tsc = join(paths.root, 'node_modules', 'typescript', 'bin', 'tsc');

/** The README's "Typed Node API" example: the first ts block of that section. */
function readmeExample(): string {
  const readme = readFileSync(join(paths.root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Typed Node API\n'));
  const match = /```ts\n([\s\S]*?)```/.exec(section);
  if (!match) throw new Error('README.md: no ts example in the "Typed Node API" section');
  return match[1]!;
}

const compilerOptions = {
  target: 'ES2022',
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: ['node'],
};

/** tsc's diagnostics for `files` (`file(line,col): error TSnnnn: ...` lines); empty when they compile. */
function compile(project: string, files: string[]): string[] {
  writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions, files }));
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: project, encoding: 'utf8' });
  return result.stdout.split('\n').filter((line) => /error TS\d+/.test(line));
}

const GOOD = `import { Engine, steps, sequence, validateStep, StepValidationError, InvalidDocumentError } from 'tsseq';
import type { EngineEvent, Group, InvokeStepResult, ResultDocument, RunCommandLineStep, SequenceDocument, Step, StepOf, StepResult, StepType } from 'tsseq';

const command: RunCommandLineStep = steps.runCommandLine({ name: 'Hello', commandLine: 'echo hi', successCodes: [0], condition: { variable: 'A', operator: 'exists' } });
const group: Group = steps.group({ name: 'Tools', steps: [command, steps.node({ name: 'Notify', handler: 'notify', parameters: { to: 'ops' } })] });
const script: StepOf<'RunPowerShellScript'> = steps.runPowerShellScript({ name: 'S', sourceScript: 'exit 0', executionPolicy: 'Bypass', parameters: { Mode: 'Full', Retry: 3 } });
const all: Step[] = [command, group, script, { type: 'SetTaskSequenceVariable', name: 'Set', variableName: 'V', variableValue: 'x' }];
const doc: SequenceDocument = sequence({ name: 'Typed', steps: all });
const type: StepType = doc.steps[0]!.type;
const ok: boolean = validateStep(command).valid;
const error: InvalidDocumentError = new StepValidationError('here', [{ path: '$.x', message: 'm' }]);

export async function run(engine: Engine): Promise<[InvokeStepResult, ResultDocument, StepResult | undefined]> {
  const events: EngineEvent[] = [];
  const one = await engine.invokeStep({ type: 'RunCommandLine', name: 'Echo', commandLine: 'echo hi', outputVariableName: 'Out' });
  const whole = await engine.runSequence(doc, { onEvent: (event) => events.push(event) });
  return [one, whole, whole.steps[0]];
}
export { type, ok, error };
`;

// Each line is one mistake; the test expects an error on exactly these lines.
const BAD = `import { Engine, steps } from 'tsseq';
declare const engine: Engine;
steps.runCommandLine({ name: 'x', commandLine: 1 });
void engine.invokeStep({ type: 'RunCommandLine', name: 'x', commandLine: 1 });
steps.runCommandLine({ name: 'x', commandLine: 'y', comandLine: 'z' });
steps.runPowerShellScript({ name: 'x', executionPolicy: 'Sometimes' });
steps.setTaskSequenceVariable({ name: 'x', variableName: 'V' });
void engine.invokeStep({ type: 'RunCommandLin', name: 'x', commandLine: 'y' });
steps.group({ name: 'g', steps: [{ type: 'SetTaskSequenceVariable', name: 's', variableName: 'V', variableValue: 3 }] });
`;

// A CommonJS TypeScript consumer gets the same types through require.
const GOOD_CTS = `import tsseq = require('tsseq');
const step: tsseq.RunCommandLineStep = tsseq.steps.runCommandLine({ name: 'Hi', commandLine: 'echo hi' });
// @ts-expect-error: commandLine is a string
tsseq.steps.runCommandLine({ name: 'Hi', commandLine: 1 });
export = step;
`;

const CJS = `const tsseq = require('tsseq');
const step = tsseq.steps.runCommandLine({ name: 'Hi', commandLine: 'echo hi' });
let refused;
try { tsseq.steps.runCommandLine({ name: 'Hi', commandLine: 1 }); } catch (error) { refused = error; }
console.log(JSON.stringify([step.type, refused instanceof tsseq.StepValidationError, refused.path, typeof tsseq.Engine]));
`;

describe('packed package: typed consumers', function () {
  this.timeout(180_000);
  let project: string;
  before(function () {
    project = installPacked();
  });

  it('compiles ESM and CommonJS consumers that use the builders, the model types and a typed invokeStep, and the README example', function () {
    writeFileSync(join(project, 'good.ts'), GOOD);
    writeFileSync(join(project, 'good.cts'), GOOD_CTS);
    writeFileSync(join(project, 'readme.ts'), readmeExample());
    expect(compile(project, ['good.ts', 'good.cts', 'readme.ts'])).to.deep.equal([]);
  });

  it('does not compile a wrong parameter type, an unknown or missing property, or an unknown step type', function () {
    writeFileSync(join(project, 'bad.ts'), BAD);
    const errors = compile(project, ['bad.ts']);
    const lines = errors.map((line) => Number(/^bad\.ts\((\d+),/.exec(line)?.[1]));
    expect([...new Set(lines)], errors.join('\n')).to.deep.equal([3, 4, 5, 6, 7, 8, 9]);
    expect(errors.find((line) => line.startsWith('bad.ts(3,'))).to.match(/TS2322: Type 'number' is not assignable to type 'string'/);
    expect(errors.find((line) => line.startsWith('bad.ts(4,'))).to.match(/TS2322: Type 'number' is not assignable to type 'string'/);
  });

  it("shows the model's help for a builder and for a step's property (editor hover)", function () {
    const source = "import { steps } from 'tsseq';\nsteps.runCommandLine({ name: 'x', commandLine: 'y' });\n";
    const file = join(project, 'hover.ts');
    writeFileSync(file, source);
    const options = ts.convertCompilerOptionsFromJson(compilerOptions, project).options;
    const host: ts.LanguageServiceHost = {
      getCompilationSettings: () => options,
      getScriptFileNames: () => [file],
      getScriptVersion: () => '1',
      getScriptSnapshot: (name) => (ts.sys.fileExists(name) ? ts.ScriptSnapshot.fromString(ts.sys.readFile(name)!) : undefined),
      getCurrentDirectory: () => project,
      getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
      fileExists: ts.sys.fileExists,
      readFile: ts.sys.readFile,
      readDirectory: ts.sys.readDirectory,
      directoryExists: ts.sys.directoryExists,
      getDirectories: ts.sys.getDirectories,
      realpath: ts.sys.realpath,
    };
    const service = ts.createLanguageService(host);
    const documentation = (needle: string): string =>
      (service.getQuickInfoAtPosition(file, source.indexOf(needle))?.documentation ?? []).map((part) => part.text).join('');
    expect(documentation('runCommandLine(')).to.match(/^Run Command Line: a `RunCommandLine` step\.\n\nRuns a command line\./);
    expect(documentation("commandLine: 'y'")).to.match(/^Command line to run; %NAME% references to task sequence variables are expanded first\./);
  });

  it('runs the builders from CommonJS require and ESM import of the packed package', function () {
    writeFileSync(join(project, 'consumer.cjs'), CJS);
    const cjs = spawnSync(process.execPath, ['consumer.cjs'], { cwd: project, encoding: 'utf8' });
    expect(cjs.stderr).to.equal('');
    expect(JSON.parse(cjs.stdout)).to.deep.equal(['RunCommandLine', true, '$.commandLine', 'function']);
    const esm = spawnSync(process.execPath, ['--input-type=module', '-e', CJS.replace("const tsseq = require('tsseq');", "const tsseq = await import('tsseq');")], { cwd: project, encoding: 'utf8' });
    expect(esm.stderr).to.equal('');
    expect(JSON.parse(esm.stdout)).to.deep.equal(['RunCommandLine', true, '$.commandLine', 'function']);
  });
});
