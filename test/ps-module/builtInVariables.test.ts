// The built-in read-only variables (spec 3.1), as a task sequence script reads them through
// $tsenv, through the real engine driven from Node. The engine gets its own data folder
// (XDG_DATA_HOME) so the run folders it makes can be inspected and leave nothing behind.
import { expect } from 'chai';
import { createHmac } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Engine } from '../../src/bridge/Engine.js';
import { startTestEngine } from '../support/engine.js';
import { tempDirectory } from '../support/tempFiles.js';

const isWindows = process.platform === 'win32';

/** A Run PowerShell Script step that stores every "_" variable it sees, as JSON, in Seen. */
const readBuiltIns = (name = 'Read') => ({
  type: 'RunPowerShellScript' as const,
  name,
  sourceScript: [
    '$seen = [ordered]@{}',
    "foreach ($n in $tsenv.GetVariables()) { if ($n.StartsWith('_')) { $seen[$n] = $tsenv.Value($n) } }",
    "$seen['LogFolderExists'] = [string](Test-Path -LiteralPath $tsenv.Value('_SMSTSLogPath') -PathType Container)",
    "$tsenv.Value('Seen') = $seen | ConvertTo-Json -Compress",
  ].join('\n'),
});

const seen = (variables: Record<string, string>): Record<string, string> => JSON.parse(variables.Seen!) as Record<string, string>;

