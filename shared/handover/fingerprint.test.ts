import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FINGERPRINT_ACCEPT_LIMIT,
  digitsFromHash,
  fingerprintMatches,
  formatFingerprint,
  hashToBigInt,
  parseFingerprintInput,
} from './fingerprint';

function bytesOf(x: bigint): Uint8Array {
  const out = new Uint8Array(32);
  for (let i = 31; i >= 0; i--) {
    out[i] = Number(x & 0xffn);
    x >>= 8n;
  }
  return out;
}

describe('fingerprint digits', () => {
  it('are X mod 10^60 for X below the limit, 60 digits with leading zeros', () => {
    expect(digitsFromHash(new Uint8Array(32))).toBe('0'.repeat(60));
    expect(digitsFromHash(bytesOf(12345n))).toBe(`${'0'.repeat(55)}12345`);
    expect(digitsFromHash(bytesOf(10n ** 60n + 7n))).toBe(`${'0'.repeat(59)}7`);
    expect(digitsFromHash(bytesOf(FINGERPRINT_ACCEPT_LIMIT - 1n))).toBe('9'.repeat(60));
  });

  it('reject exactly the values at or above the largest multiple of 10^60 below 2^256', () => {
    expect(FINGERPRINT_ACCEPT_LIMIT % 10n ** 60n).toBe(0n);
    expect((1n << 256n) - FINGERPRINT_ACCEPT_LIMIT).toBeLessThan(10n ** 60n);
    expect(digitsFromHash(bytesOf(FINGERPRINT_ACCEPT_LIMIT))).toBeNull();
    expect(digitsFromHash(new Uint8Array(32).fill(0xff))).toBeNull();
  });

  it('round-trip the hash as a big-endian integer', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (h) => {
        expect(bytesOf(hashToBigInt(h))).toEqual(h);
        const d = digitsFromHash(h);
        if (d !== null) expect(d).toMatch(/^\d{60}$/);
      }),
      { numRuns: 200 },
    );
  });

  it('are shown as 12 groups of 5, and typed input is compared after removing separators', () => {
    const digits = '012345678901234567890123456789012345678901234567890123456789';
    const shown = formatFingerprint(digits);
    expect(shown.split(' ')).toHaveLength(12);
    expect(shown.split(' ').every((g) => g.length === 5)).toBe(true);
    expect(formatFingerprint(digits, 4).split('\n')).toHaveLength(3);
    expect(parseFingerprintInput(shown)).toBe(digits);
    expect(parseFingerprintInput(shown.replace(/ /g, '-'))).toBe(digits);
    expect(fingerprintMatches(formatFingerprint(digits, 4), digits)).toBe(true);
    expect(fingerprintMatches(shown.slice(0, -1), digits)).toBe(false);
    expect(fingerprintMatches(shown.replace('01234', '01235'), digits)).toBe(false);
    expect(parseFingerprintInput('abc')).toBeNull();
  });
});
