// Property tests: random values go Node -> PowerShell -> Node through the real engine and come
// back exactly. Task sequence variables (strings over all of Unicode) through invokeStep,
// runSequence (options and document variables, %NAME% copies) and a RunPowerShellScript step
// that reads $tsenv, writes each value to another variable and to its output; JSON values as a
// Node step's parameters, and strings as the variables its handler sees and sets. Many values
// travel in each request, so the ≥ 10,000 values of a run cost one engine and a few seconds.
import { expect } from 'chai';
import fc from 'fast-check';
import type { Engine } from '../../src/bridge/Engine.js';
import { InvalidRequestError } from '../../src/bridge/errors.js';
import { startTestEngine } from '../support/engine.js';
import { jsonValue, names, variableValue } from './arbitraries.js';

const record = (keys: string[], values: string[]): Record<string, string> => Object.fromEntries(keys.map((key, i) => [key, values[i]]));
const batch = <T>(arbitrary: fc.Arbitrary<T>, size: number): fc.Arbitrary<T[]> => fc.array(arbitrary, { minLength: size, maxLength: size });

describe('marshaling: random values Node -> PowerShell -> Node, exactly', function () {
  let engine: Engine;
  let sent = 0;
  // Replays a failure: FC_SEED=<seed printed by fast-check> npx mocha ...
  const runs = (numRuns: number): fc.Parameters<unknown> => ({ numRuns, seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined, endOnFailure: false });

  before(async function () {
    ({ engine } = await startTestEngine());
  });
  after(async function () {
    await engine?.close();
  });

  it('variables through invokeStep come back unchanged (200 per request)', async function () {
    const keys = names('MarshalV', 200);
    await fc.assert(
      fc.asyncProperty(batch(variableValue, keys.length), async (values) => {
        const result = await engine.invokeStep({ type: 'SetTaskSequenceVariable', name: 'Noop', variableName: 'MarshalDone', variableValue: 'yes' }, { variables: record(keys, values) });
        expect(result.status, result.message).to.equal('Succeeded');
        for (let i = 0; i < keys.length; i++) expect(result.variables[keys[i]], keys[i]).to.equal(values[i]);
        sent += values.length;
      }),
      runs(20),
    );
  });

  it("a RunPowerShellScript step reads each from $tsenv, sets a copy and writes it to its output, unchanged (100 per step)", async function () {
    const keys = names('MarshalP', 100);
    const sourceScript = [
      'param([string[]] $Names)',
      'foreach ($name in $Names) {',
      '  $value = $tsenv.Value($name)',
      '  $tsenv.Value("Copy$name") = $value',
      '  $value',
      '}',
    ].join('\n');
    await fc.assert(
      fc.asyncProperty(batch(variableValue, keys.length), async (values) => {
        const result = await engine.invokeStep({ type: 'RunPowerShellScript', name: 'Copy', sourceScript, parameters: { Names: keys } }, { variables: record(keys, values) });
        expect(result.status, result.message).to.equal('Succeeded');
        expect(result.output, 'the output objects').to.deep.equal(values);
        expect(result.outputTruncated).to.equal(undefined);
        for (let i = 0; i < keys.length; i++) expect(result.variables[`Copy${keys[i]}`], `Copy${keys[i]}`).to.equal(values[i]);
        sent += values.length;
      }),
      runs(15),
    );
  });

  it('variables through runSequence (options and document), and %NAME% copies of them, come back unchanged', async function () {
    const given = names('MarshalS', 100);
    const documentKeys = names('MarshalD', 100);
    const copied = given.slice(0, 10);
    await fc.assert(
      fc.asyncProperty(batch(variableValue, given.length), batch(variableValue, documentKeys.length), async (values, documentValues) => {
        const result = await engine.runSequence(
          {
            name: 'Round trip',
            variables: record(documentKeys, documentValues),
            steps: copied.map((key) => ({ type: 'SetTaskSequenceVariable', name: `Copy ${key}`, variableName: `Copy${key}`, variableValue: `%${key}%` })),
          },
          { variables: record(given, values) },
        );
        expect(result.status).to.equal('Succeeded');
        for (let i = 0; i < given.length; i++) expect(result.variables[given[i]], given[i]).to.equal(values[i]);
        for (let i = 0; i < documentKeys.length; i++) expect(result.variables[documentKeys[i]], documentKeys[i]).to.equal(documentValues[i]);
        // Expansion is single-pass: a value holding %...% or %% is copied as it is.
        for (let i = 0; i < copied.length; i++) expect(result.variables[`Copy${copied[i]}`], `Copy${copied[i]}`).to.equal(values[i]);
        sent += values.length + documentValues.length;
      }),
      runs(10),
    );
  });

  it('JSON values as Node step parameters reach the handler exactly; variables it sees and sets too', async function () {
    const keys = names('MarshalN', 50);
    const last: { received?: { parameters: unknown; variables: Record<string, string | undefined> } } = {};
    // Read through a call: TypeScript would narrow last.received to undefined after resetting it.
    const received = () => last.received;
    let toSet: string[] = [];
    engine.registerStep('marshalEcho', (parameters, ctx) => {
      last.received = { parameters, variables: Object.fromEntries(keys.map((key) => [key, ctx.variables.get(key)])) };
      keys.forEach((key, i) => ctx.variables.set(`Set${key}`, toSet[i]));
    });
    await fc.assert(
      fc.asyncProperty(batch(jsonValue, 100), batch(variableValue, keys.length), batch(variableValue, keys.length), async (values, seen, set) => {
        last.received = undefined;
        toSet = set;
        const result = await engine.runSequence(
          { name: 'Node parameters', steps: [{ type: 'Node', name: 'Echo', handler: 'marshalEcho', parameters: { values } }] },
          { variables: record(keys, seen) },
        );
        expect(result.status, result.steps[0]?.message).to.equal('Succeeded');
        const got = received();
        expect(got?.parameters).to.deep.equal({ values });
        expect(got?.variables).to.deep.equal(record(keys, seen));
        for (let i = 0; i < keys.length; i++) expect(result.variables[`Set${keys[i]}`], `Set${keys[i]}`).to.equal(set[i]);
        sent += values.length + seen.length + set.length;
      }),
      runs(20),
    );
  });

  it('refuses a string with a lone surrogate, as a variable or a Node step parameter, with the typed error, sending nothing', async function () {
    const cut = fc
      .tuple(fc.string({ unit: 'binary', maxLength: 20 }), fc.integer({ min: 0xd800, max: 0xdfff }), fc.string({ unit: 'binary', maxLength: 20 }))
      // Well-formed text never starts with a low surrogate nor ends with a high one: the half stays alone.
      .map(([before, code, after]) => `${before}${String.fromCharCode(code)}${after}`);
    await fc.assert(
      fc.asyncProperty(cut, async (value) => {
        const asVariable = await engine.invokeStep({ type: 'SetTaskSequenceVariable', name: 'Noop', variableName: 'X', variableValue: 'y' }, { variables: { Cut: value } }).then(
          () => undefined,
          (error: unknown) => error,
        );
        expect(asVariable).to.be.instanceOf(InvalidRequestError);
        expect((asVariable as Error).message).to.match(/variable 'Cut' is not well-formed Unicode: it has a lone surrogate/);
        const asParameter = await engine.runSequence({ name: 'Cut', steps: [{ type: 'Node', name: 'Echo', handler: 'marshalEcho', parameters: { value } }] }).then(
          () => undefined,
          (error: unknown) => error as Error,
        );
        expect(asParameter?.name).to.equal('InvalidDocumentError');
        expect(asParameter?.message).to.match(/\$\.steps\[0\]\.parameters\.value.*lone surrogate/s);
      }),
      runs(200),
    );
    // Nothing reached the engine: it serves the next call.
    expect(await engine.ping()).to.equal(true);
  });

  it('sent at least 10,000 random values (the bar for one run)', function () {
    expect(sent).to.be.at.least(10_000);
  });
});
