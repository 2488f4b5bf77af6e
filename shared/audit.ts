/**
 * The closed list of audit actions. Entries name the staff member and a pseudonymous
 * record id (a random uuid), never a person's name or details.
 */
export const AUDIT_ACTIONS = [
  'vault.create',
  'vault.rekey',
  'vault.backup',
  'vault.restore',
  'vault.recoveryKeyRotated',
  'vault.recoveryKeyConfirmed',
  'session.unlock',
  'session.unlockFailed',
  'session.lock',
  'session.recover',
  'user.add',
  'user.roleChange',
  'user.disable',
  'user.passwordChange',
  'user.passwordReset',
  'settings.update',
  'settings.organisationUpdate',
  // Persons (issue 3 item 4): subjectType 'person', subjectId the person's uuid; details hold codes
  // and counts only (field names, event types, countries), never a name, case code or field value.
  'person.create',
  'person.view',
  'person.update',
  'person.assign',
  'person.listExport',
  'procedure.openTrack',
  'procedure.recordEvent',
  'procedure.removeEvent',
  'checklist.answer',
  'attachment.add',
  'attachment.view',
  'attachment.remove',
  'consent.record',
  'consent.withdraw',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Audit details hold codes, counts and ids only: no free text that could carry personal data. */
export type AuditDetails = Record<string, string | number | boolean | null>;
