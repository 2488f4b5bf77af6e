import { sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../shared/errors';
import { FINGERPRINT_ACCEPT_LIMIT } from '../../../shared/handover/fingerprint';
import { partnerSchema, type KeyCard } from '../../../shared/handover/key-card.schema';
import { T0 } from './handover.fixtures';
import {
  KEY_CARD_CLOCK_SKEW_MS,
  KEY_CARD_SIGNING_PREFIX,
  canExchangeWith,
  canonicalJson,
  exportPrivateKeys,
  fingerprintOf,
  generateOrganisationKeys,
  importPartnerCard,
  loadOrganisationKeys,
  markPartnerVerified,
  parseKeyCard,
  rotateOrganisationKeys,
  serialiseKeyCard,
  signKeyCard,
  verifyKeyCard,
  verifyPartnerCard,
  type KeyCardRejectionReason,
} from './org-keys';

const LATER = new Date('2026-12-15T10:00:00.000Z');

function refusalOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (isAppError(e) && e.code === 'VALIDATION') return e.details?.reason;
    throw e;
  }
  return undefined;
}

function expectRefused(fn: () => unknown, reason: KeyCardRejectionReason): void {
  expect(refusalOf(fn)).toBe(`keyCard.${reason}`);
}

const own = generateOrganisationKeys({ name: 'Centrum Voorbeeld (test)', country: 'BE', now: T0 });
const lu = generateOrganisationKeys({ name: 'Service Exemple (test)', country: 'LU', now: T0 });
const ctx = { now: T0, ownOrgId: own.card.organisation.id, partners: [] };

