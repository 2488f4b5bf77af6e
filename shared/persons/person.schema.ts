/**
 * Zod schemas of person records: the IPC contract, the CLI (`person add --json`) and
 * db/ all validate with these. Pure: no node:*, no DOM.
 */
import { residenceStatusSchema } from '../procedure/track.schema';
import { z } from 'zod';
import { calendarDateSchema } from '../dates/calendar-date';
import { countrySchema } from '../domain';
import { phaseIdSchema } from '../procedure/track.schema';
import { expectedVersionSchema, recordVersionSchema } from '../record-version';
import { DUE_KINDS } from '../rules/rule.types';
import { EXPLOITATION_FORMS } from './exploitation';
import { ISO_COUNTRY_CODES, ISO_LANGUAGE_CODES } from './iso-codes';
import { DOB_PRECISIONS, MINOR_STATUSES } from './minor-status';

export { DOB_PRECISIONS, MINOR_STATUSES, type DobPrecision, type MinorStatus } from './minor-status';
export { EXPLOITATION_FORMS, type ExploitationForm } from './exploitation';

export const GENDERS = ['female', 'male', 'other', 'unknown'] as const;
export const DETECTED_BY = ['police', 'labourInspection', 'ngo', 'asylumReception', 'selfReferral', 'other'] as const;
export const IDENTIFIED_BY = ['police', 'judicialPolice', 'referenceMagistrate', 'labourInspection', 'specialisedCentre', 'other'] as const;
/** Guardian (voogd, BE/LU youth judge), ad hoc administrator (LU family judge), Nidos guardianship (NL). */
export const GUARDIANSHIP_KINDS = ['guardian', 'adHocAdministrator', 'nidos'] as const;

export const dobPrecisionSchema = z.enum(DOB_PRECISIONS);
export const minorStatusSchema = z.enum(MINOR_STATUSES);
export const genderSchema = z.enum(GENDERS);
export const detectedBySchema = z.enum(DETECTED_BY);
export const identifiedBySchema = z.enum(IDENTIFIED_BY);
export const guardianshipKindSchema = z.enum(GUARDIANSHIP_KINDS);
export const exploitationFormSchema = z.enum(EXPLOITATION_FORMS);

/** ISO 3166-1 alpha-2, upper-cased on input ("ng" -> "NG"). */
export const isoCountrySchema = z.string().trim().toUpperCase().pipe(z.enum(ISO_COUNTRY_CODES));
/** ISO 639-1, lower-cased on input ("EN" -> "en"). */
export const isoLanguageSchema = z.string().trim().toLowerCase().pipe(z.enum(ISO_LANGUAGE_CODES));

const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((xs) => new Set(xs).size === xs.length, { message: 'Each value may appear only once' });

export const personNameSchema = z.string().trim().max(120);
const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null);

export const dateOfBirthSchema = z
  .strictObject({
    precision: dobPrecisionSchema,
    /** Exact: the date; approximate: the estimate; disputed: the claimed date, if any; unknown: null. */
    date: calendarDateSchema.nullable().default(null),
  })
  .refine((d) => d.precision === 'unknown' ? d.date === null : d.precision === 'disputed' || d.date !== null, {
    message: 'An exact or approximate date of birth needs a date; an unknown one has none',
    path: ['date'],
  });

export const guardianshipSchema = z.strictObject({
  kind: guardianshipKindSchema,
  /** The guardian's or administrator's name (a professional, not the supported person). */
  name: z.string().trim().min(1).max(120),
  organisation: optionalText(120),
  phone: z.string().trim().max(40).regex(/^[0-9+() ./-]*$/, 'phone').nullable().default(null),
  email: z.email().max(200).nullable().default(null),
  appointedOn: calendarDateSchema.nullable().default(null),
});

export const detectionSchema = z.strictObject({
  date: calendarDateSchema.nullable().default(null),
  country: isoCountrySchema.nullable().default(null),
  by: detectedBySchema.nullable().default(null),
});

export const identificationSchema = z.strictObject({
  by: identifiedBySchema,
  date: calendarDateSchema.nullable().default(null),
});

export const interpreterSchema = z
  .strictObject({
    needed: z.boolean(),
    language: isoLanguageSchema.nullable().default(null),
  })
  .refine((i) => i.needed || i.language === null, { message: 'An interpreter language only when one is needed', path: ['language'] });

