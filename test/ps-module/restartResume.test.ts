// Restart and resume through the real engine (spec 4, DESIGN 5): every way a step asks for a
// restart ends the run RestartPending (3010) after the step, with the state saved; resume
// continues at the right step with the saved variables, and the result covers the whole run.
// Each step appends a line to a file, proving that no step before the restart runs twice.
import { expect } from 'chai';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from '../../src/bridge/Engine.js';
import { runCli } from '../support/cli.js';
import { startTestEngine } from '../support/engine.js';
import { tempDirectory } from '../support/tempFiles.js';

const unix = process.platform !== 'win32';

describe('restart and resume', function () {
  this.timeout(120_000);
  let engine: Engine;
  const rebootFile = join(tempDirectory(), 'reboot-required');
  const providerFolder = mkdtempSync(join(tempDirectory(), 'provider-'));
  before(async function () {
    // Test hooks: the reboot-required file, and the windows/systemd providers' actions written down instead of done.
    ({ engine } = await startTestEngine({ env: { ...process.env, TSSEQ_REBOOT_REQUIRED_FILE: rebootFile, TSSEQ_RESTART_PROVIDER_TEST_DIR: providerFolder } }));
  });
  after(async function () {
    await engine?.close();
  });

  let count = 0;
  const fresh = () => {
    const folder = join(tempDirectory(), `restart-${++count}`);
    return { state: join(folder, 'state'), journal: join(tempDirectory(), `journal-${count}.txt`) };
  };
  // Run Command Line runs through /bin/sh -c on Unix; %Journal% is the sequence variable holding the file.
  const append = (name: string, line: string) => ({ type: 'RunCommandLine', name, commandLine: `echo ${line} >> "%Journal%"` });
  const lines = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n') : []);
  const statuses = (result: { steps: Array<{ path: string; status: string }> }) => result.steps.map((s) => `${s.path}=${s.status}`);

  async function runAndResume(steps: unknown[], journal: string, state: string, resumes = 1) {
    const first = await engine.runSequence({ name: 'restart test', variables: { Journal: journal }, steps }, { stateDirectory: state });
    const later = [];
    for (let i = 0; i < resumes; i++) later.push(await engine.resumeSequence({ stateDirectory: state }));
    return { first, later, last: later[later.length - 1]! };
  }

  before(function () {
    if (!unix) this.skip(); // the journal steps use sh
  });

  it('a Restart Computer step ends the run RestartPending; resume continues with the next step', async function () {
    const { state, journal } = fresh();
    const { first, last } = await runAndResume(
      [append('One', 'one'), { type: 'Group', name: 'G', steps: [append('Two', 'two'), { type: 'RestartComputer', name: 'Restart', messageTimeout: 0 }, append('Three', 'three')] }, append('Four', 'four')],
      journal,
      state,
    );
    expect(first).to.include({ status: 'RestartPending', exitCode: 3010 });
    expect(statuses(first)).to.deep.equal(['One=Succeeded', 'G=RestartPending', 'G/Two=Succeeded', 'G/Restart=Succeeded']);
    expect(last).to.include({ status: 'Succeeded', exitCode: 0 });
    expect(statuses(last)).to.deep.equal(['One=Succeeded', 'G=Succeeded', 'G/Two=Succeeded', 'G/Restart=Succeeded', 'G/Three=Succeeded', 'Four=Succeeded']);
    expect(lines(journal)).to.deep.equal(['one', 'two', 'three', 'four']);
  });

  it('a PowerShell step exiting 3010 restarts after it; resume runs the next step with the saved variables', async function () {
    const { state, journal } = fresh();
    const script = { type: 'RunPowerShellScript', name: 'Ask', sourceScript: "Add-Content -Path $tsenv.Value('Journal') -Value 'script'; $tsenv.Value('Mark') = 'set before'; exit 3010" };
    const { first, last } = await runAndResume([append('Before', 'before'), script, { type: 'RunCommandLine', name: 'After', commandLine: 'echo "after-%Mark%" >> "%Journal%"' }], journal, state);
    expect(first).to.include({ status: 'RestartPending', exitCode: 3010 });
    expect(first.steps.find((s) => s.path === 'Ask')).to.include({ status: 'Succeeded', exitCode: 3010 });
    expect(last.status).to.equal('Succeeded');
    expect(lines(journal)).to.deep.equal(['before', 'script', 'after-set before']);
    expect(last.variables).to.include({ Mark: 'set before' });
  });

  it('SMSTSRebootRequested with SMSTSRetryRequested runs the same step again after each restart, until it stops asking', async function () {
    const { state, journal } = fresh();
    const loop = {
      type: 'RunPowerShellScript',
      name: 'Loop',
      sourceScript: [
        "$n = [int]$tsenv.Value('Count') + 1",
        "$tsenv.Value('Count') = [string]$n",
        "Add-Content -Path $tsenv.Value('Journal') -Value \"loop $n\"",
        "if ($n -lt 3) { $tsenv.Value('SMSTSRebootRequested') = 'HD'; $tsenv.Value('SMSTSRetryRequested') = 'true' }",
      ].join('\n'),
    };
    const { first, later, last } = await runAndResume([append('Before', 'before'), loop, append('After', 'after')], journal, state, 2);
    expect([first.status, later[0]!.status, last.status]).to.deep.equal(['RestartPending', 'RestartPending', 'Succeeded']);
    expect(lines(journal)).to.deep.equal(['before', 'loop 1', 'loop 2', 'loop 3', 'after']);
    expect(last.variables).to.include({ Count: '3' });
    expect(last.variables).not.to.have.property('SMSTSRebootRequested');
    expect(last.variables).not.to.have.property('SMSTSRetryRequested');
  });

  it('SMSTSRebootRequested alone continues with the next step', async function () {
    const { state, journal } = fresh();
    const ask = { type: 'SetTaskSequenceVariable', name: 'Ask', variableName: 'SMSTSRebootRequested', variableValue: 'HD' };
    const { first, last } = await runAndResume([append('Before', 'before'), ask, append('After', 'after')], journal, state);
    expect(first.status).to.equal('RestartPending');
    expect(last.status).to.equal('Succeeded');
    expect(lines(journal)).to.deep.equal(['before', 'after']);
  });

  it('a Unix command that creates the reboot-required file restarts after it', async function () {
    const { state, journal } = fresh();
    rmSync(rebootFile, { force: true });
    const steps = [append('Before', 'before'), { type: 'RunCommandLine', name: 'Update', commandLine: `echo update >> "%Journal%"; touch "${rebootFile}"` }, append('After', 'after')];
    const first = await engine.runSequence({ name: 'reboot-required', variables: { Journal: journal }, steps }, { stateDirectory: state });
    expect(first).to.include({ status: 'RestartPending', exitCode: 3010 });
    rmSync(rebootFile); // a restart clears /run
    const last = await engine.resumeSequence({ stateDirectory: state });
    expect(last.status).to.equal('Succeeded');
    expect(lines(journal)).to.deep.equal(['before', 'update', 'after']);
  });

  it('a reboot-required file that existed before the step asks for nothing', async function () {
    const { state, journal } = fresh();
    writeFileSync(rebootFile, '');
    const result = await engine.runSequence({ name: 'no restart', variables: { Journal: journal }, steps: [append('Touch', 'touch'), append('After', 'after')] }, { stateDirectory: state });
    rmSync(rebootFile);
    expect(result.status).to.equal('Succeeded');
  });

  it('3010 that is not among successCodes fails the step and asks for no restart', async function () {
    const { state } = fresh();
    const result = await engine.runSequence(
      { name: 'not a success', steps: [{ type: 'RunPowerShellScript', name: 'Ask', sourceScript: 'exit 3010', successCodes: [0] }] },
      { stateDirectory: state },
    );
    expect(result.status).to.equal('Failed');
  });

  it('the systemd provider writes a oneshot unit that resumes the run, enables it and reboots; resume disables it', async function () {
    const { state } = fresh();
    rmSync(join(providerFolder, 'commands.jsonl'), { force: true });
    const result = await engine.runSequence({ name: 'systemd', steps: [{ type: 'RestartComputer', name: 'Restart', messageTimeout: 0 }] }, { stateDirectory: state, restartProvider: 'systemd' });
    expect(result.status).to.equal('RestartPending');
    const runId = result.variables._SMSTSAdvertID;
    const unit = readFileSync(join(providerFolder, `tsseq-resume-${runId}.service`), 'utf8');
    expect(unit).to.match(/^Type=oneshot$/m);
    expect(unit).to.include(`"-StateDirectory" "${state}"`);
    expect(unit).to.include(`"${join(state, 'resume.ps1')}"`);
    const commands = () => readFileSync(join(providerFolder, 'commands.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as string[]);
    expect(commands()).to.deep.equal([['systemctl', 'daemon-reload'], ['systemctl', 'enable', `tsseq-resume-${runId}.service`], ['systemctl', 'reboot']]);
    // The resume script is the same text for every run: the state folder is its argument.
    expect(readFileSync(join(state, 'resume.ps1'), 'utf8')).not.to.include(state);
    await engine.resumeSequence({ stateDirectory: state });
    expect(commands().slice(3)).to.deep.equal([['systemctl', 'disable', `tsseq-resume-${runId}.service`]]);
    expect(existsSync(join(providerFolder, `tsseq-resume-${runId}.service`))).to.equal(false);
  });

  it('refuses a state folder path holding a control character (a newline would add its own line to the systemd unit), writing nothing', async function () {
    const hook = mkdtempSync(join(tempDirectory(), 'provider-nl-'));
    const pwned = join(tempDirectory(), 'pwned');
    const state = join(tempDirectory(), `nl\nExecStartPre=/bin/touch ${pwned}\n`);
    const cli = await runCli(['run', 'examples/restart.json', '--state-dir', state, '--restart-provider', 'systemd'], { env: { TSSEQ_RESTART_PROVIDER_TEST_DIR: hook } });
    expect(cli.code, cli.stderr).to.equal(2);
    expect(cli.stderr).to.contain(`holds a line feed (U+000A) at character ${join(tempDirectory(), 'nl').length + 1}; a state folder's path cannot hold control characters`);
    expect(readdirSync(hook)).to.deep.equal([]);
    expect(existsSync(state)).to.equal(false);
    const refused = await engine.resumeSequence({ stateDirectory: `${state}\t` }).catch((error: Error) => error);
    expect(String(refused)).to.match(/holds a line feed .*cannot hold control characters/);
  });

  it('the windows provider registers a scheduled task running resume.ps1 with the state folder as an argument, then shutdown /r', async function () {
    const { state } = fresh();
    rmSync(join(providerFolder, 'commands.jsonl'), { force: true });
    const result = await engine.runSequence(
      { name: 'windows', steps: [{ type: 'RestartComputer', name: 'Restart', message: 'Back soon "really"', messageTimeout: 30 }] },
      { stateDirectory: state, restartProvider: 'windows' },
    );
    const runId = result.variables._SMSTSAdvertID;
    const commands = readFileSync(join(providerFolder, 'commands.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as string[]);
    expect(commands[0]!.slice(0, 5)).to.deep.equal(['schtasks.exe', '/Create', '/F', '/TN', `tsseq-resume-${runId}`]);
    expect(commands[0]![6]).to.include(`-StateDirectory ${state}`);
    expect(commands[1]).to.deep.equal(['shutdown.exe', '/r', '/t', '30', '/c', 'Back soon "really"']);
  });

  it('hands the restart message to the provider masked (shutdown.exe /c), and the test hook writes its files 0600', async function () {
    const { state } = fresh();
    const secret = 'Quartz-77123-hidden';
    rmSync(join(providerFolder, 'commands.jsonl'), { force: true });
    await engine.runSequence(
      { name: 'windows', steps: [{ type: 'RestartComputer', name: 'Restart', message: 'restart %Pw%', messageTimeout: 0 }] },
      { stateDirectory: state, restartProvider: 'windows', variables: { Pw: secret }, secrets: ['Pw'] },
    );
    const recorded = readFileSync(join(providerFolder, 'commands.jsonl'), 'utf8');
    expect(recorded).to.not.contain(secret);
    const commands = recorded.trim().split('\n').map((l) => JSON.parse(l) as string[]);
    expect(commands[1]).to.deep.equal(['shutdown.exe', '/r', '/t', '0', '/c', 'restart ********']);
    expect(statSync(join(providerFolder, 'commands.jsonl')).mode & 0o777).to.equal(0o600);
    const systemd = await engine.runSequence({ name: 'systemd', steps: [{ type: 'RestartComputer', name: 'Restart', messageTimeout: 0 }] }, { stateDirectory: fresh().state, restartProvider: 'systemd' });
    expect(statSync(join(providerFolder, `tsseq-resume-${systemd.variables._SMSTSAdvertID}.service`)).mode & 0o777).to.equal(0o600);
  });
});
