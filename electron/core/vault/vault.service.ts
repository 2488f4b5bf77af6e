/**
 * The vault: an encrypted SQLite database plus a key-slot file, in one folder.
 * See docs/vault-format.md for the formats and README "Security model" for what this protects.
 *
 * Keys: a random 256-bit data key encrypts the database. Each staff member (and the recovery
 * key) has a slot: argon2id(secret) unwraps the slot's X25519 private key, which opens the data
 * key sealed to that slot. Replacing the data key only needs the slots' public keys, so an admin
 * can re-key the vault when a user is disabled without knowing anyone's password.
 *
 * This class holds the state (the open database, the session) and runs the flows in order; the
 * pieces live beside it: key-slots.ts (making, opening and judging slots), open-database.ts
 * (unlock's checks and tidying), rekey.ts (the re-key's steps), vault-creation.ts (set-up),
 * lockout.ts (failed attempts), vault-files.ts (modes and leftovers).
 */
import { join } from 'node:path';
import { z } from 'zod';
import { copyEncrypted, openVaultDatabase, type Db, type VaultConnection } from '../../../db/connection';
import { AuditRepo } from '../../../db/audit.repo';
import { SettingsRepo } from '../../../db/settings.repo';
import { UsersRepo, type UserRow } from '../../../db/users.repo';
import { AppError } from '../../../shared/errors';
import type { SecurityNotice, SessionUser } from '../../../shared/ipc/contract';
import { appendAudit, type AuditInput } from '../audit/audit-chain';
import { deriveSlotKey, newKdfParams, type KdfProfile } from '../crypto/kdf';
import { currentCallUser, currentWriteHook, type CallUser } from '../session/call-context';
import { groupRecoveryKey, newRecoveryKey, normaliseRecoveryKey } from '../crypto/recovery-key';
import { newDataKey, wipe, wrapPrivateKey } from '../crypto/slot-crypto';
import type { Clock, Logger } from '../ports';
import { assertSlotCost, decideSlotSet, makeSlot, openFirst, unwrapSlot, type DropReason, type SlotContext } from './key-slots';
import { DATABASE_FILE, KEYSLOT_FILE, readKeySlotFile, slotAad, vaultExists, writeKeySlotFile, type KeySlot, type KeySlotBody } from './keyslot-file';
import { Lockout, lockoutKey, type FailureKind } from './lockout';
import { SETTING_KEYSLOTS_BEFORE_LAST_WRITE, openDatabaseWithKeys, type KeySlotsSeen, type OpenedDatabase } from './open-database';
import { finishRekeyBody, pendingBody, swapInRekeyedCopy } from './rekey';
import {
  SETTING_RECOVERY_CONFIRMED,
  SETTING_RECOVERY_SLOT,
  createVaultFiles,
  type CreateVaultInput,
  type VaultSetupStep,
} from './vault-creation';

export { SETTING_AUTO_LOCK, SETTING_RECOVERY_CONFIRMED, type CreateVaultInput, type VaultSetupStep } from './vault-creation';
import { addNotice, clearNotices, readNotices } from './security-notices';
import { SETTING_SERVER_SLOT, newServerSecret } from './server-slot';
import { createPrivateFile } from './vault-files';

export { VAULT_FILES, folderIsEmpty } from './vault-files';

export type VaultState = 'setup' | 'locked' | 'unlocked';
export type LockReason = 'manual' | 'idle' | 'suspend' | 'screen-lock';
export interface VaultChange {
  state: 'locked' | 'unlocked';
  reason: LockReason | 'unlock';
  /** On lock: the key-slot file could not take the final audit anchor (lock() also returns this). */
  anchorFailed?: true;
}

export interface VaultOptions {
  dir: string;
  migrationsFolder: string;
  clock: Clock;
  logger: Logger;
  /** KDF cost for a new vault: calibrated to about a second (default) or the minimum. */
  kdfProfile?: KdfProfile;
  /** What other parts add to a new vault in its first transaction (app-core: the organisation's keys). */
  setup?: readonly VaultSetupStep[];
  /**
   * How long after the first audit entry not yet anchored in the key-slot file the anchor is
   * written (default ANCHOR_DELAY_MS); tests shorten it.
   */
  anchorDelayMs?: number;
  /** Test seam: called after each durable step of a re-key, so tests can simulate a crash there. */
  afterRekeyStep?: (step: 'slots-pending' | 'database-swapped') => void;
  /** Office server: a session exists only inside a call whose token names its user (session/call-context.ts). */
  callsOnly?: boolean;
}

/** What a service gets inside a write transaction. */
export interface WriteContext {
  db: Db;
  now: string;
  audit(input: AuditInput): void;
}

type Session = SessionUser & { slotId: string };

/**
 * The audit anchor is written in batches (docs/vault-format.md "The audit anchor"): at most this
 * long after the first entry it does not cover yet, or at once when this many entries wait, and
 * always on lock, close, backup, re-key, checkpoint, any key-slot change and before a verification.
 */
export const ANCHOR_DELAY_MS = 250;
export const ANCHOR_MAX_PENDING = 500;
/** After a failed anchor write, retries wait twice as long each time, up to this. */
export const ANCHOR_RETRY_MAX_MS = 60_000;

