/**
 * The dashboard's grouping, pure and fast: the home screen after unlock shows
 * deadlines overdue, due today, due in the rest of this ISO week (up to Sunday), and due in the
 * next 30 days (after this week, up to today + 30). Later deadlines are only counted.
 *
 * Grouping follows the legal date (`dueDate`); a deadline on a non-working day keeps its group and
 * carries the flag and the day to act by, which the row shows beside it. "My cases" keeps the
 * deadlines whose `assigneeId` is the user's. Rows keep the caller's object (`item`), so the
 * integration can pass deadlines joined with the person's name and get them back in order.
 *
 * Speed: dates are compared as ISO text, counted in epoch days (no Temporal object per row), sorted
 * by day buckets, and holiday flags looked up once per (day, country);
 * 100k persons' deadlines group in a few tens of milliseconds (electron/core/reminders/reminders.bench.ts).
 */
import type { DueBasis } from '../procedure/engine';
import { WEEKDAY_IDS, type CalendarDate, type WeekdayId } from '../dates/calendar-date';
import { epochWeekday, fromEpochDay, toEpochDay } from './epoch-day';
import type { Country } from '../domain';
import type { NotifiableDeadline } from './reminder.types';
import type { DeadlineCounts } from './reminder-texts';
import type { NonWorkingReason, WorkingDayCalendar } from './working-day-calendar';

export const DASHBOARD_GROUPS = ['overdue', 'today', 'thisWeek', 'next30Days'] as const;
export type DashboardGroup = (typeof DASHBOARD_GROUPS)[number];

/** How far "next 30 days" reaches. */
export const DASHBOARD_HORIZON_DAYS = 30;

interface Flag {
  readonly nonWorking: NonWorkingReason | null;
  readonly actBy: CalendarDate;
}

const COUNTRY_INDEX: Readonly<Record<Country, number>> = { BE: 0, NL: 1, LU: 2 };

export interface DashboardItem extends NotifiableDeadline {
  readonly assigneeId?: string | null | undefined;
  /** A procedure due date: what it rests on (exact, maximum, estimate, document). */
  readonly basis?: DueBasis | undefined;
  /** A procedure due date recomputed under corrected rules and not yet acknowledged. */
  readonly recomputed?: boolean | undefined;
}

export type DashboardScope = { readonly kind: 'all' } | { readonly kind: 'mine'; readonly userId: string };

export interface DashboardRow<T extends DashboardItem> {
  readonly item: T;
  readonly group: DashboardGroup;
  /** Whole days from today to the due date: negative when overdue, 0 today. */
  readonly daysLeft: number;
  readonly weekday: WeekdayId;
  /** Set when the due date is a weekend day or a public holiday (only with a calendar). */
  readonly nonWorking: NonWorkingReason | null;
  /** The last working day on or before the due date (the due date itself without a calendar). */
  readonly actBy: CalendarDate;
}

export interface Dashboard<T extends DashboardItem> {
  readonly today: CalendarDate;
  /** The Sunday ending today's ISO week. */
  readonly weekEnd: CalendarDate;
  /** today + 30 days. */
  readonly horizon: CalendarDate;
  /** Rows of each group, earliest due date first (then case code, then id). */
  readonly groups: Readonly<Record<DashboardGroup, readonly DashboardRow<T>[]>>;
  readonly counts: DeadlineCounts;
  /** Deadlines after the horizon (in scope, not listed). */
  readonly later: number;
}

export interface DashboardOptions {
  readonly today: CalendarDate;
  readonly scope?: DashboardScope;
  /** Flags rows on non-working days; without it `nonWorking` is null and `actBy` the due date. */
  readonly calendar?: WorkingDayCalendar;
}

