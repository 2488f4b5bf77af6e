/**
 * The audit anchor (docs/vault-format.md "The audit anchor"): the head of the audit chain written
 * into the key-slot file, in batches after the commits, so that a database rolled back to an older
 * copy is detected at the next unlock. Also what happens when the file cannot take it (retries with
 * a growing delay, writes refused meanwhile, the failure kept in the database) and when the open
 * trail is found behind it.
 *
 * The state lives on the open vault (open-vault.ts); VaultService owns it and runs write().
 */
import type { Db } from '../../../db/connection';
import { AuditRepo } from '../../../db/audit.repo';
import { SettingsRepo } from '../../../db/settings.repo';
import { AppError } from '../../../shared/errors';
import { appendAudit } from '../audit/audit-chain';
import type { Clock, Logger } from '../ports';
import { writeKeySlotFile, type KeySlotBody } from './keyslot-file';
import { anchorFailureSchema, type AnchorFailure, type OpenVault, type VaultChange, type WriteContext } from './open-vault';
import { addNotice } from './security-notices';

/**
 * The audit anchor is written in batches (docs/vault-format.md "The audit anchor"): at most this
 * long after the first entry it does not cover yet, or at once when this many entries wait, and
 * always on lock, close, backup, re-key, checkpoint, any key-slot change and before a verification.
 */
export const ANCHOR_DELAY_MS = 250;
export const ANCHOR_MAX_PENDING = 500;
/** After a failed anchor write, retries wait twice as long each time, up to this. */
export const ANCHOR_RETRY_MAX_MS = 60_000;

/**
 * In the database while the key-slot file could not take the anchor: so that a lock, a quit or a
 * crash during the failure does not lose it. The next audited write records it and clears it.
 */
const SETTING_ANCHOR_FAILURE = 'anchorFailure';

/** A failure to write the anchor that a lock, quit or crash left unrecorded (VaultService.adopt). */
export function anchorFailureLeft(db: Db): AnchorFailure | null {
  const failed = anchorFailureSchema.safeParse(new SettingsRepo(db).get(SETTING_ANCHOR_FAILURE));
  return failed.success ? failed.data : null;
}

/**
 * In write()'s transaction: a failure to write the anchor that has ended (in this session or before
 * a lock or crash) goes to the trail and the security notices, and is no longer kept.
 */
export function recordAnchorFailure(db: Db, repo: AuditRepo, settings: SettingsRepo, now: string, recovered: AnchorFailure): void {
  appendAudit(repo, now, { actorId: null, actorName: null, action: 'vault.anchorFailed', details: { attempts: recovered.attempts, since: recovered.since } });
  addNotice(db, now, { kind: 'anchorFailed', at: recovered.since, count: recovered.attempts });
  settings.set(SETTING_ANCHOR_FAILURE, null, now);
}

export interface AnchorOptions {
  dir: string;
  clock: Clock;
  logger: Logger;
  anchorDelayMs?: number;
}

/** What the anchor needs of VaultService. */
export interface AnchorHost {
  current(): OpenVault | null;
  requireOpen(): OpenVault;
  write<T>(fn: (ctx: WriteContext) => T): T;
  closeDatabase(anchor: boolean): boolean;
  emit(change: VaultChange): void;
}

export class AuditAnchor {
  constructor(
    private readonly options: AnchorOptions,
    private readonly host: AnchorHost,
  ) {}

  private nowIso(): string {
    return this.options.clock.now().toISOString();
  }

  /** After an outer write committed `appended` audit entries: anchored at once past the batch size, soon otherwise. */
  entriesCommitted(open: OpenVault, appended: number): void {
    open.unanchored += appended;
    if (open.unanchored >= ANCHOR_MAX_PENDING) this.writeAnchor();
    else this.scheduleAnchor(open);
  }

  scheduleAnchor(open: OpenVault, delayMs?: number): void {
    if (open.anchorTimer) return;
    open.anchorTimer = setTimeout(() => {
      open.anchorTimer = null;
      if (this.host.current() !== open) return;
      try {
        this.writeAnchor();
        // A failure just ended: record it now rather than at the next write.
        if (open.anchorRecovered) this.host.write(() => undefined);
      } catch (e) {
        // A failed write was logged, kept and retried by anchorFailed (writes are refused meanwhile);
        // a trail found cut was logged by rolledBack.
        if (!(e instanceof AppError)) this.options.logger.error('vault.anchor-failed', e);
      }
    }, delayMs ?? this.options.anchorDelayMs ?? ANCHOR_DELAY_MS);
    open.anchorTimer.unref?.();
  }

