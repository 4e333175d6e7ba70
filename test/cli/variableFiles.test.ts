// The formats of --var-file / --secrets-file and the stdin lines of --secret-var (pure functions;
// the end-to-end use is in secrets.test.ts).
import { expect } from 'chai';
import { CliError } from '../../src/cli/exitCodes.js';
import { parseVariableFile, splitSecretLines } from '../../src/cli/variableFiles.js';

describe('variable and secrets files', () => {
  it('reads NAME=VALUE lines: first = splits, CRLF, blank and # lines skipped, the rest kept as is', () => {
    expect(parseVariableFile('f', '# c\r\nA=1=2\r\n\r\n  B = x y \n#C=3\n')).to.deep.equal([
      ['A', '1=2'],
      ['B', ' x y '],
    ]);
  });

  it('reads a JSON object of strings (values with newlines)', () => {
    expect(parseVariableFile('f', ' {"Key": "line1\\nline2", "B": ""}')).to.deep.equal([
      ['Key', 'line1\nline2'],
      ['B', ''],
    ]);
  });

  it('refuses without showing a value', () => {
    const refusal = (text: string) => {
      try {
        parseVariableFile('f', text);
      } catch (error) {
        expect(error).to.be.instanceOf(CliError);
        expect((error as CliError).exitCode).to.equal(2);
        return (error as Error).message;
      }
      throw new Error('expected a refusal');
    };
    expect(refusal('A=1\nhunter2\n')).to.equal("f:2: expected NAME=VALUE (the line's text is not shown: it may be a secret)");
    expect(refusal('=hunter2')).not.to.contain('hunter2');
    expect(refusal('{"A": 5}')).to.equal('f: $.A: the value must be a string');
    expect(refusal('{"A": hunter2}')).to.equal('f:1:7: invalid JSON: expected a value (an object, array, string, number, true, false or null)');
    expect(refusal('_X=1')).to.contain("'_X' is read-only");
  });

  it('splits stdin into one value per --secret-var, in order', () => {
    expect(splitSecretLines(['A', 'B'], 'one\r\ntwo\n')).to.deep.equal([
      ['A', 'one'],
      ['B', 'two'],
    ]);
    expect(() => splitSecretLines(['A'], '')).to.throw(CliError, '--secret-var A: stdin ended before its value');
    expect(splitSecretLines(['A'], '\n')).to.deep.equal([['A', '']]); // an empty line is an empty value
    expect(() => splitSecretLines(['A'], 'a\nb\n')).to.throw(CliError, 'stdin has 2 lines but there are 1 --secret-var flags');
  });
});
