// tsseq validate FILE: the same checks `run` makes before anything runs, plus a warning for each
// step this version cannot run yet (still valid: exit 0).
import type { Command } from 'commander';
import { documentWarnings, readSequenceFile } from '../../bridge/validateDocument.js';
import { printable, printableLine } from '../printable.js';

export function registerValidateCommand(program: Command): void {
  program
    .command('validate')
    .description('check a sequence document against the schema (exit 2 if invalid)')
    .argument('<file>', 'sequence document (JSON)')
    .action((file: string) => {
      const document = readSequenceFile(file) as { steps: unknown[] };
      for (const warning of documentWarnings(document)) process.stderr.write(`${printableLine(file)}: warning: ${printable(warning)}\n`);
      const count = countSteps(document.steps);
      process.stdout.write(`${printableLine(file)}: valid (${count === 1 ? '1 step or group' : `${count} steps and groups`})\n`);
    });
}

function countSteps(steps: unknown): number {
  if (!Array.isArray(steps)) return 0;
  return steps.reduce<number>((sum, step) => sum + 1 + countSteps((step as { steps?: unknown })?.steps), 0);
}
