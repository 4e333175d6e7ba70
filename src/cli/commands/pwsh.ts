// tsseq pwsh [-- args...]: the resolved PowerShell host with generated/ on PSModulePath, so
// `Import-Module TsSequence` works by name. Arguments, stdio and the exit code pass straight through.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import type { Command } from 'commander';
import { engineEnvironment } from '../../bridge/engineProcess.js';
import { paths } from '../../bridge/paths.js';
import { resolveEngine, type EngineChoice } from '../../bridge/resolveEngine.js';
import { engineOption } from './options.js';

export function registerPwshCommand(program: Command): void {
  program
    .command('pwsh')
    .description('start the PowerShell engine with the TsSequence module on PSModulePath (pass its arguments after --)')
    .argument('[args...]', 'arguments for PowerShell, e.g. -- -Command "Import-Module TsSequence; Get-TsStepType"')
    .addOption(engineOption())
    .action(async (args: string[], options: { engine: EngineChoice }) => {
      process.exitCode = await runPowerShell(args, options.engine);
    });
}

export function withModulePath(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): NodeJS.ProcessEnv {
  const separator = platform === 'win32' ? ';' : ':';
  const existing = env.PSModulePath;
  return { ...env, PSModulePath: existing ? `${paths.generated}${separator}${existing}` : paths.generated };
}

function runPowerShell(args: string[], choice: EngineChoice): Promise<number> {
  const engine = resolveEngine({ engine: choice });
  const child = spawn(engine.command, [...engine.prefixArgs, ...args], {
    stdio: 'inherit',
    env: withModulePath({ ...engineEnvironment(process.env), ...engine.env }),
  });
  // The child shares the terminal and gets Ctrl+C itself; we only wait for its exit code.
  const ignore = () => undefined;
  process.on('SIGINT', ignore);
  return new Promise((resolve, reject) => {
    child.once('error', (error) => reject(new Error(`Cannot start ${engine.command}: ${error.message}`)));
    child.once('close', (code, signal) => {
      process.off('SIGINT', ignore);
      resolve(code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1));
    });
  });
}
