// The task-sequence script corpus (test/fixtures/ts-scripts): scripts in the style admins
// already have, each with the parameters its step passes and a check of its effect on
// variables and files. scriptCorpus.test.ts runs them through every entry point.
import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { paths } from '../../src/bridge/paths.js';
import type { StepResult } from '../../src/bridge/protocol.js';
import { testEngineChoice } from './engine.js';

export const corpusFolder = join(paths.root, 'test', 'fixtures', 'ts-scripts');
export const corpusDocumentName = 'TS Corpus';
export const isWindows = process.platform === 'win32';

export type Variant = 'inline' | 'file';

/** What a check gets: the script's step entry, the variables after the run, and its folders. */
export interface ScriptRun {
  step: StepResult;
  variables: Record<string, string>;
  workRoot: string;
  /** The run's _SMSTSLogPath, as the result reports it. */
  logPath: string;
}

export interface CorpusScript {
  file: string;
  /** The step's ConfigMgr-style parameter line. */
  parameters?: string;
  /** The step is expected to fail here (documentation: its check asserts FailedContinued). */
  fails?: boolean;
  /** Does not depend on the sequence document (its name): also run alone with invokeStep. */
  standalone?: boolean;
  check: (run: ScriptRun) => void;
}

/** The document's own variables: what the collection / earlier steps would have set. */
export const documentVariables: Record<string, string> = {
  AppName: 'Contoso Agent',
  AppVersion: '4.2.1',
  AppChannel: 'stable',
  AppSettingsJson: JSON.stringify({
    server: 'app01.contoso.com',
    port: 8443,
    features: [
      { name: 'Telemetry', enabled: false },
      { name: 'AutoUpdate', enabled: false },
      { name: 'Diagnostics', enabled: true },
    ],
  }),
  ServiceAccountPassword: 'Pa$$w0rd-not-for-logs',
  Packages001: 'Contoso Agent',
  Packages002: 'Fabrikam VPN',
  Packages003: 'Contoso Agent',
  Packages004: 'Litware Tools',
  Packages005: 'Northwind Reports',
  Packages007: 'After The Gap',
  ExcludePackages: 'Litware Tools, Old Tool',
  NamingPrefix: 'amsterdam',
  NamingRoleCode: 'wks',
  NamingAssetId: 'CTS-00-123456789',
  NamingOverride: 'true',
  OSDComputerName: 'OLDNAME',
};

/** Text lines of a file written by PowerShell (UTF-8 with or without BOM, LF or CRLF). */
export function readLines(file: string): string[] {
  const lines = readText(file).split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

export function readText(file: string): string {
  expect(existsSync(file), `${file} exists`).to.equal(true);
  return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
}

export function readJson(file: string): unknown {
  return JSON.parse(readText(file));
}

/** Every file under `folder`, as sorted '/'-separated paths relative to it. */
export function filesUnder(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else found.push(relative(folder, full).split(sep).join('/'));
    }
  };
  walk(folder);
  return found.sort();
}

/** The lines of this run inside a log that other runs may share: from the line naming our WorkRoot. */
function blockAround(lines: string[], marker: string, before: number, after: number): string[] {
  const at = lines.indexOf(marker);
  expect(at, `a line ${JSON.stringify(marker)} in ${JSON.stringify(lines)}`).to.be.at.least(before);
  return lines.slice(at - before, at + after + 1);
}

const stamp = String.raw`\d{4}-\d\d-\d\d \d\d:\d\d:\d\d`;

function succeeded(step: StepResult): void {
  expect(step.status, step.message).to.equal('Succeeded');
  expect(step.exitCode, step.message).to.equal(0);
  expect(step.message, 'no error reported').to.equal('');
}

