// Reading a document file (a sequence, a variables or secrets file) without trusting what the
// path names. It is opened non-blocking (a FIFO with no writer would block open() forever) and
// checked with fstat on the open descriptor (no swap between check and read): anything but a
// regular file is refused, named by what it is, and at most MAX_DOCUMENT_BYTES are ever read
// (a file growing while read, or a size that lies, cannot make us read more). The text must be
// UTF-8: invalid bytes are refused with their offset, never replaced. A UTF-8 byte order mark is
// accepted and dropped, as PowerShell and System.Text.Json do; UTF-16 is refused by name.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { locationAt } from './jsonLocation.js';

/** The largest document file read: far above any real sequence (ConfigMgr's own limit is a few MB). */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

/** A document file that cannot be read as UTF-8 text; `message` names no content of the file. */
export class DocumentFileError extends Error {
  override name = 'DocumentFileError';
  constructor(readonly file: string, readonly problem: string) {
    super(`${file}: ${problem}`);
  }
}

/** What a non-regular file is, in words. */
function describeKind(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

function readReason(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'file not found';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory, not a regular file';
    default:
      return error.message;
  }
}

export interface DocumentFileOptions {
  /** Refuse the file when its mode lets anyone but its owner read or write it (secrets; Unix only). */
  ownerOnly?: boolean;
  /** How the refusal names the file's use, e.g. "secrets file" (default "file"). */
  what?: string;
}

/** The bytes of a regular file of at most MAX_DOCUMENT_BYTES; throws DocumentFileError. */
export function readDocumentBytes(file: string, options: DocumentFileOptions = {}): Buffer {
  const what = options.what ?? 'file';
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer; O_NOCTTY: a
    // terminal device never becomes our controlling terminal. Neither changes a regular file.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (error) {
    throw new DocumentFileError(file, `cannot read: ${readReason(error as NodeJS.ErrnoException)}`);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new DocumentFileError(file, `cannot read: it is ${describeKind(stats)}; a ${what} must be a regular file`);
    if (options.ownerOnly && process.platform !== 'win32' && (stats.mode & 0o077) !== 0) {
      const mode = (stats.mode & 0o777).toString(8).padStart(4, '0');
      throw new DocumentFileError(file, `refused: the ${what} has mode ${mode}, so other users can read or change it; make it private (chmod 600 '${file}')`);
    }
    // Another user's file, private or not, is theirs to change: its values would be theirs.
    const uid = process.getuid?.();
    if (options.ownerOnly && uid !== undefined && stats.uid !== uid) {
      throw new DocumentFileError(file, `refused: the ${what} belongs to another user (uid ${stats.uid}), who could change the values this run uses; use a file of your own`);
    }
    if (stats.size > MAX_DOCUMENT_BYTES) throw tooLarge(file, what);
    // Read to the end, whatever fstat said (a file may grow, and /proc files say 0), but never
    // more than one byte past the limit, which is enough to tell that the file is too large.
    let buffer = Buffer.allocUnsafe(Math.max(stats.size + 1, 64 * 1024));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > MAX_DOCUMENT_BYTES) throw tooLarge(file, what);
        const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, MAX_DOCUMENT_BYTES + 1));
        buffer.copy(larger, 0, 0, length);
        buffer = larger;
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > MAX_DOCUMENT_BYTES) throw tooLarge(file, what);
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof DocumentFileError) throw error;
    throw new DocumentFileError(file, `cannot read: ${readReason(error as NodeJS.ErrnoException)}`);
  } finally {
    closeSync(fd);
  }
}

function tooLarge(file: string, what: string): DocumentFileError {
  return new DocumentFileError(file, `refused: the ${what} is larger than ${MAX_DOCUMENT_BYTES / (1024 * 1024)} MiB (${MAX_DOCUMENT_BYTES} bytes), the most tsseq reads`);
}

/** Offset of the first byte that is not part of well-formed UTF-8 (RFC 3629: no overlongs, surrogates or code points past U+10FFFF), or -1. */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let count: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) count = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      count = 2;
      if (lead === 0xe0) low = 0xa0; // overlong
      if (lead === 0xed) high = 0x9f; // surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      count = 3;
      if (lead === 0xf0) low = 0x90; // overlong
      if (lead === 0xf4) high = 0x8f; // past U+10FFFF
    } else return i;
    for (let k = 1; k <= count; k++) {
      const byte = bytes[i + k];
      if (byte === undefined || byte < low || byte > high) return i;
      low = 0x80;
      high = 0xbf;
    }
    i += count + 1;
  }
  return -1;
}

/** UTF-8 bytes as text (a UTF-8 byte order mark dropped); throws DocumentFileError at the first invalid byte. */
export function decodeDocumentText(file: string, bytes: Buffer): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new DocumentFileError(file, 'is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8');
  }
  try {
    // ignoreBOM false: a leading UTF-8 BOM is dropped, as PowerShell and System.Text.Json read it.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const offset = invalidUtf8Offset(bytes);
    const before = bytes.subarray(0, Math.max(0, offset)).toString('utf8').replace(/^\uFEFF/, '');
    const { line, column } = locationAt(before, before.length);
    throw new DocumentFileError(file, `is not valid UTF-8: byte 0x${bytes[offset]?.toString(16).toUpperCase().padStart(2, '0')} at byte offset ${offset} (line ${line}, column ${column}) cannot start or continue a character; save the file as UTF-8`);
  }
}

/** A document file's text: a regular file, at most MAX_DOCUMENT_BYTES, valid UTF-8. */
export function readDocumentText(file: string, options: DocumentFileOptions = {}): string {
  return decodeDocumentText(file, readDocumentBytes(file, options));
}
