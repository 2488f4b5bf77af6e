/**
 * Whatever the bytes, openPackage refuses with a typed PACKAGE_REJECTED and never throws anything
 * else: arbitrary bytes, EVERY single-bit flip of a real small package, and EVERY truncation of it.
 * The package is kept under 3 KB so that all ~20 000 flips run in a few seconds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../shared/errors';
import { T0, partnersOf, smallContent, twoOrganisations } from './handover.fixtures';
import { buildPackage, openPackage, type OpenPackageOptions } from './package';

const { be, lu } = twoOrganisations();
const options: OpenPackageOptions = { recipientKeys: lu.keys, knownPartners: partnersOf(lu.partner), now: T0, seenPackageIds: new Set() };

/** 'accepted', or the refusal reason; any other exception fails the test with the exception itself. */
async function outcome(bytes: Uint8Array): Promise<string> {
  try {
    await openPackage(bytes, options);
    return 'accepted';
  } catch (e) {
    if (isAppError(e) && e.code === 'PACKAGE_REJECTED' && typeof e.details?.reason === 'string') return e.details.reason;
    throw e;
  }
}

const small = smallContent(be.partner, {
  sections: { identity: { givenNames: 'Kalomi', familyName: 'Ranetu' } },
  attachments: [{ name: 'a.txt', mediaType: 'text/plain', bytes: Buffer.from('test') }],
});

describe('openPackage on hostile bytes', () => {
  it('refuses arbitrary bytes, also ones shaped like a package', async () => {
    const real = Buffer.from(await buildPackage(small, be.keys)).toString();
    const segment = fc.stringMatching(/^[A-Za-z0-9_-]{0,60}$/);
    const lookalike = fc
      .tuple(fc.array(segment, { minLength: 1, maxLength: 6 }), fc.boolean())
      .map(([segs, nl]) => Buffer.from(segs.join('.') + (nl ? '\n' : '')));
    const spliced = fc
      .tuple(fc.nat(real.length), fc.nat(real.length), fc.string({ maxLength: 8 }))
      .map(([a, b, s]) => Buffer.from(real.slice(0, Math.min(a, b)) + s + real.slice(Math.max(a, b))));
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 4096 }), lookalike, spliced), async (bytes) => {
        const r = await outcome(bytes);
        // A splice that inserts nothing and removes nothing is the real package.
        if (Buffer.compare(Buffer.from(bytes), Buffer.from(real)) !== 0) expect(r).not.toBe('accepted');
      }),
      { numRuns: 400 },
    );
  });

  it('refuses every single-bit flip of a real package', async () => {
    const bytes = Buffer.from(await buildPackage(small, be.keys));
    expect(bytes.length).toBeLessThan(3 * 1024);
    expect(await outcome(bytes)).toBe('accepted');
    const reasons = new Map<string, number>();
    for (let i = 0; i < bytes.length * 8; i++) {
      const flipped = Buffer.from(bytes);
      flipped[i >> 3] = flipped[i >> 3]! ^ (1 << (i & 7));
      const r = await outcome(flipped);
      if (r === 'accepted') throw new Error(`bit ${i} (byte ${i >> 3}) flipped and the package was still accepted`);
      reasons.set(r, (reasons.get(r) ?? 0) + 1);
    }
    expect([...reasons.keys()].every((r) => r !== 'accepted')).toBe(true);
  }, 120_000);

  it('refuses every truncation of a real package', async () => {
    const bytes = Buffer.from(await buildPackage(small, be.keys));
    for (let n = 0; n < bytes.length; n++) expect(await outcome(bytes.subarray(0, n)), `first ${n} bytes`).toBe('malformed');
  });
});
