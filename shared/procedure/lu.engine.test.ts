/**
 * Luxembourg: every rule of lu.rules.ts, table-driven, each row citing its source
 * (Benelux brochure 2021 §4 LU; law of 29.08.2008 art. 93 and 95). Dates are exact.
 */
import { describe, expect, it } from 'vitest';
import type { DueKind } from '../rules/rule.types';
import { deriveTrackState } from './engine';
import { ADULT_EU, ADULT_TCN, UNACCOMPANIED_MINOR, dueMap, track, warningCodes, type Row } from './engine.fixtures';
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

const ID = '§4 LU "Identificatie van de slachtoffers"';
const R = '§4 LU "Reflectieperiode"; law of 29.08.2008 art. 93';
const F = '§4 LU "Verdere afhandeling en verblijfsvergunning"';
const PERMIT = `${F}; law of 29.08.2008 art. 95`;
const MIN = '§4 LU "Minderjarige slachtoffers"';

const IDENTIFIED: Row[] = [['identifiedByJudicialPolice', '2026-05-01']];
const IN_REFLECTION: Row[] = [...IDENTIFIED, ['reflectionGranted', '2026-05-01']];
const WITH_PERMIT: Row[] = [...IN_REFLECTION, ['victimPermitGranted', '2026-07-20']];

