import { expect } from 'chai';
import { onAbort } from '../../src/bridge/abortListeners.js';

describe('onAbort (one abort listener per signal)', () => {
  it('calls every listener still registered when the signal aborts, with no listener-leak warning for 30 of them', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const controller = new AbortController();
      const called: number[] = [];
      const removers = Array.from({ length: 30 }, (_, i) => onAbort(controller.signal, () => called.push(i)));
      removers[3]!();
      controller.abort();
      await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
      expect(called).to.deep.equal(Array.from({ length: 30 }, (_, i) => i).filter((i) => i !== 3));
      expect(warnings.map((warning) => warning.name)).to.deep.equal([]);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('removes its own listener once the last call stopped listening, and adds it again for the next', () => {
    const controller = new AbortController();
    const called: string[] = [];
    onAbort(controller.signal, () => called.push('first'))();
    onAbort(controller.signal, () => called.push('second'));
    controller.abort();
    expect(called).to.deep.equal(['second']);
  });
});
