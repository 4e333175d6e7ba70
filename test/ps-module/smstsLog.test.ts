// smsts.log through the real engine: every record of a sequence exercising every kind of line
// (groups, skips, failures, continue-on-error, script streams, command output, a secret) is a
// CMTrace record, the engine's per-step lines are there with their components, a secret is in
// neither the log nor the events nor the result, the file is private, rolling keeps
// SMSTSLogMaxHistory files, and _SMSTSLogPath names the folder of the log actually written.
import { expect } from 'chai';
import { chownSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Engine } from '../../src/bridge/Engine.js';
import { EngineRequestError } from '../../src/bridge/errors.js';
import type { EngineEvent } from '../../src/bridge/protocol.js';
import { startTestEngine } from '../support/engine.js';
import { tempDirectory } from '../support/tempFiles.js';

const SECRET = 'Pa55-w0rd-9137';

// One CMTrace record (spec 6.1); a message may span lines.
const RECORD =
  /<!\[LOG\[([\s\S]*?)\]LOG\]!><time="(\d\d):(\d\d):(\d\d)\.(\d{3})([+-]\d{3})" date="(\d\d)-(\d\d)-(\d{4})" component="([A-Za-z]+)" context="" type="([0-3])" thread="(\d+)" file="([^":]+:\d+)">\r?\n/y;

interface LogRecord {
  message: string;
  bias: number;
  component: string;
  type: number;
  file: string;
}

/** Every record of the file, failing when any text is not part of a record. */
function parseLog(text: string): LogRecord[] {
  const records: LogRecord[] = [];
  RECORD.lastIndex = 0;
  while (RECORD.lastIndex < text.length) {
    const at = RECORD.lastIndex;
    const match = RECORD.exec(text);
    if (!match) throw new Error(`not a CMTrace record at offset ${at}: ${JSON.stringify(text.slice(at, at + 200))}`);
    records.push({ message: match[1], bias: Number(match[6]), component: match[10], type: Number(match[11]), file: match[13] });
  }
  return records;
}

const sequence = {
  name: 'Every kind of line',
  steps: [
    { type: 'SetTaskSequenceVariable', name: 'Secret', variableName: 'Pw', variableValue: SECRET, doNotShowVariableValue: true },
    {
      type: 'Group',
      name: 'Work',
      steps: [
        { type: 'RunCommandLine', name: 'Echo', commandLine: 'echo "out %Pw%"; echo "err line" >&2; printf "multi\\nline\\n"' },
        { type: 'RunCommandLine', name: 'Off', disabled: true, commandLine: 'echo never' },
        { type: 'RunCommandLine', name: 'Not here', condition: { variable: 'Nope', operator: 'exists' }, commandLine: 'echo never' },
        {
          type: 'RunPowerShellScript',
          name: 'Streams',
          sourceScript: [
            "'pipeline ' + $tsenv.Value('Pw')",
            "Write-Host 'host line'",
            "Write-Warning 'warning line'",
            "Write-Verbose 'verbose line' -Verbose",
            "Write-Debug 'debug line' -Debug",
            "Write-Error 'error line'",
            "Write-Information 'information line'",
            "[Console]::WriteLine('console ' + $tsenv.Value('Pw'))",
            "Write-Progress -Activity 'Copying' -Status 'half' -PercentComplete 50",
            'Write-Output "ends ]LOG]!> here"',
          ].join('\n'),
        },
        { type: 'RunCommandLine', name: 'Soft failure', continueOnError: true, commandLine: 'echo soft; exit 3' },
        { type: 'RunCommandLine', name: 'Hidden', commandLine: 'echo hidden %Pw%; exit 5' },
        { type: 'RunCommandLine', name: 'Not reached', commandLine: 'echo never' },
      ],
    },
  ],
};

const ROLLED = /^smsts-(\d{8}-\d{6})(?:-(\d+))?\.log$/;

