/**
 * Reminders: what is due, from every source (reminder-sources.ts), for the dashboard, the
 * notifications, the calendar export and the CLI; marking an item done or snoozing it with a reason;
 * the vault-wide lead days.
 *
 * Access: every signed-in role; a caseworker sees only the deadlines of the persons assigned to them
 * and the tasks assigned to them or about those persons (anything else is NOT_FOUND), whatever scope
 * they ask for. Audit: done, snooze and reopen record the action and the person's uuid only (a task's
 * uuid for a task about nobody): not the kind, the reason or the note.
 *
 * Speed (100k persons): the due dates up to the dashboard's horizon are read over their index with the
 * case code only, grouped in memory (shared/reminders/dashboard.ts), and only the rows sent (50 per
 * group unless more are asked for) get their names, in one query.
 */
import { UsersRepo } from '../../../db/users.repo';
import { RemindersRepo, type DispositionRow } from '../../../db/reminders.repo';
import { SettingsRepo } from '../../../db/settings.repo';
import { addDays, formatDate, type CalendarDate } from '../../../shared/dates/calendar-date';
import type { Language } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { SessionUser } from '../../../shared/ipc/contract';
import { DASHBOARD_GROUPS, dashboardBounds, groupDashboard, type DashboardGroup } from '../../../shared/reminders/dashboard';
import { remindersDueOn, type PlannedReminder } from '../../../shared/reminders/reminder-plan';
import { toNotifiable, type NotifiableDeadline } from '../../../shared/reminders/reminder.types';
import {
  DEFAULT_REMINDER_SETTINGS,
  parseReminderSettings,
  reminderSettingsSchema,
  type ReminderSettings,
} from '../../../shared/reminders/reminder-settings';
import {
  DASHBOARD_ROWS_DEFAULT,
  PROCEDURE_DONE_REASON,
  SNOOZE_MAX_DAYS_WHEN_DUE,
  type DashboardRowView,
  type DashboardView,
  type DoneReason,
  type ReminderState,
  type SnoozeReason,
} from '../../../shared/reminders/reminders.schema';
import { reminderNotification, type NotificationText } from '../../../shared/reminders/reminder-texts';
import type { WorkingDayCalendar } from '../../../shared/reminders/working-day-calendar';
import { epochWeekday, toEpochDay } from '../../../shared/reminders/epoch-day';
import { WEEKDAY_IDS, type WeekdayId } from '../../../shared/dates/calendar-date';
import type { Db } from '../../../db/connection';
import { seesEveryCase, todayOf } from '../persons/person-access';
import type { Clock } from '../ports';
import { checkVersion } from '../record-version';
import type { VaultService } from '../vault/vault.service';
import { deadlinesToIcs } from './ics-export';
import {
  procedureSource,
  sourceOf,
  taskSource,
  type Decision,
  type DueRange,
  type ReminderSourceProvider,
  type SourceItem,
  type Viewer,
} from './reminder-sources';

export const SETTING_REMINDER_LEAD_DAYS = 'reminderLeadDays';
/** Events in one calendar file at most. */
export const CALENDAR_MAX_EVENTS = 3000;
/** Overdue deadlines older than this are not notified (the dashboard lists them). */
export const NOTIFY_OVERDUE_DAYS = 30;
/**
 * The longest run of non-working days the notification cache allows for, twice (before a deadline and
 * before a reminder day). The BE, NL and LU calendars never have more than 4 in a row (a weekend and
 * Easter or Whit Monday, Christmas and Boxing Day); the cache is refilled every day while unlocked.
 */
export const NON_WORKING_RUN_BOUND = 7;
/** Handled (done or snoozed) rows sent at most. */
export const HANDLED_ROWS_MAX = 200;
/** Rows of each group when the caller does not say. */
export { DASHBOARD_ROWS_DEFAULT };

export interface DashboardQuery {
  scope: 'mine' | 'all';
  limits: Partial<Record<DashboardGroup, number>>;
  includeHandled: boolean;
  today?: CalendarDate | undefined;
}

