// The engine reads property names ignoring case, so {"a":1,"A":2} would reach it as one property
// with one value lost. Node refuses such objects (documents, steps, variables) before sending,
// naming the path and both names; the engine refuses them itself when Node's check is skipped.
import { expect } from 'chai';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from '../../src/bridge/Engine.js';
import { EngineRequestError, InvalidRequestError } from '../../src/bridge/errors.js';
import { validateDocument } from '../../src/bridge/validateDocument.js';
import { runCli } from '../support/cli.js';
import { startTestEngine } from '../support/engine.js';
import { tempDirectory } from '../support/tempFiles.js';
import { mkdirSync } from 'node:fs';

const nodeStep = (parameters: Record<string, unknown>) => ({ type: 'Node', name: 'N', handler: 'h', parameters }) as const;

describe('property names that differ only in case', function () {
  let engine: Engine;
  before(async () => {
    ({ engine } = await startTestEngine());
  });
  after(async () => {
    await engine?.close();
  });

  it('validate refuses them anywhere in a document, naming the object and both names', () => {
    const nested = validateDocument({ name: 's', steps: [nodeStep({ outer: { key: 1, KEY: 2 } })] });
    expect(nested.valid).to.equal(false);
    expect(nested.errors[0]).to.deep.include({ path: '$.steps[0].parameters.outer' });
    expect(nested.errors[0]!.message).to.contain('"key" and "KEY"').and.contain('differ only in case');
    const variables = validateDocument({ name: 's', variables: { Path: 'a', PATH: 'b' }, steps: [] });
    expect(variables.errors[0]).to.deep.include({ path: '$.variables' });
    expect(validateDocument({ name: 's', steps: [nodeStep({ a: 1, b: { c: 2, d: 3 } })] }).valid).to.equal(true);
    // As .NET's OrdinalIgnoreCase: é and É meet; dotless ı and I, long ſ and s, ß and SS do not.
    expect(validateDocument({ name: 's', steps: [nodeStep({ é: 1, É: 2 })] }).valid).to.equal(false);
    expect(validateDocument({ name: 's', steps: [nodeStep({ ı: 1, I: 2, ſ: 3, s: 4, ß: 5, SS: 6 })] }).valid).to.equal(true);
  });

  it('invokeStep and runSequence refuse them before sending, and the engine serves on', async () => {
    const step = await engine.invokeStep(nodeStep({ a: 1, A: 2 })).catch((error: unknown) => error);
    expect(step).to.be.instanceOf(Error);
    expect((step as Error).message).to.contain('"a" and "A"');
    const variables = await engine
      .invokeStep({ type: 'SetTaskSequenceVariable', name: 'S', variableName: 'V', variableValue: 'x' }, { variables: { Path: '1', PATH: '2' } })
      .catch((error: unknown) => error);
    expect(variables).to.be.instanceOf(InvalidRequestError);
    expect((variables as Error).message).to.contain('"Path" and "PATH" are one variable');
    const ok = await engine.invokeStep({ type: 'SetTaskSequenceVariable', name: 'S', variableName: 'V', variableValue: 'x' });
    expect(ok.status).to.equal('Succeeded');
  });

  it('the engine refuses them itself when the Node check is skipped, and serves on', async () => {
    const error = await engine.invokeStep(nodeStep({ a: 1, A: 2 }), { validate: false }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(EngineRequestError);
    expect((error as Error).message).to.contain("'a' and 'A', which differ only in case");
    const ok = await engine.invokeStep({ type: 'SetTaskSequenceVariable', name: 'S', variableName: 'V', variableValue: 'y' });
    expect(ok.variables.V).to.equal('y');
  });

  it('tsseq validate and run refuse such a file (exit 2)', async () => {
    const folder = join(tempDirectory(), 'case-collision');
    mkdirSync(folder, { recursive: true });
    const file = join(folder, 'dup.json');
    writeFileSync(file, JSON.stringify({ name: 's', steps: [{ type: 'SetTaskSequenceVariable', name: 'S', variableName: 'V', variableValue: 'x', VariableValue: 'y' }] }));
    for (const command of ['validate', 'run']) {
      const result = await runCli([command, file]);
      expect(result.code, `${command}: ${result.stderr}`).to.equal(2);
      expect(result.stderr + result.stdout).to.contain('differ only in case');
    }
  });
});
