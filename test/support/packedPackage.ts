// The packed package (npm pack, which builds first: prepack) installed into a fresh consumer
// project, as `npm install tsseq-<version>.tgz` would lay it out; its dependencies are linked
// from this clone's node_modules (the tests run offline).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { paths } from '../../src/bridge/paths.js';
import { tempDirectory } from './tempFiles.js';

/** A consumer project with the packed tsseq installed in node_modules (its dependencies linked from this clone's). */
export function installPacked(): string {
  const project = mkdtempSync(join(tempDirectory(), 'packed-consumer-'));
  const modules = join(project, 'node_modules');
  mkdirSync(join(modules, '@types'), { recursive: true });
  const pack = spawnSync('npm', ['pack', '--json', '--pack-destination', project], { cwd: paths.root, encoding: 'utf8' });
  if (pack.status !== 0) throw new Error(`npm pack failed: ${pack.stderr}`);
  const [{ filename }] = JSON.parse(pack.stdout) as [{ filename: string }];
  const untar = spawnSync('tar', ['-xzf', join(project, filename), '-C', modules], { encoding: 'utf8' });
  if (untar.status !== 0) throw new Error(`tar failed: ${untar.stderr}`);
  renameSync(join(modules, 'package'), join(modules, 'tsseq'));
  const manifest = JSON.parse(readFileSync(join(paths.root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  for (const name of [...Object.keys(manifest.dependencies), '@types/node']) symlinkSync(join(paths.root, 'node_modules', name), join(modules, name), 'dir');
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  return project;
}

