// tsseq steps [--json]: the step types the model defines, from the generated catalog (so the
// CLI needs no engine to answer).
import type { Command } from 'commander';
import { stepCatalog } from '../../../generated/node/stepCatalog.js';
import { formatStepCatalog } from '../formatStepCatalog.js';

export function registerStepsCommand(program: Command): void {
  program
    .command('steps')
    .description('list the step types and their properties')
    .option('--json', 'print the step catalog as JSON')
    .action((options: { json?: boolean }) => {
      process.stdout.write(options.json ? `${JSON.stringify(stepCatalog, null, 2)}\n` : `${formatStepCatalog(stepCatalog)}\n`);
    });
}
