// A generated command called without a mandatory parameter, in the embedded pwsh run with -File.
// PowerShell's console host prompts for the value unless -NonInteractive is given, even when
// standard input is not a terminal: then it prints the prompt into the output and takes the
// answer from standard input (a pipe's next line, or nothing at its end) or waits for ever on a
// pipe that stays open. The generated functions fail instead, naming every missing parameter,
// whenever standard input is redirected; a console on a terminal still prompts.
import { expect } from 'chai';
import { spawn, spawnSync, type StdioOptions } from 'node:child_process';
import { join } from 'node:path';
import { paths } from '../../src/bridge/paths.js';
import { testEngineCommand } from '../support/engine.js';

const engine = testEngineCommand();

const driver = join(paths.root, 'test', 'ps-module', 'fixtures', 'with-module.ps1');
const engineArgs = (script: string, extra: string[] = []) => [...engine.prefixArgs, '-NoProfile', ...extra, '-File', driver, '-ModulePath', paths.moduleManifest, '-Script', script];

// Prints what the call produced, or the message of the error it stopped with.
const connectWithoutCredentials = `
  try { $step = New-TsConnectNetworkFolderStep -Path '\\\\server\\share'; 'STEP=' + ($step | ConvertTo-Json -Compress) }
  catch { 'ERROR=' + $_.Exception.InnerException.Message }
  'AFTER'`;

const missingMessage = 'ERROR=New-TsConnectNetworkFolderStep is missing mandatory parameters: -Name, -Username, -Password. PowerShell cannot prompt for them because standard input is not a terminal; pass them as arguments.';

/** Runs the engine with the given stdin; `input` is written (and stdin left open unless `close`). */
function run(script: string, options: { stdio: StdioOptions; input?: string; close?: boolean; extra?: string[] }): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(engine.command, engineArgs(script, options.extra), { stdio: options.stdio, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    // A prompt waiting on an open pipe would never end: give up well before mocha does.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the engine did not finish (waiting for input?); stdout: ${stdout}`));
    }, 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code });
    });
    if (child.stdin) {
      child.stdin.on('error', () => undefined);
      if (options.input !== undefined) child.stdin.write(options.input);
      if (options.close) child.stdin.end();
    }
  });
}

describe('generated commands missing a mandatory parameter', function () {
  this.timeout(120_000);

  it('fail naming every missing parameter when stdin is a pipe that stays open (no prompt, no hang)', async function () {
    const result = await run(connectWithoutCredentials, { stdio: ['pipe', 'pipe', 'pipe'] });
    expect(result.stdout).to.not.contain('Supply values');
    expect(result.stdout).to.contain(missingMessage);
    expect(result.stdout).to.contain('AFTER');
  });

  it('do not take the value from piped stdin', async function () {
    const result = await run(
      "try { $s = New-TsRunCommandLineStep -Name 'Hello'; 'STEP=' + $s.commandLine } catch { 'ERROR=' + $_.Exception.InnerException.Message }",
      { stdio: ['pipe', 'pipe', 'pipe'], input: 'rm -rf /tmp/not-this\n', close: true },
    );
    expect(result.stdout).to.not.contain('STEP=');
    expect(result.stdout).to.contain('ERROR=New-TsRunCommandLineStep is missing mandatory parameters: -CommandLine.');
  });

  it('fail the same way with stdin from /dev/null, and with -NonInteractive', async function () {
    const devNull = await run(connectWithoutCredentials, { stdio: ['ignore', 'pipe', 'pipe'] });
    expect(devNull.stdout).to.not.contain('Supply values');
    expect(devNull.stdout).to.contain(missingMessage);
    const nonInteractive = await run(connectWithoutCredentials, { stdio: ['pipe', 'pipe', 'pipe'], extra: ['-NonInteractive'] });
    expect(nonInteractive.stdout).to.contain(missingMessage);
  });

  it('name -Type for Invoke-TsStep without a step, and still take steps from the pipeline', async function () {
    const result = await run(
      `
      try { Invoke-TsStep } catch { 'ERROR=' + $_.Exception.InnerException.Message }
      'PIPED=' + (@{ type = 'SetTaskSequenceVariable'; name = 'Set'; variableName = 'A'; variableValue = '1' } | Invoke-TsStep).status`,
      { stdio: ['pipe', 'pipe', 'pipe'], close: true },
    );
    expect(result.stdout).to.contain('ERROR=Invoke-TsStep is missing mandatory parameters: -Type.');
    expect(result.stdout).to.contain('PIPED=Succeeded');
  });

  it('keep their parameters Mandatory for help and Get-Command', async function () {
    const result = await run(
      `
      'HELP=' + (Get-Help New-TsRunCommandLineStep -Parameter CommandLine).required
      'COMMAND=' + (Get-Command New-TsRunCommandLineStep).Parameters['CommandLine'].Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] }).Mandatory`,
      { stdio: ['pipe', 'pipe', 'pipe'], close: true },
    );
    expect(result.stdout).to.contain('HELP=true');
    expect(result.stdout).to.contain('COMMAND=True');
  });

  it('still prompt in a console on a terminal, and use the typed value', async function () {
    if (process.platform === 'win32' || spawnSync('sh', ['-c', 'command -v script']).status !== 0) this.skip();
    const script = "$s = New-TsRunCommandLineStep -Name 'Hello'; 'STEP=' + $s.commandLine";
    const quoted = [engine.command, ...engineArgs(script)].map((part) => `'${part.replace(/'/g, "'\\''")}'`).join(' ');
    // script(1) gives the engine a pseudo-terminal; answer the prompt once it shows.
    const result = await new Promise<string>((resolve, reject) => {
      const child = spawn('script', ['-qec', quoted, '/dev/null'], { env: { ...process.env, NO_COLOR: '1', TERM: 'dumb' } });
      let output = '';
      let answered = false;
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`no prompt or no end; output: ${output}`));
      }, 60_000);
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        output += chunk;
        // .NET's console asks the terminal where the cursor is (ESC[6n) and waits for the answer.
        const queries = chunk.match(/\x1b\[6n/g)?.length ?? 0;
        if (queries > 0) child.stdin.write('\x1b[1;1R'.repeat(queries));
        if (!answered && output.includes('CommandLine:')) {
          answered = true;
          child.stdin.write('echo typed\r');
        }
      });
      child.on('close', () => {
        clearTimeout(timer);
        resolve(output);
      });
    });
    expect(result).to.contain('Supply values for the following parameters');
    expect(result).to.contain('STEP=echo typed');
  });
});
