import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors';
import {
  addDays,
  addMonths,
  addPeriod,
  addYears,
  calendarDateSchema,
  compareDates,
  daysBetween,
  formatDate,
  isCalendarDate,
  parseDisplayDate,
  toCalendarDate,
  weekday,
  weekdayId,
  type CalendarDate,
} from './calendar-date';

const d = (s: string): CalendarDate => toCalendarDate(s);
/** [act, amount, expected end, why] */
type Row = [string, number, string, string];

describe('calendarDateSchema', () => {
  it.each(['2026-01-01', '2028-02-29', '2000-02-29', '9999-12-31'])('accepts %s', (s) => {
    expect(calendarDateSchema.safeParse(s).success).toBe(true);
    expect(isCalendarDate(s)).toBe(true);
  });

  it.each([
    '2027-02-29', // 2027 is not a leap year
    '1900-02-29', // century, not divisible by 400
    '2026-02-30',
    '2026-13-01',
    '2026-00-10',
    '2026-1-5',
    '05-01-2026',
    '2026-01-05T00:00',
    '2026-01-05Z',
    '',
  ])('refuses %s', (s) => {
    expect(calendarDateSchema.safeParse(s).success).toBe(false);
    expect(isCalendarDate(s)).toBe(false);
  });

  it('toCalendarDate throws a VALIDATION AppError naming the field', () => {
    try {
      toCalendarDate('2026-02-30', 'documentExpiry');
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.code).toBe('VALIDATION');
      expect(isAppError(e) && e.details?.fields?.[0]?.path).toBe('documentExpiry');
    }
  });
});

// "a period of N days from an act ends N days after it (the day of the act is not
// counted)"; "months run from date to date, clamped to the month's last day".
describe('addDays: the day of the act is not counted', () => {
  it.each([
    // [act, days, end, why]
    ['2026-01-01', 1, '2026-01-02', 'one day after the act'],
    ['2026-01-01', 0, '2026-01-01', 'zero days'],
    ['2026-03-15', 45, '2026-04-29', 'BE reflection across the EU summer-time switch of 29 March 2026'],
    ['2026-10-01', 45, '2026-11-15', 'across the EU winter-time switch of 25 October 2026'],
    ['2026-12-20', 45, '2027-02-03', 'across a year end'],
    ['2028-02-10', 45, '2028-03-26', 'leap year: February 2028 has 29 days'],
    ['2027-02-10', 45, '2027-03-27', 'non-leap year: February 2027 has 28 days'],
    ['2028-02-28', 1, '2028-02-29', 'leap day exists in 2028'],
    ['2027-02-28', 1, '2027-03-01', 'no leap day in 2027'],
    ['2026-05-01', 90, '2026-07-30', 'LU reflection 90 days'],
    ['2026-03-01', -1, '2026-02-28', 'negative'],
  ] satisfies Row[])('%s + %i days = %s (%s)', (act, days, end) => {
    expect(addDays(d(act), days)).toBe(end);
  });
});

describe('addMonths: from date to date, clamped to the month end', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28', '31 Jan + 1 month, 2026 not leap'],
    ['2028-01-31', 1, '2028-02-29', '31 Jan + 1 month, 2028 leap'],
    ['2026-01-31', 3, '2026-04-30', '31 Jan + 3 months: April has 30 days'],
    ['2026-11-30', 3, '2027-02-28', '30 Nov + 3 months: February 2027'],
    ['2027-11-30', 3, '2028-02-29', '30 Nov + 3 months: February 2028 (leap)'],
    ['2026-08-31', 6, '2027-02-28', '31 Aug + 6 months'],
    ['2028-02-29', 12, '2029-02-28', 'leap day + 12 months'],
    ['2026-03-15', 3, '2026-06-15', 'plain date to date'],
    ['2026-03-31', -1, '2026-02-28', 'negative, clamped'],
  ] satisfies Row[])('%s + %i months = %s (%s)', (act, months, end) => {
    expect(addMonths(d(act), months)).toBe(end);
  });

  it('addYears clamps the leap day (29 Feb 2028 + 3 years = 28 Feb 2031)', () => {
    expect(addYears(d('2028-02-29'), 3)).toBe('2031-02-28');
    expect(addYears(d('2028-02-29'), 4)).toBe('2032-02-29');
  });

  it('addPeriod dispatches on the unit', () => {
    expect(addPeriod(d('2026-01-31'), { days: 45 })).toBe('2026-03-17');
    expect(addPeriod(d('2026-01-31'), { months: 3 })).toBe('2026-04-30');
    expect(addPeriod(d('2026-01-31'), { years: 3 })).toBe('2029-01-31');
  });

  it('refuses fractional amounts', () => {
    expect(() => addDays(d('2026-01-01'), 1.5)).toThrow(RangeError);
    expect(() => addMonths(d('2026-01-01'), Number.NaN)).toThrow(RangeError);
  });
});

