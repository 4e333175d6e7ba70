// tsseq run FILE: validate in Node (nothing runs if the document is wrong), then run it in the
// PowerShell engine through the bridge and report the result document. `runInEngine` is the
// part `tsseq resume` shares: engine start, interrupt handling, printing and the exit code.
import { dirname, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { Engine, type RestartProvider } from '../../bridge/Engine.js';
import { EngineRequestError, EngineUnavailableError, RESTART_HINT } from '../../bridge/errors.js';
import type { EngineEvent, ResultDocument } from '../../bridge/protocol.js';
import type { EngineChoice } from '../../bridge/resolveEngine.js';
import { readSequenceFile } from '../../bridge/validateDocument.js';
import { onBrokenPipe, pipeBroken } from '../brokenPipe.js';
import { CliError, ExitCode, exitCodeFor, isInvalidInputError } from '../exitCodes.js';
import { formatSummary } from '../formatSummary.js';
import { checkPathOptions } from '../pathOptions.js';
import { collectVariable, overrideVariables, setVariables } from '../parseVariables.js';
import { printable, printableLine, printableStream } from '../printable.js';
import { RunProgress } from '../runProgress.js';
import { collectSecretName, readSecretsFile, readSecretValues, readVariablesFile, type Assignments } from '../variableFiles.js';
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
  varFile?: string[];
  secretsFile?: string[];
  secretVar?: string[];
  stateDir?: string;
  /** false with --no-state. */
  state?: boolean;
  whatIf?: boolean;
}

/** What a run call gets: the engine, the interrupt signal and the event callback. */
export interface RunCall {
  engine: Engine;
  signal: AbortSignal;
  onEvent: (event: EngineEvent) => void;
}

const collectFile = (file: string, previous: string[] = []) => [...previous, file];

export function restartProviderOption(): Option {
  return new Option('--restart-provider <provider>', 'who acts when a step asks for a restart').choices(['exit', 'windows', 'systemd']).default('exit');
}

export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description('run a sequence document in the PowerShell engine')
    .argument('<file>', 'sequence document (JSON)')
    .option('--var <NAME=VALUE>', 'set a variable, overriding the document (repeatable)', collectVariable)
    .option('--var-file <file>', 'set variables from a file of NAME=VALUE lines or a JSON object (repeatable)', collectFile)
    .option('--secrets-file <file>', 'set secret variables (masked everywhere) from a file only you can read: NAME=VALUE lines or a JSON object (repeatable)', collectFile)
    .option('--secret-var <NAME>', 'set a secret variable, its value read from stdin: one line per --secret-var, in order (prompted for on a terminal)', collectSecretName)
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
  checkPathOptions(options);
  const document = readSequenceFile(file) as { variables?: Record<string, string>; name?: string; steps: [] };
  // Plain variables go into the document (a file's, then --var's); secrets never do: they travel
  // as the run's secret variables, masked by the engine in everything it writes or returns.
  const plain: Assignments = (options.varFile ?? []).flatMap(readVariablesFile);
  if (plain.length) document.variables = setVariables(document.variables, plain);
  if (options.var?.length) document.variables = overrideVariables(document.variables, options.var);
  const secretPairs: Assignments = [...(options.secretsFile ?? []).flatMap(readSecretsFile), ...(await readSecretValues(options.secretVar ?? []))];
  const secrets = secretPairs.length ? setVariables(undefined, secretPairs) : undefined;
  return runInEngine(file, document, options, ({ engine, signal, onEvent }) =>
    engine.runSequence(document, {
      validate: false, // done above, with the file name in the messages
      variables: secrets,
      secrets: secrets ? Object.keys(secrets) : undefined,
      baseDirectory: dirname(resolve(file)),
      whatIf: options.whatIf,
      stateDirectory: options.stateDir === undefined ? undefined : resolve(options.stateDir),
      logPath: options.log === undefined ? undefined : resolve(options.log),
      restartProvider: options.restartProvider,
      noState: options.state === false,
      sourcePath: resolve(file),
      signal,
      onEvent,
    }),
  );
}

/**
 * Starts the engine, makes `call`, prints the result (or exactly the JSON) and returns the exit
 * code. With `verbose` the engine's log lines and every step's output are printed as they
 * happen. `label` starts error messages (the file, or the state folder); `document` places steps
 * in the summary when known. An engine that dies mid-run exits EngineFailed, reporting the
 * steps that had finished (taken from the run's events, which are asked for for that reason).
 */
