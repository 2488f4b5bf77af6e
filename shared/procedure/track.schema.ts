/**
 * Zod schemas of procedure tracks and their events, reusable by db/ and the IPC contract.
 * Event types are a closed enum per country, taken from the rule tables (shared/rules/*.rules.ts).
 */
import { z } from 'zod';
import { calendarDateSchema } from '../dates/calendar-date';
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

/**
 * The person facts the rules need. `ageInDoubt` makes the person a presumed minor (brochure §4 LU
 * "Minderjarige slachtoffers", applied in every country as a protective default, issue 3 item 1).
 * `unaccompanied` matters only for a (presumed) minor.
 */
export const trackFactsSchema = z.object({
  isMinor: z.boolean(),
  ageInDoubt: z.boolean().default(false),
  unaccompanied: z.boolean().default(false),
  thirdCountryNational: z.boolean(),
});
export type TrackFacts = z.infer<typeof trackFactsSchema>;

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
export type ProcedureTrack = z.infer<typeof procedureTrackSchema>;
