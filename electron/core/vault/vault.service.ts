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
 * pieces live beside it: key-slots.ts (making, opening and judging slots), slot-admin.ts (the flows
 * that change slots and re-key), audit-anchor.ts (the audit anchor in the key-slot file),
 * open-database.ts (unlock's checks and tidying), rekey.ts (the re-key's steps), vault-creation.ts
 * (set-up), lockout.ts (failed attempts), vault-files.ts (modes and leftovers), open-vault.ts (the
 * state held while open).
 */
import { join } from 'node:path';
import { copyEncrypted, type Db } from '../../../db/connection';
import { AuditRepo } from '../../../db/audit.repo';
import { SettingsRepo } from '../../../db/settings.repo';
import { UsersRepo } from '../../../db/users.repo';
import { AppError } from '../../../shared/errors';
import type { SecurityNotice, SessionUser } from '../../../shared/ipc/contract';
import { appendAudit } from '../audit/audit-chain';
import type { KdfProfile } from '../crypto/kdf';
import { currentCallUser, currentWriteHook, type CallUser } from '../session/call-context';
import { groupRecoveryKey, normaliseRecoveryKey } from '../crypto/recovery-key';
import { wipe } from '../crypto/slot-crypto';
import type { Clock, Logger } from '../ports';
import { AuditAnchor, anchorFailureLeft, recordAnchorFailure } from './audit-anchor';
import { makeSlot, openFirst, type SlotContext } from './key-slots';
import { DATABASE_FILE, KEYSLOT_FILE, readKeySlotFile, vaultExists, writeKeySlotFile, type KeySlot, type KeySlotBody } from './keyslot-file';
import { Lockout, lockoutKey, type FailureKind } from './lockout';
import { SETTING_KEYSLOTS_BEFORE_LAST_WRITE, openDatabaseWithKeys, type KeySlotsSeen, type OpenedDatabase } from './open-database';
import { toSession, type LockReason, type OpenVault, type Session, type VaultChange, type WriteContext } from './open-vault';
import { SlotAdmin } from './slot-admin';
import {
  SETTING_RECOVERY_CONFIRMED,
  SETTING_RECOVERY_SLOT,
  createVaultFiles,
  type CreateVaultInput,
  type VaultSetupStep,
} from './vault-creation';

export { SETTING_AUTO_LOCK, SETTING_RECOVERY_CONFIRMED, type CreateVaultInput, type VaultSetupStep } from './vault-creation';
import { addNotice, clearNotices, readNotices } from './security-notices';
import { SETTING_SERVER_SLOT } from './server-slot';
import { createPrivateFile } from './vault-files';

export { VAULT_FILES, folderIsEmpty } from './vault-files';
export { ANCHOR_DELAY_MS, ANCHOR_MAX_PENDING, ANCHOR_RETRY_MAX_MS } from './audit-anchor';
export type { LockReason, VaultChange, WriteContext } from './open-vault';

export type VaultState = 'setup' | 'locked' | 'unlocked';

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

