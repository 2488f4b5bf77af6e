/**
 * Working days in Belgium, the Netherlands and Luxembourg: Saturdays,
 * Sundays and the national public holidays are not working days. The holidays come from the
 * maintained `date-holidays` library (its type `public`, country level), never from a list of ours.
 *
 * What counts (date-holidays 3.37, type `public`, no state or region passed):
 * - BE: New Year, Easter Monday, Labour Day, Ascension, Whit Monday, National Day (21 July),
 *   Assumption, All Saints, Armistice, Christmas.
 * - NL: New Year, Easter Sunday and Monday, King's Day (27 April, 26 April when the 27th is a Sunday),
 *   Ascension, Whit Sunday and Monday, Christmas and Boxing Day.
 * - LU: New Year, Easter Monday, Labour Day, Ascension, Europe Day (9 May), Whit Monday, National
 *   Day (23 June), Assumption, All Saints, Christmas, St Stephen's Day.
 *
 * Left out on purpose (not national public holidays, or not days off for everyone):
 * - BE: the community days (Flemish Community 11 July, French Community 27 September, German-speaking
 *   Community 15 November: date-holidays' BE states VLG, WAL, DE, BRU) and observances (King's Feast
 *   15 November, All Souls).
 * - NL: the municipal days of date-holidays' NL regions (e.g. Leiden, Alkmaar, Groningen relief days),
 *   Good Friday and Liberation Day (5 May), which date-holidays types `school`: they are not general days
 *   off, although the Algemene termijnenwet counts 5 May for statutory time limits. Reminders move
 *   earlier, never later, so a missing holiday costs at worst a reminder on a closed day.
 * - LU: Good Friday and Easter Sunday (observances).
 *
 * Dates: date-holidays returns each holiday's local day as text ('2027-03-29 00:00:00', in the
 * country's own time zone); only that text is read (its first ten characters), never the `start` Date,
 * so neither the host's time zone nor daylight saving can shift a holiday by a day.
 *
 * Where it runs: this module is pure (no node:*) and typechecks for the renderer, but date-holidays
 * brings every country's data and moment-timezone (several MB). The main process plans reminders and
 * sends the flags (`nonWorking`, `actBy`) with each dashboard row; the renderer need not import it.
 * That is why shared/reminders/index.ts does not re-export this module.
 */
import Holidays from 'date-holidays';
import type { CalendarDate } from '../dates/calendar-date';
import { COUNTRIES, LANGUAGES, type Country, type Language } from '../domain';
import type { Labels } from '../rules/rule.types';
import { epochWeekday, fromEpochDay, toEpochDay } from './epoch-day';
import { MAX_NON_WORKING_RUN, type NonWorkingReason, type WorkingDayCalendar } from './working-day-calendar';

export type { NonWorkingReason, WorkingDayCalendar } from './working-day-calendar';
export { workingDayOnOrBefore } from './working-day-calendar';

const SATURDAY: Labels = { en: 'Saturday', nl: 'zaterdag', fr: 'samedi' };
const SUNDAY: Labels = { en: 'Sunday', nl: 'zondag', fr: 'dimanche' };
const WEEKEND: Record<6 | 7, NonWorkingReason> = {
  6: { type: 'weekend', weekday: 6, label: SATURDAY },
  7: { type: 'weekend', weekday: 7, label: SUNDAY },
};


/**
 * The calendar of BE, NL and LU public holidays through date-holidays. Holidays are computed once per
 * country and year, in every UI language, then looked up in a Map (the dashboard calls this 100k times).
 */
export class BeneluxWorkingDays implements WorkingDayCalendar {
  private readonly libraries = new Map<Country, Holidays>();
  private readonly years = new Map<string, ReadonlyMap<string, NonWorkingReason>>();

  isWorkingDay(date: CalendarDate, country: Country): boolean {
    return this.nonWorkingReason(date, country) === null;
  }

  nonWorkingReason(date: CalendarDate, country: Country): NonWorkingReason | null {
    const holiday = this.holidaysOf(country, Number(date.slice(0, 4))).get(date);
    if (holiday) return holiday;
    const day = epochWeekday(toEpochDay(date));
    return day === 6 || day === 7 ? WEEKEND[day] : null;
  }

  previousWorkingDay(date: CalendarDate, country: Country): CalendarDate {
    let day = toEpochDay(date);
    for (let i = 0; i < MAX_NON_WORKING_RUN; i++) {
      day -= 1;
      const candidate = fromEpochDay(day);
      if (this.isWorkingDay(candidate, country)) return candidate;
    }
    throw new RangeError(`No working day in ${country} within ${MAX_NON_WORKING_RUN} days before ${date}`);
  }

  /**
   * Computes the holiday tables of these years for every country ahead of use (10-40 ms per country
   * and year): call it at start-up, e.g. for this year and the next, so the first dashboard is fast.
   */
  warmUp(years: readonly number[]): void {
    for (const year of years) for (const country of COUNTRIES) this.holidaysOf(country, year);
  }

  /** The public holidays of a year, by date: for tests, the CLI and documentation. */
  holidays(country: Country, year: number): ReadonlyMap<string, NonWorkingReason> {
    return this.holidaysOf(country, year);
  }

  private holidaysOf(country: Country, year: number): ReadonlyMap<string, NonWorkingReason> {
    const key = `${country}:${year}`;
    let found = this.years.get(key);
    if (!found) {
      found = this.compute(country, year);
      this.years.set(key, found);
    }
    return found;
  }

  private compute(country: Country, year: number): ReadonlyMap<string, NonWorkingReason> {
    const library = this.library(country);
    const names = new Map<string, Record<Language, string[]>>();
    for (const language of LANGUAGES) {
      for (const holiday of library.getHolidays(year, language)) {
        if (holiday.type !== 'public') continue;
        // The local day as written by the library, never the `start` Date (time-zone free).
        const day = holiday.date.slice(0, 10);
        let entry = names.get(day);
        if (!entry) {
          entry = { nl: [], fr: [], en: [] };
          names.set(day, entry);
        }
        if (!entry[language].includes(holiday.name)) entry[language].push(holiday.name);
      }
    }
    const out = new Map<string, NonWorkingReason>();
    for (const [day, entry] of names) {
      const label = Object.fromEntries(LANGUAGES.map((l) => [l, entry[l].join(' / ')])) as Record<Language, string>;
      out.set(day, { type: 'publicHoliday', label });
    }
    return out;
  }

  private library(country: Country): Holidays {
    let library = this.libraries.get(country);
    if (!library) {
      library = new Holidays(country, { types: ['public'] });
      this.libraries.set(country, library);
    }
    return library;
  }
}

/** The shared instance (its caches fill as years are asked for). */
export const beneluxWorkingDays = new BeneluxWorkingDays();

export function isWorkingDay(date: CalendarDate, country: Country): boolean {
  return beneluxWorkingDays.isWorkingDay(date, country);
}

export function nonWorkingReason(date: CalendarDate, country: Country): NonWorkingReason | null {
  return beneluxWorkingDays.nonWorkingReason(date, country);
}

export function previousWorkingDay(date: CalendarDate, country: Country): CalendarDate {
  return beneluxWorkingDays.previousWorkingDay(date, country);
}
