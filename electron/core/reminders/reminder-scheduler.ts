/**
 * Desktop notifications of deadlines, pure timer logic on the Clock
 * port like auto-lock.ts; electron/main gives it Electron's Notification behind the Notifier port.
 *
 * - It checks at `start()`, at every local midnight, every `checkEveryMinutes` (sleep, clock changes),
 *   at the digest time, and whenever the integrator calls `checkNow()` (unlock, a deadline changed,
 *   settings changed, the computer resumed).
 * - A check sends what is due on or before today and not yet fired. A deadline with several such
 *   reminders (the app was closed over several lead days, or two lead times landed on the same working
 *   day) gets ONE notification, in words of today ("ends in 2 days"), and all of them are recorded as
 *   fired: missed reminders fire once on the next start, not once per missed day.
 * - More than `maxSeparateNotifications` deadlines at once (a long absence, a first start): one summary
 *   with counts instead of a flood.
 * - Recorded in the FiredStore after the notification was shown; a notifier that throws leaves them
 *   unrecorded for the next check. The store is asked first, so a new scheduler on the same store (a
 *   restart) fires nothing twice. A store that cannot be read skips the deadline for this check (no
 *   duplicates); one that cannot be written is retried at every check, and this session remembers.
 * - The daily digest (optional, per desktop) fires once a day at the chosen local time, or at the first
 *   check after it (app started later that day); earlier days' digests are not caught up. It is left
 *   out when there is nothing to count.
 *
 * Text: only shared/reminders/reminder-texts, which takes the kind, the days and the case code and
 * nothing else. Logs: counts only, never a case code.
 */
import type { CalendarDate } from '../../../shared/dates/calendar-date';
import type { Language } from '../../../shared/domain';
import { countDeadlines } from '../../../shared/reminders/dashboard';
import { toEpochDay } from '../../../shared/reminders/epoch-day';
import { mayRemindBy, planDeadline, type DeadlinePlan } from '../../../shared/reminders/reminder-plan';
import type { NotifiableDeadline } from '../../../shared/reminders/reminder.types';
import type { DigestSettings, ReminderSettings } from '../../../shared/reminders/reminder-settings';
import {
  digestNotification,
  reminderNotification,
  summaryNotification,
} from '../../../shared/reminders/reminder-texts';
import type { WorkingDayCalendar } from '../../../shared/reminders/working-day-calendar';
import { silentLogger, type Clock, type Logger, type TimerHandle } from '../ports';
import { localDate, localTimeOn, nextLocalMidnight, systemTimeZone } from './local-time';
import type { DeadlineSource, FiredStore, Notifier, ReminderNotification } from './reminder-ports';

export interface ReminderSchedulerDeps {
  readonly clock: Clock;
  readonly deadlines: DeadlineSource;
  readonly fired: FiredStore;
  readonly notifier: Notifier;
  readonly calendar: WorkingDayCalendar;
  /** Lead days (vault-wide; the integrator keeps the last value read while unlocked). Return the same
   * object until it changes: plans are cached per deadline and settings object. */
  readonly settings: () => ReminderSettings;
  /** The daily digest of this desktop; null or disabled: none. */
  readonly digest?: () => DigestSettings | null;
  /** The user's language (the desktop's preference, readable while locked). */
  readonly language: () => Language;
  /** IANA zone of "today" and midnight; default the system's. */
  readonly timeZone?: string;
  readonly checkEveryMinutes?: number;
  readonly maxSeparateNotifications?: number;
  readonly logger?: Logger;
}

export interface CheckReport {
  readonly today: CalendarDate;
  /** Notifications shown in this check (reminders, summary and digest). */
  readonly notifications: number;
  /** Reminder ids recorded as fired in this check. */
  readonly fired: readonly string[];
  readonly summary: boolean;
  readonly digest: boolean;
}

export const DEFAULT_CHECK_EVERY_MINUTES = 15;
export const DEFAULT_MAX_SEPARATE_NOTIFICATIONS = 3;

