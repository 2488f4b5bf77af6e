/**
 * Organisation keys, key cards and partners. Format: docs/key-card.md.
 *
 * - At vault set-up an organisation gets an Ed25519 signing key pair and an X25519 encryption key pair
 *   (node:crypto). The private halves are kept in the vault (`exportPrivateKeys` gives what to store).
 * - Its key card names the organisation and carries both public keys as JWKs. The card is signed by
 *   its own signing key (the self-signature, checked on import) and identified by its fingerprint:
 *   SHA-256 over the canonical (RFC 8785) card body, shown as 12 groups of 5 digits.
 * - Partners are other organisations' cards. The state machine is pure: import -> 'unverified';
 *   the fingerprint compared out of band -> 'verified'; a new card with other keys for a verified
 *   partner -> 'keyChanged', which blocks exchanges until it is verified again.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  randomUUID,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import canonicalize from 'canonicalize';
import { AppError } from '../../../shared/errors';
import type { Country } from '../../../shared/domain';
import { FINGERPRINT_RETRY_PREFIX, digitsFromHash, formatFingerprint, parseFingerprintInput } from '../../../shared/handover/fingerprint';
import {
  KEY_CARD_FORMAT,
  KEY_CARD_VERSION,
  MAX_KEY_CARD_BYTES,
  keyCardBodySchema,
  keyCardSchema,
  partnerSchema,
  type KeyCard,
  type KeyCardBody,
  type Partner,
} from '../../../shared/handover/key-card.schema';

/** Prefix of the self-signature's signing input (UTF-8), so no other Passerelle signature can pass for a card's. */
export const KEY_CARD_SIGNING_PREFIX = 'passerelle/key-card/v1\n';

export const KEY_CARD_REJECTION_REASONS = [
  'oversize',
  'malformed',
  'badSelfSignature',
  'weakKey',
  'ownCard',
  'olderCard',
  'keyInUse',
  'fingerprintMismatch',
  'futureCard',
] as const;
export type KeyCardRejectionReason = (typeof KEY_CARD_REJECTION_REASONS)[number];

/**
 * A refused key card or fingerprint. VALIDATION with `details.reason` = `keyCard.<reason>`; the
 * integrator gives it its own i18n key (see docs/key-card.md "Refusals").
 */
export function keyCardRejected(reason: KeyCardRejectionReason): AppError {
  return new AppError('VALIDATION', 'validation', undefined, { reason: `keyCard.${reason}` });
}

export interface CardFingerprint {
  /** SHA-256 of the canonical card body, lower-case hex: what packages and the database store. */
  hex: string;
  /** The 60 digits people compare. */
  digits: string;
  /** The digits in 12 groups of 5. */
  display: string;
}

/** The key card plus what was checked on it: made only by `makeKeyCard` and `parseKeyCard`. */
export interface VerifiedKeyCard {
  readonly card: KeyCard;
  readonly fingerprint: CardFingerprint;
  readonly verifiedSelfSignature: true;
}

/** An organisation's own keys, as held in memory while the vault is unlocked. */
export interface OrganisationKeys {
  readonly card: KeyCard;
  readonly fingerprint: CardFingerprint;
  readonly signingKey: KeyObject;
  readonly encryptionKey: KeyObject;
}

/** What the vault stores: the private scalars of both keys (base64url JWK `d`). */
export interface StoredPrivateKeys {
  signing: { d: string };
  encryption: { d: string };
}

export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('canonicalize failed');
  return text;
}

function bodyOf(card: KeyCard | KeyCardBody): KeyCardBody {
  return {
    format: card.format,
    version: card.version,
    organisation: { id: card.organisation.id, name: card.organisation.name, country: card.organisation.country },
    keys: {
      signing: { kty: 'OKP', crv: 'Ed25519', x: card.keys.signing.x },
      encryption: { kty: 'OKP', crv: 'X25519', x: card.keys.encryption.x },
    },
    createdAt: card.createdAt,
  };
}

function signingInput(body: KeyCardBody): Buffer {
  return Buffer.from(KEY_CARD_SIGNING_PREFIX + canonicalJson(body), 'utf8');
}

/** The fingerprint of a card body (docs/key-card.md "Fingerprint"). */
export function fingerprintOf(card: KeyCard | KeyCardBody): CardFingerprint {
  const first = createHash('sha256').update(canonicalJson(bodyOf(card)), 'utf8').digest();
  let h = first;
  let digits = digitsFromHash(h);
  while (digits === null) {
    h = createHash('sha256').update(FINGERPRINT_RETRY_PREFIX, 'utf8').update(h).digest();
    digits = digitsFromHash(h);
  }
  return { hex: first.toString('hex'), digits, display: formatFingerprint(digits) };
}

