// tsseq resume --state-dir DIR: continue a run that stopped for a restart (exit 3010) or was
// killed, at the step its saved state names; a finished run says so and exits with its result's
// code (0 when it had succeeded).
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { SequenceOutline } from '../../bridge/Engine.js';
import { checkPathOptions } from '../pathOptions.js';
import { engineOption } from './options.js';
import { restartProviderOption, runInEngine, type EngineRunOptions } from './run.js';

interface ResumeOptions extends EngineRunOptions {
  stateDir: string;
}

export function registerResumeCommand(program: Command): void {
  program
    .command('resume')
    .description('continue a run from its saved state (after a restart or a crash)')
    .requiredOption('--state-dir <dir>', 'the folder the run saved its state in')
    .addOption(engineOption())
    .option('--log <file>', 'write the CMTrace-format log to this file; default: the run\'s own log')
    .addOption(restartProviderOption())
    .option('-v, --verbose', "print every step's output and log lines as they happen")
    .option('--json', 'print exactly the result document as JSON')
    .action(async (options: ResumeOptions) => {
      checkPathOptions(options);
      const stateDirectory = resolve(options.stateDir);
      // The saved document is known only once the engine answers: the summary reads this object
      // after the call, so the call fills it with the document's outline (names and nesting),
      // which is taken off the result so `--json` prints exactly the result document.
      const outline: SequenceOutline = {};
      process.exitCode = await runInEngine(stateDirectory, outline, options, async ({ engine, signal, onEvent }) => {
        const { outline: saved, ...result } = await engine.resumeSequence({
          stateDirectory,
          logPath: options.log === undefined ? undefined : resolve(options.log),
          restartProvider: options.restartProvider,
          outline: true,
          signal,
          onEvent,
        });
        Object.assign(outline, saved);
        return result;
      });
    });
}
