import { expect } from 'chai';
import { EngineRequestError, EngineUnavailableError, InvalidRequestError } from '../../src/bridge/errors.js';
import { exitCodeFor, isInvalidInputError } from '../../src/cli/exitCodes.js';

describe('tsseq run exit codes', () => {
  it('maps the sequence status: 0 succeeded, 1 failed, 3010 restart pending', () => {
    expect(exitCodeFor({ status: 'Succeeded' })).to.equal(0);
    expect(exitCodeFor({ status: 'Failed' })).to.equal(1);
    expect(exitCodeFor({ status: 'RestartPending' })).to.equal(3010);
  });
});

describe('tsseq run: which request failures are invalid input (exit 2)', () => {
  const engineError = (errorId: string | undefined, path?: string) => new EngineRequestError('runSequence', { message: 'refused', errorId, path });

  it('counts the engine refusing the variables or the sequence, with or without the command suffix', () => {
    expect(isInvalidInputError(engineError('TsSequence.InvalidVariable'))).to.equal(true);
    expect(isInvalidInputError(engineError('TsSequence.InvalidSequence'))).to.equal(true);
    expect(isInvalidInputError(engineError('TsSequence.InvalidVariable,Invoke-TsSequence'))).to.equal(true);
    expect(isInvalidInputError(engineError('EngineError', '$.steps[0].type'))).to.equal(true);
  });

  it('counts a request Node refused to send', () => {
    expect(isInvalidInputError(new InvalidRequestError('runSequence', 'not well-formed'))).to.equal(true);
  });

  it('does not count other engine errors or a dead engine', () => {
    expect(isInvalidInputError(engineError('EngineError'))).to.equal(false);
    expect(isInvalidInputError(engineError(undefined))).to.equal(false);
    expect(isInvalidInputError(engineError('TsSequence.MalformedRequest'))).to.equal(false);
    expect(isInvalidInputError(new EngineUnavailableError('gone'))).to.equal(false);
    expect(isInvalidInputError(new Error('TsSequence.InvalidVariable'))).to.equal(false);
  });
});
