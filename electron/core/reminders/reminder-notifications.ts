/**
 * Desktop notifications of deadlines, wired: the pure
 * ReminderScheduler on the vault's fired table, a cache of the open deadlines, the admin's lead days
 * and this desktop's preferences. electron/main only provides the Notifier (Electron's Notification)
 * and calls `checkNow()` when the computer resumes; everything here runs, and is tested, in plain Node.
 *
 * Lifecycle:
 * - `start()` at app start: the scheduler runs from then on, locked or not. Before the first unlock
 *   its cache is empty (the deadlines are inside the encrypted vault), so nothing fires until then.
 * - At every unlock: the fired table is read (and what fired while locked is written), the cache is
 *   filled with the open deadlines the signed-in user may see, and a check runs at once.
 * - After a change of a deadline, a task, a decision or the lead days (`requestRefresh`, debounced),
 *   and at every local midnight while unlocked: the cache is filled again.
 * - At lock: the cache is KEPT (case codes, kinds, dates and opaque ids in main-process memory, never
 *   on disk) so reminders keep firing while the vault is locked, as they must. Pass
 *   `clearOnLock: true` for the stricter choice (nothing fires until the next unlock).
 *
 * What the cache reaches: every open deadline due from 30 days ago up to today + the longest lead +
 * 2 x 7 days of holiday moves + 31 days, so a vault left locked for a month still reminds of what
 * enters the lead window meanwhile (ReminderService.notificationRange). Done items are left out;
 * snoozed ones stay silent until the snooze ends.
 */
import { RemindersRepo } from '../../../db/reminders.repo';
import { addDays, type CalendarDate } from '../../../shared/dates/calendar-date';
import type { Language } from '../../../shared/domain';
import type { NotifiableDeadline } from '../../../shared/reminders/reminder.types';
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from '../../../shared/reminders/reminder-settings';
import {
  DEFAULT_DESKTOP_REMINDER_PREFS,
  desktopReminderPrefsSchema,
  type DesktopReminderPrefs,
} from '../../../shared/reminders/reminders.schema';
import type { WorkingDayCalendar } from '../../../shared/reminders/working-day-calendar';
import type { Clock, Logger, TimerHandle } from '../ports';
import type { VaultService } from '../vault/vault.service';
import { localDate, nextLocalMidnight, systemTimeZone } from './local-time';
import { mayRemindBy, planDeadline } from '../../../shared/reminders/reminder-plan';
import { FiredJournal, JournaledFiredStore } from './fired-journal';
import { DeadlineCache, MirroredFiredStore, type DeadlineSource, type FiredTable, type Notifier } from './reminder-ports';
import { ReminderScheduler, digestId, type CheckReport } from './reminder-scheduler';
import type { NotifiableEntry, ReminderService } from './reminder.service';

/**
 * Channels after which the notification cache is filled again (debounced): they change due dates, the
 * assignment of cases, or who sees what. Reminder and task channels notify through ReminderService.
 * Handover adds the channels that change handover deadlines.
 */
export const DEADLINE_CHANNELS: ReadonlySet<string> = new Set([
  'persons.create',
  'persons.update',
  'persons.assign',
  'persons.erase',
  'procedure.openTrack',
  'procedure.recordEvent',
  'procedure.removeEvent',
]);

/** Days beyond the lead window the cache reaches, so a vault locked for a month still reminds. */
export const CACHE_MARGIN_DAYS = 31;
/** Fired ids whose due date is older than this are pruned at unlock. */
export const FIRED_KEEP_DAYS = 400;

/** This desktop's reminder preferences (electron-store in the app: nothing personal). */
export interface DesktopReminderPrefsStore {
  get(): DesktopReminderPrefs;
  set(prefs: DesktopReminderPrefs): void;
  /** What this build can do: the CLI and the test bridge show no notifications and have no tray. */
  readonly supported: { readonly notifications: boolean; readonly tray: boolean };
}

export function memoryReminderPrefs(
  initial: Partial<DesktopReminderPrefs> = {},
  supported: { notifications: boolean; tray: boolean } = { notifications: false, tray: false },
): DesktopReminderPrefsStore {
  let prefs = desktopReminderPrefsSchema.parse({ ...DEFAULT_DESKTOP_REMINDER_PREFS, ...initial });
  return {
    get: () => prefs,
    set: (next) => {
      prefs = desktopReminderPrefsSchema.parse(next);
    },
    supported,
  };
}

