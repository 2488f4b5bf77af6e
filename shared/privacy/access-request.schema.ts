/**
 * The machine-readable part of a person's access request (GDPR Art. 15 right of access and Art. 20
 * portability): `access-request.json` in the archive, documented field by field in
 * docs/access-request.md. Versioned: a reader checks `format` and `v`.
 */
import { z } from 'zod';
import { countrySchema } from '../domain';
import { consentSchema } from '../persons/consent.schema';
import { personRecordSchema } from '../persons/person.schema';

export const ACCESS_REQUEST_FORMAT = 'passerelle-access-request';

const eventSchema = z.strictObject({
  id: z.string(),
  type: z.string(),
  date: z.string(),
  documentExpiry: z.string().nullable(),
  revocationGround: z.string().nullable(),
  recordedAt: z.string(),
  /** A corrected event stays in the history, marked removed with the reason code. */
  removedAt: z.string().nullable(),
  removalReason: z.string().nullable(),
});

const checklistAnswerSchema = z.strictObject({
  checklistId: z.string(),
  itemId: z.string(),
  status: z.enum(['met', 'notMet', 'unknown']),
  answeredOn: z.string(),
  note: z.string(),
  attachmentId: z.string().nullable(),
});

export const accessRequestProcedureSchema = z.strictObject({
  country: countrySchema,
  openedAt: z.string(),
  phase: z.string(),
  closed: z.boolean(),
  events: z.array(eventSchema),
  checklists: z.array(checklistAnswerSchema),
});

export const accessRequestAttachmentSchema = z.strictObject({
  id: z.string(),
  kind: z.string(),
  mediaType: z.string(),
  fileName: z.string(),
  sizeBytes: z.number().int(),
  documentDate: z.string().nullable(),
  addedAt: z.string(),
  /** The file's path inside the archive (named by its id, not by its original name). */
  path: z.string(),
});

export const accessRequestHandoverSchema = z.strictObject({
  id: z.string(),
  fromCountry: countrySchema,
  toCountry: countrySchema,
  status: z.string(),
  startedOn: z.string(),
  closedAt: z.string().nullable(),
  checklist: z.array(
    z.strictObject({ itemId: z.string(), label: z.string(), status: z.string(), dueDate: z.string(), doneOn: z.string().nullable(), note: z.string() }),
  ),
  packages: z.array(
    z.strictObject({
      createdAt: z.string(),
      sections: z.array(z.string()),
      attachmentCount: z.number().int(),
      receiptOutcome: z.string().nullable(),
      receiptAt: z.string().nullable(),
      deletionDueOn: z.string().nullable(),
    }),
  ),
});

export const accessRequestReceivedSchema = z.strictObject({
  senderName: z.string(),
  senderCountry: countrySchema,
  senderCaseCode: z.string(),
  importedAt: z.string(),
  consent: z.strictObject({ givenOn: z.string(), categories: z.array(z.string()) }),
  /** The sections exactly as the sending organisation signed them. */
  origin: z.record(z.string(), z.unknown()).nullable(),
});

export const accessRequestTaskSchema = z.strictObject({
  title: z.string(),
  dueDate: z.string(),
  state: z.string(),
  createdAt: z.string(),
});

export const accessRequestAuditSchema = z.strictObject({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string().nullable(),
  action: z.string(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});

export const accessRequestSchema = z.strictObject({
  format: z.literal(ACCESS_REQUEST_FORMAT),
  v: z.literal(1),
  requestId: z.uuid(),
  createdAt: z.string(),
  controller: z.strictObject({ name: z.string(), country: countrySchema }),
  person: personRecordSchema,
  procedures: z.array(accessRequestProcedureSchema),
  consents: z.array(consentSchema),
  attachments: z.array(accessRequestAttachmentSchema),
  handovers: z.strictObject({ sent: z.array(accessRequestHandoverSchema), received: accessRequestReceivedSchema.nullable() }),
  tasks: z.array(accessRequestTaskSchema),
  /**
   * Further kinds of record other parts of Passerelle keep about the person (case notes, ...), each
   * a list of objects, keyed by the kind (docs/access-request.md "Additional sections").
   */
  additional: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
  /** Every audit entry that names the person's record (by its random id). */
  audit: z.array(accessRequestAuditSchema),
});
export type AccessRequest = z.infer<typeof accessRequestSchema>;
