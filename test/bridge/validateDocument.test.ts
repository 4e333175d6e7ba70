import { expect } from 'chai';
import { formatProblems, jsonPointerToPath, validateDocument } from '../../src/bridge/validateDocument.js';

describe('validateDocument (generated/tsseq.schema.json)', () => {
  it('turns JSON pointers into JSON paths', () => {
    expect(jsonPointerToPath('')).to.equal('$');
    expect(jsonPointerToPath('/steps/0/commandLine')).to.equal('$.steps[0].commandLine');
    expect(jsonPointerToPath('/variables/a b/x~1y')).to.equal('$.variables["a b"]["x/y"]');
  });

  it('accepts a valid document', () => {
    const result = validateDocument({
      name: 'ok',
      steps: [{ type: 'RunCommandLine', name: 'Hi', commandLine: 'echo hi', condition: { variable: 'A', operator: 'exists' } }],
    });
    expect(result).to.deep.equal({ valid: true, errors: [] });
  });

  it('reports every error, each with a JSON path', () => {
    const result = validateDocument({
      name: 'bad',
      steps: [
        { type: 'RunCommandLine', name: 'A', commandLine: 42 },
        { type: 'SetTaskSequenceVariable', name: 'B', variableValue: 'x' },
        { type: 'Group', name: 'G', steps: [{ type: 'Nope', name: 'C' }, { name: 'D' }] },
        { type: 'RunCommandLine', name: 'E', commandLine: 'x', extra: 1 },
      ],
    });
    expect(result.valid).to.equal(false);
    expect(result.errors).to.deep.include.members([
      { path: '$.steps[0].commandLine', message: 'must be string' },
      { path: '$.steps[1].variableName', message: 'is required' },
      { path: '$.steps[2].steps[0].type', message: '"Nope" is not a known type' },
      { path: '$.steps[2].steps[1].type', message: 'is required' },
      { path: '$.steps[3].extra', message: 'is not a known property here' },
    ]);
  });

  describe('conditions (a oneOf of forms): only the form the author meant is reported', () => {
    const conditionErrors = (condition: unknown) =>
      validateDocument({ name: 'c', steps: [{ type: 'Group', name: 'g', condition, steps: [] }] }).errors;

    it('a misspelt operator is one error, not one per condition form', () => {
      expect(conditionErrors({ variable: 'A', operator: 'equalz', value: '1' })).to.deep.equal([
        { path: '$.steps[0].condition.operator', message: 'must be one of "exists", "notExists", "equals", "notEquals", "less", "lessEqual", "greater", "greaterEqual", "like", "notLike"' },
      ]);
    });

    it('a missing property of the recognisable form', () => {
      expect(conditionErrors({ variable: 'A' })).to.deep.equal([{ path: '$.steps[0].condition.operator', message: 'is required' }]);
    });

    it('nested in a list and an all group', () => {
      const errors = conditionErrors([{ variable: 'A', operator: 'exists' }, { all: [{ file: { path: 1 } }] }]);
      expect(errors).to.deep.equal([{ path: '$.steps[0].condition[1].all[0].file.path', message: 'must be string' }]);
    });

    it('an unrecognisable object names the allowed forms', () => {
      const errors = conditionErrors({ foo: 1 });
      expect(errors).to.have.length(1);
      expect(errors[0]!.path).to.equal('$.steps[0].condition');
      expect(errors[0]!.message).to.match(/^does not match any allowed form \(VariableCondition, AllCondition, .*\)$/);
    });
  });

  it('formats schema problems under the file name, one per line', () => {
    const text = formatProblems([{ path: '$.steps[0].commandLine', message: 'must be string' }], 'a.json', 'schema');
    expect(text).to.equal('a.json: 1 schema error:\n  $.steps[0].commandLine: must be string');
  });
});