describe('daysBetween, weekday, compare, format', () => {
  it.each([
    ['2026-03-15', '2026-04-29', 45],
    ['2026-04-29', '2026-03-15', -45],
    ['2028-01-01', '2029-01-01', 366],
    ['2027-01-01', '2028-01-01', 365],
    ['2026-03-28', '2026-03-30', 2], // the night of the summer-time switch is not 23 hours here
  ] as const)('daysBetween(%s, %s) = %i', (a, b, n) => {
    expect(daysBetween(d(a), d(b))).toBe(n);
  });

  it.each([
    ['2026-04-29', 3, 'wednesday'],
    ['2026-03-29', 7, 'sunday'],
    ['2028-02-29', 2, 'tuesday'],
    ['2026-01-05', 1, 'monday'],
  ] as const)('weekday(%s) = %i (%s)', (date, iso, id) => {
    expect(weekday(d(date))).toBe(iso);
    expect(weekdayId(d(date))).toBe(id);
  });

  it('compares and formats', () => {
    expect(compareDates(d('2026-01-02'), d('2026-01-10'))).toBe(-1);
    expect(compareDates(d('2026-01-10'), d('2026-01-10'))).toBe(0);
    expect(compareDates(d('2027-01-01'), d('2026-12-31'))).toBe(1);
    expect(formatDate(d('2026-04-29'))).toBe('29-04-2026');
    expect(parseDisplayDate('29-04-2026')).toBe('2026-04-29');
    expect(parseDisplayDate('1/2/2028')).toBe('2028-02-01');
    expect(parseDisplayDate('2026-04-29')).toBe('2026-04-29');
    expect(() => parseDisplayDate('29-02-2027')).toThrow();
  });
});

describe('no time zone can shift a result', () => {
  it('gives the same dates whatever process.env.TZ says (nothing uses Date)', () => {
    const saved = process.env.TZ;
    const results: string[] = [];
    try {
      for (const tz of ['Europe/Brussels', 'Pacific/Kiritimati', 'America/Los_Angeles', 'UTC']) {
        process.env.TZ = tz;
        results.push(
          [addDays(d('2026-03-15'), 45), addMonths(d('2026-10-25'), 1), weekday(d('2026-03-29'))].join('|'),
        );
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    expect(new Set(results)).toEqual(new Set(['2026-04-29|2026-11-25|7']));
  });
});

// fast-check properties over every day from 1900 to 2200.
const dateArb = fc
  .integer({ min: 0, max: 300 * 366 })
  .map((n) => addDays(d('1900-01-01'), n));

describe('properties', () => {
  it('daysBetween(d, addDays(d, n)) == n and addDays is invertible', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -5000, max: 5000 }), (date, n) => {
        const later = addDays(date, n);
        expect(daysBetween(date, later)).toBe(n);
        expect(addDays(later, -n)).toBe(date);
        expect(isCalendarDate(later)).toBe(true);
      }),
    );
  });

  it('addMonths lands in the target month, never overflows into the next, and keeps the day when it can', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -120, max: 120 }), (date, n) => {
        const start = Temporal.PlainDate.from(date);
        const end = Temporal.PlainDate.from(addMonths(date, n));
        const targetIndex = start.year * 12 + (start.month - 1) + n;
        expect(end.year * 12 + (end.month - 1)).toBe(targetIndex);
        expect(end.day).toBe(Math.min(start.day, end.daysInMonth));
      }),
    );
  });

  it('a later act never gives an earlier end (monotonic), and every end is on or after its act', () => {
    fc.assert(
      fc.property(dateArb, dateArb, fc.integer({ min: 0, max: 48 }), (a, b, n) => {
        const [early, late] = compareDates(a, b) <= 0 ? [a, b] : [b, a];
        expect(compareDates(addMonths(early, n), addMonths(late, n))).toBeLessThanOrEqual(0);
        expect(compareDates(addMonths(early, n), early)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('formatDate and parseDisplayDate round-trip', () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        expect(parseDisplayDate(formatDate(date))).toBe(date);
      }),
    );
  });
});