/** The fired-reminders table of the vault. Both methods throw LOCKED while the vault is locked. */
export class VaultFiredTable implements FiredTable {
  constructor(private readonly vault: VaultService) {}

  loadAll(): Iterable<string> {
    return this.vault.read((db) => new RemindersRepo(db).firedIds());
  }

  insert(reminderIds: readonly string[]): void {
    this.vault.write(({ db, now }) => new RemindersRepo(db).insertFired(reminderIds, now));
  }
}

/** The cache the scheduler reads: open deadlines, minus the snoozed ones until their snooze ends. */
export class NotificationDeadlines implements DeadlineSource {
  private readonly cache = new DeadlineCache();
  private snoozed = new Map<string, CalendarDate>();
  private filtered: { day: CalendarDate; list: readonly NotifiableDeadline[] } | null = null;

  constructor(private readonly today: () => CalendarDate) {}

  replace(entries: readonly NotifiableEntry[]): void {
    this.cache.replace(entries.map((e) => e.deadline));
    this.snoozed = new Map(entries.filter((e) => e.snoozedUntil !== null).map((e) => [e.deadline.id, e.snoozedUntil as CalendarDate]));
    this.filtered = null;
  }

  clear(): void {
    this.cache.clear();
    this.snoozed.clear();
    this.filtered = null;
  }

  /** Same array (and objects) all day until the next replace: the scheduler caches plans per object. */
  deadlines(): readonly NotifiableDeadline[] {
    const day = this.today();
    if (this.filtered?.day === day) return this.filtered.list;
    const all = this.cache.deadlines();
    const list =
      this.snoozed.size === 0
        ? all
        : all.filter((d) => {
            const until = this.snoozed.get(d.id);
            return until === undefined || until <= day;
          });
    this.filtered = { day, list };
    return list;
  }

  get size(): number {
    return this.cache.deadlines().length;
  }
}

export interface ReminderNotificationsDeps {
  readonly vault: VaultService;
  readonly service: ReminderService;
  readonly clock: Clock;
  readonly notifier: Notifier;
  readonly calendar: WorkingDayCalendar;
  readonly prefs: DesktopReminderPrefsStore;
  /** The notification language (this desktop's preference). */
  readonly language: () => Language;
  readonly logger: Logger;
  readonly timeZone?: string;
  /** Debounce of refreshes after changes (default 300 ms). */
  readonly refreshDelayMs?: number;
  readonly clearOnLock?: boolean;
  readonly checkEveryMinutes?: number;
}

export class ReminderNotifications {
  readonly fired: MirroredFiredStore;
  /** What fired while locked, hashed, beside the vault: survives a quit before the next unlock. */
  readonly journal: FiredJournal;
  private readonly deadlines: NotificationDeadlines;
  private readonly scheduler: ReminderScheduler;
  private readonly timeZone: string;
  private leadSettings: ReminderSettings = DEFAULT_REMINDER_SETTINGS;
  private refreshTimer: TimerHandle | null = null;
  private midnightTimer: TimerHandle | null = null;
  private started = false;

  constructor(private readonly deps: ReminderNotificationsDeps) {
    this.timeZone = deps.timeZone ?? systemTimeZone();
    this.fired = new MirroredFiredStore(new VaultFiredTable(deps.vault), deps.logger);
    this.journal = new FiredJournal(deps.vault.dir, deps.logger);
    this.deadlines = new NotificationDeadlines(() => localDate(deps.clock.now(), this.timeZone));
    this.scheduler = new ReminderScheduler({
      clock: deps.clock,
      deadlines: this.deadlines,
      fired: new JournaledFiredStore(this.fired, this.journal),
      notifier: deps.notifier,
      calendar: deps.calendar,
      settings: () => this.leadSettings,
      digest: () => deps.prefs.get().digest,
      language: deps.language,
      timeZone: this.timeZone,
      logger: deps.logger,
      ...(deps.checkEveryMinutes ? { checkEveryMinutes: deps.checkEveryMinutes } : {}),
    });
  }

  /** At app start: the scheduler runs from now on (when this desktop wants notifications). */
  start(): void {
    this.started = true;
    if (this.deps.prefs.get().notifications && !this.scheduler.isRunning()) this.scheduler.start();
    this.scheduleMidnight();
  }

  stop(): void {
    this.started = false;
    this.scheduler.stop();
    this.refreshTimer?.cancel();
    this.refreshTimer = null;
    this.midnightTimer?.cancel();
    this.midnightTimer = null;
  }