/** An open item for the notifier: the five non-personal fields, and the day a snooze ends. */
export interface NotifiableEntry {
  readonly deadline: NotifiableDeadline;
  readonly snoozedUntil: CalendarDate | null;
}

export interface DueTodayEntry {
  readonly deadline: NotifiableDeadline;
  readonly daysLeft: number;
  readonly actBy: CalendarDate;
  readonly nonWorking: string | null;
  readonly reminders: readonly (PlannedReminder & { readonly fired: boolean })[];
  readonly notification: NotificationText;
}

type Handled = { state: 'done' | 'snoozed'; until: CalendarDate | null };

/** The state of an item on `today`: from the source (tasks) or from a decision about the same due date. */
function stateOf(item: SourceItem, decision: DispositionRow | undefined, today: CalendarDate): Handled | null {
  if (item.state !== undefined) {
    if (item.state === 'done') return { state: 'done', until: null };
    if (item.state === 'snoozed' && item.snoozedUntil && item.snoozedUntil > today) return { state: 'snoozed', until: item.snoozedUntil };
    return null;
  }
  if (!decision || decision.dueDate !== item.dueDate) return null;
  // A procedure deadline ends only when the event that meets it is recorded (the track, the person
  // list and the dashboard then agree); "done" on one is a dated follow-up that leaves it open.
  if (decision.state === 'done') return item.source === 'procedure' ? null : { state: 'done', until: null };
  if (decision.snoozedUntil && decision.snoozedUntil > today) return { state: 'snoozed', until: decision.snoozedUntil };
  return null;
}

