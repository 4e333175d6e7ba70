// Data never becomes code, for a whole corpus of injection strings (hostileStrings.ts): used as
// task sequence variables and as step parameters (every data field; commandLine and
// sourceScript are code by design), each arrives exactly as given and the marker file it would
// create never appears. test/ps-module/hostileValues.test.ts covers the fields that fail (names,
// paths) for one such string; this covers the corpus where the value must arrive intact.
import { expect } from 'chai';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from '../../src/bridge/Engine.js';
import { startTestEngine } from '../support/engine.js';
import { tempDirectory } from '../support/tempFiles.js';
import { hostileStrings } from './hostileStrings.js';

describe('marshaling: a corpus of hostile strings executes nothing', function () {
  let engine: Engine;
  let marker: string;
  let corpus: string[];
  let keys: string[];
  const asVariables = () => Object.fromEntries(corpus.map((value, i) => [keys[i], value]));
  // A literal in a field the engine expands: '%%' is how a value says '%' (DESIGN §5).
  const literal = (value: string) => value.replace(/%/g, '%%');

  before(async function () {
    ({ engine } = await startTestEngine());
    const folder = join(tempDirectory(), 'hostile-corpus');
    mkdirSync(folder, { recursive: true });
    marker = join(folder, 'pwned');
    corpus = hostileStrings(marker);
    keys = corpus.map((_, i) => `MarshalH${i}`);
  });
  after(async function () {
    await engine?.close();
  });
  afterEach(function () {
    expect(existsSync(marker), 'a hostile string ran as code').to.equal(false);
  });

  it('is live: run as code (sourceScript), a PowerShell payload of it does create the marker', async function () {
    const result = await engine.invokeStep({ type: 'RunPowerShellScript', name: 'Code', sourceScript: corpus[0]! });
    expect(result.status, result.message).to.equal('Succeeded');
    expect(existsSync(marker)).to.equal(true);
    rmSync(marker);
  });

  it('as variables: back unchanged from invokeStep, and copied unchanged by %NAME%, $tsenv and a script output', async function () {
    const copies = await engine.runSequence(
      { name: 'Copies', steps: keys.map((key) => ({ type: 'SetTaskSequenceVariable', name: `Copy ${key}`, variableName: `Copy${key}`, variableValue: `%${key}%` })) },
      { variables: asVariables() },
    );
    expect(copies.status).to.equal('Succeeded');
    keys.forEach((key, i) => {
      expect(copies.variables[key], key).to.equal(corpus[i]);
      expect(copies.variables[`Copy${key}`], `Copy${key}`).to.equal(corpus[i]);
    });

    const sourceScript = 'param([string[]] $Names) foreach ($name in $Names) { $tsenv.Value("Script$name") = $tsenv.Value($name); $tsenv.Value($name) }';
    const script = await engine.invokeStep({ type: 'RunPowerShellScript', name: 'Copy', sourceScript, parameters: { Names: keys } }, { variables: asVariables() });
    expect(script.status, script.message).to.equal('Succeeded');
    expect(script.output).to.deep.equal(corpus);
    keys.forEach((key, i) => expect(script.variables[`Script${key}`], `Script${key}`).to.equal(corpus[i]));
  });

  it('as RunPowerShellScript parameters, in every form (by %NAME% or literally with % written %%): each arrives as the one value it is', async function () {
    const named = 'param($Value, $Rest) $tsenv.Value("Received") = [string]$Value; $tsenv.Value("Rest") = [string]$Rest';
    const positional = 'foreach ($value in $args) { [string]$value }';
    const list = 'param([string[]] $Values) $Values';
    for (const [i, value] of corpus.entries()) {
      const label = JSON.stringify(value);
      const result = await engine.invokeStep({ type: 'RunPowerShellScript', name: 's', sourceScript: named, parameters: `-Value '%${keys[i]}%'` }, { variables: asVariables() });
      expect(result.status, `${label}: ${result.message}`).to.equal('Succeeded');
      expect(result.variables.Received, label).to.equal(value);
      expect(result.variables.Rest, label).to.equal(undefined);
    }
    // The other forms with every value at once (positional in a string, a list of named values): the script writes each back.
    const forms = [
      { sourceScript: positional, parameters: keys.map((key) => `%${key}%`).join(' ') },
      { sourceScript: positional, parameters: keys.map((key) => `"%${key}%"`).join(' ') },
      { sourceScript: list, parameters: { Values: keys.map((key) => `%${key}%`) } },
      { sourceScript: list, parameters: { Values: corpus.map(literal) } },
    ];
    for (const form of forms) {
      const result = await engine.invokeStep({ type: 'RunPowerShellScript', name: 's', ...form }, { variables: asVariables() });
      expect(result.status, `${JSON.stringify(form.parameters)}: ${result.message}`).to.equal('Succeeded');
      expect(result.output, JSON.stringify(form.parameters)).to.deep.equal(corpus);
    }
  });

  it('as the whole parameters line of a script: split as data (it may not bind), never run', async function () {
    for (const value of corpus) {
      const result = await engine.invokeStep({ type: 'RunPowerShellScript', name: 's', sourceScript: 'param($Value) "ran"', parameters: value });
      expect(result.status, JSON.stringify(value)).to.be.oneOf(['Succeeded', 'Failed']);
    }
  });

  it('as step fields: variableValue, name, a condition value (with % written %%), Node step parameters (as they are)', async function () {
    let received: unknown;
    engine.registerStep('marshalHostile', (parameters) => {
      received = parameters;
    });
    const result = await engine.runSequence(
      {
        name: 'Fields',
        steps: [
          // Names have at most 100 characters.
          ...corpus.map((value, i) => ({ type: 'SetTaskSequenceVariable', name: value.slice(0, 100), description: value, variableName: `Literal${i}`, variableValue: literal(value) })),
          ...corpus.map((value, i) => ({
            type: 'SetTaskSequenceVariable',
            name: `Condition ${i}`,
            variableName: `Matched${i}`,
            variableValue: 'yes',
            condition: { variable: keys[i], operator: 'equals', value: literal(value) },
          })),
          { type: 'Node', name: 'Node', handler: 'marshalHostile', parameters: { corpus, byName: Object.fromEntries(corpus.map((value, i) => [`k${i}${value}`, value])) } },
        ],
      },
      { variables: asVariables() },
    );
    expect(result.status, JSON.stringify(result.steps.filter((step) => step.status !== 'Succeeded'))).to.equal('Succeeded');
    corpus.forEach((value, i) => {
      expect(result.steps[i]?.path, `name ${i}`).to.equal(value.slice(0, 100));
      expect(result.variables[`Literal${i}`], `Literal${i}`).to.equal(value);
      expect(result.variables[`Matched${i}`], `Matched${i}`).to.equal('yes');
    });
    expect(received).to.deep.equal({ corpus, byName: Object.fromEntries(corpus.map((value, i) => [`k${i}${value}`, value])) });
  });

  it('as the working directory (RunPowerShellScript, RunCommandLine): refused as a folder that does not exist, named as given', async function () {
    for (const value of corpus) {
      for (const step of [
        { type: 'RunPowerShellScript' as const, name: 's', sourceScript: '"ran"', workingDirectory: value },
        { type: 'RunCommandLine' as const, name: 'c', commandLine: 'true', workingDirectory: value },
      ]) {
        const result = await engine.invokeStep(step);
        expect(result.status, `${step.type} ${JSON.stringify(value)}`).to.equal('Failed');
      }
    }
  });
});
