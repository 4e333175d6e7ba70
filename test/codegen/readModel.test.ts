// The reader: JSDoc tags and TypeScript types of a small in-memory model become the
// intermediate model, and the PowerShell declarations follow from it.
import { expect } from 'chai';
import { readModel, ModelError } from '../../src/codegen/readModel.js';
import { parameterAttributes, psType } from '../../src/codegen/emitPsm1.js';
import type { CodegenModel, ParameterModel } from '../../src/codegen/model.js';
import { FIXTURE_SEQUENCE, FIXTURE_STEP, fixtureProject } from './fixtureModel.js';

function read(overrides: Record<string, string> = {}): CodegenModel {
  return readModel({ project: fixtureProject(overrides), modelDir: '/model' });
}

function readErrors(overrides: Record<string, string>): string[] {
  try {
    read(overrides);
  } catch (error) {
    expect(error).to.be.instanceOf(ModelError);
    return (error as ModelError).errors;
  }
  expect.fail('readModel accepted a broken model');
}

describe('codegen: readModel', function () {
  this.timeout(60_000);
  let model: CodegenModel;
  let byName: Map<string, ParameterModel>;
  before(() => {
    model = read();
    byName = new Map(model.stepTypes[0]!.parameters.map((parameter) => [parameter.name, parameter]));
  });
  const parameter = (name: string): ParameterModel => {
    const found = byName.get(name);
    expect(found, name).to.not.equal(undefined);
    return found!;
  };

  it('reads the step interface: type name, display name, WMI class, synopsis, description, examples', () => {
    expect(model.stepTypes).to.have.length(1);
    const step = model.stepTypes[0]!;
    expect(step.name).to.equal('Fixture');
    expect(step.displayName).to.equal('Fixture Step');
    expect(step.wmiClass).to.equal('SMS_TaskSequence_FixtureAction');
    expect(step.synopsis).to.equal('Does a fixture thing.');
    expect(step.description).to.equal('Does a fixture thing. It has a second sentence.\n\nA second paragraph.');
    // '@{' inside an example must not start a new tag (TypeScript's own JSDoc parser would cut here).
    expect(step.examples).to.deep.equal(["New-TsFixtureStep -Name 'x' -Text 'y' -Table @{ A = 1 }\n\nBuilds a fixture step."]);
    expect(step.parameters.map((p) => p.name)).to.deep.equal(['text', 'color', 'mode', 'retries', 'codes', 'password', 'script', 'flag', 'quiet', 'names', 'ratio']);
  });

  it('marks required properties and reads lengths and the ConfigMgr variable', () => {
    expect(parameter('text')).to.deep.include({ type: 'string', psName: 'Text', required: true, minLength: 1, maxLength: 10, variable: 'FixtureText', description: 'Required text.' });
    expect(parameter('color').required).to.equal(false);
    expect(parameterAttributes(parameter('text'))).to.deep.equal(['[Parameter(Mandatory = $true)]', '[ValidateNotNullOrEmpty()]', '[ValidateLength(1, 10)]']);
  });

  it('turns string-literal unions (inline or through an alias) into enums and ValidateSet', () => {
    expect(parameter('color').enum).to.deep.equal(['red', 'green']);
    expect(parameter('mode')).to.deep.include({ type: 'string', enum: ['Fast', 'Slow'], default: 'Slow' });
    expect(parameterAttributes(parameter('color'))).to.include("[ValidateSet('red', 'green', IgnoreCase = $false)]");
  });

  it('reads integer, ranges and JSON defaults, and maps ranges to ValidateRange of one type', () => {
    expect(parameter('retries')).to.deep.include({ type: 'integer', default: 2, minimum: 1, maximum: 5 });
    expect(parameterAttributes(parameter('retries'))).to.include('[ValidateRange(1, 5)]');
    expect(psType(parameter('retries'))).to.equal('[int]');
    expect(parameter('codes')).to.deep.include({ type: 'integer[]', default: [0, 3010] });
    expect(psType(parameter('codes'))).to.equal('[int[]]');
    const timeout = model.commonOptions.find((option) => option.name === 'timeoutMinutes')!;
    expect(timeout).to.deep.include({ type: 'number', minimum: 0.01, maximum: 999 });
    expect(parameterAttributes(timeout)).to.include('[ValidateRange(0.01, 999.0)]');
    expect(psType(parameter('ratio'))).to.equal('[double]');
  });

  it('reads @secret, @verbatim and @code', () => {
    expect(parameter('password')).to.deep.include({ secret: true, verbatim: false, code: false });
    expect(parameter('script')).to.deep.include({ secret: false, verbatim: true, code: true });
    expect(parameter('text')).to.deep.include({ secret: false, verbatim: false, code: false });
  });

  it('maps booleans to [switch], or [bool] when they default to true', () => {
    expect(parameter('flag')).to.deep.include({ type: 'boolean', default: true });
    expect(psType(parameter('flag'))).to.equal('[bool]');
    expect(psType(parameter('quiet'))).to.equal('[switch]');
    expect(psType(parameter('names'))).to.equal('[string[]]');
  });

  it('separates group options from step options and reads Group, Node and the document', () => {
    expect(model.groupOptions.map((option) => option.name)).to.deep.equal(['name', 'condition']);
    expect(model.commonOptions.map((option) => option.name)).to.deep.equal(['name', 'condition', 'timeoutMinutes']);
    expect(model.commonOptions.find((option) => option.name === 'condition')!.type).to.equal('condition');
    expect(model.group.parameters.map((p) => [p.name, p.type, p.required])).to.deep.equal([['steps', 'steps', true]]);
    expect(model.node.parameters.map((p) => [p.name, p.type])).to.deep.equal([['handler', 'string'], ['parameters', 'object']]);
    expect(model.document.properties.map((p) => [p.name, p.type, p.required])).to.deep.equal([
      ['$schema', 'string', false],
      ['name', 'string', true],
      ['variables', 'variables', false],
      ['steps', 'steps', true],
    ]);
  });

  it('turns the condition types into schema definitions, following references', () => {
    expect(Object.keys(model.definitions)).to.deep.equal(['AllCondition', 'Condition', 'Operator', 'VariableCondition']);
    expect(model.definitions.Condition).to.deep.equal({
      description: 'A condition.',
      oneOf: [{ $ref: '#/definitions/VariableCondition' }, { $ref: '#/definitions/AllCondition' }],
    });
    expect(model.definitions.Operator).to.deep.equal({ description: 'Variable operators.', type: 'string', enum: ['equals', 'exists'] });
    expect(model.definitions.VariableCondition).to.deep.include({ required: ['variable', 'operator'], additionalProperties: false });
  });

  it('fails on an unknown tag, naming the step and the field', () => {
    const errors = readErrors({ '/model/steps/Fixture.ts': FIXTURE_STEP.replace('   * @variable FixtureText', '   * @minlength 3') });
    expect(errors).to.deep.equal(['Fixture.text: unknown JSDoc tag @minlength']);
  });

  it('fails on a property type it cannot map, and on a @default that is not JSON', () => {
    const errors = readErrors({
      '/model/steps/Fixture.ts': FIXTURE_STEP.replace('  ratio?: number;', '  ratio?: Map<string, number>;').replace('@default "Slow"', '@default Slow'),
    });
    expect(errors).to.have.members(["Fixture.ratio: unsupported property type 'Map<string, number>'", "Fixture.mode: @default must be JSON (strings in double quotes), got 'Slow'"]);
  });

  it('fails when a step file is not named after its step type', () => {
    const project = fixtureProject();
    project.getSourceFileOrThrow('/model/steps/Fixture.ts').move('/model/steps/Other.ts');
    expect(() => readModel({ project, modelDir: '/model' })).to.throw(ModelError, 'Fixture: declared in steps/Other.ts, expected steps/Fixture.ts');
  });
});

describe('codegen: readModel Step union', function () {
  this.timeout(60_000);
  it('fails when the Step union of sequence.ts misses a step interface', () => {
    const project = fixtureProject({ '/model/sequence.ts': FIXTURE_SEQUENCE.replace('export type Step = FixtureStep | Group | NodeStep;', 'export type Step = Group | NodeStep;') });
    expect(() => readModel({ project, modelDir: '/model' })).to.throw(ModelError, 'Step: the union in sequence.ts does not list FixtureStep');
  });
});
