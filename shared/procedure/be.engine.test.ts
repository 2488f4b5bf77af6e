/**
 * Belgium: every rule of be.rules.ts, table-driven, each row citing its source
 * (Benelux brochure 2021 §4 BE; Vreemdelingenwet art. 61/2-61/5). Dates are exact.
 */
import { describe, expect, it } from 'vitest';
import type { DueKind } from '../rules/rule.types';
import { deriveTrackState, validateNewEvent } from './engine';
import { ADULT_TCN, UNACCOMPANIED_MINOR, d, dueMap, track, warningCodes, type Row } from './engine.fixtures';
import type { PhaseId, TrackFacts } from './track.schema';

interface Scenario {
  name: string;
  source: string;
  facts?: TrackFacts;
  events: Row[];
  phase: PhaseId;
  due: Partial<Record<DueKind, string>>;
  warnings?: string[];
}

const R = '§4 BE "Reflectieperiode"';
const F = '§4 BE "Verdere afhandeling en verblijfsvergunning"';
const M = '§4 BE "Specifieke elementen/maatregelen inzake niet-begeleide minderjarige vreemdelingen (NBMV)"';

const scenarios: Scenario[] = [
  {
    name: 'before anything is recorded: detection, no deadline',
    source: '§4 BE "Detectie van het slachtoffer"',
    events: [],
    phase: 'be.detection',
    due: {},
  },
  {
    name: 'annex 15 gives 45 days, across the summer-time switch of 29 March 2026',
    source: `${R}: "Duur: 45 dagen"`,
    events: [['annex15Issued', '2026-03-15']],
    phase: 'be.reflection',
    due: { reflectionPeriodEnd: '2026-04-29' },
  },
  {
    name: 'annex 15 across the winter-time switch of 25 October 2026',
    source: `${R}: 45 dagen`,
    events: [['annex15Issued', '2026-10-10']],
    phase: 'be.reflection',
    due: { reflectionPeriodEnd: '2026-11-24' },
  },
  {
    name: 'annex 15 in February of a leap year (2028)',
    source: `${R}: 45 dagen`,
    events: [['annex15Issued', '2028-02-10']],
    phase: 'be.reflection',
    due: { reflectionPeriodEnd: '2028-03-26' },
  },
  {
    name: 'annex 15 in February of a common year (2027)',
    source: `${R}: 45 dagen`,
    events: [['annex15Issued', '2027-02-10']],
    phase: 'be.reflection',
    due: { reflectionPeriodEnd: '2027-03-27' },
  },
  {
    name: 'the annex 15 printed with another end date: the entered date is kept, with a warning',
    source: `${R}; docs/legal-rules.md (document expiry)`,
    events: [['annex15Issued', '2026-03-15', '2026-04-30']],
    phase: 'be.reflection',
    due: { reflectionPeriodEnd: '2026-04-30' },
    warnings: ['documentExpiryDiffers'],
  },
  {
    name: 'the statement ends the reflection early and moves to phase 2; the AI expiry is estimated from it',
    source: `${R}, outcome 1: "Daarna wordt direct overgegaan naar de volgende fase"; ${F}: max. 3 maanden`,
    events: [
      ['annex15Issued', '2026-03-15'],
      ['statementMade', '2026-04-01'],
    ],
    phase: 'be.attestation',
    due: { attestationExpiry: '2026-07-01', evaluationDue: '2026-07-01' },
  },
  {
    name: 'a statement made on the last day of the reflection period is in time',
    source: `${R}, outcome 1: "ten laatste aan het einde van de reflectieperiode"`,
    events: [
      ['annex15Issued', '2026-03-15'],
      ['statementMade', '2026-04-29'],
    ],
    phase: 'be.attestation',
    due: { attestationExpiry: '2026-07-29', evaluationDue: '2026-07-29' },
  },
  {
    name: 'a statement after the reflection period ended is recorded with a lateAct warning',
    source: `${R}, outcome 1: "ten laatste aan het einde van de reflectieperiode"`,
    events: [
      ['annex15Issued', '2026-03-15'],
      ['statementMade', '2026-04-30'],
    ],
    phase: 'be.attestation',
    due: { attestationExpiry: '2026-07-30', evaluationDue: '2026-07-30' },
    warnings: ['lateAct'],
  },
  {
    name: 'AI issued on 31 January: 3 months clamp to 30 April; the evaluation is due before it expires',
    source: `${F}: "max. 3 maanden"; "Voor het verstrijken van deze periode evalueert de magistraat"`,
    events: [
      ['annex15Issued', '2025-12-20'],
      ['statementMade', '2026-01-30'],
      ['aiIssued', '2026-01-31'],
    ],
    phase: 'be.attestation',
    due: { attestationExpiry: '2026-04-30', evaluationDue: '2026-04-30' },
  },
  {
    name: 'AI issued on 30 November 2026: 3 months clamp to 28 February 2027',
    source: `${F}: max. 3 maanden`,
    events: [
      ['statementMade', '2026-11-30'],
      ['aiIssued', '2026-11-30'],
    ],
    phase: 'be.attestation',
    due: { attestationExpiry: '2027-02-28', evaluationDue: '2027-02-28' },
  },
  {
    name: 'AI issued on 30 November 2027: 3 months reach 29 February 2028 (leap year)',
    source: `${F}: max. 3 maanden`,
    events: [
      ['statementMade', '2027-11-30'],
      ['aiIssued', '2027-11-30'],
    ],
    phase: 'be.attestation',
    due: { attestationExpiry: '2028-02-29', evaluationDue: '2028-02-29' },
  },
  {
    name: 'the renewal runs from its own date, never past it plus 3 months (20 Feb + 3 months = 20 May, not 28 May)',
    source: `${F}: "eenmalig hernieuwbaar voor een maximumperiode van 3 maanden"`,
    events: [
      ['statementMade', '2026-11-30'],
      ['aiIssued', '2026-11-30'],
      ['aiRenewed', '2027-02-20'],
    ],
    phase: 'be.attestation',
    due: { attestationExpiry: '2027-05-20', evaluationDue: '2027-05-20' },
  },
  {
    name: 'a renewal after the AI lapsed runs from the renewal, with a lateAct warning',
    source: `${F}: eenmalig hernieuwbaar`,
    events: [
      ['statementMade', '2026-01-10'],
      ['aiIssued', '2026-01-10'],
      ['aiRenewed', '2026-04-20'],
    ],
    phase: 'be.attestation',
    due: { attestationExpiry: '2026-07-20', evaluationDue: '2026-07-20' },
    warnings: ['lateAct'],
  },
  {
    name: 'the AI printed with an earlier expiry: the entered date wins, the evaluation follows it',
    source: `${F}: "max. 3 maanden"; docs/legal-rules.md (document expiry)`,
    events: [
      ['statementMade', '2026-02-01'],
      ['aiIssued', '2026-02-01', '2026-04-30'],
    ],
    phase: 'be.attestation',
    due: { attestationExpiry: '2026-04-30', evaluationDue: '2026-04-30' },
    warnings: ['documentExpiryDiffers'],
  },
  {
    name: 'positive evaluation: phase 3; the AI still counts until the BIVR is issued',
    source: `${F}: "Na een positieve evaluatie ... volgt de afgifte van het bewijs van inschrijving"`,
    events: [
      ['statementMade', '2026-02-01'],
      ['aiIssued', '2026-02-01'],
      ['evaluationPositive', '2026-04-15'],
    ],
    phase: 'be.registration',
    due: { attestationExpiry: '2026-05-01' },
  },
  {
    name: 'BIVR valid 6 months (31 August + 6 months = 28 February)',
    source: `${F}: "dat zes maand geldt"`,
    events: [
      ['statementMade', '2026-06-01'],
      ['aiIssued', '2026-06-01'],
      ['evaluationPositive', '2026-07-20'],
      ['bivrIssued', '2026-08-31'],
    ],
    phase: 'be.registration',
    due: { registrationExpiry: '2027-02-28' },
  },
  {
    name: 'BIVR renewed each time for 6 months, from the renewal (10 Aug 2027 + 6 months)',
    source: `${F}: "telkens hernieuwd wordt tot het moment waarop de rechtbank het vonnis in eerste aanleg velt"`,
    events: [
      ['statementMade', '2026-06-01'],
      ['aiIssued', '2026-06-01'],
      ['evaluationPositive', '2026-07-20'],
      ['bivrIssued', '2026-08-31'],
      ['bivrRenewed', '2027-02-15'],
      ['bivrRenewed', '2027-08-10'],
    ],
    phase: 'be.registration',
    due: { registrationExpiry: '2028-02-10' },
  },
  {
    name: 'after the first-instance judgment the current BIVR still runs to its expiry',
    source: F,
    events: [
      ['statementMade', '2026-05-01'],
      ['aiIssued', '2026-05-01'],
      ['evaluationPositive', '2026-07-20'],
      ['bivrIssued', '2026-08-01'],
      ['firstInstanceJudgment', '2026-12-01'],
    ],
    phase: 'be.registration',
    due: { registrationExpiry: '2027-02-01' },
  },
  {
    name: 'indefinite residence: phase 4, no more deadlines',
    source: `${F}, "Afsluiten van de procedure"`,
    events: [
      ['statementMade', '2026-05-01'],
      ['aiIssued', '2026-05-01'],
      ['evaluationPositive', '2026-07-20'],
      ['bivrIssued', '2026-08-01'],
      ['firstInstanceJudgment', '2026-12-01'],
      ['indefiniteResidenceGranted', '2027-01-10'],
    ],
    phase: 'be.indefinite',
    due: {},
  },
  {
    name: 'negative evaluation ends the procedure',
    source: F,
    events: [
      ['statementMade', '2026-05-01'],
      ['aiIssued', '2026-05-01'],
      ['evaluationNegative', '2026-07-20'],
    ],
    phase: 'be.ended',
    due: {},
  },
  {
    name: 'no wish to cooperate (yet) during the reflection period keeps the period and its deadline',
    source: `${R}, outcome 1: "Aan deze voorwaarde dient ten laatste aan het einde van de reflectieperiode voldaan te worden."`,
    events: [
      ['annex15Issued', '2026-03-15'],
      ['noCooperation', '2026-04-10'],
    ],
    phase: 'be.reflection',
    due: { reflectionPeriodEnd: '2026-04-29' },
  },
  {
    name: 'a statement made later within the 45 days leads to the attestation phase',
    source: `${R}, outcome 1: "Daarna wordt direct overgegaan naar de volgende fase."`,
    events: [
      ['annex15Issued', '2026-03-15'],
      ['noCooperation', '2026-04-10'],
      ['statementMade', '2026-04-28'],
    ],
    phase: 'be.attestation',
    due: { attestationExpiry: '2026-07-28', evaluationDue: '2026-07-28' },
  },
  {
    name: 'only at the end of the period without a statement does the track reach its outcome (OCMW support)',
    source: `${R}, outcome 3: "Er is de mogelijkheid tot het ontvangen van sociale steun via het OCMW"`,
    events: [
      ['annex15Issued', '2026-03-15'],
      ['noCooperation', '2026-04-10'],
      ['reflectionEndedWithoutStatement', '2026-04-29'],
    ],
    phase: 'be.ended',
    due: {},
  },
  {
    name: 'the magistrate may decide at any moment the person is no longer a victim',
    source: `${F}: "op elk moment zelfstandig beslissen"`,
    events: [
      ['statementMade', '2026-05-01'],
      ['aiIssued', '2026-05-01'],
      ['evaluationPositive', '2026-07-20'],
      ['bivrIssued', '2026-08-01'],
      ['victimStatusEnded', '2026-09-01'],
    ],
    phase: 'be.ended',
    due: {},
  },
  {
    name: 'voluntary return during the reflection period',
    source: `${R}, outcome 2`,
    events: [
      ['annex15Issued', '2026-03-15'],
      ['voluntaryReturn', '2026-03-20'],
    ],
    phase: 'be.returned',
    due: {},
  },
  {
    name: 'closing the file in phase 3',
    source: 'Passerelle: closing is possible at any time',
    events: [
      ['statementMade', '2026-05-01'],
      ['aiIssued', '2026-05-01'],
      ['evaluationPositive', '2026-07-20'],
      ['closed', '2026-07-21'],
    ],
    phase: 'be.closed',
    due: {},
  },
  {
    name: 'unaccompanied minor: AI at once during the reflection period (3 months)',
    source: `${M}: "tijdens de reflectieperiode onmiddellijk een attest van immatriculatie ... maximum drie maanden"`,
    facts: UNACCOMPANIED_MINOR,
    events: [
      ['guardianAppointed', '2026-03-15'],
      ['annex15Issued', '2026-03-15'],
      ['aiIssued', '2026-03-15'],
    ],
    phase: 'be.reflection',
    due: { reflectionPeriodEnd: '2026-04-29', attestationExpiry: '2026-06-15' },
  },
  {
    name: "unaccompanied minor: the minor's AI is renewable once and carries into phase 2",
    source: `${M}: "eenmaal hernieuwbaar voor maximum drie maanden"`,
    facts: UNACCOMPANIED_MINOR,
    events: [
      ['guardianAppointed', '2026-03-15'],
      ['annex15Issued', '2026-03-15'],
      ['aiIssued', '2026-03-15'],
      ['statementMade', '2026-04-20'],
      ['aiRenewed', '2026-06-10'],
    ],
    phase: 'be.attestation',
    due: { attestationExpiry: '2026-09-10', evaluationDue: '2026-09-10' },
  },
  {
    name: 'unaccompanied minor without AI or guardian: two reminders',
    source: `${M}: "Elke NBMV krijgt een voogd toegewezen"; "onmiddellijk een attest van immatriculatie"`,
    facts: UNACCOMPANIED_MINOR,
    events: [['annex15Issued', '2026-03-15']],
    phase: 'be.reflection',
    due: { reflectionPeriodEnd: '2026-04-29' },
    warnings: ['guardianRequired', 'attestationDueForMinor'],
  },
  {
    name: 'age in doubt and unaccompanied: presumed an unaccompanied minor by the organisation policy, said so',
    source: '§4 LU "Minderjarige slachtoffers" (the rule of Luxembourg, the organisation default elsewhere)',
    facts: { ...ADULT_TCN, ageInDoubt: true, unaccompanied: true },
    events: [['annex15Issued', '2026-03-15']],
    phase: 'be.reflection',
    due: { reflectionPeriodEnd: '2026-04-29' },
    warnings: ['guardianRequired', 'attestationDueForMinor', 'presumedMinorByPolicy'],
  },
  {
    name: 'age in doubt with the policy switched off: not presumed a minor in Belgium',
    source: '§4 BE gives no presumption of minority',
    facts: { ...ADULT_TCN, ageInDoubt: true, unaccompanied: true, presumeMinorityWhenInDoubt: false },
    events: [['annex15Issued', '2026-03-15']],
    phase: 'be.reflection',
    due: { reflectionPeriodEnd: '2026-04-29' },
  },
  {
    name: 'an EU citizen: the mechanism was built for non-EU victims, and the page says so',
    source: '§4 BE "Basis": "oorspronkelijk opgezet voor slachtoffers van mensenhandel die van vreemde origine zijn (niet- EU)"',
    facts: { ...ADULT_TCN, thirdCountryNational: false },
    events: [['annex15Issued', '2026-03-15']],
    phase: 'be.reflection',
    due: { reflectionPeriodEnd: '2026-04-29' },
    warnings: ['residencePosition'],
  },
];