/**
 * Ed25519 public keys of small order (libsodium's list, compared with the sign bit cleared): with such
 * a key one signature verifies for every message (OpenSSL accepts it), so anyone could sign as the card.
 */
const SMALL_ORDER_ED25519 = [
  '0000000000000000000000000000000000000000000000000000000000000000',
  '0100000000000000000000000000000000000000000000000000000000000000',
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05',
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a',
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
].map((h) => Buffer.from(h, 'hex'));

export function isSmallOrderEd25519(raw: Uint8Array): boolean {
  if (raw.length !== 32) return true;
  const masked = Buffer.from(raw);
  masked[31] = masked[31]! & 0x7f;
  return SMALL_ORDER_ED25519.some((b) => b.equals(masked));
}

export function signingPublicKey(x: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
}

export function encryptionPublicKey(x: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x }, format: 'jwk' });
}

/** Refuses keys no honest card has: a small-order signing key, an X25519 key that yields no shared secret. */
function checkCardKeys(body: KeyCardBody): void {
  if (isSmallOrderEd25519(Buffer.from(body.keys.signing.x, 'base64url'))) throw keyCardRejected('weakKey');
  try {
    signingPublicKey(body.keys.signing.x);
    const probe = generateKeyPairSync('x25519');
    const shared = diffieHellman({ privateKey: probe.privateKey, publicKey: encryptionPublicKey(body.keys.encryption.x) });
    if (shared.every((b) => b === 0)) throw new Error('all-zero shared secret');
  } catch {
    throw keyCardRejected('weakKey');
  }
}

export interface NewOrganisation {
  name: string;
  country: Country;
  /** The organisation's stable id; a new random UUID when absent (first keys of a vault). */
  orgId?: string;
  now: Date;
}

/** Makes both key pairs and the signed key card. */
export function generateOrganisationKeys(org: NewOrganisation): OrganisationKeys {
  const signing = generateKeyPairSync('ed25519');
  const encryption = generateKeyPairSync('x25519');
  return organisationKeysFrom(org, signing.privateKey, encryption.privateKey);
}

function organisationKeysFrom(org: NewOrganisation, signingKey: KeyObject, encryptionKey: KeyObject): OrganisationKeys {
  const sx = signingKey.export({ format: 'jwk' }).x;
  const ex = encryptionKey.export({ format: 'jwk' }).x;
  if (!sx || !ex) throw new Error('key export failed');
  const body = keyCardBodySchema.parse({
    format: KEY_CARD_FORMAT,
    version: KEY_CARD_VERSION,
    organisation: { id: org.orgId ?? randomUUID(), name: org.name, country: org.country },
    keys: { signing: { kty: 'OKP', crv: 'Ed25519', x: sx }, encryption: { kty: 'OKP', crv: 'X25519', x: ex } },
    createdAt: org.now.toISOString(),
  });
  const card = signKeyCard(body, signingKey);
  return { card, fingerprint: fingerprintOf(card), signingKey, encryptionKey };
}

export function signKeyCard(body: KeyCardBody, signingKey: KeyObject): KeyCard {
  const clean = keyCardBodySchema.parse(body);
  const selfSignature = sign(null, signingInput(clean), signingKey).toString('base64url');
  return { ...clean, selfSignature };
}

export function exportPrivateKeys(keys: OrganisationKeys): StoredPrivateKeys {
  const s = keys.signingKey.export({ format: 'jwk' }).d;
  const e = keys.encryptionKey.export({ format: 'jwk' }).d;
  if (!s || !e) throw new Error('key export failed');
  return { signing: { d: s }, encryption: { d: e } };
}

/** Rebuilds the in-memory keys from the vault's stored private keys and own card; refuses a mismatch. */
export function loadOrganisationKeys(card: KeyCard, stored: StoredPrivateKeys): OrganisationKeys {
  const verified = verifyKeyCard(card);
  const signingKey = createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', x: card.keys.signing.x, d: stored.signing.d }, format: 'jwk' });
  const encryptionKey = createPrivateKey({
    key: { kty: 'OKP', crv: 'X25519', x: card.keys.encryption.x, d: stored.encryption.d },
    format: 'jwk',
  });
  // createPrivateKey does not check that d belongs to x: derive the public halves and compare.
  if (createPublicKey(signingKey).export({ format: 'jwk' }).x !== card.keys.signing.x) throw new Error('signing key does not match the card');
  if (createPublicKey(encryptionKey).export({ format: 'jwk' }).x !== card.keys.encryption.x) throw new Error('encryption key does not match the card');
  return { card: verified.card, fingerprint: verified.fingerprint, signingKey, encryptionKey };
}

