import { describe, expect, it } from 'vitest';
import { toCalendarDate } from '../../../shared/dates/calendar-date';
import { personCreateSchema, personUpdateSchema, type PersonRecord } from '../../../shared/persons/person.schema';
import {
  dateInput,
  emptyGuardianship,
  emptyPersonValues,
  fromRecord,
  personIssues,
  processingConsentInput,
  toPersonInput,
  toPersonUpdate,
} from './person-form-values';

const today = toCalendarDate('2026-03-15');

describe('person form values', () => {
  it('an empty form is refused only for the missing name, at the family name field', () => {
    const issues = personIssues(emptyPersonValues(today));
    expect(issues.map((i) => i.path.join('.'))).toEqual(['familyName']);
  });

  it('converts typed dates and empty fields to what the contract expects', () => {
    const values = {
      ...emptyPersonValues(today),
      familyName: 'Vantorre',
      aliases: [' Lira ', ''],
      dateOfBirth: { precision: 'exact' as const, date: '12-5-1994' },
      detection: { date: '01-03-2026', country: 'BE', by: 'police' },
      guardianships: [{ ...emptyGuardianship(), name: 'M. Peeters', appointedOn: '02-03-2026' }],
      interpreter: { needed: false, language: 'ro' },
    };
    const input = toPersonInput(values);
    expect(input).toMatchObject({
      aliases: ['Lira'],
      dateOfBirth: { precision: 'exact', date: '1994-05-12' },
      detection: { date: '2026-03-01', country: 'BE', by: 'police' },
      identification: null,
      interpreter: { needed: false, language: null },
      guardianships: [{ kind: 'guardian', name: 'M. Peeters', organisation: null, phone: null, email: null, appointedOn: '2026-03-02' }],
      centre: null,
      caseworkerId: null,
    });
    expect(personCreateSchema.safeParse(input).success).toBe(true);
  });

  it('reports a date that does not exist at its own field', () => {
    const values = { ...emptyPersonValues(today), familyName: 'X', dateOfBirth: { precision: 'exact' as const, date: '31-02-2000' } };
    expect(personIssues(values).map((i) => i.path.join('.'))).toEqual(['dateOfBirth.date']);
    expect(dateInput('31-02-2000')).toBe('31-02-2000');
  });

  it('round-trips a record through the edit form, without the caseworker (assigned separately)', () => {
    const record: PersonRecord = {
      id: '0b6d0f0e-8f7a-4c1e-9d55-3f2f1b3c4d5e',
      caseCode: 'PAY-2026-0007',
      givenNames: 'Elira',
      familyName: 'Vantorre',
      aliases: ['Lira'],
      dateOfBirth: { precision: 'approximate', date: toCalendarDate('2009-01-01') },
      ageInDoubt: true,
      unaccompanied: true,
      minorStatus: 'presumedMinor',
      gender: 'female',
      nationalities: ['AL'],
      languages: ['sq'],
      interpreter: { needed: true, language: 'sq' },
      safetyNotes: 'Never contact through relatives.',
      guardianships: [],
      detection: null,
      identification: { by: 'judicialPolice', date: toCalendarDate('2026-03-02') },
      exploitationForms: ['labour'],
      exploitationCountries: ['LU'],
      centre: 'Antwerp',
      caseworker: { id: 'c1', displayName: 'Carla' },
      open: true,
      nextDue: null,
      createdAt: '2026-03-01T10:00:00Z',
      updatedAt: '2026-03-01T10:00:00Z',
    };
    const values = fromRecord(record, today);
    expect(values.dateOfBirth).toEqual({ precision: 'approximate', date: '01-01-2009' });
    expect(values.caseworkerId).toBe('c1');
    const update = toPersonUpdate(values, record.id);
    expect(update).not.toHaveProperty('caseworkerId');
    const parsed = personUpdateSchema.parse(update);
    expect(parsed).toMatchObject({ identification: { by: 'judicialPolice', date: '2026-03-02' }, detection: null, centre: 'Antwerp' });
  });

  it('records the consent to processing only when it was given', () => {
    const values = emptyPersonValues(today);
    expect(processingConsentInput(values, 'p')).toBeNull();
    expect(processingConsentInput({ ...values, processingConsent: { given: true, givenOn: '15-03-2026' } }, 'p')).toEqual({
      personId: 'p',
      kind: 'processing',
      partner: null,
      categories: [],
      givenOn: '2026-03-15',
    });
  });
});
