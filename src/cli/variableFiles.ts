// Variables and secrets that do not travel in argv (which every local user can read in ps):
//   --var-file FILE       plain variables from a file
//   --secrets-file FILE   secret variables from a file only its owner can read (mode & 077 = 0)
//   --secret-var NAME     a secret variable whose value is read from stdin, one line per
//                         --secret-var in the order given (prompted for, without echo, on a terminal)
// A file is either NAME=VALUE lines (the first '=' splits; blank lines and lines starting with
// '#' are skipped; no quoting: the rest of the line is the value) or a JSON object of string
// values, for values with newlines. Names follow the task-sequence rules. No message ever
// repeats a value: a malformed line is named by its file and number only.
import { variableNameProblem } from '../bridge/variables.js';
import { DocumentFileError, readDocumentText } from '../bridge/documentFile.js';
import { parseJsonWithLocation } from '../bridge/jsonLocation.js';
import { CliError, ExitCode } from './exitCodes.js';

export type Assignments = Array<[name: string, value: string]>;

function invalid(message: string): CliError {
  return new CliError(message, ExitCode.InvalidInput);
}

function checkName(where: string, name: string): string {
  const problem = variableNameProblem(name);
  if (problem) throw invalid(`${where}: ${problem}`);
  return name.trim();
}

/** The assignments a variables or secrets file holds (see the header for the two formats). */
export function parseVariableFile(file: string, text: string): Assignments {
  if (text.trimStart().startsWith('{')) {
    const parsed = parseJsonWithLocation(text);
    if (!parsed.ok) throw invalid(`${file}:${parsed.problem.line}:${parsed.problem.column}: invalid JSON: ${parsed.problem.message}`);
    const value = parsed.value;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(`${file}: expected a JSON object of NAME: "value" pairs`);
    return Object.entries(value).map(([name, item]) => {
      if (typeof item !== 'string') throw invalid(`${file}: $.${name}: the value must be a string`);
      return [checkName(file, name), item];
    });
  }
  const assignments: Assignments = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    const equals = line.indexOf('=');
    if (equals <= 0 || line.slice(0, equals).trim() === '') throw invalid(`${file}:${index + 1}: expected NAME=VALUE (the line's text is not shown: it may be a secret)`);
    assignments.push([checkName(`${file}:${index + 1}`, line.slice(0, equals)), line.slice(equals + 1)]);
  });
  return assignments;
}

function readFileText(file: string, what: string, ownerOnly: boolean): string {
  try {
    return readDocumentText(file, { what, ownerOnly });
  } catch (error) {
    if (error instanceof DocumentFileError) throw invalid(error.message);
    throw error;
  }
}

/** --var-file: plain variables. */
export function readVariablesFile(file: string): Assignments {
  return parseVariableFile(file, readFileText(file, 'variables file', false));
}

/** --secrets-file: refused unless only its owner can read and write it. */
export function readSecretsFile(file: string): Assignments {
  return parseVariableFile(file, readFileText(file, 'secrets file', true));
}

/** Commander collector for --secret-var NAME: checks the name at parse time. */
export function collectSecretName(name: string, previous: string[] = []): string[] {
  return [...previous, checkName(`--secret-var '${name}'`, name)];
}

/** The most stdin may hold for --secret-var values. */
const MAX_STDIN_BYTES = 1024 * 1024;

/** One value per name from `input`, line by line, in order; refuses too few or too many lines. */
export function splitSecretLines(names: string[], text: string): Assignments {
  const lines = text.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop(); // the final newline
  if (lines.length < names.length) {
    throw invalid(`--secret-var ${names[lines.length]}: stdin ended before its value (give one line per --secret-var, in the order of the flags)`);
  }
  if (lines.length > names.length) throw invalid(`stdin has ${lines.length} lines but there are ${names.length} --secret-var flags (one line per --secret-var, in order)`);
  return names.map((name, i) => [name, lines[i]!]);
}

async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_STDIN_BYTES) throw invalid(`stdin holds more than ${MAX_STDIN_BYTES} bytes; --secret-var reads one line per flag`);
    chunks.push(chunk);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw invalid('stdin is not valid UTF-8 text (--secret-var values are read from it)');
  }
}

/** Reads one line from a terminal without echoing it; Ctrl+C or Ctrl+D stops. */
function promptHidden(name: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(`${name} (secret, not shown): `);
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (error?: Error) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003') return finish(new CliError('interrupted', 130));
        if (ch === '\u0004') return finish(invalid(`--secret-var ${name}: no value given`));
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

/** The values of the --secret-var flags: prompted for on a terminal, else read from stdin. */
export async function readSecretValues(names: string[]): Promise<Assignments> {
  if (names.length === 0) return [];
  if (process.stdin.isTTY) {
    const assignments: Assignments = [];
    for (const name of names) assignments.push([name, await promptHidden(name)]);
    return assignments;
  }
  return splitSecretLines(names, await readAllStdin());
}
