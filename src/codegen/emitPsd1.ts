// generated/TsSequence/TsSequence.psd1: the module manifest. Explicit export lists (the
// generated functions plus the runtime's Public/ functions), both PowerShell editions, 5.1 as the
// floor, a GUID derived from the project name so it never changes, and the model hash.
import { createHash } from 'node:crypto';
import { headerComment } from './header.js';
import { LineWriter } from './lineWriter.js';
import { psString } from './psLiteral.js';

export interface ManifestOptions {
  /** package.json version (SemVer). */
  version: string;
  description: string;
  functions: readonly string[];
  modelHash: string;
}

export const MODULE_TAGS = ['TaskSequence', 'ConfigMgr', 'MECM', 'SCCM', 'Deployment', 'Automation', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS'];

/** A name-based GUID (version 5 layout) from the SHA-256 of a name. */
export function deterministicGuid(name: string): string {
  const bytes = createHash('sha256').update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Splits SemVer into PowerShell's ModuleVersion and PSData.Prerelease (letters and digits only). */
export function moduleVersion(version: string): { moduleVersion: string; prerelease?: string } {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+.*)?$/.exec(version);
  if (!match) throw new Error(`package.json version '${version}' is not SemVer`);
  const prerelease = match[4]?.replace(/[^0-9A-Za-z]/g, '');
  return { moduleVersion: `${match[1]}.${match[2]}.${match[3]}`, ...(prerelease ? { prerelease } : {}) };
}

export function emitPsd1(options: ManifestOptions): string {
  const { moduleVersion: version, prerelease } = moduleVersion(options.version);
  const list = (values: readonly string[]): string => `@(${values.map(psString).join(', ')})`;
  const w = new LineWriter();
  w.text(headerComment('# '));
  w.block('@{', () => {
    w.line("RootModule = 'TsSequence.psm1'");
    w.line(`ModuleVersion = ${psString(version)}`);
    w.line(`GUID = ${psString(deterministicGuid('tsseq'))}`);
    w.line("Author = 'tsseq contributors'");
    w.line("CompanyName = 'tsseq'");
    w.line("Copyright = '(c) tsseq contributors. MIT License.'");
    w.line(`Description = ${psString(options.description)}`);
    w.line("CompatiblePSEditions = @('Desktop', 'Core')");
    w.line("PowerShellVersion = '5.1'");
    w.block('FunctionsToExport = @(', () => {
      for (const name of [...options.functions].sort()) w.line(psString(name));
    }, ')');
    w.line('CmdletsToExport = @()');
    w.line('VariablesToExport = @()');
    w.line('AliasesToExport = @()');
    w.block('PrivateData = @{', () => {
      w.block('PSData = @{', () => {
        w.line(`Tags = ${list(MODULE_TAGS)}`);
        if (prerelease !== undefined) w.line(`Prerelease = ${psString(prerelease)}`);
      });
      w.line(`TsSeqModelHash = ${psString(options.modelHash)}`);
    });
  });
  return w.toString();
}
