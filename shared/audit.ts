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
  'vault.slotsDropped',
  'vault.leftoversRemoved',
  'vault.modesTightened',
  'vault.noticesDismissed',
  // The key-slot file could not take the audit anchor for a while (details: attempts, since).
  'vault.anchorFailed',
  // Office server: the slot whose secret lives in a root-only file (docs/team-server.md "Unattended start").
  'vault.serverSlotAdded',
  'vault.serverSlotRemoved',
  'vault.serverKeyUnlock',
  'session.unlock',
  'session.unlockFailed',
  'session.lock',
  'session.recover',
  // Office server: a call with a token that names no open session (unknown, expired, revoked).
  'session.tokenRefused',
  'user.add',
  'user.roleChange',
  'user.disable',
  'user.passwordChange',
  'user.passwordReset',
  'settings.update',
  // A call the router or a service refused (FORBIDDEN, NOT_FOUND): details hold the channel name
  // and the code only, never the call's input.
  'access.refused',
  'settings.organisationUpdate',
  // A rule policy changed: the setting's name and new value, and counts of tracks and due dates.
  'settings.rulesPolicyUpdate',
  // Persons: subjectType 'person', subjectId the person's uuid; details hold codes
  // and counts only (field names, event types, countries), never a name, case code or field value.
  'person.create',
  'person.view',
  'person.update',
  'person.assign',
  'person.listExport',
  // A spreadsheet import: one summary entry with the import's uuid and counts (each person's own
  // person.create entry carries the same importId); never a name, a cell or the file's name.
  'person.import',
  // Erasure: the person's uuid and the reason code; the record, its tracks, attachments, consents,
  // handovers and tasks are gone, this entry stays.
  'person.erase',
  'procedure.openTrack',
  'procedure.recordEvent',
  'procedure.removeEvent',
  // Re-derivation under corrected rules: the person's uuid, track uuids and due-date kinds only.
  'procedure.rulesUpgraded',
  // Re-derivation after the organisation changed a rule policy: the setting's name, track uuids, kinds.
  'procedure.policyRederived',
  'procedure.recomputationAcknowledged',
  'checklist.answer',
  'attachment.add',
  'attachment.view',
  'attachment.remove',
  'consent.record',
  'consent.withdraw',
  // Reminders: done, snooze and reopen name the person's uuid only (subjectType 'person'),
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
  // Cross-border handover: subjectType 'person' (subjectId the person's uuid), 'handover'
  // (the handover's uuid), 'partner' (the organisation's uuid) or null; details hold ids (package,
  // receipt, import, item template ids), reason codes, section codes and counts only.
  'keys.create',
  'keys.rotate',
  'keys.cardExport',
  'partner.import',
  'partner.verify',
  // Partner cards: a refused card (reason code, and the organisation id and fingerprint it claims),
  // a waiting card accepted after its fingerprint was compared, a waiting card or a partner removed.
  'partner.importRefused',
  'partner.pendingAccept',
  'partner.pendingRemove',
  'partner.remove',
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
  // Statistics: details hold the parameters (year, country, format, threshold), never a count.
  'statistics.export',
  'statistics.settingsUpdate',
  // Access request: subjectType 'person', details the request id and counts.
  'person.accessRequest',
  'retention.settingsUpdate',
  // Casework (docs/casework.md): subjectType 'person' with the person's uuid; details hold the note's
  // or appointment's uuid, the uuid of the note corrected, field names and section codes, never text.
  'note.add',
  'note.update',
  'appointment.add',
  'appointment.update',
  'appointment.delete',
  'caseSummary.pdf',
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
