/**
 * Calendar dates for legal deadlines ("Date rules").
 *
 * A CalendarDate is an ISO 'YYYY-MM-DD' string naming a day, not an instant. Every computation goes
 * through Temporal.PlainDate, which has no time zone and no clock: no daylight-saving switch, no
 * host time zone (process.env.TZ) and no `Date` can shift a result. Nothing here reads the clock;
 * "today" is always passed in by the caller (the app's Clock port).
 *
 * Conventions:
 * - a period of N days from an act ends N days after it: the day of the act is not counted
 *   (`addDays('2026-03-15', 45)` is '2026-04-29');
 * - months run from date to date and are clamped to the month's last day
 *   (`addMonths('2026-01-31', 1)` is '2026-02-28', '2028-02-29' in a leap year).
 */
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { AppError } from '../errors';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isValidIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  try {
    // overflow 'reject' refuses 2026-02-30 instead of clamping it to 2026-02-28.
    Temporal.PlainDate.from(value, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

/** Zod schema of a calendar date: an existing day written 'YYYY-MM-DD'. Reusable by db/ and IPC. */
export const calendarDateSchema = z
  .string()
  .refine(isValidIsoDate, { message: 'Expected an existing calendar date written YYYY-MM-DD' })
  .brand<'CalendarDate'>();

/** An ISO 'YYYY-MM-DD' day, validated by `calendarDateSchema` (branded: a plain string must be parsed). */
export type CalendarDate = z.infer<typeof calendarDateSchema>;

export function isCalendarDate(value: unknown): value is CalendarDate {
  return typeof value === 'string' && isValidIsoDate(value);
}

/** Parses 'YYYY-MM-DD'; throws AppError VALIDATION (field `path`) when it is not an existing day. */
export function toCalendarDate(value: string, path = 'date'): CalendarDate {
  if (isCalendarDate(value)) return value;
  throw new AppError('VALIDATION', 'validation', undefined, {
    fields: [{ path, code: 'invalid_date', message: `"${value}" is not a calendar date written YYYY-MM-DD` }],
  });
}

function plain(date: CalendarDate): Temporal.PlainDate {
  // The constructor skips ISO string parsing (the schema has already checked the form).
  return new Temporal.PlainDate(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function fromPlain(date: Temporal.PlainDate): CalendarDate {
  if (date.year < 0 || date.year > 9999) throw new RangeError(`Year ${date.year} is outside 0000-9999`);
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}` as CalendarDate;
}

/** The day `days` days after `date` (negative: before). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  assertInteger(days, 'days');
  return fromPlain(plain(date).add({ days }));
}

/** The same day `months` months later, clamped to that month's last day (31 Jan + 1 = 28/29 Feb). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  assertInteger(months, 'months');
  return fromPlain(plain(date).add({ months }, { overflow: 'constrain' }));
}

/** The same day `years` years later, clamped (29 Feb 2028 + 1 year = 28 Feb 2029). */
export function addYears(date: CalendarDate, years: number): CalendarDate {
  assertInteger(years, 'years');
  return fromPlain(plain(date).add({ years }, { overflow: 'constrain' }));
}

/** A legal period: a number of days, months or years. */
export type Period = { readonly days: number } | { readonly months: number } | { readonly years: number };

/** The day a period that runs from `date` ends (the day of the act itself is not counted). */
export function addPeriod(date: CalendarDate, period: Period): CalendarDate {
  if ('days' in period) return addDays(date, period.days);
  if ('months' in period) return addMonths(date, period.months);
  return addYears(date, period.years);
}

/** Whole days from `from` to `to`: positive when `to` is later. `addDays(a, daysBetween(a, b)) === b`. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return plain(from).until(plain(to), { largestUnit: 'days' }).days;
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export function weekday(date: CalendarDate): IsoWeekday {
  return plain(date).dayOfWeek as IsoWeekday;
}

/** Stable weekday ids, index 0 = Monday, for i18n keys (`weekdayId(d)` -> 'wednesday'). */
export const WEEKDAY_IDS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type WeekdayId = (typeof WEEKDAY_IDS)[number];

export function weekdayId(date: CalendarDate): WeekdayId {
  return WEEKDAY_IDS[weekday(date) - 1] as WeekdayId;
}

/** -1, 0 or 1, for Array.prototype.sort. ISO strings of 4-digit years sort as text. */
export function compareDates(a: CalendarDate, b: CalendarDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return compareDates(a, b) >= 0 ? a : b;
}

/** 'dd-mm-yyyy', the form used on Belgian, Dutch and Luxembourg documents. */
export function formatDate(date: CalendarDate): string {
  const [year, month, day] = date.split('-');
  return `${day}-${month}-${year}`;
}

/** Parses 'dd-mm-yyyy' (also 'd-m-yyyy', '/' or '.' as separator) as typed by staff. */
export function parseDisplayDate(value: string, path = 'date'): CalendarDate {
  const match = /^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$/.exec(value);
  if (!match) return toCalendarDate(value, path);
  const [, day = '', month = '', year = ''] = match;
  return toCalendarDate(`${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`, path);
}

function assertInteger(n: number, name: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${name} must be a whole number, got ${n}`);
}
