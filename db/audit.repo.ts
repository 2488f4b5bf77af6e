import { desc, eq, lt } from 'drizzle-orm';
import type { Db } from './connection';
import { auditLog } from './schema';

export type AuditRow = typeof auditLog.$inferSelect;

export interface AuditFilter {
  beforeSeq?: number | undefined;
  actorName?: string | undefined;
  action?: string | undefined;
  /** ISO timestamps: entries at or after `fromAt`, before `toAt`. */
  fromAt?: string | undefined;
  toAt?: string | undefined;
  /** Entries about this person (subject type 'person'). */
  subjectId?: string | undefined;
}

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

  /**
   * The newest entries matching every filter given, newest first, before `beforeSeq`. Read backwards
   * over the sequence key: a page costs the entries walked to fill it.
   */
  filtered(limit: number, filter: AuditFilter): AuditRow[] {
    const where: string[] = [];
    const params: Record<string, string | number> = { limit };
    const add = (clause: string, name: string, value: string | number | undefined) => {
      if (value === undefined) return;
      where.push(clause);
      params[name] = value;
    };
    add('seq < @beforeSeq', 'beforeSeq', filter.beforeSeq);
    add('actor_name = @actorName', 'actorName', filter.actorName);
    add('action = @action', 'action', filter.action);
    add('at >= @fromAt', 'fromAt', filter.fromAt);
    add('at < @toAt', 'toAt', filter.toAt);
    add("subject_type = 'person' AND subject_id = @subjectId", 'subjectId', filter.subjectId);
    return this.db.$client
      .prepare(
        `SELECT seq, at, actor_id AS actorId, actor_name AS actorName, action, subject_type AS subjectType,
                subject_id AS subjectId, details, prev_hash AS prevHash, hash
           FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT @limit`,
      )
      .all(params) as AuditRow[];
  }

  latest(limit: number, beforeSeq?: number): AuditRow[] {
    const q = this.db.select().from(auditLog);
    const filtered = beforeSeq === undefined ? q : q.where(lt(auditLog.seq, beforeSeq));
    return filtered.orderBy(desc(auditLog.seq)).limit(limit).all();
  }
}
