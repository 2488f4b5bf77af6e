import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** The organisation that owns this vault (one row, id = 1). */
export const organisation = sqliteTable('organisation', {
  id: integer('id').primaryKey(),
  vaultId: text('vault_id').notNull(),
  name: text('name').notNull(),
  country: text('country', { enum: ['BE', 'NL', 'LU'] }).notNull(),
  createdAt: text('created_at').notNull(),
  /** 2-5 letters A-Z starting every case code; null in vaults made before it existed (derived from the name). */
  caseCodePrefix: text('case_code_prefix'),
});
