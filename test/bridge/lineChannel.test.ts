import { expect } from 'chai';
import { encodeMessage, LineSplitter } from '../../src/bridge/lineChannel.js';

function split(chunks: Buffer[]): string[] {
  const lines: string[] = [];
  const splitter = new LineSplitter((line) => lines.push(line));
  for (const chunk of chunks) splitter.push(chunk);
  return lines;
}

describe('LineSplitter (NDJSON framing)', () => {
  it('splits several lines in one chunk and keeps an unterminated rest', () => {
    const lines: string[] = [];
    const splitter = new LineSplitter((line) => lines.push(line));
    splitter.push(Buffer.from('{"a":1}\n{"b":2}\n{"c"'));
    expect(lines).to.deep.equal(['{"a":1}', '{"b":2}']);
    expect(splitter.bufferedBytes).to.equal(4);
    splitter.push(Buffer.from(':3}\n'));
    expect(lines).to.deep.equal(['{"a":1}', '{"b":2}', '{"c":3}']);
  });

  it('drops the \\r of CRLF line ends', () => {
    expect(split([Buffer.from('one\r\ntwo\r\n')])).to.deep.equal(['one', 'two']);
  });

  it('keeps a multi-byte UTF-8 character split across chunks intact', () => {
    const bytes = Buffer.from('"😀 é"\n', 'utf8');
    // cut inside the 4-byte emoji and inside the 2-byte é
    const lines = split([bytes.subarray(0, 3), bytes.subarray(3, 7), bytes.subarray(7)]);
    expect(lines).to.deep.equal(['"😀 é"']);
  });

  it('reassembles a 4 MB line from 64 KB chunks in linear time', () => {
    const big = encodeMessage({ value: 'x'.repeat(4 * 1024 * 1024) });
    const bytes = Buffer.from(big, 'utf8');
    const chunks: Buffer[] = [];
    for (let offset = 0; offset < bytes.length; offset += 65536) chunks.push(bytes.subarray(offset, offset + 65536));
    const started = performance.now();
    const lines = split(chunks);
    const elapsed = performance.now() - started;
    expect(lines).to.have.length(1);
    expect(lines[0]!.length).to.equal(big.length - 1);
    // concatenating on every chunk would copy ~128 MB here; joining once takes a few ms
    expect(elapsed).to.be.below(500);
  });

  it('encodes a message as exactly one line even when strings contain newlines', () => {
    const line = encodeMessage({ text: 'a\nb\r\nc\u2028' });
    expect(line.endsWith('\n')).to.equal(true);
    expect(line.slice(0, -1)).not.to.include('\n');
    expect(JSON.parse(line)).to.deep.equal({ text: 'a\nb\r\nc\u2028' });
  });
});
