/**
 * The desktop's local calendar day and times, from the Clock's instant and an IANA time zone,
 * through Temporal (DST-safe: a midnight or a digest time on a switch day is where the zone puts it).
 */
import { Temporal } from 'temporal-polyfill';
import type { CalendarDate } from '../../../shared/dates/calendar-date';

export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function zoned(instant: Date, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone);
}

/** The calendar day it is at `instant` in `timeZone`. */
export function localDate(instant: Date, timeZone: string): CalendarDate {
  return zoned(instant, timeZone).toPlainDate().toString() as CalendarDate;
}

/** Epoch milliseconds of the next local midnight (start of the next day) after `instant`. */
export function nextLocalMidnight(instant: Date, timeZone: string): number {
  return zoned(instant, timeZone).toPlainDate().add({ days: 1 }).toZonedDateTime({ timeZone }).epochMilliseconds;
}

/** Epoch milliseconds of `time` ('HH:MM') on `date` in `timeZone`. */
export function localTimeOn(date: CalendarDate, time: string, timeZone: string): number {
  return Temporal.PlainDate.from(date)
    .toZonedDateTime({ timeZone, plainTime: Temporal.PlainTime.from(time) })
    .epochMilliseconds;
}