const scenarios: Scenario[] = [
  {
    name: 'identification by the judicial police comes first',
    source: `${ID}; §4 LU "Basis"`,
    events: IDENTIFIED,
    phase: 'lu.identified',
    due: {},
  },
  {
    name: 'reflection period of 90 days; the decision is due before it expires (third-country national)',
    source: `${R}: "een bedenktijd met een geldigheidsduur van 90 dagen"; ${F}: "Ook voor het verstrijken van de bedenktijd"`,
    events: IN_REFLECTION,
    phase: 'lu.reflection',
    due: { reflectionPeriodEnd: '2026-07-30', preExpiryDecisionDue: '2026-07-30' },
  },
  {
    name: 'reflection from 1 December 2027 across February 2028 (leap year)',
    source: `${R}: 90 dagen`,
    events: [
      ['identifiedByJudicialPolice', '2027-12-01'],
      ['reflectionGranted', '2027-12-01'],
    ],
    phase: 'lu.reflection',
    due: { reflectionPeriodEnd: '2028-02-29', preExpiryDecisionDue: '2028-02-29' },
  },
  {
    name: 'reflection across the summer-time switch of 29 March 2026',
    source: `${R}: 90 dagen`,
    events: [
      ['identifiedByJudicialPolice', '2026-03-15'],
      ['reflectionGranted', '2026-03-15'],
    ],
    phase: 'lu.reflection',
    due: { reflectionPeriodEnd: '2026-06-13', preExpiryDecisionDue: '2026-06-13' },
  },
  {
    name: 'an EU national gets the same 90 days informally, without the immigration decision',
    source: `${R}: "Bij gebrek aan specifieke wetgeving t.a.v. slachtoffers uit de EU beschikken zij bij analogie over dezelfde bedenktijd"`,
    facts: ADULT_EU,
    events: [['reflectionGranted', '2026-05-01']],
    phase: 'lu.reflection',
    due: { reflectionPeriodEnd: '2026-07-30' },
    warnings: ['residencePosition'],
  },
  {
    name: 'an EU victim stays after the three months as a person with own means: no permit deadline',
    source: `${F}: "wordt beschouwd als een persoon met eigen middelen en kan dan ook uit hoofde daarvan niet alleen blijven op het grondgebied na de drie maanden"`,
    facts: ADULT_EU,
    events: [
      ['reflectionGranted', '2026-05-01'],
      ['stayWithOwnMeans', '2026-07-30'],
    ],
    phase: 'lu.ownMeans',
    due: {},
    warnings: ['residencePosition'],
  },
  {
    name: 'an EU victim recorded with a victim permit (old data) gets no 6-month deadline: the event is refused',
    source: `§4 LU "Basis": "met dat verschil dat een slachtoffer afkomstig uit een derde land dient samen te werken met de autoriteiten"`,
    facts: ADULT_EU,
    events: [
      ['reflectionGranted', '2026-05-01'],
      ['victimPermitGranted', '2026-07-20'],
    ],
    phase: 'lu.reflection',
    due: { reflectionPeriodEnd: '2026-07-30' },
    warnings: ['eventRefused', 'residencePosition'],
  },
  {
    name: 'the certificate printed with another end date: entered date kept, decision follows it',
    source: `${R}; docs/legal-rules.md (document expiry)`,
    events: [...IDENTIFIED, ['reflectionGranted', '2026-05-01', '2026-07-31']],
    phase: 'lu.reflection',
    due: { reflectionPeriodEnd: '2026-07-31', preExpiryDecisionDue: '2026-07-31' },
    warnings: ['documentExpiryDiffers'],
  },
  {
    name: 'a negative decision ends the victim status',
    source: `${F}: "Het geïdentificeerde slachtoffer verliest de status van slachtoffer"`,
    events: [...IN_REFLECTION, ['decisionNegative', '2026-07-15']],
    phase: 'lu.ended',
    due: {},
  },
  {
    name: 'residence permit for victims: 6 months',
    source: `${PERMIT}: "De verblijfstitel is voor een periode van 6 maanden geldig"`,
    events: WITH_PERMIT,
    phase: 'lu.victimPermit',
    due: { residencePermitExpiry: '2027-01-20' },
  },
  {
    name: 'a permit granted after the reflection period expired: lateAct warning',
    source: `${F}: "Ook voor het verstrijken van de bedenktijd"`,
    events: [...IN_REFLECTION, ['victimPermitGranted', '2026-08-03']],
    phase: 'lu.victimPermit',
    due: { residencePermitExpiry: '2027-02-03' },
    warnings: ['lateAct'],
  },
  {
    name: 'permit of 31 August: 6 months clamp to 28 February',
    source: `${PERMIT}: 6 maanden`,
    events: [
      ['identifiedByJudicialPolice', '2026-06-10'],
      ['reflectionGranted', '2026-06-10'],
      ['victimPermitGranted', '2026-08-31'],
    ],
    phase: 'lu.victimPermit',
    due: { residencePermitExpiry: '2027-02-28' },
  },
  {
    name: 'renewed for 6 months while the proceedings last, from the renewal (1 July 2027 + 6 months)',
    source: `${PERMIT}: "kan worden verlengd zo lang de gerechtelijke procedures duren"`,
    events: [...WITH_PERMIT, ['victimPermitRenewed', '2027-01-10'], ['victimPermitRenewed', '2027-07-01']],
    phase: 'lu.victimPermit',
    due: { residencePermitExpiry: '2028-01-01' },
  },
  {
    name: 'end of the proceedings: the current permit runs to its expiry',
    source: PERMIT,
    events: [...WITH_PERMIT, ['proceedingsEnded', '2026-11-01']],
    phase: 'lu.victimPermit',
    due: { residencePermitExpiry: '2027-01-20' },
  },
  {
    name: 'revocation ends the victim status',
    source: `${F}: "kan niettemin worden ingetrokken indien"`,
    events: [...WITH_PERMIT, ['victimPermitRevoked', '2026-10-01']],
    phase: 'lu.ended',
    due: {},
  },
  {
    name: 'residence permit for personal reasons: at most 3 years',
    source: `${F}: "geldig gedurende een maximale duur van drie jaar"`,
    events: [...WITH_PERMIT, ['proceedingsEnded', '2026-11-01'], ['personalReasonsPermitGranted', '2027-01-15']],
    phase: 'lu.personalReasonsPermit',
    due: { personalReasonsPermitExpiry: '2030-01-15' },
  },
  {
    name: 'personal-reasons permit of 29 February 2028: 3 years clamp to 28 February 2031',
    source: `${F}: maximale duur van drie jaar`,
    events: [
      ['identifiedByJudicialPolice', '2027-09-01'],
      ['reflectionGranted', '2027-09-01'],
      ['victimPermitGranted', '2027-11-20'],
      ['personalReasonsPermitGranted', '2028-02-29'],
    ],
    phase: 'lu.personalReasonsPermit',
    due: { personalReasonsPermitExpiry: '2031-02-28' },
  },
  {
    name: 'the personal-reasons permit is renewable, at most 3 years from the renewal (not 3 years from the old expiry)',
    source: `${F}: "Deze verblijfstitel is geldig gedurende een maximale duur van drie jaar en kan worden verlengd"`,
    events: [...WITH_PERMIT, ['personalReasonsPermitGranted', '2027-01-15'], ['personalReasonsPermitRenewed', '2029-12-01']],
    phase: 'lu.personalReasonsPermit',
    due: { personalReasonsPermitExpiry: '2032-12-01' },
  },
  {
    name: 'salaried worker permit (art. 42): no term in the brochure, only an entered expiry',
    source: `${F}; law of 29.08.2008 art. 42`,
    events: [...WITH_PERMIT, ['salariedWorkerPermitGranted', '2027-01-10', '2028-01-09']],
    phase: 'lu.salariedWorkerPermit',
    due: { residencePermitExpiry: '2028-01-09' },
  },
  {
    name: 'unaccompanied minor: guardian and ad hoc administrator are reminded',
    source: `${MIN}: "een beheerder ad hoc ... en een voogd"`,
    facts: UNACCOMPANIED_MINOR,
    events: IN_REFLECTION,
    phase: 'lu.reflection',
    due: { reflectionPeriodEnd: '2026-07-30', preExpiryDecisionDue: '2026-07-30' },
    warnings: ['guardianRequired', 'adHocAdministratorRequired'],
  },
  {
    name: 'age in doubt: presumed minor, guardian and ad hoc administrator are reminded even if accompanied',
    source: `${MIN}: "Is er twijfel over de leeftijd van het slachtoffer, dan wordt hij/zij als minderjarig beschouwd"`,
    facts: { ...ADULT_TCN, ageInDoubt: true },
    events: IDENTIFIED,
    phase: 'lu.identified',
    due: {},
    warnings: ['guardianRequired', 'adHocAdministratorRequired'],
  },
  {
    name: 'an accompanied minor with a conflict of interest with the parents: guardian and ad hoc administrator',
    source: `${MIN}: "of indien er een belangenconflict bestaat tussen het slachtoffer en de houders van het ouderlijk gezag"`,
    facts: { ...ADULT_TCN, isMinor: true, parentalConflict: true },
    events: IDENTIFIED,
    phase: 'lu.identified',
    due: {},
    warnings: ['guardianRequired', 'adHocAdministratorRequired'],
  },
  {
    name: 'a minor trafficked by the holders of parental authority: guardian and ad hoc administrator',
    source: `${MIN}: "of indien de personen die gezag hebben over het minderjarige slachtoffer de daders zijn van de mensenhandel"`,
    facts: { ...ADULT_TCN, isMinor: true, parentsArePerpetrators: true },
    events: IDENTIFIED,
    phase: 'lu.identified',
    due: {},
    warnings: ['guardianRequired', 'adHocAdministratorRequired'],
  },
  {
    name: 'age in doubt with the organisation policy off: still presumed a minor, because it is Luxembourg law',
    source: `${MIN}: "Is er twijfel over de leeftijd van het slachtoffer, dan wordt hij/zij als minderjarig beschouwd."`,
    facts: { ...ADULT_TCN, ageInDoubt: true, unaccompanied: true, presumeMinorityWhenInDoubt: false },
    events: IDENTIFIED,
    phase: 'lu.identified',
    due: {},
    warnings: ['guardianRequired', 'adHocAdministratorRequired'],
  },
  {
    name: 'minor with both appointments recorded: no reminder',
    source: MIN,
    facts: UNACCOMPANIED_MINOR,
    events: [
      ['guardianAppointed', '2026-04-20'],
      ['adHocAdministratorAppointed', '2026-04-21'],
      ...IDENTIFIED,
    ],
    phase: 'lu.identified',
    due: {},
  },
  {
    name: 'an accompanied minor whose age is certain: same procedure, no appointment reminder',
    source: `${MIN}: "dezelfde als voor meerderjarige slachtoffers"`,
    facts: { ...ADULT_TCN, isMinor: true },
    events: IN_REFLECTION,
    phase: 'lu.reflection',
    due: { reflectionPeriodEnd: '2026-07-30', preExpiryDecisionDue: '2026-07-30' },
  },
];

describe('LU rules (brochure §4 LU)', () => {
  it.each(scenarios)('$name [$source]', (s) => {
    const state = deriveTrackState(track('LU', s.events, s.facts ?? ADULT_TCN));
    expect(state.phase.id).toBe(s.phase);
    expect(dueMap(state)).toEqual(s.due);
    expect(warningCodes(state)).toEqual(s.warnings ?? []);
  });

  it('a third-country national cannot be offered a reflection period before identification', () => {
    expect(deriveTrackState(track('LU', [], ADULT_TCN)).allowedNext).not.toContain('reflectionGranted');
    expect(deriveTrackState(track('LU', IDENTIFIED, ADULT_TCN)).allowedNext).toContain('reflectionGranted');
    expect(deriveTrackState(track('LU', [], ADULT_EU)).allowedNext).toContain('reflectionGranted');
  });

  it.each([
    ['lu.reflection', IN_REFLECTION, ['lu.preExpiryQuestions']],
    ['lu.victimPermit', WITH_PERMIT, ['lu.revocationGrounds']],
  ] as const)('checklists shown in %s', (_phase, rows, ids) => {
    expect(deriveTrackState(track('LU', rows)).checklists).toEqual(ids);
  });
});