/** What MachineIdentity derives: systemd's app-specific id (HMAC-SHA256 keyed by the machine id), as a v4 UUID. */
function expectedClientGuid(): string {
  const file = ['/etc/machine-id', '/var/lib/dbus/machine-id'].find((path) => existsSync(path) && /^[0-9a-f]{32}$/.test(readFileSync(path, 'utf8').trim()));
  if (file === undefined) return '';
  const hash = createHmac('sha256', Buffer.from(readFileSync(file, 'utf8').trim(), 'hex')).update(Buffer.from('c988e5fe7f5b4c00b3f16d8ebeacb2be', 'hex')).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x40;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** What /sys/firmware says about UEFI: efi present, or a populated folder without it (BIOS), else unknown. */
function expectedBootUefi(): string {
  if (existsSync('/sys/firmware/efi')) return 'true';
  return existsSync('/sys/firmware') && readdirSync('/sys/firmware').length > 0 ? 'false' : '';
}

describe('built-in read-only variables', function () {
  let engine: Engine;
  let dataHome: string;
  const runsRoot = () => join(dataHome, 'tsseq', 'runs');

  before(async function () {
    dataHome = mkdtempSync(join(tempDirectory(), 'data-'));
    // US Eastern: the time zone ConfigMgr's documentation gives as its _SMSTSTimezone example.
    ({ engine } = await startTestEngine({ env: { ...process.env, XDG_DATA_HOME: dataHome, TZ: 'America/New_York' } }));
  });
  after(async function () {
    await engine?.close();
  });

  it('are set before the first step and read through $tsenv by a script', async function () {
    const result = await engine.runSequence({ id: 'TSQ00001', name: 'Baseline apps', steps: [readBuiltIns()] });
    expect(result.status, result.steps[0]?.message).to.equal('Succeeded');
    const values = seen(result.variables);
    expect(values._SMSTSPackageID).to.equal('TSQ00001');
    expect(values._SMSTSPackageName).to.equal('Baseline apps');
    expect(values._SMSTSAdvertID).to.match(/^\d{8}-\d{6}-[0-9a-f]{8}$/);
    expect(values._SMSTSMDataPath).to.equal(join(runsRoot(), values._SMSTSAdvertID!));
    expect(values._SMSTSLogPath).to.equal(join(values._SMSTSMDataPath!, 'Logs'));
    expect(values.LogFolderExists).to.equal('True');
    expect(values._SMSTSMachineName!.toLowerCase()).to.equal(hostname().split('.')[0]!.toLowerCase());
    expect(values).to.include({ _SMSTSInWinPE: 'false', _SMSTSLaunchMode: 'SMS', _SMSTSType: '1' });
    expect(values._SMSTSCurrentActionName).to.equal('Read');
    if (!isWindows) {
      expect(values._SMSTSClientGUID ?? '').to.equal(expectedClientGuid());
      expect(values._SMSTSBootUEFI ?? '').to.equal(expectedBootUefi());
      if (expectedBootUefi() === 'false') expect(values._TSSecureBoot).to.equal('NA');
    }
    expect(values._SMSTSClientGUID ?? '').to.match(/^([0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})?$/);
    // No ConfigMgr site gives a branding title: the value stays empty (the variable undefined).
    expect(values).to.not.have.property('_SMSTSOrgName');
    // The final variables of the result document carry them too.
    expect(result.variables._SMSTSAdvertID).to.equal(values._SMSTSAdvertID);
  });

  it('give _SMSTSTimezone in the ConfigMgr format (US Eastern as in its documentation)', async function () {
    const result = await engine.runSequence({ name: 'Time zone', steps: [readBuiltIns()] });
    const timezone = seen(result.variables)._SMSTSTimezone!;
    expect(timezone.split(',').slice(0, 19).join(',')).to.equal('300,0,-60,0,11,0,1,2,0,0,0,0,3,0,2,2,0,0,0');
    expect(timezone.split(',').slice(19)).to.deep.equal(['Eastern Standard Time', 'Eastern Daylight Time']);
  });

  it('take _SMSTSPackageID only from a valid document id (the schema and the engine refuse others)', async function () {
    const bad = { id: 'has space', name: 'Bad id', steps: [readBuiltIns()] };
    const refusals: string[] = [];
    for (const validate of [true, false]) {
      try {
        await engine.runSequence(bad, { validate });
        refusals.push('ran');
      } catch (caught) {
        refusals.push((caught as Error).message);
      }
    }
    expect(refusals[0]).to.contain('$.id: must match pattern');
    expect(refusals[1]).to.contain('$.id: must match the pattern');
  });

  it('leave _SMSTSPackageID undefined for a document without an id, and give each run its own id and folder', async function () {
    const first = await engine.runSequence({ name: 'No id', steps: [readBuiltIns()] });
    const second = await engine.runSequence({ name: 'No id', steps: [readBuiltIns()] });
    expect(seen(first.variables)).to.not.have.property('_SMSTSPackageID');
    expect(seen(first.variables)._SMSTSAdvertID).to.not.equal(seen(second.variables)._SMSTSAdvertID);
    expect(seen(first.variables)._SMSTSMDataPath).to.not.equal(seen(second.variables)._SMSTSMDataPath);
  });

  it('give a private run folder where a script can append to a log in _SMSTSLogPath, kept after the run', async function () {
    const result = await engine.runSequence({
      name: 'Log',
      steps: [
        {
          type: 'RunPowerShellScript',
          name: 'Write log',
          sourceScript: "'line one' | Out-File -Append (Join-Path $tsenv.Value('_SMSTSLogPath') 'App.log')\n'line two' | Out-File -Append (Join-Path $tsenv.Value('_SMSTSLogPath') 'App.log')",
        },
      ],
    });
    expect(result.status, result.steps[0]?.message).to.equal('Succeeded');
    const logPath = result.variables._SMSTSLogPath!;
    expect(readFileSync(join(logPath, 'App.log'), 'utf8').split(/\r?\n/).filter(Boolean)).to.deep.equal(['line one', 'line two']);
    if (!isWindows) {
      // 0700: only the owner may list or enter the run folder and its Logs folder, and the data
      // folders the engine created for them.
      for (const folder of [result.variables._SMSTSMDataPath!, logPath, runsRoot(), join(dataHome, 'tsseq')]) {
        expect((statSync(folder).mode & 0o777).toString(8), folder).to.equal('700');
      }
    }
  });

  it('keep the run folder of a sequence run, which holds its smsts.log', async function () {
    const result = await engine.runSequence({ name: 'Quiet', steps: [{ type: 'SetTaskSequenceVariable', name: 'Set', variableName: 'A', variableValue: '1' }] });
    expect(result.status).to.equal('Succeeded');
    expect(result.variables._SMSTSMDataPath).to.be.a('string');
    expect(existsSync(join(result.variables._SMSTSMDataPath!, 'Logs', 'smsts.log'))).to.equal(true);
  });

  it('cannot be changed by a script, by Set Task Sequence Variable or by the document variables', async function () {
    const result = await engine.runSequence({
      name: 'Read-only',
      steps: [
        { type: 'RunPowerShellScript', name: 'Hijack', sourceScript: "$ErrorActionPreference = 'Stop'\n$tsenv.Value('_SMSTSLogPath') = '/tmp/elsewhere'", continueOnError: true },
        { type: 'SetTaskSequenceVariable', name: 'Set', variableName: '_SMSTSPackageName', variableValue: 'hijack', continueOnError: true },
        readBuiltIns('After'),
      ],
    });
    expect(result.steps.map((step) => step.status)).to.deep.equal(['FailedContinued', 'FailedContinued', 'Succeeded']);
    expect(result.steps[0]!.message).to.match(/_SMSTSLogPath' is read-only/);
    expect(result.steps[1]!.message).to.match(/_SMSTSPackageName' is read-only/);
    const after = seen(result.variables);
    expect(after._SMSTSLogPath).to.equal(join(runsRoot(), after._SMSTSAdvertID!, 'Logs'));
    expect(after._SMSTSPackageName).to.equal('Read-only');

    let refused: Error | undefined;
    try {
      await engine.runSequence({ name: 'Smuggle', variables: { _SMSTSMDataPath: '/tmp/mine' }, steps: [readBuiltIns()] });
    } catch (caught) {
      refused = caught as Error;
    }
    expect(refused?.message).to.match(/_SMSTSMDataPath.*read-only/);
  });

  it('number instructions flat, groups included: _SMSTSInstructionTableSize and _SMSTSNextInstructionPointer', async function () {
    const pointer = (name: string) => ({
      type: 'RunPowerShellScript',
      name,
      sourceScript: "$tsenv.Value('At' + $tsenv.Value('_SMSTSCurrentActionName')) = $tsenv.Value('_SMSTSNextInstructionPointer') + '/' + $tsenv.Value('_SMSTSInstructionTableSize')",
    });
    const result = await engine.runSequence({
      name: 'Pointers',
      steps: [
        pointer('A'),
        { type: 'Group', name: 'G', steps: [pointer('B'), { ...pointer('C'), disabled: true }, { type: 'Group', name: 'H', steps: [pointer('D')] }] },
        { type: 'Group', name: 'Fails', continueOnError: true, steps: [{ type: 'RunCommandLine', name: 'Boom', commandLine: 'exit 3' }, pointer('Never')] },
        pointer('E'),
      ],
    });
    expect(result.status).to.equal('Succeeded');
    // A0 G1 B2 C3 H4 D5 Fails6 Boom7 Never8 E9: 10 instructions.
    expect(result.variables).to.include({ AtA: '0/10', AtB: '2/10', AtD: '5/10', AtE: '9/10' });
    expect(result.variables).to.not.have.property('AtNever');
  });

  it('name the session folder in Invoke-TsStep: one folder for all calls, not one per call', async function () {
    const first = await engine.invokeStep(readBuiltIns(), { variables: { A: '1' } });
    const second = await engine.invokeStep(readBuiltIns(), { variables: { A: '2' } });
    const [one, two] = [seen(first.variables), seen(second.variables)];
    expect(one._SMSTSAdvertID).to.match(/^\d{8}-\d{6}-[0-9a-f]{8}$/);
    expect(two._SMSTSAdvertID).to.equal(one._SMSTSAdvertID);
    expect(one._SMSTSMDataPath).to.equal(join(runsRoot(), one._SMSTSAdvertID!));
    expect(one.LogFolderExists).to.equal('True');
    expect(one).to.not.have.property('_SMSTSPackageName');
    expect(one._SMSTSInstructionTableSize).to.equal('1');
  });

  it('remove the session folder when the engine exits if nothing was written into it', async function () {
    const home = mkdtempSync(join(tempDirectory(), 'session-'));
    const { engine: own } = await startTestEngine({ env: { ...process.env, XDG_DATA_HOME: home } });
    let folder: string;
    try {
      const result = await own.invokeStep(readBuiltIns());
      folder = seen(result.variables)._SMSTSMDataPath!;
      expect(existsSync(folder)).to.equal(true);
    } finally {
      await own.close();
    }
    expect(existsSync(folder)).to.equal(false);
  });
});
