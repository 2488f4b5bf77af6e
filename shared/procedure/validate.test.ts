/**
 * validateNewEvent: each refused transition, with the rule and the source it cites (README "Persons
 * and procedures": a transition the rules forbid is refused with RULE_VIOLATION and a message that
 * cites the rule).
 */
import { describe, expect, it } from 'vitest';
import type { Country } from '../domain';
import { isAppError } from '../errors';
import { deriveTrackState, validateNewEvent } from './engine';
import { ADULT_EU, ADULT_TCN, UNACCOMPANIED_MINOR, d, event, refusalOf, track, type Row } from './engine.fixtures';
import type { ProcedureEvent, TrackFacts } from './track.schema';

interface Refused {
  name: string;
  country: Country;
  facts?: TrackFacts;
  events: Row[];
  add: Row;
  ruleId: string;
  /** A fragment the cited source must contain. */
  source: string;
}

const newEvent = (row: Row): ProcedureEvent => ({ ...event(row, 0), id: 'new' });

const refused: Refused[] = [
  {
    name: 'BE: ending the reflection period without a statement before its 45 days have run',
    country: 'BE',
    events: [
      ['annex15Issued', '2026-03-15'],
      ['noCooperation', '2026-04-10'],
    ],
    add: ['reflectionEndedWithoutStatement', '2026-04-28'],
    ruleId: 'be.reflection.decisionUntilEnd',
    source: 'ten laatste aan het einde van de reflectieperiode',
  },
  {
    name: 'NL: a bedenktijd for an EU citizen',
    country: 'NL',
    facts: ADULT_EU,
    events: [],
    add: ['reflectionStarted', '2026-03-15'],
    ruleId: 'nl.scheme.withoutResidenceStatus',
    source: 'zonder verblijfsstatus',
  },
  {
    name: 'NL: a bedenktijd for a lawful resident (recorded status)',
    country: 'NL',
    facts: { ...ADULT_TCN, residenceStatus: 'lawfulResident' },
    events: [],
    add: ['reflectionStarted', '2026-03-15'],
    ruleId: 'nl.scheme.withoutResidenceStatus',
    source: 'zonder verblijfsstatus',
  },
  {
    name: 'NL: a bedenktijd for a Dutch national',
    country: 'NL',
    facts: { ...ADULT_TCN, residenceStatus: 'thirdCountryNoStatus', nationalOf: ['NL'] },
    events: [],
    add: ['reflectionStarted', '2026-03-15'],
    ruleId: 'nl.scheme.withoutResidenceStatus',
    source: 'zonder verblijfsstatus',
  },
  {
    name: 'LU: a residence permit for victims for an EU citizen',
    country: 'LU',
    facts: ADULT_EU,
    events: [['reflectionGranted', '2026-03-15']],
    add: ['victimPermitGranted', '2026-05-01'],
    ruleId: 'lu.victimPermit.notForEuCitizens',
    source: 'persoon met eigen middelen',
  },
  {
    name: 'LU: staying as a person with own means for a third-country national',
    country: 'LU',
    events: [
      ['identifiedByJudicialPolice', '2026-03-15'],
      ['reflectionGranted', '2026-03-15'],
    ],
    add: ['stayWithOwnMeans', '2026-06-20'],
    ruleId: 'lu.ownMeans.euCitizensOnly',
    source: 'persoon met eigen middelen',
  },
  {
    name: 'BE: extending the reflection period',
    country: 'BE',
    events: [['annex15Issued', '2026-03-15']],
    add: ['reflectionExtended', '2026-04-20'],
    ruleId: 'be.reflection.notExtendable',
    source: 'Deze reflectieperiode kan niet worden verlengd',
  },
  {
    name: 'BE: a second annex 15 (a new reflection period) during the reflection period',
    country: 'BE',
    events: [['annex15Issued', '2026-03-15']],
    add: ['annex15Issued', '2026-04-29'],
    ruleId: 'be.reflection.notExtendable',
    source: '§4 BE "Reflectieperiode"',
  },
  {
    name: 'BE: a second annex 15 after the statement',
    country: 'BE',
    events: [
      ['annex15Issued', '2026-03-15'],
      ['statementMade', '2026-04-01'],
    ],
    add: ['annex15Issued', '2026-05-01'],
    ruleId: 'be.reflection.notExtendable',
    source: '§4 BE "Reflectieperiode"',
  },
  {
    name: 'BE: a second renewal of the attestation of immatriculation',
    country: 'BE',
    events: [
      ['statementMade', '2026-01-10'],
      ['aiIssued', '2026-01-10'],
      ['aiRenewed', '2026-04-01'],
    ],
    add: ['aiRenewed', '2026-07-01'],
    ruleId: 'be.attestation.renewableOnce',
    source: 'eenmalig hernieuwbaar',
  },
  {
    name: "BE: a second renewal of an unaccompanied minor's attestation",
    country: 'BE',
    facts: UNACCOMPANIED_MINOR,
    events: [
      ['annex15Issued', '2026-03-15'],
      ['aiIssued', '2026-03-15'],
      ['statementMade', '2026-04-20'],
      ['aiRenewed', '2026-06-10'],
    ],
    add: ['aiRenewed', '2026-09-01'],
    ruleId: 'be.attestation.renewableOnce',
    source: 'eenmaal hernieuwbaar',
  },
  {
    name: 'BE: renewing an attestation that was never issued',
    country: 'BE',
    events: [['statementMade', '2026-01-10']],
    add: ['aiRenewed', '2026-03-01'],
    ruleId: 'be.attestation.renewalNeedsAttestation',
    source: '§4 BE "Verdere afhandeling',
  },
  {
    name: 'BE: a second attestation instead of a renewal',
    country: 'BE',
    events: [
      ['statementMade', '2026-01-10'],
      ['aiIssued', '2026-01-10'],
    ],
    add: ['aiIssued', '2026-04-01'],
    ruleId: 'be.attestation.single',
    source: '§4 BE "Verdere afhandeling',
  },
  {
    name: 'BE: an attestation for an adult during the reflection period',
    country: 'BE',
    events: [['annex15Issued', '2026-03-15']],
    add: ['aiIssued', '2026-03-16'],
    ruleId: 'be.attestation.minorDuringReflection',
    source: 'NBMV',
  },
  {
    name: 'BE: renewing the BIVR after the first-instance judgment',
    country: 'BE',
    events: [
      ['statementMade', '2026-05-01'],
      ['aiIssued', '2026-05-01'],
      ['evaluationPositive', '2026-07-20'],
      ['bivrIssued', '2026-07-25'],
      ['firstInstanceJudgment', '2026-12-01'],
    ],
    add: ['bivrRenewed', '2027-01-10'],
    ruleId: 'be.registration.untilJudgment',
    source: 'vonnis in eerste aanleg',
  },
  {
    name: 'BE: the evaluation during the reflection period (not allowed in the phase)',
    country: 'BE',
    events: [['annex15Issued', '2026-03-15']],
    add: ['evaluationPositive', '2026-03-20'],
    ruleId: 'common.allowedEvents',
    source: '§4 BE "Reflectieperiode"',
  },
  {
    name: 'BE: anything after the file is closed',
    country: 'BE',
    events: [['closed', '2026-03-15']],
    add: ['annex15Issued', '2026-03-20'],
    ruleId: 'common.allowedEvents',
    source: 'phase be.closed',
  },
  {
    name: 'BE: an event dated before the previous one',
    country: 'BE',
    events: [['annex15Issued', '2026-03-15']],
    add: ['statementMade', '2026-03-14'],
    ruleId: 'common.chronology',
    source: 'date order',
  },
  {
    name: 'LU: a reflection period for a third-country national not identified by the judicial police',
    country: 'LU',
    facts: ADULT_TCN,
    events: [],
    add: ['reflectionGranted', '2026-05-01'],
    ruleId: 'lu.reflection.requiresIdentification',
    source: 'De identificatie is ook een voorwaarde voor de toekenning van de bedenktijd',
  },
  {
    name: 'LU: a second reflection period',
    country: 'LU',
    events: [
      ['identifiedByJudicialPolice', '2026-05-01'],
      ['reflectionGranted', '2026-05-01'],
    ],
    add: ['reflectionGranted', '2026-07-30'],
    ruleId: 'lu.reflection.single',
    source: '§4 LU "Reflectieperiode"',
  },
  {
    name: "LU: renewing the victim's permit after the proceedings ended",
    country: 'LU',
    events: [
      ['identifiedByJudicialPolice', '2026-05-01'],
      ['reflectionGranted', '2026-05-01'],
      ['victimPermitGranted', '2026-07-20'],
      ['proceedingsEnded', '2026-12-01'],
    ],
    add: ['victimPermitRenewed', '2027-01-10'],
    ruleId: 'lu.victimPermit.renewableWhileProceedings',
    source: 'zo lang de gerechtelijke procedures duren',
  },
  {
    name: 'LU: a permit for personal reasons for an EU national',
    country: 'LU',
    facts: ADULT_EU,
    events: [
      ['reflectionGranted', '2026-05-01'],
      ['victimPermitGranted', '2026-07-20'],
    ],
    add: ['personalReasonsPermitGranted', '2027-01-10'],
    ruleId: 'lu.personalReasons.thirdCountryNational',
    source: 'uit een derde land',
  },
  {
    name: 'LU: a permit before the reflection period (not allowed in the phase)',
    country: 'LU',
    events: [['identifiedByJudicialPolice', '2026-05-01']],
    add: ['victimPermitGranted', '2026-05-02'],
    ruleId: 'common.allowedEvents',
    source: 'Identificatie van de slachtoffers',
  },
  {
    name: 'LU: an event dated before the previous one',
    country: 'LU',
    events: [
      ['identifiedByJudicialPolice', '2026-05-01'],
      ['reflectionGranted', '2026-05-03'],
    ],
    add: ['decisionNegative', '2026-05-02'],
    ruleId: 'common.chronology',
    source: 'date order',
  },
  {
    name: 'NL: a second reflection period',
    country: 'NL',
    events: [['reflectionStarted', '2026-03-15']],
    add: ['reflectionStarted', '2026-06-15'],
    ruleId: 'nl.reflection.atMostThreeMonths',
    source: 'maximaal drie maanden',
  },
  {
    name: 'NL: a humanitarian permit without an application (not allowed in the phase)',
    country: 'NL',
    events: [['reportMade', '2026-03-15']],
    add: ['humanitarianPermitGranted', '2026-06-15'],
    ruleId: 'common.allowedEvents',
    source: '3.48 lid 1 onder a',
  },
  {
    name: 'NL: extending a temporary permit that was never granted',
    country: 'NL',
    events: [['reportMade', '2026-03-15']],
    add: ['temporaryPermitExtended', '2026-06-15'],
    ruleId: 'nl.temporaryPermit.extensionNeedsPermit',
    source: '3.48',
  },
  {
    name: 'NL: a same-day event that would make an accepted event impossible',
    country: 'NL',
    events: [
      ['reflectionStarted', '2026-03-15'],
      ['cannotCooperateDeclared', '2026-04-01'],
    ],
    // reportMade sorts before cannotCooperateDeclared on the same day and would leave the reflection first.
    add: ['reportMade', '2026-04-01'],
    ruleId: 'common.allowedEvents',
    source: 'phase nl.temporaryPermit',
  },
];

