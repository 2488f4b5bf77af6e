/**
 * Reminder planning, pure.
 *
 * For a deadline and its kind's lead days:
 * 1. When the deadline falls on a non-working day (weekend or public holiday of the deadline's
 *    country) it is flagged with the reason, and the day to act by (`actBy`) becomes the previous
 *    working day; otherwise `actBy` is the deadline itself.
 * 2. Each lead time L gives the day `actBy - L`. Counting from `actBy` (not from the legal date) keeps
 *    the reminders apart: for a deadline on Easter Monday the "on the day" reminder comes on the
 *    Friday before, "1 day before" on the Thursday, and so on.
 * 3. When that day is itself a non-working day, the reminder moves to the working day before it
 *    (never later: a reminder on a closed day would be read too late). Two lead times may then land
 *    on the same day; the scheduler sends one notification for them.
 *
 * Reminder ids are `${itemId}:${dueDate}:${lead}`. The due date is part of the id on purpose: when a
 * deadline moves (a renewed attestation has a new expiry, a task is rescheduled) its reminders fire
 * again for the new date, while a reminder already fired for a date never fires twice.
 */
import type { CalendarDate } from '../dates/calendar-date';
import { fromEpochDay, toEpochDay } from './epoch-day';
import type { NotifiableDeadline } from './reminder.types';
import { leadDaysFor, type ReminderSettings } from './reminder-settings';
import {
  MAX_NON_WORKING_RUN,
  workingDayOnOrBefore,
  type NonWorkingReason,
  type WorkingDayCalendar,
} from './working-day-calendar';

export interface PlannedReminder {
  /** `${itemId}:${dueDate}:${lead}`: fires once. */
  readonly id: string;
  readonly lead: number;
  /** The working day the reminder is due. */
  readonly notifyOn: CalendarDate;
  /** `actBy - lead` when that was a non-working day (the reminder moved earlier), else null. */
  readonly movedFrom: CalendarDate | null;
}

export interface DeadlinePlan<T extends NotifiableDeadline = NotifiableDeadline> {
  readonly item: T;
  /** Set when the deadline itself falls on a non-working day: the flag shown with the deadline. */
  readonly nonWorking: NonWorkingReason | null;
  /** The last working day on or before the deadline. */
  readonly actBy: CalendarDate;
  /** One per lead time, longest lead first. */
  readonly reminders: readonly PlannedReminder[];
}

export function reminderId(itemId: string, dueDate: CalendarDate, lead: number): string {
  return `${itemId}:${dueDate}:${lead}`;
}

export function planDeadline<T extends NotifiableDeadline>(
  item: T,
  settings: ReminderSettings,
  calendar: WorkingDayCalendar,
): DeadlinePlan<T> {
  const nonWorking = calendar.nonWorkingReason(item.dueDate, item.country);
  const actBy = nonWorking ? calendar.previousWorkingDay(item.dueDate, item.country) : item.dueDate;
  const actByDay = toEpochDay(actBy);
  const reminders = leadDaysFor(settings, item.kind).map((lead): PlannedReminder => {
    const raw = lead === 0 ? actBy : fromEpochDay(actByDay - lead);
    const notifyOn = workingDayOnOrBefore(calendar, raw, item.country);
    return { id: reminderId(item.id, item.dueDate, lead), lead, notifyOn, movedFrom: notifyOn === raw ? null : raw };
  });
  return { item, nonWorking, actBy, reminders };
}

/**
 * False when no reminder of `item` can be due on or before `day`: its due date is further ahead than
 * its longest lead plus the furthest the two working-day moves can reach. A cheap filter before planning.
 */
export function mayRemindBy(item: NotifiableDeadline, day: CalendarDate, settings: ReminderSettings): boolean {
  const longest = Math.max(0, ...leadDaysFor(settings, item.kind));
  return toEpochDay(item.dueDate) - toEpochDay(day) <= longest + 2 * MAX_NON_WORKING_RUN;
}

export interface DueReminders<T extends NotifiableDeadline = NotifiableDeadline> {
  readonly plan: DeadlinePlan<T>;
  /** The item's reminders due (in `remindersDueOn`: on the day; in `remindersDueBy`: on or before it). */
  readonly reminders: readonly PlannedReminder[];
}

/** The reminders whose day is exactly `day`, grouped by deadline, earliest deadline first. */
export function remindersDueOn<T extends NotifiableDeadline>(
  items: readonly T[],
  day: CalendarDate,
  settings: ReminderSettings,
  calendar: WorkingDayCalendar,
): DueReminders<T>[] {
  // A reminder is never after its deadline: deadlines already passed have none due on `day`.
  const open = items.filter((item) => item.dueDate >= day && mayRemindBy(item, day, settings));
  return collect(open, settings, calendar, (r) => r.notifyOn === day);
}

/**
 * The reminders whose day is `day` or earlier, grouped by deadline: what a notifier must still send
 * after the app was closed (the caller drops the ones already fired).
 */
export function remindersDueBy<T extends NotifiableDeadline>(
  items: readonly T[],
  day: CalendarDate,
  settings: ReminderSettings,
  calendar: WorkingDayCalendar,
): DueReminders<T>[] {
  const near = items.filter((item) => mayRemindBy(item, day, settings));
  return collect(near, settings, calendar, (r) => r.notifyOn <= day);
}

function collect<T extends NotifiableDeadline>(
  items: readonly T[],
  settings: ReminderSettings,
  calendar: WorkingDayCalendar,
  keep: (r: PlannedReminder) => boolean,
): DueReminders<T>[] {
  const out: DueReminders<T>[] = [];
  for (const item of items) {
    const plan = planDeadline(item, settings, calendar);
    const reminders = plan.reminders.filter(keep);
    if (reminders.length > 0) out.push({ plan, reminders });
  }
  return out.sort(
    (a, b) =>
      (a.plan.item.dueDate < b.plan.item.dueDate ? -1 : a.plan.item.dueDate > b.plan.item.dueDate ? 1 : 0) ||
      (a.plan.item.caseCode < b.plan.item.caseCode ? -1 : a.plan.item.caseCode > b.plan.item.caseCode ? 1 : 0) ||
      (a.plan.item.id < b.plan.item.id ? -1 : a.plan.item.id > b.plan.item.id ? 1 : 0),
  );
}
