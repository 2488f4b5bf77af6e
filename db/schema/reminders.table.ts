import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { CalendarDate } from '../../shared/dates/calendar-date';
import { persons } from './persons.table';
import { users } from './users.table';

const COUNTRY = { enum: ['BE', 'NL', 'LU'] as const };

/**
 * Reminders already shown on this vault's desktop: one row per reminder id
 * (`<itemId>:<dueDate>:<lead>`, or `digest:<date>`), so a reminder fires once per lead time, also across
 * restarts. Ids hold opaque item ids and dates only, no case code and nothing about a person.
 */
export const reminderFired = sqliteTable('reminder_fired', {
  id: text('id').primaryKey(),
  firedAt: text('fired_at').notNull(),
});

/**
 * A deadline marked done or snoozed, for the items
 * whose own table has no such state (procedure deadlines, later handover deadlines; tasks keep it in
 * staff_tasks). It applies to the due date it was decided for: when the deadline moves (a renewed
 * document), the row no longer matches and the deadline reminds again. The reason is a code; the note
 * is short free text that stays here, never in the audit trail.
 */
export const reminderDispositions = sqliteTable(
  'reminder_dispositions',
  {
    itemId: text('item_id').primaryKey(),
    dueDate: text('due_date').$type<CalendarDate>().notNull(),
    personId: text('person_id').references(() => persons.id, { onDelete: 'cascade' }),
    state: text('state', { enum: ['done', 'snoozed'] }).notNull(),
    snoozedUntil: text('snoozed_until').$type<CalendarDate>(),
    reason: text('reason').notNull(),
    note: text('note').notNull(),
    decidedAt: text('decided_at').notNull(),
    decidedBy: text('decided_by'),
  },
  (t) => [index('reminder_dispositions_person').on(t.personId)],
);

/**
 * Tasks staff create themselves: a title, a due date, the staff member who
 * does it, and optionally the person it is about. Titles are free text inside the encrypted vault;
 * reminders of a task show only "A task is due" and the person's case code.
 */
export const staffTasks = sqliteTable(
  'staff_tasks',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    dueDate: text('due_date').$type<CalendarDate>().notNull(),
    assigneeId: text('assignee_id')
      .notNull()
      .references(() => users.id),
    personId: text('person_id').references(() => persons.id, { onDelete: 'cascade' }),
    /** Whose public holidays count: the organisation's country when the task was made. */
    country: text('country', COUNTRY).notNull(),
    state: text('state', { enum: ['open', 'done', 'snoozed'] }).notNull(),
    snoozedUntil: text('snoozed_until').$type<CalendarDate>(),
    stateReason: text('state_reason'),
    stateNote: text('state_note'),
    stateAt: text('state_at'),
    stateBy: text('state_by'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by'),
    updatedAt: text('updated_at').notNull(),
    updatedBy: text('updated_by'),
    /** Raised by every change staff make; a write against an older one is refused (docs/team-server.md "Concurrent edits"). */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('staff_tasks_due').on(t.state, t.dueDate),
    index('staff_tasks_assignee').on(t.assigneeId, t.state, t.dueDate),
    index('staff_tasks_person').on(t.personId),
  ],
);