describe('validateNewEvent refuses forbidden transitions with RULE_VIOLATION', () => {
  it.each(refused)('$name', (row) => {
    const t = track(row.country, row.events, row.facts ?? ADULT_TCN);
    const refusal = refusalOf(() => validateNewEvent(t, newEvent(row.add)));
    expect(refusal).toMatchObject({ code: 'RULE_VIOLATION', ruleId: row.ruleId });
    expect(String(refusal?.source)).toContain(row.source);
    expect(refusal?.message).toContain('Not allowed:');
    // What validateNewEvent refuses, allowedNext never offers (for an event after the last day).
    if (row.ruleId !== 'common.chronology' && !row.name.includes('same-day')) {
      expect(deriveTrackState(t).allowedNext).not.toContain(row.add[0]);
    }
  });

  it('the AppError carries the rule in en, nl and fr, the rule id and the source', () => {
    const t = track('BE', [['annex15Issued', '2026-03-15']]);
    try {
      validateNewEvent(t, newEvent(['reflectionExtended', '2026-04-20']));
      expect.unreachable();
    } catch (e) {
      if (!isAppError(e)) throw e;
      expect(e.key).toBe('ruleViolation');
      expect(e.params).toMatchObject({
        rule: 'the Belgian reflection period (annex 15) cannot be extended or granted again',
        ruleId: 'be.reflection.notExtendable',
        rule_nl: 'de reflectieperiode (bijlage 15) kan niet worden verlengd of opnieuw toegekend',
      });
      expect(e.params?.source).toBe(e.details?.source);
      expect(e.toPayload().code).toBe('RULE_VIOLATION');
    }
  });

  it('the chronology refusal names the last date', () => {
    const t = track('BE', [['annex15Issued', '2026-03-15']]);
    const refusal = refusalOf(() => validateNewEvent(t, newEvent(['statementMade', '2026-03-14'])));
    expect(refusal?.message).toContain('15-03-2026');
  });
});

