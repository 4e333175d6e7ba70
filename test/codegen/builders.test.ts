// emitNodeBuilders: the builders come from the model, so a step type the model gains gets one.
// The fixture model's emitted builders are compiled with the real src/api/stepTypes.ts: the
// builder exists, takes the fixture step's exact parameter types, and carries the model's help.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ModuleKind, ModuleResolutionKind, Project, ScriptTarget, ts } from 'ts-morph';
import { builderName, emitNodeBuilders } from '../../src/codegen/emitNodeBuilders.js';
import { readModel } from '../../src/codegen/readModel.js';
import { FIXTURE_COMMON, FIXTURE_CONDITIONS, FIXTURE_SEQUENCE, FIXTURE_STEP, fixtureProject } from './fixtureModel.js';
import { repoRoot } from './repoRoot.js';

const fixtureBuilders = (): string => emitNodeBuilders(readModel({ project: fixtureProject(), modelDir: '/model' }));

/** The fixture model laid out as the repository is, with the emitted builders and a consumer file. */
function consumerProject(consumer: string): Project {
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: { target: ScriptTarget.ES2022, module: ModuleKind.ESNext, moduleResolution: ModuleResolutionKind.Bundler, strict: true, noEmit: true },
  });
  const files: Record<string, string> = {
    '/src/model/common.ts': FIXTURE_COMMON,
    '/src/model/conditions.ts': FIXTURE_CONDITIONS,
    '/src/model/sequence.ts': FIXTURE_SEQUENCE,
    '/src/model/steps/Fixture.ts': FIXTURE_STEP,
    '/src/api/stepTypes.ts': readFileSync(join(repoRoot, 'src', 'api', 'stepTypes.ts'), 'utf8'),
    // The runtime is not under test here, only the generated signatures.
    '/src/api/buildStep.ts': "import type { StepOf, StepParameters } from './stepTypes.js';\nexport declare function buildStep<T extends string>(type: T, builder: string, parameters: StepParameters<T>): StepOf<T>;\n",
    '/generated/node/builders.ts': fixtureBuilders(),
    '/consumer.ts': consumer,
  };
  for (const [path, text] of Object.entries(files)) project.createSourceFile(path, text);
  return project;
}

/** `line: message` of every error in /consumer.ts. */
function consumerErrors(project: Project): string[] {
  return project
    .getSourceFileOrThrow('/consumer.ts')
    .getPreEmitDiagnostics()
    .map((d) => `${d.getLineNumber()}: ${ts.flattenDiagnosticMessageText(d.compilerObject.messageText, ' ')}`);
}

describe('codegen: Node step builders', function () {
  this.timeout(60_000);

  it('derives builder names from the step type names', function () {
    expect(['RunCommandLine', 'Group', 'Node', 'WMIQuery', 'OS'].map(builderName)).to.deep.equal(['runCommandLine', 'group', 'node', 'wmiQuery', 'os']);
  });

  it("emits a builder for each of the model's step types, Group and Node, with the model's help", function () {
    const text = fixtureBuilders();
    expect(text).to.contain('  fixture(parameters: StepParameters<"Fixture">): StepOf<"Fixture">;');
    expect(text).to.contain('  group(parameters: StepParameters<"Group">): StepOf<"Group">;');
    expect(text).to.contain('  node(parameters: StepParameters<"Node">): StepOf<"Node">;');
    expect(text).to.contain('   * Fixture Step: a `Fixture` step.\n   *\n   * Does a fixture thing. It has a second sentence.\n   *\n   * A second paragraph.\n');
    expect(text).to.contain('  fixture: (parameters) => buildStep("Fixture", "fixture", parameters),');
    expect(text).to.contain('  Fixture: "fixture",');
  });

  it('gives a step type added to the model its builder', function () {
    const project = fixtureProject({
      '/model/steps/Extra.ts': FIXTURE_STEP.replace('FixtureStep', 'ExtraStep').replace("type: 'Fixture'", "type: 'Extra'").replace('SMS_TaskSequence_FixtureAction', 'SMS_TaskSequence_ExtraAction'),
      '/model/sequence.ts': `${FIXTURE_SEQUENCE.replace('export type Step = FixtureStep | Group | NodeStep;', 'export type Step = ExtraStep | FixtureStep | Group | NodeStep;')}\nimport type { ExtraStep } from './steps/Extra.js';\n`,
    });
    const text = emitNodeBuilders(readModel({ project, modelDir: '/model' }));
    expect(text).to.contain('  extra(parameters: StepParameters<"Extra">): StepOf<"Extra">;');
    expect(text).to.contain('  extra: (parameters) => buildStep("Extra", "extra", parameters),');
  });

  it("compiles: the builder takes the fixture step's exact parameters and refuses a wrong type, an unknown property and a missing one", function () {
    const consumer = [
      "import { steps } from './generated/node/builders.js';",
      "const ok = steps.fixture({ name: 'x', text: 'y', mode: 'Fast', codes: [0], condition: { variable: 'A', operator: 'exists' } });",
      "const type: 'Fixture' = ok.type;",
      "steps.group({ name: 'g', steps: [ok, steps.node({ name: 'n', handler: 'h' })] });",
      "steps.fixture({ name: 'x', text: 1 });",
      "steps.fixture({ name: 'x', text: 'y', colour: 'red' });",
      "steps.fixture({ name: 'x', text: 'y', mode: 'Medium' });",
      "steps.fixture({ name: 'x' });",
      "steps.group({ name: 'g', steps: [{ type: 'Fixture', name: 'x', text: 2 }] });",
      'export { type };',
    ].join('\n');
    const errors = consumerErrors(consumerProject(consumer));
    expect(errors.map((e) => Number(e.split(':')[0]))).to.deep.equal([5, 6, 7, 8, 9]);
    expect(errors[0]).to.match(/Type 'number' is not assignable to type 'string'/);
    expect(errors[1]).to.match(/'colour' does not exist/);
    expect(errors[2]).to.match(/"Medium"/);
    expect(errors[3]).to.match(/Property 'text' is missing/);
  });

  it("shows the model's help on the builder and on each property (editor hover)", function () {
    const consumer = "import { steps } from './generated/node/builders.js';\nsteps.fixture({ name: 'x', text: 'y' });\n";
    const project = consumerProject(consumer);
    const service = project.getLanguageService().compilerObject;
    const documentation = (needle: string): string => {
      const info = service.getQuickInfoAtPosition('/consumer.ts', consumer.indexOf(needle));
      return (info?.documentation ?? []).map((part) => part.text).join('');
    };
    expect(documentation('fixture(')).to.match(/^Fixture Step: a `Fixture` step\.\n\nDoes a fixture thing\./);
    expect(documentation("text: 'y'")).to.equal('Required text.');
  });
});
