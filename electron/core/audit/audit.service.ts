import { AuditRepo } from '../../../db/audit.repo';
import type { AuditEntrySummary, AuditVerification } from '../../../shared/ipc/contract';
import type { VaultService } from '../vault/vault.service';
import { verifyChain } from './audit-chain';

export class AuditService {
  constructor(private readonly vault: VaultService) {}

  latest(input: { limit: number; beforeSeq?: number | undefined }): AuditEntrySummary[] {
    this.vault.requireRole('admin');
    return this.vault.read((db) =>
      new AuditRepo(db).latest(input.limit, input.beforeSeq).map((r) => ({
        seq: r.seq,
        at: r.at,
        actor: r.actorName,
        action: r.action,
        subjectType: r.subjectType,
        subjectId: r.subjectId,
      })),
    );
  }

  /** Walks the whole chain against the head anchored in the key-slot file. */
  verify(): AuditVerification {
    this.vault.requireRole('admin');
    const anchor = this.vault.keySlots().audit;
    return this.vault.read((db) => verifyChain(new AuditRepo(db).iterate(), anchor));
  }
}