describe('BE rules (brochure §4 BE)', () => {
  it.each(scenarios)('$name [$source]', (s) => {
    const state = deriveTrackState(track('BE', s.events, s.facts ?? ADULT_TCN));
    expect(state.phase.id).toBe(s.phase);
    expect(dueMap(state)).toEqual(s.due);
    expect(warningCodes(state)).toEqual(s.warnings ?? []);
  });

  it("a minor's attestation received during the reflection period stays after the 18th birthday, however late it is recorded", () => {
    // §4 BE NBMV: "de NBMV tijdens de reflectieperiode onmiddellijk een attest van immatriculatie ontvangt"
    const facts: TrackFacts = { ...ADULT_TCN, adultFrom: d('2026-04-01'), unaccompanied: true };
    const before = track('BE', [['annex15Issued', '2026-03-15']], facts);
    const ai = { id: 'e2', type: 'aiIssued', date: d('2026-03-20') } as const;
    const late = validateNewEvent(before, ai, { today: d('2026-06-01') });
    const onTheDay = validateNewEvent(before, ai, { today: d('2026-03-20') });
    expect(late.dueDates).toEqual(onTheDay.dueDates);
    expect(dueMap(late)).toEqual({ reflectionPeriodEnd: '2026-04-29', attestationExpiry: '2026-06-20' });
    const after = deriveTrackState({ ...before, events: [...before.events, ai] } as typeof before, { today: d('2026-06-01') });
    expect(dueMap(after)).toEqual(dueMap(onTheDay));
    expect(after.cameOfAgeOn).toBe('2026-04-01');
    expect(warningCodes(after)).toContain('cameOfAge');
    // Recorded after the birthday with an act dated after it, the adult rule applies to that act.
    expect(() => validateNewEvent(before, { ...ai, date: d('2026-04-02') })).toThrow(/unaccompanied minor/);
  });

  it('each due date names the act it runs from and its rule', () => {
    const state = deriveTrackState(
      track('BE', [
        ['statementMade', '2026-11-30'],
        ['aiIssued', '2026-11-30'],
        ['aiRenewed', '2027-02-20'],
      ]),
    );
    const ai = state.dueDates.find((due) => due.kind === 'attestationExpiry');
    expect(ai).toMatchObject({
      dueDate: '2027-05-20',
      computedDate: '2027-05-20',
      enteredDate: null,
      fromEventId: 'e3',
      fromEventType: 'aiRenewed',
      actDate: '2027-02-20',
      runsFrom: '2027-02-20',
      ruleId: 'be.attestation.renewalDuration',
      provisional: false,
      periodIsMaximum: true,
      basis: 'estimate',
    });
    expect(ai?.source).toContain('§4 BE');
  });

  it('the AI estimated from the statement is provisional and is replaced by the recorded AI', () => {
    const estimated = deriveTrackState(track('BE', [['statementMade', '2026-04-01']]));
    expect(estimated.dueDates.map((due) => [due.kind, due.dueDate, due.provisional])).toEqual([
      ['attestationExpiry', '2026-07-01', true],
      ['evaluationDue', '2026-07-01', true],
    ]);
    const recorded = deriveTrackState(
      track('BE', [
        ['statementMade', '2026-04-01'],
        ['aiIssued', '2026-04-03'],
      ]),
    );
    expect(recorded.dueDates.map((due) => [due.kind, due.dueDate, due.provisional])).toEqual([
      ['attestationExpiry', '2026-07-03', false],
      ['evaluationDue', '2026-07-03', false],
    ]);
  });

  it('the warning for a differing document expiry names both dates in every language', () => {
    const state = deriveTrackState(track('BE', [['annex15Issued', '2026-03-15', '2026-04-30']]));
    expect(state.warnings[0]).toMatchObject({
      code: 'documentExpiryDiffers',
      eventId: 'e1',
      ruleId: 'be.reflection.duration',
      params: { entered: '30-04-2026', computed: '29-04-2026', direction: 'later' },
    });
    expect(state.warnings[0]?.message.nl).toContain('30-04-2026');
    expect(state.warnings[0]?.message.fr).toContain('29-04-2026');
  });

  it.each([
    ['be.detection', [], ['be.entryConditions']],
    ['be.reflection', [['annex15Issued', '2026-03-15']], ['be.entryConditions']],
    ['be.attestation', [['statementMade', '2026-03-15']], ['be.evaluationConditions']],
  ] as const)('checklists shown in %s', (_phase, rows, ids) => {
    expect(deriveTrackState(track('BE', rows)).checklists).toEqual(ids);
  });

  it.each([
    ['detection', [], ['guardianAppointed', 'annex15Issued', 'statementMade', 'noCooperation', 'voluntaryReturn', 'closed']],
    [
      'reflection (adult)',
      [['annex15Issued', '2026-03-15']],
      ['guardianAppointed', 'statementMade', 'noCooperation', 'victimStatusEnded', 'voluntaryReturn', 'closed'],
    ],
    [
      'phase 2 after the AI',
      [
        ['statementMade', '2026-03-15'],
        ['aiIssued', '2026-03-15'],
      ],
      ['guardianAppointed', 'aiRenewed', 'evaluationPositive', 'evaluationNegative', 'victimStatusEnded', 'voluntaryReturn', 'closed'],
    ],
    ['returned', [['voluntaryReturn', '2026-03-15']], ['guardianAppointed', 'closed']],
    ['closed', [['closed', '2026-03-15']], []],
  ] as const)('allowed next events in %s', (_name, rows, next) => {
    expect(deriveTrackState(track('BE', rows)).allowedNext).toEqual(next);
  });

  it('an unaccompanied minor may receive the AI during the reflection period; an adult may not', () => {
    const rows = [['annex15Issued', '2026-03-15']] as const;
    expect(deriveTrackState(track('BE', rows, UNACCOMPANIED_MINOR)).allowedNext).toContain('aiIssued');
    expect(deriveTrackState(track('BE', rows, ADULT_TCN)).allowedNext).not.toContain('aiIssued');
  });
});

describe('no time zone can shift a deadline', () => {
  it('the same state whatever process.env.TZ says (the engine never uses Date)', () => {
    const saved = process.env.TZ;
    const states: string[] = [];
    try {
      for (const tz of ['Europe/Brussels', 'Pacific/Kiritimati', 'America/Los_Angeles']) {
        process.env.TZ = tz;
        states.push(JSON.stringify(deriveTrackState(track('BE', [['annex15Issued', '2026-03-15']]))));
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    expect(new Set(states).size).toBe(1);
    expect(states[0]).toContain('"dueDate":"2026-04-29"');
  });
});
