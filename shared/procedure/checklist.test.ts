/**
 * Condition checklists combined with their logic, each row citing the brochure.
 */
import { describe, expect, it } from 'vitest';
import type { ChecklistItemStatus } from '../rules/rule.types';
import { checklistById, checklistsOf, evaluateChecklist, type ChecklistAnswers, type ChecklistOutcome } from './checklist';

function answers(ids: readonly string[], statuses: readonly ChecklistItemStatus[]): ChecklistAnswers {
  return Object.fromEntries(ids.map((id, i) => [id, statuses[i] ?? 'unknown']));
}

const BE_ENTRY = ['be.entry.breakContact', 'be.entry.specialisedCentre', 'be.entry.cooperation'];
const BE_EVAL = [
  'be.evaluation.proceedingsOngoing',
  'be.evaluation.stillVictim',
  'be.evaluation.tiesBroken',
  'be.evaluation.willingToCooperate',
  'be.evaluation.noDanger',
];
const NL_HUM = ['nl.humanitarian.a.prosecution', 'nl.humanitarian.b.threeYears', 'nl.humanitarian.c.individualReasons'];
const LU_PRE = ['lu.preExpiry.complaintOrStatements', 'lu.preExpiry.presenceNecessary', 'lu.preExpiry.tiesBroken', 'lu.preExpiry.danger'];
const LU_REV = [
  'lu.revocation.renewedContact',
  'lu.revocation.noLongerCooperating',
  'lu.revocation.prosecutionDiscontinued',
  'lu.revocation.fraudulentOrUnfounded',
  'lu.revocation.publicOrder',
];

describe('checklist outcomes', () => {
  it.each([
    // [checklist, item ids, statuses, outcome, source]
    ['be.entryConditions', BE_ENTRY, ['met', 'met', 'met'], 'satisfied', '§4 BE "Basis": cumulative'],
    ['be.entryConditions', BE_ENTRY, ['met', 'notMet', 'unknown'], 'notSatisfied', '§4 BE "Basis": cumulative'],
    ['be.entryConditions', BE_ENTRY, ['met', 'met', 'unknown'], 'undetermined', '§4 BE: condition 3 due by the end of the reflection'],
    ['be.evaluationConditions', BE_EVAL, ['met', 'met', 'met', 'met', 'met'], 'satisfied', '§4 BE "Verdere afhandeling"'],
    ['be.evaluationConditions', BE_EVAL, ['met', 'met', 'met', 'met', 'notMet'], 'notSatisfied', '§4 BE: condition 5 (danger)'],
    ['nl.humanitarianCriteria', NL_HUM, ['notMet', 'unknown', 'met'], 'satisfied', 'Vb 2000 art. 3.51 lid 3: any of a, b, c'],
    ['nl.humanitarianCriteria', NL_HUM, ['notMet', 'notMet', 'notMet'], 'notSatisfied', 'Vb 2000 art. 3.51 lid 3'],
    ['nl.humanitarianCriteria', NL_HUM, ['notMet', 'unknown', 'notMet'], 'undetermined', 'Vb 2000 art. 3.51 lid 3'],
    ['lu.preExpiryQuestions', LU_PRE, ['met', 'notMet', 'met', 'notMet'], 'satisfied', '§4 LU: complaint, ties broken, no danger'],
    ['lu.preExpiryQuestions', LU_PRE, ['notMet', 'met', 'met', 'notMet'], 'satisfied', '§4 LU: "Of is de fysieke aanwezigheid ... noodzakelijk"'],
    ['lu.preExpiryQuestions', LU_PRE, ['met', 'met', 'met', 'met'], 'notSatisfied', '§4 LU: a danger to public order'],
    ['lu.preExpiryQuestions', LU_PRE, ['notMet', 'notMet', 'met', 'notMet'], 'notSatisfied', '§4 LU: neither complaint nor presence needed'],
    ['lu.preExpiryQuestions', LU_PRE, ['unknown', 'notMet', 'met', 'notMet'], 'undetermined', '§4 LU'],
    ['lu.revocationGrounds', LU_REV, ['notMet', 'notMet', 'notMet', 'notMet', 'notMet'], 'satisfied', '§4 LU: no ground applies'],
    ['lu.revocationGrounds', LU_REV, ['notMet', 'met', 'unknown', 'unknown', 'unknown'], 'notSatisfied', '§4 LU: "niet langer meewerkt"'],
    ['lu.revocationGrounds', LU_REV, [], 'undetermined', '§4 LU'],
  ] as const)('%s %j -> %s [%s]', (id, ids, statuses, outcome: ChecklistOutcome, _source) => {
    const checklist = checklistById(id);
    expect(checklist).toBeDefined();
    if (checklist) expect(evaluateChecklist(checklist, answers(ids, statuses))).toBe(outcome);
  });

  it('lists the checklists of a country', () => {
    expect(checklistsOf('BE').map((c) => c.id)).toEqual(['be.entryConditions', 'be.evaluationConditions']);
    expect(checklistsOf('NL').map((c) => c.id)).toEqual(['nl.humanitarianCriteria']);
    expect(checklistsOf('LU').map((c) => c.id)).toEqual(['lu.preExpiryQuestions', 'lu.revocationGrounds']);
    expect(checklistById('xx.unknown')).toBeUndefined();
  });
});
