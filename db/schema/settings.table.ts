import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Vault-wide settings (non-personal), as JSON values under a key. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull(),
});
