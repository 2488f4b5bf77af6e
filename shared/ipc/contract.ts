/**
 * The one IPC contract (architecture.md "One contract, written once").
 * Every channel maps to a zod input schema, an output schema and who may call it.
 * The router, the preload and the renderer's client are all derived from this table.
 */
import { z } from 'zod';
import * as team from '../team/team-channels.schema';
import {
  autoLockMinutesSchema,
  countrySchema,
  displayNameSchema,
  languageSchema,
  organisationNameSchema,
  passwordSchema,
  roleSchema,
  usernameSchema,
} from '../domain';
import {
  attachmentAddInputSchema,
  attachmentContentSchema,
  attachmentIdInputSchema,
  attachmentMetaSchema,
} from '../persons/attachment.schema';
import { calendarDateSchema } from '../dates/calendar-date';
import { caseCodePrefixSchema } from '../persons/case-code';
import { consentRecordInputSchema, consentSchema, consentWithdrawInputSchema } from '../persons/consent.schema';
import { personDetailSchema, personIdInputSchema } from '../persons/person-detail.schema';
import {
  assigneeSchema,
  personAssignSchema,
  personEraseSchema,
  personCreateSchema,
  personListPageSchema,
  personListQuerySchema,
  personRecordSchema,
  personUpdateSchema,
} from '../persons/person.schema';
import {
  checklistAnswerInputSchema,
  openTrackInputSchema,
  recordEventInputSchema,
  removeEventInputSchema,
  trackViewSchema,
  upcomingDeadlineSchema,
  upcomingDeadlinesInputSchema,
  recomputedDeadlineSchema,
} from '../persons/procedure.schema';
import {
  calendarExportInputSchema,
  calendarExportSchema,
  dashboardInputSchema,
  dashboardViewSchema,
  desktopReminderPrefsInputSchema,
  desktopReminderPrefsViewSchema,
  markDoneInputSchema,
  reminderSettingsUpdateSchema,
  reminderSettingsViewSchema,
  reopenInputSchema,
  snoozeInputSchema,
  taskCreateSchema,
  taskIdInputSchema,
  taskListInputSchema,
  taskSchema,
  taskUpdateSchema,
} from '../reminders/reminders.schema';
import {
  acceptImportInputSchema,
  acceptImportResultSchema,
  declineImportInputSchema,
  declineImportResultSchema,
  directoryAddInputSchema,
  directoryEntrySchema,
  directoryListInputSchema,
  directoryListSchema,
  directoryRemoveInputSchema,
  directoryResolveInputSchema,
  directorySetHiddenInputSchema,
  directoryUpdateInputSchema,
  handoverAddItemInputSchema,
  handoverContentChoiceSchema,
  handoverExportInputSchema,
  handoverExportResultSchema,
  handoverIdInputSchema,
  handoverListInputSchema,
  handoverSettingsInputSchema,
  handoverSettingsSchema,
  handoverStartInputSchema,
  handoverSummarySchema,
  handoverUpdateItemInputSchema,
  handoverViewSchema,
  importIdInputSchema,
  importPreviewSchema,
  importSummarySchema,
  originHistorySchema,
  outputFileSchema,
  ownKeyCardSchema,
  packageFileInputSchema,
  partnerImportInputSchema,
  partnerImportResultSchema,
  partnerVerifyInputSchema,
  partnerRemoveInputSchema,
  partnerRemovePendingInputSchema,
  partnerViewSchema,
  personOriginInputSchema,
  receiptFileInputSchema,
} from '../handover/handover.ipc';
import { retentionSettingsInputSchema, retentionSettingsSchema } from '../privacy/retention.schema';
import {
  statisticsExportInputSchema,
  statisticsQuerySchema,
  statisticsReportSchema,
  statisticsSettingsInputSchema,
  statisticsSettingsSchema,
} from '../statistics/statistics.schema';
import {
  appointmentAddInputSchema,
  appointmentIdInputSchema,
  appointmentListInputSchema,
  appointmentSchema,
  appointmentUpdateInputSchema,
  caseSummaryInputSchema,
  noteAddInputSchema,
  noteHitSchema,
  noteListInputSchema,
  noteSchema,
  noteSearchInputSchema,
  noteUpdateInputSchema,
} from '../casework/index';
import {
  importInspectInputSchema,
  importInspectionSchema,
  importReportSchema,
  importResultSchema,
  importRunInputSchema,
} from '../import/import.schema';
import {
  connectionConfirmInputSchema,
  connectionConnectInputSchema,
  connectionStatusSchema,
} from '../team/connection.schema';
import { expectedVersionSchema, recordVersionSchema } from '../record-version';
import type { CHANNEL_NAMES, EVENT_NAMES_LIST } from './channels';

