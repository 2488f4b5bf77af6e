/**
 * Builders for the engine's tests (no test runner imports here, so any test file may use them).
 * Scenario rows are written as [type, 'YYYY-MM-DD', documentExpiry?] and get ids e1, e2, ...
 */
import { toCalendarDate, type CalendarDate } from '../dates/calendar-date';
import type { Country } from '../domain';
import { isAppError } from '../errors';
import type { DueKind } from '../rules/rule.types';
import type { TrackState } from './engine';
import type { ProcedureEvent, ProcedureTrack, TrackFacts } from './track.schema';

export const d = (s: string): CalendarDate => toCalendarDate(s);

export type Row = readonly [type: string, date: string, documentExpiry?: string];

export const ADULT_TCN: TrackFacts = { isMinor: false, ageInDoubt: false, unaccompanied: false, thirdCountryNational: true };
export const ADULT_EU: TrackFacts = { ...ADULT_TCN, thirdCountryNational: false };
export const UNACCOMPANIED_MINOR: TrackFacts = { ...ADULT_TCN, isMinor: true, unaccompanied: true };

export function event(row: Row, index: number): ProcedureEvent {
  const [type, date, documentExpiry] = row;
  const e = { id: `e${index + 1}`, type, date: d(date) } as ProcedureEvent;
  return documentExpiry ? { ...e, documentExpiry: d(documentExpiry) } : e;
}

export function track(country: Country, rows: readonly Row[], facts: TrackFacts = ADULT_TCN): ProcedureTrack {
  return { country, facts, events: rows.map(event) } as ProcedureTrack;
}

/** The running deadlines as { kind: 'YYYY-MM-DD' }, for exact comparison. */
export function dueMap(state: TrackState): Partial<Record<DueKind, string>> {
  return Object.fromEntries(state.dueDates.map((due) => [due.kind, due.dueDate]));
}

export function warningCodes(state: TrackState): string[] {
  return state.warnings.map((w) => w.code);
}

/** Runs `f` and returns the AppError it throws (code, rule id, source), or null when it does not throw. */
export function refusalOf(f: () => unknown): { code: string; ruleId: unknown; source: unknown; message: string } | null {
  try {
    f();
    return null;
  } catch (e) {
    if (!isAppError(e)) throw e;
    return { code: e.code, ruleId: e.params?.ruleId, source: e.details?.source, message: e.message };
  }
}