/**
 * A new card for the same organisation: same id, new keys (key rotation) or new name. Partners who
 * had verified the old card see 'keyChanged' until they compare the new fingerprint.
 */
export function rotateOrganisationKeys(current: OrganisationKeys, changes: { name?: string; now: Date }): OrganisationKeys {
  return generateOrganisationKeys({
    orgId: current.card.organisation.id,
    name: changes.name ?? current.card.organisation.name,
    country: current.card.organisation.country,
    now: changes.now,
  });
}

export function serialiseKeyCard(card: KeyCard): string {
  return `${JSON.stringify(keyCardSchema.parse(card), null, 2)}\n`;
}

/** Checks a parsed card's self-signature and keys. */
export function verifyKeyCard(card: KeyCard): VerifiedKeyCard {
  const parsed = keyCardSchema.safeParse(card);
  if (!parsed.success) throw keyCardRejected('malformed');
  const body = bodyOf(parsed.data);
  checkCardKeys(body);
  let ok = false;
  try {
    ok = verify(null, signingInput(body), signingPublicKey(body.keys.signing.x), Buffer.from(parsed.data.selfSignature, 'base64url'));
  } catch {
    ok = false;
  }
  if (!ok) throw keyCardRejected('badSelfSignature');
  return { card: parsed.data, fingerprint: fingerprintOf(body), verifiedSelfSignature: true };
}

/** Reads a key card file: size first, then JSON, schema, keys and self-signature. */
export function parseKeyCard(input: Uint8Array | string): VerifiedKeyCard {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  if (bytes.length > MAX_KEY_CARD_BYTES) throw keyCardRejected('oversize');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw keyCardRejected('malformed');
  }
  const parsed = keyCardSchema.safeParse(json);
  if (!parsed.success) throw keyCardRejected('malformed');
  return verifyKeyCard(parsed.data);
}

// ---------------------------------------------------------------------------------------------
// Partners: a pure state machine over `Partner` records (stored by db/).

export type PartnerImportOutcome = 'added' | 'unchanged' | 'keyChanged' | 'detailsChanged' | 'replaced' | 'pending';

/**
 * How far in the future a card's creation date may be (the partner's clock may run a little
 * ahead). A later date is refused: a card dated years ahead would make every genuine card the
 * partner makes before then look older (a rollback) and so be refused.
 */
export const KEY_CARD_CLOCK_SKEW_MS = 10 * 60 * 1000;

export interface PartnerImport {
  outcome: PartnerImportOutcome;
  partner: Partner;
}

function sameKeys(a: KeyCardBody, b: KeyCardBody): boolean {
  return a.keys.signing.x === b.keys.signing.x && a.keys.encryption.x === b.keys.encryption.x;
}

export interface PartnerImportContext {
  now: Date;
  /** This vault's own organisation id: its own card is not a partner. */
  ownOrgId: string;
  /** Every partner already known, to refuse a card whose keys another organisation already uses. */
  partners: readonly Partner[];
}

/**
 * Imports a verified card:
 * - unknown organisation -> a new partner, 'unverified' (outcome 'added');
 * - same fingerprint as the card held, or as the card waiting -> nothing changes ('unchanged');
 * - any other card for a VERIFIED partner -> it waits beside the verified card as `pendingCard`
 *   ('pending'): the verified card stays, and so do exchanges with it, until someone compares the
 *   new card's fingerprint out of band (`verifyPartnerCard`). Anyone allowed to import cards can
 *   present a card with a partner's organisation id (the self-signature proves only that the card's
 *   own key signed it), so an uncompared card must never replace or block a compared one;
 * - other keys for a partner never verified -> the new card, still 'unverified' ('replaced');
 * - other keys for a partner whose keys changed before this rule ('keyChanged', kept from older
 *   vaults) -> the new card, still 'keyChanged' with the last verified card kept in `previousCard`;
 * - same keys, other details for an unverified partner -> the new card ('detailsChanged').
 * Refused: a card dated in the future (beyond KEY_CARD_CLOCK_SKEW_MS), the vault's own card, a card
 * older than the one held (a rollback), keys used by another partner.
 */
