// encodeRequestLine must write exactly the bytes of JSON.stringify(request) + '\n': checked on
// random strings made of the characters JSON treats specially (quotes, backslashes, control
// characters, DEL, Latin-1, the BMP, surrogate pairs, lone surrogates) between plain runs of every
// length around the 4-byte words the fast path reads.
import { expect } from 'chai';
import { encodeRequestLine } from '../../src/bridge/requestLine.js';

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SPECIALS = ['"', '\\', '\u0000', '\u0001', '\b', '\t', '\n', '\f', '\r', '\u001f', '\u007f', '\u0080', 'é', 'ÿ', '\u2028', '中', '😀', '\ud800', '\udfff', '\ud83d'];

function randomString(next: () => number): string {
  let text = '';
  const pieces = Math.floor(next() * 4);
  for (let i = 0; i < pieces; i++) {
    const run = Math.floor(next() * 40);
    for (let j = 0; j < run; j++) text += String.fromCharCode(0x20 + Math.floor(next() * 0x5f)); // printable ASCII, '"' and '\' too
    if (next() < 0.5) text += SPECIALS[Math.floor(next() * SPECIALS.length)];
  }
  return text;
}

function expected(id: number, method: string, params: Record<string, unknown>): Buffer {
  return Buffer.from(JSON.stringify({ type: 'request', id, method, params }) + '\n', 'utf8');
}

describe('encodeRequestLine (request bytes)', () => {
  it('writes exactly what JSON.stringify writes, for random names and values', () => {
    const next = random(20260601);
    for (let round = 0; round < 400; round++) {
      const variables: Record<string, unknown> = {};
      const count = Math.floor(next() * 12);
      for (let i = 0; i < count; i++) variables[next() < 0.7 ? `Var${i}` : randomString(next)] = randomString(next);
      const params = { step: { type: 'SetTaskSequenceVariable', name: randomString(next) }, variables, events: next() < 0.5 };
      const line = encodeRequestLine(round, 'invokeStep', params);
      expect(line.equals(expected(round, 'invokeStep', params)), `round ${round}: ${JSON.stringify(params)}`).to.equal(true);
    }
  });

  it('keeps long values intact when escapes outgrow the buffer it first reserved', () => {
    const variables = { Controls: '\u0001'.repeat(50_000), Mixed: `${'x'.repeat(70_001)}"${'😀'.repeat(1000)}\\`, Plain: 'y'.repeat(100_003) };
    const params = { variables };
    expect(encodeRequestLine(1, 'runSequence', params).equals(expected(1, 'runSequence', params))).to.equal(true);
  });

  it('leaves out what JSON.stringify leaves out and writes other values as it does', () => {
    const record = JSON.parse('{"__proto__":"own property"}') as Record<string, unknown>;
    Object.assign(record, { number: 1, nothing: null, missing: undefined, fn: () => 1, nested: { a: ['b', 2] }, text: 'c' });
    const nullPrototype = Object.assign(Object.create(null) as Record<string, unknown>, { A: 'b' });
    const cases: Array<Record<string, unknown>> = [
      { variables: record },
      { variables: nullPrototype },
      { skipped: undefined, variables: { A: 'b' }, last: [1, 'two'] },
      { variables: new Map([['A', 'b']]) }, // not a plain record: JSON.stringify's way ({})
      { variables: { toJSON: () => ({ replaced: true }) } },
      { variables: ['a'] },
      {},
    ];
    for (const params of cases) expect(encodeRequestLine(7, 'invokeStep', params).toString('utf8')).to.equal(expected(7, 'invokeStep', params).toString('utf8'));
  });

  it('throws as JSON.stringify does for what JSON cannot hold', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => encodeRequestLine(1, 'invokeStep', { step: cycle })).to.throw(TypeError);
    expect(() => encodeRequestLine(1, 'invokeStep', { variables: { A: 1n } })).to.throw(TypeError);
  });
});
