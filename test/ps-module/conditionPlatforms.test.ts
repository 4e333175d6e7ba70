// The conditions that test the platform itself: registry and WMI (real on Windows; elsewhere
// false, and the run's log says why naming the condition) and installed software (Windows: the
// registry's product lists; Linux: the package database, here Debian's dpkg). Through the real
// engine, one run per test.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import type { Engine } from '../../src/bridge/Engine.js';
import type { EngineEvent } from '../../src/bridge/protocol.js';
import { startTestEngine } from '../support/engine.js';

const windows = process.platform === 'win32';

async function run(engine: Engine, conditions: Record<string, unknown>) {
  const logs: { path?: string; message: string }[] = [];
  const result = await engine.runSequence(
    { name: 'platform', steps: Object.entries(conditions).map(([name, condition]) => ({ type: 'SetTaskSequenceVariable', name, variableName: 'A', variableValue: '1', condition })) },
    { onEvent: (event: EngineEvent) => void (event.kind === 'log' && logs.push(event as { path?: string; message: string })) },
  );
  const status = Object.fromEntries(result.steps.map((step) => [step.path, `${step.status}${step.message ? `: ${step.message}` : ''}`]));
  const said = (path: string) => logs.filter((log) => log.path === path).map((log) => log.message);
  return { status, said };
}

/** A package dpkg says is installed, and its version; undefined without dpkg. */
function dpkgVersion(name: string): string | undefined {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Version}', name], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

