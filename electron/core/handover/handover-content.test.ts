/** Sections from a partner are untrusted input: each field is taken only if the person form would take it. */
import { describe, expect, it } from 'vitest';
import { toCalendarDate } from '../../../shared/dates/calendar-date';
import { personFieldsFromSections } from './handover-content';

const TODAY = toCalendarDate('2026-11-29');

describe('personFieldsFromSections', () => {
  it('keeps valid fields, drops invalid ones, and never throws on strange JSON', () => {
    const fields = personFieldsFromSections(
      {
        identity: {
          v: 1,
          givenNames: 'Kalomi',
          familyName: 42,
          aliases: ['Ka', 'Ka'],
          dateOfBirth: { precision: 'exact', date: '2031-01-01' },
          nationalities: ['ng', 'XX'],
          languages: ['en'],
          gender: 'female',
          interpreter: { needed: false, language: 'ar' },
          extra: { deep: [1, 2, 3] },
        },
        contact: { guardianships: 'not a list', centre: 'x'.repeat(500) },
        procedure: { detection: { date: '2026-11-01', country: 'be', by: 'police' }, identification: { by: 'neighbour' } },
        exploitation: { forms: ['labour'], countries: ['BE', 'LU'] },
        safety: { safetyNotes: ['not text'] },
        unknownSection: { anything: true },
      },
      'CVB-2026-0007',
      TODAY,
    );
    expect(fields).toMatchObject({
      givenNames: 'Kalomi',
      familyName: '',
      aliases: [],
      dateOfBirth: { precision: 'unknown', date: null },
      nationalities: [],
      languages: ['en'],
      gender: 'female',
      interpreter: { needed: false, language: null },
      guardianships: [],
      centre: null,
      detection: { date: '2026-11-01', country: 'BE', by: 'police' },
      identification: null,
      exploitationForms: ['labour'],
      exploitationCountries: ['BE', 'LU'],
      safetyNotes: '',
    });
  });

  it("names a person sent without any name by the sender's case code", () => {
    expect(personFieldsFromSections({}, 'CVB-2026-0007', TODAY).aliases).toEqual(['CVB-2026-0007']);
    expect(personFieldsFromSections({ identity: null as unknown as object, contact: [] as unknown as object }, 'X-1', TODAY).aliases).toEqual(['X-1']);
  });
});
