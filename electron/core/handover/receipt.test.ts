import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../shared/errors';
import type { ReceiptRejectionReason } from '../../../shared/handover/reasons';
import { T0, partnersOf, twoOrganisations, unverifiedPartner, verifiedPartner } from './handover.fixtures';
import { generateOrganisationKeys } from './org-keys';
import { createReceipt, openReceipt, type OpenReceiptOptions } from './receipt';

const { be, lu } = twoOrganisations();
const PACKAGE_ID = '0123456789abcdef0123456789abcdef';
const AT = new Date('2026-11-30T14:00:00.000Z');
const LATER = new Date('2026-12-01T09:00:00.000Z');

function beOptions(over: Partial<OpenReceiptOptions> = {}): OpenReceiptOptions {
  return {
    ownKeys: be.keys,
    knownPartners: partnersOf(be.partner),
    sentPackages: new Map([[PACKAGE_ID, { recipientOrgId: lu.keys.card.organisation.id, createdAt: T0.toISOString() }]]),
    seenReceiptIds: new Set(),
    now: LATER,
    ...over,
  };
}

async function reasonOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (isAppError(e) && e.code === 'PACKAGE_REJECTED') return String(e.details?.reason);
    throw e;
  }
  return 'accepted';
}

async function expectRefused(p: Promise<unknown>, reason: ReceiptRejectionReason): Promise<void> {
  expect(await reasonOf(p)).toBe(reason);
}

describe('receipts', () => {
  it('round-trip, encrypted to the sender or only signed, accepted or rejected with a reason', async () => {
    const accepted = await createReceipt({ packageId: PACKAGE_ID, to: lu.partner, outcome: 'accepted', reason: null, at: AT }, lu.keys);
    expect(Buffer.from(accepted).toString().split('.')).toHaveLength(5);
    const r = await openReceipt(accepted, beOptions());
    expect(r).toMatchObject({
      encrypted: true,
      signer: { orgId: lu.keys.card.organisation.id },
      receipt: {
        format: 'passerelle-handover-receipt',
        version: 1,
        packageId: PACKAGE_ID,
        from: { orgId: lu.keys.card.organisation.id, fingerprint: lu.keys.fingerprint.hex },
        to: { orgId: be.keys.card.organisation.id, fingerprint: be.keys.fingerprint.hex },
        outcome: 'accepted',
        reason: null,
        at: AT.toISOString(),
      },
    });
    const plain = await createReceipt({ packageId: PACKAGE_ID, to: lu.partner, outcome: 'rejected', reason: 'expired', at: AT, encrypt: false }, lu.keys);
    expect(Buffer.from(plain).toString().split('.')).toHaveLength(3);
    expect((await openReceipt(plain, beOptions())).receipt).toMatchObject({ outcome: 'rejected', reason: 'expired' });
    const declined = await createReceipt({ packageId: PACKAGE_ID, to: lu.partner, outcome: 'rejected', reason: 'declined', at: AT }, lu.keys);
    expect((await openReceipt(declined, beOptions())).receipt.reason).toBe('declined');
  });

  it('cannot be made inconsistent: a rejection needs a reason, an acceptance has none', async () => {
    await expect(createReceipt({ packageId: PACKAGE_ID, to: lu.partner, outcome: 'rejected', reason: null, at: AT }, lu.keys)).rejects.toThrow();
    await expect(createReceipt({ packageId: PACKAGE_ID, to: lu.partner, outcome: 'accepted', reason: 'replay', at: AT }, lu.keys)).rejects.toThrow();
  });

  it('refuses a receipt for a package not sent, or from an organisation it was not sent to', async () => {
    const r = await createReceipt({ packageId: PACKAGE_ID, to: lu.partner, outcome: 'accepted', reason: null, at: AT }, lu.keys);
    await expectRefused(openReceipt(r, beOptions({ sentPackages: new Map() })), 'unknownPackage');
    const nl = generateOrganisationKeys({ name: 'Stichting Voorbeeld (test)', country: 'NL', now: T0 });
    await expectRefused(
      openReceipt(r, beOptions({ sentPackages: new Map([[PACKAGE_ID, { recipientOrgId: nl.card.organisation.id, createdAt: T0.toISOString() }]]) })),
      'receiptFromWrongPartner',
    );
  });

  it('refuses replays, unknown, unverified and forged signers, and receipts for someone else', async () => {
    const r = await createReceipt({ packageId: PACKAGE_ID, to: lu.partner, outcome: 'accepted', reason: null, at: AT, receiptId: 'ffffffffffffffffffffffffffffffff' }, lu.keys);
    await expectRefused(openReceipt(r, beOptions({ seenReceiptIds: new Set(['ffffffffffffffffffffffffffffffff']) })), 'replay');
    await expectRefused(openReceipt(r, beOptions({ knownPartners: new Map() })), 'unknownSender');
    await expectRefused(openReceipt(r, beOptions({ knownPartners: partnersOf(unverifiedPartner(lu.keys, be.keys)) })), 'unverifiedSender');
    const nl = generateOrganisationKeys({ name: 'Stichting Voorbeeld (test)', country: 'NL', now: T0 });
    const forNl = await createReceipt({ packageId: PACKAGE_ID, to: verifiedPartner(nl, lu.keys), outcome: 'accepted', reason: null, at: AT }, lu.keys);
    await expectRefused(openReceipt(forNl, beOptions()), 'wrongRecipient');
    const plainForNl = await createReceipt({ packageId: PACKAGE_ID, to: verifiedPartner(nl, lu.keys), outcome: 'accepted', reason: null, at: AT, encrypt: false }, lu.keys);
    await expectRefused(openReceipt(plainForNl, beOptions()), 'wrongRecipient');
    // Mallory signs a receipt in LU's name with her own key.
    const mallory = generateOrganisationKeys({ name: 'Mallory (test)', country: 'LU', now: T0 });
    const forged = await createReceipt(
      { packageId: PACKAGE_ID, to: verifiedPartner(be.keys, mallory), outcome: 'accepted', reason: null, at: AT, encrypt: false },
      { ...mallory, card: lu.keys.card, fingerprint: lu.keys.fingerprint },
    );
    await expectRefused(openReceipt(forged, beOptions()), 'badSignature');
  });

  it('refuses a receipt dated in the future, junk, truncations and bit flips', async () => {
    const r = Buffer.from(await createReceipt({ packageId: PACKAGE_ID, to: lu.partner, outcome: 'accepted', reason: null, at: AT }, lu.keys));
    await expectRefused(openReceipt(r, beOptions({ now: new Date(AT.getTime() - 10 * 60_000) })), 'notYetValid');
    await expectRefused(openReceipt(Buffer.from('{}\n'), beOptions()), 'malformed');
    await expectRefused(openReceipt(Buffer.alloc(100_000, 0x41), beOptions()), 'oversize');
    for (let n = 0; n < r.length; n += 7) expect(await reasonOf(openReceipt(r.subarray(0, n), beOptions()))).toBe('malformed');
    for (let i = 0; i < r.length * 8; i += 5) {
      const f = Buffer.from(r);
      f[i >> 3] = f[i >> 3]! ^ (1 << (i & 7));
      expect(await reasonOf(openReceipt(f, beOptions())), `bit ${i}`).not.toBe('accepted');
    }
  });
});
