/**
 * Properties of the engine, checked with fast-check on random tracks of the
 * three countries: arbitrary event lists (mostly refused, exercising the robustness of derive) and
 * valid walks built from `allowedNext` (exercising the rules deep into each procedure).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addPeriod, compareDates, type CalendarDate } from '../dates/calendar-date';
import { COUNTRIES, type Country } from '../domain';
import { isAppError } from '../errors';
import { deriveTrackState, validateNewEvent, type TrackState } from './engine';
import { d } from './engine.fixtures';
import { RULE_TABLES } from '../rules/index';
import type { DueRule } from '../rules/rule.types';
import { EVENT_TYPES, RESIDENCE_STATUSES, type ProcedureEvent, type ProcedureTrack, type TrackFacts } from './track.schema';

const BASE = d('2026-01-01');

const factsArb: fc.Arbitrary<TrackFacts> = fc.record({
  isMinor: fc.boolean(),
  // The 18th birthday anywhere around the events (so some persons come of age mid-procedure).
  adultFrom: fc.option(fc.integer({ min: -400, max: 1500 }).map((n) => addDays(BASE, n)), { nil: undefined }),
  ageInDoubt: fc.boolean(),
  presumeMinorityWhenInDoubt: fc.boolean(),
  unaccompanied: fc.boolean(),
  thirdCountryNational: fc.boolean(),
  residenceStatus: fc.option(fc.constantFrom(...RESIDENCE_STATUSES), { nil: undefined }),
  parentalConflict: fc.boolean(),
  parentsArePerpetrators: fc.boolean(),
});

function buildEvent(id: string, type: string, date: CalendarDate, expiryDays: number | undefined): ProcedureEvent {
  const e = { id, type, date } as ProcedureEvent;
  return expiryDays === undefined ? e : { ...e, documentExpiry: addDays(date, expiryDays) };
}

/** Any events of the country's types, with many same-day ties (small date range). */
const arbitraryTrackArb: fc.Arbitrary<ProcedureTrack> = fc.constantFrom(...COUNTRIES).chain((country) =>
  fc.record({
    country: fc.constant(country),
    facts: factsArb,
    events: fc
      .array(
        fc.record({
          type: fc.constantFrom(...(EVENT_TYPES[country] as readonly string[])),
          day: fc.integer({ min: 0, max: 120 }),
          expiry: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
        }),
        { maxLength: 14 },
      )
      .map((rows) => rows.map((r, i) => buildEvent(`e${i}`, r.type, addDays(BASE, r.day), r.expiry))),
  }) as fc.Arbitrary<ProcedureTrack>,
);

interface Walk {
  country: Country;
  facts: TrackFacts;
  steps: { choice: number; gap: number; expiry: number | undefined; leave: boolean }[];
}

const walkArb: fc.Arbitrary<Walk> = fc.record({
  country: fc.constantFrom(...COUNTRIES),
  facts: factsArb,
  steps: fc.array(
    fc.record({
      choice: fc.nat(),
      gap: fc.integer({ min: 1, max: 200 }),
      expiry: fc.option(fc.integer({ min: 0, max: 800 }), { nil: undefined, freq: 3 }),
      // Leaving (return, closure) is always possible; take it rarely so walks go deep.
      leave: fc.integer({ min: 0, max: 19 }).map((n) => n === 0),
    }),
    { maxLength: 16 },
  ),
});

const LEAVING: readonly string[] = ['closed', 'voluntaryReturn'];

/** Records events chosen from allowedNext, each through validateNewEvent, strictly later each time. */
function walk({ country, facts, steps }: Walk): { track: ProcedureTrack; states: TrackState[] } {
  let t = { country, facts, events: [] as ProcedureEvent[] } as ProcedureTrack;
  let state = deriveTrackState(t);
  let date = BASE;
  const states: TrackState[] = [state];
  steps.forEach((step, i) => {
    const next = addDays(date, step.gap);
    // What may be recorded on the next event's day (facts such as age are those of that day).
    const allowed = deriveTrackState(t, { today: next }).allowedNext;
    const staying = allowed.filter((x) => !LEAVING.includes(x));
    const offered = step.leave || staying.length === 0 ? allowed : staying;
    if (offered.length === 0) return;
    const type = offered[step.choice % offered.length] as string;
    date = next;
    const e = buildEvent(`w${i}`, type, date, step.expiry);
    state = validateNewEvent(t, e); // must not throw: allowedNext offered it
    t = { ...t, events: [...t.events, e] } as ProcedureTrack;
    states.push(state);
  });
  return { track: t, states };
}

function shuffled<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items
    .map((item, i) => ({ item, key: keys[i % Math.max(keys.length, 1)] ?? 0, i }))
    .sort((a, b) => a.key - b.key || b.i - a.i)
    .map((x) => x.item);
}

