// The validator: a valid model passes; each broken model fails with an error naming the step
// and the field.
import { expect } from 'chai';
import type { CodegenModel, ParameterModel } from '../../src/codegen/model.js';
import { ModelError, readModel } from '../../src/codegen/readModel.js';
import { validateModel } from '../../src/codegen/validateModel.js';
import { fixtureProject } from './fixtureModel.js';

describe('codegen: validateModel', function () {
  this.timeout(60_000);
  let pristine: CodegenModel;
  before(() => {
    pristine = readModel({ project: fixtureProject(), modelDir: '/model' });
  });

  /** A deep copy of the fixture model, changed by `edit`, then validated; returns the errors. */
  function errorsAfter(edit: (model: CodegenModel, parameter: (name: string) => ParameterModel) => void): string[] {
    const model = structuredClone(pristine);
    const parameter = (name: string): ParameterModel => model.stepTypes[0]!.parameters.find((p) => p.name === name)!;
    edit(model, parameter);
    try {
      validateModel(model);
    } catch (error) {
      expect(error).to.be.instanceOf(ModelError);
      return (error as ModelError).errors;
    }
    return [];
  }

  it('accepts the fixture model', () => {
    expect(errorsAfter(() => {})).to.deep.equal([]);
  });

  it('rejects a default on a required property', () => {
    expect(errorsAfter((_, p) => (p('text').default = 'x'))).to.deep.equal(['Fixture.text: a required property cannot have a @default']);
  });

  it('rejects two step types with one name, and a property name used twice', () => {
    expect(errorsAfter((model) => model.stepTypes.push(structuredClone(model.stepTypes[0]!)))).to.include('Fixture: step type name is used twice');
    expect(errorsAfter((model) => model.stepTypes[0]!.parameters.push({ ...model.stepTypes[0]!.parameters[0]!, name: 'Name', psName: 'Name' }))).to.include(
      'Fixture.Name: the name is used twice (names are case-insensitive)',
    );
  });

  it('rejects non-ASCII text, naming the step, field and character', () => {
    expect(errorsAfter((_, p) => (p('color').description = 'The colour\u2019s name.'))).to.deep.equal([
      'Fixture.color (description): text must be printable ASCII; found U+2019',
    ]);
  });

  it('rejects text that would end the comment-based help block', () => {
    expect(errorsAfter((_, p) => (p('text').description = 'Ends #> early.'))).to.deep.equal([
      "Fixture.text (description): text cannot contain '<#' or '#>' (they delimit PowerShell help)",
    ]);
  });

  it('rejects a default outside the allowed values or range', () => {
    expect(errorsAfter((_, p) => (p('mode').default = 'Medium'))).to.deep.equal(['Fixture.mode: @default "Medium" is not one of Fast, Slow']);
    expect(errorsAfter((_, p) => (p('retries').default = 9))).to.deep.equal(['Fixture.retries: @default 9 is above @maximum 5']);
    expect(errorsAfter((_, p) => (p('flag').default = 'yes'))).to.deep.equal(['Fixture.flag: @default "yes" is not true or false']);
  });

  it('rejects a PowerShell common parameter name and a minimum above the maximum', () => {
    expect(errorsAfter((_, p) => Object.assign(p('ratio'), { name: 'verbose', psName: 'Verbose' }))).to.deep.equal(['Fixture.verbose: -Verbose is a PowerShell common parameter']);
    expect(errorsAfter((_, p) => Object.assign(p('retries'), { minimum: 6, default: undefined }))).to.deep.equal(['Fixture.retries: @minimum 6 is above @maximum 5']);
  });

  it('rejects constraints on the wrong type and an invalid pattern', () => {
    expect(errorsAfter((_, p) => (p('flag').maxLength = 3))).to.deep.equal(['Fixture.flag: @minLength/@maxLength/@pattern only apply to strings']);
    expect(errorsAfter((_, p) => (p('retries').secret = true))).to.deep.equal(['Fixture.retries: @secret and @verbatim only apply to strings']);
    const errors = errorsAfter((_, p) => (p('text').pattern = '^[a-'));
    expect(errors).to.have.length(1);
    expect(errors[0]).to.match(/^Fixture\.text: @pattern is not a valid regular expression/);
  });

  it('requires a synopsis sentence and an example', () => {
    expect(errorsAfter((model) => (model.stepTypes[0]!.examples = []))).to.deep.equal(['Fixture: the interface needs at least one @example']);
    expect(errorsAfter((model) => (model.stepTypes[0]!.synopsis = 'No period'))).to.deep.equal(['Fixture: the synopsis must be a sentence ending with a period']);
  });
});