/** The anchor could not be written since `since`, `attempts` times in a row. */
const anchorFailureSchema = z.object({ since: z.iso.datetime(), attempts: z.number().int().positive() });
type AnchorFailure = z.infer<typeof anchorFailureSchema>;
/**
 * In the database while the key-slot file could not take the anchor: so that a lock, a quit or a
 * crash during the failure does not lose it. The next audited write records it and clears it.
 */
const SETTING_ANCHOR_FAILURE = 'anchorFailure';

interface OpenVault {
  conn: VaultConnection;
  dataKey: Buffer;
  body: KeySlotBody;
  /** The MAC of the key-slot file on disk: what each audited transaction records it saw. */
  fileMac: string;
  /** Audit entries committed since the key-slot file's anchor was last written. */
  unanchored: number;
  anchorTimer: ReturnType<typeof setTimeout> | null;
  /**
   * Set while the key-slot file cannot be written: audited writes are refused until it can (the
   * 250 ms / on-lock guarantee would silently stop holding otherwise).
   */
  anchorFailure: AnchorFailure | null;
  /** A failure that ended: recorded in the trail and as a security notice by the next outer write. */
  anchorRecovered: AnchorFailure | null;
  /** Null while the vault is open for a recovery-key password reset only. */
  session: Session | null;
  /** The slot whose secret opened this session (the one copy of a duplicated slot id known genuine). */
  opened: { id: string; publicKey: string };
  releaseDirLock: () => void;
}

function toSession(row: UserRow): Session {
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role, slotId: row.slotId };
}

export class VaultService {
  private open: OpenVault | null = null;
  /** Serialises the operations that await (KDF, sealing) and change the vault: one at a time. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<(change: VaultChange) => void>();
  readonly lockout: Lockout;

  constructor(private readonly options: VaultOptions) {
    this.lockout = new Lockout(options.dir);
  }

  get dir(): string {
    return this.options.dir;
  }

  private nowIso(): string {
    return this.options.clock.now().toISOString();
  }

  onChange(listener: (change: VaultChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: VaultChange): void {
    for (const l of this.listeners) {
      try {
        l(change);
      } catch (e) {
        this.options.logger.error('vault.listener-failed', e);
      }
    }
  }

  // ---------------------------------------------------------------- session accessors

  state(): VaultState {
    if (this.callUser()) return 'unlocked';
    return vaultExists(this.options.dir) ? 'locked' : 'setup';
  }

  /** The user who unlocked this vault on this desktop (or started the office server); not a call's user. */
  signedInHere(): CallUser | null {
    return this.open?.session ?? null;
  }

  /** The current call's user (session/call-context.ts); nobody while the vault is closed. */
  private callUser(): CallUser | null {
    if (!this.open) return null;
    return currentCallUser(this.open.session, this.options.callsOnly === true);
  }

  session(): SessionUser | null {
    const s = this.callUser();
    return s ? { id: s.id, username: s.username, displayName: s.displayName, role: s.role } : null;
  }

  /** The signed-in user, or LOCKED. */
  requireSession(): SessionUser & { slotId: string } {
    const s = this.callUser();
    if (!s) throw new AppError('LOCKED', 'locked');
    return s;
  }

  /** The signed-in user if their role is one of `roles`; FORBIDDEN otherwise. */
  requireRole(...roles: SessionUser['role'][]): SessionUser & { slotId: string } {
    const s = this.requireSession();
    if (!roles.includes(s.role)) throw new AppError('FORBIDDEN', 'forbidden');
    return s;
  }

