/**
 * Consent records: consent to the processing of the person's data, and consent to
 * sharing named categories of data with a named partner. A withdrawal is recorded, never erased.
 */
import { z } from 'zod';
import { calendarDateSchema } from '../dates/calendar-date';
import { expectedVersionSchema, recordVersionSchema } from '../record-version';
import { contactIdSchema } from '../directory/contact.schema';

export const CONSENT_KINDS = ['processing', 'sharing'] as const;
/** Categories of data a sharing consent may cover. */
export const DATA_CATEGORIES = ['identity', 'contact', 'procedure', 'exploitation', 'health', 'safety', 'attachments'] as const;

export const consentKindSchema = z.enum(CONSENT_KINDS);
export const dataCategorySchema = z.enum(DATA_CATEGORIES);

export const consentRecordInputSchema = z
  .strictObject({
    personId: z.uuid(),
    kind: consentKindSchema,
    /**
     * The partner organisation (sharing only), picked from the list: a verified partner by its
     * organisation id (what the export checks), or a contact-directory entry. The service stores the
     * name from the key card or the directory, never a name the caller typed.
     */
    partnerOrgId: z.uuid().optional(),
    partnerContactId: contactIdSchema.optional(),
    /**
     * Free text naming the partner, as consents were recorded before partners could be picked (the
     * command line and older scripts). The export matches it by the exact organisation name or id.
     */
    partner: z.string().trim().min(1).max(200).nullable().default(null),
    /** The data categories shared (sharing only). */
    categories: z
      .array(dataCategorySchema)
      .max(DATA_CATEGORIES.length)
      .refine((xs) => new Set(xs).size === xs.length, { message: 'Each value may appear only once' })
      .default([]),
    givenOn: calendarDateSchema,
  })
  .superRefine((c, ctx) => {
    const named = [c.partner !== null, c.partnerOrgId !== undefined, c.partnerContactId !== undefined].filter(Boolean).length;
    if (c.kind === 'sharing') {
      if (named === 0) ctx.addIssue({ code: 'custom', path: ['partner'], message: 'A sharing consent names the partner' });
      if (named > 1) ctx.addIssue({ code: 'custom', path: ['partner'], message: 'Name one partner only' });
      if (c.categories.length === 0) ctx.addIssue({ code: 'custom', path: ['categories'], message: 'A sharing consent names the data shared' });
    } else {
      if (named > 0) ctx.addIssue({ code: 'custom', path: ['partner'], message: 'Only a sharing consent names a partner' });
      if (c.categories.length > 0) ctx.addIssue({ code: 'custom', path: ['categories'], message: 'Only a sharing consent names categories' });
    }
  });
export type ConsentRecordInput = z.input<typeof consentRecordInputSchema>;

export const consentWithdrawInputSchema = z.strictObject({ consentId: z.uuid(), withdrawnOn: calendarDateSchema, expectedVersion: expectedVersionSchema });

export const consentSchema = z.object({
  id: z.string(),
  personId: z.string(),
  kind: consentKindSchema,
  /** The partner's name (from the key card or the directory when picked; the typed text on older consents). */
  partner: z.string().nullable(),
  /** How the partner was named: a verified partner's organisation id, a directory entry, or free text (older consents). */
  partnerRef: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('partner'), orgId: z.string() }),
      z.object({ kind: z.literal('directory'), contactId: z.string() }),
      z.object({ kind: z.literal('text') }),
    ])
    .nullable()
    .default(null),
  categories: z.array(dataCategorySchema),
  givenOn: calendarDateSchema,
  withdrawnOn: calendarDateSchema.nullable(),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
  /** Raised by a withdrawal; sent back as expectedVersion. */
  version: recordVersionSchema,
});
export type Consent = z.infer<typeof consentSchema>;
