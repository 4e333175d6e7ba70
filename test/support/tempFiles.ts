// Temporary files for tests, removed when the test process exits.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let directory: string | undefined;

export function tempDirectory(): string {
  if (!directory) {
    directory = mkdtempSync(join(tmpdir(), 'tsseq-test-'));
    const created = directory;
    process.once('exit', () => rmSync(created, { recursive: true, force: true }));
  }
  return directory;
}

let counter = 0;

/** Writes `content` (text as is, anything else as JSON) to a fresh file and returns its path. */
export function writeTempFile(name: string, content: unknown): string {
  const file = join(tempDirectory(), `${++counter}-${name}`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}