export async function runInEngine(label: string, document: { name?: string } | undefined, options: EngineRunOptions, call: (run: RunCall) => Promise<ResultDocument>): Promise<number> {
  const progress = new RunProgress();
  const engineOutput = engineOutputPrinter(options.json);
  let stateFolder: string | undefined;
  let engine: Engine;
  try {
    engine = await Engine.start({ engine: options.engine, onOutput: engineOutput.write });
  } catch (error) {
    if (error instanceof EngineUnavailableError) return reportEngineFailure(label, error, progress, undefined, options.json, 'start');
    throw error;
  }
  const interrupt = new AbortController();
  // The shell's convention: 128 + the signal's number (SIGINT 130, SIGTERM 143, SIGPIPE 141).
  let signalExitCode = 130;
  const onSignal = (signal: NodeJS.Signals) => {
    signalExitCode = signal === 'SIGTERM' ? 143 : 130;
    interrupt.abort(new Error('interrupted'));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const stopListening = onBrokenPipe(() => {
    signalExitCode = ExitCode.BrokenPipe;
    interrupt.abort(new Error('output closed'));
  });
  let result: ResultDocument;
  try {
    // -v prints events live; without it they only feed `progress` (what finished, should the
    // engine die), and a failed step's last lines come in the result (outputTail).
    const printer = options.verbose ? verbosePrinter(process, options.json) : undefined;
    const onEvent = (event: EngineEvent) => {
      progress.observe(event);
      const announced = announcement(event);
      if (announced !== undefined) {
        stateFolder ??= announced.stateFolder;
        // Without -v these are the log lines the CLI shows, as the engine itself would say them.
        if (!printer && !pipeBroken()) process.stderr.write(`tsseq: ${printable(announced.line)}\n`);
      }
      if (!pipeBroken()) printer?.(event);
    };
    result = await call({ engine, signal: interrupt.signal, onEvent });
  } catch (error) {
    if (signalExitCode === ExitCode.BrokenPipe) throw new CliError('', ExitCode.BrokenPipe); // nobody is reading
    if (interrupt.signal.aborted) throw new CliError(`${label}: interrupted; the engine was stopped.`, signalExitCode);
    if (error instanceof EngineUnavailableError) return reportEngineFailure(label, error, progress, stateFolder, options.json, 'run');
    // The document or the variables were refused before anything ran (by Node or by the engine).
    if (isInvalidInputError(error)) {
      const where = error instanceof EngineRequestError && error.path ? `${error.path}: ` : '';
      throw new CliError(`${label}: ${where}${error.message}`, ExitCode.InvalidInput);
    }
    throw error;
  } finally {
    stopListening();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await engine.close();
    engineOutput.end();
  }

  if (pipeBroken()) return ExitCode.BrokenPipe;
  if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else process.stdout.write(`${formatSummary(result, document, document?.name ? `Sequence: ${document.name}` : undefined)}\n`);
  return exitCodeFor(result);
}

/**
 * The engine's own stdout and stderr (a script's [Console] writes) as the terminal may show them;
 * with --json all of it goes to stderr, keeping stdout for the document.
 */
function engineOutputPrinter(json: boolean | undefined) {
  const stdout = printableStream((text) => !pipeBroken() && process.stdout.write(text));
  const stderr = printableStream((text) => !pipeBroken() && process.stderr.write(text));
  return {
    write: (stream: 'stdout' | 'stderr', text: string) => (json || stream === 'stderr' ? stderr : stdout).write(text),
    end: () => {
      stdout.end();
      stderr.end();
    },
  };
}

/**
 * The engine's announcements (SequenceRun.Announce), which it leaves to the events when they are
 * listened to: "State folder: DIR[; resuming at …]" and "The run in DIR already finished (…)…".
 * Returns the line as the CLI prints it and the state folder it names.
 */
function announcement(event: EngineEvent): { line: string; stateFolder?: string } | undefined {
  if (event.kind !== 'log' || typeof event.message !== 'string') return undefined;
  const folder = /^State folder: (.+?)(; resuming at .*)?$/s.exec(event.message);
  if (folder) return { line: `state folder: ${folder[1]}${folder[2] ?? ''}`, stateFolder: folder[1]! };
  if (/^The run in .+ already finished \(/s.test(event.message)) return { line: `t${event.message.slice(1)}` };
  return undefined;
}

/** What the CLI says when the engine could not start or died mid-run: exit EngineFailed. */
function reportEngineFailure(label: string, error: EngineUnavailableError, progress: RunProgress, stateFolder: string | undefined, json: boolean | undefined, when: 'start' | 'run'): number {
  const what = when === 'start' ? 'the engine could not start' : 'the engine died during the run';
  if (pipeBroken()) return ExitCode.EngineFailed;
  // The CLI makes no next call: the bridge's hint that one would start a fresh engine does not apply.
  const reason = error.reason.endsWith(RESTART_HINT) ? error.reason.slice(0, -RESTART_HINT.length) : error.reason;
  if (json) {
    const report = {
      status: 'EngineFailed',
      exitCode: ExitCode.EngineFailed,
      error: `${what}: ${reason}${error.message.slice(error.reason.length)}`,
      ...(progress.runningStep === undefined ? {} : { runningStep: progress.runningStep }),
      ...(stateFolder === undefined ? {} : { stateDirectory: stateFolder }),
      steps: progress.finished,
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  }
  // The engine's stderr has been shown as it came (engineOutputPrinter): not quoted a second time.
  const lines = [`tsseq: ${printableLine(label)}: ${what}: ${printable(reason)}`];
  if (when === 'run') {
    lines.push(progress.finished.length ? `Steps and groups finished before it died (${progress.finished.length}):` : 'No step or group had finished.');
    for (const step of progress.finished) lines.push(`  ${printableLine(step.path)}  ${printableLine(String(step.status))}${step.exitCode === undefined || step.exitCode === null ? '' : `  exit ${step.exitCode}`}`);
    if (progress.runningStep !== undefined) lines.push(`Running when it died: ${printableLine(progress.runningStep)}`);
    if (stateFolder !== undefined) lines.push(`The state is saved: 'tsseq resume --state-dir ${printableLine(stateFolder)}' continues the run.`);
  }
  process.stderr.write(`${lines.join('\n')}\n`);
  return ExitCode.EngineFailed;
}