/** A rolled name's place in time: its stamp, then its counter (none is 1). */
function rollOrder(name: string): string {
  const match = ROLLED.exec(name);
  if (!match) throw new Error(`not a rolled log name: ${name}`);
  return `${match[1]}-${(match[2] ?? '1').padStart(9, '0')}`;
}

const runAsRoot = process.platform !== 'win32' && process.getuid?.() === 0;
const NOBODY = 65534;

describe('smsts.log (CMTrace format)', function () {
  this.timeout(120_000);
  let engine: Engine;

  before(async () => {
    ({ engine } = await startTestEngine());
  });

  after(async () => {
    await engine?.close();
  });

  it('writes every line of a run as a CMTrace record, with the per-step lines, and no secret anywhere', async () => {
    const logPath = join(tempDirectory(), 'logs', 'smsts.log');
    const events: EngineEvent[] = [];
    const result = await engine.runSequence(sequence, { logPath, onEvent: (event) => events.push(event) });
    expect(result.status).to.equal('Failed');

    const text = readFileSync(logPath, 'utf8');
    const records = parseLog(text);
    const messages = records.map((record) => record.message);
    const has = (message: string, component = 'TSManager') => {
      const found = records.find((record) => record.message === message);
      expect(found, `a record '${message}' in:\n${messages.join('\n')}`).to.not.equal(undefined);
      expect(found!.component, message).to.equal(component);
      return found!;
    };

    // The engine's lines (spec 6.2).
    has("Start executing an instruction. Instruction name: 'Work'.  Pointer: 1. Type: 'Group'. Disabled: 0");
    has("Start executing an instruction. Instruction name: 'Echo'.  Pointer: 2. Type: 'RunCommandLine'. Disabled: 0");
    has("Start executing an instruction. Instruction name: 'Off'.  Pointer: 3. Type: 'RunCommandLine'. Disabled: 1");
    has('Set a global environment variable _SMSTSCurrentActionName=Echo');
    has('Set a global environment variable _SMSTSNextInstructionPointer=2');
    has('Successfully save execution state and environment to local hard disk');
    expect(has('The execution of the group (Work) has failed and the execution has been aborted. An action failed.').type).to.equal(3);
    has('The group (Work) has been successfully started');
    has('The action (Off) has been skipped because it is disabled');
    has('The action (Not here) has been skipped because the condition was evaluated to be false');
    has('Successfully completed the action (Echo) with the exit win32 code 0');
    expect(has('Failed to run the action: Soft failure. Exit code 3 is not a success code (0, 3010). (Error: 00000003; Source: Windows)').type).to.equal(3);
    expect(has('Task Sequence Engine failed! Code: enExecutionFail').type).to.equal(3);
    // The steps' own lines, under their programs' components.
    has('Executing command line: echo "out ********"; echo "err line" >&2; printf "multi\\nline\\n"', 'InstallSoftware');
    has('Process completed with exit code 0', 'InstallSoftware');
    has('Process completed with exit code 5', 'InstallSoftware');
    has('Process completed with exit code 0', 'InstallSoftware');
    // Command output, line by line; stderr as a warning.
    expect(has('out ********', 'InstallSoftware').file).to.equal('stdout:1');
    expect(has('multi', 'InstallSoftware').file).to.equal('stdout:2');
    const stderr = has('err line', 'InstallSoftware');
    expect([stderr.type, stderr.file]).to.deep.equal([2, 'stderr:1']);
    // Every script stream, with its type.
    const script = (message: string) => has(message, 'SMSTSRunPowerShellScript');
    expect(script('pipeline ********').type).to.equal(1);
    expect(script('host line').file).to.equal('information:1');
    expect(script('warning line').type).to.equal(2);
    expect(script('verbose line').type).to.equal(0);
    expect(script('debug line').type).to.equal(0);
    expect(script('At line 6: error line').type).to.equal(3);
    expect(script('information line').file).to.equal('information:2');
    expect(script('console ********').file).to.equal('stdout:1');
    script('Progress: Copying: half (50%)');
    // A terminator inside a message cannot end its record early.
    script('ends ]LOG]!&gt; here');
    // The engine's lines name their source file and line.
    expect(has('The group (Work) has been successfully started').file).to.match(/^ItemWalker\.cs:\d+$/);

    // ConfigMgr's bias: UTC = local + bias (the engine runs in this process's time zone).
    for (const record of records) expect(record.bias).to.equal(new Date().getTimezoneOffset());

    expect(text).to.not.contain(SECRET);
    expect(JSON.stringify(events)).to.not.contain(SECRET);
    expect(JSON.stringify(result)).to.not.contain(SECRET);
    expect(result.variables._SMSTSLogPath).to.equal(dirname(logPath));
    if (process.platform !== 'win32') {
      expect(statSync(logPath).mode & 0o777).to.equal(0o600);
      expect(statSync(dirname(logPath)).mode & 0o777).to.equal(0o700);
    }
  });

  it('rolls at SMSTSLogMaxSize, keeping SMSTSLogMaxHistory files named smsts-YYYYMMDD-HHMMSS.log', async () => {
    const folder = join(tempDirectory(), 'rolling');
    const logPath = join(folder, 'smsts.log');
    const chatty = {
      name: 'Chatty',
      variables: { SMSTSLogMaxSize: '4096', SMSTSLogMaxHistory: '2' },
      steps: [{ type: 'RunCommandLine', name: 'Print', commandLine: 'for i in $(seq 1 400); do echo "line $i of the chatty step"; done' }],
    };
    const result = await engine.runSequence(chatty, { logPath });
    expect(result.status).to.equal('Succeeded');
    // Many rolls fall in one second: the second and later get a counter (-2, -3 ...).
    const rolled = readdirSync(folder).filter((name) => name !== 'smsts.log').sort((a, b) => rollOrder(a).localeCompare(rollOrder(b)));
    expect(rolled).to.have.length(2);
    for (const name of rolled) {
      expect(name).to.match(ROLLED);
      const file = join(folder, name);
      expect(statSync(file).size).to.be.at.most(4096);
      parseLog(readFileSync(file, 'utf8'));
      if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).to.equal(0o600);
    }
    // No line is lost at a roll: the last rolled file ends where smsts.log starts.
    const numbers = (file: string) =>
      parseLog(readFileSync(file, 'utf8')).flatMap((record) => (/^line (\d+) of/.exec(record.message) ? [Number(/^line (\d+)/.exec(record.message)![1])] : []));
    const before = numbers(join(folder, rolled[1]));
    const current = parseLog(readFileSync(logPath, 'utf8')).map((record) => record.message);
    expect(current).to.include('Task sequence completed 0x00000000');
    const after = numbers(logPath);
    if (after.length > 0) expect(after[0]).to.equal(before[before.length - 1] + 1);
    else expect(before[before.length - 1]).to.equal(400);
  });

  it('rolls past planted names (a far-future one, a link) without waiting for their time, and deletes only its own files', async function () {
    if (process.platform === 'win32') this.skip();
    const folder = join(tempDirectory(), 'planted');
    mkdirSync(folder);
    // Names that sort after any roll of today: the engine used to step one second at a time past them.
    const planted = join(folder, 'smsts-20991231-235959.log');
    writeFileSync(planted, 'planted\n');
    // Another user's file must survive pruning; only root can give a file away (otherwise it is this user's and the engine's link and owner checks are what is tested).
    if (runAsRoot) chownSync(planted, NOBODY, NOBODY);
    const target = join(tempDirectory(), 'target.txt');
    writeFileSync(target, 'target\n');
    const link = join(folder, 'smsts-20991231-235958.log');
    symlinkSync(target, link);
    const result = await engine.runSequence(
      {
        name: 'Planted',
        variables: { SMSTSLogMaxSize: '3000', SMSTSLogMaxHistory: '1' },
        steps: [{ type: 'RunCommandLine', name: 'Print', commandLine: 'for i in $(seq 1 100); do echo "line $i of the planted step"; done' }],
      },
      { logPath: join(folder, 'smsts.log') },
    );
    expect(result.status).to.equal('Succeeded');
    expect(readFileSync(target, 'utf8')).to.equal('target\n');
    expect(lstatSync(link).isSymbolicLink()).to.equal(true);
    if (runAsRoot) {
      expect(readFileSync(planted, 'utf8')).to.equal('planted\n');
      expect(statSync(planted).uid).to.equal(NOBODY);
    }
    // The engine's own rolled files: named for today, the history kept to 1.
    const own = readdirSync(folder).filter((name) => ROLLED.test(name) && !name.startsWith('smsts-2099'));
    expect(own).to.have.length(1);
    expect(parseLog(readFileSync(join(folder, own[0]), 'utf8')).length).to.be.greaterThan(0);
    expect(parseLog(readFileSync(join(folder, 'smsts.log'), 'utf8')).map((record) => record.message)).to.include('Task sequence completed 0x00000000');
  });

  it('refuses an existing log file of another user or with a second hard link, naming it, and leaves it alone', async function () {
    if (process.platform === 'win32') this.skip();
    const folder = tempDirectory();
    const refused = async (logPath: string) => {
      const error = await engine.runSequence({ name: 'Refused', steps: [{ type: 'RunCommandLine', name: 'Never', commandLine: 'echo never' }] }, { logPath }).then(
        () => undefined,
        (caught: unknown) => caught as EngineRequestError,
      );
      expect(error, logPath).to.be.instanceOf(EngineRequestError);
      expect(error!.errorId).to.equal('TsSequence.LogUnavailable');
      expect(error!.message).to.contain(logPath);
      return error!.message;
    };

    // A hard link: the file has another name, which the engine would append to and make private.
    const original = join(folder, 'elsewhere.txt');
    writeFileSync(original, 'data\n', { mode: 0o644 });
    const linked = join(folder, 'linked.log');
    linkSync(original, linked);
    if (process.platform === 'linux') {
      expect(await refused(linked)).to.contain('hard link');
      expect(readFileSync(original, 'utf8')).to.equal('data\n');
      expect(statSync(original).mode & 0o777).to.equal(0o644);
    }

    if (!runAsRoot) return; // Only root can make a file another user's: the owner check is not exercised here.
    const other = join(folder, 'other.log');
    writeFileSync(other, 'data\n', { mode: 0o644 });
    chownSync(other, NOBODY, NOBODY);
    expect(await refused(other)).to.contain('another user');
    expect(readFileSync(other, 'utf8')).to.equal('data\n');
    expect(statSync(other).mode & 0o777).to.equal(0o644);
    // A hard link to it is refused too.
    const otherLinked = join(folder, 'other-linked.log');
    linkSync(other, otherLinked);
    await refused(otherLinked);
    expect(readFileSync(other, 'utf8')).to.equal('data\n');
  });

  it('writes smsts.log in the run folder\'s Logs folder when no log path is given', async () => {
    const result = await engine.runSequence({
      name: 'Default log',
      steps: [{ type: 'RunCommandLine', name: 'Where', commandLine: 'echo "%_SMSTSLogPath%"', outputVariableName: 'Where' }],
    });
    expect(result.status).to.equal('Succeeded');
    const folder = result.variables.Where;
    expect(folder).to.equal(join(result.variables._SMSTSMDataPath, 'Logs'));
    const records = parseLog(readFileSync(join(folder, 'smsts.log'), 'utf8'));
    expect(records.map((record) => record.message)).to.include('Successfully completed the action (Where) with the exit win32 code 0');
  });

  it('writes no log for a single step (invokeStep)', async () => {
    const result = await engine.invokeStep({ type: 'RunCommandLine', name: 'One', commandLine: 'echo "%_SMSTSLogPath%"', outputVariableName: 'Where' });
    expect(result.status).to.equal('Succeeded');
    expect(existsSync(join(result.variables.Where, 'smsts.log'))).to.equal(false);
  });
});