/** Who may call a channel: anyone (also while locked), any unlocked session, or listed roles. */
export type Access = 'public' | 'unlocked' | readonly ('admin' | 'coordinator' | 'caseworker')[];

const empty = z.strictObject({});
/** Every signed-in role; the person services narrow a caseworker to their own cases. */
const STAFF = ['admin', 'coordinator', 'caseworker'] as const;

export const sessionUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const appStatusSchema = z.object({
  state: z.enum(['setup', 'locked', 'unlocked']),
  organisation: z.object({ name: z.string(), country: countrySchema }).nullable(),
  user: sessionUserSchema.nullable(),
  autoLockMinutes: z.number().int(),
  /** For a signed-in administrator: whether the current recovery key was confirmed; otherwise null. */
  recoveryKeyConfirmed: z.boolean().nullable(),
});
export type AppStatus = z.infer<typeof appStatusSchema>;

/** Something about the vault's files an administrator must see once (slots dropped, modes tightened, key file not writable, trail cut while open). */
export const securityNoticeSchema = z.object({
  kind: z.enum(['slotsDropped', 'modesTightened', 'anchorFailed', 'databaseRolledBack']),
  at: z.iso.datetime(),
  count: z.number().int().nonnegative(),
});
export type SecurityNotice = z.infer<typeof securityNoticeSchema>;

export const prefsSchema = z.object({ language: languageSchema.nullable() });
export type Prefs = z.infer<typeof prefsSchema>;

export const userSummarySchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  status: z.enum(['active', 'disabled']),
  createdAt: z.string(),
  disabledAt: z.string().nullable(),
  /** Raised by a role or status change; sent back as expectedVersion. */
  version: recordVersionSchema,
});
export type UserSummary = z.infer<typeof userSummarySchema>;

export const vaultSettingsSchema = z.object({ autoLockMinutes: z.number().int() });
export type VaultSettings = z.infer<typeof vaultSettingsSchema>;

/** The organisation that owns the vault, with the prefix of its case codes (PAY-2026-0007). */
export const organisationSettingsSchema = z.object({
  name: z.string(),
  country: countrySchema,
  caseCodePrefix: z.string(),
  /** Raised by every change of the organisation's settings; sent back as expectedVersion. */
  version: recordVersionSchema,
});
export type OrganisationSettings = z.infer<typeof organisationSettingsSchema>;

/**
 * The organisation's rule policies. `presumeMinorityWhenInDoubt`: a person whose age is in doubt is
 * presumed a minor (brochure §4 LU: the law in Luxembourg, the organisation's policy in Belgium and
 * the Netherlands; on by default).
 */
export const rulesSettingsSchema = z.object({ presumeMinorityWhenInDoubt: z.boolean() });
export type RulesSettings = z.infer<typeof rulesSettingsSchema>;
/** What changing a policy did to the stored tracks (counts only). */
export const rulesSettingsUpdateSchema = rulesSettingsSchema.extend({
  tracksRederived: z.number().int().min(0),
  changedDueDates: z.number().int().min(0),
});

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string().nullable(),
  action: z.string(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  /**
   * For an entry about a person: the case code, when the record still exists and the reader may see
   * it (the trail itself holds the uuid only); else null.
   */
  caseCode: z.string().nullable().default(null),
});

/** The audit screen's filters: who (user name as recorded), what (an action), when (local days), which case. */
export const auditFilterShape = {
  actor: z.string().trim().min(1).max(100).optional(),
  action: z.string().trim().min(1).max(100).optional(),
  from: calendarDateSchema.optional(),
  to: calendarDateSchema.optional(),
  caseCode: z.string().trim().min(1).max(40).optional(),
};
export type AuditEntrySummary = z.infer<typeof auditEntrySchema>;

