import { expect } from 'chai';
import { documentWarnings, formatProblems, jsonPointerToPath, validateDocument } from '../../src/bridge/validateDocument.js';

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
      { path: '$.steps[2].steps[0].type', message: '"Nope" is not a known type (did you mean \'Node\'?)' },
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

  describe('what a run refuses, validate refuses (in the engine validator\'s words)', () => {
    const errors = (document: unknown) => validateDocument(document).errors;

    it("a '_' or invalid name in variables", () => {
      expect(errors({ name: 'v', variables: { _X: '1', 'A B': '2', Ok: '3' }, steps: [] })).to.deep.equal([
        { path: '$.variables._X', message: "Variable '_X' is read-only: names starting with '_' are set by the task sequence engine." },
        { path: '$.variables["A B"]', message: "Variable name 'A B' is not valid: use only letters, digits, '_' and '-'." },
      ]);
    });

    it('a lone surrogate, alone (nothing else is said of such a document)', () => {
      expect(errors({ name: 'x\ud800', steps: 5 })).to.deep.equal([{ path: '$.name', message: 'is not well-formed Unicode: it has a lone surrogate (U+D800) at index 1' }]);
    });

    it('1e999 (JSON.parse makes it Infinity)', () => {
      expect(errors(JSON.parse('{"name":"x","steps":[{"type":"RunCommandLine","name":"a","commandLine":"x","retryCount":1e999}]}'))).to.deep.equal([
        { path: '$.steps[0].retryCount', message: 'is a number too large for the engine (beyond ±1.7976931348623157e308)' },
      ]);
    });

    it('nesting past 1022 levels (the engine reads 1024; a request takes two)', () => {
      const nested = (depth: number) => {
        let condition: unknown = { variable: 'A', operator: 'exists' };
        for (let i = 0; i < depth; i++) condition = { all: [condition] };
        return { name: 'deep', steps: [{ type: 'Group', name: 'g', steps: [], condition }] };
      };
      expect(validateDocument(nested(509)).valid).to.equal(true); // 1022 levels
      expect(errors(nested(510))).to.deep.equal([{ path: '$', message: 'nests deeper than 1022 levels, more than the engine reads' }]);
    });

    it('a comparing variable condition without a value', () => {
      expect(errors({ name: 'c', steps: [{ type: 'Group', name: 'g', steps: [], condition: { any: [{ variable: 'A', operator: 'less' }] } }] })).to.deep.equal([
        { path: '$.steps[0].condition.any[0].value', message: "must be a string for operator 'less'" },
      ]);
    });

    it("an os platform that is not one (the engine's validator refused it; the schema did too)", () => {
      expect(validateDocument({ name: 'c', steps: [{ type: 'Group', name: 'g', steps: [], condition: { os: { platform: ['win10'] } } }] }).valid).to.equal(false);
    });
  });

  describe('did you mean', () => {
    const messages = (step: Record<string, unknown>) => validateDocument({ name: 'd', steps: [step] }).errors.map((e) => `${e.path}: ${e.message}`);

    it('a type in another case or misspelt', () => {
      expect(messages({ type: 'runcommandline', name: 'a', commandLine: 'x' })).to.deep.equal([`$.steps[0].type: "runcommandline" is not a known type (did you mean 'RunCommandLine'?)`]);
      expect(messages({ type: 'RunComandLine', name: 'a', commandLine: 'x' })).to.deep.equal([`$.steps[0].type: "RunComandLine" is not a known type (did you mean 'RunCommandLine'?)`]);
    });

    it('a property in another case or misspelt; nothing for a name far from any', () => {
      expect(messages({ type: 'RunCommandLine', name: 'a', commandLine: 'x', ContinueOnError: true, comandLine: 'y', zzzzzzzz: 1 })).to.deep.equal([
        "$.steps[0].ContinueOnError: is not a known property here (did you mean 'continueOnError'?)",
        "$.steps[0].comandLine: is not a known property here (did you mean 'commandLine'?)",
        '$.steps[0].zzzzzzzz: is not a known property here',
      ]);
    });
  });

  it('warns of steps with no runner in this version, inside groups too; valid all the same', () => {
    const document = { name: 'w', steps: [{ type: 'RunCommandLine', name: 'a', commandLine: 'x' }, { type: 'Group', name: 'g', steps: [{ type: 'InstallApplication', name: 'i', applicationName: ['A'] }] }] };
    expect(validateDocument(document).valid).to.equal(true);
    expect(documentWarnings(document)).to.deep.equal(['$.steps[1].steps[0].type: InstallApplication steps are not implemented yet in this version of tsseq; the run fails at this step']);
  });
});
