// What a sequence file may be: a regular file of at most 16 MiB in UTF-8. A FIFO, a device or a
// directory is refused by name (without hanging on the FIFO or reading /dev/zero for ever), a
// larger file names the limit, invalid UTF-8 is refused at its byte offset, and a JSON syntax
// error says where and what was expected without quoting the document. Through the real CLI.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeDocumentText, DocumentFileError, invalidUtf8Offset, MAX_DOCUMENT_BYTES } from '../../src/bridge/documentFile.js';
import { runCli } from '../support/cli.js';
import { tempDirectory } from '../support/tempFiles.js';

const unix = process.platform !== 'win32';

describe('sequence file input', function () {
  this.timeout(120_000);
  const scratch = () => {
    const folder = join(tempDirectory(), 'document-file');
    mkdirSync(folder, { recursive: true });
    return folder;
  };
  const file = (name: string, content: string | Buffer) => {
    const path = join(scratch(), name);
    writeFileSync(path, content);
    return path;
  };

  for (const command of ['validate', 'run']) {
    it(`${command} refuses a FIFO by name instead of waiting for a writer`, async function () {
      if (!unix) this.skip();
      const fifo = join(scratch(), `${command}.fifo`);
      expect(spawnSync('mkfifo', [fifo]).status).to.equal(0);
      const result = await runCli([command, fifo]);
      expect(result.code, result.stderr).to.equal(2);
      expect(result.stderr).to.equal(`${fifo}: cannot read: it is a FIFO (named pipe); a sequence file must be a regular file\n`);
    });
  }

  it('validate and run refuse /dev/zero as a character device (nothing read)', async function () {
    if (!unix) this.skip();
    for (const command of ['validate', 'run']) {
      const result = await runCli([command, '/dev/zero']);
      expect(result.code, result.stderr).to.equal(2);
      expect(result.stderr).to.equal('/dev/zero: cannot read: it is a character device; a sequence file must be a regular file\n');
    }
  });

  it('refuses a directory', async () => {
    const result = await runCli(['validate', scratch()]);
    expect(result.code).to.equal(2);
    expect(result.stderr).to.match(/: cannot read: it is a directory; a sequence file must be a regular file\n$/);
  });

  it('refuses a file larger than the limit, naming it', async () => {
    const big = file('big.json', '');
    truncateSync(big, MAX_DOCUMENT_BYTES + 1); // sparse: costs no disk
    const result = await runCli(['validate', big]);
    expect(result.code).to.equal(2);
    expect(result.stderr).to.equal(`${big}: refused: the sequence file is larger than 16 MiB (16777216 bytes), the most tsseq reads\n`);
    const exact = file('exact.json', '');
    truncateSync(exact, MAX_DOCUMENT_BYTES); // at the limit: read, and then not JSON (NUL bytes)
    expect((await runCli(['validate', exact])).stderr).to.match(/exact\.json:1:1: invalid JSON: expected a value/);
  });

  it('refuses invalid UTF-8 with its byte offset, line and column, never replacing it', async () => {
    const bad = file('latin1.json', Buffer.concat([Buffer.from('{\n  "name": "caf'), Buffer.from([0xe9]), Buffer.from('",\n  "steps": []\n}\n')]));
    for (const command of ['validate', 'run']) {
      const result = await runCli([command, bad]);
      expect(result.code, result.stderr).to.equal(2);
      expect(result.stderr).to.equal(`${bad}: is not valid UTF-8: byte 0xE9 at byte offset 16 (line 2, column 15) cannot start or continue a character; save the file as UTF-8\n`);
    }
  });

  it('accepts a UTF-8 byte order mark (as PowerShell writes it) and refuses UTF-16 by name', async () => {
    const bom = file('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"name":"b","steps":[]}')]));
    const accepted = await runCli(['validate', bom]);
    expect(accepted.code, accepted.stderr).to.equal(0);
    const utf16 = file('utf16.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"name":"b","steps":[]}', 'utf16le')]));
    const refused = await runCli(['validate', utf16]);
    expect(refused.code).to.equal(2);
    expect(refused.stderr).to.equal(`${utf16}: is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8\n`);
  });

  it('a JSON syntax error says line, column and what was expected, never the text around it', async () => {
    const secret = 'hunter2-s3cret';
    const cases: Array<[string, string, RegExp]> = [
      ['bare.json', `{\n  "name": "x",\n  "password": ${secret}\n}`, /:3:15: invalid JSON: expected a value \(an object, array, string, number, true, false or null\)\n$/],
      ['comma.json', `{"name": "${secret}" "steps": []}`, /:1:27: invalid JSON: expected ',' or '}' after a property value\n$/],
      ['unterminated.json', `{"name": "${secret}`, /:1:10: invalid JSON: expected a closing '"': the string starting here never ends\n$/],
      ['control.json', `{"name": "${secret}\n"}`, /:1:25: invalid JSON: expected no raw control character \(U\+000A\) inside a string/],
      ['trailing.json', `{"name": "x", "steps": []} ${secret}`, /:1:28: invalid JSON: expected the end of the document after the JSON value\n$/],
      ['word.json', `{"enabled": ${secret.replace('h', 't')}}`, /:1:14: invalid JSON: expected 'true'\n$/],
    ];
    for (const [name, text, expected] of cases) {
      for (const command of ['validate', 'run']) {
        const result = await runCli([command, file(name, text)]);
        expect(result.code, `${name} ${result.stderr}`).to.equal(2);
        expect(result.stderr, name).to.match(expected);
        expect(result.stderr, name).not.to.contain('unter2');
        expect(result.stderr, name).not.to.contain('s3cret');
      }
    }
  });

  // A resume reads the source file again (has it changed?): the engine refuses the same files.
  it('resume refuses a source file replaced by a FIFO or a device (the engine hung reading it)', async function () {
    if (!unix) this.skip();
    const source = join(scratch(), 'restart.json');
    copyFileSync('examples/restart.json', source);
    const state = join(scratch(), 'restart-state');
    const run = await runCli(['run', source, '--state-dir', state]);
    expect(run.code, run.stderr).to.equal(3010 & 0xff);
    rmSync(source);
    expect(spawnSync('mkfifo', [source]).status).to.equal(0);
    const fifo = await runCli(['resume', '--state-dir', state]);
    expect(fifo.code, fifo.stderr).to.equal(2);
    expect(fifo.stderr).to.equal(`tsseq: ${state}: ${source}: cannot read: it is a FIFO (named pipe); a sequence file must be a regular file\n`);
    rmSync(source);
    symlinkSync('/dev/zero', source);
    const device = await runCli(['resume', '--state-dir', state]);
    expect(device.code, device.stderr).to.equal(2);
    expect(device.stderr).to.equal(`tsseq: ${state}: ${source}: cannot read: it is a character device; a sequence file must be a regular file\n`);
    rmSync(source);
    copyFileSync('examples/restart.json', source);
    const resumed = await runCli(['resume', '--state-dir', state]);
    expect(resumed.code, resumed.stderr).to.equal(0); // the state was left as it was
  });

  it('finds the byte TextDecoder rejects first, for any byte sequence', () => {
    // A deterministic walk over short sequences of interesting bytes (boundaries of every UTF-8 range).
    const interesting = [0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 20_000; n++) {
      const bytes = Buffer.from(Array.from({ length: 1 + (next() % 6) }, () => interesting[next() % interesting.length]!));
      let valid = true;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        valid = false;
      }
      const offset = invalidUtf8Offset(bytes);
      expect(offset === -1, bytes.toString('hex')).to.equal(valid);
      if (!valid) {
        // everything before the offset is valid, and the offset itself starts no valid character
        expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, offset)), bytes.toString('hex')).not.to.throw();
      }
    }
    expect(() => decodeDocumentText('f', Buffer.from([0x61, 0x0a, 0x62, 0xc3]))).to.throw(DocumentFileError, 'byte 0xC3 at byte offset 3 (line 2, column 2)');
  });
});
