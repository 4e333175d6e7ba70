import { expect } from 'chai';
import { exitCodeFor } from '../../src/cli/exitCodes.js';

describe('tsseq run exit codes', () => {
  it('maps the sequence status: 0 succeeded, 1 failed, 3010 restart pending', () => {
    expect(exitCodeFor({ status: 'Succeeded' })).to.equal(0);
    expect(exitCodeFor({ status: 'Failed' })).to.equal(1);
    expect(exitCodeFor({ status: 'RestartPending' })).to.equal(3010);
  });
});
