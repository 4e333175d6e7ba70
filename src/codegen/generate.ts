// generate({ root, check }): renders every generated file from the model and writes them, or
// (check) writes nothing and reports the files that differ, are missing or should not be there.
// Paths are relative to root with '/' separators, sorted.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { emitCSharpCatalog } from './emitCSharpCatalog.js';
import { emitNodeBuilders } from './emitNodeBuilders.js';
import { emitNodeCatalog, emitNodeIndex } from './emitNodeCatalog.js';
import { emitPsd1 } from './emitPsd1.js';
import { emitPsm1, generatedFunctionNames } from './emitPsm1.js';
import { emitSchema } from './emitSchema.js';
import { GENERATOR_COMMAND, HEADER_LINES } from './header.js';
import type { CodegenModel } from './model.js';
import { createModelProject } from './project.js';
import { readModel } from './readModel.js';
import { validateModel } from './validateModel.js';

export const GENERATED_DIR = 'generated';

/**
 * Public functions of the runtime that DESIGN.md promises (section 4, PowerShell). They are
 * exported even before their ps-module/Public/ files exist, so the manifest's export list does
 * not change as the runtime grows into its documented surface.
 */
export const DOCUMENTED_RUNTIME_FUNCTIONS = ['Get-TsVariable', 'Invoke-TsSequence', 'Resume-TsSequence', 'Set-TsVariable', 'Test-TsSequence'];

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export interface GenerateOptions {
  /** Repository root (holds package.json, tsconfig.json, src/model/, ps-module/). */
  root: string;
  /** Write nothing; report what differs. */
  check?: boolean;
}

export interface GenerateResult {
  /** Generated files that were (or, with check, would be) written or deleted. */
  changed: string[];
}

export async function generate({ root, check = false }: GenerateOptions): Promise<GenerateResult> {
  const files = await renderFiles(root);
  const existing = await listFiles(join(root, GENERATED_DIR));
  const changed: string[] = [];
  for (const [path, content] of files) {
    const current = await readFile(join(root, path)).catch(() => undefined);
    if (current === undefined || !current.equals(content)) changed.push(path);
  }
  const extra = existing.map((path) => `${GENERATED_DIR}/${path}`).filter((path) => !files.has(path));
  changed.push(...extra);
  if (!check) {
    for (const path of changed) {
      const content = files.get(path);
      const target = join(root, path);
      if (content === undefined) {
        await rm(target, { force: true });
      } else {
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, content);
      }
    }
  }
  return { changed: changed.sort() };
}

/** Reads and validates the model of the repository at root. */
export function loadModel(root: string): CodegenModel {
  const { project, modelDir } = createModelProject(root);
  const model = readModel({ project, modelDir });
  validateModel(model);
  return model;
}

/** SHA-256 (hex) of the intermediate model's JSON. */
export function modelHash(model: CodegenModel): string {
  return createHash('sha256').update(JSON.stringify(model), 'utf8').digest('hex');
}

/** Every generated file: path relative to root ('/' separators) -> exact bytes. */
export async function renderFiles(root: string): Promise<Map<string, Buffer>> {
  const model = loadModel(root);
  const hash = modelHash(model);
  const packageJson = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string; description?: string };
  const publicFunctions = runtimePublicFunctions(root);
  const generated = generatedFunctionNames(model);
  const exported = [...new Set([...generated, ...publicFunctions, ...DOCUMENTED_RUNTIME_FUNCTIONS])].sort();
  const files = new Map<string, Buffer>();
  const text = (path: string, content: string): void => void files.set(`${GENERATED_DIR}/${path}`, Buffer.from(content, 'utf8'));
  const powerShell = (path: string, content: string): void => void files.set(`${GENERATED_DIR}/${path}`, Buffer.concat([UTF8_BOM, Buffer.from(content, 'utf8')]));

  powerShell('TsSequence/TsSequence.psd1', emitPsd1({ version: packageJson.version, description: packageJson.description ?? 'tsseq task sequences.', functions: exported, modelHash: hash }));
  powerShell('TsSequence/TsSequence.psm1', emitPsm1(model, exported));
  text('csharp/StepCatalog.g.cs', emitCSharpCatalog(model));
  text('tsseq.schema.json', emitSchema(model));
  text('node/stepCatalog.ts', emitNodeCatalog(model, hash));
  text('node/builders.ts', emitNodeBuilders(model));
  text('node/index.ts', emitNodeIndex());
  text('README.md', readme());
  text('.gitattributes', `${HEADER_LINES.map((line) => `# ${line}`).join('\n')}\n# Byte-exact checkouts on every platform, so the drift check compares like with like.\n* -text\n`);
  return files;
}

/** Base names of ps-module/Public/*.ps1 (one public runtime function per file), sorted. */
export function runtimePublicFunctions(root: string): string[] {
  const folder = join(root, 'ps-module', 'Public');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.toLowerCase().endsWith('.ps1'))
    .map((name) => name.slice(0, -'.ps1'.length))
    .sort();
}

async function listFiles(directory: string): Promise<string[]> {
  if (!existsSync(directory)) return [];
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(directory, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

function readme(): string {
  return [
    '# generated/',
    '',
    ...HEADER_LINES.map((line) => `${line}`),
    '',
    'Everything here is written by the generator from the TypeScript step model and committed;',
    `CI runs \`${GENERATOR_COMMAND} --check\` and fails when a file here differs from what the model gives.`,
    '',
    '| File | What it is | Read by |',
    '| --- | --- | --- |',
    '| `TsSequence/TsSequence.psd1` | Module manifest: exports, editions, version, model hash | `Import-Module` |',
    '| `TsSequence/TsSequence.psm1` | Loads the runtime (`ps-module/`), defines `New-Ts*Step`, `New-TsGroup`, `Invoke-TsStep`, `Get-TsStepType` with help | PowerShell |',
    '| `csharp/StepCatalog.g.cs` | The model as C# data: `TsSequence.Model.StepCatalog` (step types, common and group options, Group, Node, document properties) | the engine core (`ps-module/csharp/TsSequence.Core`, which compiles it in) |',
    '| `tsseq.schema.json` | JSON Schema (draft-07) of sequence documents | editors, `tsseq validate` |',
    '| `node/stepCatalog.ts`, `node/index.ts` | The model as typed constants | the Node bridge and CLI |',
    '| `node/builders.ts` | The typed step builders (`steps.runCommandLine({...})`, `steps.group`, `steps.node`) with the model\'s help | the package API (`src/api/`) |',
    '',
    'PowerShell files are UTF-8 with a byte order mark and ASCII text, so Windows PowerShell 5.1 reads them',
    'correctly; every file uses LF line endings (`.gitattributes` keeps them byte-exact).',
    '',
  ].join('\n');
}
