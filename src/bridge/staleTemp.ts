// What killed engines leave in the temp directory: their socket directories (tsseq-<pid>-XXXXXX
// holding engine.sock, made by pipeEndpoint.ts), inline-script folders (tsseq-script-<pid>-<guid>
// holding script.ps1, made by the engine's PrivateScriptFile) and PowerShell's own IPC socket
// (CoreFxPipe_PSHost.<hex>.<pid>.None.<process>, for Enter-PSHostProcess). Each name carries the
// owner's pid; an engine start removes those of this user whose owner process is gone, and only
// when the entry is what tsseq makes: the exact name, the kind of entry and its contents.
// Nothing else is touched: not another user's, not a live one's, not a look-alike.
import type { Stats } from 'node:fs';
import { lstat, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface StaleKind {
  name: RegExp;
  /** What the entry must be: a folder holding only these files, or a socket. */
  folderOf?: readonly string[];
  socket?: boolean;
}

const KINDS: readonly StaleKind[] = [
  { name: /^tsseq-(\d+)-[A-Za-z0-9]{6}$/, folderOf: ['engine.sock'] },
  { name: /^tsseq-(\d+)-[0-9a-f]{12}\.sock$/, socket: true }, // older versions' socket files
  { name: /^tsseq-script-(\d+)-[0-9a-f]{32}$/, folderOf: ['script.ps1'] },
  { name: /^CoreFxPipe_PSHost\.[0-9A-F]+\.(\d+)\.None\.(?:tsseq-host|pwsh)$/, socket: true },
];

/** Whether the entry is what its kind says: a socket, or a folder holding nothing but its files. */
async function isKind(path: string, status: Stats, kind: StaleKind): Promise<boolean> {
  if (kind.socket) return status.isSocket();
  if (!status.isDirectory()) return false;
  const inside = await readdir(path);
  for (const entry of inside) {
    if (!kind.folderOf!.includes(entry)) return false;
    // engine.sock is a socket, script.ps1 a file: a folder of that name is someone's data.
    const inner = await lstat(join(path, entry));
    if (entry.endsWith('.sock') ? !inner.isSocket() : !inner.isFile()) return false;
  }
  return true;
}

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
    const kind = KINDS.find((candidate) => candidate.name.test(name));
    if (!kind) continue;
    const pid = Number(kind.name.exec(name)![1]);
    if (pid === process.pid || processExists(pid)) continue;
    const path = join(directory, name);
    try {
      const status = await lstat(path);
      if (status.uid !== uid || status.isSymbolicLink() || !(await isKind(path, status, kind))) continue;
      await rm(path, { recursive: true, force: true });
      removed.push(name);
    } catch {
      // gone meanwhile, or not ours to remove
    }
  }
  return removed;
}
