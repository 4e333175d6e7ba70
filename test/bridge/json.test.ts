// JSON edge cases through the real engine: what Node sends is parsed by the engine's C# codec,
// handed to PowerShell, and written back by the same codec (numbers, nesting, dates, characters).
import { expect } from 'chai';
import type { Engine } from '../../src/bridge/Engine.js';
import { EngineRequestError } from '../../src/bridge/errors.js';
import { startTestEngine } from '../support/engine.js';
import { sessionOf } from '../support/engineInternals.js';

/** `{ "d": { "d": … value … } }`, `levels` objects deep. */
function nested(levels: number, value: unknown = 'bottom'): unknown {
  let result = value;
  for (let i = 0; i < levels; i++) result = { d: result };
  return result;
}

describe('JSON through the engine', function () {
  this.timeout(120_000);
  let engine: Engine;
  let seen: unknown;
  before(async function () {
    ({ engine } = await startTestEngine());
    engine.registerStep('echo', (parameters, ctx) => {
      seen = parameters;
      ctx.variables.set('Echoed', 'yes');
    });
  });
  after(async function () {
    await engine?.close();
  });

  /** Runs a Node step whose parameters travel Node → engine → Node (the callback). */
  async function throughNodeStep(parameters: unknown) {
    seen = undefined;
    return engine.runSequence({ name: 'Echo', steps: [{ type: 'Node', name: 'Echo', handler: 'echo', parameters }] });
  }

  it('keeps every kind of number: int, beyond 32 bits, beyond 2^53, fractions, exponents, extremes', async () => {
    const parameters = {
      zero: 0,
      int: 42,
      negative: -7,
      int32Max: 2147483647,
      beyondInt32: 2147483648,
      int32Min: -2147483648,
      safeMax: Number.MAX_SAFE_INTEGER,
      beyondLong: 2 ** 64,
      fraction: 0.1,
      third: 1 / 3,
      tiny: 5e-324,
      huge: 1.7976931348623157e308,
      exponent: 1.5e-7,
      flags: [true, false, null],
    };
    const result = await throughNodeStep(parameters);
    expect(result.status).to.equal('Succeeded');
    expect(seen).to.deep.equal(parameters);
  });

  it('keeps strings that look like other things as strings, and every character', async () => {
    const parameters = {
      date: '2026-01-01T00:00:00Z',
      number: '42',
      empty: '',
      nonBmp: '😀 𝄞 👩‍👩‍👧',
      controls: '\u0000\u0001\u001f\u007f',
      escapes: '"\\/\b\f\n\r\t',
      [`key ${'😀'} é`]: 'a non-BMP property name',
      list: ['', '😀', []],
    };
    const result = await throughNodeStep(parameters);
    expect(result.status).to.equal('Succeeded');
    expect(seen).to.deep.equal(parameters);
  });

  it('reads nesting up to 256 levels, and fails a Node step whose parameters nest deeper than the engine writes (100), naming the reason', async () => {
    const shallow = nested(99);
    expect((await throughNodeStep(shallow)).status).to.equal('Succeeded');
    expect(seen).to.deep.equal(shallow);

    const result = await throughNodeStep(nested(150));
    expect(result.status).to.equal('Failed');
    expect(result.steps[0]?.message).to.match(/nested more than 100 levels deep/);
    expect(seen, 'the handler never ran').to.equal(undefined);
    expect(await engine.ping()).to.equal(true);
  });

  it('answers a request nested deeper than it reads (1024, the validator\'s limit too) as malformed, under its id, and goes on serving', async () => {
    const session = sessionOf(engine);
    const error = await session.request('invokeStep', { step: nested(1100) }).then(
      () => undefined,
      (e: unknown) => e as EngineRequestError,
    );
    expect(error).to.be.instanceOf(EngineRequestError);
    expect(error?.errorId).to.equal('TsSequence.MalformedRequest');
    expect(error?.message).to.match(/Malformed request: .*maximum configured depth of 1024/);
    expect(await engine.ping()).to.equal(true);
  });

  it('writes times as UTC ISO 8601 with milliseconds, in results and in events', async () => {
    const times: string[] = [];
    const result = await engine.runSequence(
      { name: 'Times', steps: [{ type: 'SetTaskSequenceVariable', name: 'Set', variableName: 'A', variableValue: 'b' }] },
      { onEvent: (event) => event.kind === 'stepStarted' && times.push(String(event.time)) },
    );
    const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
    expect(result.steps[0]?.startedAt).to.match(iso);
    expect(times).to.have.length(1);
    expect(times[0]).to.match(iso);
    expect(typeof result.steps[0]?.durationMs).to.equal('number');
  });

  it('sends half a character that a script made as U+FFFD, so Node only receives well-formed strings', async () => {
    const result = await engine.invokeStep({
      type: 'RunPowerShellScript',
      name: 'Cut',
      sourceScript: "$tsenv.Value('Cut') = 'a' + [string][char]0xD83D + 'b'; $tsenv.Value('Whole') = [char]::ConvertFromUtf32(0x1F600)",
    });
    expect(result.status, result.message).to.equal('Succeeded');
    expect(result.variables.Cut).to.equal('a\uFFFDb');
    expect(result.variables.Whole).to.equal('😀');
  });
});
