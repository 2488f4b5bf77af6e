/**
 * Key cards and partners. Format: docs/key-card.md.
 *
 * Schemas of signed data never transform (no trim, no defaults): what is verified is exactly what was
 * signed, and what is shown is exactly what was verified.
 */
import { z } from 'zod';
import { countrySchema } from '../domain';
import { HEX64, isCanonicalBase64url, isIsoInstant } from './encoding';

export const KEY_CARD_FORMAT = 'passerelle-key-card' as const;
export const KEY_CARD_VERSION = 1 as const;
/** A key card file is small; anything larger is refused before it is parsed. */
export const MAX_KEY_CARD_BYTES = 16 * 1024;

/** Text that is shown to people: no control or invisible format characters, no outer white space. */
export const displayTextSchema = (min: number, max: number) =>
  z
    .string()
    .min(min)
    .max(max)
    .refine((s) => !/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u.test(s) && s.trim() === s && s.normalize('NFC') === s, 'display text');

export const b64urlKeySchema = z.string().refine((s) => isCanonicalBase64url(s, 32), 'a 32-byte key, canonical base64url');
export const isoInstantSchema = z.string().refine(isIsoInstant, 'ISO instant with milliseconds, UTC');
export const fingerprintHexSchema = z.string().regex(HEX64);

export const signingJwkSchema = z.strictObject({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: b64urlKeySchema });
export const encryptionJwkSchema = z.strictObject({ kty: z.literal('OKP'), crv: z.literal('X25519'), x: b64urlKeySchema });
export type SigningJwk = z.infer<typeof signingJwkSchema>;
export type EncryptionJwk = z.infer<typeof encryptionJwkSchema>;

export const organisationRefSchema = z.strictObject({
  /** Random UUID made when the organisation's first keys are made; stays when keys are replaced. */
  id: z.uuid(),
  name: displayTextSchema(2, 120),
  country: countrySchema,
});

export const keyCardBodySchema = z.strictObject({
  format: z.literal(KEY_CARD_FORMAT),
  version: z.literal(KEY_CARD_VERSION),
  organisation: organisationRefSchema,
  keys: z.strictObject({ signing: signingJwkSchema, encryption: encryptionJwkSchema }),
  createdAt: isoInstantSchema,
});
export type KeyCardBody = z.infer<typeof keyCardBodySchema>;

export const keyCardSchema = keyCardBodySchema.extend({
  /** Ed25519 signature (64 bytes, base64url) by keys.signing over the card's signing input (docs/key-card.md). */
  selfSignature: z.string().refine((s) => isCanonicalBase64url(s, 64), 'a 64-byte signature, canonical base64url'),
});
export type KeyCard = z.infer<typeof keyCardSchema>;

export const PARTNER_STATUSES = ['unverified', 'verified', 'keyChanged'] as const;
export const partnerStatusSchema = z.enum(PARTNER_STATUSES);
export type PartnerStatus = z.infer<typeof partnerStatusSchema>;

/**
 * A partner organisation as the vault keeps it. `card` is the newest card imported for the
 * organisation; `status` says whether exchanges with it are allowed (only 'verified').
 */
export const partnerSchema = z.strictObject({
  orgId: z.uuid(),
  card: keyCardSchema,
  /** SHA-256 of the card body, hex. */
  fingerprint: fingerprintHexSchema,
  status: partnerStatusSchema,
  /** The fingerprint the user compared out of band; equals `fingerprint` exactly when status is 'verified'. */
  verifiedFingerprint: fingerprintHexSchema.nullable(),
  verifiedAt: isoInstantSchema.nullable(),
  importedAt: isoInstantSchema,
  /** The card verified before the keys changed (status 'keyChanged'), to show what changed. */
  previousCard: keyCardSchema.nullable(),
  /**
   * A newer card for a verified partner, not yet compared: it never displaces the verified `card`
   * by itself; comparing its fingerprint makes it `card`, an administrator may remove it.
   */
  pendingCard: keyCardSchema.nullable(),
  pendingImportedAt: isoInstantSchema.nullable(),
});
export type Partner = z.infer<typeof partnerSchema>;
