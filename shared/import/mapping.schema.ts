/**
 * The import mapping file (docs/import.md "The mapping file"): which column of the spreadsheet holds
 * which person field, which columns hold each procedure event, and the organisation's own words for
 * values. It holds column titles and words, never personal data; the vault remembers the last one
 * used per organisation (settings key `spreadsheetImportMapping`).
 */
import { z } from 'zod';
import { countrySchema } from '../domain';
import { ISO_COUNTRY_CODES, ISO_LANGUAGE_CODES } from '../persons/iso-codes';
import { GENDERS } from '../persons/person.schema';
import { ALL_EVENT_TYPES, type EventType } from '../procedure/track.schema';

export const MAPPING_FORMAT = 'passerelle-import-mapping';
export const MAPPING_VERSION = 1;
export const MAX_MAPPED_EVENTS = 20;

/** Person fields a column can fill, in the order the Import screen lists them. */
export const MAPPABLE_FIELDS = [
  'givenNames',
  'familyName',
  'aliases',
  'dateOfBirth',
  'gender',
  'nationalities',
  'languages',
  'interpreterLanguage',
  'unaccompanied',
  'ageInDoubt',
  'exploitationCountries',
  'centre',
  'safetyNotes',
] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number];

/** A column, named by its title in the header row (compared without case, accents or extra spaces). */
const columnTitle = z.string().trim().min(1).max(200);

const columnsShape = Object.fromEntries(MAPPABLE_FIELDS.map((f) => [f, columnTitle.optional()])) as Record<
  MappableField,
  z.ZodOptional<typeof columnTitle>
>;

/** Where an event's country or type comes from: a column, or one value for every row. */
const fromColumn = z.strictObject({ column: columnTitle });
export const eventCountrySourceSchema = z.union([fromColumn, z.strictObject({ value: countrySchema })]);
export const eventTypeSourceSchema = z.union([
  fromColumn,
  z.strictObject({ value: z.enum(ALL_EVENT_TYPES as [EventType, ...EventType[]]) }),
]);

export const eventMappingSchema = z.strictObject({
  country: eventCountrySourceSchema,
  type: eventTypeSourceSchema,
  date: fromColumn,
});
export type EventMapping = z.output<typeof eventMappingSchema>;

const words = <T extends z.ZodType>(value: T) => z.record(z.string().trim().min(1).max(100), value).default({});

export const importMappingSchema = z.strictObject({
  format: z.literal(MAPPING_FORMAT),
  version: z.literal(MAPPING_VERSION),
  /** XLSX only: the worksheet's name; default the first worksheet. */
  sheet: z.string().trim().min(1).max(100).optional(),
  /** The row holding the column titles (1 = the first row); the rows below it are the persons. */
  headerRow: z.number().int().min(1).max(100).default(1),
  /** CSV only: 'auto' reads UTF-8 when the bytes are valid UTF-8, else Windows-1252. */
  encoding: z.enum(['auto', 'utf-8', 'windows-1252']).default('auto'),
  /** A date of birth read from the sheet is exact unless the organisation's sheet holds estimates. */
  dateOfBirthPrecision: z.enum(['exact', 'approximate']).default('exact'),
  columns: z.strictObject(columnsShape).default({}),
  events: z.array(eventMappingSchema).max(MAX_MAPPED_EVENTS).default([]),
  /** The organisation's own words for values, e.g. {"country": {"Holland": "NL"}, "gender": {"V": "female"}}. */
  values: z
    .strictObject({
      country: words(z.string().trim().toUpperCase().pipe(z.enum(ISO_COUNTRY_CODES))),
      language: words(z.string().trim().toLowerCase().pipe(z.enum(ISO_LANGUAGE_CODES))),
      gender: words(z.enum(GENDERS)),
      eventType: words(z.enum(ALL_EVENT_TYPES as [EventType, ...EventType[]])),
    })
    .default({ country: {}, language: {}, gender: {}, eventType: {} }),
});
export type ImportMapping = z.output<typeof importMappingSchema>;
export type ImportMappingInput = z.input<typeof importMappingSchema>;

/** An empty mapping, the starting point when the organisation has none yet. */
export function emptyMapping(): ImportMapping {
  return importMappingSchema.parse({ format: MAPPING_FORMAT, version: MAPPING_VERSION });
}
