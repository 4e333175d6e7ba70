// Action variables (spec 3.1, 3.3), run by the real engine: a step's options are published under
// their ConfigMgr variable names while it runs, and a variable of that name set earlier wins.
import { expect } from 'chai';
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Engine } from '../../src/bridge/Engine.js';
import type { EngineEvent } from '../../src/bridge/protocol.js';
import { startTestEngine } from '../support/engine.js';

describe('action variables', function () {
  let engine: Engine;
  let scratch: string;
  before(async function () {
    ({ engine } = await startTestEngine());
    scratch = realpathSync(mkdtempSync(join(tmpdir(), 'tsseq-action-')));
  });
  after(async function () {
    await engine?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  const script = (sourceScript: string, extra: Record<string, unknown> = {}) => ({ type: 'RunPowerShellScript', name: 'Script', sourceScript, ...extra });

  it("publishes a step's options under their ConfigMgr names while it runs, and removes them after", async function () {
    const result = await engine.runSequence({
      name: 'publish',
      steps: [
        script("$tsenv.Value('Seen') = $tsenv.Value('OSDRunPowerShellScriptOutputVariableName') + '|' + $tsenv.Value('OSDRunPowerShellScriptExecutionPolicy') + '|' + $tsenv.Value('SMSTSRunPowerShellWorkingDirectory')", {
          outputVariableName: 'Out',
          workingDirectory: scratch,
        }),
      ],
    });
    expect(result.status).to.equal('Succeeded');
    expect(result.variables.Seen).to.equal(`Out|Bypass|${scratch}`);
    expect(result.variables).to.not.have.property('OSDRunPowerShellScriptOutputVariableName');
    expect(result.variables).to.not.have.property('SMSTSRunPowerShellWorkingDirectory');
  });

  it('lets a variable set earlier override the step\'s own value, for every later step of that type', async function () {
    const result = await engine.runSequence({
      name: 'override',
      variables: { WorkingDirectory: scratch },
      steps: [
        { type: 'RunCommandLine', name: 'First', commandLine: 'pwd', outputVariableName: 'First', workingDirectory: '/' },
        { type: 'RunCommandLine', name: 'Second', commandLine: 'pwd', outputVariableName: 'Second' },
      ],
    });
    expect(result.status).to.equal('Succeeded');
    expect(result.variables.First).to.equal(scratch);
    expect(result.variables.Second).to.equal(scratch);
    // The user's variable is theirs: it stays.
    expect(result.variables.WorkingDirectory).to.equal(scratch);
  });

  it('splits and binds a parameters string held in OSDRunPowerShellScriptParameters like a literal one', async function () {
    const result = await engine.runSequence({
      name: 'parameters',
      steps: [
        { type: 'SetTaskSequenceVariable', name: 'Params', variableName: 'OSDRunPowerShellScriptParameters', variableValue: "-Name 'two words' -Count 3 -Flag" },
        script("param([string]$Name, [int]$Count, [switch]$Flag) $tsenv.Value('Got') = \"$Name/$($Count + 1)/$Flag\"", { parameters: '-Name ignored' }),
      ],
    });
    expect(result.status, JSON.stringify(result.steps)).to.equal('Succeeded');
    expect(result.variables.Got).to.equal('two words/4/True');
  });

  it('reads a list of exit codes from the variable (SuccessCodes) and a switch from true/false', async function () {
    const result = await engine.runSequence({
      name: 'codes',
      variables: { SuccessCodes: '0 7' },
      steps: [{ type: 'RunCommandLine', name: 'Seven', commandLine: 'exit 7' }],
    });
    expect(result.steps[0]!.status).to.equal('Succeeded');
    expect(result.steps[0]!.exitCode).to.equal(7);
  });

  it('fails the step, naming the variable, when its text does not fit the option', async function () {
    const result = await engine.runSequence(
      {
        name: 'bad',
        variables: { SuccessCodes: '0 three' },
        steps: [{ type: 'RunCommandLine', name: 'Bad', commandLine: 'echo never > never.txt' }],
      },
      { baseDirectory: scratch },
    );
    expect(result.steps[0]!.status).to.equal('Failed');
    expect(result.steps[0]!.message).to.contain('SuccessCodes').and.to.contain('list of whole numbers');
    expect(existsSync(join(scratch, 'never.txt'))).to.equal(false);
  });

  it('never takes code from a variable: neither sourceScript nor commandLine (a step output named CommandLine included)', async function () {
    const result = await engine.runSequence(
      {
        name: 'code',
        variables: { OSDRunPowerShellScriptSourceScript: "$tsenv.Value('Hijacked') = 'yes'" },
        steps: [
          script("$tsenv.Value('Ran') = 'own'"),
          { type: 'RunCommandLine', name: 'Output', commandLine: 'echo touch hijacked.txt', outputVariableName: 'CommandLine' },
          { type: 'RunCommandLine', name: 'Own', commandLine: 'echo own', outputVariableName: 'Own' },
        ],
      },
      { baseDirectory: scratch },
    );
    expect(result.status, JSON.stringify(result.steps)).to.equal('Succeeded');
    expect(result.variables.Ran).to.equal('own');
    expect(result.variables).to.not.have.property('Hijacked');
    expect(result.variables.CommandLine).to.equal('touch hijacked.txt');
    expect(result.variables.Own).to.equal('own');
    expect(existsSync(join(scratch, 'hijacked.txt'))).to.equal(false);
  });

  it('masks a secret option published as a variable, and logs "Set a local default variable"', async function () {
    const events: EngineEvent[] = [];
    const result = await engine.runSequence(
      {
        name: 'secret',
        steps: [
          script("$tsenv.Value('Copy') = $tsenv.Value('SMSTSRunPowerShellUserName'); $tsenv.Value('Pw') = $tsenv.Value('SMSTSRunPowerShellUserPassword')", {
            userName: 'alice',
            userPassword: 'Pa55-w0rd-Only-Here',
          }),
        ],
      },
      { onEvent: (event) => events.push(event) },
    );
    // runAsUser is off, so userName and userPassword are only published; the log names the variables.
    expect(result.variables.Copy).to.equal('alice');
    expect(result.variables.Pw).to.equal('********');
    expect(JSON.stringify({ result, events })).to.not.contain('Pa55-w0rd-Only-Here');
    const logs = events.filter((event) => event.kind === 'log').map((event) => String((event as { message?: string }).message));
    expect(logs).to.include('Set a local default variable SMSTSRunPowerShellUserName');
  });
});
