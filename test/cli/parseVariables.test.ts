import { expect } from 'chai';
import { CliError } from '../../src/cli/exitCodes.js';
import { overrideVariables, parseVariableAssignment } from '../../src/cli/parseVariables.js';

describe('--var NAME=VALUE', () => {
  it('splits on the first = only, keeping everything else in the value', () => {
    expect(parseVariableAssignment('Url=http://x/?a=b&c=%d%')).to.deep.equal(['Url', 'http://x/?a=b&c=%d%']);
    expect(parseVariableAssignment('Empty=')).to.deep.equal(['Empty', '']);
  });

  it('rejects assignments without a name', () => {
    expect(() => parseVariableAssignment('novalue')).to.throw(/NAME=VALUE/);
    expect(() => parseVariableAssignment('=x')).to.throw(/NAME=VALUE/);
  });

  it('applies the task-sequence name rules, naming the --var argument and never showing the value', () => {
    expect(parseVariableAssignment('  Os-Version_2 =x')).to.deep.equal(['Os-Version_2', 'x']);
    expect(parseVariableAssignment(`${'a'.repeat(256)}=x`)[0]).to.have.length(256);
    const problems: Array<[string, RegExp]> = [
      ['1abc=secret', /^--var '1abc=…': '1abc' is not a valid variable name: a name must start with a letter\.$/],
      ['-x=secret', /^--var '-x=…': .*must start with a letter/],
      ['a b=secret', /^--var 'a b=…': 'a b' is not a valid variable name: use only letters, digits, '_' and '-'\.$/],
      ['Café=secret', /use only letters, digits/],
      [`${'a'.repeat(257)}=secret`, /a name has 1 to 256 characters/],
      ['_SMSTSMachineName=secret', /^--var '_SMSTSMachineName=…': Variable '_SMSTSMachineName' is read-only: names starting with '_' are set by the task sequence engine\.$/],
    ];
    for (const [assignment, message] of problems) {
      let error: CliError | undefined;
      try {
        parseVariableAssignment(assignment);
      } catch (e) {
        error = e as CliError;
      }
      expect(error, assignment).to.be.instanceOf(CliError);
      expect(error!.exitCode, assignment).to.equal(2);
      expect(error!.message, assignment).to.match(message);
      expect(error!.message, assignment).not.to.include('secret');
    }
    expect(() => parseVariableAssignment('=secret')).to.throw(/^--var expects NAME=VALUE, got '=…'\.$/);
  });

  it('overrides document variables case-insensitively', () => {
    expect(overrideVariables({ AppRoot: '/opt', Keep: '1' }, ['approot=/srv', 'New=2'])).to.deep.equal({ Keep: '1', approot: '/srv', New: '2' });
  });
});
