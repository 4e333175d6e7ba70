// tsseq run through the real engine: the result document, the readable summary and exit codes.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import type { ResultDocument } from '../../src/bridge/protocol.js';
import { cliPath, runCli } from '../support/cli.js';
import { testEngineChoice } from '../support/engine.js';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tempDirectory, writeTempFile } from '../support/tempFiles.js';

describe('tsseq run', function () {
  this.timeout(120_000);

  it('--json prints exactly the result document, listing every step and group', async () => {
    const result = await runCli(['run', 'examples/hello.json', '--json']);
    expect(result.code, result.stderr).to.equal(0);
    const document = JSON.parse(result.stdout) as ResultDocument;
    expect(document).to.include({ status: 'Succeeded', exitCode: 0 });
    expect(document.steps.map((s) => [s.path, s.type, s.status, s.skipReason])).to.deep.equal([
      ['Choose audience', 'SetTaskSequenceVariable', 'Succeeded', undefined],
      ['Compose message', 'SetTaskSequenceVariable', 'Succeeded', undefined],
      ['Say it', 'Group', 'Succeeded', undefined],
      ['Say it/Echo message', 'RunCommandLine', 'Succeeded', undefined],
      ['Say it/Shout it', 'RunPowerShellScript', 'Succeeded', undefined],
      ['Say it/Old greeting', 'RunCommandLine', 'Skipped', 'Disabled'],
      ['Say it/Windows note', 'SetTaskSequenceVariable', 'Skipped', 'ConditionFalse'],
    ]);
    for (const step of document.steps.filter((s) => s.status === 'Succeeded' && s.type !== 'Group')) {
      expect(step.exitCode, step.path).to.equal(0);
      expect(step.durationMs, step.path).to.be.a('number');
      expect(Number.isNaN(Date.parse(step.startedAt ?? '')), step.path).to.equal(false);
    }
    expect(document.variables).to.include({ Message: 'Hello, world!', Shouted: 'HELLO, WORLD!' });
    expect(document.variables.Echoed?.trim()).to.equal('Hello, world!');
    expect(document.variables).not.to.have.property('Note');
  });

  it('--var overrides a document variable (the condition then holds)', async () => {
    const result = await runCli(['run', 'examples/hello.json', '--json', '--var', 'Platform=windows', '--var', 'greeting=Hi']);
    expect(result.code, result.stderr).to.equal(0);
    const document = JSON.parse(result.stdout) as ResultDocument;
    expect(document.steps.find((s) => s.path === 'Say it/Windows note')?.status).to.equal('Succeeded');
    expect(document.variables).to.include({ Note: 'running on Windows', Message: 'Hi, world!' });
  });

  it('prints a readable summary: one indented line per step, then the sequence status', async () => {
    const result = await runCli(['run', 'examples/hello.json']);
    expect(result.code, result.stderr).to.equal(0);
    const lines = result.stdout.split('\n');
    expect(lines.find((l) => /^ {2}Echo message\s+Succeeded\s+exit 0\s+\d/.test(l)), result.stdout).to.be.a('string');
    expect(lines.find((l) => /^ {2}Old greeting\s+Skipped \(Disabled\)/.test(l)), result.stdout).to.be.a('string');
    expect(lines.find((l) => /^Say it\s+Succeeded/.test(l)), result.stdout).to.be.a('string');
    expect(result.stdout).to.match(/^Sequence Succeeded \(exit code 0\)/m);
  });

  it('exits 1 when the sequence fails, with the failing step in the result', async () => {
    const file = writeTempFile('fails.json', {
      name: 'Fails',
      steps: [
        { type: 'RunCommandLine', name: 'Tolerated', commandLine: 'exit 4', continueOnError: true },
        { type: 'RunCommandLine', name: 'Fatal', commandLine: 'exit 5' },
        { type: 'SetTaskSequenceVariable', name: 'Never', variableName: 'A', variableValue: 'b' },
      ],
    });
    const result = await runCli(['run', file, '--json']);
    expect(result.code, result.stderr).to.equal(1);
    const document = JSON.parse(result.stdout) as ResultDocument;
    expect(document.status).to.equal('Failed');
    const byPath = Object.fromEntries(document.steps.map((s) => [s.path, s]));
    expect(byPath.Tolerated).to.include({ status: 'FailedContinued', exitCode: 4 });
    expect(byPath.Fatal).to.include({ status: 'Failed', exitCode: 5 });
    expect(document.variables).not.to.have.property('A');
  });

  it('resolves relative paths against the sequence file folder', async () => {
    const file = writeTempFile('relative.json', {
      name: 'Relative',
      steps: [{ type: 'RunCommandLine', name: 'Pwd', commandLine: 'pwd', outputVariableName: 'Dir' }],
    });
    const result = await runCli(['run', file, '--json'], { cwd: '/' });
    expect(result.code, result.stderr).to.equal(0);
    const document = JSON.parse(result.stdout) as ResultDocument;
    expect(document.variables.Dir?.trim()).to.equal(file.slice(0, file.lastIndexOf('/')));
  });

  it('exits 2 for an invalid or read-only --var name, naming the argument', async () => {
    for (const [assignment, reason] of [
      ['1st=x', /'1st' is not a valid variable name: a name must start with a letter/],
      ['_SMSTSLogPath=/tmp', /Variable '_SMSTSLogPath' is read-only/],
    ] as const) {
      const result = await runCli(['run', 'examples/hello.json', '--json', '--var', assignment]);
      expect(result.code, result.stderr).to.equal(2);
      expect(result.stderr).to.match(new RegExp(`^tsseq: --var '${assignment.slice(0, assignment.indexOf('='))}=…': `));
      expect(result.stderr).to.match(reason);
      expect(result.stdout).to.equal('');
    }
  });

  it('exits 2 when the engine refuses the document variables (TsSequence.InvalidVariable), nothing run', async () => {
    const file = writeTempFile('bad-variable.json', {
      name: 'Bad variable',
      variables: { '9Lives': 'x' },
      steps: [{ type: 'SetTaskSequenceVariable', name: 'Set', variableName: 'A', variableValue: 'b' }],
    });
    const result = await runCli(['run', file, '--json']);
    expect(result.code, result.stderr).to.equal(2);
    expect(result.stderr).to.match(/9Lives/);
    expect(result.stdout).to.equal('');
  });

  it('exits 2 for a document string that is not well-formed Unicode, naming its JSON path', async () => {
    // JSON allows the escape of a lone surrogate; no engine can carry it.
    const file = writeTempFile('lone-surrogate.json', '{"name":"Cut","steps":[{"type":"RunCommandLine","name":"Echo","commandLine":"echo \\ud83d"}]}');
    const result = await runCli(['run', file, '--json']);
    expect(result.code, result.stderr).to.equal(2);
    expect(result.stderr).to.include(`${file}: 1 schema error:\n  $.steps[0].commandLine: is not well-formed Unicode: it has a lone surrogate (U+D83D) at index 5`);
    expect(result.stdout).to.equal('');
  });
});

