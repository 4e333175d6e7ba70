// tsseq generate [--check]: regenerate generated/ from src/model; --check only reports drift.
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { paths } from '../../bridge/paths.js';
import { ExitCode } from '../exitCodes.js';

export function registerGenerateCommand(program: Command): void {
  program
    .command('generate')
    .description('regenerate generated/ from the TypeScript model (--check: exit 1 if it is out of date)')
    .option('--check', 'write nothing; list the files that differ and exit 1 if any do')
    .action(async (options: { check?: boolean }) => {
      // An installed package ships generated/ but not the model it comes from.
      if (!existsSync(join(paths.root, 'src', 'model'))) {
        process.stderr.write(`tsseq generate works in a clone of tsseq (it reads src/model); this installed package at ${paths.root} carries generated/ already built.\n`);
        process.exitCode = ExitCode.InvalidInput;
        return;
      }
      // Loaded on demand: the generator pulls in ts-morph, which costs ~1 s every other command would pay.
      const { generate } = await import('../../codegen/index.js');
      const { changed } = await generate({ root: paths.root, check: Boolean(options.check) });
      if (options.check) {
        if (changed.length === 0) {
          process.stdout.write('generated/ is up to date.\n');
          return;
        }
        process.stderr.write(`generated/ is out of date; run 'tsseq generate' (or npm run generate). Differing files:\n`);
        for (const file of changed) process.stderr.write(`  ${file}\n`);
        process.exitCode = ExitCode.Failed;
        return;
      }
      process.stdout.write(changed.length ? `Wrote ${changed.length} file(s):\n${changed.map((f: string) => `  ${f}\n`).join('')}` : 'generated/ was already up to date.\n');
    });
}