  private requireOpen(): OpenVault {
    if (!this.open) throw new AppError('LOCKED', 'locked');
    return this.open;
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * After an await: the vault may have been locked meanwhile (suspend, Lock button), which wipes
   * the key. Called right before every write that follows an await, with no await in between.
   */
  private assertStillOpen(open: OpenVault): void {
    if (this.open !== open) throw new AppError('LOCKED', 'locked');
  }

  private slotContext(open: OpenVault): SlotContext {
    return { vaultId: open.body.vaultId, kdfCost: open.body.kdfCost, dataKey: open.dataKey, generation: open.body.generation };
  }

  // ---------------------------------------------------------------- reading and writing

  /**
   * Runs `fn` in one transaction. Its audit entries are anchored in the key-slot file soon after
   * the commit (writeAnchor), not at each call: the file's atomic rewrite costs two fsyncs.
   */
  write<T>(fn: (ctx: WriteContext) => T): T {
    const open = this.requireOpen();
    const outer = !open.conn.sqlite.inTransaction;
    // While the anchor cannot be written, nothing more is written either: retry it first, and
    // refuse (anchorWriteFailed) if it still fails, so entries never pile up unanchored.
    if (open.anchorFailure && outer) this.writeAnchor();
    const repo = new AuditRepo(open.conn.db);
    const now = this.nowIso();
    let appended = 0;
    const recovered = outer ? open.anchorRecovered : null;
    const result = open.conn.sqlite.transaction(() => {
      const settings = new SettingsRepo(open.conn.db);
      if (recovered) {
        // A failure to write the anchor that has ended (in this session or before a lock or crash).
        appendAudit(repo, now, { actorId: null, actorName: null, action: 'vault.anchorFailed', details: { attempts: recovered.attempts, since: recovered.since } });
        appended += 1;
        addNotice(open.conn.db, now, { kind: 'anchorFailed', at: recovered.since, count: recovered.attempts });
        settings.set(SETTING_ANCHOR_FAILURE, null, now);
      }
      const r = fn({
        db: open.conn.db,
        now,
        audit: (input) => {
          appendAudit(repo, now, input);
          appended += 1;
        },
      });
      // The office server records the call's request id in the same transaction (call-context.ts).
      currentWriteHook()?.(open.conn.db, now);
      // Names the key-slot file this transaction saw and the head it left, so that unlock can tell
      // the entries of a crash before the next anchor from a key-slot file put back (open-database.ts).
      if (appended > 0) {
        const seen: KeySlotsSeen = { mac: open.fileMac, seq: repo.last()?.seq ?? 0 };
        settings.set(SETTING_KEYSLOTS_BEFORE_LAST_WRITE, seen, now);
      }
      return r;
    })();
    if (recovered) open.anchorRecovered = null;
    if (appended > 0 && outer) {
      open.unanchored += appended;
      if (open.unanchored >= ANCHOR_MAX_PENDING) this.writeAnchor();
      else this.scheduleAnchor(open);
    }
    return result;
  }

  read<T>(fn: (db: Db) => T): T {
    return fn(this.requireOpen().conn.db);
  }

  /**
   * Copies the WAL into the database file and empties it, so that pages an erasure overwrote
   * (secure_delete) leave no older copy in the -wal file. False (logged, never thrown) when it could
   * not finish now; closing the vault checkpoints again.
   */
  checkpoint(): boolean {
    try {
      // In its own try: a key-slot file that cannot be written must not keep the WAL from being
      // emptied after an erasure (the failure is tracked and reported by writeAnchor).
      this.writeAnchor();
    } catch (e) {
      if (!(e instanceof AppError)) this.options.logger.error('vault.anchor-failed', e);
    }
    try {
      const [r] = this.requireOpen().conn.sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
      const done = r !== undefined && r.busy === 0 && r.log === r.checkpointed;
      if (!done) this.options.logger.warn('vault.checkpoint-incomplete', { busy: r?.busy ?? -1, log: r?.log ?? -1, checkpointed: r?.checkpointed ?? -1 });
      return done;
    } catch (e) {
      // Closing the vault checkpoints again; the caller's committed work stands.
      this.options.logger.error('vault.checkpoint-failed', e);
      return false;
    }
  }

  /** The key-slot state: exposed read-only for audit verification and status. */
  keySlots(): KeySlotBody {
    return this.requireOpen().body;
  }

  private scheduleAnchor(open: OpenVault, delayMs?: number): void {
    if (open.anchorTimer) return;
    open.anchorTimer = setTimeout(() => {
      open.anchorTimer = null;
      if (this.open !== open) return;
      try {
        this.writeAnchor();
        // A failure just ended: record it now rather than at the next write.
        if (open.anchorRecovered) this.write(() => undefined);
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
    const open = this.requireOpen();
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
  private writeSlots(open: OpenVault, body: KeySlotBody, dataKey: Buffer = open.dataKey, previousKey?: Buffer): KeySlotBody {
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
    this.closeDatabase(false);
    if (hadSession) this.emit({ state: 'locked', reason: 'manual' });
    throw new AppError('INTERNAL', 'databaseRolledBack');
  }

  // ---------------------------------------------------------------- creation

  create(input: CreateVaultInput): Promise<{ recoveryKey: string }> {
    return this.exclusive(async () => {
      const made = await createVaultFiles(
        {
          dir: this.options.dir,
          migrationsFolder: this.options.migrationsFolder,
          logger: this.options.logger,
          kdfProfile: this.options.kdfProfile ?? 'calibrated',
          now: this.nowIso(),
          setup: this.options.setup ?? [],
        },
        input,
      );
      const adminSlot = made.body.slots.find((s) => s.id === made.admin.slotId) as KeySlot;
      this.open = {
        conn: made.conn,
        dataKey: made.dataKey,
        body: made.body,
        fileMac: readKeySlotFile(this.options.dir).mac,
        unanchored: 0,
        anchorTimer: null,
        anchorFailure: null,
        anchorRecovered: null,
        session: toSession(made.admin),
        opened: { id: adminSlot.id, publicKey: adminSlot.publicKey },
        releaseDirLock: made.releaseDirLock,
      };
      this.emit({ state: 'unlocked', reason: 'unlock' });
      return { recoveryKey: groupRecoveryKey(made.recoveryKey) };
    });
  }

  // ---------------------------------------------------------------- failed attempts

  private throttle(key: string): void {
    const wait = this.lockout.remainingSeconds(this.options.clock.now(), key);
    if (wait > 0) {
      throw new AppError('WRONG_CREDENTIALS', 'tooManyAttempts', { seconds: wait }, { retryAfterSeconds: wait });
    }
  }

  private failUnlock(kind: FailureKind, key: string): never {
    const state = this.lockout.recordFailure(this.options.clock.now(), kind, key);
    this.options.logger.warn('vault.unlock-failed', { kind, failures: state.failures });
    if (kind === 'recovery') throw new AppError('WRONG_CREDENTIALS', 'wrongRecoveryKey');
    throw new AppError('WRONG_CREDENTIALS', 'wrongCredentials');
  }

  // ---------------------------------------------------------------- unlocking

  /** Attempts run one at a time, so parallel guesses cannot slip past the failed-unlock delay. */
  unlock(username: string, password: string): Promise<SessionUser> {
    return this.exclusive(() => this.unlockNow(username, password));
  }

  private async unlockNow(username: string, password: string): Promise<SessionUser> {
    if (this.open) this.lock('manual');
    const key = lockoutKey({ username });
    this.throttle(key);
    const file = readKeySlotFile(this.options.dir);
    const hit = await openFirst(file, file.slots.filter((s) => s.kind === 'user' && s.username === username), password);
    if (!hit) this.failUnlock('unlock', key);
    const found = hit.slot;
    const opened = openDatabaseWithKeys(this.openOptions(), file, hit.keys);
    // The session's user is the users row that owns this exact slot under this exact name; the
    // slot's own fields only find the row (anyone holding the data key can write a slot).
    const user = new UsersRepo(opened.conn.db)
      .all()
      .find((u) => u.status === 'active' && u.slotId === found.id && u.id === found.userId && u.username === username);
    if (!user) {
      opened.conn.sqlite.close();
      wipe(opened.dataKey);
      opened.releaseDirLock();
      this.failUnlock('unlock', key);
    }
    this.open = this.adopt(opened, toSession(user), found);
    try {
      this.recordUnlock(opened, key);
      await this.reconcileSlotsNow(new Set(), opened.rekeyNeeded);
      // Entries a crash left unanchored, and this unlock's, are anchored before any work begins.
      this.writeAnchor();
    } catch (e) {
      // Never leave a session open behind an error.
      this.closeDatabase();
      throw e;
    }
    this.emit({ state: 'unlocked', reason: 'unlock' });
    return this.session() as SessionUser;
  }

  private openOptions() {
    return { dir: this.options.dir, migrationsFolder: this.options.migrationsFolder, logger: this.options.logger };
  }

  private adopt(opened: OpenedDatabase, session: Session | null, slot: KeySlot): OpenVault {
    // A failure to write the anchor that a lock, quit or crash left unrecorded: the unlock's own
    // write records it (recordUnlock).
    const failed = anchorFailureSchema.safeParse(new SettingsRepo(opened.conn.db).get(SETTING_ANCHOR_FAILURE));
    return {
      conn: opened.conn,
      dataKey: opened.dataKey,
      body: opened.body,
      fileMac: opened.fileMac,
      unanchored: 0,
      anchorTimer: null,
      anchorFailure: null,
      anchorRecovered: failed.success ? failed.data : null,
      session,
      opened: { id: slot.id, publicKey: slot.publicKey },
      releaseDirLock: opened.releaseDirLock,
    };
  }

  /**
   * Writes to the audit trail what happened while the vault was locked: the failed attempts since
   * the last unlock, a re-key finished at this unlock, leftovers removed and modes tightened; then
   * this unlock. Modes found looser are also kept for the next administrator to see.
   */
  private recordUnlock(opened: OpenedDatabase, key: string): void {
    const pending = this.lockout.pending();
    const user = this.open?.session ?? null;
    const actor = { actorId: user?.id ?? null, actorName: user?.username ?? (user ? null : 'recovery-key') };
    this.write(({ db, now, audit }) => {
      for (const p of pending) {
        audit({ actorId: null, actorName: null, action: 'session.unlockFailed', at: p.at, details: { kind: p.kind } });
      }
      if (user) audit({ actorId: user.id, actorName: user.username, action: 'session.unlock' });
      if (opened.rekeyFinished !== null) {
        audit({ ...actor, action: 'vault.rekey', details: { generation: opened.rekeyFinished, completedAtUnlock: true } });
      }
      if (opened.leftoversRemoved > 0) audit({ ...actor, action: 'vault.leftoversRemoved', details: { count: opened.leftoversRemoved } });
      if (opened.modesTightened > 0) {
        audit({ ...actor, action: 'vault.modesTightened', details: { count: opened.modesTightened } });
        addNotice(db, now, { kind: 'modesTightened', at: now, count: opened.modesTightened });
      }
    });
    this.lockout.pendingRecorded();
    this.lockout.clear(key);
  }

  /** What an administrator must see about the vault's files (slots dropped, modes tightened); empty for others. */
  securityNotices(): SecurityNotice[] {
    if (this.open?.session?.role !== 'admin') return [];
    return this.read((db) => readNotices(db));
  }

  dismissSecurityNotices(): void {
    const actor = this.requireRole('admin');
    this.write(({ db, now, audit }) => {
      const count = clearNotices(db, now);
      if (count > 0) audit({ actorId: actor.id, actorName: actor.username, action: 'vault.noticesDismissed', details: { count } });
    });
  }

  // ---------------------------------------------------------------- locking

  /**
   * Locks; returns false when the key-slot file could not take the final anchor (the vault is
   * locked all the same): the caller must tell the user, since the session's entries, its lock
   * included, could then be cut off undetected (session.lock reports anchorFailedAtLock).
   */
  lock(reason: LockReason = 'manual'): boolean {
    const open = this.open;
    if (!open) return true;
    if (open.session) {
      try {
        const s = open.session;
        this.write(({ audit }) => audit({ actorId: s.id, actorName: s.username, action: 'session.lock', details: { reason } }));
      } catch (e) {
        this.options.logger.error('vault.lock-audit-failed', e);
      }
    }
    const hadSession = open.session !== null;
    const anchored = this.closeDatabase();
    this.options.logger.info('vault.locked', { reason });
    if (hadSession) this.emit(anchored ? { state: 'locked', reason } : { state: 'locked', reason, anchorFailed: true });
    return anchored;
  }

  /**
   * Anchors what waits (unless `anchor` is false), closes the database and overwrites the data key.
   * False when the anchor could not be written (logged by writeAnchor).
   */
  private closeDatabase(anchor = true): boolean {
    const open = this.open;
    if (!open) return true;
    let anchored = true;
    if (anchor) {
      try {
        this.writeAnchor();
      } catch (e) {
        // Unlock still accepts the entries (the database names this file), but nothing would
        // notice them cut off: lock() reports it.
        anchored = false;
        if (!(e instanceof AppError)) this.options.logger.error('vault.anchor-failed', e);
      }
      // A trail found cut while anchoring has closed the vault already (rolledBack).
      if (this.open !== open) return false;
    }
    if (open.anchorTimer) clearTimeout(open.anchorTimer);
    open.anchorTimer = null;
    this.open = null;
    try {
      open.conn.sqlite.close();
    } finally {
      wipe(open.dataKey);
      open.releaseDirLock();
    }
    return anchored;
  }

  // ---------------------------------------------------------------- recovery

  /** Sets a new password for an administrator with the recovery key; the vault stays locked afterwards. */
  recover(recoveryKey: string, username: string, newPassword: string): Promise<void> {
    return this.exclusive(() => this.recoverNow(recoveryKey, username, newPassword));
  }

  private async recoverNow(recoveryKey: string, username: string, newPassword: string): Promise<void> {
    if (this.open) this.lock('manual');
    const key = lockoutKey('recovery');
    this.throttle(key);
    const file = readKeySlotFile(this.options.dir);
    // Normally one recovery slot; which one counts is decided once the database is open.
    const secret = normaliseRecoveryKey(recoveryKey);
    const hit = await openFirst(file, file.slots.filter((s) => s.kind === 'recovery'), secret);
    if (!hit) this.failUnlock('recovery', key);
    const slot = hit.slot;
    const opened = openDatabaseWithKeys(this.openOptions(), file, hit.keys);
    this.open = this.adopt(opened, null, slot);
    try {
      const open = this.requireOpen();
      const settings = new SettingsRepo(open.conn.db);
      const recorded = settings.get(SETTING_RECOVERY_SLOT);
      // Only the recovery slot the database records: a second one may have been planted.
      if (typeof recorded === 'string' && recorded !== slot.id) this.failUnlock('recovery', key);
      const user = new UsersRepo(open.conn.db).byUsername(username);
      if (!user || user.role !== 'admin' || user.status !== 'active') {
        throw new AppError('FORBIDDEN', 'recoveryNotAdmin');
      }
      const newSlot = await makeSlot({ kind: 'user', userId: user.id, username: user.username }, newPassword, this.slotContext(open));
      this.assertStillOpen(open);
      // Crash-safe order: add the new slot beside the old one, point the user row to it, then the
      // re-key below removes the old slot (its password may be known to someone: that is often
      // why recovery is needed).
      this.writeSlots(open, { ...open.body, slots: [...open.body.slots, newSlot] });
      this.recordUnlock(opened, key);
      this.write(({ db, audit }) => {
        new UsersRepo(db).setSlot(user.id, newSlot.id);
        audit({ actorId: null, actorName: 'recovery-key', action: 'session.recover' });
        audit({ actorId: null, actorName: 'recovery-key', action: 'user.passwordReset', subjectType: 'user', subjectId: user.id });
      });
      await this.reconcileSlotsNow(new Set([user.slotId]), true);
      this.options.logger.info('vault.recovered');
    } finally {
      this.closeDatabase();
    }
  }

  // ---------------------------------------------------------------- slots of staff

  /** Adds a key slot for a new user; call before inserting the user row that points to it. */
  addUserSlot(userId: string, username: string, password: string): Promise<KeySlot> {
    return this.exclusive(async () => {
      const open = this.requireOpen();
      const slot = await makeSlot({ kind: 'user', userId, username }, password, this.slotContext(open));
      this.assertStillOpen(open);
      this.writeSlots(open, { ...open.body, slots: [...open.body.slots, slot] });
      return slot;
    });
  }

  /** Re-wraps only this slot's private key under a key derived from the new password. */
  changeSlotPassword(slotId: string, currentPassword: string, newPassword: string): Promise<void> {
    return this.exclusive(async () => {
      const open = this.requireOpen();
      const slot = open.body.slots.find((s) => s.id === slotId);
      if (!slot) throw new AppError('NOT_FOUND', 'notFound');
      assertNewPassword(currentPassword, newPassword);
      const privateKey = await this.unwrapOwnSlot(open, slot, currentPassword);
      try {
        const aad = slotAad(open.body.vaultId, slot);
        const kdf = newKdfParams(open.body.kdfCost);
        const newKek = await deriveSlotKey(newPassword, kdf);
        const updated: KeySlot = { ...slot, kdf, wrappedPrivateKey: wrapPrivateKey(newKek, privateKey, aad) };
        wipe(newKek);
        this.assertStillOpen(open);
        this.writeSlots(open, { ...open.body, slots: open.body.slots.map((s) => (s.id === slotId ? updated : s)) });
      } finally {
        wipe(privateKey);
      }
    });
  }

  /**
   * "Change my password because someone may know it": a new slot with a new key pair under the new
   * password, the user row pointed to it, then a re-key that drops the old slot. An old copy of the
   * key-slot file then opens nothing: its slot's key pair no longer receives the data key, and its
   * data key no longer opens the database.
   */
  replaceOwnPassword(currentPassword: string, newPassword: string): Promise<void> {
    return this.exclusive(async () => {
      const session = this.requireSession();
      const open = this.requireOpen();
      const slot = open.body.slots.find((s) => s.id === session.slotId);
      if (!slot) throw new AppError('NOT_FOUND', 'notFound');
      assertNewPassword(currentPassword, newPassword);
      wipe(await this.unwrapOwnSlot(open, slot, currentPassword));
      const newSlot = await makeSlot({ kind: 'user', userId: session.id, username: session.username }, newPassword, this.slotContext(open));
      this.assertStillOpen(open);
      this.writeSlots(open, { ...open.body, slots: [...open.body.slots, newSlot] });
      this.write(({ db, audit }) => {
        new UsersRepo(db).setSlot(session.id, newSlot.id);
        audit({ actorId: session.id, actorName: session.username, action: 'user.passwordChange', subjectType: 'user', subjectId: session.id, details: { rekeyed: true } });
      });
      open.session = { ...session, slotId: newSlot.id };
      open.opened = { id: newSlot.id, publicKey: newSlot.publicKey };
      await this.reconcileSlotsNow(new Set([slot.id]), true);
    });
  }

  /** The signed-in user's own slot opened with their password; a wrong one counts as a failed unlock. */
  private async unwrapOwnSlot(open: OpenVault, slot: KeySlot, password: string): Promise<Buffer> {
    const key = lockoutKey({ username: slot.username ?? '' });
    this.throttle(key);
    assertSlotCost(open.body, slot);
    const privateKey = await unwrapSlot(open.body.vaultId, slot, password);
    if (!privateKey) this.failUnlock('unlock', key);
    return privateKey;
  }

  /**
   * Rebuilds the slot set from the database (key-slots.ts decideSlotSet) and, if anything was
   * dropped, replaces the data key: whoever held a dropped slot could have kept the old one.
   */
  reconcileSlots(): Promise<boolean> {
    return this.exclusive(() => this.reconcileSlotsNow(new Set(), false));
  }

  /**
   * `expected`: slots the caller is retiring (an old password's or recovery key's slot), not worth a
   * notice. A slot of a disabled user is expected too. Anything else dropped was written by hand.
   */
  private async reconcileSlotsNow(expected: Set<string>, force: boolean): Promise<boolean> {
    const open = this.requireOpen();
    const settings = new SettingsRepo(open.conn.db);
    const users = new UsersRepo(open.conn.db).all();
    const recorded = settings.get(SETTING_RECOVERY_SLOT);
    const serverSlot = settings.get(SETTING_SERVER_SLOT);
    const decision = decideSlotSet(open.body.slots, users, typeof recorded === 'string' ? recorded : null, open.opened, typeof serverSlot === 'string' ? serverSlot : null);
    if (typeof recorded !== 'string') {
      const recovery = decision.keep.find((s) => s.kind === 'recovery');
      if (recovery) this.write(({ db, now }) => new SettingsRepo(db).set(SETTING_RECOVERY_SLOT, recovery.id, now));
    }
    if (decision.dropped.length === 0 && !force) return false;
    const byUser = new Map(users.map((u) => [u.id, u]));
    const unexpected = decision.dropped.filter(({ slotId, reason }) => {
      if (expected.has(slotId)) return false;
      const slot = open.body.slots.find((s) => s.id === slotId);
      const owner = slot?.userId ? byUser.get(slot.userId) : undefined;
      const retired = reason === 'no-active-user' && owner !== undefined && owner.username === slot?.username;
      return !retired;
    });
    await this.rekey(decision.keep, decision.dropped.length);
    if (unexpected.length > 0) this.recordDroppedSlots(unexpected.map((d) => d.reason));
    return true;
  }

  private recordDroppedSlots(reasons: DropReason[]): void {
    const s = this.open?.session ?? null;
    const counts: Record<string, number> = {};
    for (const r of reasons) counts[r] = (counts[r] ?? 0) + 1;
    this.options.logger.warn('vault.slots-dropped', { count: reasons.length });
    this.write(({ db, now, audit }) => {
      audit({ actorId: s?.id ?? null, actorName: s?.username ?? 'recovery-key', action: 'vault.slotsDropped', details: { count: reasons.length, ...counts } });
      addNotice(db, now, { kind: 'slotsDropped', at: now, count: reasons.length });
    });
  }

  /**
   * Replaces the data key, sealing the new one to the `keep` slots only (rekey.ts has the steps).
   */
  private async rekey(keep: readonly KeySlot[], removed: number): Promise<void> {
    const open = this.requireOpen();
    const oldKey = open.dataKey;
    const newKey = newDataKey();
    const body = await pendingBody(open.body, keep, newKey);
    const newGen = body.pendingGeneration as number;
    this.assertStillOpen(open);
    const session = open.session;
    // (a) carries the current head: no transaction runs from here until the re-key's own entry.
    this.writeSlots(open, body, newKey, oldKey); // (a)
    this.open = null;
    try {
      this.options.afterRekeyStep?.('slots-pending');
      swapInRekeyedCopy(this.options.dir, open.conn, oldKey, newKey); // (b)
      this.options.afterRekeyStep?.('database-swapped');
    } catch (e) {
      // The key-slot file holds both keys: the next unlock finishes the re-key.
      if (open.conn.sqlite.open) open.conn.sqlite.close();
      open.releaseDirLock();
      wipe(oldKey);
      this.options.logger.error('vault.rekey-failed', e);
      if (session) this.emit({ state: 'locked', reason: 'manual' });
      throw e;
    }
    const finished = finishRekeyBody(open.body, newGen);
    const fileMac = writeKeySlotFile(this.options.dir, finished, newKey).mac; // (c)
    wipe(oldKey);
    const conn = openVaultDatabase(join(this.options.dir, DATABASE_FILE), newKey, { create: false, migrationsFolder: this.options.migrationsFolder });
    this.open = { ...open, conn, dataKey: newKey, body: finished, fileMac, unanchored: 0, anchorTimer: null };
    this.write(({ audit }) =>
      audit({
        actorId: session?.id ?? null,
        actorName: session?.username ?? null,
        action: 'vault.rekey',
        details: { generation: newGen, slotsRemoved: removed },
      }),
    );
    this.options.logger.info('vault.rekeyed', { generation: newGen });
  }

  /** Checks the signed-in user's password again before a sensitive operation. */
  private async reauthenticate(password: string): Promise<void> {
    const open = this.requireOpen();
    const session = this.requireSession();
    const slot = open.body.slots.find((s) => s.id === session.slotId);
    if (!slot) throw new AppError('WRONG_CREDENTIALS', 'wrongCredentials');
    wipe(await this.unwrapOwnSlot(open, slot, password));
  }

  /**
   * Replaces the recovery key (lost, never confirmed, or seen by someone): a new recovery slot,
   * recorded in the database, then a re-key that removes the old one, since whoever saw the old key
   * could have kept the data key.
   */
  rotateRecoveryKey(password: string): Promise<{ recoveryKey: string }> {
    return this.exclusive(async () => {
      const actor = this.requireRole('admin');
      await this.reauthenticate(password);
      const open = this.requireOpen();
      // Only the slot the database recorded counts as retired: any other recovery slot is reported.
      const recordedBefore = this.read((db) => new SettingsRepo(db).get(SETTING_RECOVERY_SLOT));
      const secret = newRecoveryKey();
      const slot = await makeSlot({ kind: 'recovery', userId: null, username: null }, secret, this.slotContext(open));
      this.assertStillOpen(open);
      this.writeSlots(open, { ...open.body, slots: [...open.body.slots, slot] });
      this.write(({ db, now }) => new SettingsRepo(db).set(SETTING_RECOVERY_SLOT, slot.id, now));
      await this.reconcileSlotsNow(new Set(typeof recordedBefore === 'string' ? [recordedBefore] : []), true);
      this.write(({ db, now, audit }) => {
        new SettingsRepo(db).set(SETTING_RECOVERY_CONFIRMED, false, now);
        audit({ actorId: actor.id, actorName: actor.username, action: 'vault.recoveryKeyRotated' });
      });
      return { recoveryKey: groupRecoveryKey(secret) };
    });
  }

  // ---------------------------------------------------------------- the office server's own slot

  /**
   * A key slot for the office server's unattended start (docs/team-server.md "Unattended start"):
   * its secret is returned once, for a root-only file; the database records the slot, so it is
   * kept at every unlock until an administrator removes it. Replacing it re-keys the vault.
   */
  addServerSlot(password: string): Promise<{ secret: string; slotId: string }> {
    return this.exclusive(async () => {
      const actor = this.requireRole('admin');
      await this.reauthenticate(password);
      const open = this.requireOpen();
      const before = this.read((db) => new SettingsRepo(db).get(SETTING_SERVER_SLOT));
      const secret = newServerSecret();
      const slot = await makeSlot({ kind: 'server', userId: null, username: null }, secret, this.slotContext(open));
      this.assertStillOpen(open);
      open.body = { ...open.body, slots: [...open.body.slots, slot] };
      writeKeySlotFile(this.options.dir, open.body, open.dataKey);
      this.write(({ db, now, audit }) => {
        new SettingsRepo(db).set(SETTING_SERVER_SLOT, slot.id, now);
        audit({ actorId: actor.id, actorName: actor.username, action: 'vault.serverSlotAdded', details: { replaced: typeof before === 'string' } });
      });
      // A replaced slot's secret may have been copied: the data key it unsealed is replaced too.
      if (typeof before === 'string') await this.reconcileSlotsNow(new Set([before]), true);
      return { secret, slotId: slot.id };
    });
  }

  /** Removes the server's slot (administrators): the key file then opens nothing, the vault is re-keyed. */
  removeServerSlot(): Promise<boolean> {
    return this.exclusive(async () => {
      const actor = this.requireRole('admin');
      const before = this.read((db) => new SettingsRepo(db).get(SETTING_SERVER_SLOT));
      if (typeof before !== 'string') return false;
      this.write(({ db, now, audit }) => {
        new SettingsRepo(db).set(SETTING_SERVER_SLOT, null, now);
        audit({ actorId: actor.id, actorName: actor.username, action: 'vault.serverSlotRemoved' });
      });
      await this.reconcileSlotsNow(new Set([before]), true);
      return true;
    });
  }

  /** Whether the database records a server slot (for `passerelle server-key status`). */
  hasServerSlot(): boolean {
    return typeof this.read((db) => new SettingsRepo(db).get(SETTING_SERVER_SLOT)) === 'string';
  }

  /**
   * The office server opens the vault with its slot's secret (from the root-only key file). No
   * staff session: on the server every call names its own user (callsOnly).
   */
  unlockWithServerKey(secret: string): Promise<void> {
    return this.exclusive(async () => {
      if (this.open) this.lock('manual');
      const key = lockoutKey({ username: '\u0000server-key' });
      this.throttle(key);
      const file = readKeySlotFile(this.options.dir);
      const candidates = file.slots.filter((s) => s.kind === 'server');
      if (candidates.length === 0) throw new AppError('WRONG_CREDENTIALS', 'serverSlotMissing');
      const hit = await openFirst(file, candidates, secret);
      if (!hit) this.failUnlock('unlock', key);
      const opened = openDatabaseWithKeys(this.openOptions(), file, hit.keys);
      // The database, not the key file, says which server slot counts (a removed one never opens).
      if (new SettingsRepo(opened.conn.db).get(SETTING_SERVER_SLOT) !== hit.slot.id) {
        opened.conn.sqlite.close();
        wipe(opened.dataKey);
        opened.releaseDirLock();
        throw new AppError('WRONG_CREDENTIALS', 'serverSlotMissing');
      }
      this.open = this.adopt(opened, null, hit.slot);
      try {
        this.recordUnlock(opened, key);
        this.write(({ audit }) => audit({ actorId: null, actorName: 'server-key', action: 'vault.serverKeyUnlock' }));
        await this.reconcileSlotsNow(new Set(), opened.rekeyNeeded);
      } catch (e) {
        this.closeDatabase();
        throw e;
      }
      this.emit({ state: 'unlocked', reason: 'unlock' });
    });
  }

  /** Records that an administrator typed back part of the recovery key shown to them. */
  confirmRecoveryKey(): void {
    const actor = this.requireRole('admin');
    this.write(({ db, now, audit }) => {
      new SettingsRepo(db).set(SETTING_RECOVERY_CONFIRMED, true, now);
      audit({ actorId: actor.id, actorName: actor.username, action: 'vault.recoveryKeyConfirmed' });
    });
  }

  /** Whether the current recovery key was confirmed; null unless an administrator is signed in. */
  recoveryKeyConfirmed(): boolean | null {
    if (this.session()?.role !== 'admin') return null;
    return this.read((db) => new SettingsRepo(db).get(SETTING_RECOVERY_CONFIRMED)) === true;
  }

  // ---------------------------------------------------------------- backup

  /**
   * Makes a consistent, still-encrypted copy of the database (VACUUM INTO; the online backup
   * API refuses encrypted databases and serialize() would return plaintext) and the key-slot file.
   */
  backupTo(stagingDir: string): { files: string[]; auditSeq: number } {
    const open = this.requireOpen();
    const s = this.session();
    this.write(({ audit }) =>
      audit({ actorId: s?.id ?? null, actorName: s?.username ?? null, action: 'vault.backup' }),
    );
    // The copy's key-slot file must anchor the copy's last entry (this backup's).
    this.writeAnchor();
    const target = join(stagingDir, DATABASE_FILE);
    createPrivateFile(target);
    copyEncrypted(open.conn.sqlite, target);
    writeKeySlotFile(stagingDir, open.body, open.dataKey);
    return { files: [DATABASE_FILE, KEYSLOT_FILE], auditSeq: open.body.audit.seq };
  }
}

function assertNewPassword(currentPassword: string, newPassword: string): void {
  if (currentPassword === newPassword) {
    throw new AppError('VALIDATION', 'samePassword', undefined, {
      fields: [{ path: 'newPassword', code: 'same_password', message: 'must differ from the current password' }],
    });
  }
}
