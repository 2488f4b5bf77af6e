/**
 * Properties of the engine (issue 3 "Must show"), checked with fast-check on random tracks of the
 * three countries: arbitrary event lists (mostly refused, exercising the robustness of derive) and
 * valid walks built from `allowedNext` (exercising the rules deep into each procedure).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareDates, type CalendarDate } from '../dates/calendar-date';
import { COUNTRIES, type Country } from '../domain';
import { isAppError } from '../errors';
import { deriveTrackState, validateNewEvent, type TrackState } from './engine';
import { d } from './engine.fixtures';
import { EVENT_TYPES, type ProcedureEvent, type ProcedureTrack, type TrackFacts } from './track.schema';

const BASE = d('2026-01-01');

const factsArb: fc.Arbitrary<TrackFacts> = fc.record({
  isMinor: fc.boolean(),
  ageInDoubt: fc.boolean(),
  unaccompanied: fc.boolean(),
  thirdCountryNational: fc.boolean(),
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
    const staying = state.allowedNext.filter((x) => !LEAVING.includes(x));
    const offered = step.leave || staying.length === 0 ? state.allowedNext : staying;
    if (offered.length === 0) return;
    const type = offered[step.choice % offered.length] as string;
    date = addDays(date, step.gap);
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
