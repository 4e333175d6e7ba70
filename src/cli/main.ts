#!/usr/bin/env node
// tsseq: run, validate and inspect task sequences; drive the PowerShell engine from the shell.
import { Command, CommanderError } from 'commander';
import { EngineNotFoundError } from '../bridge/resolveEngine.js';
import { InvalidDocumentError } from '../bridge/validateDocument.js';
import { registerGenerateCommand } from './commands/generate.js';
import { registerPwshCommand } from './commands/pwsh.js';
import { registerResumeCommand } from './commands/resume.js';
import { registerRunCommand } from './commands/run.js';
import { registerStepsCommand } from './commands/steps.js';
import { registerValidateCommand } from './commands/validate.js';
import { guardBrokenPipes } from './brokenPipe.js';
import { CliError, ExitCode } from './exitCodes.js';
import { printable } from './printable.js';
import { versionText } from './version.js';

function buildProgram(): Command {
  const program = new Command('tsseq')
    .description('ConfigMgr-style task sequences, run by a PowerShell engine')
    .version(versionText(), '-V, --version', 'print the version of tsseq and of its step model')
    .showHelpAfterError()
    .exitOverride();
  registerRunCommand(program);
  registerResumeCommand(program);
  registerValidateCommand(program);
  registerStepsCommand(program);
  registerGenerateCommand(program);
  registerPwshCommand(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}

/**
 * Maps any failure to a message and an exit code; stack traces only with TSSEQ_DEBUG=1. Messages
 * may quote a document or the engine, so they pass through printable(); an empty CliError
 * message (a broken pipe) prints nothing.
 */
function exitCodeForError(error: unknown): number {
  if (error instanceof CommanderError) {
    // help and version are not errors; usage errors are invalid input (commander printed them)
    return error.exitCode === 0 ? ExitCode.Succeeded : ExitCode.InvalidInput;
  }
  if (error instanceof InvalidDocumentError) {
    process.stderr.write(`${printable(error.message)}\n`);
    return ExitCode.InvalidInput;
  }
  if (error instanceof CliError) {
    if (error.message) process.stderr.write(`tsseq: ${printable(error.message)}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`tsseq: ${printable(message)}\n`);
  if (process.env.TSSEQ_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return error instanceof EngineNotFoundError ? ExitCode.InvalidInput : ExitCode.Failed;
}

guardBrokenPipes();
try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  process.exitCode = exitCodeForError(error);
}
