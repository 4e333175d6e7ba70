import { expect } from 'chai';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findOnPath, resolveEngine } from '../../src/bridge/resolveEngine.js';
import { tempDirectory } from '../support/tempFiles.js';

// A fake PATH of real files: resolution only looks for executables, it never runs them.
function fakeBin(name: string, files: string[], mode = 0o755): string {
  const dir = join(tempDirectory(), `bin-${name}`);
  mkdirSync(dir, { recursive: true });
  for (const file of files) {
    writeFileSync(join(dir, file), '#!/bin/sh\n');
    chmodSync(join(dir, file), mode);
  }
  return dir;
}

describe('resolveEngine (DESIGN §3 order)', function () {
  if (process.platform === 'win32') return;

  const dll = () => {
    const file = join(tempDirectory(), 'tsseq-host.dll');
    writeFileSync(file, '');
    return file;
  };
  const missingDll = '/nonexistent/host/bin/Release/net10.0/tsseq-host.dll';

  it('prefers pwsh on PATH', () => {
    const bin = fakeBin('with-pwsh', ['pwsh']);
    const engine = resolveEngine({ env: { PATH: bin }, platform: 'linux', embeddedDll: dll() });
    expect(engine).to.deep.include({ kind: 'pwsh', command: join(bin, 'pwsh'), source: 'PATH' });
  });

  it('ignores a pwsh file that is not executable', () => {
    const bin = fakeBin('pwsh-not-executable', ['pwsh'], 0o644);
    const engine = resolveEngine({ env: { PATH: bin }, platform: 'linux', embeddedDll: dll() });
    expect(engine.kind).to.equal('embedded');
  });

  it('falls back to the embedded engine through dotnet', () => {
    const host = dll();
    const engine = resolveEngine({ env: { PATH: fakeBin('empty', []) }, platform: 'linux', embeddedDll: host });
    expect(engine).to.deep.include({ kind: 'embedded', command: 'dotnet', prefixArgs: [host] });
  });

  it('says to run npm run build when the embedded engine is missing', () => {
    expect(() => resolveEngine({ env: { PATH: '' }, platform: 'linux', embeddedDll: missingDll })).to.throw(/npm run build/);
  });

  it('TSSEQ_ENGINE=embedded wins over pwsh on PATH', () => {
    const bin = fakeBin('env-wins', ['pwsh']);
    const engine = resolveEngine({ env: { PATH: bin, TSSEQ_ENGINE: 'embedded' }, platform: 'linux', embeddedDll: dll() });
    expect(engine.kind).to.equal('embedded');
    expect(engine.source).to.equal('TSSEQ_ENGINE');
  });

  it('the engine option wins over TSSEQ_ENGINE', () => {
    const bin = fakeBin('option-wins', ['pwsh']);
    const engine = resolveEngine({ engine: 'pwsh', env: { PATH: bin, TSSEQ_ENGINE: 'embedded' }, platform: 'linux', embeddedDll: missingDll });
    expect(engine).to.deep.include({ kind: 'pwsh', source: 'option' });
  });

  it('accepts a path to a host executable or to tsseq-host.dll', () => {
    const bin = fakeBin('paths', ['pwsh-7.6', 'powershell']);
    expect(resolveEngine({ engine: join(bin, 'pwsh-7.6'), env: {} })).to.deep.include({ kind: 'pwsh', command: join(bin, 'pwsh-7.6') });
    expect(resolveEngine({ engine: join(bin, 'powershell'), env: {} }).kind).to.equal('powershell');
    const host = dll();
    expect(resolveEngine({ env: { TSSEQ_ENGINE: host } })).to.deep.include({ command: 'dotnet', prefixArgs: [host], kind: 'embedded' });
  });

  it('explains a pwsh request when pwsh is not installed', () => {
    expect(() => resolveEngine({ engine: 'pwsh', env: { PATH: fakeBin('no-pwsh', []) }, embeddedDll: missingDll })).to.throw(/pwsh is not on PATH/);
  });

  it('rejects a word that is neither a flavour nor a path', () => {
    expect(() => resolveEngine({ engine: 'bash', env: {} })).to.throw(/neither auto, pwsh, powershell, embedded nor a path/);
  });

  it('finds powershell.exe through PATHEXT on Windows-style PATHs', () => {
    const bin = fakeBin('windows', ['powershell.exe']);
    // separator ';' and PATHEXT are Windows rules; the files are real
    expect(findOnPath('powershell', { Path: `C:\\nowhere;${bin}`, PATHEXT: '.COM;.EXE' }, 'win32')).to.equal(join(bin, 'powershell.exe'));
  });
});