  /**
   * Writes the audit chain head into the key-slot file now, so a database rolled back to an older
   * copy is detected. Nothing to do when the file already holds the head, or inside a transaction
   * (an entry not yet committed must never be anchored).
   */
  writeAnchor(): void {
    const open = this.host.requireOpen();
    if (open.conn.sqlite.inTransaction) return;
    const last = new AuditRepo(open.conn.db).last();
    if (!open.anchorFailure && (!last || (last.seq === open.body.audit.seq && last.hash === open.body.audit.head))) {
      open.unanchored = 0;
      return;
    }
    this.writeSlots(open, open.body);
  }

  /**
   * Every rewrite of the key-slot file goes through here: it carries the current audit head (a
   * key-slot change anchors the entries waiting), and the file's MAC is kept for write().
   */
  writeSlots(open: OpenVault, body: KeySlotBody, dataKey: Buffer = open.dataKey, previousKey?: Buffer): KeySlotBody {
    if (open.conn.sqlite.inTransaction) throw new Error('the key-slot file is never written inside a transaction');
    const repo = new AuditRepo(open.conn.db);
    const last = repo.last();
    // The anchor only moves forward: the entry it names must still be there, unchanged, and the
    // trail may only have grown since. Otherwise the trail was cut or rewritten under the open
    // vault: anchoring it would hide that from the next unlock and from the verification.
    const held = open.body.audit;
    if (held.seq > 0 && (!last || last.seq < held.seq || repo.bySeq(held.seq)?.hash !== held.head)) this.rolledBack(open);
    const anchored: KeySlotBody = last ? { ...body, audit: { seq: last.seq, head: last.hash } } : body;
    let file: ReturnType<typeof writeKeySlotFile>;
    try {
      file = writeKeySlotFile(this.options.dir, anchored, dataKey, previousKey);
    } catch (e) {
      this.anchorFailed(open, e);
    }
    if (open.anchorFailure) {
      open.anchorRecovered = open.anchorFailure;
      open.anchorFailure = null;
      this.options.logger.warn('vault.anchor-recovered', { attempts: open.anchorRecovered.attempts });
    }
    open.body = anchored;
    open.fileMac = file.mac;
    open.unanchored = 0;
    if (open.anchorTimer) clearTimeout(open.anchorTimer);
    open.anchorTimer = null;
    return anchored;
  }

  /**
   * The key-slot file could not be written (on Windows: another program holds it open; a full or
   * read-only disk): remembered, retried with a growing delay, and every write is refused until an
   * attempt succeeds. Without this, the entries since the last anchor could be cut off undetected.
   */
  private anchorFailed(open: OpenVault, cause: unknown): never {
    const failure = { since: open.anchorFailure?.since ?? this.nowIso(), attempts: (open.anchorFailure?.attempts ?? 0) + 1 };
    open.anchorFailure = failure;
    this.options.logger.error('vault.anchor-failed', cause);
    try {
      // Kept in the database (which can still be written), not only in memory: a lock, a quit or a
      // crash before the file can be written again must not lose it.
      open.conn.sqlite.transaction(() => new SettingsRepo(open.conn.db).set(SETTING_ANCHOR_FAILURE, failure, this.nowIso()))();
    } catch (e) {
      this.options.logger.error('vault.anchor-failure-not-kept', e);
    }
    if (open.anchorTimer) clearTimeout(open.anchorTimer);
    open.anchorTimer = null;
    const base = this.options.anchorDelayMs ?? ANCHOR_DELAY_MS;
    this.scheduleAnchor(open, Math.min(base * 2 ** failure.attempts, ANCHOR_RETRY_MAX_MS));
    throw new AppError('INTERNAL', 'anchorWriteFailed');
  }

  /**
   * The open database's trail is behind the anchor held in memory (cut or rewritten while open):
   * kept as a security notice, the vault is locked without anchoring, and the caller gets
   * databaseRolledBack.
   */
  private rolledBack(open: OpenVault): never {
    this.options.logger.error('vault.database-rolled-back', { anchored: open.body.audit.seq });
    try {
      const now = this.nowIso();
      open.conn.sqlite.transaction(() => addNotice(open.conn.db, now, { kind: 'databaseRolledBack', at: now, count: 1 }))();
    } catch (e) {
      this.options.logger.error('vault.notice-failed', e);
    }
    const hadSession = open.session !== null;
    this.host.closeDatabase(false);
    if (hadSession) this.host.emit({ state: 'locked', reason: 'manual' });
    throw new AppError('INTERNAL', 'databaseRolledBack');
  }
}
