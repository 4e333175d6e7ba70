// tsseq run FILE: validate in Node (nothing runs if the document is wrong), then run it in the
// PowerShell engine through the bridge and report the result document. `runInEngine` is the
// part `tsseq resume` shares: engine start, interrupt handling, printing and the exit code.
import { dirname, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { Engine, type RestartProvider } from '../../bridge/Engine.js';
import { EngineRequestError } from '../../bridge/errors.js';
import type { EngineEvent, ResultDocument } from '../../bridge/protocol.js';
import type { EngineChoice } from '../../bridge/resolveEngine.js';
import { readSequenceFile } from '../../bridge/validateDocument.js';
import { CliError, ExitCode, exitCodeFor, isInvalidInputError } from '../exitCodes.js';
import { formatSummary } from '../formatSummary.js';
import { collectVariable, overrideVariables } from '../parseVariables.js';
import { verbosePrinter } from '../verboseEvents.js';
import { engineOption } from './options.js';

/** Options `run` and `resume` share. */
export interface EngineRunOptions {
  engine: EngineChoice;
  log?: string;
  restartProvider?: RestartProvider;
  verbose?: boolean;
  json?: boolean;
}

interface RunOptions extends EngineRunOptions {
  var?: string[];
  stateDir?: string;
  /** false with --no-state. */
  state?: boolean;
  whatIf?: boolean;
}

/** What a run call gets: the engine, the interrupt signal and the event callback. */
export interface RunCall {
  engine: Engine;
  signal: AbortSignal;
  onEvent?: (event: EngineEvent) => void;
}

export function restartProviderOption(): Option {
  return new Option('--restart-provider <provider>', 'who acts when a step asks for a restart').choices(['exit', 'windows', 'systemd']).default('exit');
}

export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description('run a sequence document in the PowerShell engine')
    .argument('<file>', 'sequence document (JSON)')
    .option('--var <NAME=VALUE>', 'set a variable, overriding the document (repeatable)', collectVariable)
    .addOption(engineOption())
    .option('--state-dir <dir>', 'folder for the saved state (restart/resume); default: a new folder per run')
    .option('--no-state', 'save no state: the run cannot be resumed')
    .option('--log <file>', 'write the CMTrace-format log to this file; default: Logs/smsts.log in the state folder')
    .addOption(restartProviderOption())
    .option('--what-if', 'show what would run without running it')
    .option('-v, --verbose', "print every step's output and log lines as they happen")
    .option('--json', 'print exactly the result document as JSON')
    .action(async (file: string, options: RunOptions) => {
      process.exitCode = await runSequenceFile(file, options);
    });
}

export async function runSequenceFile(file: string, options: RunOptions): Promise<number> {
  const document = readSequenceFile(file) as { variables?: Record<string, string>; name?: string; steps: [] };
  if (options.var?.length) document.variables = overrideVariables(document.variables, options.var);
  return runInEngine(file, document, options, ({ engine, signal, onEvent }) =>
    engine.runSequence(document, {
      validate: false, // done above, with the file name in the messages
      baseDirectory: dirname(resolve(file)),
      whatIf: options.whatIf,
      stateDirectory: options.stateDir === undefined ? undefined : resolve(options.stateDir),
      logPath: options.log === undefined ? undefined : resolve(options.log),
      restartProvider: options.restartProvider,
      noState: options.state === false,
      sourcePath: resolve(file),
      announceStateFolder: true,
      signal,
      onEvent,
    }),
  );
}

/**
 * Starts the engine, makes `call`, prints the result (or exactly the JSON) and returns the exit
 * code. With `verbose` the engine's log lines and every step's output are printed as they
 * happen. `label` starts error messages (the file, or the state folder); `document` places steps
 * in the summary when known.
 */
export async function runInEngine(label: string, document: { name?: string } | undefined, options: EngineRunOptions, call: (run: RunCall) => Promise<ResultDocument>): Promise<number> {
  // With --json, stdout carries only the result document; whatever the engine prints goes to stderr.
  const engine = await Engine.start({
    engine: options.engine,
    onOutput: (stream, text) => (options.json || stream === 'stderr' ? process.stderr : process.stdout).write(text),
  });
  const interrupt = new AbortController();
  // The shell's convention: 128 + the signal's number (SIGINT 130, SIGTERM 143).
  let signalExitCode = 130;
  const onSignal = (signal: NodeJS.Signals) => {
    signalExitCode = signal === 'SIGTERM' ? 143 : 130;
    interrupt.abort(new Error('interrupted'));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let result: ResultDocument;
  try {
    // Events cost the engine only when asked for: -v prints them live; without it a failed
    // step's last lines come in the result (outputTail) and the summary shows them.
    const onEvent = options.verbose ? verbosePrinter(process, options.json) : undefined;
    result = await call({ engine, signal: interrupt.signal, onEvent });
  } catch (error) {
    if (interrupt.signal.aborted) throw new CliError(`${label}: interrupted; the engine was stopped.`, signalExitCode);
    // The document or the variables were refused before anything ran (by Node or by the engine).
    if (isInvalidInputError(error)) {
      const where = error instanceof EngineRequestError && error.path ? `${error.path}: ` : '';
      throw new CliError(`${label}: ${where}${error.message}`, ExitCode.InvalidInput);
    }
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await engine.close();
  }

  if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else process.stdout.write(`${formatSummary(result, document, document?.name ? `Sequence: ${document.name}` : undefined)}\n`);
  return exitCodeFor(result);
}