/** The fields staff edit (create and update). */
export const personFieldsShape = {
  givenNames: personNameSchema.default(''),
  familyName: personNameSchema.default(''),
  aliases: uniqueList(z.string().trim().min(1).max(120), 20).default([]),
  dateOfBirth: dateOfBirthSchema.default({ precision: 'unknown', date: null }),
  /** Staff doubt the age whatever the documents say: the person is presumed a minor. */
  ageInDoubt: z.boolean().default(false),
  /** Without parents or legal guardian in the country (matters for a minor: guardian, NBMV rules). */
  unaccompanied: z.boolean().default(false),
  gender: genderSchema.default('unknown'),
  nationalities: uniqueList(isoCountrySchema, 5).default([]),
  /**
   * Residence status the rules read (shared/persons/residence-status.ts); null: derived from the
   * nationalities (EU/EEA/Swiss: EU citizen; otherwise third-country national without status).
   */
  residenceStatus: residenceStatusSchema.nullable().optional(),
  /** Luxembourg: a conflict of interest between the minor and the holders of parental authority. Absent: no. */
  parentalConflict: z.boolean().optional(),
  /** Luxembourg: the holders of parental authority are the traffickers. Absent: no. */
  parentsArePerpetrators: z.boolean().optional(),
  languages: uniqueList(isoLanguageSchema, 10).default([]),
  interpreter: interpreterSchema.default({ needed: false, language: null }),
  /** Free text, e.g. "never contact through relatives". */
  safetyNotes: z.string().trim().max(4000).default(''),
  guardianships: z.array(guardianshipSchema).max(5).default([]),
  detection: detectionSchema.nullable().default(null),
  identification: identificationSchema.nullable().default(null),
  exploitationForms: uniqueList(exploitationFormSchema, EXPLOITATION_FORMS.length).default([]),
  /** Countries where the exploitation took place. */
  exploitationCountries: uniqueList(isoCountrySchema, 20).default([]),
  /** The centre that guides the person (e.g. the shelter's own site). */
  centre: optionalText(120),
} as const;

const hasAName = (p: { givenNames: string; familyName: string; aliases: string[] }) =>
  p.givenNames.length > 0 || p.familyName.length > 0 || p.aliases.length > 0;
const nameCheck = { message: 'Give a name or at least one alias', path: ['familyName'] };

export const personFieldsSchema = z.strictObject(personFieldsShape).refine(hasAName, nameCheck);
export type PersonFields = z.output<typeof personFieldsSchema>;
export type PersonFieldsInput = z.input<typeof personFieldsSchema>;

/** `persons.create` and `person add --json`: the fields, and optionally the caseworker (a user id). */
export const personCreateSchema = z
  .strictObject({ ...personFieldsShape, caseworkerId: z.uuid().nullable().optional() })
  .refine(hasAName, nameCheck);
export type PersonCreateInput = z.input<typeof personCreateSchema>;

/** `persons.update`: every field (a full replacement), by record id. The caseworker changes through `persons.assign`. */
export const personUpdateSchema = z
  .strictObject({ id: z.uuid(), ...personFieldsShape, expectedVersion: expectedVersionSchema })
  .refine(hasAName, nameCheck);
export type PersonUpdateInput = z.input<typeof personUpdateSchema>;

export const personAssignSchema = z.strictObject({ personId: z.uuid(), caseworkerId: z.uuid().nullable() });

/**
 * Why a record is erased (audited as a code): the retention after a handover ended, the person's own
 * request (GDPR art. 17), or a record registered by mistake.
 */
export const ERASE_REASONS = ['retentionEnded', 'closedFileRetentionEnded', 'personRequest', 'registeredInError'] as const;
export type EraseReason = (typeof ERASE_REASONS)[number];

/** `persons.erase` (administrators): the record and everything about it, after typing its case code. */
export const personEraseSchema = z.strictObject({
  personId: z.uuid(),
  /** The case code typed again by the administrator, as a confirmation (case and spaces ignored). */
  confirmCaseCode: z.string().trim().min(1).max(40),
  reason: z.enum(ERASE_REASONS),
});
export type PersonEraseInput = z.input<typeof personEraseSchema>;

