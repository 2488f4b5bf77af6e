import { sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Staff accounts. Passwords are never stored: each user has a key slot in keyslots.json. */
export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: ['admin', 'coordinator', 'caseworker'] }).notNull(),
    status: text('status', { enum: ['active', 'disabled'] }).notNull().default('active'),
    slotId: text('slot_id').notNull(),
    createdAt: text('created_at').notNull(),
    disabledAt: text('disabled_at'),
  },
  (t) => [uniqueIndex('users_username_unique').on(t.username)],
);
