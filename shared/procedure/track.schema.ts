/**
 * Zod schemas of procedure tracks and their events, reusable by db/ and the IPC contract.
 * Event types are a closed enum per country, taken from the rule tables (shared/rules/*.rules.ts).
 */
import { z } from 'zod';
import { calendarDateSchema, type CalendarDate } from '../dates/calendar-date';
import type { Country } from '../domain';
import { BE_EVENT_TYPES, BE_PHASES } from '../rules/be.rules';
import { LU_EVENT_TYPES, LU_PHASES, LU_REVOCATION_GROUNDS } from '../rules/lu.rules';
import { NL_EVENT_TYPES, NL_PHASES } from '../rules/nl.rules';

export const beEventTypeSchema = z.enum(BE_EVENT_TYPES);
export const nlEventTypeSchema = z.enum(NL_EVENT_TYPES);
export const luEventTypeSchema = z.enum(LU_EVENT_TYPES);

export const EVENT_TYPES = { BE: BE_EVENT_TYPES, NL: NL_EVENT_TYPES, LU: LU_EVENT_TYPES } as const;
export const eventTypeSchemas = { BE: beEventTypeSchema, NL: nlEventTypeSchema, LU: luEventTypeSchema } as const;

export type EventType = (typeof BE_EVENT_TYPES)[number] | (typeof NL_EVENT_TYPES)[number] | (typeof LU_EVENT_TYPES)[number];
/** Every event type of every country, without duplicates (for a column that stores any of them). */
export const ALL_EVENT_TYPES: readonly EventType[] = [...new Set<EventType>([...BE_EVENT_TYPES, ...NL_EVENT_TYPES, ...LU_EVENT_TYPES])];

export const PHASE_IDS = [...BE_PHASES, ...NL_PHASES, ...LU_PHASES] as const;
export const phaseIdSchema = z.enum(PHASE_IDS);
export type PhaseId = z.infer<typeof phaseIdSchema>;

/** A person's residence status, recorded (derived from nationality by default, editable). */
export const RESIDENCE_STATUSES = ['thirdCountryNoStatus', 'euCitizen', 'lawfulResident'] as const;
export type ResidenceStatus = (typeof RESIDENCE_STATUSES)[number];
export const residenceStatusSchema = z.enum(RESIDENCE_STATUSES);

/**
 * The person facts the rules need. The engine judges each event with the facts as they stood on the
 * event's date (docs/legal-rules.md "Facts as they stood on the day"):
 * - `adultFrom` (the 18th birthday, from an exact or approximate date of birth): a minor on every day
 *   before it. Absent: `isMinor` holds on every day (used by tests and callers without a date).
 * - `ageInDoubt` (disputed date or doubt recorded): a presumed minor where the country's law says so
 *   (Luxembourg) or where `presumeMinorityWhenInDoubt` (the organisation's policy, on by default).
 * - `dateOfBirthRecorded: false` with no doubt: a gap to fill, not a presumption of minority.
 * - `residenceStatus` wins over `thirdCountryNational` for the status-based rules; `nationalOf` lists
 *   the Benelux countries of which the person is a national (a national is a lawful resident there).
 * `unaccompanied` matters only for a (presumed) minor.
 */
export const trackFactsSchema = z.object({
  isMinor: z.boolean(),
  adultFrom: calendarDateSchema.nullable().optional(),
  dateOfBirthRecorded: z.boolean().default(true),
  ageInDoubt: z.boolean().default(false),
  presumeMinorityWhenInDoubt: z.boolean().default(true),
  unaccompanied: z.boolean().default(false),
  thirdCountryNational: z.boolean(),
  residenceStatus: residenceStatusSchema.optional(),
  nationalOf: z.array(z.enum(['BE', 'NL', 'LU'])).default([]),
  parentalConflict: z.boolean().default(false),
  parentsArePerpetrators: z.boolean().default(false),
});
/** All facts, defaults applied. */
export type CompleteTrackFacts = z.output<typeof trackFactsSchema>;
/** As callers write them: the facts with defaults may be left out. */
export type TrackFacts = Omit<z.input<typeof trackFactsSchema>, 'adultFrom'> & { adultFrom?: CalendarDate | null | undefined };

export const eventIdSchema = z.string().min(1).max(64);

const base = {
  id: eventIdSchema,
  date: calendarDateSchema,
  /** The expiry printed on the document, entered by staff; it wins over the computed date (with a warning). */
  documentExpiry: calendarDateSchema.optional(),
};

function expiryNotBeforeAct(e: { date: string; documentExpiry?: string | undefined }): boolean {
  return e.documentExpiry === undefined || e.documentExpiry >= e.date;
}
const expiryCheck = { path: ['documentExpiry'], message: 'The document expiry cannot be before the date of the act' };

export const beEventSchema = z.object({ ...base, type: beEventTypeSchema }).refine(expiryNotBeforeAct, expiryCheck);
export const nlEventSchema = z.object({ ...base, type: nlEventTypeSchema }).refine(expiryNotBeforeAct, expiryCheck);
export const luEventSchema = z
  .object({
    ...base,
    type: luEventTypeSchema,
    /** For 'victimPermitRevoked': the ground, one of the LU revocation-grounds checklist items. */
    revocationGround: z.enum(LU_REVOCATION_GROUNDS).optional(),
  })
  .refine(expiryNotBeforeAct, expiryCheck);

export type BeEvent = z.infer<typeof beEventSchema>;
export type NlEvent = z.infer<typeof nlEventSchema>;
export type LuEvent = z.infer<typeof luEventSchema>;
export type ProcedureEvent = BeEvent | NlEvent | LuEvent;

export const eventSchemas = { BE: beEventSchema, NL: nlEventSchema, LU: luEventSchema } as const;

export function eventSchemaFor(country: Country): (typeof eventSchemas)[Country] {
  return eventSchemas[country];
}

export const procedureTrackSchema = z.discriminatedUnion('country', [
  z.object({ country: z.literal('BE'), facts: trackFactsSchema, events: z.array(beEventSchema) }),
  z.object({ country: z.literal('NL'), facts: trackFactsSchema, events: z.array(nlEventSchema) }),
  z.object({ country: z.literal('LU'), facts: trackFactsSchema, events: z.array(luEventSchema) }),
]);
export type ProcedureTrack =
  | { country: 'BE'; facts: TrackFacts; events: BeEvent[] }
  | { country: 'NL'; facts: TrackFacts; events: NlEvent[] }
  | { country: 'LU'; facts: TrackFacts; events: LuEvent[] };
