// Every condition kind and operator through the real engine (runSequence → the C# core's
// ConditionEvaluator, just before each step): a step whose condition holds runs (Succeeded), one
// whose condition is false is Skipped (ConditionFalse), and the tests of the computer say why in
// the run's log (events of kind 'log'). Platform rules (registry/wmi false without a registry) are
// in conditionPlatforms.test.ts.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from '../../src/bridge/Engine.js';
import type { EngineEvent } from '../../src/bridge/protocol.js';
import { paths } from '../../src/bridge/paths.js';
import { startTestEngine } from '../support/engine.js';
import { tempDirectory } from '../support/tempFiles.js';

interface Case {
  name: string;
  condition: unknown;
  holds: boolean;
}

interface Outcome {
  status: Record<string, string>;
  message: Record<string, string>;
  logs: { path?: string; message: string }[];
}

/** One sequence: a SetTaskSequenceVariable step per case, in one run. */
async function runCases(engine: Engine, cases: Case[], options: { variables?: Record<string, string>; baseDirectory?: string } = {}): Promise<Outcome> {
  const logs: Outcome['logs'] = [];
  const document = {
    name: 'conditions',
    variables: { Platform: 'linux', Count: '10', Version: '1.10.0', Empty: 'x', ...options.variables },
    steps: cases.map((item) => ({ type: 'SetTaskSequenceVariable', name: item.name, variableName: 'Ran', variableValue: item.name, condition: item.condition })),
  };
  const result = await engine.runSequence(document, {
    baseDirectory: options.baseDirectory,
    onEvent: (event: EngineEvent) => {
      if (event.kind === 'log') logs.push(event as { path?: string; message: string });
    },
  });
  return {
    status: Object.fromEntries(result.steps.map((step) => [step.path, step.status])),
    message: Object.fromEntries(result.steps.map((step) => [step.path, step.message ?? ''])),
    logs,
  };
}

function expectHolds(outcome: Outcome, cases: Case[]): void {
  const wrong = cases.filter((item) => outcome.status[item.name] !== (item.holds ? 'Succeeded' : 'Skipped'));
  expect(wrong.map((item) => `${item.name}: ${outcome.status[item.name]} ${outcome.message[item.name]}`)).to.deep.equal([]);
}

const variable = (name: string, operator: string, value?: string) => ({ variable: name, operator, ...(value === undefined ? {} : { value }) });

