// Locations inside the repository (or installed package). Compiled code lives in dist/src/...,
// source in src/..., so we walk up to the package.json that names this package instead of
// counting "..": both layouts then resolve to the same root.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(start: string): string {
  let dir = start;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if (JSON.parse(readFileSync(manifest, 'utf8')).name === 'tsseq') return dir;
      } catch {
        // an unreadable package.json is not ours; keep walking
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`tsseq: cannot find the package root above ${start}`);
    dir = parent;
  }
}

export const repoRoot: string = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

export const paths = {
  root: repoRoot,
  generated: join(repoRoot, 'generated'),
  moduleManifest: join(repoRoot, 'generated', 'TsSequence', 'TsSequence.psd1'),
  schema: join(repoRoot, 'generated', 'tsseq.schema.json'),
  bridgeScript: join(repoRoot, 'ps-module', 'bridge', 'Start-TsBridge.ps1'),
  /** The embedded engine's $PSHOME: real pwsh published by host/ (tsseq-host.dll, pwsh, Modules/). */
  embeddedHome: join(repoRoot, 'host', 'bin', 'publish'),
  embeddedHostDll: join(repoRoot, 'host', 'bin', 'publish', 'tsseq-host.dll'),
} as const;
