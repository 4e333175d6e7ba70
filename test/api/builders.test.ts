// The step builders and validateStep without an engine: every step type of the model has a
// builder that sets its type; wrong values, unknown properties and missing ones are a
// StepValidationError naming the JSON path and what was expected.
import { expect } from 'chai';
import { stepCatalog } from '../../generated/node/stepCatalog.js';
import { builderNames, sequence, StepValidationError, steps, validateStep } from '../../src/api/index.js';
import { InvalidDocumentError } from '../../src/bridge/validateDocument.js';

/** What `build()` threw; fails the test when it threw nothing or something else. */
function refusal(build: () => unknown): StepValidationError {
  try {
    build();
  } catch (error) {
    expect(error).to.be.instanceOf(StepValidationError);
    return error as StepValidationError;
  }
  expect.fail('the builder accepted it');
}

/** Untyped access, as plain JavaScript callers have. */
const untyped = steps as unknown as Record<string, (parameters: unknown) => unknown>;

describe('typed API: step builders', function () {
  it('has a builder for every step type of the model, Group and Node', function () {
    const types = [...stepCatalog.map((type) => type.name), 'Group', 'Node'];
    expect(Object.keys(builderNames)).to.have.members(types);
    expect(Object.keys(steps)).to.have.members(Object.values(builderNames));
  });

  it("each step type's builder makes that type: it asks for exactly that type's required properties", function () {
    for (const type of stepCatalog) {
      const builder = untyped[builderNames[type.name]]!;
      const required = type.parameters.filter((p) => p.required).map((p) => `$.${p.name}`);
      if (required.length === 0) {
        expect(builder({ name: type.name }), type.name).to.deep.equal({ type: type.name, name: type.name });
        continue;
      }
      const error = refusal(() => builder({ name: type.name }));
      expect(error.problems.map((p) => p.path), type.name).to.deep.equal(required);
      expect(error.problems.every((p) => p.message === 'is required'), type.name).to.equal(true);
    }
  });

  it('returns the step with its type set first, the given properties after it', function () {
    const step = steps.runCommandLine({ name: 'Hello', commandLine: 'echo hi', outputVariableName: 'Out' });
    expect(step).to.deep.equal({ type: 'RunCommandLine', name: 'Hello', commandLine: 'echo hi', outputVariableName: 'Out' });
    expect(Object.keys(step)[0]).to.equal('type');
    expect(steps.node({ name: 'Notify', handler: 'notify', parameters: { to: 'ops' } }).type).to.equal('Node');
  });

  it('names the field and the expected type of a wrong value', function () {
    const error = refusal(() => untyped.runCommandLine!({ name: 'x', commandLine: 1 }));
    expect(error.name).to.equal('StepValidationError');
    expect(error).to.be.instanceOf(InvalidDocumentError);
    expect(error.path).to.equal('$.commandLine');
    expect(error.problems).to.deep.equal([{ path: '$.commandLine', message: 'must be string' }]);
    expect(error.message).to.equal('steps.runCommandLine(): 1 schema error:\n  $.commandLine: must be string');
  });

  it('names an unknown property, suggesting the known one', function () {
    const error = refusal(() => untyped.runCommandLine!({ name: 'x', commandLine: 'echo', outputVariable: 'Out' }));
    expect(error.problems).to.deep.equal([{ path: '$.outputVariable', message: "is not a known property here (did you mean 'outputVariableName'?)" }]);
  });

  it('applies the schema’s ranges, lengths and enums, and the run’s own rules (a condition needing a value)', function () {
    const error = refusal(() =>
      untyped.runPowerShellScript!({
        name: '',
        sourceScript: 'exit 0',
        executionPolicy: 'Sometimes',
        timeoutMinutes: 0,
        condition: { variable: 'Role', operator: 'equals' },
      }),
    );
    expect(error.problems.map((p) => p.path)).to.deep.equal(['$.name', '$.timeoutMinutes', '$.executionPolicy', '$.condition.value']);
    expect(error.problems[2]!.message).to.match(/^must be one of "Restricted", /);
  });

  it('names the path inside a group, and refuses a group holding a hand-written bad step', function () {
    const error = refusal(() =>
      steps.group({
        name: 'Tools',
        steps: [steps.runCommandLine({ name: 'ok', commandLine: 'true' }), { type: 'SetTaskSequenceVariable', name: 'b', variableName: 'V', variableValue: 2 as unknown as string }],
      }),
    );
    expect(error.problems).to.deep.equal([{ path: '$.steps[1].variableValue', message: 'must be string' }]);
    expect(error.message).to.match(/^steps\.group\(\): /);
  });

  it('refuses parameters that are not an object, and another step type’s type', function () {
    expect(refusal(() => untyped.runCommandLine!('echo hi')).problems).to.deep.equal([{ path: '$', message: "must be an object with the step's properties (string given)" }]);
    expect(refusal(() => untyped.runCommandLine!({ type: 'RunPowerShellScript', name: 'x', commandLine: 'y' })).problems).to.deep.equal([
      { path: '$.type', message: 'must be "RunCommandLine" (steps.runCommandLine() sets it; leave it out)' },
    ]);
    expect(untyped.runCommandLine!({ type: 'RunCommandLine', name: 'x', commandLine: 'y' })).to.deep.equal({ type: 'RunCommandLine', name: 'x', commandLine: 'y' });
  });

  it('sequence() checks the document as runSequence does, with paths from the document', function () {
    const document = sequence({ name: 'Baseline', variables: { AppRoot: '/opt' }, steps: [steps.group({ name: 'g', steps: [] })] });
    expect(document.steps[0]!.type).to.equal('Group');
    const error = refusal(() => sequence({ name: 'Bad', variables: { _Mine: 'x' }, steps: [{ type: 'Nope' } as unknown as never] }));
    expect(error.problems.map((p) => p.path)).to.deep.equal(['$.steps[0].type', '$.variables._Mine']);
    expect(error.message).to.match(/^sequence\(\): 2 schema errors:/);
  });
});

describe('typed API: validateStep', function () {
  it('lists every problem of a step, schema and run rules, with paths from the step', function () {
    const step = {
      type: 'Group',
      name: '',
      steps: [
        { type: 'RunCommandLine', name: 'a', commandLine: 'exit 0', condition: { any: [{ variable: 'A', operator: 'like' }] } },
        { type: 'SetTaskSequenceVariable', name: 'b' },
      ],
    };
    const result = validateStep(step);
    expect(result.valid).to.equal(false);
    expect(result.errors.map((p) => `${p.path}: ${p.message}`)).to.deep.equal([
      '$.name: must NOT have fewer than 1 characters',
      '$.steps[1].variableName: is required',
      '$.steps[1].variableValue: is required',
      "$.steps[0].condition.any[0].value: must be a string for operator 'like'",
    ]);
  });

  it('accepts a valid step and refuses a lone surrogate at its path', function () {
    expect(validateStep({ type: 'RunCommandLine', name: 'a', commandLine: 'echo' })).to.deep.equal({ valid: true, errors: [] });
    expect(validateStep({ type: 'RunCommandLine', name: 'a', commandLine: 'a\uD800' }).errors).to.deep.equal([
      { path: '$.commandLine', message: 'is not well-formed Unicode: it has a lone surrogate (U+D800) at index 1' },
    ]);
  });
});
