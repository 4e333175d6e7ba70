import { expect } from 'chai';
import { stderrSuffix } from '../../src/bridge/engineProcess.js';

describe('stderrSuffix (what error messages quote of the engine stderr)', () => {
  it('quotes a short stderr whole, and nothing for an empty one', () => {
    expect(stderrSuffix('  \n')).to.equal('');
    expect(stderrSuffix('one\r\ntwo\n')).to.equal('\nEngine stderr (last lines):\none\ntwo');
  });

  it('keeps only the last 20 lines', () => {
    const lines = Array.from({ length: 50 }, (_, i) => `line ${i + 1}`);
    const suffix = stderrSuffix(lines.join('\n'));
    expect(suffix).to.equal(`\nEngine stderr (last lines):\n…${lines.slice(30).join('\n')}`);
  });

  it('keeps at most 2000 characters, never half a character', () => {
    const suffix = stderrSuffix(`start\n${'😀'.repeat(3000)}`);
    const tail = suffix.slice(suffix.indexOf('…') + 1);
    expect(tail.length).to.be.at.most(2000);
    expect(tail.length).to.be.at.least(1990);
    expect(tail).not.to.include('start');
    expect((tail as string & { isWellFormed(): boolean }).isWellFormed()).to.equal(true);
  });
});
