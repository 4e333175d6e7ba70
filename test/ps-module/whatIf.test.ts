// What-if (issue 7 item 9), run by the real engine: the walk, the conditions and the expansion
// are real; no step runs, nothing outside the run's memory changes, and the steps that would
// have run have status WhatIf (never Succeeded with exit code 0). Through the bridge and through
// Invoke-TsSequence -WhatIf (one -File run of the embedded engine).
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Engine } from '../../src/bridge/Engine.js';
import type { EngineEvent } from '../../src/bridge/protocol.js';
import { paths } from '../../src/bridge/paths.js';
import { startTestEngine, testEngineChoice } from '../support/engine.js';

function whatIfDocument() {
  return {
    name: 'What if',
    variables: { Token: 'Wh4tIf-Secret-Value' },
    steps: [
      { type: 'RunCommandLine', name: 'Touch', commandLine: 'touch made-by-command.txt' },
      { type: 'RunPowerShellScript', name: 'Script', sourceScript: "Set-Content -Path made-by-script.txt -Value x\n$tsenv.Value('FromScript') = 'x'" },
      { type: 'SetTaskSequenceVariable', name: 'Role', variableName: 'Role', variableValue: 'kiosk' },
      {
        type: 'Group',
        name: 'Kiosk',
        condition: { variable: 'Role', operator: 'equals', value: 'kiosk' },
        steps: [{ type: 'RunCommandLine', name: 'Uses token', commandLine: 'echo %Token% > token.txt' }],
      },
      { type: 'RunCommandLine', name: 'Never', commandLine: 'touch never.txt', condition: { variable: 'Role', operator: 'equals', value: 'server' } },
      { type: 'RunCommandLine', name: 'Off', commandLine: 'touch off.txt', disabled: true },
    ],
  };
}

describe('what-if runs', function () {
  let engine: Engine;
  let scratch: string;
  before(async function () {
    ({ engine } = await startTestEngine());
    scratch = realpathSync(mkdtempSync(join(tmpdir(), 'tsseq-whatif-')));
  });
  after(async function () {
    await engine?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('reports every step as WhatIf with what it would do, runs nothing and changes no file', async function () {
    const events: EngineEvent[] = [];
    const result = await engine.runSequence(whatIfDocument(), { baseDirectory: scratch, whatIf: true, secrets: ['Token'], onEvent: (event) => events.push(event) });
    const byPath = Object.fromEntries(result.steps.map((step) => [step.path, step]));
    for (const path of ['Touch', 'Script', 'Role', 'Kiosk', 'Kiosk/Uses token']) {
      expect(byPath[path]!.status, path).to.equal('WhatIf');
      expect(byPath[path]!.exitCode, path).to.equal(null);
    }
    expect(result.steps.some((step) => step.status === 'Succeeded')).to.equal(false);
    expect(byPath.Touch!.message).to.equal("What if: would run the command line 'touch made-by-command.txt'");
    expect(byPath.Script!.message).to.equal('What if: would run an inline script of 2 lines');
    // The variable is set in memory, so the group's condition saw it; the other condition is false.
    expect(byPath.Never).to.deep.include({ status: 'Skipped', skipReason: 'ConditionFalse' });
    expect(byPath.Off).to.deep.include({ status: 'Skipped', skipReason: 'Disabled' });
    // Expanded, and masked like every message.
    expect(byPath['Kiosk/Uses token']!.message).to.equal("What if: would run the command line 'echo ******** > token.txt'");
    expect(JSON.stringify({ result, events })).to.not.contain('Wh4tIf-Secret-Value');
    expect(result.variables).to.not.have.property('FromScript');
    expect(readdirSync(scratch)).to.deep.equal([]);
  });

  it('fails a step it could not run in a real run either (an action variable that does not fit)', async function () {
    const result = await engine.runSequence(
      { name: 'bad', variables: { SuccessCodes: 'none' }, steps: [{ type: 'RunCommandLine', name: 'Bad', commandLine: 'touch bad.txt' }] },
      { baseDirectory: scratch, whatIf: true },
    );
    expect(result.status).to.equal('Failed');
    expect(result.steps[0]!.status).to.equal('Failed');
    expect(existsSync(join(scratch, 'bad.txt'))).to.equal(false);
  });

  it('Invoke-TsSequence -WhatIf reports WhatIf steps and creates nothing', function () {
    if (testEngineChoice !== 'embedded') this.skip();
    this.timeout(120_000);
    const driver = join(paths.root, 'test', 'ps-module', 'fixtures', 'with-module.ps1');
    const script = `
      $document = $env:TSSEQ_TEST_DOCUMENT | ConvertFrom-Json
      $result = Invoke-TsSequence -InputObject $document -BaseDirectory $env:TSSEQ_TEST_SCRATCH -WhatIf
      'STATUSES=' + (($result.steps | ForEach-Object { $_.path + ':' + $_.status }) -join '|')
    `;
    const run = spawnSync('dotnet', [paths.embeddedHostDll, '-NoProfile', '-NonInteractive', '-File', driver, '-ModulePath', paths.moduleManifest, '-Script', script], {
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, NO_COLOR: '1', TSSEQ_TEST_DOCUMENT: JSON.stringify(whatIfDocument()), TSSEQ_TEST_SCRATCH: scratch },
    });
    expect(run.stderr).to.equal('');
    const statuses = /^STATUSES=(.*)$/m.exec(run.stdout)?.[1] ?? '';
    expect(statuses).to.equal('Touch:WhatIf|Script:WhatIf|Role:WhatIf|Kiosk:WhatIf|Kiosk/Uses token:WhatIf|Never:Skipped|Off:Skipped');
    expect(readdirSync(scratch)).to.deep.equal([]);
  });
});