describe('validateNewEvent accepts what the rules allow and returns the new state', () => {
  it('an event on the same day as the last one is accepted', () => {
    const t = track('BE', [['annex15Issued', '2026-03-15']]);
    const state = validateNewEvent(t, newEvent(['statementMade', '2026-03-15']));
    expect(state.phase.id).toBe('be.attestation');
  });

  it('the first renewal of the attestation is accepted, running 3 months from the renewal', () => {
    const t = track('BE', [
      ['statementMade', '2026-01-10'],
      ['aiIssued', '2026-01-10'],
    ]);
    const state = validateNewEvent(t, newEvent(['aiRenewed', '2026-04-01']));
    expect(state.dueDates.find((due) => due.kind === 'attestationExpiry')?.dueDate).toBe('2026-07-01');
  });

  it('LU: a reflection period for an identified third-country national, or for an EU national', () => {
    expect(
      validateNewEvent(track('LU', [['identifiedByJudicialPolice', '2026-05-01']]), newEvent(['reflectionGranted', '2026-05-01'])).phase.id,
    ).toBe('lu.reflection');
    expect(validateNewEvent(track('LU', [], ADULT_EU), newEvent(['reflectionGranted', '2026-05-01'])).phase.id).toBe(
      'lu.reflection',
    );
  });
});