/** The calendar day, on this computer, of a stored timestamp (as `todayOf` reads the clock). */
function localDateOf(iso: string): CalendarDate {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` as CalendarDate;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The dashboard's order: due date, case code, id (as shared/reminders/dashboard.ts and the SQL sort). */
function compareItems(a: SourceItem, b: SourceItem): number {
  return compareText(a.dueDate, b.dueDate) || compareText(a.caseCode, b.caseCode) || compareText(a.id, b.id);
}

/** The first `limit` items of lists each already in the dashboard's order. */
function mergeSorted(lists: readonly SourceItem[][], limit: number): SourceItem[] {
  const nonEmpty = lists.filter((l) => l.length > 0);
  if (nonEmpty.length === 1) return (nonEmpty[0] as SourceItem[]).slice(0, limit);
  return nonEmpty.flat().sort(compareItems).slice(0, limit);
}

function displayName(row: { givenNames: string; familyName: string; aliases: string } | undefined): string | null {
  if (!row) return null;
  const name = [row.familyName, row.givenNames].filter((part) => part.trim() !== '').join(', ');
  if (name) return name;
  try {
    const aliases = JSON.parse(row.aliases) as unknown;
    return Array.isArray(aliases) && typeof aliases[0] === 'string' ? aliases[0] : null;
  } catch {
    return null;
  }
}

export class ReminderService {
  private readonly sources = new Map<string, ReminderSourceProvider>();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly vault: VaultService,
    private readonly clock: Clock,
    private readonly calendar: WorkingDayCalendar,
    private readonly language: () => Language,
  ) {
    this.addSource(procedureSource);
    this.addSource(taskSource);
    // Decisions about due dates that have since moved or ended never apply again: drop them at unlock,
    // so the dashboard's done/snoozed lookups stay as small as what is actually handled.
    vault.onChange((change) => {
      if (change.state !== 'unlocked') return;
      try {
        vault.write(({ db }) => new RemindersRepo(db).pruneStaleDispositions());
      } catch {
        /* a read-only moment (re-key): next unlock */
      }
    });
  }

  /** Adds a source of reminder items (handover deadlines). See reminder-sources.ts. */
  addSource(source: ReminderSourceProvider): void {
    this.sources.set(source.source, source);
  }

  /** Called after every change this service (or the task service) makes to what is due. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells the listeners (the notification cache) that items changed. */
  changed(): void {
    for (const l of this.listeners) l();
  }

  private today(): CalendarDate {
    return todayOf(this.clock);
  }

  private collect(db: Db, viewer: Viewer, range: DueRange): SourceItem[] {
    const out: SourceItem[] = [];
    for (const source of this.sources.values()) {
      const items = source.list(db, viewer, range);
      for (let i = 0; i < items.length; i++) out.push(items[i] as SourceItem);
    }
    return out;
  }

  private decisions(db: Db): Map<string, DispositionRow> {
    const map = new Map<string, DispositionRow>();
    for (const d of new RemindersRepo(db).dispositions()) map.set(d.itemId, d);
    return map;
  }

  // ------------------------------------------------------------ dashboard

  /**
   * The dashboard: each large source summarises itself in SQL (counts over an index, the first rows
   * of each group); the others' items are listed and grouped here; both are merged in the
   * dashboard's order (due date, case code, id) and only the rows sent get names.
   */
  dashboard(query: DashboardQuery): DashboardView {
    const actor = this.vault.requireSession();
    const today = query.today ?? this.today();
    const { weekEnd, horizon } = dashboardBounds(today);
    const viewer: Viewer = { actor, scope: query.scope };
    const limits = {} as Record<DashboardGroup, number>;
    for (const group of DASHBOARD_GROUPS) limits[group] = query.limits[group] ?? DASHBOARD_ROWS_DEFAULT;

    return this.vault.read((db) => {
      const counts: Record<DashboardGroup, number> = { overdue: 0, today: 0, thisWeek: 0, next30Days: 0 };
      const firstRows: Record<DashboardGroup, SourceItem[][]> = { overdue: [], today: [], thisWeek: [], next30Days: [] };
      const handled: { item: SourceItem; handled: Handled }[] = [];
      let later = 0;
      const listed: SourceItem[] = [];
      let decisions: Map<string, DispositionRow> | null = null;

      for (const source of this.sources.values()) {
        const summary = source.summarize?.(db, viewer, { today, weekEnd, horizon, limits }) ?? null;
        if (summary) {
          for (const group of DASHBOARD_GROUPS) {
            counts[group] += summary.counts[group];
            firstRows[group].push(summary.rows[group]);
          }
          later += summary.later;
          for (const h of summary.handled) handled.push({ item: h.item, handled: { state: h.state, until: h.until } });
          continue;
        }
        // Listed whole (a caseload, the tasks): one read, and "later" counted here rather than read again.
        for (const item of source.list(db, viewer, { from: null, to: null })) {
          if (item.dueDate > horizon) {
            if (item.state !== 'done') later += 1;
            continue;
          }
          if (item.state === undefined) decisions ??= this.decisions(db);
          const h = stateOf(item, decisions?.get(item.id), today);
          if (h) handled.push({ item, handled: h });
          else listed.push(item);
        }
      }

      const grouped = groupDashboard(listed, { today });
      for (const group of DASHBOARD_GROUPS) {
        counts[group] += grouped.groups[group].length;
        firstRows[group].push(grouped.groups[group].slice(0, limits[group]).map((row) => row.item));
      }

      const picked = {} as Record<DashboardGroup, SourceItem[]>;
      for (const group of DASHBOARD_GROUPS) picked[group] = mergeSorted(firstRows[group], limits[group]);
      handled.sort((a, b) => compareItems(a.item, b.item));
      const handledShown = query.includeHandled ? handled.slice(0, HANDLED_ROWS_MAX) : [];

      const personIds = new Set<string>();
      for (const group of DASHBOARD_GROUPS) for (const item of picked[group]) if (item.personId) personIds.add(item.personId);
      for (const h of handledShown) if (h.item.personId) personIds.add(h.item.personId);
      const names = new RemindersRepo(db).names([...personIds]);
      decisions ??= this.decisions(db);
      const followedUp = (item: SourceItem): CalendarDate | null => {
        if (item.source !== 'procedure') return null;
        const d = decisions?.get(item.id);
        return d && d.state === 'done' && d.dueDate === item.dueDate ? localDateOf(d.decidedAt) : null;
      };
      const users = new Map(new UsersRepo(db).all().map((u) => [u.id, u.displayName]));
      const todayDay = toEpochDay(today);

      const view = (item: SourceItem, state: ReminderState, until: CalendarDate | null): DashboardRowView => {
        const day = toEpochDay(item.dueDate);
        const nonWorking = this.calendar.nonWorkingReason(item.dueDate, item.country);
        return {
          id: item.id,
          source: item.source,
          kind: item.kind,
          personId: item.personId,
          caseCode: item.caseCode || null,
          name: item.personId ? displayName(names.get(item.personId)) : null,
          title: item.title,
          country: item.country,
          dueDate: item.dueDate,
          weekday: WEEKDAY_IDS[epochWeekday(day) - 1] as WeekdayId,
          daysLeft: day - todayDay,
          nonWorking: nonWorking ? { type: nonWorking.type, label: { ...nonWorking.label } } : null,
          actBy: nonWorking ? this.calendar.previousWorkingDay(item.dueDate, item.country) : item.dueDate,
          assigneeId: item.assigneeId,
          assigneeName: item.assigneeId ? (users.get(item.assigneeId) ?? null) : null,
          state,
          snoozedUntil: until,
          followedUpOn: state === 'open' ? followedUp(item) : null,
          basis: item.basis ?? null,
          recomputed: item.recomputed ?? false,
          version: item.version ?? null,
        };
      };

      const groups = {} as DashboardView['groups'];
      for (const group of DASHBOARD_GROUPS) {
        groups[group] = { total: counts[group], rows: picked[group].map((item) => view(item, 'open', null)) };
      }
      const missing = new RemindersRepo(db).missingExpiry(
        !seesEveryCase(actor) || query.scope === 'mine' ? actor.id : null,
        limits.overdue,
      );
      return {
        missingExpiry: {
          total: missing.total,
          rows: missing.rows.map((r) => ({ personId: r.id, caseCode: r.caseCode, name: displayName(r), country: r.country })),
        },
        today,
        weekEnd,
        horizon,
        scope: query.scope,
        groups,
        later,
        handled: handledShown.map((h) => view(h.item, h.handled.state, h.handled.until)),
        handledTotal: handled.length,
      };
    });
  }

  // ------------------------------------------------------------ done, snooze, reopen

  private sourceFor(itemId: string): ReminderSourceProvider {
    const name = sourceOf(itemId);
    const source = name ? this.sources.get(name) : undefined;
    if (!source) throw new AppError('NOT_FOUND', 'notFound');
    return source;
  }

  private decide(
    itemId: string,
    decision: Decision | null,
    action: 'reminder.done' | 'reminder.snooze' | 'reminder.reopen',
    expectedVersion: number | undefined,
  ): void {
    const actor = this.vault.requireSession();
    const source = this.sourceFor(itemId);
    const today = this.today();
    this.vault.write((ctx) => {
      const item = source.get(ctx.db, actor, itemId);
      // A task is a versioned record: done or snoozed on a stale page is refused like any stale edit.
      // Other items (deadlines derived from tracks) carry no version of their own: the expected
      // version is not checked for them.
      if (source.stamp) checkVersion(ctx.db, expectedVersion, source.stamp(ctx.db, item));
      if (item.source === 'procedure' && decision?.state === 'done' && decision.reason !== PROCEDURE_DONE_REASON) {
        throw new AppError('RULE_VIOLATION', 'procedureDoneByEvent');
      }
      if (decision?.state === 'snoozed') checkSnooze(item.dueDate, decision.until, today);
      if (source.decide) {
        source.decide(ctx, item, decision, actor);
      } else {
        const repo = new RemindersRepo(ctx.db);
        if (decision === null) repo.deleteDisposition(itemId);
        else {
          repo.upsertDisposition({
            itemId,
            dueDate: item.dueDate,
            personId: item.personId,
            state: decision.state,
            snoozedUntil: decision.state === 'snoozed' ? decision.until : null,
            reason: decision.reason,
            note: decision.note,
            decidedAt: ctx.now,
            decidedBy: actor.id,
          });
        }
      }
      // The person's uuid only (a task about nobody: the task's uuid). No kind, reason or note.
      ctx.audit({
        actorId: actor.id,
        actorName: actor.username,
        action,
        subjectType: item.personId ? 'person' : 'task',
        subjectId: item.personId ?? item.id.slice(item.id.indexOf(':') + 1),
      });
    });
    this.changed();
  }

  markDone(input: { itemId: string; reason: DoneReason; note: string; expectedVersion?: number | undefined }): null {
    this.decide(input.itemId, { state: 'done', reason: input.reason, note: input.note }, 'reminder.done', input.expectedVersion);
    return null;
  }

  snooze(input: { itemId: string; until: CalendarDate; reason: SnoozeReason; note: string; expectedVersion?: number | undefined }): null {
    this.decide(input.itemId, { state: 'snoozed', until: input.until, reason: input.reason, note: input.note }, 'reminder.snooze', input.expectedVersion);
    return null;
  }

  reopen(input: { itemId: string; expectedVersion?: number | undefined }): null {
    this.decide(input.itemId, null, 'reminder.reopen', input.expectedVersion);
    return null;
  }

  // ------------------------------------------------------------ lead days

  /** The vault's lead days, without a session check (the notifier reads them at unlock). */
  currentSettings(): ReminderSettings {
    return this.vault.read((db) => {
      const stored = new SettingsRepo(db).get(SETTING_REMINDER_LEAD_DAYS);
      const parsed = reminderSettingsSchema.safeParse(stored ?? {});
      return parsed.success ? parsed.data : DEFAULT_REMINDER_SETTINGS;
    });
  }

  settings(): ReminderSettings {
    this.vault.requireSession();
    return this.currentSettings();
  }

  /** Admin: changes the lead days of the kinds given; the others keep theirs. */
  updateSettings(input: { leadDays: Partial<Record<string, number[] | undefined>> }): ReminderSettings {
    const actor = this.vault.requireRole('admin');
    const current = this.currentSettings();
    const changed = Object.entries(input.leadDays).filter(([, days]) => days !== undefined);
    const next = parseReminderSettings({ leadDays: { ...current.leadDays, ...Object.fromEntries(changed) } });
    this.vault.write(({ db, now, audit }) => {
      new SettingsRepo(db).set(SETTING_REMINDER_LEAD_DAYS, next, now);
      audit({
        actorId: actor.id,
        actorName: actor.username,
        action: 'reminders.settingsUpdate',
        details: { kinds: changed.map(([kind]) => kind).sort().join(',') },
      });
    });
    this.changed();
    return next;
  }

  // ------------------------------------------------------------ notifications, calendar, CLI

  /**
   * The open items of everything `actor` may see, due up to `to`, with the five non-personal fields
   * only (and a snooze's end): what the notification cache keeps. Done items are left out.
   */
  notifiableItems(actor: SessionUser, range: DueRange, today: CalendarDate = this.today()): NotifiableEntry[] {
    return this.vault.read((db) => {
      const decisions = this.decisions(db);
      const out: NotifiableEntry[] = [];
      for (const item of this.collect(db, { actor, scope: 'all' }, range)) {
        const h = stateOf(item, decisions.get(item.id), today);
        if (h?.state === 'done') continue;
        out.push({ deadline: toNotifiable(item), snoozedUntil: h?.state === 'snoozed' ? h.until : null });
      }
      return out;
    });
  }

  /**
   * The due dates the notification cache must hold so that every reminder of the next `days` days is
   * known: from 30 days ago (older overdue deadlines are the dashboard's business) to today + the
   * longest lead + two runs of non-working days (a deadline's and a reminder's) + `days`.
   */
  notificationRange(today: CalendarDate, settings: ReminderSettings, days: number): DueRange {
    const longest = Math.max(0, ...Object.values(settings.leadDays).flat());
    return { from: addDays(today, -NOTIFY_OVERDUE_DAYS), to: addDays(today, longest + 2 * NON_WORKING_RUN_BOUND + days) };
  }

  /** The .ics text of the open deadlines from today to today + withinDays (case codes and kinds only). Audited with the count. */
  exportCalendar(input: { scope: 'mine' | 'all'; withinDays: number; language?: Language | undefined }): {
    fileName: string;
    content: string;
    events: number;
  } {
    const actor = this.vault.requireSession();
    const today = this.today();
    const to = addDays(today, input.withinDays);
    const settings = this.currentSettings();
    const deadlines = this.vault.read((db) => {
      const decisions = this.decisions(db);
      return this.collect(db, { actor, scope: input.scope }, { from: today, to })
        .filter((item) => stateOf(item, decisions.get(item.id), today)?.state !== 'done')
        .map((item) => ({ ...toNotifiable(item), basis: item.basis }));
    });
    // The ics library validates every event (~0.3 ms each): a file of a whole 100k-person vault would
    // hold the main process for seconds and no agenda would want it.
    if (deadlines.length > CALENDAR_MAX_EVENTS) {
      throw new AppError('VALIDATION', 'calendarTooLarge', { count: deadlines.length, maximum: CALENDAR_MAX_EVENTS });
    }
    const content = deadlinesToIcs({
      deadlines,
      language: input.language ?? this.language(),
      now: this.clock.now(),
      from: today,
      alarms: { settings, calendar: this.calendar },
    });
    this.vault.write(({ audit }) =>
      audit({ actorId: actor.id, actorName: actor.username, action: 'reminders.calendarExport', details: { events: deadlines.length, withinDays: input.withinDays } }),
    );
    return { fileName: `passerelle-deadlines-${today}.ics`, content, events: deadlines.length };
  }

  /**
   * What the notifier would show on `today` (CLI `reminders`): the open deadlines the signed-in user
   * sees that have a reminder on that day, with the planning of shared/reminders and whether each
   * reminder already fired. Snoozed items are left out (they are silent until their snooze ends).
   */
  dueOn(today: CalendarDate, firedIds: ReadonlySet<string>, language: Language): DueTodayEntry[] {
    const actor = this.vault.requireSession();
    const settings = this.currentSettings();
    const entries = this.notifiableItems(actor, this.notificationRange(today, settings, 1), today).filter(
      (e) => e.snoozedUntil === null || e.snoozedUntil <= today,
    );
    const due = remindersDueOn(
      entries.map((e) => e.deadline),
      today,
      settings,
      this.calendar,
    );
    const todayDay = toEpochDay(today);
    return due.map(({ plan, reminders }) => {
      const daysLeft = toEpochDay(plan.item.dueDate) - todayDay;
      return {
        deadline: plan.item,
        daysLeft,
        actBy: plan.actBy,
        nonWorking: plan.nonWorking ? plan.nonWorking.label[language] : null,
        reminders: reminders.map((r) => ({ ...r, fired: firedIds.has(r.id) })),
        notification: reminderNotification({ kind: plan.item.kind, caseCode: plan.item.caseCode, daysLeft, language }),
      };
    });
  }

  firedIds(): Set<string> {
    return this.vault.read((db) => new Set(new RemindersRepo(db).firedIds()));
  }
}

/** A snooze ends after today; before the due date for a coming deadline, within 14 days for one due or overdue. */
export function latestSnooze(dueDate: CalendarDate, today: CalendarDate): CalendarDate {
  return dueDate > today ? dueDate : addDays(today, SNOOZE_MAX_DAYS_WHEN_DUE);
}

function checkSnooze(dueDate: CalendarDate, until: CalendarDate, today: CalendarDate): void {
  if (until <= today) {
    throw new AppError('VALIDATION', 'snoozeInPast', undefined, {
      fields: [{ path: 'until', code: 'too_small', message: 'A snooze ends after today' }],
    });
  }
  const latest = latestSnooze(dueDate, today);
  if (until > latest) {
    throw new AppError('VALIDATION', 'snoozeTooLate', { date: formatDate(latest) }, {
      fields: [{ path: 'until', code: 'snoozeTooLate', message: `A snooze ends on ${latest} at the latest` }],
    });
  }
}
