/**
 * IPC shapes of cross-border handover: organisation keys, partners, the contact-point
 * directory, handovers with their checklists, export, import (preview, accept, decline), receipts and
 * the printable summary. Pure: the contract (shared/ipc/contract.ts) and the renderer use these.
 *
 * Files cross IPC as standard base64 text. Every file input has a length cap on the base64 text,
 * checked by zod before anything is decoded (the caps follow from the formats' own size limits).
 */
import { z } from 'zod';
import { calendarDateSchema } from '../dates/calendar-date';
import { countrySchema } from '../domain';
import { expectedVersionSchema, recordVersionSchema } from '../record-version';
import {
  CONTACT_FIELD_NAMES,
  contactCategorySchema,
  contactFieldsSchema,
  contactIdSchema,
  contactPointSchema,
} from '../directory/contact.schema';
import { MAX_KEY_CARD_BYTES, partnerStatusSchema } from './key-card.schema';
import { CONSENT_CATEGORIES, HANDOVER_SECTIONS, handoverSectionSchema, PACKAGE_LIMITS } from './package.schema';
import { RECEIPT_OUTCOME_REASONS } from './reasons';

/** Length of the standard base64 text of `bytes` bytes (with padding). */
export function base64Length(bytes: number): number {
  return 4 * Math.ceil(bytes / 3);
}

/** The largest package file accepted: 96 MiB (50 MB of attachments make a file of about 67 MB). Same as package.ts DEFAULT_MAX_PACKAGE_BYTES. */
export const HANDOVER_PACKAGE_MAX_BYTES = 96 * 1024 * 1024;
/** A receipt is one line of at most about 12 KiB; 16 KiB is the cap on the file. */
export const HANDOVER_RECEIPT_MAX_BYTES = 16 * 1024;

const fileBase64 = (maxBytes: number) => z.string().min(1).max(base64Length(maxBytes));

/** A key card file (JSON, at most 16 KiB), as base64. */
export const keyCardFileSchema = fileBase64(MAX_KEY_CARD_BYTES);
/** A package file, as base64; the cap is checked on the text's length before it is decoded. */
export const packageFileSchema = fileBase64(HANDOVER_PACKAGE_MAX_BYTES);
export const receiptFileSchema = fileBase64(HANDOVER_RECEIPT_MAX_BYTES);

const labelsSchema = z.object({ en: z.string(), nl: z.string(), fr: z.string() });

/** A file made for the user to save: the name carries no personal data. */
export const outputFileSchema = z.object({
  fileName: z.string(),
  contentBase64: z.string(),
  bytes: z.number().int(),
});
export type OutputFile = z.infer<typeof outputFileSchema>;

// ---------------------------------------------------------------- keys and partners

export const fingerprintViewSchema = z.object({
  /** SHA-256 of the card body, 64 hex digits (what packages name). */
  hex: z.string(),
  /** 60 digits in 12 groups of 5, to read out over the phone. */
  display: z.string(),
});
export type FingerprintView = z.infer<typeof fingerprintViewSchema>;

export const organisationRefViewSchema = z.object({ id: z.string(), name: z.string(), country: countrySchema });

/** This organisation's key card: the file to give partners, and the fingerprint to read out. */
export const ownKeyCardSchema = z.object({
  organisation: organisationRefViewSchema,
  fingerprint: fingerprintViewSchema,
  createdAt: z.string(),
  /** The card as a file (`keys card` writes the same bytes); its text also goes into the on-screen QR code. */
  file: outputFileSchema,
  /** Older keys kept so packages sent to them still open. */
  previousKeys: z.number().int(),
});
export type OwnKeyCard = z.infer<typeof ownKeyCardSchema>;

export const partnerViewSchema = z.object({
  orgId: z.string(),
  name: z.string(),
  country: countrySchema,
  fingerprint: fingerprintViewSchema,
  status: partnerStatusSchema,
  /** True only when packages and receipts may be exchanged (verified, and the card unchanged since). */
  canExchange: z.boolean(),
  cardCreatedAt: z.string(),
  importedAt: z.string(),
  verifiedAt: z.string().nullable(),
  /** After a key change: the card that was verified before, to show what changed. */
  previous: z.object({ name: z.string(), country: countrySchema, fingerprint: fingerprintViewSchema }).nullable(),
  /**
   * A newer card waiting beside the verified one until its fingerprint is compared (exchanges still
   * use the verified card); null when none.
   */
  pending: z
    .object({ name: z.string(), country: countrySchema, fingerprint: fingerprintViewSchema, cardCreatedAt: z.string(), importedAt: z.string(), keysChanged: z.boolean() })
    .nullable(),
});
export type PartnerView = z.infer<typeof partnerViewSchema>;

