import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { CalendarDate } from '../../shared/dates/calendar-date';
import { ALL_EVENT_TYPES } from '../../shared/procedure/track.schema';
import type { EventType } from '../../shared/procedure/track.schema';
import { persons } from './persons.table';
import { attachments } from './attachments.table';

const COUNTRY = { enum: ['BE', 'NL', 'LU'] as const };

/**
 * A person's procedure in one country. The derived state (phase, next due date) is
 * stored after each change, from the pure engine (shared/procedure).
 */
export const tracks = sqliteTable(
  'tracks',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    country: text('country', COUNTRY).notNull(),
    openedAt: text('opened_at').notNull(),
    openedBy: text('opened_by'),
    phaseId: text('phase_id').notNull(),
    /** The phase is terminal: the track has no running due dates. */
    closed: integer('closed', { mode: 'boolean' }).notNull(),
    nextDueDate: text('next_due_date').$type<CalendarDate>(),
    nextDueKind: text('next_due_kind'),
    /**
     * The due kind a document of the current phase would date, recorded without the printed expiry
     * that alone dates it (shared/procedure/missing-expiry.ts): no reminder until it is entered.
     */
    missingExpiryKind: text('missing_expiry_kind'),
    derivedAt: text('derived_at').notNull(),
    /** shared/rules RULES_VERSION the stored state was derived with; older tracks are re-derived at unlock. */
    rulesVersion: integer('rules_version').notNull().default(0),
    /** Raised by every change staff make; a write against an older one is refused (docs/team-server.md "Concurrent edits"). */
    version: integer('version').notNull().default(1),
    /** Who recorded, corrected or withdrew an event last, and when (null before versions existed). */
    updatedAt: text('updated_at'),
    updatedBy: text('updated_by'),
  },
  (t) => [
    uniqueIndex('tracks_person_country_unique').on(t.personId, t.country),
    // The year's statistics look up the track of each event counted (person, country, phase): from
    // this index alone instead of the primary key's index and then the row (docs/statistics.md).
    index('tracks_statistics').on(t.id, t.personId, t.country, t.phaseId),
  ],
);

/** Recorded events. A correction removes an event: the row stays, marked removed, with the reason code. */
export const procedureEvents = sqliteTable(
  'procedure_events',
  {
    id: text('id').primaryKey(),
    trackId: text('track_id')
      .notNull()
      .references(() => tracks.id, { onDelete: 'cascade' }),
    type: text('type', { enum: ALL_EVENT_TYPES as [EventType, ...EventType[]] }).notNull(),
    date: text('date').$type<CalendarDate>().notNull(),
    documentExpiry: text('document_expiry').$type<CalendarDate>(),
    revocationGround: text('revocation_ground'),
    recordedAt: text('recorded_at').notNull(),
    recordedBy: text('recorded_by'),
    removedAt: text('removed_at'),
    removedBy: text('removed_by'),
    removalReason: text('removal_reason'),
  },
  (t) => [
    // removed_at too, so that a track's last event date (the closing day of a file, in the year's
    // statistics) is read from the index alone.
    index('procedure_events_track').on(t.trackId, t.date, t.removedAt),
    // The year's statistics read the events of a few types in a date range (reflection periods
    // started, permits granted): docs/statistics.md. removed_at and track_id are in the index so
    // that those events are found without reading their rows.
    index('procedure_events_statistics').on(t.type, t.date, t.removedAt, t.trackId),
  ],
);

/** Every running due date of every open track, so the deadline query never re-derives tracks. */
export const trackDueDates = sqliteTable(
  'track_due_dates',
  {
    trackId: text('track_id')
      .notNull()
      .references(() => tracks.id, { onDelete: 'cascade' }),
    personId: text('person_id').notNull(),
    country: text('country', COUNTRY).notNull(),
    kind: text('kind').notNull(),
    dueDate: text('due_date').$type<CalendarDate>().notNull(),
    phaseId: text('phase_id').notNull(),
    /** What the date rests on: exact, maximum, estimate or document (shared/procedure/engine.ts DueBasis). */
    basis: text('basis', { enum: ['exact', 'maximum', 'estimate', 'document'] }).notNull().default('exact'),
  },
  (t) => [
    primaryKey({ columns: [t.trackId, t.kind] }),
    index('track_due_dates_due').on(t.dueDate, t.personId),
    // A caseload's due dates (the dashboard's "my cases", a caseworker's): one seek per person into
    // an index that holds every column read, instead of the track and the due-date row.
    index('track_due_dates_person').on(t.personId, t.dueDate, t.kind, t.trackId, t.country, t.basis),
  ],
);

/**
 * Due dates that changed when a track was re-derived under corrected rules; shown as "deadline
 * recomputed" on the dashboard and the person page until a staff member acknowledges them.
 */
export const deadlineRecomputations = sqliteTable(
  'deadline_recomputations',
  {
    id: text('id').primaryKey(),
    trackId: text('track_id')
      .notNull()
      .references(() => tracks.id, { onDelete: 'cascade' }),
    personId: text('person_id').notNull(),
    kind: text('kind').notNull(),
    previousDueDate: text('previous_due_date').$type<CalendarDate>(),
    newDueDate: text('new_due_date').$type<CalendarDate>(),
    rulesVersion: integer('rules_version').notNull(),
    recomputedAt: text('recomputed_at').notNull(),
    acknowledgedAt: text('acknowledged_at'),
    acknowledgedBy: text('acknowledged_by'),
  },
  (t) => [index('deadline_recomputations_track').on(t.trackId, t.kind), index('deadline_recomputations_person').on(t.personId)],
);

/** Condition checklist answers, one per track, checklist and item. */
export const checklistAnswers = sqliteTable(
  'checklist_answers',
  {
    trackId: text('track_id')
      .notNull()
      .references(() => tracks.id, { onDelete: 'cascade' }),
    checklistId: text('checklist_id').notNull(),
    itemId: text('item_id').notNull(),
    status: text('status', { enum: ['met', 'notMet', 'unknown'] }).notNull(),
    answeredOn: text('answered_on').$type<CalendarDate>().notNull(),
    answeredBy: text('answered_by'),
    note: text('note').notNull(),
    attachmentId: text('attachment_id').references(() => attachments.id, { onDelete: 'set null' }),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.trackId, t.checklistId, t.itemId] })],
);

/**
 * The version of one checklist of a track, raised by every answer saved in it: a checklist is one
 * form, so a save made on an older version is refused. No row: version 1, never answered since
 * versions exist.
 */
export const checklistVersions = sqliteTable(
  'checklist_versions',
  {
    trackId: text('track_id')
      .notNull()
      .references(() => tracks.id, { onDelete: 'cascade' }),
    checklistId: text('checklist_id').notNull(),
    version: integer('version').notNull().default(1),
    updatedAt: text('updated_at').notNull(),
    updatedBy: text('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.trackId, t.checklistId] })],
);