function compareText(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

function compareSameDay(a: DashboardRow<DashboardItem>, b: DashboardRow<DashboardItem>): number {
  return compareText(a.item.caseCode, b.item.caseCode) || compareText(a.item.id, b.item.id);
}

/**
 * Earliest due date first, then case code, then id: a counting sort over the days (numbers, no
 * string comparison of dates), and only rows of the same day are compared as text.
 */
function sortRows<T extends DashboardItem>(rows: DashboardRow<T>[]): DashboardRow<T>[] {
  if (rows.length < 2) return rows;
  let min = Infinity;
  let max = -Infinity;
  for (const row of rows) {
    if (row.daysLeft < min) min = row.daysLeft;
    if (row.daysLeft > max) max = row.daysLeft;
  }
  if (max - min > 4 * rows.length + 1024) {
    // Sparse days (a few rows spread over decades): an ordinary sort is cheaper than the buckets.
    return rows.sort((a, b) => a.daysLeft - b.daysLeft || compareSameDay(a, b));
  }
  const buckets: (DashboardRow<T>[] | undefined)[] = new Array(max - min + 1);
  for (const row of rows) {
    const i = row.daysLeft - min;
    const bucket = buckets[i];
    if (bucket) bucket.push(row);
    else buckets[i] = [row];
  }
  const out: DashboardRow<T>[] = [];
  for (const bucket of buckets) {
    if (!bucket) continue;
    if (bucket.length > 1) bucket.sort(compareSameDay);
    for (const row of bucket) out.push(row);
  }
  return out;
}

/** Dates bounding the groups for `today`. */
export function dashboardBounds(today: CalendarDate): { weekEnd: CalendarDate; horizon: CalendarDate } {
  const day = toEpochDay(today);
  return { weekEnd: fromEpochDay(day + 7 - epochWeekday(day)), horizon: fromEpochDay(day + DASHBOARD_HORIZON_DAYS) };
}

export function groupDashboard<T extends DashboardItem>(items: readonly T[], options: DashboardOptions): Dashboard<T> {
  const { today, calendar } = options;
  const scope = options.scope ?? { kind: 'all' };
  const todayDay = toEpochDay(today);
  const { weekEnd, horizon } = dashboardBounds(today);
  const groups: Record<DashboardGroup, DashboardRow<T>[]> = { overdue: [], today: [], thisWeek: [], next30Days: [] };
  let later = 0;
  const mine = scope.kind === 'mine' ? scope.userId : null;
  // Flags per (day, country), computed once each: a few hundred distinct pairs for 100k persons.
  const flags = new Map<number, Flag>();

  for (const item of items) {
    if (mine !== null && item.assigneeId !== mine) continue;
    const due = item.dueDate;
    let group: DashboardGroup;
    if (due < today) group = 'overdue';
    else if (due === today) group = 'today';
    else if (due <= weekEnd) group = 'thisWeek';
    else if (due <= horizon) group = 'next30Days';
    else {
      later += 1;
      continue;
    }
    const day = toEpochDay(due);
    let nonWorking: NonWorkingReason | null = null;
    let actBy = due;
    if (calendar) {
      const key = day * 4 + COUNTRY_INDEX[item.country];
      let flag = flags.get(key);
      if (!flag) {
        const reason = calendar.nonWorkingReason(due, item.country);
        flag = { nonWorking: reason, actBy: reason ? calendar.previousWorkingDay(due, item.country) : due };
        flags.set(key, flag);
      }
      nonWorking = flag.nonWorking;
      actBy = flag.actBy;
    }
    groups[group].push({
      item,
      group,
      daysLeft: day - todayDay,
      weekday: WEEKDAY_IDS[epochWeekday(day) - 1] as WeekdayId,
      nonWorking,
      actBy,
    });
  }
  for (const group of DASHBOARD_GROUPS) groups[group] = sortRows(groups[group]);
  return {
    today,
    weekEnd,
    horizon,
    groups,
    counts: {
      overdue: groups.overdue.length,
      today: groups.today.length,
      thisWeek: groups.thisWeek.length,
      next30Days: groups.next30Days.length,
    },
    later,
  };
}

/** The counts alone (the daily digest), without building rows. */
export function countDeadlines(items: readonly NotifiableDeadline[], today: CalendarDate): DeadlineCounts {
  const { weekEnd, horizon } = dashboardBounds(today);
  let overdue = 0;
  let dueToday = 0;
  let thisWeek = 0;
  let next30Days = 0;
  for (const { dueDate } of items) {
    if (dueDate < today) overdue += 1;
    else if (dueDate === today) dueToday += 1;
    else if (dueDate <= weekEnd) thisWeek += 1;
    else if (dueDate <= horizon) next30Days += 1;
  }
  return { overdue, today: dueToday, thisWeek, next30Days };
}
