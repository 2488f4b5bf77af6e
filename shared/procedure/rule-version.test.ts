/**
 * "Changing a law is a data change plus a test" (architecture.md "Rules are data"): a new version of
 * an event rule with a later effectiveFrom applies to acts from that date; older acts keep theirs.
 */
import { describe, expect, it } from 'vitest';
import { RULE_TABLES, type RuleTables } from '../rules/index';
import type { EventRule } from '../rules/rule.types';
import { deriveTrackState, ruleVersionFor } from './engine';
import { d, dueMap, track, warningCodes } from './engine.fixtures';

// A hypothetical amendment: from 1 January 2030 the Belgian reflection period lasts 60 days.
const current = RULE_TABLES.BE.events.find((e) => e.type === 'annex15Issued') as EventRule<string, string>;
const amended: EventRule<string, string> = {
  ...current,
  id: 'be.event.annex15Issued.v2030',
  effectiveFrom: d('2030-01-01'),
  source: { cites: [], note: { en: 'hypothetical amendment for this test', nl: 'hypothetische wijziging voor deze test', fr: 'modification hypothétique pour ce test' } },
  opens: [{ ...(current.opens?.[0] as NonNullable<typeof current.opens>[number]), id: 'be.reflection.duration.v2030', period: { days: 60 }, effectiveFrom: d('2030-01-01') }],
};
const amendedTables: RuleTables = { ...RULE_TABLES, BE: { ...RULE_TABLES.BE, events: [...RULE_TABLES.BE.events, amended] } };

describe('rule versions by effectiveFrom', () => {
  it.each([
    ['2029-12-31', '2030-02-14', 'be.reflection.duration'],
    ['2030-01-01', '2030-03-02', 'be.reflection.duration.v2030'],
  ])('an annex 15 of %s ends on %s (%s)', (act, end, ruleId) => {
    const state = deriveTrackState(track('BE', [['annex15Issued', act]]), { rules: amendedTables });
    expect(dueMap(state)).toEqual({ reflectionPeriodEnd: end });
    expect(state.dueDates[0]?.ruleId).toBe(ruleId);
  });

  it('the shipped tables are unchanged by the test table', () => {
    expect(dueMap(deriveTrackState(track('BE', [['annex15Issued', '2030-01-01']])))).toEqual({ reflectionPeriodEnd: '2030-02-15' });
  });

  it('an act before every version uses the earliest and warns (ruleNotInForce)', () => {
    expect(ruleVersionFor(RULE_TABLES.BE, 'annex15Issued', d('2005-01-01'))).toMatchObject({ inForce: false });
    const state = deriveTrackState(track('BE', [['annex15Issued', '2005-01-01']]));
    expect(dueMap(state)).toEqual({ reflectionPeriodEnd: '2005-02-15' });
    expect(warningCodes(state)).toEqual(['ruleNotInForce']);
  });
});
