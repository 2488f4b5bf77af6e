import { desc, eq, lt } from 'drizzle-orm';
import type { Db } from './connection';
import { auditLog } from './schema';

export type AuditRow = typeof auditLog.$inferSelect;

export class AuditRepo {
  constructor(private readonly db: Db) {}

  last(): AuditRow | undefined {
    return this.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1).get();
  }

  bySeq(seq: number): AuditRow | undefined {
    return this.db.select().from(auditLog).where(eq(auditLog.seq, seq)).get();
  }

  insert(row: AuditRow): void {
    this.db.insert(auditLog).values(row).run();
  }

  /** Every entry in sequence order, streamed so a long trail does not sit in memory at once. */
  *iterate(): Generator<AuditRow> {
    const stmt = this.db.$client.prepare(
      `SELECT seq, at, actor_id AS actorId, actor_name AS actorName, action, subject_type AS subjectType,
              subject_id AS subjectId, details, prev_hash AS prevHash, hash
         FROM audit_log ORDER BY seq`,
    );
    for (const row of stmt.iterate()) yield row as AuditRow;
  }

  latest(limit: number, beforeSeq?: number): AuditRow[] {
    const q = this.db.select().from(auditLog);
    const filtered = beforeSeq === undefined ? q : q.where(lt(auditLog.seq, beforeSeq));
    return filtered.orderBy(desc(auditLog.seq)).limit(limit).all();
  }
}