export class VaultService {
  private open: OpenVault | null = null;
  /** Serialises the operations that await (KDF, sealing) and change the vault: one at a time. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<(change: VaultChange) => void>();
  readonly lockout: Lockout;
  private readonly anchor: AuditAnchor;
  private readonly slots: SlotAdmin;

  constructor(private readonly options: VaultOptions) {
    this.lockout = new Lockout(options.dir);
    this.anchor = new AuditAnchor(options, {
      current: () => this.open,
      requireOpen: () => this.requireOpen(),
      write: (fn) => this.write(fn),
      closeDatabase: (anchor) => this.closeDatabase(anchor),
      emit: (change) => this.emit(change),
    });
    this.slots = new SlotAdmin(options, {
      current: () => this.open,
      setOpen: (open) => {
        this.open = open;
      },
      exclusive: (fn) => this.exclusive(fn),
      requireOpen: () => this.requireOpen(),
      requireSession: () => this.requireSession(),
      requireRole: (...roles) => this.requireRole(...roles),
      assertStillOpen: (open) => this.assertStillOpen(open),
      slotContext: (open) => this.slotContext(open),
      writeSlots: (open, body, dataKey, previousKey) => this.anchor.writeSlots(open, body, dataKey, previousKey),
      write: (fn) => this.write(fn),
      read: (fn) => this.read(fn),
      throttle: (key) => this.throttle(key),
      failUnlock: (kind, key) => this.failUnlock(kind, key),
      emit: (change) => this.emit(change),
    });
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
        recordAnchorFailure(open.conn.db, repo, settings, now, recovered);
        appended += 1;
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
    if (appended > 0 && outer) this.anchor.entriesCommitted(open, appended);
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

  /**
   * Writes the audit chain head into the key-slot file now, so a database rolled back to an older
   * copy is detected (audit-anchor.ts).
   */
  writeAnchor(): void {
    this.anchor.writeAnchor();
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
      await this.slots.reconcileSlotsNow(new Set(), opened.rekeyNeeded);
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
        await this.slots.reconcileSlotsNow(new Set(), opened.rekeyNeeded);
      } catch (e) {
        this.closeDatabase();
        throw e;
      }
      this.emit({ state: 'unlocked', reason: 'unlock' });
    });
  }

  private openOptions() {
    return { dir: this.options.dir, migrationsFolder: this.options.migrationsFolder, logger: this.options.logger };
  }

  private adopt(opened: OpenedDatabase, session: Session | null, slot: KeySlot): OpenVault {
    // A failure to write the anchor that a lock, quit or crash left unrecorded: the unlock's own
    // write records it (recordUnlock).
    return {
      conn: opened.conn,
      dataKey: opened.dataKey,
      body: opened.body,
      fileMac: opened.fileMac,
      unanchored: 0,
      anchorTimer: null,
      anchorFailure: null,
      anchorRecovered: anchorFailureLeft(opened.conn.db),
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
      this.anchor.writeSlots(open, { ...open.body, slots: [...open.body.slots, newSlot] });
      this.recordUnlock(opened, key);
      this.write(({ db, audit }) => {
        new UsersRepo(db).setSlot(user.id, newSlot.id);
        audit({ actorId: null, actorName: 'recovery-key', action: 'session.recover' });
        audit({ actorId: null, actorName: 'recovery-key', action: 'user.passwordReset', subjectType: 'user', subjectId: user.id });
      });
      await this.slots.reconcileSlotsNow(new Set([user.slotId]), true);
      this.options.logger.info('vault.recovered');
    } finally {
      this.closeDatabase();
    }
  }

  // ---------------------------------------------------------------- key slots (slot-admin.ts)

  /** Adds a key slot for a new user; call before inserting the user row that points to it. */
  addUserSlot(userId: string, username: string, password: string): Promise<KeySlot> {
    return this.slots.addUserSlot(userId, username, password);
  }

  /** Re-wraps only this slot's private key under a key derived from the new password. */
  changeSlotPassword(slotId: string, currentPassword: string, newPassword: string): Promise<void> {
    return this.slots.changeSlotPassword(slotId, currentPassword, newPassword);
  }

  /** A new slot under the new password, then a re-key that drops the old one. */
  replaceOwnPassword(currentPassword: string, newPassword: string): Promise<void> {
    return this.slots.replaceOwnPassword(currentPassword, newPassword);
  }

  /** Rebuilds the slot set from the database; re-keys if anything was dropped. */
  reconcileSlots(): Promise<boolean> {
    return this.slots.reconcileSlots();
  }

  /** Replaces the recovery key (administrators, password checked again), then re-keys. */
  rotateRecoveryKey(password: string): Promise<{ recoveryKey: string }> {
    return this.slots.rotateRecoveryKey(password);
  }

  /** A key slot for the office server's unattended start; its secret is returned once. */
  addServerSlot(password: string): Promise<{ secret: string; slotId: string }> {
    return this.slots.addServerSlot(password);
  }

  /** Removes the server's slot (administrators) and re-keys. */
  removeServerSlot(): Promise<boolean> {
    return this.slots.removeServerSlot();
  }

  /** Whether the database records a server slot (for `passerelle server-key status`). */
  hasServerSlot(): boolean {
    return this.slots.hasServerSlot();
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
