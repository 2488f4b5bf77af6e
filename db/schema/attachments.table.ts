import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { CalendarDate } from '../../shared/dates/calendar-date';
import { persons } from './persons.table';

/** Attachments' metadata; the bytes live in attachment_contents so listing never reads them. */
export const attachments = sqliteTable(
  'attachments',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    kind: text('kind', {
      enum: ['identityDocument', 'residenceDocument', 'statement', 'medical', 'legal', 'photo', 'other'],
    }).notNull(),
    mediaType: text('media_type', { enum: ['application/pdf', 'image/jpeg', 'image/png', 'image/webp', 'image/tiff'] }).notNull(),
    /** Sanitised (shared/persons/attachment.schema.ts sanitiseFileName). */
    fileName: text('file_name').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    documentDate: text('document_date').$type<CalendarDate>(),
    addedAt: text('added_at').notNull(),
    addedBy: text('added_by'),
  },
  (t) => [index('attachments_person').on(t.personId)],
);

/** The file itself, a BLOB inside the encrypted database (never a file on disk). */
export const attachmentContents = sqliteTable('attachment_contents', {
  attachmentId: text('attachment_id')
    .primaryKey()
    .references(() => attachments.id, { onDelete: 'cascade' }),
  content: blob('content', { mode: 'buffer' }).notNull(),
});
