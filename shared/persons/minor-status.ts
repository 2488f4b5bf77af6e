/**
 * Minor status from the date of birth. Pure, table-tested and property-tested in
 * minor-status.test.ts.
 *
 * - exact date: 'minor' before the 18th birthday, 'adult' from that day on (a birthday on 29 February
 *   falls on 28 February in a common year: months and years are clamped, shared/dates);
 * - disputed date, or `ageInDoubt` (staff recorded doubt): 'presumedMinor';
 * - approximate date: 'presumedMinor' while the estimated age is under 18, then 'adult' (an
 *   approximate date alone is not doubt: staff record doubt explicitly);
 * - no date recorded yet and no doubt recorded: 'unknown', a gap to fill, not a presumption of
 *   minority (as the procedure engine reads it: the `dateOfBirthMissing` fact, docs/legal-rules.md
 *   "Minors"). Staff who doubt the age record it, and the person is then a presumed minor.
 *
 * The presumption of minority when the age is in doubt is Luxembourg's rule (brochure §4 LU
 * "Minderjarige slachtoffers": "Is er twijfel over de leeftijd van het slachtoffer, dan wordt hij/zij
 * als minderjarig beschouwd."); elsewhere it is the organisation's policy (on by default), which the
 * procedure engine applies per country (docs/legal-rules.md "Minors").
 *
 * The status depends on the day: db/ stores the day it changes (`adultFrom`) with the basis, so a list
 * can filter on "minor today" without recomputing 100k records (see `minorStatusOn`).
 */
import { addYears, type CalendarDate } from '../dates/calendar-date';

export const DOB_PRECISIONS = ['exact', 'approximate', 'disputed', 'unknown'] as const;
export type DobPrecision = (typeof DOB_PRECISIONS)[number];

export const MINOR_STATUSES = ['minor', 'adult', 'presumedMinor', 'unknown'] as const;
export type MinorStatus = (typeof MINOR_STATUSES)[number];

export const AGE_OF_MAJORITY = 18;
/** An approximate date of birth: a minor (by the estimate) until this estimated age. */
export const APPROXIMATE_AGE_DOUBT_LIMIT = AGE_OF_MAJORITY;

export interface BirthFacts {
  readonly precision: DobPrecision;
  /** The (claimed or estimated) date; null when unknown. */
  readonly date: CalendarDate | null;
  /** Staff doubt the age whatever the document says. */
  readonly ageInDoubt: boolean;
}

/**
 * How the status is decided: on an exact date, on an estimate, presumed (the age is in doubt), or not
 * at all yet (no date of birth recorded, no doubt recorded).
 */
export type AgeBasis = 'exact' | 'approximate' | 'presumed' | 'unknown';

export interface AgeThreshold {
  readonly basis: AgeBasis;
  /** The first day the person counts as an adult; null when presumed a minor whatever the day. */
  readonly adultFrom: CalendarDate | null;
}

/** The day-independent part of the rule: what db/ stores on the person row. */
export function ageThreshold(birth: BirthFacts): AgeThreshold {
  if (birth.ageInDoubt || birth.precision === 'disputed') return { basis: 'presumed', adultFrom: null };
  if (birth.date === null) return { basis: 'unknown', adultFrom: null };
  switch (birth.precision) {
    case 'exact':
      return { basis: 'exact', adultFrom: addYears(birth.date, AGE_OF_MAJORITY) };
    case 'approximate':
      return { basis: 'approximate', adultFrom: addYears(birth.date, APPROXIMATE_AGE_DOUBT_LIMIT) };
    case 'unknown':
      return { basis: 'unknown', adultFrom: null };
  }
}

/** The status on `today` from a stored threshold (the same logic the list query runs in SQL). */
export function minorStatusOn(threshold: AgeThreshold, today: CalendarDate): MinorStatus {
  if (threshold.basis === 'unknown') return 'unknown';
  if (threshold.basis === 'presumed' || threshold.adultFrom === null) return 'presumedMinor';
  if (today >= threshold.adultFrom) return 'adult';
  return threshold.basis === 'exact' ? 'minor' : 'presumedMinor';
}

/** The person's minor status on `today`. */
export function minorStatus(birth: BirthFacts, today: CalendarDate): MinorStatus {
  return minorStatusOn(ageThreshold(birth), today);
}

/** Whether the rules must treat the person as a minor (a minor, or presumed one; not a missing date of birth). */
export function treatedAsMinor(status: MinorStatus): boolean {
  return status === 'minor' || status === 'presumedMinor';
}
