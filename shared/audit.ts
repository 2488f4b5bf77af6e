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
  // Erasure: the person's uuid and the reason code; the record, its tracks, attachments, consents,
  // handovers and tasks are gone, this entry stays.
  'person.erase',
  'procedure.openTrack',
  'procedure.recordEvent',
  'procedure.removeEvent',
  // Re-derivation under corrected rules: the person's uuid, track uuids and due-date kinds only.
  'procedure.rulesUpgraded',
  'procedure.recomputationAcknowledged',
  'checklist.answer',
  'attachment.add',
  'attachment.view',
  'attachment.remove',
  'consent.record',
  'consent.withdraw',
  // Reminders (issue 4): done, snooze and reopen name the person's uuid only (subjectType 'person'),
  // or the task's uuid for a task about nobody (subjectType 'task'); never the kind, reason or note.
  // Tasks: details hold the task's uuid and the names of the fields changed, never the title.
  'reminder.done',
  'reminder.snooze',
  'reminder.reopen',
  'reminders.settingsUpdate',
  'reminders.calendarExport',
  'task.create',
  'task.update',
  'task.delete',
  // Cross-border handover (issue 5): subjectType 'person' (subjectId the person's uuid), 'handover'
  // (the handover's uuid), 'partner' (the organisation's uuid) or null; details hold ids (package,
  // receipt, import, item template ids), reason codes, section codes and counts only.
  'keys.create',
  'keys.rotate',
  'keys.cardExport',
  'partner.import',
  'partner.verify',
  'directory.edit',
  'handover.start',
  'handover.itemUpdate',
  'handover.itemAdd',
  'handover.cancel',
  'handover.export',
  'handover.exportRefused',
  'handover.summaryPdf',
  'handover.import',
  'handover.importRefused',
  'handover.decline',
  'handover.receiptExport',
  'handover.receiptImport',
  'handover.receiptRefused',
  'handover.settingsUpdate',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}

/** The kinds of record an entry may name by its pseudonymous id (the Audit screen translates them). */
export const AUDIT_SUBJECT_TYPES = ['person', 'user', 'task', 'partner', 'contact', 'handover'] as const;
export type AuditSubjectType = (typeof AUDIT_SUBJECT_TYPES)[number];

export function isAuditSubjectType(value: string): value is AuditSubjectType {
  return (AUDIT_SUBJECT_TYPES as readonly string[]).includes(value);
}

/** Audit details hold codes, counts and ids only: no free text that could carry personal data. */
export type AuditDetails = Record<string, string | number | boolean | null>;
