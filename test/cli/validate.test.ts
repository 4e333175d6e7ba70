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
      expect(result.stderr).to.match(/Expected double-quoted property name/);
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
});
