/**
 * Builds every service with plain `new` and wires the router. electron/main, the CLI and the
 * end-to-end test bridge all start from here, so they run the same code.
 */
import { AppError } from '../../shared/errors';
import type { EventName, EventPayload } from '../../shared/ipc/contract';
import { AuditService } from './audit/audit.service';
import { AutoLock } from './auto-lock';
import type { KdfProfile } from './crypto/kdf';
import type { Clock, Logger, PreferencesStore } from './ports';
import { desktopConnectionRefusals } from './desktop-connection-refusals';
import { createRouter, type Router } from './router';
import { refusedCallRecorder } from './audit/refused-calls';
import { AttachmentService } from './persons/attachment.service';
import { ConsentService } from './persons/consent.service';
import { PersonService } from './persons/person.service';
import { ProcedureService } from './persons/procedure.service';
import { SpreadsheetImportService } from './import/spreadsheet-import.service';
import { RulesSettingsService } from './settings/rules-settings.service';
import { SettingsService } from './settings/settings.service';
import { beneluxWorkingDays } from '../../shared/reminders/working-days';
import type { WorkingDayCalendar } from '../../shared/reminders/working-day-calendar';
import type { Notifier } from './reminders/reminder-ports';
import {
  DEADLINE_CHANNELS,
  ReminderNotifications,
  memoryReminderPrefs,
  type DesktopReminderPrefsStore,
} from './reminders/reminder-notifications';
import { ReminderService } from './reminders/reminder.service';
import { TaskService } from './reminders/task.service';
import { UsersService } from './users/users.service';
import { DirectoryService } from './handover/directory.service';
import { HandoverImportService } from './handover/import.service';
import { HandoverKeysService } from './handover/keys.service';
import { organisationKeysAtSetup } from './handover/organisation-keys-setup';
import { HandoverService } from './handover/handover.service';
import { HANDOVER_DEADLINE_CHANNELS, handoverReminderSource } from './handover/handover-reminder-source';
import { VaultService, type VaultOptions } from './vault/vault.service';
import { StatisticsService } from './statistics/statistics.service';
import { AccessRequestService } from './privacy/access-request.service';
import { RETENTION_DEADLINE_CHANNELS, RetentionService, closedFileRetentionSource } from './privacy/closed-file-retention';
import { encodeFile } from './handover/file-transfer';
import { AppointmentService } from './casework/appointment.service';
import { APPOINTMENT_DEADLINE_CHANNELS, appointmentReminderSource } from './casework/appointment-reminder-source';
import { CaseSummaryService } from './casework/case-summary.service';
import { NoteService } from './casework/note.service';
import { appointmentsAccessSection, notesAccessSection } from './casework/access-request-sections';
import { teamChannelHandlers } from './team/team-channels';
import { fixedUser, runInCall } from './session/call-context';

