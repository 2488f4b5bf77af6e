/**
 * Consent records (issue 3 item 1): consent to the processing of the person's data, and consent to
 * sharing named categories of data with a named partner. A withdrawal is recorded, never erased.
 */
import { z } from 'zod';
import { calendarDateSchema } from '../dates/calendar-date';

export const CONSENT_KINDS = ['processing', 'sharing'] as const;
/** Categories of data a sharing consent may cover. */
export const DATA_CATEGORIES = ['identity', 'contact', 'procedure', 'exploitation', 'health', 'safety', 'attachments'] as const;

export const consentKindSchema = z.enum(CONSENT_KINDS);
export const dataCategorySchema = z.enum(DATA_CATEGORIES);

export const consentRecordInputSchema = z
  .strictObject({
    personId: z.uuid(),
    kind: consentKindSchema,
    /** The partner organisation (sharing only). */
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
    if (c.kind === 'sharing') {
      if (c.partner === null) ctx.addIssue({ code: 'custom', path: ['partner'], message: 'A sharing consent names the partner' });
      if (c.categories.length === 0) ctx.addIssue({ code: 'custom', path: ['categories'], message: 'A sharing consent names the data shared' });
    } else {
      if (c.partner !== null) ctx.addIssue({ code: 'custom', path: ['partner'], message: 'Only a sharing consent names a partner' });
      if (c.categories.length > 0) ctx.addIssue({ code: 'custom', path: ['categories'], message: 'Only a sharing consent names categories' });
    }
  });
export type ConsentRecordInput = z.input<typeof consentRecordInputSchema>;

export const consentWithdrawInputSchema = z.strictObject({ consentId: z.uuid(), withdrawnOn: calendarDateSchema });

export const consentSchema = z.object({
  id: z.string(),
  personId: z.string(),
  kind: consentKindSchema,
  partner: z.string().nullable(),
  categories: z.array(dataCategorySchema),
  givenOn: calendarDateSchema,
  withdrawnOn: calendarDateSchema.nullable(),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
});
export type Consent = z.infer<typeof consentSchema>;
