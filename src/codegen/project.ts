// The one ts-morph Project the generator uses: the root tsconfig's compiler options, none of its
// files, and the model files added explicitly (sorted, so reading order never depends on the
// file system).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Project } from 'ts-morph';

export const MODEL_DIR = join('src', 'model');

export function createModelProject(root: string): { project: Project; modelDir: string } {
  const project = new Project({
    tsConfigFilePath: join(root, 'tsconfig.json'),
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
  });
  const modelDir = join(root, MODEL_DIR);
  const files = [
    ...tsFiles(modelDir).map((name) => join(modelDir, name)),
    ...tsFiles(join(modelDir, 'steps')).map((name) => join(modelDir, 'steps', name)),
  ];
  for (const file of files) project.addSourceFileAtPath(file);
  return { project, modelDir };
}

function tsFiles(directory: string): string[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
    .sort();
}