export const nextDueSchema = z.object({ date: calendarDateSchema, kind: z.enum(DUE_KINDS), country: countrySchema });
export type NextDue = z.infer<typeof nextDueSchema>;

export const staffRefSchema = z.object({ id: z.string(), displayName: z.string() });

/** A person as stored, with what is derived (minor status today, next deadline, open or closed). */
export const personRecordSchema = z.object({
  id: z.string(),
  caseCode: z.string(),
  givenNames: z.string(),
  familyName: z.string(),
  aliases: z.array(z.string()),
  dateOfBirth: z.object({ precision: dobPrecisionSchema, date: calendarDateSchema.nullable() }),
  ageInDoubt: z.boolean(),
  unaccompanied: z.boolean(),
  minorStatus: minorStatusSchema,
  gender: genderSchema,
  nationalities: z.array(z.string()),
  residenceStatus: residenceStatusSchema.nullable(),
  parentalConflict: z.boolean(),
  parentsArePerpetrators: z.boolean(),
  languages: z.array(z.string()),
  interpreter: z.object({ needed: z.boolean(), language: z.string().nullable() }),
  safetyNotes: z.string(),
  guardianships: z.array(
    z.object({
      kind: guardianshipKindSchema,
      name: z.string(),
      organisation: z.string().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      appointedOn: calendarDateSchema.nullable(),
    }),
  ),
  detection: z.object({ date: calendarDateSchema.nullable(), country: z.string().nullable(), by: detectedBySchema.nullable() }).nullable(),
  identification: z.object({ by: identifiedBySchema, date: calendarDateSchema.nullable() }).nullable(),
  exploitationForms: z.array(exploitationFormSchema),
  exploitationCountries: z.array(z.string()),
  centre: z.string().nullable(),
  caseworker: staffRefSchema.nullable(),
  /** Open while the person has no track or at least one track not in a terminal phase. */
  open: z.boolean(),
  nextDue: nextDueSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Goes back with persons.update as expectedVersion; a stale one is refused with CONFLICT. */
  version: recordVersionSchema,
});
export type PersonRecord = z.infer<typeof personRecordSchema>;

// ---------------------------------------------------------------- the list

export const PERSON_SORTS = ['nextDeadline', 'caseCode', 'name'] as const;
export const PERSON_LIST_MAX_LIMIT = 200;

export const personListQuerySchema = z.strictObject({
  /** Name, alias or case code fragment; case- and accent-insensitive. */
  search: z.string().trim().max(100).default(''),
  country: countrySchema.optional(),
  phase: phaseIdSchema.optional(),
  minorStatus: minorStatusSchema.optional(),
  /** A user id, or 'unassigned'. Ignored for a caseworker (who only ever sees their own cases). */
  caseworkerId: z.union([z.uuid(), z.literal('unassigned')]).optional(),
  status: z.enum(['open', 'closed', 'all']).default('open'),
  sort: z.enum(PERSON_SORTS).default('nextDeadline'),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(PERSON_LIST_MAX_LIMIT).default(50),
  /** The day minor status is computed for; default: today on this computer. */
  today: calendarDateSchema.optional(),
});
export type PersonListQuery = z.output<typeof personListQuerySchema>;

export const personListItemSchema = z.object({
  id: z.string(),
  caseCode: z.string(),
  givenNames: z.string(),
  familyName: z.string(),
  aliases: z.array(z.string()),
  minorStatus: minorStatusSchema,
  caseworker: staffRefSchema.nullable(),
  /** The current phase of each track (one per country). */
  tracks: z.array(z.object({ country: countrySchema, phase: phaseIdSchema })),
  nextDue: nextDueSchema.nullable(),
  /** A track whose document was recorded without its printed expiry: no reminder until it is entered. */
  missingExpiryCountry: countrySchema.nullable().default(null),
  open: z.boolean(),
});
export type PersonListItem = z.infer<typeof personListItemSchema>;

export const personListPageSchema = z.object({
  total: z.number().int(),
  offset: z.number().int(),
  items: z.array(personListItemSchema),
});
export type PersonListPage = z.infer<typeof personListPageSchema>;

/** A staff member a case can be assigned to. */
export const assigneeSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  role: z.enum(['admin', 'coordinator', 'caseworker']),
});
export type Assignee = z.infer<typeof assigneeSchema>;
