// tsseq validate / tsseq run on documents that must not run: exit 2, every problem with its JSON
// path (or line:column for malformed JSON), and no step executed.
import { expect } from 'chai';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';
import { tempDirectory, writeTempFile } from '../support/tempFiles.js';

describe('tsseq validate and run on invalid input', function () {
  this.timeout(120_000);

  const marker = () => join(tempDirectory(), 'step-ran');
  const invalidDocument = () => ({
    name: 'Invalid',
    steps: [
      // valid on its own: if anything ran, this would create the marker
      { type: 'RunCommandLine', name: 'Touch', commandLine: `touch ${marker()}` },
      { type: 'RunCommandLine', name: 'Bad type', commandLine: 42 },
      { type: 'SetTaskSequenceVariable', name: 'Extra', variableName: 'X', variableValue: 'y', bogus: true },
      { type: 'Group', name: 'G', steps: [{ type: 'NoSuchStep', name: 'Unknown' }] },
    ],
  });

  it('validate accepts the example', async () => {
    const result = await runCli(['validate', 'examples/hello.json']);
    expect(result.stderr).to.equal('');
    expect(result.code).to.equal(0);
    expect(result.stdout).to.match(/examples\/hello\.json: valid/);
  });

  for (const command of ['validate', 'run']) {
    it(`${command} lists every schema error with its JSON path and exits 2`, async () => {
      const file = writeTempFile('invalid.json', invalidDocument());
      const result = await runCli([command, file]);
      expect(result.code, result.stderr).to.equal(2);
      expect(result.stderr).to.include(file);
      expect(result.stderr).to.match(/\$\.steps\[1\]\.commandLine: must be string/);
      expect(result.stderr).to.match(/\$\.steps\[2\]\.bogus: /);
      expect(result.stderr).to.match(/\$\.steps\[3\]\.steps\[0\]\.type: "NoSuchStep" is not a known type/);
      expect(result.stderr).not.to.match(/^\s+at /m); // a message, not a stack trace
      expect(result.stdout).to.equal('');
      expect(existsSync(marker()), 'no step ran').to.equal(false);
    });

    it(`${command} reports malformed JSON as file:line:column and exits 2`, async () => {
      const file = writeTempFile('malformed.json', '{\n  "name": "x",\n  "steps": [\n    { "type": "RunCommandLine", },\n  ]\n}\n');
      const result = await runCli([command, file]);
      expect(result.code).to.equal(2);
      expect(result.stderr).to.include(`${file}:4:33: invalid JSON: `);
      expect(result.stderr).to.include(`${file}:4:33: invalid JSON: expected a property name in double quotes\n`);
    });
  }

  it('run reports a missing file and exits 2', async () => {
    const result = await runCli(['run', join(tempDirectory(), 'missing.json')]);
    expect(result.code).to.equal(2);
    expect(result.stderr).to.match(/missing\.json: cannot read: file not found/);
  });

  it('rejects a malformed --var and an unknown option with exit 2', async () => {
    expect((await runCli(['run', 'examples/hello.json', '--var', 'novalue'])).code).to.equal(2);
    expect((await runCli(['run', 'examples/hello.json', '--frobnicate'])).code).to.equal(2);
  });

  it('validate warns of a step with no runner yet and still exits 0', async () => {
    const file = writeTempFile('unimplemented.json', { name: 'u', steps: [{ type: 'InstallPackage', name: 'P', packageId: 'TSQ00001', programName: 'Install' }] });
    const result = await runCli(['validate', file]);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stderr).to.equal(`${file}: warning: $.steps[0].type: InstallPackage steps are not implemented yet in this version of tsseq; the run fails at this step\n`);
    expect(result.stdout).to.match(/valid \(1 step or group\)/);
  });

  // What a run refuses, validate refuses first, with the same message; the engine is never reached.
  const refused: [string, string, string][] = [
    ['underscore.json', '{"name":"x","variables":{"_X":"1"},"steps":[]}', "$.variables._X: Variable '_X' is read-only: names starting with '_' are set by the task sequence engine."],
    ['surrogate.json', '{"name":"x\\ud800","steps":[]}', '$.name: is not well-formed Unicode: it has a lone surrogate (U+D800) at index 1'],
    ['infinite.json', '{"name":"x","steps":[{"type":"RunCommandLine","name":"a","commandLine":"x","timeoutMinutes":1e999}]}', '$.steps[0].timeoutMinutes: is a number too large for the engine'],
    ['deep.json', `{"name":"x","steps":[{"type":"Group","name":"g","steps":[],"condition":${'{"all":['.repeat(600)}{"variable":"A","operator":"exists"}${']}'.repeat(600)}}]}`, '$: nests deeper than 1022 levels, more than the engine reads'],
  ];
  for (const [name, text, message] of refused) {
    it(`validate and run refuse ${name} alike (exit 2)`, async () => {
      const file = writeTempFile(name, text);
      const validate = await runCli(['validate', file]);
      const run = await runCli(['run', file]);
      expect(validate.code, validate.stderr).to.equal(2);
      expect(run.code, run.stderr).to.equal(2);
      expect(validate.stderr).to.include(message);
      expect(run.stderr).to.equal(validate.stderr);
    });
  }
});
