/**
 * The signed content of a handover package (the manifest) and of a receipt. Format:
 * docs/handover-package.md. Pure: the renderer shows previews typed with these.
 *
 * Schemas of signed data never transform (no trim, no defaults).
 */
import { z } from 'zod';
import { countrySchema } from '../domain';
import { HEX32, HEX64, isSafeJson } from './encoding';
import { displayTextSchema, fingerprintHexSchema, isoInstantSchema } from './key-card.schema';
import { RECEIPT_OUTCOME_REASONS } from './reasons';

export const PACKAGE_FORMAT = 'passerelle-handover-package' as const;
export const PACKAGE_VERSION = 1 as const;
export const RECEIPT_FORMAT = 'passerelle-handover-receipt' as const;
export const RECEIPT_VERSION = 1 as const;

/**
 * The sections of a person's file a package may carry. They are the data categories a sharing
 * consent names (shared/persons consent categories), less 'attachments', which travel apart.
 */
export const HANDOVER_SECTIONS = ['identity', 'contact', 'procedure', 'exploitation', 'health', 'safety'] as const;
export const handoverSectionSchema = z.enum(HANDOVER_SECTIONS);
export type HandoverSection = z.infer<typeof handoverSectionSchema>;
/** What a sharing consent can cover: the sections and the attachments. */
export const CONSENT_CATEGORIES = [...HANDOVER_SECTIONS, 'attachments'] as const;
export type ConsentCategory = (typeof CONSENT_CATEGORIES)[number];

export const HANDOVER_PURPOSES = ['handover'] as const;

/** Limits of the format: a package beyond them is malformed whoever signed it. */
export const PACKAGE_LIMITS = {
  /** Nesting depth of a section's JSON. */
  maxSectionDepth: 32,
  /** The manifest's JSON, in bytes. */
  maxManifestBytes: 8 * 1024 * 1024,
  maxAttachments: 100,
  /** The longest validity a sender may give a package. */
  maxLifetimeMs: 30 * 24 * 60 * 60 * 1000,
} as const;

export const packageIdSchema = z.string().regex(HEX32);

export const partyRefSchema = z.strictObject({
  orgId: z.uuid(),
  name: displayTextSchema(2, 120),
  country: countrySchema,
  /** SHA-256 of the party's key card body, hex (docs/key-card.md). */
  fingerprint: fingerprintHexSchema,
});
export type PartyRef = z.infer<typeof partyRefSchema>;

/** A section's content: any JSON object, bounded in depth, without prototype-polluting keys. */
export const sectionContentSchema = z
  .record(z.string(), z.unknown())
  .refine((v) => isSafeJson(v, PACKAGE_LIMITS.maxSectionDepth), 'section JSON too deep or with a forbidden key');

export const attachmentEntrySchema = z.strictObject({
  /** Checked by attachmentNameProblem (a distinct refusal reason), not here. */
  name: z.string().min(1).max(1024),
  mediaType: z.string().regex(/^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$/),
  size: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  sha256: z.string().regex(HEX64),
});
export type AttachmentEntry = z.infer<typeof attachmentEntrySchema>;

export const manifestSchema = z.strictObject({
  format: z.literal(PACKAGE_FORMAT),
  version: z.literal(PACKAGE_VERSION),
  /** 128 random bits, hex; the replay check keys on it. */
  packageId: packageIdSchema,
  createdAt: isoInstantSchema,
  expiresAt: isoInstantSchema,
  sender: partyRefSchema,
  recipient: partyRefSchema,
  purpose: z.strictObject({ code: z.enum(HANDOVER_PURPOSES), note: displayTextSchema(1, 500).nullable() }),
  /** The sender's case code, to link the imported person to the sender's case. Pseudonymous. */
  senderCaseCode: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/),
  /** The person's consent to this transfer, as recorded by the sender. */
  consent: z.strictObject({
    givenOn: z.iso.date(),
    categories: z
      .array(z.enum(CONSENT_CATEGORIES))
      .min(1)
      .refine((xs) => new Set(xs).size === xs.length, 'each category once'),
  }),
  sections: z.partialRecord(handoverSectionSchema, sectionContentSchema),
  attachments: z.array(attachmentEntrySchema).max(PACKAGE_LIMITS.maxAttachments),
});
export type HandoverManifest = z.infer<typeof manifestSchema>;

/** True when the consent covers every section carried and, if any, the attachments. */
export function consentCovers(m: Pick<HandoverManifest, 'consent' | 'sections' | 'attachments'>): boolean {
  const covered = new Set<string>(m.consent.categories);
  for (const s of Object.keys(m.sections)) if (!covered.has(s)) return false;
  return m.attachments.length === 0 || covered.has('attachments');
}

export const RECEIPT_OUTCOMES = ['accepted', 'rejected'] as const;

export const receiptSchema = z
  .strictObject({
    format: z.literal(RECEIPT_FORMAT),
    version: z.literal(RECEIPT_VERSION),
    /** 128 random bits, hex, so a receipt can be recognised when it is imported twice. */
    receiptId: packageIdSchema,
    packageId: packageIdSchema,
    /** The organisation that received the package and signs the receipt. */
    from: partyRefSchema,
    /** The organisation that sent the package. */
    to: partyRefSchema,
    outcome: z.enum(RECEIPT_OUTCOMES),
    /** Null exactly when accepted. */
    reason: z.enum(RECEIPT_OUTCOME_REASONS).nullable(),
    at: isoInstantSchema,
  })
  .refine((r) => (r.outcome === 'accepted') === (r.reason === null), 'a rejection has a reason, an acceptance none');
export type HandoverReceipt = z.infer<typeof receiptSchema>;

export { HEX32 as PACKAGE_ID_PATTERN };
