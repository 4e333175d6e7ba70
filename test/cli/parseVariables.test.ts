import { expect } from 'chai';
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

  it('overrides document variables case-insensitively', () => {
    expect(overrideVariables({ AppRoot: '/opt', Keep: '1' }, ['approot=/srv', 'New=2'])).to.deep.equal({ Keep: '1', approot: '/srv', New: '2' });
  });
});