describe('organisation keys and key cards', () => {
  it('make an Ed25519 and an X25519 key pair and a self-signed, versioned card', () => {
    expect(lu.signingKey.asymmetricKeyType).toBe('ed25519');
    expect(lu.encryptionKey.asymmetricKeyType).toBe('x25519');
    expect(lu.card).toMatchObject({
      format: 'passerelle-key-card',
      version: 1,
      organisation: { name: 'Service Exemple (test)', country: 'LU' },
      keys: { signing: { kty: 'OKP', crv: 'Ed25519' }, encryption: { kty: 'OKP', crv: 'X25519' } },
      createdAt: T0.toISOString(),
    });
    expect(JSON.stringify(lu.card)).not.toMatch(/"d"/); // no private half on the card
    expect(verifyKeyCard(lu.card).fingerprint).toEqual(lu.fingerprint);
  });

  it('fingerprint = SHA-256 of the canonical body, shown as 12 groups of 5 digits', () => {
    const fp = fingerprintOf(lu.card);
    expect(fp.hex).toMatch(/^[0-9a-f]{64}$/);
    expect(fp.display).toMatch(/^(\d{5} ){11}\d{5}$/);
    const digits = BigInt(`0x${fp.hex}`) < FINGERPRINT_ACCEPT_LIMIT ? (BigInt(`0x${fp.hex}`) % 10n ** 60n).toString().padStart(60, '0') : null;
    expect(fp.digits).toBe(digits);
    // Key order or white space in the file do not change it; the signature is not part of it.
    const { selfSignature: _s, ...body } = lu.card;
    const reordered = Object.fromEntries(Object.entries(body).reverse()) as typeof body;
    expect(Object.keys(reordered)[0]).toBe('createdAt');
    expect(fingerprintOf(reordered)).toEqual(fp);
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
  });

  it('round-trip through the file, with the self-signature checked', () => {
    const text = serialiseKeyCard(lu.card);
    const read = parseKeyCard(text);
    expect(read.card).toEqual(lu.card);
    expect(read.fingerprint).toEqual(lu.fingerprint);
  });

  it('refuse a card altered after signing, a bad signature, junk and oversize files', () => {
    const renamed: KeyCard = { ...lu.card, organisation: { ...lu.card.organisation, name: 'Someone Else' } };
    expectRefused(() => verifyKeyCard(renamed), 'badSelfSignature');
    const otherKey = generateOrganisationKeys({ name: 'X (test)', country: 'NL', now: T0 });
    const swapped: KeyCard = { ...lu.card, keys: { ...lu.card.keys, encryption: otherKey.card.keys.encryption } };
    expectRefused(() => verifyKeyCard(swapped), 'badSelfSignature');
    expectRefused(() => parseKeyCard('{"format":"passerelle-key-card"}'), 'malformed');
    expectRefused(() => parseKeyCard(Buffer.from([0xff, 0xfe, 0x00])), 'malformed');
    expectRefused(() => parseKeyCard(`${serialiseKeyCard(lu.card).slice(0, -2)} ${' '.repeat(20_000)}}`), 'oversize');
    expectRefused(() => parseKeyCard(JSON.stringify({ ...lu.card, extra: 1 })), 'malformed');
    expectRefused(() => parseKeyCard(JSON.stringify({ ...lu.card, organisation: { ...lu.card.organisation, name: ' padded' } })), 'malformed');
  });

  it('refuse a small-order signing key, for which one signature verifies for any message', () => {
    const identity = Buffer.alloc(32);
    identity[0] = 1;
    const universal = Buffer.alloc(64);
    universal[0] = 1; // R = identity, S = 0: OpenSSL accepts it for every message under this key
    const weak: KeyCard = {
      ...lu.card,
      keys: { ...lu.card.keys, signing: { kty: 'OKP', crv: 'Ed25519', x: identity.toString('base64url') } },
      selfSignature: universal.toString('base64url'),
    };
    expectRefused(() => verifyKeyCard(weak), 'weakKey');
    const zeroX: KeyCard = { ...lu.card, keys: { ...lu.card.keys, encryption: { kty: 'OKP', crv: 'X25519', x: Buffer.alloc(32).toString('base64url') } } };
    expectRefused(() => verifyKeyCard(zeroX), 'weakKey');
  });

  it('store only the private scalars and load them back; refuse private keys of another card', () => {
    const stored = exportPrivateKeys(lu);
    const loaded = loadOrganisationKeys(lu.card, stored);
    expect(loaded.fingerprint).toEqual(lu.fingerprint);
    const probe = Buffer.from('x');
    expect(sign(null, probe, loaded.signingKey)).toEqual(sign(null, probe, lu.signingKey));
    expect(() => loadOrganisationKeys(lu.card, exportPrivateKeys(own))).toThrow();
  });

  it('sign the card with a domain prefix, so no other Passerelle signature can pass for one', () => {
    const { selfSignature: _s, ...body } = lu.card;
    const resigned = signKeyCard(body, lu.signingKey);
    expect(resigned.selfSignature).toBe(lu.card.selfSignature); // Ed25519 is deterministic
    expect(KEY_CARD_SIGNING_PREFIX).toBe('passerelle/key-card/v1\n');
  });
});