describe('tsseq run in a folder a script deletes', function () {
  this.timeout(120_000);

  it('keeps the step and the run going when a script removes the folder the engine started in', async () => {
    const launch = mkdtempSync(join(tempDirectory(), 'launch-'));
    const document = writeTempFile(
      'remove-launch.json',
      JSON.stringify({
        name: 'rm',
        steps: [
          { type: 'RunPowerShellScript', name: 'Remove', sourceScript: "Remove-Item -LiteralPath $env:TSSEQ_TEST_LAUNCH -Recurse -Force; $tsenv.Value('Removed') = 'yes'" },
          { type: 'SetTaskSequenceVariable', name: 'After', variableName: 'After', variableValue: 'ok' },
        ],
      }),
    );
    const result = await runCli(['run', document, '--json'], { cwd: launch, env: { TSSEQ_TEST_LAUNCH: launch } });
    expect(result.code, result.stderr).to.equal(0);
    const variables = (JSON.parse(result.stdout) as ResultDocument).variables;
    expect(variables).to.include({ Removed: 'yes', After: 'ok' });
  });
});

describe('tsseq run from a terminal', function () {
  this.timeout(120_000);

  it('tells the engine (which runs in a session of its own) that a user started the run: _SMSTSUserStarted', async function () {
    const hasScript = spawnSync('sh', ['-c', 'command -v script'], { encoding: 'utf8' }).status === 0;
    if (!hasScript) this.skip();
    const document = writeTempFile(
      'user-started.json',
      JSON.stringify({ name: 'u', steps: [{ type: 'RunPowerShellScript', name: 's', sourceScript: "$tsenv.Value('U') = '[' + $tsenv.Value('_SMSTSUserStarted') + ']'" }] }),
    );
    const command = [process.execPath, cliPath, 'run', document, '--json'].map((part) => `'${part.replace(/'/g, "'\\''")}'`).join(' ');
    // script(1) gives the CLI a pseudo-terminal, as a person typing the command has.
    const inTerminal = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, TSSEQ_ENGINE: testEngineChoice } });
    expect(inTerminal.stdout).to.match(/"U": "\[true\]"/);
    const piped = await runCli(['run', document, '--json']);
    expect((JSON.parse(piped.stdout) as ResultDocument).variables.U).to.equal('[]');
  });
});