describe('platform conditions through the engine: registry, wmi, software', function () {
  this.timeout(120_000);
  let engine: Engine;
  before(async function () {
    ({ engine } = await startTestEngine());
  });
  after(async function () {
    await engine?.close();
  });

  (windows ? describe.skip : describe)('without a registry or WMI (Linux, macOS)', function () {
    it('every registry operator is false, and the log names the condition', async function () {
      const { status, said } = await run(engine, {
        exists: { registry: { keyPath: 'HKLM\\SOFTWARE\\X', value: 'V', operator: 'exists' } },
        notExists: { registry: { keyPath: 'HKEY_CURRENT_USER\\Software\\X', operator: 'notExists' } },
        equals: { registry: { keyPath: 'HKLM\\SOFTWARE\\X', value: 'V', operator: 'equals', data: '1' } },
        notEquals: { registry: { keyPath: 'HKCR\\X', operator: 'notEquals', data: '1' } },
        greater: { registry: { keyPath: 'HKU\\X', value: 'V', operator: 'greater', data: '1' } },
      });
      expect(status).to.deep.equal({ exists: 'Skipped', notExists: 'Skipped', equals: 'Skipped', notEquals: 'Skipped', greater: 'Skipped' });
      expect(said('exists')).to.include('The registry condition HKLM\\SOFTWARE\\X\\V is false: this platform has no registry');
      expect(said('notExists')).to.include('The registry condition HKEY_CURRENT_USER\\Software\\X is false: this platform has no registry');
    });

    it('a WMI query is false, and the log names it', async function () {
      const { status, said } = await run(engine, { bios: { wmi: { query: 'SELECT * FROM Win32_BIOS' } }, other: { wmi: { namespace: 'root\\wmi', query: 'SELECT * FROM X' } } });
      expect(status).to.deep.equal({ bios: 'Skipped', other: 'Skipped' });
      expect(said('bios')).to.include("The wmi condition 'SELECT * FROM Win32_BIOS' (root\\cimv2) is false: this platform has no WMI");
      expect(said('other')).to.include("The wmi condition 'SELECT * FROM X' (root\\wmi) is false: this platform has no WMI");
    });

    it('none: a registry condition is false even inside none (which then holds)', async function () {
      const { status } = await run(engine, { none: { none: [{ registry: { keyPath: 'HKLM\\X', operator: 'notExists' } }] } });
      expect(status).to.deep.equal({ none: 'Succeeded' });
    });

    it('a key path without a hive fails its step, as on Windows', async function () {
      const { status } = await run(engine, { bad: { registry: { keyPath: 'SOFTWARE\\X', operator: 'exists' } } });
      expect(status.bad).to.equal("Failed: The condition could not be evaluated: registry.keyPath 'SOFTWARE\\X' does not start with a hive (HKLM, HKCU, HKCR, HKU, HKCC or their long names).");
    });
  });

  (windows ? describe : describe.skip)('with a registry and WMI (Windows)', function () {
    it('reads the registry: exists, comparisons, short and long hive names, type', async function () {
      const key = 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion';
      const { status } = await run(engine, {
        exists: { registry: { keyPath: key, value: 'CurrentBuild', operator: 'exists' } },
        typed: { registry: { keyPath: key, value: 'CurrentBuild', type: 'REG_SZ', operator: 'exists' } },
        wrongType: { registry: { keyPath: key, value: 'CurrentBuild', type: 'REG_DWORD', operator: 'exists' } },
        greater: { registry: { keyPath: key.replace('HKLM', 'HKEY_LOCAL_MACHINE'), value: 'CurrentBuild', operator: 'greater', data: '1000' } },
        missing: { registry: { keyPath: `${key}\\NoSuchKey`, operator: 'exists' } },
        notExists: { registry: { keyPath: key, value: 'NoSuchValue', operator: 'notExists' } },
      });
      expect(status).to.deep.equal({ exists: 'Succeeded', typed: 'Succeeded', wrongType: 'Skipped', greater: 'Succeeded', missing: 'Skipped', notExists: 'Succeeded' });
    });

    it('runs WMI queries: one instance or none', async function () {
      const { status } = await run(engine, { some: { wmi: { query: 'SELECT * FROM Win32_OperatingSystem' } }, none: { wmi: { query: "SELECT * FROM Win32_Process WHERE Name = 'no-such-process.exe'" } } });
      expect(status).to.deep.equal({ some: 'Succeeded', none: 'Skipped' });
    });
  });

  const bash = windows ? undefined : dpkgVersion('bash');
  (bash ? describe : describe.skip)('installed software from dpkg (Debian)', function () {
    it('anyVersion and thisVersion of an installed package, a missing one, and codes dpkg does not have', async function () {
      const upstream = bash!.replace(/^\d+:/, '').replace(/-[^-]*$/, '');
      const { status, said } = await run(engine, {
        any: { software: { operator: 'anyVersion', productName: 'bash' } },
        anyCase: { software: { operator: 'anyVersion', productName: 'Bash' } },
        thisFull: { software: { operator: 'thisVersion', productName: 'bash', version: bash } },
        thisUpstream: { software: { operator: 'thisVersion', productName: 'coreutils', version: dpkgVersion('coreutils')!.replace(/-[^-]*$/, '') } },
        thisUpstreamBash: { software: { operator: 'thisVersion', productName: 'bash', version: upstream } },
        thisOther: { software: { operator: 'thisVersion', productName: 'bash', version: '0.1' } },
        missing: { software: { operator: 'anyVersion', productName: 'tsseq-no-such-package' } },
        glob: { software: { operator: 'anyVersion', productName: 'bas*' } },
        codeOnly: { software: { operator: 'anyVersion', upgradeCode: '{00000000-0000-0000-0000-000000000001}' } },
      });
      expect(status).to.deep.equal({
        any: 'Succeeded',
        anyCase: 'Succeeded',
        thisFull: 'Succeeded',
        thisUpstream: 'Succeeded',
        thisUpstreamBash: 'Succeeded',
        thisOther: 'Skipped',
        missing: 'Skipped',
        glob: 'Skipped',
        codeOnly: 'Skipped',
      });
      expect(said('thisOther')).to.include(`The software condition 'bash' is false: version 0.1 is not installed (installed: ${bash})`);
      expect(said('missing')).to.include("The software condition 'tsseq-no-such-package' is false: no such product is installed");
      expect(said('codeOnly')).to.include(
        "The software condition '{00000000-0000-0000-0000-000000000001}' is false: the dpkg package database has no MSI product or upgrade codes; name the package with productName",
      );
    });
  });
});
