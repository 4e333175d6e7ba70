import { expect } from 'chai';
import { formatDuration, formatSummary, placeSteps } from '../../src/cli/formatSummary.js';
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
    expect(lines).to.have.length(4);
    expect(lines[0]).to.match(/^Set A\s+Succeeded\s+exit 0\s+3 ms$/);
    expect(lines[1]).to.match(/^Tools\/Apps\s+Failed\s+1\.50 s$/);
    expect(lines[2]).to.match(/^ {2}Hello\s+Failed\s+exit 7\s+12 ms {2}exit code 7 ⏎ not allowed$/);
    expect(lines[3]).to.equal('Sequence Failed (exit code 1): 1 Succeeded, 2 Failed');
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