export const PARTNER_IMPORT_OUTCOMES = ['added', 'unchanged', 'keyChanged', 'detailsChanged', 'replaced', 'pending'] as const;
export const partnerImportResultSchema = z.object({ outcome: z.enum(PARTNER_IMPORT_OUTCOMES), partner: partnerViewSchema });
export type PartnerImportResult = z.infer<typeof partnerImportResultSchema>;

export const partnerImportInputSchema = z.strictObject({ fileBase64: keyCardFileSchema });
export const partnerVerifyInputSchema = z.strictObject({
  orgId: z.uuid(),
  /** The 60 digits as typed or read back; spaces, dashes, dots and line breaks are ignored. */
  fingerprint: z.string().min(1).max(200),
});
/** Removing a partner, or only the card waiting beside its verified one (administrators). */
export const partnerRemoveInputSchema = z.strictObject({ orgId: z.uuid() });
export const partnerRemovePendingInputSchema = z.strictObject({
  orgId: z.uuid(),
  /** The fingerprint (hex) of the waiting card the administrator saw, so a card that arrived since is not removed unseen. */
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
});

// ---------------------------------------------------------------- directory

export const directoryListInputSchema = z.strictObject({
  text: z.string().trim().max(200).default(''),
  country: countrySchema.optional(),
  category: contactCategorySchema.optional(),
  includeHidden: z.boolean().default(false),
});

export const contactFieldNameSchema = z.enum(CONTACT_FIELD_NAMES as [keyof z.infer<typeof contactFieldsSchema>, ...(keyof z.infer<typeof contactFieldsSchema>)[]]);

export const directoryEntrySchema = contactPointSchema.extend({
  origin: z.enum(['seed', 'user']),
  hidden: z.boolean(),
  /** Fields that show the user's value instead of the seed's. */
  overridden: z.array(contactFieldNameSchema),
  /** Overridden fields whose seed value changed since the user's edit: the user takes the seed value or keeps theirs. */
  seedChanges: z.array(
    z.object({ field: contactFieldNameSchema, userValue: z.unknown(), baseValue: z.unknown(), seedValue: z.unknown() }),
  ),
  /** The seed no longer has this entry; kept because the user edited it. */
  seedRemoved: z.boolean(),
  /** Raised by every edit of the entry (1: never edited); sent back as expectedVersion. */
  version: recordVersionSchema,
});
export type DirectoryEntryView = z.infer<typeof directoryEntrySchema>;

export const directoryListSchema = z.object({
  seed: z.object({ version: z.number().int(), date: z.string(), sourceDate: z.string(), document: z.string() }),
  entries: z.array(directoryEntrySchema),
  /** Entries with a pending seed change, over the whole directory (not only the filtered ones). */
  pendingSeedChanges: z.number().int(),
});
export type DirectoryList = z.infer<typeof directoryListSchema>;

export const directoryUpdateInputSchema = z.strictObject({ id: contactIdSchema, fields: contactFieldsSchema.partial(), expectedVersion: expectedVersionSchema });
export const directoryAddInputSchema = contactFieldsSchema.extend({ country: countrySchema });
export const directorySetHiddenInputSchema = z.strictObject({ id: contactIdSchema, hidden: z.boolean(), expectedVersion: expectedVersionSchema });
export const directoryRemoveInputSchema = z.strictObject({ id: contactIdSchema, expectedVersion: expectedVersionSchema });
export const directoryResolveInputSchema = z.strictObject({
  id: contactIdSchema,
  field: contactFieldNameSchema,
  choice: z.enum(['takeSeed', 'keepMine']),
  expectedVersion: expectedVersionSchema,
});

// ---------------------------------------------------------------- handovers (sending side)

export const HANDOVER_STATUSES = ['preparing', 'sent', 'closed', 'cancelled'] as const;
export const handoverStatusSchema = z.enum(HANDOVER_STATUSES);
export type HandoverStatus = z.infer<typeof handoverStatusSchema>;
export const HANDOVER_ITEM_STATUSES = ['open', 'done', 'notApplicable'] as const;
export const handoverItemStatusSchema = z.enum(HANDOVER_ITEM_STATUSES);

/** The sections chosen when the user changes nothing: the minimum that identifies the person. */
export const DEFAULT_HANDOVER_SECTIONS: readonly (typeof HANDOVER_SECTIONS)[number][] = ['identity'];

