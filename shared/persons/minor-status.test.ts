/**
 * Minor status: table-driven cases and fast-check properties.
 * The presumption of minority when the age is in doubt: brochure §4 LU "Minderjarige slachtoffers",
 * applied in every country as the protective default.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addYears, toCalendarDate, type CalendarDate } from '../dates/calendar-date';
import { resolveFactsOn } from '../procedure/engine';
import { ageThreshold, minorStatus, minorStatusOn, treatedAsMinor, type BirthFacts, type MinorStatus } from './minor-status';

const d = (s: string) => toCalendarDate(s);

describe('minorStatus, table-driven', () => {
  const rows: [string, BirthFacts, string, MinorStatus][] = [
    ['exact, 17 years and 364 days', { precision: 'exact', date: d('2008-06-02'), ageInDoubt: false }, '2026-06-01', 'minor'],
    ['exact, on the 18th birthday', { precision: 'exact', date: d('2008-06-01'), ageInDoubt: false }, '2026-06-01', 'adult'],
    ['exact, the day before the 18th birthday', { precision: 'exact', date: d('2008-06-01'), ageInDoubt: false }, '2026-05-31', 'minor'],
    ['exact, 40 years old', { precision: 'exact', date: d('1986-01-15'), ageInDoubt: false }, '2026-06-01', 'adult'],
    ['exact, born on 29 February: adult on 28 February of a common year', { precision: 'exact', date: d('2008-02-29'), ageInDoubt: false }, '2026-02-28', 'adult'],
    ['exact, born on 29 February: minor on 27 February', { precision: 'exact', date: d('2008-02-29'), ageInDoubt: false }, '2026-02-27', 'minor'],
    ['exact, but the age is in doubt (§4 LU)', { precision: 'exact', date: d('1990-01-01'), ageInDoubt: true }, '2026-06-01', 'presumedMinor'],
    ['disputed, claimed 30 years old (§4 LU)', { precision: 'disputed', date: d('1996-01-01'), ageInDoubt: false }, '2026-06-01', 'presumedMinor'],
    ['disputed, no claimed date', { precision: 'disputed', date: null, ageInDoubt: false }, '2026-06-01', 'presumedMinor'],
    // No date of birth recorded yet and no doubt recorded: a gap to fill, not a presumption (docs/legal-rules.md "Minors").
    ['unknown, no doubt recorded', { precision: 'unknown', date: null, ageInDoubt: false }, '2026-06-01', 'unknown'],
    ['unknown, staff recorded doubt (§4 LU)', { precision: 'unknown', date: null, ageInDoubt: true }, '2026-06-01', 'presumedMinor'],
    ['approximate, estimated 16', { precision: 'approximate', date: d('2010-01-01'), ageInDoubt: false }, '2026-06-01', 'presumedMinor'],
    ['approximate, estimated 17 years and 364 days', { precision: 'approximate', date: d('2008-06-02'), ageInDoubt: false }, '2026-06-01', 'presumedMinor'],
    ['approximate, estimated exactly 18: an estimate alone is not doubt', { precision: 'approximate', date: d('2008-06-01'), ageInDoubt: false }, '2026-06-01', 'adult'],
    ['approximate, estimated 20: an estimate alone is not doubt', { precision: 'approximate', date: d('2006-01-01'), ageInDoubt: false }, '2026-06-01', 'adult'],
    ['approximate, estimated 35', { precision: 'approximate', date: d('1991-03-01'), ageInDoubt: false }, '2026-06-01', 'adult'],
    ['approximate, estimated 35, age in doubt', { precision: 'approximate', date: d('1991-03-01'), ageInDoubt: true }, '2026-06-01', 'presumedMinor'],
    ['exact date in the future (refused by the service, still protective)', { precision: 'exact', date: d('2027-01-01'), ageInDoubt: false }, '2026-06-01', 'minor'],
  ];
  it.each(rows)('%s', (_name, birth, today, expected) => {
    expect(minorStatus(birth, d(today))).toBe(expected);
  });

  it('stores the day a person becomes an adult, so a list can filter without re-deriving', () => {
    expect(ageThreshold({ precision: 'exact', date: d('2008-06-01'), ageInDoubt: false })).toEqual({ basis: 'exact', adultFrom: '2026-06-01' });
    expect(ageThreshold({ precision: 'approximate', date: d('2008-06-01'), ageInDoubt: false })).toEqual({ basis: 'approximate', adultFrom: '2026-06-01' });
    expect(ageThreshold({ precision: 'disputed', date: d('2005-06-01'), ageInDoubt: false })).toEqual({ basis: 'presumed', adultFrom: null });
    expect(ageThreshold({ precision: 'unknown', date: null, ageInDoubt: false })).toEqual({ basis: 'unknown', adultFrom: null });
  });
});

describe('minorStatus, properties', () => {
  const EPOCH = d('1940-01-01');
  const dateArb = fc.integer({ min: 0, max: 40_000 }).map((n) => addDays(EPOCH, n));
  const birthArb: fc.Arbitrary<BirthFacts> = fc.record({
    precision: fc.constantFrom('exact', 'approximate', 'disputed', 'unknown' as const),
    date: fc.option(dateArb, { nil: null }),
    ageInDoubt: fc.boolean(),
  });

  it('an exact-date 17-year-old is never an adult', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 364 }), (dob, extraDays) => {
        // On a day when the person is 17 (17th birthday + 0..364 days, before the 18th birthday).
        const today = addDays(addYears(dob, 17), extraDays);
        fc.pre(today < addYears(dob, 18));
        expect(minorStatus({ precision: 'exact', date: dob, ageInDoubt: false }, today)).toBe('minor');
      }),
    );
  });

  it('doubt always gives presumedMinor: a disputed date, or the ageInDoubt flag', () => {
    fc.assert(
      fc.property(birthArb, dateArb, (birth, today) => {
        fc.pre(birth.ageInDoubt || birth.precision === 'disputed');
        expect(minorStatus(birth, today)).toBe('presumedMinor');
      }),
    );
  });

  it('no date of birth and no doubt recorded is never a presumed minor, on any day', () => {
    fc.assert(
      fc.property(birthArb, dateArb, (birth, today) => {
        fc.pre(!birth.ageInDoubt && birth.precision !== 'disputed' && (birth.date === null || birth.precision === 'unknown'));
        expect(minorStatus(birth, today)).toBe('unknown');
        expect(treatedAsMinor(minorStatus(birth, today))).toBe(false);
      }),
    );
  });

  // The person list and the procedure engine tell one truth: the list's status treats as a minor
  // exactly whom the engine's facts do (with the organisation's policy on, in Belgium where the
  // presumption is policy), and the list's "date of birth missing" is the engine's gap notice.
  const validBirthArb: fc.Arbitrary<BirthFacts> = fc.oneof(
    fc.record({ precision: fc.constantFrom('exact' as const, 'approximate' as const), date: dateArb, ageInDoubt: fc.boolean() }),
    fc.record({ precision: fc.constant('disputed' as const), date: fc.option(dateArb, { nil: null }), ageInDoubt: fc.boolean() }),
    fc.record({ precision: fc.constant('unknown' as const), date: fc.constant(null), ageInDoubt: fc.boolean() }),
  );

  it('agrees with the procedure engine on who is treated as a minor and whose date of birth is missing', () => {
    fc.assert(
      fc.property(validBirthArb, dateArb, fc.constantFrom('BE' as const, 'NL' as const, 'LU' as const), (birth, today, country) => {
        // The facts as electron/core/persons/track-derivation.ts trackFactsOf builds them from the person.
        const doubt = birth.ageInDoubt || birth.precision === 'disputed';
        const adultFrom = !doubt && birth.date ? addYears(birth.date, 18) : null;
        const facts = resolveFactsOn(
          { isMinor: false, adultFrom, dateOfBirthRecorded: birth.date !== null, ageInDoubt: doubt, presumeMinorityWhenInDoubt: true, thirdCountryNational: true },
          country,
          today,
        );
        const status = minorStatus(birth, today);
        expect(treatedAsMinor(status)).toBe(facts.presumedMinor);
        expect(status === 'unknown').toBe(facts.dateOfBirthMissing);
      }),
    );
  });

  it('only an exact date makes someone a (certain) minor; an estimate under 18 is presumedMinor', () => {
    fc.assert(
      fc.property(birthArb, dateArb, (birth, today) => {
        const status = minorStatus(birth, today);
        if (status === 'minor') expect(birth.precision).toBe('exact');
        if (birth.precision === 'approximate' && birth.date && !birth.ageInDoubt) {
          expect(status).toBe(today < addYears(birth.date, 18) ? 'presumedMinor' : 'adult');
        }
      }),
    );
  });

  it('once an adult, an adult on every later day', () => {
    fc.assert(
      fc.property(birthArb, dateArb, fc.integer({ min: 0, max: 20_000 }), (birth, today, later) => {
        if (minorStatus(birth, today) === 'adult') expect(minorStatus(birth, addDays(today, later))).toBe('adult');
      }),
    );
  });

  it('the stored threshold gives the same status as the full rule on every day', () => {
    fc.assert(
      fc.property(birthArb, dateArb, (birth, today: CalendarDate) => {
        expect(minorStatusOn(ageThreshold(birth), today)).toBe(minorStatus(birth, today));
      }),
    );
  });
});
