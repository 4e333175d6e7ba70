import { expect } from 'chai';
import { InvalidRequestError } from '../../src/bridge/errors.js';
import { assertWellFormedParams, findIllFormedString, wellFormedProblem } from '../../src/bridge/wellFormed.js';

function refusal(method: string, params: Record<string, unknown>): InvalidRequestError {
  try {
    assertWellFormedParams(method, params);
  } catch (error) {
    expect(error).to.be.instanceOf(InvalidRequestError);
    return error as InvalidRequestError;
  }
  throw new Error('expected assertWellFormedParams to throw');
}

describe('well-formed Unicode in requests', () => {
  it('accepts surrogate pairs and finds lone high and low surrogates with their path and index', () => {
    expect(findIllFormedString({ a: ['😀 𝄞', { b: '\u{10FFFF}' }] })).to.equal(undefined);
    expect(findIllFormedString({ steps: [{ commandLine: 'a\uD800b' }] })).to.deep.equal({ path: '$.steps[0].commandLine', isName: false, index: 1, code: 0xd800 });
    // the second half of an emoji cut off its first half
    expect(findIllFormedString(['ok', '😀'.slice(1)])).to.deep.equal({ path: '$[1]', isName: false, index: 0, code: 0xde00 });
    expect(findIllFormedString({ 'odd key': { x: '😀x\uD83D' } })?.path).to.equal('$["odd key"].x');
  });

  it('checks property names too, and survives a cyclic object', () => {
    expect(findIllFormedString({ parameters: { 'k\uDC00': 'v' } })).to.include({ path: '$.parameters["k\\udc00"]', isName: true });
    const cyclic: Record<string, unknown> = { a: 'fine' };
    cyclic.self = cyclic;
    expect(findIllFormedString(cyclic)).to.equal(undefined);
  });

  it('names the variable whose value is bad, never showing the value', () => {
    const error = refusal('invokeStep', { step: { type: 'X' }, variables: { Good: 'x', Token: 'secret\uD800' } });
    expect(error.variable).to.equal('Token');
    expect(error.message).to.match(/^invokeStep: the value of variable 'Token' is not well-formed Unicode: it has a lone surrogate \(U\+D800\) at index 6\./);
    expect(error.message).to.match(/must be well-formed Unicode, or they cannot round-trip/);
    expect(error.message).to.match(/Nothing was sent to the engine\.$/);
    expect(error.message).not.to.include('secret');
  });

  it('gives the JSON path from $ in a step or document, and the key for other params', () => {
    const document = refusal('runSequence', { document: { steps: [{ type: 'RunCommandLine', commandLine: 'echo \uDFFF' }] } });
    expect(document.path).to.equal('$.steps[0].commandLine');
    expect(document.message).to.match(/^runSequence: the string at \$\.steps\[0\]\.commandLine is not well-formed Unicode/);
    expect(refusal('invokeStep', { step: { type: 'Node', parameters: { 'a\uD800': 1 } } }).message).to.match(
      /^invokeStep: the property name at \$\.parameters\["a\\ud800"\] is not well-formed/,
    );
    expect(refusal('runSequence', { document: { steps: [] }, secrets: ['Ok', 'B\uD800'] }).message).to.match(/the string at secrets\[1\]/);
    expect(refusal('invokeStep', { step: { type: 'X' }, variables: { 'N\uD800': 'v' } }).message).to.match(/the variable name "N\\ud800"/);
  });

  it('lets a well-formed request through', () => {
    expect(() => assertWellFormedParams('invokeStep', { step: { type: 'X', text: '😀' }, variables: { A: 'é' }, events: false })).not.to.throw();
    expect(wellFormedProblem('😀')).to.equal(undefined);
    expect(wellFormedProblem('\uD83D')).to.match(/^is not well-formed Unicode/);
  });

  it('refuses a value nested deeper than the scan with InvalidRequestError naming where, not a stack overflow', () => {
    const nested = (depth: number) => {
      const root: unknown[] = [];
      let inner = root;
      for (let i = 0; i < depth; i++) inner.push((inner = []));
      return root;
    };
    const error = (() => {
      try {
        assertWellFormedParams('invokeStep', { step: { type: 'Node', handler: 'x', parameters: { list: nested(100_000) } } });
      } catch (caught) {
        return caught as InvalidRequestError;
      }
      return undefined;
    })();
    expect(error).to.be.instanceOf(InvalidRequestError);
    expect(error!.path).to.match(/^\$\.parameters\.list(\[0\]){1099}$/);
    expect(error!.message).to.match(/^invokeStep: the value at \$\.parameters\.list\[0\].*… nests deeper than 1100 levels; the engine reads JSON 1024 levels deep\. Nothing was sent to the engine\.$/);
    expect(() => assertWellFormedParams('invokeStep', { step: { type: 'Node', handler: 'x', parameters: { list: nested(1000) } } })).not.to.throw();
  });
});
