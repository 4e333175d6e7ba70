// A resumed run's result covers the steps before the restart as they were reported then: their
// output, errors and outputTail (masked, as saved in results.jsonl) are not lost on resume.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from '../../src/bridge/Engine.js';
import { startTestEngine } from '../support/engine.js';
import { tempDirectory } from '../support/tempFiles.js';

const SECRET = 'Opal-55821-secret';

describe('a resumed run keeps the earlier steps\' output, errors and outputTail', function () {
  this.timeout(120_000);
  let engine: Engine;

  before(async () => {
    ({ engine } = await startTestEngine());
  });
  after(async () => {
    await engine?.close();
  });

  it('the entries before the restart are the same in the final result, secrets masked', async () => {
    const state = join(tempDirectory(), 'resume-results', 'state');
    const document = {
      name: 'Output across a restart',
      steps: [
        {
          type: 'RunPowerShellScript',
          name: 'Noisy failure',
          continueOnError: true,
          sourceScript: "'first ' + $tsenv.Value('Pw')\n[pscustomobject]@{ A = 1; B = 'two' }\nWrite-Error 'it broke'\nexit 4",
        },
        { type: 'RunPowerShellScript', name: 'Quiet success', sourceScript: "'done'" },
        { type: 'RestartComputer', name: 'Restart', messageTimeout: 0 },
        { type: 'RunPowerShellScript', name: 'After', sourceScript: "'after'" },
      ],
    };
    const first = await engine.runSequence(document, { stateDirectory: state, variables: { Pw: SECRET }, secrets: ['Pw'] });
    expect(first.status).to.equal('RestartPending');
    const noisy = first.steps.find((step) => step.path === 'Noisy failure') as Record<string, unknown>;
    expect(noisy.status).to.equal('FailedContinued');
    expect(noisy).to.have.property('outputTail');
    expect(noisy).to.have.property('errors');
    expect(JSON.stringify(noisy.output)).to.contain('first ********');

    const last = await engine.resumeSequence({ stateDirectory: state });
    expect(last.status).to.equal('Succeeded');
    expect(last.steps.slice(0, 3)).to.deep.equal(first.steps.slice(0, 3));
    expect((last.steps.find((step) => step.path === 'After') as Record<string, unknown>).output).to.deep.equal(['after']);
    expect(JSON.stringify(last)).to.not.contain(SECRET);
    expect(readFileSync(join(state, 'results.jsonl'), 'utf8')).to.not.contain(SECRET);
  });
});
