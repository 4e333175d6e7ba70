import { expect } from 'chai';
import { InvalidRequestError } from '../../src/bridge/errors.js';
import { toVariableRecord, VariableMap } from '../../src/bridge/variables.js';

describe('VariableMap', () => {
  it('treats names case-insensitively and keeps the first spelling', () => {
    const variables = new VariableMap({ AppRoot: '/opt' });
    expect(variables.get('approot')).to.equal('/opt');
    variables.set('APPROOT', '/srv');
    expect(variables.toRecord()).to.deep.equal({ AppRoot: '/srv' });
    expect(variables.has('appRoot')).to.equal(true);
  });

  it('deletes a variable set to the empty string', () => {
    const variables = new VariableMap({ A: '1' });
    variables.set('a', '');
    expect(variables.has('A')).to.equal(false);
    expect(variables.size).to.equal(0);
  });

  it('refuses engine-owned names and non-string values', () => {
    const variables = new VariableMap();
    expect(() => variables.set('_SMSTSLogPath', 'x')).to.throw(/read-only/);
    expect(() => variables.set('A', 1 as unknown as string)).to.throw(/string/);
  });

  it('iterates entries', () => {
    expect([...new VariableMap({ A: '1', B: '2' })]).to.deep.equal([
      ['A', '1'],
      ['B', '2'],
    ]);
  });

  it('toVariableRecord rejects non-string values instead of coercing them', () => {
    expect(() => toVariableRecord({ A: 3 as unknown as string })).to.throw(InvalidRequestError, /'A' must be a string, got a number/);
    expect(toVariableRecord(new Map([['A', 'x']]))).to.deep.equal({ A: 'x' });
  });

  it('toVariableRecord keeps a variable named __proto__ (from JSON) as a variable, for the engine to refuse as read-only', () => {
    const record = toVariableRecord(JSON.parse('{"__proto__":"x","A":"y"}') as Record<string, string>)!;
    expect(Object.getPrototypeOf(record)).to.equal(Object.prototype);
    expect(Object.keys(record)).to.deep.equal(['__proto__', 'A']);
    expect(JSON.stringify(record)).to.equal('{"__proto__":"x","A":"y"}');
  });
});
