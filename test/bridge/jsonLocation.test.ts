import { expect } from 'chai';
import { InvalidDocumentError, readSequenceFile } from '../../src/bridge/validateDocument.js';
import { writeTempFile } from '../support/tempFiles.js';
import { findJsonErrorOffset, findJsonSyntaxError, locationAt, parseJsonWithLocation, findInexactNumber, isExactNumber } from '../../src/bridge/jsonLocation.js';

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

describe('findInexactNumber (numbers JSON.parse would change)', () => {
  it('finds an integer or fraction a double cannot hold, with its JSON path and place', () => {
    const text = '{\n  "steps": [\n    { "parameters": { "ok": 9007199254740991, "big": 9223372036854775807 } }\n  ]\n}';
    expect(findInexactNumber(text)).to.deep.equal({ path: '$.steps[0].parameters.big', line: 3, column: 54 });
    expect(findInexactNumber('[1, "9223372036854775807", {"a\\"b": [0.1000000000000000000000000001]}]')).to.deep.equal({ path: '$[2]["a\\"b"][0]', line: 1, column: 38 });
  });

  it('accepts every number a double holds, however it is written', () => {
    for (const literal of ['0', '-0', '1.0', '0.1', '1e3', '1E-7', '1152921504606847000', '9007199254740992', '1.7976931348623157e308', '5e-324', '123456789012345.6', '0.30000000000000004', '1e999']) {
      expect(isExactNumber(literal), literal).to.equal(true);
    }
    // 2^60 written out: JSON.parse holds it, but JSON.stringify sends it as 1152921504606847000.
    for (const literal of ['1152921504606846976', '9007199254740993', '9223372036854775807', '0.1000000000000000000000000001', '1.00000000000000000001', '1e-400', '12345678901234567890']) {
      expect(isExactNumber(literal), literal).to.equal(false);
    }
    expect(findInexactNumber('{"a": [1, 2.5, 1e10, "12345678901234567890"]}')).to.equal(undefined);
  });
});

describe('readSequenceFile refuses a number JSON.parse would change', () => {
  it('names the path, line and column, and quotes nothing of the number', () => {
    const file = writeTempFile('inexact-number.json', '{"name": "n", "steps": [{"type": "Node", "name": "N", "handler": "h",\n "parameters": {"id": 12345678901234567890}}]}');
    let error: unknown;
    try {
      readSequenceFile(file);
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(InvalidDocumentError);
    expect((error as InvalidDocumentError).problems).to.deep.equal([
      { path: '$.steps[0].parameters.id', message: 'is a number JavaScript cannot hold exactly (line 2, column 23: more digits than a double keeps, so it would silently become another number); write it as a string' },
    ]);
    expect((error as Error).message).not.to.contain('1234567890');
  });
});
