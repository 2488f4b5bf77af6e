/**
 * The person form's values (what the fields hold: dates as typed, '' for "none") and their
 * conversion to the contract's input (shared/persons/person.schema.ts) and back from a record.
 * The contract's zod schema then validates the converted input, in the renderer as in main.
 */
import type { z } from 'zod';
import type { CalendarDate } from '../../../shared/dates/calendar-date';
import type { ConsentRecordInput } from '../../../shared/persons/consent.schema';
import {
  type DobPrecision,
  type ExploitationForm,
  type GENDERS,
  type GUARDIANSHIP_KINDS,
  type PersonCreateInput,
  type PersonRecord,
  type PersonUpdateInput,
  personCreateSchema,
} from '../../../shared/persons/person.schema';
import { parseTypedDate, typedDate } from '../format/deadline';

type Gender = (typeof GENDERS)[number];
type GuardianshipKind = (typeof GUARDIANSHIP_KINDS)[number];

export interface GuardianshipValues {
  kind: GuardianshipKind;
  name: string;
  organisation: string;
  phone: string;
  email: string;
  appointedOn: string;
}

export interface PersonFormValues {
  givenNames: string;
  familyName: string;
  aliases: string[];
  dateOfBirth: { precision: DobPrecision; date: string };
  ageInDoubt: boolean;
  unaccompanied: boolean;
  gender: Gender;
  nationalities: string[];
  /** '' : derived from the nationalities. */
  residenceStatus: '' | 'thirdCountryNoStatus' | 'euCitizen' | 'lawfulResident';
  parentalConflict: boolean;
  parentsArePerpetrators: boolean;
  languages: string[];
  interpreter: { needed: boolean; language: string | null };
  safetyNotes: string;
  guardianships: GuardianshipValues[];
  detection: { date: string; country: string | null; by: string };
  identification: { by: string; date: string };
  exploitationForms: ExploitationForm[];
  exploitationCountries: string[];
  centre: string;
  /** '' for nobody. */
  caseworkerId: string;
  /** New persons only: the consent to processing, recorded right after the person. */
  processingConsent: { given: boolean; givenOn: string };
  /** New persons only: open the procedure of the organisation's country at once. */
  openTrackNow: boolean;
}

export function emptyPersonValues(today: CalendarDate, caseworkerId = ''): PersonFormValues {
  return {
    givenNames: '',
    familyName: '',
    aliases: [],
    dateOfBirth: { precision: 'unknown', date: '' },
    ageInDoubt: false,
    unaccompanied: false,
    residenceStatus: '',
    parentalConflict: false,
    parentsArePerpetrators: false,
    gender: 'unknown',
    nationalities: [],
    languages: [],
    interpreter: { needed: false, language: null },
    safetyNotes: '',
    guardianships: [],
    detection: { date: '', country: null, by: '' },
    identification: { by: '', date: '' },
    exploitationForms: [],
    exploitationCountries: [],
    centre: '',
    caseworkerId,
    processingConsent: { given: false, givenOn: typedDate(today) },
    openTrackNow: true,
  };
}

export function emptyGuardianship(): GuardianshipValues {
  return { kind: 'guardian', name: '', organisation: '', phone: '', email: '', appointedOn: '' };
}

/** A typed date as the contract wants it: null when empty, the ISO date, or the text itself (then invalid). */
export function dateInput(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return parseTypedDate(trimmed) ?? trimmed;
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text);

/** The input of `persons.create` (also the fields of `persons.update`). */
export function toPersonInput(values: PersonFormValues): PersonCreateInput {
  const detectionEmpty = values.detection.date.trim() === '' && values.detection.country === null && values.detection.by === '';
  const identificationEmpty = values.identification.by === '' && values.identification.date.trim() === '';
  return {
    givenNames: values.givenNames,
    familyName: values.familyName,
    aliases: values.aliases.map((a) => a.trim()).filter((a) => a !== ''),
    dateOfBirth: {
      precision: values.dateOfBirth.precision,
      date: values.dateOfBirth.precision === 'unknown' ? null : dateInput(values.dateOfBirth.date),
    },
    ageInDoubt: values.ageInDoubt,
    unaccompanied: values.unaccompanied,
    gender: values.gender,
    nationalities: values.nationalities,
    residenceStatus: values.residenceStatus === '' ? null : values.residenceStatus,
    parentalConflict: values.parentalConflict,
    parentsArePerpetrators: values.parentsArePerpetrators,
    languages: values.languages,
    interpreter: { needed: values.interpreter.needed, language: values.interpreter.needed ? values.interpreter.language : null },
    safetyNotes: values.safetyNotes,
    guardianships: values.guardianships.map((g) => ({
      kind: g.kind,
      name: g.name,
      organisation: orNull(g.organisation),
      phone: orNull(g.phone),
      email: orNull(g.email.trim()),
      appointedOn: dateInput(g.appointedOn),
    })) as PersonCreateInput['guardianships'],
    detection: detectionEmpty
      ? null
      : ({
          date: dateInput(values.detection.date),
          country: values.detection.country,
          by: values.detection.by === '' ? null : values.detection.by,
        } as NonNullable<PersonCreateInput['detection']>),
    identification: identificationEmpty
      ? null
      : ({ by: values.identification.by, date: dateInput(values.identification.date) } as NonNullable<PersonCreateInput['identification']>),
    exploitationForms: values.exploitationForms,
    exploitationCountries: values.exploitationCountries,
    centre: orNull(values.centre),
    caseworkerId: values.caseworkerId === '' ? null : values.caseworkerId,
  } as PersonCreateInput;
}

