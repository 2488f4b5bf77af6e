/**
 * IPC shapes of procedure tracks, recorded events, checklist answers and deadlines. The engine's own schemas (shared/procedure/track.schema.ts) validate each event against its
 * country's rules; these only carry the data across.
 */
import { DUE_BASES } from '../procedure/engine';
import { z } from 'zod';
import { calendarDateSchema } from '../dates/calendar-date';
import { countrySchema } from '../domain';
import { expectedVersionSchema, recordVersionSchema } from '../record-version';
import { checklistItemStatusSchema, CHECKLIST_OUTCOMES } from '../procedure/checklist';
import type { TrackState } from '../procedure/engine';
import { ALL_EVENT_TYPES, phaseIdSchema, type EventType } from '../procedure/track.schema';
import { LU_REVOCATION_GROUNDS } from '../rules/lu.rules';
import { DUE_KINDS } from '../rules/rule.types';

export const eventTypeSchema = z.enum(ALL_EVENT_TYPES as [EventType, ...EventType[]]);
export const dueKindSchema = z.enum(DUE_KINDS);

/** An event as staff record it: its type must exist in the track's country (else VALIDATION). */
export const eventInputSchema = z.strictObject({
  type: eventTypeSchema,
  date: calendarDateSchema,
  /** The expiry printed on the document, if staff enter it (it wins over the computed date, with a warning). */
  documentExpiry: calendarDateSchema.optional(),
  /** LU 'victimPermitRevoked' only: the ground. */
  revocationGround: z.enum(LU_REVOCATION_GROUNDS).optional(),
});
export type EventInput = z.input<typeof eventInputSchema>;

/** Why an event is removed (a correction): a code, so the audit trail can hold it. */
export const EVENT_REMOVAL_REASONS = ['enteredInError', 'wrongDate', 'wrongType', 'duplicate', 'recordedOnWrongPerson'] as const;

export const openTrackInputSchema = z.strictObject({ personId: z.uuid(), country: countrySchema });
/** `expectedVersion`: the track's version the user saw (a stale one is refused with CONFLICT). */
export const recordEventInputSchema = z.strictObject({ trackId: z.uuid(), event: eventInputSchema, expectedVersion: expectedVersionSchema });
export const removeEventInputSchema = z.strictObject({
  trackId: z.uuid(),
  eventId: z.uuid(),
  reason: z.enum(EVENT_REMOVAL_REASONS),
  expectedVersion: expectedVersionSchema,
});

export const checklistAnswerInputSchema = z.strictObject({
  trackId: z.uuid(),
  checklistId: z.string().min(1).max(100),
  itemId: z.string().min(1).max(100),
  status: checklistItemStatusSchema,
  /** The day the condition was assessed. */
  date: calendarDateSchema,
  note: z.string().trim().max(2000).default(''),
  /** An attachment of the same person that supports the answer. */
  attachmentId: z.uuid().nullable().default(null),
  /** The checklist's version the form was loaded at (a checklist is one form; a stale one is refused). */
  expectedVersion: expectedVersionSchema,
});
export type ChecklistAnswerInput = z.input<typeof checklistAnswerInputSchema>;

const labelsSchema = z.object({ nl: z.string(), fr: z.string(), en: z.string() });

export const recordedEventSchema = z.object({
  id: z.string(),
  type: eventTypeSchema,
  date: calendarDateSchema,
  documentExpiry: calendarDateSchema.nullable(),
  revocationGround: z.enum(LU_REVOCATION_GROUNDS).nullable(),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
});
export type RecordedEvent = z.infer<typeof recordedEventSchema>;

export const checklistAnswerSchema = z.object({
  status: checklistItemStatusSchema,
  date: calendarDateSchema,
  answeredBy: z.string().nullable(),
  answeredByName: z.string().nullable(),
  note: z.string(),
  attachmentId: z.string().nullable(),
  updatedAt: z.string(),
});
export type ChecklistAnswer = z.infer<typeof checklistAnswerSchema>;

/** A checklist of the track's current phase, its items (labels from the rule tables) and the outcome. */
export const checklistViewSchema = z.object({
  id: z.string(),
  label: labelsSchema,
  source: z.string(),
  satisfiedMeans: labelsSchema,
  outcome: z.enum(CHECKLIST_OUTCOMES),
  /** Raised by every answer saved in this checklist; sent back as expectedVersion. */
  version: recordVersionSchema,
  items: z.array(
    z.object({
      id: z.string(),
      label: labelsSchema,
      source: z.string(),
      answer: checklistAnswerSchema.nullable(),
    }),
  ),
});
export type ChecklistView = z.infer<typeof checklistViewSchema>;

/** One procedure track: recorded events, the engine's derived state, and the current checklists. */
export const trackViewSchema = z.object({
  id: z.string(),
  personId: z.string(),
  country: countrySchema,
  openedAt: z.string(),
  /** Raised by every event recorded or withdrawn; sent back as expectedVersion. */
  version: recordVersionSchema,
  /** Closed when the phase is terminal (ended, returned, closed): then it has no due dates. */
  closed: z.boolean(),
  events: z.array(recordedEventSchema),
  /** The pure engine's output (shared/procedure/engine.ts TrackState): phase, due dates, warnings, history. */
  state: z.custom<TrackState>((v) => typeof v === 'object' && v !== null),
  checklists: z.array(checklistViewSchema),
});
export type TrackView = z.infer<typeof trackViewSchema>;

export const upcomingDeadlinesInputSchema = z.strictObject({
  /** Due dates from `today` to `today` + `withinDays`, both included. */
  withinDays: z.number().int().min(0).max(3660),
  /** Default: today on this computer. */
  today: calendarDateSchema.optional(),
  /** Also list due dates before `today` that are still running (not yet met). */
  includeOverdue: z.boolean().default(false),
  limit: z.number().int().min(1).max(5000).default(500),
});

export const upcomingDeadlineSchema = z.object({
  personId: z.string(),
  trackId: z.string(),
  caseCode: z.string(),
  givenNames: z.string(),
  familyName: z.string(),
  country: countrySchema,
  kind: dueKindSchema,
  dueDate: calendarDateSchema,
  /** What the date rests on: exact, maximum, estimate or document (docs/legal-rules.md). */
  basis: z.enum(DUE_BASES),
  phase: phaseIdSchema,
  caseworkerId: z.string().nullable(),
});
export type UpcomingDeadline = z.infer<typeof upcomingDeadlineSchema>;

/** A due date that changed when its track was re-derived under corrected rules, not yet acknowledged. */
export const recomputedDeadlineSchema = z.object({
  id: z.string(),
  personId: z.string(),
  trackId: z.string(),
  kind: z.string(),
  previousDueDate: calendarDateSchema.nullable(),
  newDueDate: calendarDateSchema.nullable(),
  recomputedAt: z.string(),
});
export type RecomputedDeadline = z.infer<typeof recomputedDeadlineSchema>;