export const handoverItemSchema = z.object({
  itemId: z.string(),
  kind: z.enum(['step', 'requirement', 'custom']),
  label: labelsSchema,
  /** The brochure section or procedure the item comes from; null for an item staff added. */
  source: z.string().nullable(),
  ownerRole: z.enum(['coordinator', 'caseworker']).nullable(),
  owner: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  dueDate: calendarDateSchema,
  status: handoverItemStatusSchema,
  note: z.string(),
  doneOn: calendarDateSchema.nullable(),
  updatedAt: z.string(),
});
export type HandoverItemView = z.infer<typeof handoverItemSchema>;

export const sentPackageSchema = z.object({
  packageId: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  sections: z.array(z.string()),
  attachmentCount: z.number().int(),
  bytes: z.number().int(),
  receipt: z.object({ outcome: z.enum(['accepted', 'rejected']), reason: z.string().nullable(), at: z.string() }).nullable(),
  closedAt: z.string().nullable(),
  /** When this organisation's copy of the person's file is due for deletion (receipt day + retention days). */
  deletionDueOn: calendarDateSchema.nullable(),
});
export type SentPackageView = z.infer<typeof sentPackageSchema>;

/** The receiving country's referral mechanism, in short (shared/handover/receiving-procedure.ts). */
export const receivingProcedureSchema = z.object({
  country: countrySchema,
  points: z.array(z.object({ label: labelsSchema, source: z.string() })),
});

export const handoverViewSchema = z.object({
  id: z.string(),
  personId: z.string(),
  caseCode: z.string(),
  partner: partnerViewSchema,
  from: countrySchema,
  to: countrySchema,
  templateId: z.string(),
  status: handoverStatusSchema,
  startedOn: calendarDateSchema,
  startedAt: z.string(),
  closedAt: z.string().nullable(),
  receiving: receivingProcedureSchema,
  items: z.array(handoverItemSchema),
  /**
   * The person's sharing consent that names this partner (the most recent one in force), or null.
   * An export may carry only the sections (and attachments) it lists.
   */
  consent: z
    .object({ consentId: z.string(), givenOn: calendarDateSchema, categories: z.array(z.enum(CONSENT_CATEGORIES)) })
    .nullable(),
  defaultSections: z.array(handoverSectionSchema),
  /** The person's attachments that can be chosen (metadata only). */
  attachments: z.array(
    z.object({ id: z.string(), fileName: z.string(), mediaType: z.string(), kind: z.string(), sizeBytes: z.number().int() }),
  ),
  packages: z.array(sentPackageSchema),
});
export type HandoverView = z.infer<typeof handoverViewSchema>;

export const handoverSummarySchema = z.object({
  id: z.string(),
  personId: z.string(),
  caseCode: z.string(),
  partnerOrgId: z.string(),
  partnerName: z.string(),
  from: countrySchema,
  to: countrySchema,
  status: handoverStatusSchema,
  startedOn: calendarDateSchema,
  openItems: z.number().int(),
  /** The earliest due date of an open checklist item. */
  nextDue: calendarDateSchema.nullable(),
});
export type HandoverSummary = z.infer<typeof handoverSummarySchema>;

export const handoverIdInputSchema = z.strictObject({ handoverId: z.uuid() });
export const handoverListInputSchema = z.strictObject({
  personId: z.uuid().optional(),
  /** 'open': preparing or sent. Default: every status. */
  status: z.union([handoverStatusSchema, z.literal('open')]).optional(),
});
export const handoverStartInputSchema = z.strictObject({ personId: z.uuid(), partnerOrgId: z.uuid() });
export const handoverUpdateItemInputSchema = z.strictObject({
  handoverId: z.uuid(),
  itemId: z.string().min(1).max(100),
  ownerId: z.uuid().nullable().optional(),
  dueDate: calendarDateSchema.optional(),
  status: handoverItemStatusSchema.optional(),
  note: z.string().trim().max(2000).optional(),
});
export const handoverAddItemInputSchema = z.strictObject({
  handoverId: z.uuid(),
  label: z.string().trim().min(1).max(300),
  dueDate: calendarDateSchema,
  ownerId: z.uuid().nullable().default(null),
});

const uniqueSections = z
  .array(handoverSectionSchema)
  .max(HANDOVER_SECTIONS.length)
  .refine((xs) => new Set(xs).size === xs.length, { message: 'Each value may appear only once' });
const uniqueIds = z
  .array(z.uuid())
  .max(PACKAGE_LIMITS.maxAttachments)
  .refine((xs) => new Set(xs).size === xs.length, { message: 'Each value may appear only once' });