export interface CoreOptions {
  vaultDir: string;
  migrationsFolder: string;
  clock: Clock;
  logger: Logger;
  prefs: PreferencesStore;
  kdfProfile?: KdfProfile;
  afterRekeyStep?: VaultOptions['afterRekeyStep'];
  /** Desktop notifications of deadlines (electron/main: Electron's Notification). None: no scheduler (CLI, tests). */
  notifier?: Notifier;
  /** This desktop's reminder preferences (digest, tray). Default: in memory, nothing supported. */
  reminderPrefs?: DesktopReminderPrefsStore;
  /** Working days for reminders; default the BE/NL/LU public holidays of date-holidays. */
  calendar?: WorkingDayCalendar;
  /** IANA zone of the notifier's "today"; default the system's. */
  timeZone?: string;
  /**
   * Office server (docs/team-server.md): many users at once, each call's user named by its token;
   * no process-wide session and no desktop auto-lock (each token has its own idle time-out).
   */
  callsOnly?: boolean;
  /** Office server: the folder where `vault.backup` writes (docs/team-server.md "Backups"). */
  backupDir?: string;
}

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface Core {
  vault: VaultService;
  users: UsersService;
  settings: SettingsService;
  audit: AuditService;
  persons: PersonService;
  procedures: ProcedureService;
  attachments: AttachmentService;
  consents: ConsentService;
  reminders: ReminderService;
  tasks: TaskService;
  /** Organisation keys and partners. */
  handoverKeys: HandoverKeysService;
  directory: DirectoryService;
  /** Handovers on the sending side; `handoverDeadlines()` gives the checklist due dates to reminders. */
  handovers: HandoverService;
  /** Packages on the receiving side. */
  handoverImports: HandoverImportService;
  /** Yearly statistics, suppressed before they leave the service. */
  statistics: StatisticsService;
  /** A person's access request; `addSection` lets other record kinds join it. */
  accessRequests: AccessRequestService;
  /** Retention of closed files (a reminder source). */
  retention: RetentionService;
  /** Daily casework: notes with their search, appointments, the printable case summary. */
  notes: NoteService;
  appointments: AppointmentService;
  caseSummary: CaseSummaryService;
  /** Bringing a caseload in from a spreadsheet (docs/import.md). */
  spreadsheetImport: SpreadsheetImportService;
  /** The deadline notifier, when a Notifier was given (the app); null in the CLI and the test bridge. */
  reminderNotifications: ReminderNotifications | null;
  autoLock: AutoLock;
  router: Router;
  onEvent(listener: EventListener): () => void;
  /** Locks and releases the vault (app quit). */
  dispose(): void;
}

/** Channels that do not count as the user being active (background polling). */
const PASSIVE_CHANNELS = new Set(['app.status', 'prefs.get']);