describe('conditions through the engine', function () {
  this.timeout(120_000);
  let engine: Engine;
  before(async function () {
    ({ engine } = await startTestEngine());
  });
  after(async function () {
    await engine?.close();
  });

  it('variable: all ten operators, each true and false, numbers, versions, text and wildcards ignoring case', async function () {
    const cases: Case[] = [
      { name: 'exists', condition: variable('Platform', 'exists'), holds: true },
      { name: 'exists undefined', condition: variable('Nope', 'exists'), holds: false },
      { name: 'notExists', condition: variable('Nope', 'notExists'), holds: true },
      { name: 'notExists defined', condition: variable('platform', 'notExists'), holds: false },
      { name: 'equals ignoring case', condition: variable('Platform', 'equals', 'LINUX'), holds: true },
      { name: 'equals other', condition: variable('Platform', 'equals', 'windows'), holds: false },
      { name: 'equals expands %var%', condition: variable('Count', 'equals', '%Count%'), holds: true },
      { name: 'notEquals', condition: variable('Platform', 'notEquals', 'windows'), holds: true },
      { name: 'notEquals same', condition: variable('Platform', 'notEquals', 'Linux'), holds: false },
      { name: 'notEquals undefined', condition: variable('Nope', 'notEquals', 'x'), holds: true },
      { name: 'less numbers', condition: variable('Count', 'less', '9.5e1'), holds: true },
      { name: 'less numbers not', condition: variable('Count', 'less', '9'), holds: false },
      { name: 'lessEqual', condition: variable('Count', 'lessEqual', '10'), holds: true },
      { name: 'lessEqual not', condition: variable('Count', 'lessEqual', '2'), holds: false },
      { name: 'greater versions', condition: variable('Version', 'greater', '1.9.9'), holds: true },
      { name: 'greater versions not', condition: variable('Version', 'greater', '1.10.0'), holds: false },
      { name: 'greaterEqual text', condition: variable('Platform', 'greaterEqual', 'LINUX'), holds: true },
      { name: 'greaterEqual text not', condition: variable('Platform', 'greaterEqual', 'm'), holds: false },
      { name: 'greater undefined', condition: variable('Nope', 'greater', '0'), holds: false },
      { name: 'like', condition: variable('Platform', 'like', 'L?N*'), holds: true },
      { name: 'like not', condition: variable('Platform', 'like', 'win*'), holds: false },
      { name: 'notLike', condition: variable('Platform', 'notLike', 'win*'), holds: true },
      { name: 'notLike not', condition: variable('Platform', 'notLike', '[a-m]inux'), holds: false },
    ];
    expectHolds(await runCases(engine, cases), cases);
  });

  it('variable: whole numbers of any length compare exactly', async function () {
    const cases: Case[] = [
      { name: 'big greater', condition: variable('Big', 'greater', '99999999999999999999998'), holds: true },
      { name: 'big not equal-ish', condition: variable('Big', 'lessEqual', '99999999999999999999998'), holds: false },
      { name: 'negative', condition: variable('Negative', 'less', '-99999999999999999999998'), holds: true },
    ];
    expectHolds(await runCases(engine, cases, { variables: { Big: '99999999999999999999999', Negative: '-99999999999999999999999' } }), cases);
  });

  it('file: a version asked of a file that cannot have one (a FIFO) is false and the log says why', async function () {
    if (process.platform === 'win32') this.skip();
    const fifo = join(mkdtempSync(join(tempDirectory(), 'fifo-')), 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).to.equal(0);
    const cases: Case[] = [{ name: 'fifo version', condition: { file: { path: fifo, version: '1.0', versionOperator: 'greaterEqual' } }, holds: false }];
    const outcome = await runCases(engine, cases);
    expectHolds(outcome, cases);
    expect(outcome.logs.map((log) => log.message).join('\n')).to.contain('its version information cannot be read');
  });

  it('all / any / none nest, and a root list is an implicit AND', async function () {
    const yes = variable('Platform', 'exists');
    const no = variable('Nope', 'exists');
    const cases: Case[] = [
      { name: 'all true', condition: { all: [yes, yes] }, holds: true },
      { name: 'all one false', condition: { all: [yes, no] }, holds: false },
      { name: 'all empty', condition: { all: [] }, holds: true },
      { name: 'any one true', condition: { any: [no, yes] }, holds: true },
      { name: 'any none true', condition: { any: [no, no] }, holds: false },
      { name: 'any empty', condition: { any: [] }, holds: false },
      { name: 'none true', condition: { none: [no, no] }, holds: true },
      { name: 'none one true', condition: { none: [no, yes] }, holds: false },
      { name: 'nested', condition: { all: [{ any: [no, { none: [no] }] }, yes] }, holds: true },
      { name: 'root list all true', condition: [yes, { any: [yes] }], holds: true },
      { name: 'root list one false', condition: [yes, no], holds: false },
    ];
    expectHolds(await runCases(engine, cases), cases);
  });

  it('os: platform (any of a list) and minVersion', async function () {
    const here = process.platform === 'win32' ? 'windows' : process.platform === 'darwin' ? 'macos' : 'linux';
    const other = here === 'windows' ? 'linux' : 'windows';
    const cases: Case[] = [
      { name: 'this platform', condition: { os: { platform: [other, here] } }, holds: true },
      { name: 'another platform', condition: { os: { platform: [other] } }, holds: false },
      { name: 'minVersion low', condition: { os: { minVersion: '1.0' } }, holds: true },
      { name: 'minVersion high', condition: { os: { minVersion: '999.0' } }, holds: false },
    ];
    expectHolds(await runCases(engine, cases), cases);
  });

  describe('file and folder', function () {
    const root = join(tempDirectory(), 'conditions');
    const file = join(root, 'data.txt');
    const folder = join(root, 'folder');
    // A real PE file with a version resource, which FileVersionInfo reads on every platform.
    const pe = join(paths.embeddedHome, 'System.Management.Automation.dll');
    let peVersion = '';
    before(function () {
      mkdirSync(folder, { recursive: true });
      writeFileSync(file, 'data');
      const at = new Date('2026-03-04T05:06:07.250Z');
      utimesSync(file, at, at);
      utimesSync(folder, at, at);
      // An independent reading of the version the engine should see.
      const read = spawnSync(join(paths.embeddedHome, process.platform === 'win32' ? 'pwsh.exe' : 'pwsh'), ['-NoProfile', '-NonInteractive', '-Command', '$v = [Diagnostics.FileVersionInfo]::GetVersionInfo($env:TSSEQ_PE); "$($v.FileMajorPart).$($v.FileMinorPart).$($v.FileBuildPart).$($v.FilePrivatePart)"'], { encoding: 'utf8', env: { ...process.env, TSSEQ_PE: pe } });
      peVersion = read.stdout.trim();
      expect(peVersion).to.match(/^\d+\.\d+\.\d+\.\d+$/);
    });

    it('file: exists; %var% from task sequence variables; relative to the base directory', async function () {
      const cases: Case[] = [
        { name: 'exists', condition: { file: { path: file } }, holds: true },
        { name: 'missing', condition: { file: { path: join(root, 'missing.txt') } }, holds: false },
        { name: 'a folder is no file', condition: { file: { path: folder } }, holds: false },
        { name: 'task sequence variable', condition: { file: { path: '%Root%/data.txt' } }, holds: true },
        { name: 'relative to the base directory', condition: { file: { path: 'data.txt' } }, holds: true },
        { name: 'relative missing', condition: { file: { path: 'folder/data.txt' } }, holds: false },
      ];
      const outcome = await runCases(engine, cases, { variables: { Root: root }, baseDirectory: root });
      expectHolds(outcome, cases);
      expect(outcome.logs).to.deep.include({ kind: 'log', level: 'info', path: 'missing', message: `The file condition '${join(root, 'missing.txt')}' is false: the file does not exist` });
      expect(outcome.logs).to.deep.include({ kind: 'log', level: 'info', path: 'a folder is no file', message: `The file condition '${folder}' is false: it is a folder, not a file` });
    });

    it('file: a system environment variable in the path', async function () {
      // The engine's own environment: HOME (Unix) or SystemRoot (Windows) names an existing folder.
      const name = process.platform === 'win32' ? 'SystemRoot' : 'HOME';
      const cases: Case[] = [
        { name: 'folder from the environment', condition: { folder: { path: `%${name}%` } }, holds: true },
        { name: 'a variable wins over the environment', condition: { folder: { path: `%${name}%` } }, holds: false },
      ];
      const first = await runCases(engine, cases.slice(0, 1));
      expectHolds(first, cases.slice(0, 1));
      const second = await runCases(engine, cases.slice(1), { variables: { [name]: join(root, 'nowhere') } });
      expectHolds(second, cases.slice(1));
    });

    it('file: version with every operator against a real PE file; a file without version information is false and says why', async function () {
      const [major, minor] = peVersion.split('.').map(Number) as [number, number];
      const cases: Case[] = [
        { name: 'equals', condition: { file: { path: pe, version: peVersion, versionOperator: 'equals' } }, holds: true },
        { name: 'equals short form', condition: { file: { path: pe, version: `${major}.${minor}`, versionOperator: 'equals' } }, holds: false },
        { name: 'notEquals', condition: { file: { path: pe, version: '1.0', versionOperator: 'notEquals' } }, holds: true },
        { name: 'notEquals same', condition: { file: { path: pe, version: peVersion, versionOperator: 'notEquals' } }, holds: false },
        { name: 'less', condition: { file: { path: pe, version: `${major + 1}.0`, versionOperator: 'less' } }, holds: true },
        { name: 'less not', condition: { file: { path: pe, version: `${major}.${minor}`, versionOperator: 'less' } }, holds: false },
        { name: 'lessEqual', condition: { file: { path: pe, version: peVersion, versionOperator: 'lessEqual' } }, holds: true },
        { name: 'lessEqual not', condition: { file: { path: pe, version: '1.0', versionOperator: 'lessEqual' } }, holds: false },
        { name: 'greater', condition: { file: { path: pe, version: `${major}.${minor}`, versionOperator: 'greater' } }, holds: true },
        { name: 'greater not', condition: { file: { path: pe, version: peVersion, versionOperator: 'greater' } }, holds: false },
        { name: 'greaterEqual', condition: { file: { path: pe, version: `${major}`, versionOperator: 'greaterEqual' } }, holds: true },
        { name: 'greaterEqual not', condition: { file: { path: pe, version: `${major + 1}`, versionOperator: 'greaterEqual' } }, holds: false },
        { name: 'no version information', condition: { file: { path: file, version: '0.0', versionOperator: 'greaterEqual' } }, holds: false },
      ];
      const outcome = await runCases(engine, cases);
      expectHolds(outcome, cases);
      expect(outcome.logs.filter((log) => log.path === 'no version information').map((log) => log.message)).to.include(
        `The file condition '${file}' is false: the file has no version information to compare with 0.0`,
      );
    });

    it('file and folder: last-write time in UTC with every operator, at the precision written', async function () {
      const at = (dateTime: string, dateTimeOperator: string) => ({ path: file, dateTime, dateTimeOperator });
      const dir = (dateTime: string, dateTimeOperator: string) => ({ folder: { path: folder, dateTime, dateTimeOperator } });
      const cases: Case[] = [
        { name: 'equals to the second', condition: { file: at('2026-03-04T05:06:07Z', 'equals') }, holds: true },
        { name: 'equals to the minute, another offset', condition: { file: at('2026-03-04T06:06+01:00', 'equals') }, holds: true },
        { name: 'equals with the fraction', condition: { file: at('2026-03-04T05:06:07.25Z', 'equals') }, holds: true },
        { name: 'equals not', condition: { file: at('2026-03-04T05:06:08Z', 'equals') }, holds: false },
        { name: 'notEquals', condition: { file: at('2026-03-04T05:06:08Z', 'notEquals') }, holds: true },
        { name: 'less', condition: { file: at('2026-03-04T05:06:08Z', 'less') }, holds: true },
        { name: 'less not', condition: { file: at('2026-03-04T05:06:07Z', 'less') }, holds: false },
        { name: 'lessEqual', condition: { file: at('2026-03-04T05:06:07', 'lessEqual') }, holds: true },
        { name: 'greater', condition: { file: at('2026-01-01T00:00:00Z', 'greater') }, holds: true },
        { name: 'greater not', condition: { file: at('2027-01-01T00:00:00Z', 'greater') }, holds: false },
        { name: 'greaterEqual', condition: { file: at('2026-03-04T05:06:07Z', 'greaterEqual') }, holds: true },
        { name: 'folder exists', condition: { folder: { path: folder } }, holds: true },
        { name: 'folder missing', condition: { folder: { path: join(root, 'nope') } }, holds: false },
        { name: 'a file is no folder', condition: { folder: { path: file } }, holds: false },
        { name: 'folder equals', condition: dir('2026-03-04T05:06:07Z', 'equals'), holds: true },
        { name: 'folder less', condition: dir('2026-03-04T05:06:07Z', 'less'), holds: false },
        { name: 'folder greater', condition: dir('2020-01-01T00:00Z', 'greater'), holds: true },
      ];
      const outcome = await runCases(engine, cases);
      expectHolds(outcome, cases);
      expect(outcome.logs.map((log) => log.message)).to.include(`The file condition '${file}' is false: its last write time 2026-03-04T05:06:07Z is not < 2026-03-04T05:06:07Z`);
    });

    it('a condition that cannot be evaluated fails its step with the reason', async function () {
      const result = await engine.runSequence({ name: 'bad', steps: [{ type: 'SetTaskSequenceVariable', name: 'bad version', variableName: 'A', variableValue: '1', continueOnError: true, condition: { file: { path: file, version: 'one.two', versionOperator: 'equals' } } }] });
      expect(result.steps[0]).to.include({ status: 'FailedContinued', message: "The condition could not be evaluated: file.version 'one.two' is not a version such as 1.2.3.4." });
    });
  });
});
