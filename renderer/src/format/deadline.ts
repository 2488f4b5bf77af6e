/**
 * How a due date reads on screen: dd-mm-yyyy with its weekday, the days left, and how urgent it is.
 * Urgency never travels by colour alone: every level has words of its own (deadline.urgency.*).
 */
import type { TFunction } from 'i18next';
import { daysBetween, formatDate, isCalendarDate, weekdayId, type CalendarDate } from '../../../shared/dates/calendar-date';

export const URGENCIES = ['overdue', 'week', 'month', 'later'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** Overdue before today; then within 7 days (today included), within 30 days, or later. */
export function urgencyOf(daysLeft: number): Urgency {
  if (daysLeft < 0) return 'overdue';
  if (daysLeft <= 7) return 'week';
  if (daysLeft <= 30) return 'month';
  return 'later';
}

/** Today on this computer, as a calendar date (the services use the same local day). */
export function todayLocal(now: Date = new Date()): CalendarDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}` as CalendarDate;
}

/** "Wednesday 15-07-2026" in the user's language. */
export function dateWithWeekday(t: TFunction, date: CalendarDate): string {
  return t('dates.withWeekday', { weekday: t(`weekdays.${weekdayId(date)}`), date: formatDate(date) });
}

/** "in 5 days", "tomorrow", "today", "1 day overdue", "12 days overdue". */
export function daysLeftText(t: TFunction, daysLeft: number): string {
  if (daysLeft === 0) return t('deadline.today');
  if (daysLeft === 1) return t('deadline.tomorrow');
  if (daysLeft > 1) return t('deadline.inDays', { days: daysLeft });
  if (daysLeft === -1) return t('deadline.overdueOneDay');
  return t('deadline.overdueDays', { days: -daysLeft });
}

export interface DeadlineView {
  date: CalendarDate;
  daysLeft: number;
  urgency: Urgency;
  /** "Wednesday 15-07-2026" */
  dateText: string;
  /** "in 45 days" */
  daysText: string;
  /** "Overdue", "Within 7 days" ... */
  urgencyText: string;
}

export function deadlineView(t: TFunction, date: CalendarDate, today: CalendarDate): DeadlineView {
  const daysLeft = daysBetween(today, date);
  const urgency = urgencyOf(daysLeft);
  return {
    date,
    daysLeft,
    urgency,
    dateText: dateWithWeekday(t, date),
    daysText: daysLeftText(t, daysLeft),
    urgencyText: t(`deadline.urgency.${urgency}`),
  };
}

/** A date as typed by staff ("5-3-2026", "05.03.2026") as a calendar date, or null. */
export function parseTypedDate(text: string): CalendarDate | null {
  const match = /^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$/.exec(text);
  if (!match) return null;
  const [, day = '', month = '', year = ''] = match;
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : null;
}

/** The text a date field shows for a stored date ('' for none). */
export function typedDate(date: CalendarDate | string | null | undefined): string {
  return date && isCalendarDate(date) ? formatDate(date) : '';
}
