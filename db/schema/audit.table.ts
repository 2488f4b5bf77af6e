import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Append-only audit trail. Each entry carries the hash of the previous one (a hash chain);
 * triggers in the migration refuse UPDATE and DELETE. Entries name the staff member and a
 * pseudonymous record id, never a person's name or details.
 */
export const auditLog = sqliteTable('audit_log', {
  seq: integer('seq').primaryKey(),
  at: text('at').notNull(),
  actorId: text('actor_id'),
  actorName: text('actor_name'),
  action: text('action').notNull(),
  subjectType: text('subject_type'),
  subjectId: text('subject_id'),
  details: text('details').notNull().default('{}'),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});
