import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { CalendarDate } from '../../shared/dates/calendar-date';
import type { DATA_CATEGORIES } from '../../shared/persons/consent.schema';
import { persons } from './persons.table';

/** Consent to processing, or to sharing named data with a named partner. Withdrawal is a date, never a deletion. */
export const consents = sqliteTable(
  'consents',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['processing', 'sharing'] }).notNull(),
    /** The partner's name as shown when the consent was recorded (before partners were picked: the text typed). */
    partner: text('partner'),
    /** The verified partner organisation picked (its key card's organisation id); the export checks this. */
    partnerOrgId: text('partner_org_id'),
    /** Or the contact-directory entry picked, for an organisation with no key card yet. */
    partnerContactId: text('partner_contact_id'),
    categories: text('categories', { mode: 'json' }).$type<(typeof DATA_CATEGORIES)[number][]>().notNull(),
    givenOn: text('given_on').$type<CalendarDate>().notNull(),
    withdrawnOn: text('withdrawn_on').$type<CalendarDate>(),
    recordedAt: text('recorded_at').notNull(),
    recordedBy: text('recorded_by'),
    updatedAt: text('updated_at').notNull(),
    updatedBy: text('updated_by'),
    /** Raised by every change staff make; a write against an older one is refused (docs/team-server.md "Concurrent edits"). */
    version: integer('version').notNull().default(1),
  },
  (t) => [index('consents_person').on(t.personId)],
);
