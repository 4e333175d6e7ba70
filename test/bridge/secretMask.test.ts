// The secret values Node knows, masked in one pass over the original text: a mask is never masked
// again (a secret may be "*"), the longest value wins where several start at one place, and
// values are taken as text, not patterns.
import { expect } from 'chai';
import { SecretMask } from '../../src/bridge/secretMask.js';

function maskOf(...values: string[]): SecretMask {
  const mask = new SecretMask();
  const variables = Object.fromEntries(values.map((value, i) => [`S${i}`, value]));
  mask.note({ variables, secrets: Object.keys(variables) });
  return mask;
}

describe('SecretMask', () => {
  it('masks in one pass: the mask of one secret is not masked by another', () => {
    expect(maskOf('*', 'pw').mask('pw and a*b')).to.equal('******** and a********b');
  });

  it('prefers the longest value where two start at one place, and takes values as text', () => {
    expect(maskOf('x.y', 'x.yz', 'a(b').mask('x.yz x.y xzy a(b')).to.equal('******** ******** xzy ********');
  });

  it('learns values a result shows masked, and says how much of a chunk end could begin a secret', () => {
    const mask = new SecretMask();
    mask.note({ variables: { Token: 'tok-123' } }, { variables: { Token: '********' } });
    expect(mask.mask('tok-123!')).to.equal('********!');
    expect(mask.heldSuffixLength('text tok-')).to.equal(4);
    expect(mask.heldSuffixLength('text tak')).to.equal(0);
  });
});