  /** After every unlock: the fired table, then the deadlines the signed-in user sees, then a check. */
  unlocked(): void {
    try {
      this.fired.load();
      const today = localDate(this.deps.clock.now(), this.timeZone);
      const pruned = this.deps.vault.write(({ db }) => new RemindersRepo(db).pruneFired(addDays(today, -FIRED_KEEP_DAYS)));
      if (pruned > 0) this.deps.logger.info('reminders.firedPruned', { count: pruned });
    } catch (error) {
      this.deps.logger.error('reminders.firedLoadFailed', error);
    }
    this.refresh();
  }

  locked(): void {
    this.refreshTimer?.cancel();
    this.refreshTimer = null;
    if (this.deps.clearOnLock) this.deadlines.clear();
  }

  /** Reads the open deadlines again (unlocked only) and checks. False when it could not read them. */
  refresh(): boolean {
    this.refreshTimer?.cancel();
    this.refreshTimer = null;
    const actor = this.deps.vault.session();
    if (!actor) return false;
    try {
      const settings = this.deps.service.currentSettings();
      if (JSON.stringify(settings) !== JSON.stringify(this.leadSettings)) this.leadSettings = settings;
      const today = localDate(this.deps.clock.now(), this.timeZone);
      const range = this.deps.service.notificationRange(today, this.leadSettings, CACHE_MARGIN_DAYS);
      this.deadlines.replace(this.deps.service.notifiableItems(actor, range));
      this.settleJournal(today);
    } catch (error) {
      this.deps.logger.error('reminders.refreshFailed', error);
      return false;
    }
    this.checkNow();
    return true;
  }

  /**
   * Right after a record was erased, not a moment later (a lock in between would keep the cache): the
   * deadlines are read again; should that fail, the cache is emptied rather than keep the erased case code.
   */
  afterErasure(): void {
    if (!this.refresh()) this.deadlines.clear();
  }

  /** After a change of what is due: refreshes a moment later, once for a burst of changes. */
  requestRefresh(): void {
    if (this.refreshTimer || !this.deps.vault.session()) return;
    this.refreshTimer = this.deps.clock.setTimeout(() => {
      this.refreshTimer = null;
      this.refresh();
    }, this.deps.refreshDelayMs ?? 300);
  }

  /** After this desktop's preferences changed: start or stop, and re-plan the digest time. */
  prefsChanged(): void {
    if (!this.started) return;
    const on = this.deps.prefs.get().notifications;
    if (on && !this.scheduler.isRunning()) this.scheduler.start();
    else if (!on && this.scheduler.isRunning()) this.scheduler.stop();
    else this.checkNow();
  }

  /** Checks now (the computer resumed, something changed). Null when notifications are off. */
  checkNow(): CheckReport | null {
    return this.scheduler.isRunning() ? this.scheduler.checkNow() : null;
  }

  /** How many deadlines the cache holds (for tests and logs: a count, never the content). */
  cachedDeadlines(): number {
    return this.deadlines.size;
  }

  isRunning(): boolean {
    return this.scheduler.isRunning();
  }

  /**
   * Writes to the fired table what the journal says fired while locked (matched against the reminder
   * ids of the deadlines now known, and the digests of the last weeks), then removes the journal.
   */
  private settleJournal(today: CalendarDate): void {
    if (this.journal.size === 0 || this.fired.pendingCount > 0) return;
    const candidates: string[] = [];
    for (const deadline of this.deadlines.deadlines()) {
      if (!mayRemindBy(deadline, today, this.leadSettings)) continue;
      for (const r of planDeadline(deadline, this.leadSettings, this.deps.calendar).reminders) if (r.notifyOn <= today) candidates.push(r.id);
    }
    for (let i = 0; i <= 60; i++) candidates.push(digestId(addDays(today, -i)));
    const matched = this.journal.matching(candidates);
    if (matched.length > 0) this.fired.add(matched);
    if (this.fired.pendingCount === 0) {
      this.journal.clear();
      this.deps.logger.info('reminders.journalSettled', { count: matched.length });
    }
  }

  private scheduleMidnight(): void {
    this.midnightTimer?.cancel();
    const now = this.deps.clock.now();
    // A minute after midnight, so the day has turned everywhere it is read.
    const wait = nextLocalMidnight(now, this.timeZone) - now.getTime() + 60_000;
    this.midnightTimer = this.deps.clock.setTimeout(() => {
      this.midnightTimer = null;
      if (!this.started) return;
      this.refresh();
      this.scheduleMidnight();
    }, wait);
  }
}
