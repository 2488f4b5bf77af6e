import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, toCalendarDate, weekday, type CalendarDate } from '../dates/calendar-date';
import { epochWeekday, fromEpochDay, toEpochDay } from './epoch-day';

const dateArb: fc.Arbitrary<CalendarDate> = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true })
  .map((x) => x.toISOString().slice(0, 10) as CalendarDate);

describe('epoch days agree with calendar-date (Temporal)', () => {
  it('fixed points', () => {
    expect(toEpochDay(toCalendarDate('1970-01-01'))).toBe(0);
    expect(toEpochDay(toCalendarDate('2000-03-01'))).toBe(11017);
    expect(fromEpochDay(-1)).toBe('1969-12-31');
    expect(fromEpochDay(toEpochDay('2028-02-29'))).toBe('2028-02-29');
    expect(epochWeekday(0)).toBe(4);
    expect(epochWeekday(toEpochDay('2027-03-29'))).toBe(1);
  });

  it('round-trips, and differences, sums and weekdays equal Temporal', () => {
    fc.assert(
      fc.property(dateArb, dateArb, fc.integer({ min: -800, max: 800 }), (a, b, n) => {
        expect(fromEpochDay(toEpochDay(a))).toBe(a);
        expect(toEpochDay(b) - toEpochDay(a)).toBe(daysBetween(a, b));
        expect(fromEpochDay(toEpochDay(a) + n)).toBe(addDays(a, n));
        expect(epochWeekday(toEpochDay(a))).toBe(weekday(a));
      }),
      { numRuns: 2000 },
    );
  });
});
