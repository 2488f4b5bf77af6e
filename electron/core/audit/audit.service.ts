import { AuditRepo } from '../../../db/audit.repo';
import type { AuditEntrySummary, AuditVerification } from '../../../shared/ipc/contract';
import { addDays, type CalendarDate } from '../../../shared/dates/calendar-date';
import { seesEveryCase } from '../persons/person-access';
import type { VaultService } from '../vault/vault.service';

export interface AuditListInput {
  limit: number;
  beforeSeq?: number | undefined;
  actor?: string | undefined;
  action?: string | undefined;
  from?: CalendarDate | undefined;
  to?: CalendarDate | undefined;
  caseCode?: string | undefined;
}

/** The instant a local calendar day starts on this computer, as the trail stores times (ISO, UTC). */
function localDayStart(day: CalendarDate): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toISOString();
}
import { verifyChain } from './audit-chain';

export class AuditService {
  constructor(private readonly vault: VaultService) {}

  /**
   * The newest entries, filtered by user, action, period (local days, both included) and case. An
   * entry about a person carries its case code when the record still exists and the reader may see it;
   * the trail itself keeps the uuid only. A case code that names no record finds nothing.
   */
  latest(input: AuditListInput): AuditEntrySummary[] {
    const actor = this.vault.requireRole('admin');
    return this.vault.read((db) => {
      let subjectId: string | undefined;
      if (input.caseCode !== undefined) {
        const found = db.$client.prepare('SELECT id FROM persons WHERE case_code = ?').pluck().get(input.caseCode.toUpperCase()) as string | undefined;
        if (!found) return [];
        subjectId = found;
      }
      const rows = new AuditRepo(db).filtered(input.limit, {
        beforeSeq: input.beforeSeq,
        actorName: input.actor,
        action: input.action,
        fromAt: input.from ? localDayStart(input.from) : undefined,
        toAt: input.to ? localDayStart(addDays(input.to, 1)) : undefined,
        subjectId,
      });
      const personIds = [...new Set(rows.filter((r) => r.subjectType === 'person' && r.subjectId).map((r) => r.subjectId as string))];
      const codes = new Map<string, string>();
      for (let i = 0; i < personIds.length; i += 500) {
        const chunk = personIds.slice(i, i + 500);
        const found = db.$client
          .prepare(`SELECT id, case_code AS caseCode, caseworker_id AS caseworkerId FROM persons WHERE id IN (${chunk.map(() => '?').join(',')})`)
          .all(...chunk) as { id: string; caseCode: string; caseworkerId: string | null }[];
        for (const p of found) if (seesEveryCase(actor) || p.caseworkerId === actor.id) codes.set(p.id, p.caseCode);
      }
      return rows.map((r) => ({
        seq: r.seq,
        at: r.at,
        actor: r.actorName,
        action: r.action,
        subjectType: r.subjectType,
        subjectId: r.subjectId,
        caseCode: r.subjectType === 'person' && r.subjectId ? (codes.get(r.subjectId) ?? null) : null,
      }));
    });
  }

  /** Walks the whole chain against the head anchored in the key-slot file. */
  verify(): AuditVerification {
    this.vault.requireRole('admin');
    // Against the anchor held in memory, before anything re-anchors: re-anchoring first would make a
    // trail cut below the anchor look whole. The walk covers every entry, anchored or not yet.
    const anchor = this.vault.keySlots().audit;
    const result = this.vault.read((db) => verifyChain(new AuditRepo(db).iterate(), anchor));
    // The anchor is written in batches: once the chain is known good, it covers the head too.
    if (result.ok) this.vault.writeAnchor();
    return result;
  }
}
