import { index, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Office server: the writes already applied, by user and request id (docs/team-server.md "Request
 * ids"). The row is written in the same transaction as the write itself, so a write retried after a
 * server restart is recognised; `result` is the router's answer, stored right after, returned to the
 * retry. Kept 24 hours. Results are emptied (secure_delete overwrites them) when a person is erased.
 */
export const requestResults = sqliteTable(
  'request_results',
  {
    userId: text('user_id').notNull(),
    requestId: text('request_id').notNull(),
    channel: text('channel').notNull(),
    createdAt: text('created_at').notNull(),
    result: text('result'),
  },
  (t) => [primaryKey({ columns: [t.userId, t.requestId] }), index('request_results_created_idx').on(t.createdAt)],
);

/**
 * Office server: which reminders each user's desktop has shown (docs/team-server.md "Reminders"), so
 * a reminder fires once per user across restarts of the server and of the desktops. Reminder ids
 * are opaque (item id, due date, lead time): no case code and nothing about a person.
 */
export const reminderNotified = sqliteTable(
  'reminder_notified',
  {
    userId: text('user_id').notNull(),
    reminderId: text('reminder_id').notNull(),
    notifiedAt: text('notified_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.reminderId] })],
);
