/**
 * The Netherlands: every rule of nl.rules.ts, table-driven, each row citing its source
 * (Benelux brochure 2021 §4 NL; Vw 2000 art. 8 onder k; Vb 2000 art. 3.48 and 3.51). Dates are exact.
 */
import { describe, expect, it } from 'vitest';
import type { DueKind } from '../rules/rule.types';
import { deriveTrackState } from './engine';
import { ADULT_TCN, UNACCOMPANIED_MINOR, dueMap, track, warningCodes, type Row } from './engine.fixtures';
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

const R = '§4 NL "Reflectieperiode"; Vw 2000 art. 8 onder k';
const F = '§4 NL "Verdere afhandeling en verblijfsvergunning"';
const PERMIT = `${F}; Vb 2000 art. 3.48 lid 1 onder a`;
const HUM = `${F}; Vb 2000 art. 3.51 lid 3`;
const CANNOT = `${F}; Vb 2000 art. 3.48 lid 1 onder d, art. 3.51 lid 1 onder h`;

const scenarios: Scenario[] = [
  {
    name: 'an EU citizen: no bedenktijd deadline; the position (shelter exemption in the first five years) is shown',
    source: '§4 NL "Basis": "Voor slachtoffers met een EU-verblijfsrecht geldt dat voor opvang in de eerste vijf jaar van verblijf een ontheffing van de IND nodig is"',
    facts: { ...ADULT_TCN, thirdCountryNational: false },
    events: [],
    phase: 'nl.detection',
    due: {},
    warnings: ['residencePosition'],
  },
  {
    name: 'a Dutch national: shelter regardless of a report, shown as the position',
    source: '§4 NL "Basis": "Slachtoffers met de Nederlandse nationaliteit en slachtoffers die rechtmatig in Nederland verblijven hebben ongeacht of zij aangifte doen recht op opvang."',
    facts: { ...ADULT_TCN, thirdCountryNational: false, nationalOf: ['NL'] },
    events: [],
    phase: 'nl.detection',
    due: {},
    warnings: ['residencePosition'],
  },
  {
    name: 'an unaccompanied EU minor: the regular youth-care services, no Nidos notice',
    source: '§4 NL "Ondersteuning minderjarige slachtoffers": "minderjarige slachtoffers uit EU-landen zijn de reguliere voorzieningen van Jeugdzorg Nederland beschikbaar"',
    facts: { ...ADULT_TCN, isMinor: true, unaccompanied: true, thirdCountryNational: false },
    events: [],
    phase: 'nl.detection',
    due: {},
    warnings: ['minorCareServices', 'residencePosition'],
  },
  {
    name: 'an unaccompanied foreign minor: protected shelter and Nidos guardianship',
    source: '§4 NL "Ondersteuning minderjarige slachtoffers": "Nidos heeft ook de voogdij over deze minderjarigen."',
    facts: UNACCOMPANIED_MINOR,
    events: [],
    phase: 'nl.detection',
    due: {},
    warnings: ['guardianRequired'],
  },
  {
    name: 'reflection period of at most 3 months (15 March to 15 June)',
    source: `${R}: "maximaal drie maanden"`,
    events: [['reflectionStarted', '2026-03-15']],
    phase: 'nl.reflection',
    due: { reflectionPeriodEnd: '2026-06-15' },
  },
  {
    name: 'reflection from 31 January: 3 months clamp to 30 April',
    source: `${R}: maximaal drie maanden`,
    events: [['reflectionStarted', '2026-01-31']],
    phase: 'nl.reflection',
    due: { reflectionPeriodEnd: '2026-04-30' },
  },
  {
    name: 'reflection from 30 November 2026: 3 months clamp to 28 February 2027',
    source: `${R}: maximaal drie maanden`,
    events: [['reflectionStarted', '2026-11-30']],
    phase: 'nl.reflection',
    due: { reflectionPeriodEnd: '2027-02-28' },
  },
  {
    name: 'reflection from 30 November 2027 reaches 29 February 2028',
    source: `${R}: maximaal drie maanden`,
    events: [['reflectionStarted', '2027-11-30']],
    phase: 'nl.reflection',
    due: { reflectionPeriodEnd: '2028-02-29' },
  },
  {
    name: 'a shorter reflection period printed on the document is kept, with a warning',
    source: `${R}: "maximaal" drie maanden; docs/legal-rules.md (document expiry)`,
    events: [['reflectionStarted', '2026-03-15', '2026-05-15']],
    phase: 'nl.reflection',
    due: { reflectionPeriodEnd: '2026-05-15' },
    warnings: ['documentExpiryDiffers'],
  },
  {
    name: 'the report ends the reflection period; the permit has no fixed expiry',
    source: `${PERMIT}: "voor de duur van het opsporings- en vervolgingsonderzoek"`,
    events: [
      ['reflectionStarted', '2026-03-15'],
      ['reportMade', '2026-04-01'],
    ],
    phase: 'nl.temporaryPermit',
    due: {},
  },
  {
    name: 'a report made late is recorded with a lateAct warning',
    source: `${R}: maximaal drie maanden`,
    events: [
      ['reflectionStarted', '2026-03-15'],
      ['reportMade', '2026-06-16'],
    ],
    phase: 'nl.temporaryPermit',
    due: {},
    warnings: ['lateAct'],
  },
  {
    name: 'temporary permit: the 3-year continuous residence milestone runs from the permit',
    source: `${HUM} onder b: "drie jaar onafgebroken in Nederland op basis van een verblijfsvergunning"`,
    events: [
      ['reportMade', '2026-03-01'],
      ['temporaryPermitGranted', '2026-03-10'],
    ],
    phase: 'nl.temporaryPermit',
    due: { continuousResidenceMilestone: '2029-03-10' },
  },
  {
    name: 'permit granted on 29 February 2028: 3 years clamp to 28 February 2031',
    source: `${HUM} onder b`,
    events: [
      ['reportMade', '2028-02-29'],
      ['temporaryPermitGranted', '2028-02-29'],
    ],
    phase: 'nl.temporaryPermit',
    due: { continuousResidenceMilestone: '2031-02-28' },
  },
  {
    name: 'an expiry entered from the permit is shown, without a warning (no computed date to differ from)',
    source: `${PERMIT}; docs/legal-rules.md (document expiry)`,
    events: [
      ['reportMade', '2026-03-01'],
      ['temporaryPermitGranted', '2026-03-10', '2027-03-09'],
    ],
    phase: 'nl.temporaryPermit',
    due: { residencePermitExpiry: '2027-03-09', continuousResidenceMilestone: '2029-03-10' },
  },
  {
    name: 'an extension with a new document expiry replaces the old expiry',
    source: PERMIT,
    events: [
      ['reportMade', '2026-03-01'],
      ['temporaryPermitGranted', '2026-03-10', '2027-03-09'],
      ['temporaryPermitExtended', '2027-03-01', '2028-03-09'],
    ],
    phase: 'nl.temporaryPermit',
    due: { residencePermitExpiry: '2028-03-09', continuousResidenceMilestone: '2029-03-10' },
  },
  {
    name: 'the prosecution decision (criterion a) changes no phase',
    source: `${HUM} onder a`,
    events: [
      ['reportMade', '2026-03-01'],
      ['temporaryPermitGranted', '2026-03-10'],
      ['prosecutionDecided', '2026-09-01'],
    ],
    phase: 'nl.temporaryPermit',
    due: { continuousResidenceMilestone: '2029-03-10' },
  },
  {
    name: 'after the criminal proceedings the permit runs out; the milestone no longer applies',
    source: `${F}: "Na afloop van het strafproces loopt de verblijfsvergunning ... af"`,
    events: [
      ['reportMade', '2026-03-01'],
      ['temporaryPermitGranted', '2026-03-10', '2027-03-09'],
      ['criminalProceedingsEnded', '2026-12-01'],
    ],
    phase: 'nl.proceedingsEnded',
    due: { residencePermitExpiry: '2027-03-09' },
  },
  {
    name: 'application on humanitarian grounds after the proceedings',
    source: HUM,
    events: [
      ['reportMade', '2026-03-01'],
      ['temporaryPermitGranted', '2026-03-10'],
      ['criminalProceedingsEnded', '2026-12-01'],
      ['humanitarianApplicationSubmitted', '2026-12-15'],
    ],
    phase: 'nl.humanitarianApplication',
    due: {},
  },
  {
    name: 'application during a running case after the 3-year milestone',
    source: `${HUM} onder b`,
    events: [
      ['reportMade', '2026-03-01'],
      ['temporaryPermitGranted', '2026-03-10'],
      ['humanitarianApplicationSubmitted', '2029-03-11'],
      ['humanitarianPermitGranted', '2029-09-01'],
    ],
    phase: 'nl.humanitarianPermit',
    due: {},
  },
  {
    name: 'a refused application ends the procedure',
    source: HUM,
    events: [
      ['reportMade', '2026-03-01'],
      ['temporaryPermitGranted', '2026-03-10'],
      ['criminalProceedingsEnded', '2026-12-01'],
      ['humanitarianApplicationSubmitted', '2026-12-15'],
      ['humanitarianPermitRefused', '2027-04-01'],
    ],
    phase: 'nl.ended',
    due: {},
  },
  {
    name: 'victims who cannot cooperate (threat, medical): their own route, permit and application',
    source: `${CANNOT}: "mits dit ondersteund wordt door een verklaring van de politie en/of een medische verklaring"`,
    events: [
      ['reflectionStarted', '2026-03-15'],
      ['cannotCooperateDeclared', '2026-04-20'],
      ['temporaryPermitGranted', '2026-05-01', '2027-05-01'],
    ],
    phase: 'nl.cannotCooperate',
    due: { residencePermitExpiry: '2027-05-01' },
  },
  {
    name: 'the cannot-cooperate route leads to the humanitarian application (art. 3.51(1)(h))',
    source: CANNOT,
    events: [
      ['cannotCooperateDeclared', '2026-04-20'],
      ['humanitarianApplicationSubmitted', '2026-05-01'],
    ],
    phase: 'nl.humanitarianApplication',
    due: {},
  },
  {
    name: 'unaccompanied foreign minor: guardianship by Nidos is reminded until recorded',
    source: '§4 NL "Ondersteuning minderjarige slachtoffers": "Nidos heeft ook de voogdij over deze minderjarigen"',
    facts: UNACCOMPANIED_MINOR,
    events: [['reflectionStarted', '2026-03-15']],
    phase: 'nl.reflection',
    due: { reflectionPeriodEnd: '2026-06-15' },
    warnings: ['guardianRequired'],
  },
  {
    name: 'unaccompanied minor with Nidos guardianship recorded: no reminder',
    source: '§4 NL "Ondersteuning minderjarige slachtoffers"',
    facts: UNACCOMPANIED_MINOR,
    events: [
      ['guardianAppointed', '2026-03-14'],
      ['reflectionStarted', '2026-03-15'],
    ],
    phase: 'nl.reflection',
    due: { reflectionPeriodEnd: '2026-06-15' },
  },
  {
    name: 'voluntary return',
    source: R,
    events: [
      ['reflectionStarted', '2026-03-15'],
      ['voluntaryReturn', '2026-04-01'],
    ],
    phase: 'nl.returned',
    due: {},
  },
];

