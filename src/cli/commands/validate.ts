// tsseq validate FILE: the same checks `run` makes before anything runs.
import type { Command } from 'commander';
import { readSequenceFile } from '../../bridge/validateDocument.js';

export function registerValidateCommand(program: Command): void {
  program
    .command('validate')
    .description('check a sequence document against the schema (exit 2 if invalid)')
    .argument('<file>', 'sequence document (JSON)')
    .action((file: string) => {
      const document = readSequenceFile(file) as { steps: unknown[] };
      const count = countSteps(document.steps);
      process.stdout.write(`${file}: valid (${count} step${count === 1 ? '' : 's'} and groups)\n`);
    });
}

function countSteps(steps: unknown): number {
  if (!Array.isArray(steps)) return 0;
  return steps.reduce<number>((sum, step) => sum + 1 + countSteps((step as { steps?: unknown })?.steps), 0);
}
