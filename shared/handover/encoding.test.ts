import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64urlLength, isCanonicalBase64url, isIsoInstant, isSafeJson } from './encoding';

function b64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

describe('canonical base64url', () => {
  it('accepts exactly the encoder output', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        const s = b64url(bytes);
        expect(isCanonicalBase64url(s)).toBe(true);
        expect(isCanonicalBase64url(s, bytes.length)).toBe(true);
        expect(base64urlLength(bytes.length)).toBe(s.length);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses unused bits set, padding, other alphabets, white space and impossible lengths', () => {
    expect(isCanonicalBase64url('QQ')).toBe(true);
    expect(isCanonicalBase64url('QR')).toBe(false); // decodes to the same byte as "QQ"
    expect(isCanonicalBase64url('QUE')).toBe(true);
    expect(isCanonicalBase64url('QUF')).toBe(false);
    expect(isCanonicalBase64url('QQ==')).toBe(false);
    expect(isCanonicalBase64url('a+b/')).toBe(false);
    expect(isCanonicalBase64url('QU E')).toBe(false);
    expect(isCanonicalBase64url('QUFBQ')).toBe(false);
    expect(isCanonicalBase64url('QQ', 2)).toBe(false);
  });
});

describe('ISO instants', () => {
  it('accept only toISOString output', () => {
    expect(isIsoInstant('2026-11-29T09:00:00.000Z')).toBe(true);
    expect(isIsoInstant('2026-11-29T09:00:00Z')).toBe(false);
    expect(isIsoInstant('2026-02-30T09:00:00.000Z')).toBe(false);
    expect(isIsoInstant('2026-11-29T09:00:00.000+01:00')).toBe(false);
  });
});

describe('safe JSON', () => {
  it('bounds depth without recursion and refuses prototype keys', () => {
    expect(isSafeJson({ a: [1, 'x', null, { b: true }] }, 4)).toBe(true);
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000));
    expect(isSafeJson(deep, 32)).toBe(false);
    expect(isSafeJson(JSON.parse('{"__proto__":{"polluted":1}}'), 8)).toBe(false);
    expect(isSafeJson(JSON.parse('{"a":{"constructor":{"prototype":{}}}}'), 8)).toBe(false);
    expect(isSafeJson(Number.NaN, 8)).toBe(false);
  });
});
