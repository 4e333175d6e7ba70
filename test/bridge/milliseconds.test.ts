import { expect } from 'chai';
import { InvalidRequestError } from '../../src/bridge/errors.js';
import { LONGEST_TIMER_MS, timerDelay } from '../../src/bridge/milliseconds.js';

describe('timerDelay (time limits as Node timers take them)', () => {
  it('takes 0 and up, Infinity as no limit, and caps what a timer cannot wait (Node would fire it after 1 ms)', () => {
    expect(timerDelay(0, 'timeoutMs', 'invokeStep')).to.equal(0);
    expect(timerDelay(1500, 'timeoutMs', 'invokeStep')).to.equal(1500);
    expect(timerDelay(Infinity, 'timeoutMs', 'invokeStep')).to.equal(undefined);
    expect(timerDelay(3e9, 'timeoutMs', 'invokeStep')).to.equal(LONGEST_TIMER_MS);
  });

  it('refuses NaN, a negative number or a string, naming the option', () => {
    for (const bad of [NaN, -1, '500']) {
      expect(() => timerDelay(bad, 'timeoutMs', 'invokeStep'), String(bad)).to.throw(InvalidRequestError, /^invokeStep: timeoutMs must be a number of milliseconds from 0 up \(or Infinity for no limit\), got /);
    }
  });
});
