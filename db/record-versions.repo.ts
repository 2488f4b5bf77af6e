/** Versions of staff accounts and of the organisation's settings (table record_versions). */
import { and, eq } from 'drizzle-orm';
import type { Db } from './connection';
import type { RecordChange } from './record-change';
import { recordVersions } from './schema';

export type VersionedRecordType = (typeof recordVersions.$inferSelect)['recordType'];

export interface StoredVersion {
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

export class RecordVersionsRepo {
  constructor(private readonly db: Db) {}

  /** The record's version; version 1 (never changed since versions exist) when there is no row. */
  of(recordType: VersionedRecordType, recordId: string): StoredVersion {
    const row = this.db
      .select()
      .from(recordVersions)
      .where(and(eq(recordVersions.recordType, recordType), eq(recordVersions.recordId, recordId)))
      .get();
    return row ? { version: row.version, updatedAt: row.updatedAt, updatedBy: row.updatedBy ?? null } : { version: 1, updatedAt: null, updatedBy: null };
  }

  /** The versions of every record of a type that has a row (the others are at version 1). */
  allOf(recordType: VersionedRecordType): Map<string, number> {
    const rows = this.db.select().from(recordVersions).where(eq(recordVersions.recordType, recordType)).all();
    return new Map(rows.map((r) => [r.recordId, r.version]));
  }

  set(recordType: VersionedRecordType, recordId: string, change: RecordChange): void {
    const set = { version: change.version, updatedAt: change.at, updatedBy: change.by };
    this.db
      .insert(recordVersions)
      .values({ recordType, recordId, ...set })
      .onConflictDoUpdate({ target: [recordVersions.recordType, recordVersions.recordId], set })
      .run();
  }
}