describe('NL rules (brochure §4 NL)', () => {
  it.each(scenarios)('$name [$source]', (s) => {
    const state = deriveTrackState(track('NL', s.events, s.facts ?? ADULT_TCN));
    expect(state.phase.id).toBe(s.phase);
    expect(dueMap(state)).toEqual(s.due);
    expect(warningCodes(state)).toEqual(s.warnings ?? []);
  });

  it.each([
    ['nl.detection', [], []],
    [
      'nl.temporaryPermit',
      [['reportMade', '2026-03-01']],
      ['nl.humanitarianCriteria'],
    ],
    [
      'nl.cannotCooperate',
      [['cannotCooperateDeclared', '2026-03-01']],
      ['nl.humanitarianCriteria'],
    ],
  ] as const)('checklists shown in %s', (_phase, rows, ids) => {
    expect(deriveTrackState(track('NL', rows)).checklists).toEqual(ids);
  });

  it('allowed next events during the temporary permit', () => {
    const state = deriveTrackState(
      track('NL', [
        ['reportMade', '2026-03-01'],
        ['temporaryPermitGranted', '2026-03-10'],
      ]),
    );
    expect(state.allowedNext).toEqual([
      'guardianAppointed',
      'temporaryPermitExtended',
      'prosecutionDecided',
      'criminalProceedingsEnded',
      'humanitarianApplicationSubmitted',
      'voluntaryReturn',
      'closed',
    ]);
  });
});
