// Variables through the real engine and back, byte for byte: random names and values with every
// kind of character JSON treats specially, requests whose lines end around the engine's read
// buffer sizes (64 KB, then buffers that double), and results of megabytes whose escapes fall
// across the engine's output chunks (64 KB doubling to 1 MB). The reply is checked as the engine
// wrote it too: ASCII only, each string escaped as the engine's writer does.
import { expect } from 'chai';
import type { Socket } from 'node:net';
import type { Engine } from '../../src/bridge/Engine.js';
import { InvalidRequestError } from '../../src/bridge/errors.js';
import { encodeRequestLine } from '../../src/bridge/requestLine.js';
import { startTestEngine } from '../support/engine.js';
import { sessionOf } from '../support/engineInternals.js';

function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SPECIALS = ['"', '\\', '\u0000', '\u0001', '\b', '\t', '\n', '\f', '\r', '\u001f', '\u007f', '\u0080', 'é', '\u2028', '中', '😀', '𝄞'];

/** Plain runs of random length (vectors of 16 characters are what the engine's writer skips) and special characters. */
function randomValue(next: () => number, runs: number): string {
  let text = '';
  for (let i = 0; i < runs; i++) {
    const run = Math.floor(next() * (next() < 0.1 ? 3000 : 70));
    text += 'x'.repeat(run);
    text += SPECIALS[Math.floor(next() * SPECIALS.length)];
  }
  return text;
}

/** A string as the engine writes it: printable ASCII as is, else escaped (non-ASCII as \uXXXX, upper-case hex). */
function engineJson(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c >= 0x20 && c < 0x7f) out += text[i];
    else out += `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return `${out}"`;
}

const step = { type: 'SetTaskSequenceVariable' as const, name: 'Set', variableName: 'Extra', variableValue: 'done' };

describe('large and hostile variables through the engine', function () {
  this.timeout(120_000);
  let engine: Engine;
  let received: Buffer[] = [];
  before(async function () {
    ({ engine } = await startTestEngine());
    // The raw bytes of the engine's replies, beside the session's own reading of them.
    const socket = (sessionOf(engine) as unknown as { channel: { stream: Socket } }).channel.stream;
    socket.on('data', (chunk: Buffer) => received.push(chunk));
  });
  after(async function () {
    await engine?.close();
  });

  /** Runs the step with `variables`; returns the result's variables and the raw reply line. */
  async function roundTrip(variables: Record<string, string>): Promise<{ variables: Record<string, string>; reply: Buffer }> {
    received = [];
    const result = await engine.invokeStep(step, { variables });
    const bytes = Buffer.concat(received);
    return { variables: result.variables, reply: bytes.subarray(0, bytes.indexOf(0x0a)) };
  }

  it('returns random names and values unchanged, each written in ASCII as the engine escapes it', async () => {
    const next = random(7001);
    for (let round = 0; round < 6; round++) {
      const variables: Record<string, string> = {};
      for (let i = 0; i < 150; i++) variables[`V${round}_${i}${'-_aZ9'.slice(0, Math.floor(next() * 6))}`] = randomValue(next, 1 + Math.floor(next() * 20));
      const { variables: back, reply } = await roundTrip(variables);
      expect(back).to.deep.equal({ ...variables, Extra: 'done', ...pickEngineVariables(back) });
      expect(reply.every((byte) => byte < 0x80), 'the reply is ASCII').to.equal(true);
      const text = reply.toString('latin1');
      for (const [name, value] of Object.entries(variables)) expect(text.includes(`${engineJson(name)}:${engineJson(value)}`), name).to.equal(true);
    }
  });

  it('reads requests whose lines end at and around the engine\'s read buffer boundaries', async () => {
    // The engine reads into 64 KB, then buffers as large as what the line holds so far: 64 KB, 128 KB.
    const session = sessionOf(engine) as unknown as { nextId: number };
    const lineLength = (variables: Record<string, string>) => encodeRequestLine(session.nextId, 'invokeStep', { step, variables, events: false }).length;
    for (const boundary of [65_536, 131_072, 262_144]) {
      for (let end = boundary - 3; end <= boundary + 3; end++) {
        const variables = { Padding: '', Tail: 'end "quoted" é' };
        variables.Padding = 'p'.repeat(end - lineLength(variables));
        expect(lineLength(variables)).to.equal(end);
        const { variables: back } = await roundTrip(variables);
        expect(back.Padding, `a line of ${end} bytes`).to.equal(variables.Padding);
        expect(back.Tail).to.equal(variables.Tail);
      }
    }
  });

  it('returns several megabytes of values whose escapes fall across the engine\'s output chunks', async () => {
    const next = random(99);
    const variables: Record<string, string> = {};
    let size = 0;
    for (let i = 0; size < 3_500_000; i++) {
      const value = randomValue(next, 200);
      variables[`Big${i}`] = value;
      size += value.length;
    }
    const { variables: back, reply } = await roundTrip(variables);
    for (const [name, value] of Object.entries(variables)) expect(back[name] === value, name).to.equal(true);
    expect(reply.length).to.be.above(3_500_000);
    expect(reply.every((byte) => byte < 0x80)).to.equal(true);
  });

  it('refuses a lone surrogate anywhere in a large set of variables, naming the variable, and goes on serving', async () => {
    const next = random(4242);
    for (const lone of ['\ud800', '\udbff', '\udc00', '\udfff']) {
      const variables: Record<string, string> = {};
      for (let i = 0; i < 200; i++) variables[`S${i}`] = randomValue(next, 3);
      const bad = `S${Math.floor(next() * 200)}`;
      const value = variables[bad]!;
      const at = Math.floor(next() * (value.length + 1));
      variables[bad] = value.slice(0, at) + lone + value.slice(at);
      const error = await engine.invokeStep(step, { variables }).then(
        () => undefined,
        (e: unknown) => e as InvalidRequestError,
      );
      expect(error).to.be.instanceOf(InvalidRequestError);
      expect(error?.variable).to.equal(bad);
      expect(error?.message).to.include(`the value of variable '${bad}' is not well-formed Unicode`);
    }
    expect(await engine.ping()).to.equal(true);
  });
});

/** The engine's own (built-in, "_") variables in a result. */
function pickEngineVariables(variables: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(variables).filter(([name]) => name.startsWith('_')));
}
