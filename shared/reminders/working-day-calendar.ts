/**
 * The working-day calendar as an interface, so that planning and the dashboard do not import the
 * holiday library (see working-days.ts for the implementation and what it counts).
 */
import type { CalendarDate } from '../dates/calendar-date';
import type { Country } from '../domain';
import type { Labels } from '../rules/rule.types';

/** Why a day is not a working day. `label` is the weekday or the holiday's name in every UI language. */
export type NonWorkingReason =
  | { readonly type: 'weekend'; readonly weekday: 6 | 7; readonly label: Labels }
  | { readonly type: 'publicHoliday'; readonly label: Labels };

/**
 * Part of the contract of every calendar: never more than this many non-working days in a row
 * (`previousWorkingDay` throws beyond). Planning uses it to skip deadlines too far ahead to remind of.
 */
export const MAX_NON_WORKING_RUN = 60;

export interface WorkingDayCalendar {
  isWorkingDay(date: CalendarDate, country: Country): boolean;
  /** Why `date` is not a working day, or null when it is one. A public holiday wins over a weekend. */
  nonWorkingReason(date: CalendarDate, country: Country): NonWorkingReason | null;
  /** The last working day strictly before `date`. */
  previousWorkingDay(date: CalendarDate, country: Country): CalendarDate;
}

/** `date` itself when it is a working day, else the last working day before it. */
export function workingDayOnOrBefore(calendar: WorkingDayCalendar, date: CalendarDate, country: Country): CalendarDate {
  return calendar.isWorkingDay(date, country) ? date : calendar.previousWorkingDay(date, country);
}
