import { expect } from 'chai';
import { formatDuration, formatSummary, messageLines, placeSteps } from '../../src/cli/formatSummary.js';
import type { ResultDocument } from '../../src/bridge/protocol.js';

const document = {
  steps: [
    { type: 'SetTaskSequenceVariable', name: 'Set A' },
    { type: 'Group', name: 'Tools/Apps', steps: [{ type: 'RunCommandLine', name: 'Hello' }] },
  ],
};

describe('formatSummary (readable tsseq run output)', () => {
  it('places steps by the document, even when a name contains /', () => {
    expect(placeSteps(document).get('Tools/Apps/Hello')).to.deep.equal({ depth: 1, name: 'Hello' });
    expect(placeSteps(document).get('Tools/Apps')).to.deep.equal({ depth: 0, name: 'Tools/Apps' });
  });

  it('prints one indented line per step with status, exit code, duration and message, then the sequence', () => {
    const result: ResultDocument = {
      status: 'Failed',
      exitCode: 1,
      variables: {},
      steps: [
        { path: 'Set A', type: 'SetTaskSequenceVariable', status: 'Succeeded', exitCode: 0, durationMs: 3, message: '' },
        { path: 'Tools/Apps', type: 'Group', status: 'Failed', durationMs: 1500 },
        { path: 'Tools/Apps/Hello', type: 'RunCommandLine', status: 'Failed', exitCode: 7, durationMs: 12, message: 'exit code 7\nnot allowed' },
      ],
    };
    const lines = formatSummary(result, document).split('\n');
    expect(lines).to.have.length(5);
    expect(lines[0]).to.match(/^Set A\s+Succeeded\s+exit 0\s+3 ms$/);
    expect(lines[1]).to.match(/^Tools\/Apps\s+Failed\s+1\.50 s$/);
    expect(lines[2]).to.match(/^ {2}Hello\s+Failed\s+exit 7\s+12 ms {2}exit code 7$/);
    // Further message lines sit under the step, indented past its name's depth.
    expect(lines[3]).to.equal('      not allowed');
    expect(lines[4]).to.equal('Sequence Failed (exit code 1): 1 Succeeded, 2 Failed');
  });

  it('shows every line of a long script error message instead of cutting it at the first', () => {
    const message = [
      'The script failed at line 9, char 1: broken on purpose',
      'Errors reported before it:',
      `At line 1, char 1: ${'x'.repeat(150)}`,
      'At line 3, char 5: Cannot find path \'/nope\' because it does not exist.',
    ].join('\n');
    const result: ResultDocument = {
      status: 'Failed',
      exitCode: 1,
      variables: {},
      steps: [{ path: 'Set A', type: 'RunPowerShellScript', status: 'Failed', exitCode: 1, durationMs: 5, message }],
    };
    const text = formatSummary(result, document);
    for (const part of ['broken on purpose', 'Errors reported before it:', 'At line 1, char 1:', 'At line 3, char 5: Cannot find path', 'x'.repeat(80)]) {
      expect(text).to.contain(part);
    }
    // The 150 x's arrive whole, wrapped over lines no longer than the wrap width.
    expect(text.replace(/\s+/g, '')).to.contain('x'.repeat(150));
    const lines = text.split('\n');
    expect(lines[1]).to.equal('    Errors reported before it:');
    expect(lines.slice(1, -1).every((line) => line.length <= 4 + 100)).to.equal(true);
    expect(text).to.not.contain('…');
  });

  it('wraps long lines on spaces and bounds the lines shown per step, saying how many it left out', () => {
    expect(messageLines('one two three four', 9)).to.deep.equal(['one two', '  three', '  four']);
    expect(messageLines('abcdefghij', 4)).to.deep.equal(['abcd', '  ef', '  gh', '  ij']);
    expect(messageLines('a\n\n  b\r\nc')).to.deep.equal(['a', '  b', 'c']);
    const many = Array.from({ length: 100 }, (_, index) => `At line ${index + 1}: e`).join('\n');
    const shown = messageLines(many, 100, 40);
    expect(shown).to.have.length(40);
    expect(shown[38]).to.equal('At line 39: e');
    expect(shown[39]).to.equal('… 61 more lines (tsseq run --json shows the whole message)');
    expect(messageLines('')).to.deep.equal([]);
  });

  it('shows control characters in names and messages as visible escapes, so they cannot forge the summary', () => {
    const hostile = { steps: [{ type: 'RunCommandLine', name: 'Evil\u001b]0;pwned\u0007' }] };
    const result: ResultDocument = {
      status: 'Failed',
      exitCode: 1,
      variables: {},
      steps: [{ path: 'Evil\u001b]0;pwned\u0007', type: 'RunCommandLine', status: 'Failed', exitCode: 1, message: 'boom\rSequence Succeeded (exit code 0)\u001b[8m\u202e' }],
    };
    const text = formatSummary(result, hostile, 'Sequence: x\u001b[2J');
    expect(text).to.not.match(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(text).to.contain('Sequence: x\\x1b[2J');
    expect(text).to.contain('Evil\\x1b]0;pwned\\x07');
    expect(text).to.contain('boom\\x0dSequence Succeeded (exit code 0)\\x1b[8m\\u202e');
    expect(text.split('\n').pop()).to.equal('Sequence Failed (exit code 1): 1 Failed');
  });

  it('shows skip reasons', () => {
    const result: ResultDocument = {
      status: 'Succeeded',
      exitCode: 0,
      variables: {},
      steps: [{ path: 'Set A', type: 'SetTaskSequenceVariable', status: 'Skipped', skipReason: 'Disabled' }],
    };
    expect(formatSummary(result, document)).to.match(/^Set A {2}Skipped \(Disabled\)/);
  });

  it('formats durations', () => {
    expect(formatDuration(undefined)).to.equal('');
    expect(formatDuration(999.6)).to.equal('1000 ms');
    expect(formatDuration(61_000)).to.equal('61.0 s');
  });
});