export function digestId(date: CalendarDate): string {
  return `digest:${date}`;
}

interface DueDeadline {
  readonly deadline: NotifiableDeadline;
  readonly ids: readonly string[];
  readonly daysLeft: number;
}

export class ReminderScheduler {
  private timer: TimerHandle | null = null;
  private running = false;
  /** Fired in this session (also when the store could not record them). */
  private readonly firedThisSession = new Set<string>();
  /** Fired but not yet recorded by the store. */
  private readonly unrecorded = new Set<string>();
  private readonly timeZone: string;
  private readonly checkEveryMs: number;
  private readonly maxSeparate: number;
  private readonly logger: Logger;
  /** Plans by deadline object (DeadlineCache hands out the same frozen objects until the next replace). */
  private plans = new WeakMap<NotifiableDeadline, { settings: ReminderSettings; plan: DeadlinePlan }>();

  constructor(private readonly deps: ReminderSchedulerDeps) {
    this.timeZone = deps.timeZone ?? systemTimeZone();
    this.checkEveryMs = Math.max(1, deps.checkEveryMinutes ?? DEFAULT_CHECK_EVERY_MINUTES) * 60_000;
    this.maxSeparate = Math.max(1, deps.maxSeparateNotifications ?? DEFAULT_MAX_SEPARATE_NOTIFICATIONS);
    this.logger = deps.logger ?? silentLogger;
  }

  /** Checks at once, then keeps checking. */
  start(): CheckReport {
    this.running = true;
    const report = this.check();
    this.schedule();
    return report;
  }

  stop(): void {
    this.running = false;
    this.timer?.cancel();
    this.timer = null;
  }

  isRunning(): boolean {
    return this.running;
  }

  /** Checks now and re-plans the next wake-up (after an unlock, a change of deadlines or settings, a resume). */
  checkNow(): CheckReport {
    const report = this.check();
    if (this.running) this.schedule();
    return report;
  }

  private check(): CheckReport {
    const now = this.deps.clock.now();
    const today = localDate(now, this.timeZone);
    this.recordPending();
    const language = this.deps.language();
    const deadlines = this.readDeadlines();
    const due = this.dueDeadlines(deadlines, today);
    let notifications = 0;
    const fired: string[] = [];
    let summary = false;

    if (due.length > this.maxSeparate) {
      const counts = countDeadlines(due.map((x) => x.deadline), today);
      const ids = due.flatMap((x) => x.ids);
      if (this.show(summaryNotification(due.length, counts, language))) {
        notifications += 1;
        summary = true;
        this.record(ids);
        fired.push(...ids);
      }
    } else {
      for (const { deadline, ids, daysLeft } of due) {
        const text = reminderNotification({ kind: deadline.kind, caseCode: deadline.caseCode, daysLeft, language });
        if (this.show(text)) {
          notifications += 1;
          this.record(ids);
          fired.push(...ids);
        }
      }
    }

    const digest = this.digestDue(now, today) ? this.sendDigest(deadlines, today, language) : false;
    if (digest) notifications += 1;
    if (notifications > 0 || due.length > 0) {
      this.logger.info('reminders.check', { deadlines: due.length, reminders: fired.length, notifications, summary, digest });
    }
    return { today, notifications, fired, summary, digest };
  }

  private readDeadlines(): readonly NotifiableDeadline[] {
    try {
      return this.deps.deadlines.deadlines();
    } catch (error) {
      this.logger.error('reminders.deadlinesUnavailable', error);
      return [];
    }
  }