function expectNoDueBeforeItsAct(state: TrackState): void {
  for (const due of state.dueDates) {
    expect(compareDates(due.dueDate, due.actDate)).toBeGreaterThanOrEqual(0);
    expect(compareDates(due.runsFrom, due.actDate)).toBeGreaterThanOrEqual(0);
    if (due.computedDate) expect(compareDates(due.computedDate, due.runsFrom)).toBeGreaterThanOrEqual(0);
  }
}

describe('engine properties', () => {
  it('no due date precedes its act (arbitrary events)', () => {
    fc.assert(
      fc.property(arbitraryTrackArb, (t) => {
        expectNoDueBeforeItsAct(deriveTrackState(t));
      }),
      { numRuns: 400 },
    );
  });

  it('no due date precedes its act (valid walks through the procedures)', () => {
    fc.assert(
      fc.property(walkArb, (w) => {
        for (const state of walk(w).states) expectNoDueBeforeItsAct(state);
      }),
      { numRuns: 300 },
    );
  });

  it('recording the same dated events in any order gives the same derived state (arbitrary events)', () => {
    fc.assert(
      fc.property(arbitraryTrackArb, fc.array(fc.integer(), { minLength: 1, maxLength: 14 }), (t, keys) => {
        const reordered = { ...t, events: shuffled<ProcedureEvent>(t.events, keys) } as ProcedureTrack;
        expect(deriveTrackState(reordered)).toEqual(deriveTrackState(t));
      }),
      { numRuns: 400 },
    );
  });

  it('recording the same dated events in any order gives the same derived state (valid walks)', () => {
    fc.assert(
      fc.property(walkArb, fc.array(fc.integer(), { minLength: 1, maxLength: 16 }), (w, keys) => {
        const { track: t, states } = walk(w);
        const reordered = { ...t, events: shuffled<ProcedureEvent>(t.events, keys) } as ProcedureTrack;
        expect(deriveTrackState(reordered)).toEqual(states[states.length - 1]);
      }),
      { numRuns: 300 },
    );
  });

  it('allowedNext only offers events that validateNewEvent accepts, and a walk never sees an eventRefused warning', () => {
    fc.assert(
      fc.property(walkArb, (w) => {
        const { states } = walk(w);
        for (const state of states) expect(state.warnings.map((x) => x.code)).not.toContain('eventRefused');
      }),
      { numRuns: 300 },
    );
  });

  it('recording events late (any later "today") gives the same due dates as recording them on the day', () => {
    fc.assert(
      fc.property(walkArb, fc.integer({ min: 0, max: 3000 }), (w, lateBy) => {
        const { track: t, states } = walk(w);
        // Data entry after the fact: every event recorded on one later day.
        let late = { ...t, events: [] as ProcedureEvent[] } as ProcedureTrack;
        let lateState = deriveTrackState(late);
        const last = t.events.reduce<CalendarDate>((m, e) => (e.date > m ? e.date : m), BASE);
        const today = addDays(last, lateBy);
        for (const e of t.events) {
          lateState = validateNewEvent(late, e, { today }); // accepted late exactly as on the day
          late = { ...late, events: [...late.events, e] } as ProcedureTrack;
        }
        const onTheDay = states[states.length - 1] as TrackState;
        expect(lateState.dueDates).toEqual(onTheDay.dueDates);
        expect(lateState.phase).toEqual(onTheDay.phase);
        expect(lateState.history).toEqual(onTheDay.history);
        expect(deriveTrackState(t, { today }).dueDates).toEqual(onTheDay.dueDates);
      }),
      { numRuns: 300 },
    );
  });

  it("no computed expiry is later than its act's date plus the legal period (renewals included)", () => {
    const dueRules = new Map<string, DueRule<string>>();
    for (const table of Object.values(RULE_TABLES)) for (const e of table.events) for (const due of e.opens ?? []) dueRules.set(due.id, due);
    const check = (state: TrackState): void => {
      for (const due of state.dueDates) {
        const rule = dueRules.get(due.ruleId);
        if (!rule?.period || !due.computedDate) continue;
        expect(compareDates(due.computedDate, addPeriod(due.actDate, rule.period))).toBeLessThanOrEqual(0);
      }
    };
    fc.assert(
      fc.property(walkArb, (w) => {
        for (const state of walk(w).states) check(state);
      }),
      { numRuns: 300 },
    );
    fc.assert(fc.property(arbitraryTrackArb, (t) => check(deriveTrackState(t))), { numRuns: 300 });
  });

  it('validateNewEvent throws only AppErrors (RULE_VIOLATION or VALIDATION), never anything else', () => {
    fc.assert(
      fc.property(arbitraryTrackArb, fc.integer({ min: 0, max: 200 }), fc.nat(), (t, day, pick) => {
        const types = EVENT_TYPES[t.country] as readonly string[];
        const e = buildEvent('new', types[pick % types.length] as string, addDays(BASE, day), undefined);
        try {
          validateNewEvent(t, e);
        } catch (err) {
          expect(isAppError(err) && ['RULE_VIOLATION', 'VALIDATION'].includes(err.code)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});