describe('partners', () => {
  it('start unverified; exchanges only after the fingerprint was compared', () => {
    const { outcome, partner } = importPartnerCard(undefined, verifyKeyCard(lu.card), ctx);
    expect(outcome).toBe('added');
    expect(partner).toMatchObject({ orgId: lu.card.organisation.id, status: 'unverified', verifiedFingerprint: null });
    expect(canExchangeWith(partner)).toBe(false);
    expectRefused(() => markPartnerVerified(partner, '12345 '.repeat(12), T0), 'fingerprintMismatch');
    expectRefused(() => markPartnerVerified(partner, lu.fingerprint.display.slice(0, -1), T0), 'fingerprintMismatch');
    const verified = markPartnerVerified(partner, lu.fingerprint.display.replace(/ /g, '-'), T0);
    expect(verified).toMatchObject({ status: 'verified', verifiedFingerprint: lu.fingerprint.hex, verifiedAt: T0.toISOString() });
    expect(canExchangeWith(verified)).toBe(true);
    expect(importPartnerCard(verified, verifyKeyCard(lu.card), ctx)).toEqual({ outcome: 'unchanged', partner: verified });
  });

  it('keep a verified card when a card with other keys arrives: the new one waits until its digits are compared', () => {
    const verified = markPartnerVerified(importPartnerCard(undefined, verifyKeyCard(lu.card), ctx).partner, lu.fingerprint.digits, T0);
    const rotated = rotateOrganisationKeys(lu, { now: LATER });
    expect(rotated.card.organisation.id).toBe(lu.card.organisation.id);
    const { outcome, partner } = importPartnerCard(verified, verifyKeyCard(rotated.card), { ...ctx, now: LATER });
    expect(outcome).toBe('pending');
    expect(partner).toMatchObject({ status: 'verified', card: lu.card, fingerprint: lu.fingerprint.hex, pendingCard: rotated.card, pendingImportedAt: LATER.toISOString() });
    // Exchanges go on with the verified card.
    expect(canExchangeWith(partner)).toBe(true);
    // The same waiting card again changes nothing.
    expect(importPartnerCard(partner, verifyKeyCard(rotated.card), { ...ctx, now: LATER })).toEqual({ outcome: 'unchanged', partner });
    // Comparing the OLD digits confirms the old card; the new one still waits.
    const confirmed = verifyPartnerCard(partner, lu.fingerprint.display, LATER);
    expect(confirmed.compared).toBe('current');
    expect(confirmed.partner).toMatchObject({ card: lu.card, pendingCard: rotated.card });
    // Comparing the new card's digits makes it the partner's card.
    const accepted = verifyPartnerCard(partner, rotated.fingerprint.display, LATER);
    expect(accepted.compared).toBe('pending');
    expect(accepted.partner).toMatchObject({ status: 'verified', card: rotated.card, fingerprint: rotated.fingerprint.hex, pendingCard: null, previousCard: null });
    expect(canExchangeWith(accepted.partner)).toBe(true);
    expectRefused(() => verifyPartnerCard(partner, '12345 '.repeat(12), LATER), 'fingerprintMismatch');
  });

  it('let a newer waiting card take the place of an older waiting one, never of the verified card', () => {
    const verified = markPartnerVerified(importPartnerCard(undefined, verifyKeyCard(lu.card), ctx).partner, lu.fingerprint.digits, T0);
    const rotated = rotateOrganisationKeys(lu, { now: LATER });
    const waiting = importPartnerCard(verified, verifyKeyCard(rotated.card), { ...ctx, now: LATER }).partner;
    const rotatedTwice = rotateOrganisationKeys(lu, { now: new Date('2026-12-20T10:00:00.000Z') });
    const next = importPartnerCard(waiting, verifyKeyCard(rotatedTwice.card), { ...ctx, now: new Date('2026-12-20T10:00:00.000Z') });
    expect(next).toMatchObject({ outcome: 'pending', partner: { card: lu.card, status: 'verified', pendingCard: rotatedTwice.card } });
    expectRefused(() => importPartnerCard(waiting, verifyKeyCard(generateOrganisationKeys({ orgId: lu.card.organisation.id, name: 'Service Exemple (test)', country: 'LU', now: new Date('2026-11-01T00:00:00.000Z') }).card), { ...ctx, now: LATER }), 'olderCard');
  });

  it('keep a key change from an older vault blocked through further imports, and refuse rolling back to an older card', () => {
    const rotated = rotateOrganisationKeys(lu, { now: LATER });
    // A partner left 'keyChanged' by the rule before waiting cards existed.
    const changed = partnerSchema.parse({
      orgId: lu.card.organisation.id,
      card: rotated.card,
      fingerprint: rotated.fingerprint.hex,
      status: 'keyChanged',
      verifiedFingerprint: null,
      verifiedAt: null,
      importedAt: LATER.toISOString(),
      previousCard: lu.card,
      pendingCard: null,
      pendingImportedAt: null,
    });
    expect(canExchangeWith(changed)).toBe(false);
    const at = new Date('2026-12-20T10:00:00.000Z');
    const rotatedTwice = rotateOrganisationKeys(lu, { now: at });
    const still = importPartnerCard(changed, verifyKeyCard(rotatedTwice.card), { ...ctx, now: at });
    expect(still.partner.status).toBe('keyChanged');
    expect(still.partner.previousCard).toEqual(lu.card);
    expectRefused(() => importPartnerCard(changed, verifyKeyCard(lu.card), { ...ctx, now: at }), 'olderCard');
    expect(canExchangeWith(markPartnerVerified(changed, rotated.fingerprint.display, at))).toBe(true);
  });

  it('ask for a comparison when the same keys come with other details: waiting beside a verified card, replacing an unverified one', () => {
    const first = importPartnerCard(undefined, verifyKeyCard(lu.card), ctx).partner;
    const verified = markPartnerVerified(first, lu.fingerprint.digits, T0);
    const { selfSignature: _s, ...body } = lu.card;
    const renamed = signKeyCard({ ...body, organisation: { ...body.organisation, name: 'Service Exemple renamed (test)' }, createdAt: LATER.toISOString() }, lu.signingKey);
    const r = importPartnerCard(verified, verifyKeyCard(renamed), { ...ctx, now: LATER });
    expect(r).toMatchObject({ outcome: 'pending', partner: { status: 'verified', card: lu.card, pendingCard: renamed } });
    const u = importPartnerCard(first, verifyKeyCard(renamed), { ...ctx, now: LATER });
    expect(u.outcome).toBe('detailsChanged');
    expect(u.partner.status).toBe('unverified');
    expect(canExchangeWith(u.partner)).toBe(false);
  });

  it('refuse a card dated in the future beyond the clock skew, accept one within it', () => {
    const skewed = generateOrganisationKeys({ name: 'Service Exemple (test)', country: 'LU', now: new Date(T0.getTime() + KEY_CARD_CLOCK_SKEW_MS - 1000) });
    expect(importPartnerCard(undefined, verifyKeyCard(skewed.card), ctx).outcome).toBe('added');
    const ahead = generateOrganisationKeys({ name: 'Service Exemple (test)', country: 'LU', now: new Date(T0.getTime() + KEY_CARD_CLOCK_SKEW_MS + 1000) });
    expectRefused(() => importPartnerCard(undefined, verifyKeyCard(ahead.card), ctx), 'futureCard');
    const y2099 = generateOrganisationKeys({ name: 'Service Exemple (test)', country: 'LU', now: new Date('2099-01-01T00:00:00.000Z') });
    expectRefused(() => importPartnerCard(undefined, verifyKeyCard(y2099.card), ctx), 'futureCard');
  });

  it('replace a never-verified card without calling it a key change', () => {
    const first = importPartnerCard(undefined, verifyKeyCard(lu.card), ctx).partner;
    const rotated = rotateOrganisationKeys(lu, { now: LATER });
    expect(importPartnerCard(first, verifyKeyCard(rotated.card), { ...ctx, now: LATER })).toMatchObject({ outcome: 'replaced', partner: { status: 'unverified' } });
  });

  it("refuse the vault's own card and a card whose keys another partner uses", () => {
    expectRefused(() => importPartnerCard(undefined, verifyKeyCard(own.card), ctx), 'ownCard');
    const luPartner = importPartnerCard(undefined, verifyKeyCard(lu.card), ctx).partner;
    const { selfSignature: _s, ...body } = lu.card;
    const clone = signKeyCard({ ...body, organisation: { ...body.organisation, id: '0b9e5c52-9f5e-4c7e-8a3e-1d2c3b4a5f60' } }, lu.signingKey);
    expectRefused(() => importPartnerCard(undefined, verifyKeyCard(clone), { ...ctx, partners: [luPartner] }), 'keyInUse');
  });
});