describe('validateNewEvent refuses malformed events with VALIDATION', () => {
  const t = track('BE', [['annex15Issued', '2026-03-15']]);

  it.each([
    ['an event type of another country', { id: 'x', type: 'reflectionGranted', date: d('2026-04-01') }, 'type'],
    ['a date that does not exist', { id: 'x', type: 'statementMade', date: '2026-02-30' }, 'date'],
    ['a document expiry before the act', { id: 'x', type: 'statementMade', date: d('2026-04-01'), documentExpiry: d('2026-03-01') }, 'documentExpiry'],
    ['a duplicate id', { id: 'e1', type: 'statementMade', date: d('2026-04-01') }, 'id'],
  ])('%s', (_name, input, path) => {
    try {
      validateNewEvent(t, input as ProcedureEvent);
      expect.unreachable();
    } catch (e) {
      if (!isAppError(e)) throw e;
      expect(e.code).toBe('VALIDATION');
      expect(e.details?.fields?.map((f) => f.path)).toContain(path);
    }
  });
});

describe('events stored under other rules are not applied but reported', () => {
  it('a second AI renewal found in stored data is ignored with an eventRefused warning (the earlier expiry stands)', () => {
    const state = deriveTrackState(
      track('BE', [
        ['statementMade', '2026-01-10'],
        ['aiIssued', '2026-01-10'],
        ['aiRenewed', '2026-04-01'],
        ['aiRenewed', '2026-07-01'],
      ]),
    );
    expect(state.dueDates.find((due) => due.kind === 'attestationExpiry')?.dueDate).toBe('2026-07-01');
    expect(state.warnings.map((w) => [w.code, w.eventId, w.ruleId])).toEqual([['eventRefused', 'e4', 'be.attestation.renewableOnce']]);
    expect(state.history.map((h) => h.refusal?.ruleId ?? null)).toEqual([null, null, null, 'be.attestation.renewableOnce']);
    // brochure §4 BE: "eenmalig hernieuwbaar" (and "eenmaal hernieuwbaar" for the NBMV), quoted in the
    // reader's language in the warning; the params (JSON, CLI) keep the Dutch as printed.
    const refused = state.warnings[0];
    expect(refused?.message.fr).toContain('« renouvelable une seule fois »');
    expect(refused?.message.en).toContain('“renewable once”');
    expect(refused?.message.nl).toContain('“eenmalig hernieuwbaar”');
    expect(refused?.params.source).toContain('"eenmalig hernieuwbaar"');
  });
});