/** What goes into a package or the printable summary: chosen sections (none by default) and attachments (opt-in). */
export const handoverContentChoiceSchema = z.strictObject({
  handoverId: z.uuid(),
  sections: uniqueSections,
  attachmentIds: uniqueIds.default([]),
});

export const handoverExportInputSchema = handoverContentChoiceSchema.extend({
  /** A note to the recipient about the purpose; no personal data, please. */
  note: z.string().trim().min(1).max(500).nullable().default(null),
  /** How long the package can be imported: 1 to 30 days, 14 by default. */
  validityDays: z.number().int().min(1).max(30).default(14),
});

export const handoverExportResultSchema = z.object({
  file: outputFileSchema,
  packageId: z.string(),
  expiresAt: z.string(),
  handover: handoverViewSchema,
});

export const handoverSettingsSchema = z.object({
  /** Days after an accepted receipt until the sender's copy of the person's file is due for deletion. */
  retentionDays: z.number().int(),
});
export const HANDOVER_RETENTION_DAYS = { min: 1, max: 3650, default: 30 } as const;
export const handoverSettingsInputSchema = z.strictObject({
  retentionDays: z.number().int().min(HANDOVER_RETENTION_DAYS.min).max(HANDOVER_RETENTION_DAYS.max),
});

// ---------------------------------------------------------------- import (receiving side) and receipts

export const packageFileInputSchema = z.strictObject({ fileBase64: packageFileSchema });
export const receiptFileInputSchema = z.strictObject({ fileBase64: receiptFileSchema });

export const importPreviewSchema = z.object({
  packageId: z.string(),
  bytes: z.number().int(),
  createdAt: z.string(),
  expiresAt: z.string(),
  sender: z.object({ orgId: z.string(), name: z.string(), country: countrySchema, fingerprint: fingerprintViewSchema }),
  recipient: z.object({ orgId: z.string(), name: z.string(), country: countrySchema }),
  purpose: z.object({ code: z.string(), note: z.string().nullable() }),
  senderCaseCode: z.string(),
  consent: z.object({ givenOn: z.string(), categories: z.array(z.string()) }),
  /** The sections as the sender signed them (any JSON object per section). */
  sections: z.record(z.string(), z.record(z.string(), z.unknown())),
  attachments: z.array(
    z.object({
      name: z.string(),
      mediaType: z.string(),
      size: z.number().int(),
      sha256: z.string(),
      /** False when this vault cannot keep it (a type other than PDF, JPEG, PNG, WebP, TIFF, or over 25 MB): accepting is then refused. */
      storable: z.boolean(),
    }),
  ),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const acceptImportInputSchema = packageFileInputSchema.extend({
  /** Who takes the case here; null: unassigned (a caseworker importing is assigned themselves). */
  caseworkerId: z.uuid().nullable().default(null),
});

export const acceptImportResultSchema = z.object({
  importId: z.string(),
  personId: z.string(),
  caseCode: z.string(),
  /** The signed receipt ('accepted') to send back to the sender. */
  receipt: outputFileSchema,
});

export const declineImportInputSchema = packageFileInputSchema;
export const declineImportResultSchema = z.object({ importId: z.string(), receipt: outputFileSchema });

export const importIdInputSchema = z.strictObject({ importId: z.uuid() });

/** The sender case code of an import whose person was erased here (persons.erase). */
export const ERASED_SENDER_CASE_CODE = '';

export const importSummarySchema = z.object({
  importId: z.string(),
  packageId: z.string(),
  outcome: z.enum(['accepted', 'declined']),
  personId: z.string().nullable(),
  caseCode: z.string().nullable(),
  senderOrgId: z.string(),
  senderName: z.string(),
  senderCountry: countrySchema,
  senderCaseCode: z.string(),
  importedAt: z.string(),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

/** The sender's record of an imported person: read-only, shown apart from this organisation's own record. */
export const originHistorySchema = z.object({
  importId: z.string(),
  senderName: z.string(),
  senderCountry: countrySchema,
  senderCaseCode: z.string(),
  packageCreatedAt: z.string(),
  importedAt: z.string(),
  consent: z.object({ givenOn: z.string(), categories: z.array(z.string()) }),
  sections: z.record(z.string(), z.record(z.string(), z.unknown())),
  readOnly: z.literal(true),
});
export type OriginHistory = z.infer<typeof originHistorySchema>;

export const personOriginInputSchema = z.strictObject({ personId: z.uuid() });

export const receiptOutcomeReasonSchema = z.enum(RECEIPT_OUTCOME_REASONS);
