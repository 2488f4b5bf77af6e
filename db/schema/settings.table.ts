import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Vault-wide settings (non-personal), as JSON values under a key. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * Versions of records whose own table is written when a vault is made (staff accounts, the
 * organisation), kept apart so those tables stay as every vault has them. One row per record changed
 * since versions exist; no row: version 1 (docs/team-server.md "Concurrent edits").
 */
export const recordVersions = sqliteTable(
  'record_versions',
  {
    recordType: text('record_type', { enum: ['user', 'organisation'] }).notNull(),
    recordId: text('record_id').notNull(),
    version: integer('version').notNull(),
    updatedAt: text('updated_at').notNull(),
    updatedBy: text('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.recordType, t.recordId] })],
);
