/**
 * The audit trail's hash chain: each entry's hash covers its own fields and the previous hash,
 * so editing, deleting or reordering an entry breaks the chain from that entry on.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { AuditRepo, AuditRow } from '../../../db/audit.repo';
import type { AuditAction, AuditDetails, AuditSubjectType } from '../../../shared/audit';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  actorId: string | null;
  actorName: string | null;
  action: AuditAction;
  subjectType?: AuditSubjectType | null;
  subjectId?: string | null;
  details?: AuditDetails;
  /** When the event happened, if not now (failed unlocks are recorded at the next unlock). */
  at?: string;
}

type Hashed = Omit<AuditRow, 'hash'>;

export function entryHash(row: Hashed): string {
  const body = canonicalize({
    seq: row.seq,
    at: row.at,
    actorId: row.actorId,
    actorName: row.actorName,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    details: row.details,
  });
  return createHash('sha256').update(row.prevHash).update('\n').update(body ?? '').digest('hex');
}

/** Appends one entry; call inside the write transaction that made the change it records. */
export function appendAudit(repo: AuditRepo, nowIso: string, input: AuditInput): AuditRow {
  const last = repo.last();
  const base: Hashed = {
    seq: (last?.seq ?? 0) + 1,
    at: input.at ?? nowIso,
    actorId: input.actorId,
    actorName: input.actorName,
    action: input.action,
    subjectType: input.subjectType ?? null,
    subjectId: input.subjectId ?? null,
    details: JSON.stringify(input.details ?? {}),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const row: AuditRow = { ...base, hash: entryHash(base) };
  repo.insert(row);
  return row;
}

export interface ChainAnchor {
  seq: number;
  head: string;
}

export interface ChainVerification {
  ok: boolean;
  entries: number;
  firstBrokenSeq: number | null;
  reason: 'gap' | 'prev-hash' | 'hash' | 'truncated' | 'anchor-mismatch' | null;
}

/**
 * Walks the chain in sequence order. `anchor` is the head recorded in the key-slot file:
 * the chain must reach it and hold the same hash there (a rolled-back database does not).
 */
export function verifyChain(rows: Iterable<AuditRow>, anchor?: ChainAnchor): ChainVerification {
  let expectedSeq = 1;
  let prev = GENESIS_HASH;
  let count = 0;
  let anchorSeen = !anchor || anchor.seq === 0;
  for (const row of rows) {
    count++;
    const broken = (reason: ChainVerification['reason']): ChainVerification => ({
      ok: false,
      entries: count,
      firstBrokenSeq: expectedSeq,
      reason,
    });
    if (row.seq !== expectedSeq) return broken('gap');
    if (row.prevHash !== prev) return broken('prev-hash');
    if (entryHash(row) !== row.hash) return broken('hash');
    if (anchor && row.seq === anchor.seq) {
      if (row.hash !== anchor.head) return broken('anchor-mismatch');
      anchorSeen = true;
    }
    prev = row.hash;
    expectedSeq++;
  }
  if (!anchorSeen) return { ok: false, entries: count, firstBrokenSeq: expectedSeq, reason: 'truncated' };
  return { ok: true, entries: count, firstBrokenSeq: null, reason: null };
}
