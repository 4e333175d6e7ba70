// Step output goes somewhere: a command's stdout/stderr and every stream of a script arrive as
// 'output' events with the step's path and stream while the step still runs (the steps below
// wait for a file the test creates only when it has seen their first line), masked; a failed
// step's result carries its last 20 lines (outputTail, masked), a succeeded one none; and
// Invoke-TsSequence -Verbose shows the lines.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from '../../src/bridge/Engine.js';
import { paths } from '../../src/bridge/paths.js';
import type { EngineEvent, OutputEvent } from '../../src/bridge/protocol.js';
import { runCli } from '../support/cli.js';
import { startTestEngine, testEngineChoice } from '../support/engine.js';
import { tempDirectory } from '../support/tempFiles.js';

const SECRET = 'Out-Secret-5521';

describe('step output: events, tail, -Verbose', function () {
  this.timeout(120_000);
  let engine: Engine;

  before(async () => {
    ({ engine } = await startTestEngine());
  });

  after(async () => {
    await engine?.close();
  });

  it('sends each line as an output event with path and stream while the step runs, masked', async () => {
    const folder = tempDirectory();
    const commandFlag = join(folder, 'command-go');
    const scriptFlag = join(folder, 'script-go');
    const events: EngineEvent[] = [];
    const onEvent = (event: EngineEvent) => {
      events.push(event);
      // Only a line that arrived while its step runs lets that step finish.
      if (event.kind === 'output' && event.text === 'ready') writeFileSync(event.path === 'Wait/Command' ? commandFlag : scriptFlag, '');
    };
    const result = await engine.runSequence(
      {
        name: 'Live output',
        variables: { CommandFlag: commandFlag, ScriptFlag: scriptFlag },
        steps: [
          { type: 'SetTaskSequenceVariable', name: 'Secret', variableName: 'Pw', variableValue: SECRET, doNotShowVariableValue: true },
          {
            type: 'Group',
            name: 'Wait',
            steps: [
              { type: 'RunCommandLine', name: 'Command', timeoutMinutes: 1, commandLine: 'echo ready; while [ ! -f "%CommandFlag%" ]; do sleep 0.05; done; echo "pw %Pw%"; echo oops >&2' },
              {
                type: 'RunPowerShellScript',
                name: 'Script',
                timeoutMinutes: 1,
                parameters: '-Flag "%ScriptFlag%"',
                sourceScript: [
                  'param($Flag)',
                  "'ready'",
                  'while (-not (Test-Path -LiteralPath $Flag)) { Start-Sleep -Milliseconds 50 }',
                  "'pw ' + $tsenv.Value('Pw')",
                  "Write-Warning 'careful'",
                  "Write-Verbose 'details' -Verbose",
                  "Write-Debug 'internals' -Debug",
                  "Write-Host 'shown'",
                  "Write-Error 'broken'",
                ].join('\n'),
              },
            ],
          },
        ],
      },
      { onEvent },
    );
    expect(result.status, JSON.stringify(result.steps)).to.equal('Succeeded');
    const output = (path: string) => events.filter((event): event is OutputEvent => event.kind === 'output' && event.path === path).map((event) => [event.stream, event.text]);
    // stdout and stderr are read by a thread each: in order within a stream.
    expect(output('Wait/Command').filter(([stream]) => stream === 'stdout')).to.deep.equal([
      ['stdout', 'ready'],
      ['stdout', 'pw ********'],
    ]);
    expect(output('Wait/Command').filter(([stream]) => stream === 'stderr')).to.deep.equal([['stderr', 'oops']]);
    expect(output('Wait/Script')).to.deep.equal([
      ['output', 'ready'],
      ['output', 'pw ********'],
      ['warning', 'careful'],
      ['verbose', 'details'],
      ['debug', 'internals'],
      ['information', 'shown'],
      ['error', 'At line 9: broken'],
    ]);
    // Each step's lines come between its start and its end.
    for (const path of ['Wait/Command', 'Wait/Script']) {
      const started = events.findIndex((event) => event.kind === 'stepStarted' && event.path === path);
      const finished = events.findIndex((event) => event.kind === 'stepFinished' && event.path === path);
      const lines = events.flatMap((event, index) => (event.kind === 'output' && event.path === path ? [index] : []));
      expect(Math.min(...lines)).to.be.above(started);
      expect(Math.max(...lines)).to.be.below(finished);
    }
    expect(JSON.stringify(events)).to.not.contain(SECRET);
  });

  it("keeps a failed step's last 20 lines in its result (masked), and none for a step that succeeded", async () => {
    const result = await engine.runSequence({
      name: 'Tail',
      steps: [
        { type: 'SetTaskSequenceVariable', name: 'Secret', variableName: 'Pw', variableValue: SECRET, doNotShowVariableValue: true },
        { type: 'RunCommandLine', name: 'Fine', commandLine: 'echo fine' },
        { type: 'RunCommandLine', name: 'Soft', continueOnError: true, commandLine: 'for i in $(seq 1 30); do echo "line $i"; done; exit 2' },
        // Its own step: stdout and stderr are read by a thread each, so their order in one tail is a race.
        { type: 'RunCommandLine', name: 'Complains', continueOnError: true, commandLine: 'echo "bad %Pw%" >&2; exit 2' },
        { type: 'RunPowerShellScript', name: 'Script', sourceScript: "'before'; Write-Warning 'last warning'; exit 7" },
      ],
    });
    const step = (path: string) => result.steps.find((entry) => entry.path === path)!;
    expect(step('Fine').outputTail).to.equal(undefined);
    const soft = step('Soft');
    expect(soft.status).to.equal('FailedContinued');
    expect(soft.outputTail).to.equal(Array.from({ length: 20 }, (_, i) => `line ${i + 11}`).join('\n'));
    expect(step('Complains').outputTail).to.equal('STDERR: bad ********');
    expect(step('Script').outputTail).to.equal('before\nWARNING: last warning');
    expect(JSON.stringify(result)).to.not.contain(SECRET);
  });

  it('masks a secret that spans lines of a command\'s output in the log and the events', async () => {
    const logPath = join(tempDirectory(), 'multi-line', 'smsts.log');
    const events: EngineEvent[] = [];
    const result = await engine.runSequence(
      {
        name: 'Key',
        steps: [
          { type: 'SetTaskSequenceVariable', name: 'Key', variableName: 'Key', variableValue: 'KEY-LINE-ONE\nKEY-LINE-TWO', doNotShowVariableValue: true },
          { type: 'RunCommandLine', name: 'Print', commandLine: "echo before; echo '%Key%'; echo after" },
        ],
      },
      { logPath, onEvent: (event) => events.push(event) },
    );
    expect(result.status).to.equal('Succeeded');
    const lines = events.filter((event): event is OutputEvent => event.kind === 'output').map((event) => event.text);
    expect(lines).to.deep.equal(['before', '********', 'after']);
    for (const text of [JSON.stringify(events), readFileSync(logPath, 'utf8')]) {
      expect(text).to.not.contain('KEY-LINE-ONE');
      expect(text).to.not.contain('KEY-LINE-TWO');
    }
  });

  // The pauses let the engine pump (~100 ms) between the pieces: it must still hold the start of
  // the secret back, not show it, and mask the whole line once it ends.
  const SPLIT = 'Hunter2Secret';
  const splitSteps = [
    { type: 'SetTaskSequenceVariable', name: 'Secret', variableName: 'Pw', variableValue: SPLIT, doNotShowVariableValue: true },
    { type: 'RunCommandLine', name: 'Pieces', commandLine: "printf Hunt; sleep 0.5; printf 'er2Secret\\n'; printf 'x Hun'; sleep 0.5; printf ter2; sleep 0.5; printf 'Secret y\\n'; printf 'tail Hunt'; sleep 0.5" },
  ];

  it('masks a secret written in pieces (two and three writes) in the events and the log, whole', async () => {
    const logPath = join(tempDirectory(), 'split', 'smsts.log');
    const events: EngineEvent[] = [];
    const result = await engine.runSequence({ name: 'Split', steps: splitSteps }, { logPath, onEvent: (event) => events.push(event) });
    expect(result.status, JSON.stringify(result.steps)).to.equal('Succeeded');
    const lines = events.filter((event): event is OutputEvent => event.kind === 'output' && event.path === 'Pieces').map((event) => event.text);
    // A held start of a secret that no secret follows is shown, as it is, when the step ends.
    expect(lines).to.deep.equal(['********', 'x ******** y', 'tail Hunt']);
    const log = readFileSync(logPath, 'utf8');
    expect(log).to.contain('LOG[********]LOG]');
    expect(log).to.contain('LOG[x ******** y]LOG]');
    for (const text of [JSON.stringify(events), log, JSON.stringify(result)]) {
      expect(text).to.not.contain(SPLIT);
      expect(text).to.not.contain('ter2Secret');
    }
  });

  it('masks a secret written in pieces in tsseq run -v output and its log', async () => {
    const folder = tempDirectory();
    const logPath = join(folder, 'smsts.log');
    const file = join(folder, 'split.json');
    writeFileSync(file, JSON.stringify({ name: 'Split', steps: splitSteps }));
    const run = await runCli(['run', file, '-v', '--no-state', '--log', logPath]);
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stdout).to.contain('[Pieces] ********\n');
    expect(run.stdout).to.contain('[Pieces] x ******** y\n');
    for (const text of [run.stdout, run.stderr, readFileSync(logPath, 'utf8')]) {
      expect(text).to.not.contain(SPLIT);
    }
  });

  it('shows the lines with Invoke-TsSequence -Verbose', function () {
    if (testEngineChoice !== 'embedded') this.skip();
    const driver = join(paths.root, 'test', 'ps-module', 'fixtures', 'with-module.ps1');
    const script = `
      $sequence = @{ name = 'v'; steps = @(
        @{ type = 'SetTaskSequenceVariable'; name = 'Secret'; variableName = 'Pw'; variableValue = '${SPLIT}'; doNotShowVariableValue = $true },
        @{ type = 'RunCommandLine'; name = 'Split'; commandLine = 'printf Hunt; sleep 0.5; printf er2Secret; echo' },
        @{ type = 'RunCommandLine'; name = 'Cmd'; commandLine = 'echo from-command; echo to-stderr >&2' },
        @{ type = 'RunPowerShellScript'; name = 'Ps'; sourceScript = "'from-script'; Write-Warning 'from-warning'" }) }
      $lines = @(Invoke-TsSequence -InputObject $sequence -Verbose 4>&1 3>$null | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object { $_.Message })
      'LINES=' + ($lines -join '|')
    `;
    const run = spawnSync('dotnet', [paths.embeddedHostDll, '-NoProfile', '-NonInteractive', '-File', driver, '-ModulePath', paths.moduleManifest, '-Script', script], {
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(run.stderr).to.equal('');
    const lines = /^LINES=(.*)$/m.exec(run.stdout)?.[1].split('|') ?? [];
    expect(lines).to.include.members(['[Split] ********', '[Cmd] from-command', '[Cmd] stderr: to-stderr', '[Ps] from-script', '[Ps] warning: from-warning']);
    expect(run.stdout).to.not.contain(SPLIT);
  });
});
