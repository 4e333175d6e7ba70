// A script can write to the engine process's own stdout and stderr ([Console]::OpenStandardOutput()),
// past the engine's masking of step output: Node masks the secret values it knows in what the
// engine prints before any listener sees it, a secret written in pieces included, and holds back
// nothing that is not a secret.
import { expect } from 'chai';
import type { Engine } from '../../src/bridge/Engine.js';
import { EngineUnavailableError } from '../../src/bridge/errors.js';
import { startTestEngine, type CapturedOutput } from '../support/engine.js';

const SECRET = 'Raw-Secret-7731';

// Writes the bytes of each argument to the raw stream, flushing and pausing between pieces.
const rawWrites = (stream: 'Output' | 'Error') =>
  [
    'param([string[]]$Pieces)',
    `$raw = [Console]::OpenStandard${stream}()`,
    'foreach ($piece in $Pieces) { $bytes = [Text.Encoding]::UTF8.GetBytes($piece); $raw.Write($bytes, 0, $bytes.Length); $raw.Flush(); Start-Sleep -Milliseconds 20 }',
  ].join('\n');

describe('raw console writes of a script step', function () {
  let engine: Engine;
  let output: CapturedOutput;
  before(async () => {
    ({ engine, output } = await startTestEngine());
  });
  after(async () => {
    await engine?.close();
  });

  async function run(stream: 'Output' | 'Error', pieces: string[]): Promise<void> {
    const parameters = pieces.map((piece) => `'${piece.replace(/'/g, "''")}'`).join(',');
    const result = await engine.runSequence(
      { name: 'raw', steps: [{ type: 'RunPowerShellScript', name: 'Raw', sourceScript: rawWrites(stream), parameters: `-Pieces ${parameters}` }] },
      { variables: { Pw: SECRET }, secrets: ['Pw'] },
    );
    expect(result.status).to.equal('Succeeded');
    await new Promise((resolve) => setTimeout(resolve, 200)); // past the hold of a possible secret's start
  }

  it('masks a known secret written whole or in pieces to the raw stdout and stderr', async () => {
    await run('Output', [`whole:${SECRET}\n`, `split:${SECRET.slice(0, 5)}`, `${SECRET.slice(5)}\n`]);
    await run('Error', [`err:${SECRET}\n`]);
    expect(output.stdout).to.contain('whole:********\n').and.contain('split:********\n');
    expect(output.stderr).to.contain('err:********\n');
    expect(output.stdout + output.stderr).to.not.contain(SECRET).and.not.contain(SECRET.slice(5));
  });

  it('delivers text that only began like a secret, unchanged', async () => {
    await run('Output', [`tail:${SECRET.slice(0, 6)}`, 'but-not\n', `end:${SECRET.slice(0, 4)}`]);
    expect(output.stdout).to.contain(`tail:${SECRET.slice(0, 6)}but-not\n`).and.contain(`end:${SECRET.slice(0, 4)}`);
  });
});

describe('console text held for masking when a script ends the process', function () {
  this.timeout(120_000);
  let engine: Engine;
  let output: CapturedOutput;
  before(async () => {
    ({ engine, output } = await startTestEngine());
  });
  after(async () => {
    await engine?.close();
  });

  /** Runs a script that exits the engine process, with a secret known to the run; returns the death error. */
  async function exiting(script: string): Promise<EngineUnavailableError> {
    const error = await engine
      .invokeStep({ type: 'RunPowerShellScript', name: 'Exits', sourceScript: script }, { variables: { Pw: SECRET }, secrets: ['Pw'] })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).to.be.instanceOf(EngineUnavailableError);
    return error as EngineUnavailableError;
  }

  it('the line a script prints before [Environment]::Exit arrives whole, though a secret is known', async () => {
    const error = await exiting("[Console]::Error.WriteLine('fatal: the reason'); Start-Sleep -Milliseconds 300; [Environment]::Exit(3)");
    expect(error.stderrTail).to.contain('fatal: the reason\n');
    expect(output.stderr).to.contain('fatal: the reason\n');
  });

  it('text held back is passed on masked as the process exits; a held start of a secret goes as a mask', async () => {
    const error = await exiting("[Console]::Error.Write('leak: ' + $tsenv.Value('Pw') + ' and the rest; end: ' + $tsenv.Value('Pw').Substring(0, 6)); [Environment]::Exit(4)");
    expect(error.stderrTail).to.contain('leak: ******** and the rest; end: ********');
    expect(output.stderr).to.contain('leak: ******** and the rest; end: ********');
    expect(output.stderr).not.to.contain('Raw-Se');
    expect(output.stderr + output.stdout + error.message).to.not.contain(SECRET);
  });

  it('a step ends while a runspace it left keeps writing to the console (no lock-order deadlock)', async () => {
    const script = "$ps = [powershell]::Create(); $null = $ps.AddScript({ while ($true) { [Console]::Out.Write('y') } }); $null = $ps.BeginInvoke(); Start-Sleep -Milliseconds 300";
    for (let attempt = 0; attempt < 3; attempt++) {
      const step = engine.invokeStep({ type: 'RunPowerShellScript', name: 'Leaves a writer', sourceScript: script });
      const hung = new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 15_000).unref());
      const ended = await Promise.race([step, hung]);
      expect(ended === 'hung' ? 'hung' : ended.status, `attempt ${attempt + 1}`).to.equal('Succeeded');
    }
    await exiting('[Environment]::Exit(5)'); // the writers go with this engine
  });

  it('[Environment]::Exit ends the engine while another thread keeps writing to the console', async () => {
    const script = [
      "$ps = [powershell]::Create(); $null = $ps.AddScript({ while ($true) { [Console]::Out.Write('x') } }); $null = $ps.BeginInvoke()",
      "Start-Sleep -Milliseconds 300; [Console]::Error.WriteLine('fatal: giving up'); [Environment]::Exit(3)",
    ].join('\n');
    const hung = new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 15_000).unref());
    const ended = await Promise.race([exiting(script), hung]);
    expect(ended, 'the engine exited').to.be.instanceOf(EngineUnavailableError);
    expect((ended as EngineUnavailableError).message).to.match(/exited with code 3/);
  });
});
