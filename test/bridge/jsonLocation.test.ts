import { expect } from 'chai';
import { findJsonErrorOffset, findJsonSyntaxError, locationAt, parseJsonWithLocation } from '../../src/bridge/jsonLocation.js';

describe('JSON error locations', () => {
  it('counts lines and columns from 1 for \\n, \\r\\n and \\r', () => {
    expect(locationAt('ab\ncd', 4)).to.deep.equal({ line: 2, column: 2 });
    expect(locationAt('ab\r\ncd', 5)).to.deep.equal({ line: 2, column: 2 });
    expect(locationAt('ab\rcd', 3)).to.deep.equal({ line: 2, column: 1 });
  });

  it('locates a trailing comma', () => {
    const result = parseJsonWithLocation('{\n  "a": 1,\n}');
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.problem).to.include({ line: 3, column: 1 });
    expect(result.problem.message).not.to.match(/position/);
  });

  it('locates errors V8 reports without a position', () => {
    const text = '{\n  "enabled": tru\n}';
    const result = parseJsonWithLocation(text);
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.problem).to.include({ line: 2, column: 17 });
  });

  it('puts a truncated document at its end', () => {
    const result = parseJsonWithLocation('{"steps": [');
    if (result.ok) throw new Error('expected a syntax error');
    expect(result.problem).to.include({ line: 1, column: 12 });
  });

  it('scanner agrees that valid JSON is valid', () => {
    for (const text of ['{}', '[1, -2.5e3, "a\\u00e9\\n", true, false, null, {"x": []}]', ' "s" ']) {
      expect(findJsonErrorOffset(text), text).to.equal(undefined);
    }
    expect(findJsonErrorOffset('{"a": "\\x"}')).to.equal(8);
    expect(findJsonErrorOffset('[1 2]')).to.equal(3);
  });

  it('agrees with JSON.parse on every mutation of a document (valid exactly when JSON.parse accepts)', () => {
    const base = '{"name": "a\\u00e9\\n", "steps": [1, -2.5e3, true, false, null, {"x": []}], "n": 0.5}';
    const alphabet = ['{', '}', '[', ']', ',', ':', '"', '\\', 'u', '0', '-', 'e', '.', ' ', '\n', 't', 'x', '\u0001'];
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 20_000; n++) {
      const at = next() % (base.length + 1);
      const kind = next() % 3;
      const ch = alphabet[next() % alphabet.length]!;
      const text = kind === 0 ? base.slice(0, at) + ch + base.slice(at) : kind === 1 ? base.slice(0, at) + base.slice(at + 1) : base.slice(0, at) + ch + base.slice(at + 1);
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      expect(findJsonErrorOffset(text) === undefined, JSON.stringify(text)).to.equal(valid);
    }
  });

  it('scans any depth without overflowing the stack', () => {
    expect(findJsonSyntaxError('['.repeat(200_000))).to.deep.include({ offset: 200_000 });
    expect(findJsonSyntaxError(`${'['.repeat(200_000)}${']'.repeat(200_000)}`)).to.equal(undefined);
  });

  it('says what was expected and never quotes the text', () => {
    const result = parseJsonWithLocation('{"password": hunter2}');
    if (result.ok) throw new Error('expected a syntax error');
    expect(result.problem).to.deep.equal({ line: 1, column: 14, message: 'expected a value (an object, array, string, number, true, false or null)' });
  });
});
