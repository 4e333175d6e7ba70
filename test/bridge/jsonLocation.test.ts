import { expect } from 'chai';
import { findJsonErrorOffset, locationAt, parseJsonWithLocation } from '../../src/bridge/jsonLocation.js';

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
});
