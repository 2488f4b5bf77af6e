import { describe, expect, it } from 'vitest';
import { toCalendarDate, weekday, type CalendarDate } from '../dates/calendar-date';
import { COUNTRIES, type Country } from '../domain';
import { BeneluxWorkingDays, isWorkingDay, nonWorkingReason, previousWorkingDay } from './working-days';

const d = (s: string): CalendarDate => toCalendarDate(s);

/** [date, country, working?, reason in English ('weekend' or the holiday's name), why] */
type Row = [string, Country, boolean, string | null, string];

const ROWS: Row[] = [
  ['2027-03-29', 'BE', false, "Easter Monday", 'Easter Monday 2027 (Easter 28 March)'],
  ['2027-03-29', 'NL', false, 'Easter Monday', 'Tweede paasdag'],
  ['2027-03-29', 'LU', false, 'Easter Monday', 'Lundi de Pâques'],
  ['2027-03-26', 'BE', true, null, 'Good Friday is no public holiday in BE'],
  ['2027-03-26', 'NL', true, null, 'nor in NL (date-holidays: school holiday)'],
  ['2027-04-27', 'NL', false, "King's Day", "King's Day on a Tuesday"],
  ['2027-04-27', 'BE', true, null, "King's Day is Dutch only"],
  ['2025-04-26', 'NL', false, "King's Day", "27 April 2025 is a Sunday: King's Day moves to Saturday 26th"],
  ['2025-04-27', 'NL', false, 'weekend', 'the Sunday itself is just a weekend day'],
  ['2027-06-23', 'LU', false, 'National Holiday', 'Luxembourg National Day (Wednesday)'],
  ['2027-06-23', 'BE', true, null, 'not in BE'],
  ['2027-07-21', 'BE', false, 'National Holiday', 'Belgian National Day'],
  ['2027-07-21', 'LU', true, null, 'not in LU'],
  ['2027-07-11', 'BE', false, 'weekend', 'Flemish Community day is regional; 11 July 2027 is a Sunday anyway'],
  ['2028-07-11', 'BE', true, null, 'Flemish Community day (Tuesday) is regional: a working day'],
  ['2027-05-05', 'NL', true, null, 'Liberation Day is not counted (date-holidays: school)'],
  ['2027-05-09', 'LU', false, 'Europe Day', 'Europe Day 2027 is a Sunday: the holiday name wins'],
  ['2028-05-09', 'LU', false, 'Europe Day', 'Europe Day (Tuesday), LU only'],
  ['2027-11-11', 'BE', false, 'Armistice Day', 'Armistice, BE only'],
  ['2027-11-11', 'NL', true, null, 'not in NL'],
  ['2027-12-25', 'BE', false, 'Christmas Day', 'Christmas (Saturday): the holiday name wins over the weekend'],
  ['2026-12-25', 'NL', false, 'Christmas Day', 'Christmas (Friday)'],
  ['2026-12-26', 'LU', false, 'Boxing Day', "St Stephen's Day, LU"],
  ['2026-12-28', 'BE', true, null, 'the Monday after Christmas'],
  ['2027-01-16', 'BE', false, 'weekend', 'a Saturday'],
  ['2027-01-17', 'LU', false, 'weekend', 'a Sunday'],
  ['2027-01-18', 'NL', true, null, 'a plain Monday'],
];

describe('working days (date-holidays, national public holidays)', () => {
  it.each(ROWS)('%s in %s: working=%s (%s) — %s', (date, country, working, reason) => {
    expect(isWorkingDay(d(date), country)).toBe(working);
    const why = nonWorkingReason(d(date), country);
    if (reason === null) expect(why).toBeNull();
    else if (reason === 'weekend') expect(why).toMatchObject({ type: 'weekend' });
    else expect(why).toMatchObject({ type: 'publicHoliday', label: { en: reason } });
  });

  it('names holidays in every UI language', () => {
    expect(nonWorkingReason(d('2027-03-29'), 'BE')).toEqual({
      type: 'publicHoliday',
      label: { en: 'Easter Monday', nl: 'Paasmaandag', fr: 'Lundi de Pâques' },
    });
    expect(nonWorkingReason(d('2027-04-27'), 'NL')?.label).toEqual({ en: "King's Day", nl: 'Koningsdag', fr: 'Fête du Roi' });
    expect(nonWorkingReason(d('2027-06-23'), 'LU')?.label.fr).toBe('Fête nationale');
    expect(nonWorkingReason(d('2027-01-16'), 'BE')).toEqual({
      type: 'weekend',
      weekday: 6,
      label: { en: 'Saturday', nl: 'zaterdag', fr: 'samedi' },
    });
  });

  /** [date, country, previous working day, why] */
  it.each([
    ['2027-03-29', 'BE', '2027-03-26', 'Easter Monday -> Friday (skips the weekend)'],
    ['2027-03-29', 'NL', '2027-03-26', 'Easter Monday -> Good Friday is a working day in NL'],
    ['2027-04-27', 'NL', '2027-04-26', "King's Day (Tuesday) -> Monday"],
    ['2025-04-26', 'NL', '2025-04-25', "King's Day on a Saturday -> Friday"],
    ['2027-06-23', 'LU', '2027-06-22', 'National Day -> Tuesday'],
    ['2027-12-27', 'NL', '2027-12-24', 'Monday after Christmas weekend: Christmas Sat, Boxing Day Sun -> Friday 24th'],
    ['2026-12-28', 'LU', '2026-12-24', 'Monday 28th: 27 Sun, 26 Sat/St Stephen, 25 Fri Christmas -> Thursday 24th'],
    ['2027-05-18', 'BE', '2027-05-14', 'Tuesday after Whit Monday: the day before is strictly previous -> Friday'],
    ['2027-01-19', 'BE', '2027-01-18', 'an ordinary Tuesday -> Monday (strictly before)'],
  ] as [string, Country, string, string][])('previousWorkingDay(%s, %s) = %s — %s', (date, country, expected) => {
    const out = previousWorkingDay(d(date), country);
    expect(out).toBe(expected);
    expect(isWorkingDay(out, country)).toBe(true);
    expect(weekday(out)).toBeLessThanOrEqual(5);
  });

  it('lists a year of public holidays per country (10 BE, 9 NL, 11 LU in 2027)', () => {
    const calendar = new BeneluxWorkingDays();
    expect(calendar.holidays('BE', 2027).size).toBe(10);
    expect(calendar.holidays('NL', 2027).size).toBe(9);
    expect(calendar.holidays('LU', 2027).size).toBe(11);
    calendar.warmUp([2028, 2029]);
    expect(calendar.holidays('NL', 2029).size).toBeGreaterThan(0);
  });

  it('does not depend on the host time zone (the library is read as local dates)', () => {
    const saved = process.env.TZ;
    try {
      const results = ['Pacific/Kiritimati', 'America/Los_Angeles', 'UTC'].map((tz) => {
        process.env.TZ = tz; // Node applies a changed TZ at once
        const calendar = new BeneluxWorkingDays(); // fresh caches
        return COUNTRIES.map((c) => [...calendar.holidays(c, 2027).keys()].join(',')).join(';');
      });
      expect(new Set(results).size).toBe(1);
      expect(results[0]).toContain('2027-03-29');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
