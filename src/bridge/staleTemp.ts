// What killed engines leave in the temp directory: their socket directories (tsseq-<pid>-*, made
// by pipeEndpoint.ts) and inline-script folders (tsseq-script-<pid>-*, made by the engine's
// PrivateScriptFile). Both names carry the owner's pid; an engine start removes those of this
// user whose owner process is gone. Nothing else is touched: not another user's, not a live one's.
import { lstat, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const STALE_NAME = /^tsseq-(?:script-)?(\d+)-[A-Za-z0-9]+(?:\.sock)?$/;

/** Whether a process with this pid exists (EPERM: it does, someone else's). */
function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes this user's stale tsseq entries in `directory`; returns their names. Never throws. */
export async function removeStaleTempEntries(directory: string = tmpdir()): Promise<string[]> {
  const uid = process.getuid?.();
  if (uid === undefined) return []; // Windows: pipes leave no files; script folders are the system's to clean
  let names: string[];
  try {
    names = await readdir(directory);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = STALE_NAME.exec(name);
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid === process.pid || processExists(pid)) continue;
    const path = join(directory, name);
    try {
      const status = await lstat(path);
      if (status.uid !== uid || status.isSymbolicLink()) continue;
      await rm(path, { recursive: true, force: true });
      removed.push(name);
    } catch {
      // gone meanwhile, or not ours to remove
    }
  }
  return removed;
}
