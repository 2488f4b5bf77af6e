import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
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
    partner: text('partner'),
    categories: text('categories', { mode: 'json' }).$type<(typeof DATA_CATEGORIES)[number][]>().notNull(),
    givenOn: text('given_on').$type<CalendarDate>().notNull(),
    withdrawnOn: text('withdrawn_on').$type<CalendarDate>(),
    recordedAt: text('recorded_at').notNull(),
    recordedBy: text('recorded_by'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('consents_person').on(t.personId)],
);