export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  firstBrokenSeq: z.number().int().nullable(),
  reason: z.string().nullable(),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;

/** A recovery key as typed by a person: groups of base32 letters, dashes and spaces ignored. */
export const recoveryKeyInputSchema = z
  .string()
  .transform((s) => s.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^[A-Z2-7]{32}$/, 'recoveryKey'));

function channel<I extends z.ZodType, O extends z.ZodType, A extends Access>(def: {
  input: I;
  output: O;
  access: A;
}) {
  return def;
}

export const contract = {
  'app.status': channel({ input: empty, output: appStatusSchema, access: 'public' }),
  'prefs.get': channel({ input: empty, output: prefsSchema, access: 'public' }),
  'prefs.set': channel({
    input: z.strictObject({ language: languageSchema }),
    output: prefsSchema,
    access: 'public',
  }),
  'vault.setup': channel({
    input: z.strictObject({
      organisationName: organisationNameSchema,
      country: countrySchema,
      /** 2-5 letters A-Z; derived from the organisation's name when absent. */
      caseCodePrefix: caseCodePrefixSchema.optional(),
      admin: z.strictObject({
        username: usernameSchema,
        displayName: displayNameSchema,
        password: passwordSchema,
      }),
    }),
    output: z.object({ recoveryKey: z.string() }),
    access: 'public',
  }),
  'session.unlock': channel({
    input: z.strictObject({ username: z.string().trim().toLowerCase().min(1).max(64), password: z.string().min(1).max(256) }),
    output: sessionUserSchema,
    access: 'public',
  }),
  'vault.rotateRecoveryKey': channel({
    input: z.strictObject({ password: z.string().min(1).max(256) }),
    output: z.object({ recoveryKey: z.string() }),
    access: ['admin'],
  }),
  'vault.confirmRecoveryKey': channel({ input: empty, output: z.null(), access: ['admin'] }),
  'vault.notices': channel({ input: empty, output: z.array(securityNoticeSchema), access: ['admin'] }),
  'vault.dismissNotices': channel({ input: empty, output: z.null(), access: ['admin'] }),
  'session.lock': channel({ input: empty, output: z.null(), access: 'public' }),
  'session.activity': channel({ input: empty, output: z.null(), access: 'unlocked' }),
  'session.recover': channel({
    input: z.strictObject({
      recoveryKey: recoveryKeyInputSchema,
      username: usernameSchema,
      newPassword: passwordSchema,
    }),
    output: z.null(),
    access: 'public',
  }),
  'users.list': channel({ input: empty, output: z.array(userSummarySchema), access: ['admin'] }),
  'users.add': channel({
    input: z.strictObject({
      username: usernameSchema,
      displayName: displayNameSchema,
      role: roleSchema,
      password: passwordSchema,
    }),
    output: userSummarySchema,
    access: ['admin'],
  }),
  'users.setRole': channel({
    input: z.strictObject({ userId: z.uuid(), role: roleSchema, expectedVersion: expectedVersionSchema }),
    output: userSummarySchema,
    access: ['admin'],
  }),
  'users.disable': channel({
    input: z.strictObject({ userId: z.uuid(), expectedVersion: expectedVersionSchema }),
    output: z.null(),
    access: ['admin'],
  }),
  'users.changePassword': channel({
    input: z.strictObject({ currentPassword: z.string().min(1).max(256), newPassword: passwordSchema }),
    output: z.null(),
    access: 'unlocked',
  }),
  /** A password change that also replaces the data key: for a password someone else may know. */
  'users.replacePassword': channel({
    input: z.strictObject({ currentPassword: z.string().min(1).max(256), newPassword: passwordSchema }),
    output: z.null(),
    access: 'unlocked',
  }),
  'settings.get': channel({ input: empty, output: vaultSettingsSchema, access: 'unlocked' }),
  'settings.update': channel({
    input: z.strictObject({ autoLockMinutes: autoLockMinutesSchema }),
    output: vaultSettingsSchema,
    access: ['admin'],
  }),
  'audit.list': channel({
    input: z.strictObject({
      limit: z.number().int().min(1).max(500),
      beforeSeq: z.number().int().positive().optional(),
      ...auditFilterShape,
    }),
    output: z.array(auditEntrySchema),
    access: ['admin'],
  }),
  'audit.verify': channel({ input: empty, output: auditVerificationSchema, access: ['admin'] }),
  'settings.organisation': channel({ input: empty, output: organisationSettingsSchema, access: 'unlocked' }),
  'settings.updateOrganisation': channel({
    input: z.strictObject({ caseCodePrefix: caseCodePrefixSchema, expectedVersion: expectedVersionSchema }),
    output: organisationSettingsSchema,
    access: ['admin'],
  }),
  'rules.settings': channel({ input: empty, output: rulesSettingsSchema, access: 'unlocked' }),
  'rules.updateSettings': channel({
    input: z.strictObject({ presumeMinorityWhenInDoubt: z.boolean() }),
    output: rulesSettingsUpdateSchema,
    access: ['admin'],
  }),

  // Persons and their procedures. The services also enforce the caseworker restriction:
  // a caseworker reaches only the cases assigned to them; any other case is NOT_FOUND for them.
  'persons.list': channel({ input: personListQuerySchema, output: personListPageSchema, access: STAFF }),
  'persons.get': channel({ input: personIdInputSchema, output: personDetailSchema, access: STAFF }),
  'persons.create': channel({ input: personCreateSchema, output: personDetailSchema, access: STAFF }),
  'persons.update': channel({ input: personUpdateSchema, output: personDetailSchema, access: STAFF }),
  'persons.assign': channel({ input: personAssignSchema, output: personRecordSchema, access: ['admin', 'coordinator'] }),
  'persons.erase': channel({ input: personEraseSchema, output: z.object({ caseCode: z.string() }), access: ['admin'] }),
  'persons.assignees': channel({ input: empty, output: z.array(assigneeSchema), access: STAFF }),
  'procedure.openTrack': channel({ input: openTrackInputSchema, output: trackViewSchema, access: STAFF }),
  'procedure.recordEvent': channel({ input: recordEventInputSchema, output: trackViewSchema, access: STAFF }),
  'procedure.removeEvent': channel({ input: removeEventInputSchema, output: trackViewSchema, access: STAFF }),
  'procedure.recomputations': channel({
    input: z.object({ personId: z.string().min(1).max(64).nullable() }),
    output: z.array(recomputedDeadlineSchema),
    access: STAFF,
  }),
  'procedure.acknowledgeRecomputation': channel({ input: z.object({ id: z.string().min(1).max(64) }), output: z.null(), access: STAFF }),
  'checklists.answer': channel({ input: checklistAnswerInputSchema, output: trackViewSchema, access: STAFF }),
  'consents.record': channel({ input: consentRecordInputSchema, output: consentSchema, access: STAFF }),
  'consents.withdraw': channel({ input: consentWithdrawInputSchema, output: consentSchema, access: STAFF }),
  'attachments.add': channel({ input: attachmentAddInputSchema, output: attachmentMetaSchema, access: STAFF }),
  'attachments.get': channel({ input: attachmentIdInputSchema, output: attachmentContentSchema, access: STAFF }),
  'attachments.remove': channel({ input: attachmentIdInputSchema, output: z.null(), access: STAFF }),
  'deadlines.upcoming': channel({ input: upcomingDeadlinesInputSchema, output: z.array(upcomingDeadlineSchema), access: STAFF }),

  // Cross-border handover (shared/handover/handover.ipc.ts, docs/handover-package.md "In
  // Passerelle"). Files travel as base64, capped by length before anything is decoded. The services
  // enforce the same roles and the caseworker restriction (their own cases only).
  'keys.card': channel({ input: empty, output: ownKeyCardSchema, access: STAFF }),
  'keys.rotate': channel({ input: empty, output: ownKeyCardSchema, access: ['admin'] }),
  'partners.list': channel({ input: empty, output: z.array(partnerViewSchema), access: STAFF }),
  'partners.import': channel({ input: partnerImportInputSchema, output: partnerImportResultSchema, access: ['admin', 'coordinator'] }),
  'partners.verify': channel({ input: partnerVerifyInputSchema, output: partnerViewSchema, access: ['admin', 'coordinator'] }),
  'partners.remove': channel({ input: partnerRemoveInputSchema, output: z.object({ removed: z.literal(true) }), access: ['admin'] }),
  'partners.removePending': channel({ input: partnerRemovePendingInputSchema, output: partnerViewSchema, access: ['admin'] }),
  'directory.list': channel({ input: directoryListInputSchema, output: directoryListSchema, access: STAFF }),
  'directory.update': channel({ input: directoryUpdateInputSchema, output: directoryEntrySchema, access: ['admin', 'coordinator'] }),
  'directory.add': channel({ input: directoryAddInputSchema, output: directoryEntrySchema, access: ['admin', 'coordinator'] }),
  'directory.setHidden': channel({ input: directorySetHiddenInputSchema, output: directoryEntrySchema, access: ['admin', 'coordinator'] }),
  'directory.remove': channel({ input: directoryRemoveInputSchema, output: z.null(), access: ['admin', 'coordinator'] }),
  'directory.resolveSeedChange': channel({ input: directoryResolveInputSchema, output: directoryEntrySchema, access: ['admin', 'coordinator'] }),
  'handover.list': channel({ input: handoverListInputSchema, output: z.array(handoverSummarySchema), access: STAFF }),
  'handover.get': channel({ input: handoverIdInputSchema, output: handoverViewSchema, access: STAFF }),
  'handover.start': channel({ input: handoverStartInputSchema, output: handoverViewSchema, access: STAFF }),
  'handover.updateItem': channel({ input: handoverUpdateItemInputSchema, output: handoverViewSchema, access: STAFF }),
  'handover.addItem': channel({ input: handoverAddItemInputSchema, output: handoverViewSchema, access: STAFF }),
  'handover.cancel': channel({ input: handoverIdInputSchema, output: handoverViewSchema, access: ['admin', 'coordinator'] }),
  'handover.export': channel({ input: handoverExportInputSchema, output: handoverExportResultSchema, access: ['admin', 'coordinator'] }),
  'handover.summaryPdf': channel({ input: handoverContentChoiceSchema, output: outputFileSchema, access: ['admin', 'coordinator'] }),
  'handover.importReceipt': channel({ input: receiptFileInputSchema, output: handoverViewSchema, access: ['admin', 'coordinator'] }),
  'handover.settings': channel({ input: empty, output: handoverSettingsSchema, access: STAFF }),
  'handover.updateSettings': channel({ input: handoverSettingsInputSchema, output: handoverSettingsSchema, access: ['admin'] }),
  'handover.previewImport': channel({ input: packageFileInputSchema, output: importPreviewSchema, access: ['admin', 'coordinator'] }),
  'handover.acceptImport': channel({ input: acceptImportInputSchema, output: acceptImportResultSchema, access: ['admin', 'coordinator'] }),
  'handover.declineImport': channel({ input: declineImportInputSchema, output: declineImportResultSchema, access: ['admin', 'coordinator'] }),
  'handover.receipt': channel({ input: importIdInputSchema, output: outputFileSchema, access: ['admin', 'coordinator'] }),
  'handover.imports': channel({ input: empty, output: z.array(importSummarySchema), access: ['admin', 'coordinator'] }),
  'handover.origin': channel({ input: personOriginInputSchema, output: originHistorySchema.nullable(), access: STAFF }),

  // Reminders. A caseworker only ever gets their own cases and tasks (scope 'all' too);
  // items out of their reach are NOT_FOUND. Done, snooze and reopen are audited with the person's uuid only.
  'reminders.dashboard': channel({ input: dashboardInputSchema, output: dashboardViewSchema, access: STAFF }),
  'reminders.markDone': channel({ input: markDoneInputSchema, output: z.null(), access: STAFF }),
  'reminders.snooze': channel({ input: snoozeInputSchema, output: z.null(), access: STAFF }),
  'reminders.reopen': channel({ input: reopenInputSchema, output: z.null(), access: STAFF }),
  'reminders.settings': channel({ input: empty, output: reminderSettingsViewSchema, access: STAFF }),
  'reminders.updateSettings': channel({ input: reminderSettingsUpdateSchema, output: reminderSettingsViewSchema, access: ['admin'] }),
  'reminders.desktopPrefs': channel({ input: empty, output: desktopReminderPrefsViewSchema, access: 'unlocked' }),
  'reminders.setDesktopPrefs': channel({ input: desktopReminderPrefsInputSchema, output: desktopReminderPrefsViewSchema, access: 'unlocked' }),
  'reminders.exportCalendar': channel({ input: calendarExportInputSchema, output: calendarExportSchema, access: STAFF }),
  'tasks.list': channel({ input: taskListInputSchema, output: z.array(taskSchema), access: STAFF }),
  'tasks.create': channel({ input: taskCreateSchema, output: taskSchema, access: STAFF }),
  'tasks.update': channel({ input: taskUpdateSchema, output: taskSchema, access: STAFF }),
  'tasks.delete': channel({ input: taskIdInputSchema, output: z.null(), access: STAFF }),

  // Statistics (docs/statistics.md): only suppressed counts leave the service; exports are audited.
  // The access request and the retention of closed files (docs/access-request.md).
  'statistics.report': channel({ input: statisticsQuerySchema, output: statisticsReportSchema, access: ['admin', 'coordinator'] }),
  'statistics.export': channel({ input: statisticsExportInputSchema, output: outputFileSchema, access: ['admin', 'coordinator'] }),
  'statistics.settings': channel({ input: empty, output: statisticsSettingsSchema, access: ['admin', 'coordinator'] }),
  'statistics.updateSettings': channel({ input: statisticsSettingsInputSchema, output: statisticsSettingsSchema, access: ['admin'] }),
  'persons.accessRequest': channel({ input: personIdInputSchema, output: outputFileSchema, access: ['admin'] }),
  'retention.settings': channel({ input: empty, output: retentionSettingsSchema, access: STAFF }),
  'retention.updateSettings': channel({ input: retentionSettingsInputSchema, output: retentionSettingsSchema, access: ['admin'] }),
  // Daily casework (docs/casework.md): notes and the contact log with full-text search, appointments,
  // the printable case summary. A caseworker reaches only their own cases, in search too.
  'notes.list': channel({ input: noteListInputSchema, output: z.array(noteSchema), access: STAFF }),
  'notes.add': channel({ input: noteAddInputSchema, output: noteSchema, access: STAFF }),
  'notes.update': channel({ input: noteUpdateInputSchema, output: noteSchema, access: STAFF }),
  'notes.search': channel({ input: noteSearchInputSchema, output: z.array(noteHitSchema), access: STAFF }),
  'appointments.list': channel({ input: appointmentListInputSchema, output: z.array(appointmentSchema), access: STAFF }),
  'appointments.add': channel({ input: appointmentAddInputSchema, output: appointmentSchema, access: STAFF }),
  'appointments.update': channel({ input: appointmentUpdateInputSchema, output: appointmentSchema, access: STAFF }),
  'appointments.delete': channel({ input: appointmentIdInputSchema, output: z.null(), access: STAFF }),
  'caseSummary.pdf': channel({ input: caseSummaryInputSchema, output: outputFileSchema, access: STAFF }),
  // Spreadsheet import (docs/import.md): administrators only. A dry run writes nothing; the import
  // writes every row without problems in one transaction.
  'spreadsheetImport.inspect': channel({ input: importInspectInputSchema, output: importInspectionSchema, access: ['admin'] }),
  'spreadsheetImport.dryRun': channel({ input: importRunInputSchema, output: importReportSchema, access: ['admin'] }),
  'spreadsheetImport.run': channel({ input: importRunInputSchema, output: importResultSchema, access: ['admin'] }),
  // This desktop's connection to an office server (docs/team-server.md "On the desktop"): answered
  // by the desktop itself (electron/remote/desktop-mode.ts), never by a vault's router. Connecting
  // only while this computer has no vault; confirming a changed certificate needs an administrator's
  // sign-in over the new certificate; disconnecting needs a signed-in administrator.
  'connection.status': channel({ input: empty, output: connectionStatusSchema, access: 'public' }),
  'connection.connect': channel({ input: connectionConnectInputSchema, output: connectionStatusSchema, access: 'public' }),
  'connection.confirmCertificate': channel({ input: connectionConfirmInputSchema, output: connectionStatusSchema, access: 'public' }),
  'connection.disconnect': channel({ input: empty, output: connectionStatusSchema, access: 'public' }),
  // What the command line and a connected desktop need over the router instead of the services
  // (docs/cli.md "Against an office server", docs/team-server.md "Backups" and "Reminders").
  'persons.idByCaseCode': channel({ input: team.caseCodeInputSchema, output: team.personIdOutputSchema, access: STAFF }),
  'persons.exportList': channel({ input: empty, output: z.array(personRecordSchema), access: STAFF }),
  'persons.assigneeByUsername': channel({ input: team.assigneeByUsernameInputSchema, output: team.assigneeIdOutputSchema, access: STAFF }),
  'procedure.recordByCountry': channel({ input: team.recordByCountryInputSchema, output: trackViewSchema, access: STAFF }),
  'reminders.dueOn': channel({ input: team.dueOnInputSchema, output: z.array(team.dueReminderSchema), access: STAFF }),
  'reminders.pending': channel({ input: team.pendingRemindersInputSchema, output: z.array(team.pendingReminderSchema), access: STAFF }),
  'reminders.notified': channel({ input: team.notifiedInputSchema, output: z.null(), access: STAFF }),
  'vault.backup': channel({ input: team.serverBackupInputSchema, output: team.serverBackupOutputSchema, access: ['admin'] }),
  'vault.keyGeneration': channel({ input: empty, output: team.keyGenerationSchema, access: ['admin'] }),
  'handover.openFor': channel({ input: team.openHandoverInputSchema, output: team.openHandoverOutputSchema, access: ['admin', 'coordinator'] }),
  'handover.importIdOfPackage': channel({ input: team.packageIdInputSchema, output: team.importIdOutputSchema, access: ['admin', 'coordinator'] }),
  'partners.addVerified': channel({
    input: partnerImportInputSchema.extend({ fingerprint: z.string().min(1).max(200) }),
    output: partnerImportResultSchema,
    access: ['admin', 'coordinator'],
  }),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
/** The input as the caller writes it (before zod's transforms). */
export type In<C extends Channel> = z.input<Contract[C]['input']>;
/** The input as a handler receives it (after parsing). */
export type Parsed<C extends Channel> = z.output<Contract[C]['input']>;
export type Out<C extends Channel> = z.output<Contract[C]['output']>;
export const CHANNELS = Object.keys(contract) as Channel[];

/** Events pushed from main to the renderer. */
export const events = {
  'session.changed': z.object({
    state: z.enum(['locked', 'unlocked']),
    /** `server-restart`: team mode, the office server forgot every session while it was out of reach. */
    reason: z.enum(['manual', 'idle', 'suspend', 'screen-lock', 'unlock', 'server-restart']),
    /** On lock: the key-slot file could not take the audit anchor one last time (the unlock screen says so). */
    anchorFailed: z.literal(true).optional(),
  }),
  /** A deadline notification was clicked: show the dashboard (no case data in the event). */
  'reminders.open': z.object({}),
  /**
   * Team mode: another desktop (or this one) wrote through the office server. The channel and the
   * time only, no record id and no person data (docs/team-server.md "Change events").
   */
  'data.changed': z.object({ channel: z.string(), at: z.string() }),
  /** Team mode: the office server stopped or started answering; `since` is when (ISO). */
  'server.reachability': z.object({ reachable: z.boolean(), since: z.string() }),
  /** Team mode: this desktop connected, disconnected, or found the server's certificate changed. */
  'connection.changed': connectionStatusSchema.pick({ mode: true, certificate: true }),
} as const;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];

/** The API the preload (or the test bridge) exposes on `window.passerelle`. */
export interface PasserelleApi {
  invoke<C extends Channel>(channel: C, input: In<C>): Promise<import('../errors').Result<Out<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

// Compile-time check: the dependency-free name lists in channels.ts match the contract exactly.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _channelsMatch: Same<(typeof CHANNEL_NAMES)[number], Channel> = true;
const _eventsMatch: Same<(typeof EVENT_NAMES_LIST)[number], EventName> = true;
void _channelsMatch;
void _eventsMatch;
export { IPC_PREFIX } from './channels';
