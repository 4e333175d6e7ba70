// Numbers and XML from PowerShell arrive exactly: an integer or decimal that no JavaScript number
// holds exactly comes as a string of its exact text (JSON.parse would round it), every other
// number as a number; an [xml] node as its markup (as a list of its children it lost everything).
// Through the real engine, as script output and as Node step parameters.
import { expect } from 'chai';
import type { Engine } from '../../src/bridge/Engine.js';
import { startTestEngine } from '../support/engine.js';

describe('marshaling: numbers and XML, losslessly (real engine)', function () {
  this.timeout(120_000);
  let engine: Engine;
  before(async () => {
    ({ engine } = await startTestEngine());
  });
  after(async () => {
    await engine?.close();
  });

  const output = async (sourceScript: string) => {
    const result = await engine.invokeStep({ type: 'RunPowerShellScript', name: 'Numbers', sourceScript });
    expect(result.status, result.message).to.equal('Succeeded');
    return result.output;
  };

  it('integers and decimals without an exact JavaScript number come as their exact text; the rest as numbers', async () => {
    const values = await output(
      [
        '[long]::MaxValue',
        '[long]::MinValue',
        '[ulong]::MaxValue',
        '[long]9007199254740993',
        '[long]9007199254740991',
        '[long]-9007199254740991',
        '[long]1152921504606847000', // what JSON.stringify(2 ** 60) writes: exactly 2^60 once parsed
        "[decimal]::Parse('0.1000000000000000000000000001', [cultureinfo]::InvariantCulture)", // a cast from text goes through double
        "[decimal]'79228162514264337593543950335'",
        "[decimal]'1.25'",
        "[decimal]'0.1'",
        '[decimal]42',
        "[System.Numerics.BigInteger]::Parse('123456789012345678901234567890')",
        '[System.Numerics.BigInteger]5',
        '[int]::MaxValue',
        '[double]1e300',
        '[pscustomobject]@{ Big = [long]::MaxValue; Small = [long]7; Money = [decimal]::MaxValue }',
      ].join('\n'),
    );
    expect(values).to.deep.equal([
      '9223372036854775807',
      '-9223372036854775808',
      '18446744073709551615',
      '9007199254740993',
      9007199254740991,
      -9007199254740991,
      2 ** 60,
      '0.1000000000000000000000000001',
      '79228162514264337593543950335',
      1.25,
      0.1,
      42,
      '123456789012345678901234567890',
      5,
      2147483647,
      1e300,
      { Big: '9223372036854775807', Small: 7, Money: '79228162514264337593543950335' },
    ]);
    expect(BigInt(values![0] as string)).to.equal(2n ** 63n - 1n);
  });

  it('[xml] documents and elements come as their markup, empty elements included', async () => {
    const values = await output(
      ["[xml]'<a x=\"1\"><b></b><c/><d>text</d></a>'", "([xml]'<r><items></items></r>').r", "([xml]'<r><item k=\"v\"/></r>').r.item"].join('\n'),
    );
    expect(values).to.deep.equal(['<a x="1"><b></b><c /><d>text</d></a>', '<r><items></items></r>', '<item k="v" />']);
  });

  it('numbers Node sends as step parameters come back to a Node handler as the same numbers', async () => {
    let received: unknown;
    engine.registerStep('numbers', (parameters) => void (received = parameters));
    const numbers = [2 ** 60, 2 ** 53, -(2 ** 53) - 2, 1e20, 1.5e300, 0.1, 123456789.123, Number.MAX_SAFE_INTEGER, Number.MIN_VALUE];
    const result = await engine.invokeStep({ type: 'Node', name: 'Numbers', handler: 'numbers', parameters: { numbers } });
    expect(result.status).to.equal('Succeeded');
    expect(received).to.deep.equal({ numbers });
  });
});