export function createCore(options: CoreOptions): Core {
  const vault = new VaultService({
    dir: options.vaultDir,
    migrationsFolder: options.migrationsFolder,
    clock: options.clock,
    logger: options.logger,
    ...(options.kdfProfile ? { kdfProfile: options.kdfProfile } : {}),
    ...(options.afterRekeyStep ? { afterRekeyStep: options.afterRekeyStep } : {}),
    // The organisation's signing and encryption keys are made with the vault (the vault itself
    // knows nothing of handover).
    setup: [organisationKeysAtSetup],
    ...(options.callsOnly ? { callsOnly: true } : {}),
  });
  const users = new UsersService(vault);
  const settings = new SettingsService(vault);
  const rulesSettings = new RulesSettingsService(vault, options.clock);
  const audit = new AuditService(vault);
  const persons = new PersonService(vault, options.clock);
  const procedures = new ProcedureService(vault, options.clock);
  const spreadsheetImport = new SpreadsheetImportService(vault, options.clock);
  const attachments = new AttachmentService(vault);
  const consents = new ConsentService(vault, (contactId) => directory.entryName(contactId));
  const autoLock = new AutoLock(options.clock, () => vault.lock('idle'));
  const listeners = new Set<EventListener>();
  const reminderLanguage = () => options.prefs.getLanguage() ?? 'nl';
  const reminders = new ReminderService(vault, options.clock, options.calendar ?? beneluxWorkingDays, reminderLanguage);
  const tasks = new TaskService(vault, reminders);
  const handoverKeys = new HandoverKeysService(vault);
  const directory = new DirectoryService(vault);
  const handovers = new HandoverService(vault, options.clock, handoverKeys);
  const handoverImports = new HandoverImportService(vault, options.clock, handoverKeys);
  // Handover checklist due dates on the dashboard and in notifications.
  reminders.addSource(handoverReminderSource);
  const statistics = new StatisticsService(vault, options.clock);
  const accessRequests = new AccessRequestService(vault, options.clock);
  const retention = new RetentionService(vault);
  // Closed files whose retention ended, on the dashboard for review and erasure.
  reminders.addSource(closedFileRetentionSource);
  const notes = new NoteService(vault, options.clock);
  const appointments = new AppointmentService(vault, reminders);
  const caseSummary = new CaseSummaryService(vault, options.clock);
  reminders.addSource(appointmentReminderSource);
  accessRequests.addSection(notesAccessSection);
  accessRequests.addSection(appointmentsAccessSection);
  const reminderPrefs = options.reminderPrefs ?? memoryReminderPrefs();
  const reminderNotifications = options.notifier
    ? new ReminderNotifications({
        vault,
        service: reminders,
        clock: options.clock,
        notifier: options.notifier,
        calendar: options.calendar ?? beneluxWorkingDays,
        prefs: reminderPrefs,
        language: reminderLanguage,
        logger: options.logger,
        ...(options.timeZone ? { timeZone: options.timeZone } : {}),
      })
    : null;
  reminders.onChange(() => reminderNotifications?.requestRefresh());

  vault.onChange((change) => {
    // A vault made before handovers existed gets its organisation keys at an administrator's unlock.
    if (change.state === 'unlocked') {
      try {
        handoverKeys.ensureKeys();
      } catch (e) {
        options.logger.error('handover.keys-create-failed', e);
      }
    }
    // Tracks stored under older rule tables are re-derived with the current rules (docs/legal-rules.md).
    if (change.state === 'unlocked') {
      try {
        // An office server has no process-wide user: the upgrade runs as the administrator who
        // unlocked it (a start from the server key file has none, and leaves it to the next such start).
        const here = vault.signedInHere();
        if (!options.callsOnly) procedures.upgradeRules();
        else if (here) runInCall(fixedUser(here), () => procedures.upgradeRules());
      } catch (e) {
        options.logger.error('procedure.rules-upgrade-failed', e);
      }
    }
    if (change.state === 'unlocked') reminderNotifications?.unlocked();
    else reminderNotifications?.locked();
    if (change.state === 'unlocked' && !options.callsOnly) autoLock.start(settings.current().autoLockMinutes);
    else autoLock.stop();
    for (const l of listeners) l('session.changed', { state: change.state, reason: change.reason, ...(change.anchorFailed ? { anchorFailed: true as const } : {}) });
  });
  settings.onChange((s) => autoLock.setTimeoutMinutes(s.autoLockMinutes));

  const router = createRouter(
    {
      'app.status': () => {
        const state = vault.state();
        const unlocked = state === 'unlocked';
        return {
          state,
          organisation: unlocked ? settings.organisation() : null,
          user: vault.session(),
          autoLockMinutes: unlocked ? settings.current().autoLockMinutes : 0,
          recoveryKeyConfirmed: unlocked ? vault.recoveryKeyConfirmed() : null,
        };
      },
      'prefs.get': () => ({ language: options.prefs.getLanguage() }),
      'prefs.set': ({ language }) => {
        options.prefs.setLanguage(language);
        return { language: options.prefs.getLanguage() };
      },
      ...desktopConnectionRefusals,
      'vault.setup': (input) => vault.create(input),
      'vault.rotateRecoveryKey': ({ password }) => vault.rotateRecoveryKey(password),
      'vault.confirmRecoveryKey': () => {
        vault.confirmRecoveryKey();
        return null;
      },
      'vault.notices': () => vault.securityNotices(),
      'vault.dismissNotices': () => {
        vault.dismissSecurityNotices();
        return null;
      },
      'session.unlock': ({ username, password }) => vault.unlock(username, password),
      'session.lock': () => {
        // Locked either way; the user must know when the session's audit entries were left unprotected.
        if (!vault.lock('manual')) throw new AppError('INTERNAL', 'anchorFailedAtLock');
        return null;
      },
      'session.activity': () => null,
      'session.recover': async ({ recoveryKey, username, newPassword }) => {
        await vault.recover(recoveryKey, username, newPassword);
        return null;
      },
      'users.list': () => users.list(),
      'users.add': (input) => users.add(input),
      'users.setRole': (input) => users.setRole(input),
      'users.disable': async (input) => {
        await users.disable(input);
        return null;
      },
      'users.changePassword': async (input) => {
        await users.changeOwnPassword(input);
        return null;
      },
      'users.replacePassword': async (input) => {
        await vault.replaceOwnPassword(input.currentPassword, input.newPassword);
        return null;
      },
      'settings.get': () => settings.get(),
      'settings.update': (input) => settings.update(input),
      'audit.list': (input) => audit.latest(input),
      'audit.verify': () => audit.verify(),
      'settings.organisation': () => settings.organisationSettings(),
      'settings.updateOrganisation': (input) => settings.updateOrganisation(input),
      'rules.settings': () => rulesSettings.get(),
      'rules.updateSettings': (input) => rulesSettings.update(input),
      'persons.list': (input) => persons.list(input),
      'persons.get': (input) => persons.get(input),
      'persons.create': (input) => persons.create(input),
      'persons.update': (input) => persons.update(input),
      'persons.assign': (input) => persons.assign(input),
      'persons.erase': (input) => {
        try {
          return persons.erase(input);
        } finally {
          reminderNotifications?.afterErasure();
        }
      },
      'persons.assignees': () => persons.assignees(),
      'procedure.openTrack': (input) => procedures.openTrack(input),
      'procedure.recordEvent': (input) => procedures.recordEvent(input),
      'procedure.removeEvent': (input) => procedures.removeEvent(input),
      'procedure.recomputations': (input) => procedures.pendingRecomputations(input.personId),
      'procedure.acknowledgeRecomputation': (input) => {
        procedures.acknowledgeRecomputation(input);
        return null;
      },
      'checklists.answer': (input) => procedures.answerChecklist(input),
      'consents.record': (input) => consents.record(input),
      'consents.withdraw': (input) => consents.withdraw(input),
      'attachments.add': (input) => attachments.add(input),
      'attachments.get': (input) => attachments.get(input),
      'attachments.remove': (input) => {
        attachments.remove(input);
        return null;
      },
      'deadlines.upcoming': (input) => procedures.upcoming(input),
      'reminders.dashboard': (input) => reminders.dashboard(input),
      'reminders.markDone': (input) => reminders.markDone(input),
      'reminders.snooze': (input) => reminders.snooze(input),
      'reminders.reopen': (input) => reminders.reopen(input),
      'reminders.settings': () => reminders.settings(),
      'reminders.updateSettings': (input) => reminders.updateSettings(input),
      'reminders.desktopPrefs': () => ({ ...reminderPrefs.get(), supported: { ...reminderPrefs.supported } }),
      'reminders.setDesktopPrefs': (input) => {
        reminderPrefs.set(input);
        reminderNotifications?.prefsChanged();
        return { ...reminderPrefs.get(), supported: { ...reminderPrefs.supported } };
      },
      'reminders.exportCalendar': (input) => reminders.exportCalendar(input),
      'tasks.list': (input) => tasks.list(input),
      'tasks.create': (input) => tasks.create(input),
      'tasks.update': (input) => tasks.update(input),
      'tasks.delete': (input) => tasks.remove(input),
      'spreadsheetImport.inspect': (input) => spreadsheetImport.inspect(input),
      'spreadsheetImport.dryRun': (input) => spreadsheetImport.dryRun(input),
      'spreadsheetImport.run': (input) => spreadsheetImport.run(input),
      'keys.card': () => handoverKeys.ownCard(),
      'keys.rotate': () => handoverKeys.rotate(),
      'partners.list': () => handoverKeys.list(),
      'partners.import': (input) => handoverKeys.importCard(input),
      'partners.verify': (input) => handoverKeys.verify(input),
      'partners.remove': (input) => handoverKeys.remove(input),
      'partners.removePending': (input) => handoverKeys.removePending(input),
      'directory.list': (input) => directory.list(input),
      'directory.update': (input) => directory.update(input),
      'directory.add': (input) => directory.add(input),
      'directory.setHidden': (input) => directory.setHidden(input),
      'directory.remove': (input) => {
        directory.remove(input);
        return null;
      },
      'directory.resolveSeedChange': (input) => directory.resolveSeedChange(input),
      'handover.list': (input) => handovers.list(input),
      'handover.get': (input) => handovers.get(input),
      'handover.start': (input) => handovers.start(input),
      'handover.updateItem': (input) => handovers.updateItem(input),
      'handover.addItem': (input) => handovers.addItem(input),
      'handover.cancel': (input) => handovers.cancel(input),
      'handover.export': (input) => handovers.export(input),
      'handover.summaryPdf': (input) => handovers.summary(input),
      'handover.importReceipt': (input) => handovers.importReceipt(input),
      'handover.settings': () => handovers.settings(),
      'handover.updateSettings': (input) => handovers.updateSettings(input),
      'handover.previewImport': (input) => handoverImports.preview(input),
      'handover.acceptImport': (input) => handoverImports.accept(input),
      'handover.declineImport': (input) => handoverImports.decline(input),
      'handover.receipt': (input) => handoverImports.receipt(input),
      'handover.imports': () => handoverImports.imports(),
      'handover.origin': (input) => handoverImports.origin(input),
      'statistics.report': (input) => statistics.report(input),
      'statistics.export': async ({ format, language, ...query }) => {
        const file = await statistics.exportFile(query, format, language ?? reminderLanguage());
        return encodeFile(file.fileName, file.bytes);
      },
      'statistics.settings': () => statistics.settings(),
      'statistics.updateSettings': (input) => statistics.updateSettings(input),
      'persons.accessRequest': async (input) => {
        const archive = await accessRequests.create(input);
        return encodeFile(archive.fileName, archive.bytes);
      },
      'retention.settings': () => retention.settings(),
      'retention.updateSettings': (input) => retention.updateSettings(input),
      'notes.list': (input) => notes.list(input),
      'notes.add': (input) => notes.add(input),
      'notes.update': (input) => notes.update(input),
      'notes.search': (input) => notes.search(input),
      'appointments.list': (input) => appointments.list(input),
      'appointments.add': (input) => appointments.add(input),
      'appointments.update': (input) => appointments.update(input),
      'appointments.delete': (input) => appointments.remove(input),
      'caseSummary.pdf': (input) => caseSummary.pdf(input),
      ...teamChannelHandlers({
        vault,
        clock: options.clock,
        persons,
        procedures,
        reminders,
        handovers,
        handoverImports,
        handoverKeys,
        ...(options.backupDir ? { backupDir: options.backupDir } : {}),
        ...(options.timeZone ? { timeZone: options.timeZone } : {}),
      }),
    },
    {
      gate: vault,
      logger: options.logger,
      ...(options.callsOnly ? {} : { desktopUser: { user: () => vault.signedInHere() } }),
      onRefused: refusedCallRecorder(vault, options.logger),
      onActivity: (channel) => {
        if (!PASSIVE_CHANNELS.has(channel)) autoLock.activity();
        if (
          DEADLINE_CHANNELS.has(channel) ||
          HANDOVER_DEADLINE_CHANNELS.has(channel) ||
          RETENTION_DEADLINE_CHANNELS.has(channel) ||
          APPOINTMENT_DEADLINE_CHANNELS.has(channel)
        ) {
          reminderNotifications?.requestRefresh();
        }
      },
    },
  );
  // Runs while the app runs, locked or not; nothing is cached before the first unlock.
  reminderNotifications?.start();

  return {
    vault,
    users,
    settings,
    audit,
    persons,
    procedures,
    attachments,
    consents,
    reminders,
    tasks,
    handoverKeys,
    directory,
    handovers,
    handoverImports,
    statistics,
    accessRequests,
    retention,
    notes,
    appointments,
    caseSummary,
    spreadsheetImport,
    reminderNotifications,
    autoLock,
    router,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      reminderNotifications?.stop();
      vault.lock('manual');
      autoLock.stop();
    },
  };
}
