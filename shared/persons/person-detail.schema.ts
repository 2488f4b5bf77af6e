/** The person page's data in one answer (`persons.get`): the record, its tracks, consents and attachments. */
import { z } from 'zod';
import { attachmentMetaSchema } from './attachment.schema';
import { consentSchema } from './consent.schema';
import { personRecordSchema } from './person.schema';
import { trackViewSchema } from './procedure.schema';

export const personDetailSchema = z.object({
  person: personRecordSchema,
  /** One per country, in the order opened. */
  tracks: z.array(trackViewSchema),
  consents: z.array(consentSchema),
  /** Metadata only; the content is fetched with `attachments.get` (audited). */
  attachments: z.array(attachmentMetaSchema),
});
export type PersonDetail = z.infer<typeof personDetailSchema>;

export const personIdInputSchema = z.strictObject({ id: z.uuid() });
