// Where Node listens and what name PowerShell is told to connect to. .NET's NamedPipeClientStream
// on Unix treats an absolute path as a Unix domain socket path; on Windows it wants the bare pipe
// name while Node listens on \\.\pipe\<name>.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PipeEndpoint {
  /** Passed to net.Server.listen. */
  listenPath: string;
  /** Passed to Start-TsBridge.ps1 -PipeName. */
  pipeName: string;
  /** Socket file to delete afterwards (Unix only). */
  socketFile?: string;
}

// sun_path is 104 bytes on macOS and 108 on Linux; a long TMPDIR must not make listen() fail.
const MAX_SOCKET_PATH = 100;

export function createPipeEndpoint(platform: NodeJS.Platform = process.platform, tempDir: string = tmpdir()): PipeEndpoint {
  const name = `tsseq-${process.pid}-${randomBytes(6).toString('hex')}`;
  if (platform === 'win32') return { listenPath: `\\\\.\\pipe\\${name}`, pipeName: name };
  let socketFile = join(tempDir, `${name}.sock`);
  if (Buffer.byteLength(socketFile) > MAX_SOCKET_PATH) socketFile = join('/tmp', `${name}.sock`);
  return { listenPath: socketFile, pipeName: socketFile, socketFile };
}

export function removeSocketFile(endpoint: PipeEndpoint): void {
  if (endpoint.socketFile) rmSync(endpoint.socketFile, { force: true });
}
