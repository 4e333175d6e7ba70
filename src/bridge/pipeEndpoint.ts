// Where Node listens and what name PowerShell is told to connect to. On Unix the socket lives in
// a fresh directory only this user can enter (mkdtemp, 0700, checked before listen), so nobody else
// can connect to it whatever the umask; the directory goes when the engine closes. .NET's
// NamedPipeClientStream on Unix treats an absolute path as a Unix domain socket path; on Windows
// it wants the bare pipe name while Node listens on \\.\pipe\<name>.
import { randomBytes } from 'node:crypto';
import { chmodSync, lstatSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EngineUnavailableError } from './errors.js';

export interface PipeEndpoint {
  /** Passed to net.Server.listen. */
  listenPath: string;
  /** Passed to Start-TsBridge.ps1 -PipeName. */
  pipeName: string;
  /** The private directory holding the socket (Unix only), removed with it. */
  directory?: string;
}

// sun_path is 104 bytes on macOS and 108 on Linux; a long TMPDIR must not make listen() fail.
const MAX_SOCKET_PATH = 100;

/** The prefix of the endpoint directories (and of older versions' socket files): `tsseq-<pid>-`. */
export const endpointPrefix = (pid: number = process.pid): string => `tsseq-${pid}-`;

export function createPipeEndpoint(platform: NodeJS.Platform = process.platform, tempDir: string = tmpdir()): PipeEndpoint {
  if (platform === 'win32') {
    const name = `${endpointPrefix()}${randomBytes(6).toString('hex')}`;
    return { listenPath: `\\\\.\\pipe\\${name}`, pipeName: name };
  }
  const base = Buffer.byteLength(join(tempDir, `${endpointPrefix()}XXXXXX/engine.sock`)) > MAX_SOCKET_PATH ? '/tmp' : tempDir;
  const directory = mkdtempSync(join(base, endpointPrefix()));
  try {
    chmodSync(directory, 0o700); // mkdtemp makes it 0700 already; said twice, for systems that differ
    assertPrivateDirectory(directory);
  } catch (error) {
    rmSync(directory, { recursive: true, force: true });
    throw error;
  }
  const socketFile = join(directory, 'engine.sock');
  return { listenPath: socketFile, pipeName: socketFile, directory };
}

/** A real directory (not a link), this user's, mode 0700: otherwise another user could reach the socket. */
function assertPrivateDirectory(directory: string): void {
  const status = lstatSync(directory);
  const uid = process.getuid?.();
  if (!status.isDirectory() || (uid !== undefined && status.uid !== uid) || (status.mode & 0o777) !== 0o700) {
    throw new EngineUnavailableError(
      `The bridge socket directory ${directory} is not a private directory of this user (mode ${(status.mode & 0o777).toString(8)}); refusing to listen in it.`,
    );
  }
}

export function removeEndpoint(endpoint: PipeEndpoint): void {
  if (endpoint.directory) rmSync(endpoint.directory, { recursive: true, force: true });
}
