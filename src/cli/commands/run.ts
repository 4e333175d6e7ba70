// tsseq run FILE: validate in Node (nothing runs if the document is wrong), then run it in the
// PowerShell engine through the bridge and report the result document.
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { Engine } from '../../bridge/Engine.js';
import { EngineRequestError } from '../../bridge/errors.js';
import type { ResultDocument } from '../../bridge/protocol.js';
import type { EngineChoice } from '../../bridge/resolveEngine.js';
import { readSequenceFile } from '../../bridge/validateDocument.js';
import { CliError, ExitCode, exitCodeFor, isInvalidInputError } from '../exitCodes.js';
import { formatSummary } from '../formatSummary.js';
import { collectVariable, overrideVariables } from '../parseVariables.js';
import { engineOption } from './options.js';

interface RunOptions {
  var?: string[];
  engine: EngineChoice;
  stateDir?: string;
  log?: string;
  whatIf?: boolean;
  json?: boolean;
}

export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description('run a sequence document in the PowerShell engine')
    .argument('<file>', 'sequence document (JSON)')
    .option('--var <NAME=VALUE>', 'set a variable, overriding the document (repeatable)', collectVariable)
    .addOption(engineOption())
    .option('--state-dir <dir>', 'folder for the saved state (restart/resume)')
    .option('--log <file>', 'write the engine log to this file')
    .option('--what-if', 'show what would run without running it')
    .option('--json', 'print exactly the result document as JSON')
    .action(async (file: string, options: RunOptions) => {
      process.exitCode = await runSequenceFile(file, options);
    });
}

export async function runSequenceFile(file: string, options: RunOptions): Promise<number> {
  const document = readSequenceFile(file) as { variables?: Record<string, string>; name?: string; steps: [] };
  // Accepted for the documented command line, but not built yet: say so rather than ignore them.
  for (const [given, option] of [[options.log, '--log'], [options.stateDir, '--state-dir']] as const) {
    if (given !== undefined) process.stderr.write(`tsseq: ${option} is not implemented yet; it has no effect on this run.\n`);
  }
  if (options.var?.length) document.variables = overrideVariables(document.variables, options.var);

  // With --json, stdout carries only the result document; whatever the engine prints goes to stderr.
  const engine = await Engine.start({
    engine: options.engine,
    onOutput: (stream, text) => (options.json || stream === 'stderr' ? process.stderr : process.stdout).write(text),
  });
  const interrupt = new AbortController();
  const onSignal = () => interrupt.abort(new Error('interrupted'));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let result: ResultDocument;
  try {
    result = await engine.runSequence(document, {
      validate: false, // done above, with the file name in the messages
      baseDirectory: dirname(resolve(file)),
      whatIf: options.whatIf,
      stateDirectory: options.stateDir === undefined ? undefined : resolve(options.stateDir),
      logPath: options.log === undefined ? undefined : resolve(options.log),
      signal: interrupt.signal,
    });
  } catch (error) {
    if (interrupt.signal.aborted) throw new CliError(`${file}: interrupted; the engine was stopped.`, 130);
    // The document or the variables were refused before anything ran (by Node or by the engine).
    if (isInvalidInputError(error)) {
      const where = error instanceof EngineRequestError && error.path ? `${error.path}: ` : '';
      throw new CliError(`${file}: ${where}${error.message}`, ExitCode.InvalidInput);
    }
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await engine.close();
  }

  if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else process.stdout.write(`${formatSummary(result, document, document.name ? `Sequence: ${document.name}` : undefined)}\n`);
  return exitCodeFor(result);
}
