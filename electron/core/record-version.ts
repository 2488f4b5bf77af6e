/**
 * Optimistic concurrency for every record staff edit (docs/team-server.md "Concurrent edits"): each
 * record carries a version, raised by every change. A write that says which version it was made on
 * (`expectedVersion`) is refused with CONFLICT when the record has moved on since, naming who saved
 * it last and when, so the desktop can reload the record or re-apply its change on top. The refusal is
 * thrown inside the write transaction, before anything is written, so the write changes nothing.
 *
 * A write without `expectedVersion` is applied as before (last write wins): the CLI and callers made
 * before versions existed send none.
 */
import type { Db } from '../../db/connection';
import { RecordVersionsRepo, type VersionedRecordType } from '../../db/record-versions.repo';
import { UsersRepo } from '../../db/users.repo';
import { AppError } from '../../shared/errors';

/** Where a record stands: its version, and who changed it last and when (null when not known). */
export interface RecordStamp {
  version: number;
  changedBy: string | null;
  changedAt: string | null;
}

/** The staff member's display name (the CONFLICT dialog shows it), or null for an unknown id. */
export function staffName(db: Db, userId: string | null): string | null {
  return userId ? (new UsersRepo(db).byId(userId)?.displayName ?? null) : null;
}

/**
 * Refuses a write made on an older version of the record with CONFLICT (`recordChanged`); details
 * carry the current version, the display name of who changed it and when. No-op without `expected`.
 */
export function checkVersion(db: Db, expected: number | undefined, current: RecordStamp): void {
  if (expected === undefined || expected === current.version) return;
  const changedBy = staffName(db, current.changedBy);
  throw new AppError('CONFLICT', 'recordChanged', { changedBy: changedBy ?? '?' }, {
    currentVersion: current.version,
    changedBy,
    ...(current.changedAt ? { changedAt: current.changedAt } : {}),
  });
}

/**
 * For records whose version is kept apart (table record_versions: staff accounts, the organisation):
 * refuses a stale `expected` like checkVersion, then raises the version; returns the new version.
 */
export function changeKeptVersion(db: Db, recordType: VersionedRecordType, recordId: string, expected: number | undefined, by: string, at: string): number {
  const repo = new RecordVersionsRepo(db);
  const stored = repo.of(recordType, recordId);
  checkVersion(db, expected, { version: stored.version, changedBy: stored.updatedBy, changedAt: stored.updatedAt });
  const version = stored.version + 1;
  repo.set(recordType, recordId, { at, by, version });
  return version;
}