export const corpus: CorpusScript[] = [
  {
    file: '01-log-environment.ps1',
    check: ({ step, variables: v, workRoot, logPath }) => {
      succeeded(step);
      expect(v._SMSTSMachineName, '_SMSTSMachineName').to.be.a('string').and.not.equal('');
      expect(v._SMSTSAdvertID, '_SMSTSAdvertID').to.be.a('string').and.not.equal('');
      expect(v.CorpusPackage).to.equal(corpusDocumentName);
      expect(v.CorpusMachine).to.equal(v._SMSTSMachineName);
      expect(v.CorpusDataPathExists).to.equal('True');
      expect(v.CorpusStartTime).to.match(/^\d{8}-\d{6}$/);
      const logFile = join(logPath, 'TsCorpus-Environment.log');
      expect(v.CorpusLogFile).to.equal(logFile);
      const lines = readLines(logFile);
      const at = lines.findIndex((line) => line.endsWith(` Work root: ${workRoot}`));
      expect(at, `the work root line in ${JSON.stringify(lines)}`).to.be.at.least(1);
      const mine = lines.slice(at - 1, at + 4).map((line) => line.replace(new RegExp(`^${stamp} `), '<stamp> '));
      expect(mine).to.deep.equal([
        `<stamp> ==== Task sequence '${corpusDocumentName}' started ====`,
        `<stamp> Work root: ${workRoot}`,
        `<stamp> Machine: ${v._SMSTSMachineName}`,
        `<stamp> Data path: ${v._SMSTSMDataPath}`,
        `<stamp> Run: ${v._SMSTSAdvertID}`,
      ]);
    },
  },
  {
    file: '02-dump-variables.ps1',
    check: ({ step, variables: v, workRoot }) => {
      succeeded(step);
      const dump = readJson(join(workRoot, 'TsVariables.json')) as Record<string, string>;
      const expected: Record<string, string> = { ...documentVariables, WorkRoot: workRoot };
      delete expected.ServiceAccountPassword;
      expect(dump).to.include(expected);
      expect(Object.keys(dump).filter((name) => name.startsWith('_') || /password/i.test(name))).to.deep.equal([]);
      expect(v.CorpusDumpedCount).to.equal(String(Object.keys(dump).length));
      expect(v.CorpusDumpHasPassword).to.equal('False');
      expect(v.CorpusAppVariables).to.equal('AppChannel,AppName,AppVersion');
      expect(readLines(join(workRoot, 'TsAppVariables.txt'))).to.deep.equal(['AppChannel=stable', 'AppName=Contoso Agent', 'AppVersion=4.2.1']);
    },
  },
  {
    file: '03-param-role.ps1',
    parameters: "-Role 'web' -Retries 3 -Channel '%AppChannel%' -Verbose",
    standalone: true,
    check: ({ step, variables: v }) => {
      succeeded(step);
      expect(v.CorpusRole).to.equal('web');
      expect(v.CorpusRetries).to.equal('3');
      expect(v.CorpusChannel).to.equal('stable');
      expect(v.CorpusForce).to.equal('False');
      expect(v.CorpusVerbose).to.equal('Continue');
      expect(v.CorpusFeatures).to.equal('IIS-WebServer;IIS-ASPNET45');
    },
  },
  {
    file: '04-prepare-folders.ps1',
    parameters: "-StagingFolder 'Staging Area'",
    standalone: true,
    check: ({ step, variables: v, workRoot }) => {
      succeeded(step);
      const staging = join(workRoot, 'Staging Area');
      expect(filesUnder(staging)).to.deep.equal(['Config/agent.ini', 'Payload/README.txt', 'Payload/x64/agent.bin']);
      expect(statSync(join(staging, 'Logs')).isDirectory()).to.equal(true);
      expect(readLines(join(staging, 'Config', 'agent.ini'))).to.deep.equal(['Server=app01.contoso.com', 'Port=8443']);
      expect(readLines(join(staging, 'Payload', 'x64', 'agent.bin'))).to.deep.equal(['0101']);
      expect(v.CorpusStagingFileCount).to.equal('3');
      expect(v.CorpusStagingFiles).to.equal('Config/agent.ini;Payload/README.txt;Payload/x64/agent.bin');
      expect(v.CorpusStagingFolderCount).to.equal('4');
      expect(v.CorpusStagingMissing).to.equal('False');
    },
  },
  {
    file: '05-inventory-report.ps1',
    check: ({ step, variables: v, workRoot }) => {
      succeeded(step);
      expect(readJson(join(workRoot, 'Inventory.json'))).to.deep.equal([
        { Name: 'Northwind Reports', Version: '11.3', SizeMB: 310, Large: true, Label: 'Northwind Reports 11.3' },
        { Name: 'Contoso Agent', Version: '4.2.1', SizeMB: 120, Large: true, Label: 'Contoso Agent 4.2.1' },
        { Name: 'Fabrikam VPN', Version: '2.0', SizeMB: 45, Large: false, Label: 'Fabrikam VPN 2.0' },
        { Name: 'Litware Tools', Version: '1.0.7', SizeMB: 8, Large: false, Label: 'Litware Tools 1.0.7' },
      ]);
      expect(v.CorpusLargeApps).to.equal('Contoso Agent,Northwind Reports');
      expect(v.CorpusTotalMB).to.equal('483');
      expect(v.CorpusFirstLabel).to.equal('Northwind Reports 11.3');
    },
  },
  {
    file: '06-json-settings.ps1',
    check: ({ step, variables: v, workRoot }) => {
      succeeded(step);
      const features = [
        { name: 'Telemetry', enabled: false },
        { name: 'AutoUpdate', enabled: true },
        { name: 'Diagnostics', enabled: true },
      ];
      expect(v.AppServer).to.equal('app01.contoso.com');
      expect(v.AppPort).to.equal('8443');
      expect(v.AppEnabledFeatures).to.equal('AutoUpdate,Diagnostics');
      expect(v.AppSettingsCompact).to.equal(JSON.stringify(features));
      expect(readJson(join(workRoot, 'settings.effective.json'))).to.deep.equal({
        server: 'app01.contoso.com',
        port: 8443,
        features,
        appliedBy: step.path,
      });
    },
  },
  {
    file: '07-package-list.ps1',
    standalone: true,
    check: ({ step, variables: v }) => {
      succeeded(step);
      expect(v.CorpusPackageList).to.equal('Contoso Agent,Fabrikam VPN,Northwind Reports');
      expect(v.CorpusPackageCount).to.equal('3');
      expect(v.CorpusSkippedList).to.equal('Contoso Agent,Litware Tools');
      expect(v.CorpusListTypes).to.equal('System.Collections.ArrayList|List`1|List`1');
      expect(v.CorpusEmptyList).to.equal('True:0');
    },
  },
  {
    file: '08-transcript-install.ps1',
    check: ({ step, variables: v, workRoot, logPath }) => {
      succeeded(step);
      const transcript = join(logPath, 'TsCorpus-Install-Transcript.log');
      expect(v.CorpusTranscript).to.equal(transcript);
      const lines = readLines(transcript);
      expect(lines.some((line) => /PowerShell transcript start/.test(line)), lines.join('\n')).to.equal(true);
      // Write-Host, Write-Output and a bare string: powershell.exe -File transcribes all three.
      expect(blockAround(lines, `Work root: ${workRoot}`, 1, 1), lines.join('\n')).to.deep.equal([
        'Installing Contoso Agent 4.2.1',
        `Work root: ${workRoot}`,
        'Installed Contoso Agent 4.2.1',
      ]);
      expect(readLines(join(workRoot, 'agent.installed'))).to.deep.equal(['Contoso Agent 4.2.1']);
    },
  },
  {
    file: '09-progress-ui.ps1',
    check: ({ step, variables: v, workRoot }) => {
      succeeded(step);
      const copies = ['agent.msi', 'agent.mst', 'config.xml', 'license.txt', 'setup.cmd'];
      expect(filesUnder(join(workRoot, 'Payload-Copy'))).to.deep.equal(copies);
      for (const name of copies) expect(readLines(join(workRoot, 'Payload-Copy', name))).to.deep.equal([`copy of ${name}`]);
      expect(v.CorpusCopiedFiles).to.equal('5');
    },
  },
  {
    file: '10-native-exit-code.ps1',
    standalone: true,
    check: ({ step, variables: v }) => {
      // The script ends without `exit`: as with powershell.exe -File, the step's exit code is 0
      // even though the last native command exited 3.
      succeeded(step);
      expect(v.CorpusNativeOutput).to.equal('checking agent');
      expect(v.CorpusEchoExitCode).to.equal('0');
      expect(v.CorpusNativeExitCode).to.equal('3');
      expect(v.CorpusInstallState).to.equal('AlreadyInstalled');
    },
  },
  {
    file: '11-fail-missing-payload.ps1',
    parameters: "-PayloadName 'agent-payload.zip'",
    fails: true,
    check: ({ step, variables: v, workRoot, logPath }) => {
      expect(step.status, step.message).to.equal('FailedContinued');
      expect(step.exitCode).to.equal(1);
      expect(step.message).to.contain('Extracting the payload failed: Payload not found: agent-payload.zip');
      expect(v.CorpusFailureReason).to.equal('Payload not found: agent-payload.zip');
      expect(v).to.not.have.property('CorpusPayloadExtracted');
      const lines = readLines(join(logPath, 'TsCorpus-Payload.log'));
      const looking = `Looking for ${join(workRoot, 'Payload', 'agent-payload.zip')}`;
      const at = lines.findIndex((line) => line.endsWith(` ${looking}`));
      expect(at, `the payload line in ${JSON.stringify(lines)}`).to.be.at.least(0);
      expect(lines.slice(at, at + 2).map((line) => line.replace(new RegExp(`^${stamp} `), '<stamp> '))).to.deep.equal([
        `<stamp> ${looking}`,
        '<stamp> ERROR: Payload not found: agent-payload.zip',
      ]);
    },
  },
  {
    file: '12-hardware-info-wmi.ps1',
    fails: !isWindows,
    standalone: true,
    check: ({ step, variables: v }) => {
      if (isWindows && testEngineChoice === 'powershell') {
        // Windows PowerShell 5.1 has both cmdlets.
        succeeded(step);
        expect(v.CorpusHardwareRead).to.equal('True');
        return;
      }
      expect(step.status, step.message).to.equal('FailedContinued');
      expect(step.exitCode).to.equal(1);
      // PowerShell 7 on Windows has Get-CimInstance but not Get-WmiObject (5.1 only).
      if (!isWindows) expect(step.message).to.contain('Get-CimInstance');
      expect(step.message).to.contain('Get-WmiObject');
      expect(step.message).to.contain('Windows');
    },
  },
  {
    file: '13-retry-with-sleep.ps1',
    parameters: '-MaxAttempts 5 -DelayMilliseconds 150',
    standalone: true,
    check: ({ step, variables: v, workRoot }) => {
      succeeded(step);
      expect(v.CorpusAttempts).to.equal('3');
      expect(v.CorpusServiceReady).to.equal('True');
      expect(Number(v.CorpusWaitedMs)).to.be.at.least(300);
      const lines = readLines(join(workRoot, 'service-check.txt'));
      expect(lines.map((line) => line.replace(/\d\d:\d\d:\d\d\.\d{3}$/, '<time>'))).to.deep.equal([
        'attempt 1 at <time>',
        'attempt 2 at <time>',
        'attempt 3 at <time>',
      ]);
    },
  },
  {
    file: '14-cleanup-old-logs.ps1',
    parameters: '-RetentionDays 7',
    standalone: true,
    check: ({ step, variables: v, workRoot }) => {
      succeeded(step);
      expect(v.CorpusRemovedLogs).to.equal('ancient.log,install.log,old.log');
      expect(v.CorpusRemainingLogs).to.equal('current.log,keep.txt,recent.log');
      expect(filesUnder(join(workRoot, 'OldLogs'))).to.deep.equal(['archive/recent.log', 'current.log', 'keep.txt']);
    },
  },
  {
    file: '15-computer-name.ps1',
    standalone: true,
    check: ({ step, variables: v }) => {
      succeeded(step);
      expect(v.OSDComputerName).to.equal('AMSTERDAM-WKS45');
      expect(v.CorpusOddValue).to.equal(`it's 100% $HOME and "quoted" - ok`);
      expect(v.CorpusOddValueRead).to.equal(v.CorpusOddValue);
      expect(v.CorpusUnsetIsEmpty).to.equal('True');
    },
  },
];

export function stepName(script: CorpusScript): string {
  return script.file.replace(/\.ps1$/, '');
}

/** One Run PowerShell Script step for a corpus script, inline (its text) or from its file. */
export function corpusStep(script: CorpusScript, variant: Variant): Record<string, unknown> {
  const file = join(corpusFolder, script.file);
  return {
    type: 'RunPowerShellScript',
    name: stepName(script),
    ...(variant === 'inline' ? { sourceScript: readFileSync(file, 'utf8') } : { scriptName: file }),
    ...(script.parameters === undefined ? {} : { parameters: script.parameters }),
    // Every step continues on error, so that one script's failure cannot hide the others'
    // results (the rest of the sequence would be skipped); each check asserts its step's status.
    continueOnError: true,
  };
}

/** The whole corpus as one sequence document. */
export function corpusDocument(variant: Variant): Record<string, unknown> {
  return {
    name: corpusDocumentName,
    variables: documentVariables,
    steps: corpus.map((script) => corpusStep(script, variant)),
  };
}