  private dueDeadlines(deadlines: readonly NotifiableDeadline[], today: CalendarDate): DueDeadline[] {
    const settings = this.deps.settings();
    const todayDay = toEpochDay(today);
    const out: DueDeadline[] = [];
    let unreadable = 0;
    for (const deadline of deadlines) {
      if (!mayRemindBy(deadline, today, settings)) continue;
      const plan = this.planOf(deadline, settings);
      const ids: string[] = [];
      let unknown = false;
      for (const reminder of plan.reminders) {
        if (reminder.notifyOn > today) continue;
        const state = this.firedState(reminder.id);
        if (state === 'unknown') unknown = true;
        else if (state === 'no') ids.push(reminder.id);
      }
      if (unknown) {
        unreadable += 1;
        continue;
      }
      if (ids.length > 0) out.push({ deadline, ids, daysLeft: toEpochDay(deadline.dueDate) - todayDay });
    }
    if (unreadable > 0) this.logger.warn('reminders.firedStoreUnreadable', { deadlines: unreadable });
    return out.sort(
      (a, b) =>
        (a.deadline.dueDate < b.deadline.dueDate ? -1 : a.deadline.dueDate > b.deadline.dueDate ? 1 : 0) ||
        (a.deadline.caseCode < b.deadline.caseCode ? -1 : a.deadline.caseCode > b.deadline.caseCode ? 1 : 0),
    );
  }

  private planOf(deadline: NotifiableDeadline, settings: ReminderSettings): DeadlinePlan {
    const cached = this.plans.get(deadline);
    if (cached && cached.settings === settings) return cached.plan;
    const plan = planDeadline(deadline, settings, this.deps.calendar);
    this.plans.set(deadline, { settings, plan });
    return plan;
  }

  private firedState(id: string): 'yes' | 'no' | 'unknown' {
    if (this.firedThisSession.has(id)) return 'yes';
    try {
      if (!this.deps.fired.has(id)) return 'no';
      this.firedThisSession.add(id); // ask the store once per session
      return 'yes';
    } catch {
      return 'unknown';
    }
  }

  private show(notification: ReminderNotification): boolean {
    try {
      this.deps.notifier.notify(notification);
      return true;
    } catch (error) {
      this.logger.error('reminders.notifyFailed', error);
      return false;
    }
  }

  private record(ids: readonly string[]): void {
    for (const id of ids) {
      this.firedThisSession.add(id);
      this.unrecorded.add(id);
    }
    this.recordPending();
  }

  private recordPending(): void {
    if (this.unrecorded.size === 0) return;
    try {
      this.deps.fired.add([...this.unrecorded]);
      this.unrecorded.clear();
    } catch {
      this.logger.warn('reminders.firedNotRecorded', { count: this.unrecorded.size });
    }
  }

  private digestSettings(): DigestSettings | null {
    const digest = this.deps.digest?.() ?? null;
    return digest && digest.enabled ? digest : null;
  }

  private digestDue(now: Date, today: CalendarDate): boolean {
    const digest = this.digestSettings();
    if (!digest) return false;
    if (now.getTime() < localTimeOn(today, digest.time, this.timeZone)) return false;
    return this.firedState(digestId(today)) === 'no';
  }

  private sendDigest(deadlines: readonly NotifiableDeadline[], today: CalendarDate, language: Language): boolean {
    const counts = countDeadlines(deadlines, today);
    const total = counts.overdue + counts.today + counts.thisWeek + counts.next30Days;
    if (total > 0 && !this.show(digestNotification(counts, language))) return false;
    this.record([digestId(today)]);
    return total > 0;
  }

  private schedule(): void {
    this.timer?.cancel();
    const now = this.deps.clock.now();
    const nowMs = now.getTime();
    let next = Math.min(nowMs + this.checkEveryMs, nextLocalMidnight(now, this.timeZone));
    const digest = this.digestSettings();
    if (digest) {
      const at = localTimeOn(localDate(now, this.timeZone), digest.time, this.timeZone);
      if (at > nowMs) next = Math.min(next, at);
    }
    this.timer = this.deps.clock.setTimeout(() => {
      this.timer = null;
      if (!this.running) return;
      this.check();
      this.schedule();
    }, Math.max(0, next - nowMs));
  }
}
