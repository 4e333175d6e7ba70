// A script's errors in the step's message, the log and the CLI: every error record, in order,
// with its line and position in the script; parse errors one by one; secrets masked throughout.
import { expect } from 'chai';
import type { Engine } from '../../src/bridge/Engine.js';
import type { EngineEvent } from '../../src/bridge/protocol.js';
import { runCli } from '../support/cli.js';
import { startTestEngine } from '../support/engine.js';
import { writeTempFile } from '../support/tempFiles.js';

const SECRET = 'Err0r-Secret-91';

describe('script errors in step messages', function () {
  let engine: Engine;
  before(async function () {
    ({ engine } = await startTestEngine());
  });
  after(async function () {
    await engine?.close();
  });

  const script = (sourceScript: string) => ({ type: 'RunPowerShellScript' as const, name: 'Script', sourceScript });

  it('lists every error of a failing script with its line and char, the one that stopped it first', async function () {
    // Regression: only the first error was shown.
    const result = await engine.invokeStep(
      script(["Write-Error 'first problem'", 'function Check { Write-Error "second problem" }', 'Check', "  Get-Item -Path '/no/such/tsseq/path'", "throw 'stopped here'"].join('\n')),
    );
    expect(result.status).to.equal('Failed');
    expect(result.exitCode).to.equal(1);
    expect(result.message!.split('\n')).to.deep.equal([
      'The script failed at line 5, char 1: stopped here',
      'Errors reported before it:',
      'At line 1: first problem',
      'At line 3, char 1: second problem',
      "At line 4, char 3: Cannot find path '/no/such/tsseq/path' because it does not exist.",
    ]);
  });

  it('lists every error of a script that completed despite them, and the step still succeeds (-File semantics)', async function () {
    const result = await engine.invokeStep(script("Write-Error 'one'\n$x = 1 / 0\n'after'"));
    expect(result.status).to.equal('Succeeded');
    expect(result.message!.split('\n')).to.deep.equal(['The script completed but reported 2 error(s):', 'At line 1: one', 'At line 2, char 1: Attempted to divide by zero.']);
  });

  it('lists each parse error of a script that could not be parsed', async function () {
    const result = await engine.invokeStep(script("'fine'\n$list = (1,\nif ($x {"));
    expect(result.status).to.equal('Failed');
    const lines = result.message!.split('\n');
    expect(lines[0]).to.equal('The script could not be parsed, so none of it ran:');
    expect(lines.length).to.be.above(2);
    expect(lines.slice(1).every((line) => /^At line \d+, char \d+: \S/.test(line))).to.equal(true);
    expect(lines).to.include("At line 2, char 12: Missing expression after ','.");
    // The temporary file an inline script runs from means nothing to its author.
    expect(result.message).to.not.contain('tsseq-script-');
  });

  it('names the error from a terminating .NET exception with its position', async function () {
    const result = await engine.invokeStep(script("$ErrorActionPreference = 'Stop'\n\n[int]::Parse('not a number')"));
    expect(result.status).to.equal('Failed');
    expect(result.message).to.match(/^The script failed at line 3, char 1: Exception calling "Parse" with "1" argument\(s\): /);
  });

  it('bounds the message past 50 errors, saying how many more; the log has every one', async function () {
    const events: EngineEvent[] = [];
    const result = await engine.invokeStep(script("1..60 | ForEach-Object { Write-Error \"problem $_\" }"), { onEvent: (event) => events.push(event) });
    expect(result.status).to.equal('Succeeded');
    const lines = result.message!.split('\n');
    expect(lines[0]).to.equal('The script completed but reported 60 error(s):');
    expect(lines).to.have.length(52);
    expect(lines[50]).to.equal('At line 1: problem 50');
    expect(lines[51]).to.equal('... and 10 more error(s); the log lists every one.');
    // Each error is a line of the step's output (the log and an output event) as it happens.
    const logged = events.filter((event) => event.kind === 'output' && event.stream === 'error');
    expect(logged).to.have.length(60);
    expect((logged[59] as unknown as { text: string }).text).to.equal('At line 1: problem 60');
  });

  it('masks secret values in every error line, in the result and the log', async function () {
    const events: EngineEvent[] = [];
    const result = await engine.invokeStep(script("Write-Error \"login $($tsenv.Value('Pw')) refused\"\nthrow \"still $($tsenv.Value('Pw'))\""), {
      variables: { Pw: SECRET },
      secrets: ['Pw'],
      onEvent: (event) => events.push(event),
    });
    expect(result.status).to.equal('Failed');
    expect(result.message).to.contain('At line 1: login ******** refused');
    expect(result.message).to.contain('The script failed at line 2, char 1: still ********');
    expect(JSON.stringify(result)).to.not.contain(SECRET);
    expect(JSON.stringify(events)).to.not.contain(SECRET);
  });

  it('masks a secret that spans lines or has edge spaces, in error lines, the result and the log', async function () {
    const key = '  -----BEGIN KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n-----END KEY-----  ';
    const events: EngineEvent[] = [];
    const result = await engine.invokeStep(script("Write-Error \"bad key: $($tsenv.Value('Key'))\"\nthrow \"still $($tsenv.Value('Key'))\""), {
      variables: { Key: key },
      secrets: ['Key'],
      onEvent: (event) => events.push(event),
    });
    expect(result.status).to.equal('Failed');
    expect(result.message).to.contain('bad key: ********');
    for (const part of ['BEGIN KEY', 'MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu', 'END KEY']) {
      expect(JSON.stringify(result), part).to.not.contain(part);
      expect(JSON.stringify(events), part).to.not.contain(part);
    }
  });

  it('does not fail a script that probes for a command with Get-Command (only a call of a missing command does)', async function () {
    const result = await engine.invokeStep(script("if (-not (Get-Command tsseq-no-such-tool)) { $tsenv.Value('Fallback') = 'used' }"));
    expect(result.status, result.message).to.equal('Succeeded');
    expect(result.variables.Fallback).to.equal('used');
    const called = await engine.invokeStep(script('tsseq-no-such-tool --version'));
    expect(called.status).to.equal('Failed');
    expect(called.message).to.contain('tsseq-no-such-tool');
  });

  it('shows every error line in the tsseq run summary, and the whole message in --json', async function () {
    const long = 'y'.repeat(180);
    const file = writeTempFile('errors.json', {
      name: 'Errors',
      variables: {},
      steps: [
        {
          type: 'RunPowerShellScript',
          name: 'Noisy',
          sourceScript: `Write-Error 'first of three'\nWrite-Error '${long}'\nthrow 'the end'`,
        },
      ],
    });
    const summary = await runCli(['run', file]);
    expect(summary.code, summary.stderr).to.equal(1);
    const lines = summary.stdout.split('\n');
    const row = lines.findIndex((line) => line.startsWith('Noisy'));
    expect(lines[row]).to.match(/The script failed at line 3, char 1: the end$/);
    expect(lines[row + 1]).to.equal('    Errors reported before it:');
    expect(lines[row + 2]).to.equal('    At line 1: first of three');
    // The long message arrives whole, wrapped under the step instead of cut.
    expect(summary.stdout.replace(/\s+/g, '')).to.contain(`Atline2:${long}`);
    expect(summary.stdout).to.not.contain('…');

    const json = await runCli(['run', file, '--json']);
    const document = JSON.parse(json.stdout) as { steps: Array<{ path: string; message: string }> };
    expect(document.steps.find((step) => step.path === 'Noisy')!.message).to.equal(
      `The script failed at line 3, char 1: the end\nErrors reported before it:\nAt line 1: first of three\nAt line 2: ${long}`,
    );
  });
});