/** The consent to processing to record with a new person, or null. */
export function processingConsentInput(values: PersonFormValues, personId: string): ConsentRecordInput | null {
  if (!values.processingConsent.given) return null;
  return {
    personId,
    kind: 'processing',
    partner: null,
    categories: [],
    givenOn: (dateInput(values.processingConsent.givenOn) ?? '') as CalendarDate,
  };
}

export function fromRecord(record: PersonRecord, today: CalendarDate): PersonFormValues {
  return {
    ...emptyPersonValues(today),
    givenNames: record.givenNames,
    familyName: record.familyName,
    aliases: [...record.aliases],
    dateOfBirth: { precision: record.dateOfBirth.precision, date: typedDate(record.dateOfBirth.date) },
    ageInDoubt: record.ageInDoubt,
    unaccompanied: record.unaccompanied,
    gender: record.gender,
    nationalities: [...record.nationalities],
    residenceStatus: record.residenceStatus ?? '',
    parentalConflict: record.parentalConflict,
    parentsArePerpetrators: record.parentsArePerpetrators,
    languages: [...record.languages],
    interpreter: { needed: record.interpreter.needed, language: record.interpreter.language },
    safetyNotes: record.safetyNotes,
    guardianships: record.guardianships.map((g) => ({
      kind: g.kind,
      name: g.name,
      organisation: g.organisation ?? '',
      phone: g.phone ?? '',
      email: g.email ?? '',
      appointedOn: typedDate(g.appointedOn),
    })),
    detection: {
      date: typedDate(record.detection?.date),
      country: record.detection?.country ?? null,
      by: record.detection?.by ?? '',
    },
    identification: { by: record.identification?.by ?? '', date: typedDate(record.identification?.date) },
    exploitationForms: [...record.exploitationForms],
    exploitationCountries: [...record.exploitationCountries],
    centre: record.centre ?? '',
    caseworkerId: record.caseworker?.id ?? '',
    openTrackNow: false,
  };
}

/** Field paths of the form in screen order (focus goes to the first invalid one). */
export function personFieldPaths(values: PersonFormValues, isNew: boolean): string[] {
  return [
    'givenNames',
    'familyName',
    'aliases',
    'gender',
    'dateOfBirth.precision',
    'dateOfBirth.date',
    'ageInDoubt',
    'unaccompanied',
    'nationalities',
    'languages',
    'interpreter.needed',
    'interpreter.language',
    'safetyNotes',
    ...values.guardianships.flatMap((_, i) =>
      ['kind', 'name', 'organisation', 'phone', 'email', 'appointedOn'].map((f) => `guardianships.${i}.${f}`),
    ),
    'detection.date',
    'detection.country',
    'detection.by',
    'identification.by',
    'identification.date',
    'exploitationForms',
    'exploitationCountries',
    'centre',
    'caseworkerId',
    ...(isNew ? ['processingConsent.givenOn'] : []),
  ];
}

export type PersonCreateIssues = z.core.$ZodIssue[];

/** The input of `persons.update`: every field, without the caseworker (that goes through `persons.assign`). */
export function toPersonUpdate(values: PersonFormValues, id: string): PersonUpdateInput {
  const { caseworkerId: _caseworkerId, ...fields } = toPersonInput(values);
  return { id, ...fields };
}

/** The contract's issues for these values (empty when valid). */
export function personIssues(values: PersonFormValues): PersonCreateIssues {
  const result = personCreateSchema.safeParse(toPersonInput(values));
  return result.success ? [] : result.error.issues;
}
