// When the engine dies, the error quotes its stderr tail: secret values this Node process knows
// (variables named in `secrets`, and variables a result shows masked) are masked there first.
import { expect } from 'chai';
import { EngineUnavailableError } from '../../src/bridge/errors.js';
import { startTestEngine } from '../support/engine.js';

describe('secrets in engine-death errors (real engine)', function () {
  this.timeout(120_000);

  it('masks the values of secret variables in the quoted stderr', async () => {
    const { engine, output } = await startTestEngine();
    const named = 'named-secret-4711';
    const markedByStep = 'marked-by-step-0815';
    try {
      await engine.invokeStep(
        { type: 'SetTaskSequenceVariable', name: 'Uses', variableName: 'Copy', variableValue: 'x' },
        { variables: { Pw: named }, secrets: ['Pw'] },
      );
      // The step makes Token secret: its result shows it masked, so Node masks the value it sent.
      const marked = await engine.invokeStep(
        { type: 'SetTaskSequenceVariable', name: 'Marks', variableName: 'Token', variableValue: '%Token%', doNotShowVariableValue: true },
        { variables: { Token: markedByStep } },
      );
      expect(marked.variables.Token).to.equal('********');
      // A raw write to the process's stderr goes round the engine's masking, then the engine dies.
      const script = [
        '$raw = [Console]::OpenStandardError()',
        `$bytes = [Text.Encoding]::UTF8.GetBytes("leak: ${named} and ${markedByStep}\`n")`,
        '$raw.Write($bytes, 0, $bytes.Length); $raw.Flush()',
        '[Environment]::Exit(7)',
      ].join('\n');
      const error = await engine.invokeStep({ type: 'RunPowerShellScript', name: 'Dies', sourceScript: script }).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(error).to.be.instanceOf(EngineUnavailableError);
      // The engine printed them (the error quotes the line); listeners got the line masked too.
      expect(output.stderr).to.include('leak: ******** and ********');
      expect(output.stderr).not.to.include(named);
      expect(output.stderr).not.to.include(markedByStep);
      expect(error!.message).to.include('leak: ******** and ********');
      expect(error!.message).not.to.include(named);
      expect(error!.message).not.to.include(markedByStep);
      expect(engine.stderrTail).not.to.include(named);
    } finally {
      await engine.close();
    }
  });
});