export function importPartnerCard(existing: Partner | undefined, verified: VerifiedKeyCard, ctx: PartnerImportContext): PartnerImport {
  const card = verified.card;
  const orgId = card.organisation.id;
  if (Date.parse(card.createdAt) > ctx.now.getTime() + KEY_CARD_CLOCK_SKEW_MS) throw keyCardRejected('futureCard');
  if (orgId === ctx.ownOrgId) throw keyCardRejected('ownCard');
  for (const p of ctx.partners) {
    if (p.orgId === orgId) continue;
    const k = p.card.keys;
    if (k.signing.x === card.keys.signing.x || k.encryption.x === card.keys.encryption.x) throw keyCardRejected('keyInUse');
  }
  const now = ctx.now.toISOString();
  if (!existing) {
    return {
      outcome: 'added',
      partner: partnerSchema.parse({
        orgId,
        card,
        fingerprint: verified.fingerprint.hex,
        status: 'unverified',
        verifiedFingerprint: null,
        verifiedAt: null,
        importedAt: now,
        previousCard: null,
        pendingCard: null,
        pendingImportedAt: null,
      }),
    };
  }
  if (existing.orgId !== orgId) throw new Error('importPartnerCard: existing partner of another organisation');
  if (existing.fingerprint === verified.fingerprint.hex) return { outcome: 'unchanged', partner: existing };
  if (existing.pendingCard && fingerprintOf(existing.pendingCard).hex === verified.fingerprint.hex) return { outcome: 'unchanged', partner: existing };
  if (card.createdAt < existing.card.createdAt) throw keyCardRejected('olderCard');

  if (canExchangeWith(existing)) {
    return { outcome: 'pending', partner: partnerSchema.parse({ ...existing, pendingCard: card, pendingImportedAt: now }) };
  }
  const lastVerified = existing.status === 'verified' ? existing.card : existing.previousCard;
  const base = { orgId, card, fingerprint: verified.fingerprint.hex, importedAt: now, verifiedFingerprint: null, verifiedAt: null, pendingCard: null, pendingImportedAt: null };
  if (!sameKeys(existing.card, card)) {
    if (lastVerified) {
      return { outcome: 'keyChanged', partner: partnerSchema.parse({ ...base, status: 'keyChanged', previousCard: lastVerified }) };
    }
    return { outcome: 'replaced', partner: partnerSchema.parse({ ...base, status: 'unverified', previousCard: null }) };
  }
  // Same keys, other details: signed by the same key, but not what the user compared.
  const status = existing.status === 'keyChanged' ? 'keyChanged' : 'unverified';
  return { outcome: 'detailsChanged', partner: partnerSchema.parse({ ...base, status, previousCard: existing.previousCard }) };
}

export interface PartnerVerification {
  partner: Partner;
  /** 'pending' when the compared card was the one waiting, which now replaces the verified card. */
  compared: 'current' | 'pending';
}

/**
 * Marks a partner verified once the user has compared the fingerprint out of band and typed or
 * confirmed it. The typed digits must match the card's fingerprint, or the waiting card's: then the
 * waiting card becomes the partner's card (the one exchanges use from now on).
 */
export function verifyPartnerCard(partner: Partner, typedFingerprint: string, now: Date): PartnerVerification {
  const digits = parseFingerprintInput(typedFingerprint);
  if (digits !== null && partner.pendingCard && digits === fingerprintOf(partner.pendingCard).digits) {
    const fingerprint = fingerprintOf(partner.pendingCard).hex;
    return {
      compared: 'pending',
      partner: partnerSchema.parse({
        ...partner,
        card: partner.pendingCard,
        fingerprint,
        status: 'verified',
        verifiedFingerprint: fingerprint,
        verifiedAt: now.toISOString(),
        importedAt: partner.pendingImportedAt ?? now.toISOString(),
        previousCard: null,
        pendingCard: null,
        pendingImportedAt: null,
      }),
    };
  }
  if (digits === null || digits !== fingerprintOf(partner.card).digits) throw keyCardRejected('fingerprintMismatch');
  return {
    compared: 'current',
    partner: partnerSchema.parse({
      ...partner,
      status: 'verified',
      verifiedFingerprint: partner.fingerprint,
      verifiedAt: now.toISOString(),
      previousCard: null,
    }),
  };
}

/** `verifyPartnerCard`'s partner, for callers that do not care which card was compared. */
export function markPartnerVerified(partner: Partner, typedFingerprint: string, now: Date): Partner {
  return verifyPartnerCard(partner, typedFingerprint, now).partner;
}

/**
 * True only for a verified partner whose current card is the one verified. The fingerprint is
 * recomputed from the card, so a record whose card was swapped without a new verification (a bug,
 * or an edited database) does not pass.
 */
export function canExchangeWith(partner: Partner): boolean {
  return partner.status === 'verified' && partner.verifiedFingerprint === partner.fingerprint && fingerprintOf(partner.card).hex === partner.fingerprint;
}
