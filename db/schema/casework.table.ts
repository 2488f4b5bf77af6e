import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { CalendarDate } from '../../shared/dates/calendar-date';
import { attachments } from './attachments.table';
import { persons } from './persons.table';
import { users } from './users.table';

/**
 * Case notes and the contact log (docs/casework.md). Personal data, inside the encrypted database.
 * `seq` is the INTEGER PRIMARY KEY, so the rowid the full-text index (case_notes_fts, an external
 * content FTS5 table kept in sync by triggers) points to never changes, also across VACUUM INTO
 * (backups); `id` is the random uuid the audit trail and the UI use.
 */
export const caseNotes = sqliteTable(
  'case_notes',
  {
    seq: integer('seq').primaryKey(),
    id: text('id').notNull(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    occurredOn: text('occurred_on').$type<CalendarDate>().notNull(),
    type: text('type', { enum: ['meeting', 'phoneCall', 'visit', 'accompaniment', 'message', 'other'] }).notNull(),
    body: text('body').notNull(),
    durationMinutes: integer('duration_minutes'),
    attachmentId: text('attachment_id').references(() => attachments.id, { onDelete: 'set null' }),
    /** The entry this one corrects (same person); the corrected one stays as written. */
    correctsId: text('corrects_id').references((): AnySQLiteColumn => caseNotes.id, { onDelete: 'cascade' }),
    authorId: text('author_id').references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    /** Raised by every change staff make; a write against an older one is refused (docs/team-server.md "Concurrent edits"). */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('case_notes_id_unique').on(t.id),
    index('case_notes_person').on(t.personId, t.occurredOn),
    index('case_notes_corrects').on(t.correctsId).where(sql`${t.correctsId} IS NOT NULL`),
    index('case_notes_attachment').on(t.attachmentId).where(sql`${t.attachmentId} IS NOT NULL`),
  ],
);

/** Services and referrals with their appointments (shared/casework/appointment.schema.ts). */
export const appointments = sqliteTable(
  'appointments',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    serviceKind: text('service_kind', {
      enum: ['medical', 'psychological', 'legal', 'police', 'administration', 'housing', 'education', 'employment', 'other'],
    }).notNull(),
    service: text('service').notNull(),
    date: text('date').$type<CalendarDate>().notNull(),
    time: text('time'),
    place: text('place').notNull(),
    interpreterBooked: integer('interpreter_booked', { mode: 'boolean' }).notNull(),
    status: text('status', { enum: ['planned', 'done', 'cancelled', 'missed'] }).notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by'),
    updatedAt: text('updated_at').notNull(),
    updatedBy: text('updated_by'),
    /** Raised by every change staff make; a write against an older one is refused (docs/team-server.md "Concurrent edits"). */
    version: integer('version').notNull().default(1),
  },
  (t) => [index('appointments_due').on(t.status, t.date), index('appointments_person').on(t.personId, t.date)],
);
