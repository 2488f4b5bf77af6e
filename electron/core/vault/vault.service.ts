/**
 * The vault: an encrypted SQLite database plus a key-slot file, in one folder.
 * See docs/vault-format.md for the formats and README "Security model" for what this protects.
 *
 * Keys: a random 256-bit data key encrypts the database. Each staff member (and the recovery
 * key) has a slot: argon2id(secret) unwraps the slot's X25519 private key, which opens the data
 * key sealed to that slot. Replacing the data key only needs the slots' public keys, so an admin
 * can re-key the vault when a user is disabled without knowing anyone's password.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  DatabaseOpenError,
  copyEncrypted,
  openVaultDatabase,
  rekeyFile,
  type Db,
  type VaultConnection,
} from '../../../db/connection';
import { AuditRepo } from '../../../db/audit.repo';
import { SettingsRepo } from '../../../db/settings.repo';
import { UsersRepo, type UserRow } from '../../../db/users.repo';
import type { Country } from '../../../shared/domain';
import { AUTO_LOCK_MINUTES } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { deriveCaseCodePrefix } from '../../../shared/persons/case-code';
import type { SessionUser } from '../../../shared/ipc/contract';
import { appendAudit, type AuditInput } from '../audit/audit-chain';
import { currentCallUser, type CallUser } from '../session/call-context';
import { initialOrganisationKeys } from '../handover/keys.service';
import { deriveSlotKey, kdfCostFor, newKdfParams, type KdfCost, type KdfProfile } from '../crypto/kdf';
import { groupRecoveryKey, newRecoveryKey, normaliseRecoveryKey } from '../crypto/recovery-key';
import {
  generateSlotKeyPair,
  newDataKey,
  sealDataKey,
  unsealDataKey,
  unwrapPrivateKey,
  wipe,
  wrapPrivateKey,
} from '../crypto/slot-crypto';
import type { Clock, Logger } from '../ports';
import { fsyncDir } from './atomic-file';
import { acquireDirLock } from './dir-lock';
import {
  DATABASE_FILE,
  KEYSLOT_FILE,
  bodyOf,
  readKeySlotFile,
  slotAad,
  vaultExists,
  verifyKeySlotMac,
  verifyPreviousMac,
  writeKeySlotFile,
  type KeySlot,
  type KeySlotBody,
  type KeySlotFile,
} from './keyslot-file';
import { LOCKOUT_FILE, Lockout } from './lockout';

export type VaultState = 'setup' | 'locked' | 'unlocked';
export type LockReason = 'manual' | 'idle' | 'suspend' | 'screen-lock';
export interface VaultChange {
  state: 'locked' | 'unlocked';
  reason: LockReason | 'unlock';
}

export interface VaultOptions {
  dir: string;
  migrationsFolder: string;
  clock: Clock;
  logger: Logger;
  /** KDF cost for a new vault: calibrated to about a second (default) or the minimum. */
  kdfProfile?: KdfProfile;
  /** Test seam: called after each durable step of a re-key, so tests can simulate a crash there. */
  afterRekeyStep?: (step: 'slots-pending' | 'database-swapped') => void;
  /** Office server: a session exists only inside a call whose token names its user (session/call-context.ts). */
  callsOnly?: boolean;
}

export interface CreateVaultInput {
  organisationName: string;
  country: Country;
  /** 2-5 letters A-Z; derived from the organisation's name when absent. */
  caseCodePrefix?: string | undefined;
  admin: { username: string; displayName: string; password: string };
}

/** What a service gets inside a write transaction. */
export interface WriteContext {
  db: Db;
  now: string;
  audit(input: AuditInput): void;
}

interface OpenVault {
  conn: VaultConnection;
  dataKey: Buffer;
  body: KeySlotBody;
  /** Null while the vault is open for a recovery-key password reset only. */
  session: (SessionUser & { slotId: string }) | null;
  releaseDirLock: () => void;
}

const REKEY_TMP = `${DATABASE_FILE}.rekey`;
export const SETTING_AUTO_LOCK = 'autoLockMinutes';
/** False until an administrator has typed back part of the current recovery key. */
export const SETTING_RECOVERY_CONFIRMED = 'recoveryKeyConfirmed';

function toSessionUser(row: UserRow): SessionUser & { slotId: string } {
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role, slotId: row.slotId };
}

export class VaultService {
  private open: OpenVault | null = null;
  /** Serialises the operations that await (KDF, sealing) and change the vault: one at a time. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Set when an interrupted re-key was rolled back at unlock: a fresh re-key must follow. */
  private rekeyNeeded = false;
  /** Set when an interrupted re-key was finished at unlock, to be audited once a session exists. */
  private rekeyFinishedAtUnlock: number | null = null;
  private readonly listeners = new Set<(change: VaultChange) => void>();
  readonly lockout: Lockout;

  constructor(private readonly options: VaultOptions) {
    this.lockout = new Lockout(options.dir);
  }

  get dir(): string {
    return this.options.dir;
  }

  private get dbPath(): string {
    return join(this.options.dir, DATABASE_FILE);
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

  /** Runs `fn` in one transaction; audit entries written in it are anchored in the key-slot file after commit. */
  write<T>(fn: (ctx: WriteContext) => T): T {
    const open = this.requireOpen();
    const repo = new AuditRepo(open.conn.db);
    const now = this.nowIso();
    const result = open.conn.sqlite.transaction(() =>
      fn({ db: open.conn.db, now, audit: (input) => void appendAudit(repo, now, input) }),
    )();
    this.anchorAudit();
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

  /** Writes the audit chain head into the key-slot file, so a rolled-back database is detected. */
  private anchorAudit(): void {
    const open = this.requireOpen();
    const last = new AuditRepo(open.conn.db).last();
    if (!last || last.seq === open.body.audit.seq) return;
    open.body = { ...open.body, audit: { seq: last.seq, head: last.hash } };
    writeKeySlotFile(this.options.dir, open.body, open.dataKey);
  }

  // ---------------------------------------------------------------- creation

  create(input: CreateVaultInput): Promise<{ recoveryKey: string }> {
    return this.exclusive(() => this.createVault(input));
  }

  private async createVault(input: CreateVaultInput): Promise<{ recoveryKey: string }> {
    const dir = this.options.dir;
    if (vaultExists(dir)) throw new AppError('CONFLICT', 'vaultExists');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // A database without its key-slot file cannot be opened, but its key file may still be in a
    // backup somewhere: move it aside, never delete it.
    if (existsSync(this.dbPath)) {
      const aside = `${DATABASE_FILE}.orphaned-${this.nowIso().replace(/[:.]/g, '-')}`;
      for (const suffix of ['', '-wal', '-shm']) {
        if (existsSync(this.dbPath + suffix)) renameSync(this.dbPath + suffix, join(dir, aside + suffix));
      }
      this.options.logger.warn('vault.orphaned-database-moved-aside');
    }
    rmSync(join(dir, REKEY_TMP), { force: true });
    const releaseDirLock = acquireDirLock(dir);
    try {
      const vaultId = randomUUID();
      const kdfCost = await kdfCostFor(this.options.kdfProfile ?? 'calibrated');
      const dataKey = newDataKey();
      const generation = 1;
      const adminId = randomUUID();
      const username = input.admin.username;
      const adminSlot = await this.makeSlot(
        { kind: 'user', userId: adminId, username },
        input.admin.password,
        { vaultId, kdfCost, dataKey, generation },
      );
      const recoveryKey = newRecoveryKey();
      const recoverySlot = await this.makeSlot(
        { kind: 'recovery', userId: null, username: null },
        recoveryKey,
        { vaultId, kdfCost, dataKey, generation },
      );
      const conn = openVaultDatabase(this.dbPath, dataKey, { create: true, migrationsFolder: this.options.migrationsFolder });
      const now = this.nowIso();
      const admin: UserRow = {
        id: adminId,
        username,
        displayName: input.admin.displayName,
        role: 'admin',
        status: 'active',
        slotId: adminSlot.id,
        createdAt: now,
        disabledAt: null,
      };
      const auditRepo = new AuditRepo(conn.db);
      conn.sqlite.transaction(() => {
        const settings = new SettingsRepo(conn.db);
        settings.createOrganisation({
          vaultId,
          name: input.organisationName,
          country: input.country,
          createdAt: now,
          caseCodePrefix: input.caseCodePrefix ?? deriveCaseCodePrefix(input.organisationName),
        });
        settings.set(SETTING_AUTO_LOCK, AUTO_LOCK_MINUTES.default, now);
        settings.set(SETTING_RECOVERY_CONFIRMED, false, now);
        new UsersRepo(conn.db).insert(admin);
        appendAudit(auditRepo, now, { actorId: adminId, actorName: username, action: 'vault.create', details: { country: input.country } });
        appendAudit(auditRepo, now, {
          actorId: adminId,
          actorName: username,
          action: 'user.add',
          subjectType: 'user',
          subjectId: adminId,
          details: { role: 'admin' },
        });
        // The organisation's signing and encryption keys (issue 5): private halves only in this database.
        const keys = initialOrganisationKeys(conn.db, { name: input.organisationName, country: input.country }, now, adminId);
        appendAudit(auditRepo, now, {
          actorId: adminId,
          actorName: username,
          action: 'keys.create',
          details: { fingerprint: keys.fingerprint, orgId: keys.orgId, at: 'setup' },
        });
      })();
      const last = auditRepo.last();
      const body: KeySlotBody = {
        format: 'passerelle-keyslots',
        version: 1,
        vaultId,
        kdfCost,
        generation,
        pendingGeneration: null,
        audit: { seq: last?.seq ?? 0, head: last?.hash ?? '' },
        slots: [adminSlot, recoverySlot],
      };
      writeKeySlotFile(dir, body, dataKey);
      this.open = { conn, dataKey, body, session: toSessionUser(admin), releaseDirLock };
      this.options.logger.info('vault.created', { country: input.country, kdfIterations: kdfCost.iterations });
      this.emit({ state: 'unlocked', reason: 'unlock' });
      return { recoveryKey: groupRecoveryKey(recoveryKey) };
    } catch (e) {
      if (!this.open) releaseDirLock();
      throw e;
    }
  }

  private async makeSlot(
    meta: Pick<KeySlot, 'kind' | 'userId' | 'username'>,
    secret: string,
    ctx: { vaultId: string; kdfCost: KdfCost; dataKey: Buffer; generation: number },
  ): Promise<KeySlot> {
    const id = randomUUID();
    const kdf = newKdfParams(ctx.kdfCost);
    const kek = await deriveSlotKey(secret, kdf);
    const pair = generateSlotKeyPair();
    try {
      return {
        id,
        ...meta,
        kdf,
        publicKey: pair.publicKey.toString('base64url'),
        wrappedPrivateKey: wrapPrivateKey(kek, pair.privateKey, slotAad(ctx.vaultId, { id, ...meta })),
        sealed: {
          [String(ctx.generation)]: await sealDataKey(ctx.dataKey, pair.publicKey, {
            vaultId: ctx.vaultId,
            slotId: id,
            generation: ctx.generation,
          }),
        },
      };
    } finally {
      wipe(kek, pair.privateKey);
    }
  }

  // ---------------------------------------------------------------- unlocking

  /**
   * Opens a slot with its secret: the data keys sealed to it, by generation, or null.
   * For an unknown slot the KDF still runs, so timing does not tell unknown users from wrong passwords.
   */
  private async openSlot(file: KeySlotFile, slot: KeySlot | undefined, secret: string): Promise<Map<number, Buffer> | null> {
    if (!slot) {
      wipe(await deriveSlotKey(secret, newKdfParams(file.kdfCost)));
      return null;
    }
    const kek = await deriveSlotKey(secret, slot.kdf);
    const privateKey = unwrapPrivateKey(kek, slot.wrappedPrivateKey, slotAad(file.vaultId, slot));
    wipe(kek);
    if (!privateKey) return null;
    const keys = new Map<number, Buffer>();
    const publicKey = Buffer.from(slot.publicKey, 'base64url');
    try {
      for (const [gen, jwe] of Object.entries(slot.sealed)) {
        const generation = Number(gen);
        const key = await unsealDataKey(jwe, privateKey, publicKey, { vaultId: file.vaultId, slotId: slot.id, generation });
        if (key) keys.set(generation, key);
      }
    } finally {
      wipe(privateKey);
    }
    return keys;
  }

  private throttle(): void {
    const wait = this.lockout.remainingSeconds(this.options.clock.now());
    if (wait > 0) {
      throw new AppError('WRONG_CREDENTIALS', 'tooManyAttempts', { seconds: wait }, { retryAfterSeconds: wait });
    }
  }

  private failUnlock(kind: 'unlock' | 'recovery'): never {
    const state = this.lockout.recordFailure(this.options.clock.now(), kind);
    this.options.logger.warn('vault.unlock-failed', { kind, failures: state.failures });
    if (kind === 'recovery') throw new AppError('WRONG_CREDENTIALS', 'wrongRecoveryKey');
    throw new AppError('WRONG_CREDENTIALS', 'wrongCredentials');
  }

  /** Attempts run one at a time, so parallel guesses cannot slip past the failed-unlock delay. */
  unlock(username: string, password: string): Promise<SessionUser> {
    return this.exclusive(() => this.unlockNow(username, password));
  }

  private async unlockNow(username: string, password: string): Promise<SessionUser> {
    if (this.open) this.lock('manual');
    this.throttle();
    const file = readKeySlotFile(this.options.dir);
    const slot = file.slots.find((s) => s.kind === 'user' && s.username === username);
    const keys = await this.openSlot(file, slot, password);
    if (!keys || !slot) this.failUnlock('unlock');
    await this.openDatabase(file, keys);
    const open = this.requireOpen();
    try {
      const user = slot.userId ? new UsersRepo(open.conn.db).byId(slot.userId) : undefined;
      if (!user || user.status !== 'active' || user.slotId !== slot.id) {
        this.closeDatabase();
        this.failUnlock('unlock');
      }
      open.session = toSessionUser(user);
      this.recordUnlock(open.session);
      await this.reconcileSlotsNow();
    } catch (e) {
      // Never leave a session open behind an error.
      this.closeDatabase();
      throw e;
    }
    this.emit({ state: 'unlocked', reason: 'unlock' });
    return this.session() as SessionUser;
  }

  /** Writes the failures since the last unlock and this unlock to the audit trail. */
  private recordUnlock(user: SessionUser | null): void {
    const pending = this.lockout.read().pending;
    this.write(({ audit }) => {
      for (const p of pending) {
        audit({ actorId: null, actorName: null, action: 'session.unlockFailed', at: p.at, details: { kind: p.kind } });
      }
      if (user) audit({ actorId: user.id, actorName: user.username, action: 'session.unlock' });
      if (this.rekeyFinishedAtUnlock !== null) {
        audit({ actorId: user?.id ?? null, actorName: user?.username ?? null, action: 'vault.rekey', details: { generation: this.rekeyFinishedAtUnlock, completedAtUnlock: true } });
      }
    });
    this.rekeyFinishedAtUnlock = null;
    this.lockout.clear();
  }

  /**
   * Opens the database with the keys of one slot: verifies the key-slot file's MAC, finishes an
   * interrupted re-key, checks every page and that the database is not older than the key-slot file.
   */
  private async openDatabase(file: KeySlotFile, keys: Map<number, Buffer>): Promise<void> {
    const current = keys.get(file.generation);
    const pending = file.pendingGeneration === null ? undefined : keys.get(file.pendingGeneration);
    const newest = file.pendingGeneration === null ? current : pending;
    const wipeAll = () => keys.forEach((k) => wipe(k));
    if (!newest || !verifyKeySlotMac(file, newest)) {
      wipeAll();
      throw new AppError('INTERNAL', 'keySlotsTampered');
    }
    let releaseDirLock: (() => void) | undefined;
    let conn: VaultConnection | undefined;
    try {
      releaseDirLock = acquireDirLock(this.options.dir);
      const opts = { create: false, migrationsFolder: this.options.migrationsFolder, check: true };
      let body = bodyOf(file);
      let dataKey: Buffer;
      if (file.pendingGeneration !== null) {
        // An interrupted re-key. The pending key counts only if whoever wrote it also held the
        // current key (previousMac): sealing to a slot's public key is open to anyone.
        if (!pending || !current || !verifyPreviousMac(file, current)) throw new AppError('INTERNAL', 'keySlotsTampered');
        rmSync(join(this.options.dir, REKEY_TMP), { force: true });
        try {
          // The swap happened: the database is under the new key. Finish step (c).
          conn = openVaultDatabase(this.dbPath, pending, opts);
          body = this.finishRekeyBody(body, file.pendingGeneration);
          writeKeySlotFile(this.options.dir, body, pending);
          dataKey = Buffer.from(pending);
          this.rekeyFinishedAtUnlock = body.generation;
          this.options.logger.info('vault.rekey-completed-at-unlock', { generation: body.generation });
        } catch (e) {
          if (!(e instanceof DatabaseOpenError)) throw e;
          // The swap never happened. Never adopt a key read from the file: drop it, keep the
          // current key, and re-key afresh with a new random key once the vault is open.
          conn = openVaultDatabase(this.dbPath, current, opts);
          body = this.dropPendingBody(body);
          writeKeySlotFile(this.options.dir, body, current);
          dataKey = Buffer.from(current);
          this.rekeyNeeded = true;
          this.options.logger.info('vault.rekey-rolled-back-at-unlock', { generation: body.generation });
        }
      } else {
        if (!current) throw new AppError('INTERNAL', 'keySlotsTampered');
        rmSync(join(this.options.dir, REKEY_TMP), { force: true });
        conn = openVaultDatabase(this.dbPath, current, opts);
        dataKey = Buffer.from(current);
      }
      const anchor = body.audit;
      if (anchor.seq > 0) {
        const row = new AuditRepo(conn.db).bySeq(anchor.seq);
        if (!row || row.hash !== anchor.head) throw new AppError('INTERNAL', 'databaseRolledBack');
      }
      this.open = { conn, dataKey, body, session: null, releaseDirLock };
    } catch (e) {
      conn?.sqlite.close();
      releaseDirLock?.();
      if (e instanceof DatabaseOpenError) throw new AppError('INTERNAL', 'databaseDamaged', undefined, { reason: e.reason });
      throw e;
    } finally {
      wipeAll();
    }
  }

  // ---------------------------------------------------------------- locking

  lock(reason: LockReason = 'manual'): void {
    const open = this.open;
    if (!open) return;
    if (open.session) {
      try {
        const s = open.session;
        this.write(({ audit }) => audit({ actorId: s.id, actorName: s.username, action: 'session.lock', details: { reason } }));
      } catch (e) {
        this.options.logger.error('vault.lock-audit-failed', e);
      }
    }
    const hadSession = open.session !== null;
    this.closeDatabase();
    this.options.logger.info('vault.locked', { reason });
    if (hadSession) this.emit({ state: 'locked', reason });
  }

  /** Closes the database and overwrites the data key. */
  private closeDatabase(): void {
    const open = this.open;
    if (!open) return;
    this.open = null;
    try {
      open.conn.sqlite.close();
    } finally {
      wipe(open.dataKey);
      open.releaseDirLock();
    }
  }

  // ---------------------------------------------------------------- recovery

  /** Sets a new password for an administrator with the recovery key; the vault stays locked afterwards. */
  recover(recoveryKey: string, username: string, newPassword: string): Promise<void> {
    return this.exclusive(() => this.recoverNow(recoveryKey, username, newPassword));
  }

  private async recoverNow(recoveryKey: string, username: string, newPassword: string): Promise<void> {
    if (this.open) this.lock('manual');
    this.throttle();
    const file = readKeySlotFile(this.options.dir);
    // Normally one recovery slot; two only if a rotation was interrupted before the old one was removed.
    const secret = normaliseRecoveryKey(recoveryKey);
    let keys: Map<number, Buffer> | null = null;
    for (const slot of file.slots.filter((s) => s.kind === 'recovery')) {
      keys = await this.openSlot(file, slot, secret);
      if (keys) break;
    }
    if (!keys) this.failUnlock('recovery');
    await this.openDatabase(file, keys);
    try {
      const open = this.requireOpen();
      const user = new UsersRepo(open.conn.db).byUsername(username);
      if (!user || user.role !== 'admin' || user.status !== 'active') {
        throw new AppError('FORBIDDEN', 'recoveryNotAdmin');
      }
      const newSlot = await this.makeSlot({ kind: 'user', userId: user.id, username: user.username }, newPassword, {
        vaultId: open.body.vaultId,
        kdfCost: open.body.kdfCost,
        dataKey: open.dataKey,
        generation: open.body.generation,
      });
      this.assertStillOpen(open);
      // Crash-safe order: add the new slot beside the old one, point the user row to it, then the
      // re-key below removes the old slot (its password may be known to someone: that is often
      // why recovery is needed).
      open.body = { ...open.body, slots: [...open.body.slots, newSlot] };
      writeKeySlotFile(this.options.dir, open.body, open.dataKey);
      this.recordUnlock(null);
      this.write(({ db, audit }) => {
        new UsersRepo(db).setSlot(user.id, newSlot.id);
        audit({ actorId: null, actorName: 'recovery-key', action: 'session.recover' });
        audit({ actorId: null, actorName: 'recovery-key', action: 'user.passwordReset', subjectType: 'user', subjectId: user.id });
      });
      await this.reconcileSlotsNow();
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
      const slot = await this.makeSlot({ kind: 'user', userId, username }, password, {
        vaultId: open.body.vaultId,
        kdfCost: open.body.kdfCost,
        dataKey: open.dataKey,
        generation: open.body.generation,
      });
      this.assertStillOpen(open);
      open.body = { ...open.body, slots: [...open.body.slots, slot] };
      writeKeySlotFile(this.options.dir, open.body, open.dataKey);
      return slot;
    });
  }

  /** Re-wraps only this slot's private key under a key derived from the new password. */
  changeSlotPassword(slotId: string, currentPassword: string, newPassword: string): Promise<void> {
    return this.exclusive(() => this.changeSlotPasswordNow(slotId, currentPassword, newPassword));
  }

  private async changeSlotPasswordNow(slotId: string, currentPassword: string, newPassword: string): Promise<void> {
    const open = this.requireOpen();
    const slot = open.body.slots.find((s) => s.id === slotId);
    if (!slot) throw new AppError('NOT_FOUND', 'notFound');
    if (currentPassword === newPassword) throw new AppError('VALIDATION', 'samePassword', undefined, {
      fields: [{ path: 'newPassword', code: 'same_password', message: 'must differ from the current password' }],
    });
    const aad = slotAad(open.body.vaultId, slot);
    this.throttle();
    const kek = await deriveSlotKey(currentPassword, slot.kdf);
    const privateKey = unwrapPrivateKey(kek, slot.wrappedPrivateKey, aad);
    wipe(kek);
    if (!privateKey) this.failUnlock('unlock');
    try {
      const kdf = newKdfParams(open.body.kdfCost);
      const newKek = await deriveSlotKey(newPassword, kdf);
      const updated: KeySlot = { ...slot, kdf, wrappedPrivateKey: wrapPrivateKey(newKek, privateKey, aad) };
      wipe(newKek);
      this.assertStillOpen(open);
      open.body = { ...open.body, slots: open.body.slots.map((s) => (s.id === slotId ? updated : s)) };
      writeKeySlotFile(this.options.dir, open.body, open.dataKey);
    } finally {
      wipe(privateKey);
    }
  }

  /**
   * Removes the slots of users who are no longer active (disabled, or never finished being added)
   * and, if any was removed, replaces the data key: they could have kept the old one.
   */
  reconcileSlots(): Promise<boolean> {
    return this.exclusive(() => this.reconcileSlotsNow());
  }

  private async reconcileSlotsNow(): Promise<boolean> {
    const open = this.requireOpen();
    const active = new Set(
      new UsersRepo(open.conn.db)
        .all()
        .filter((u) => u.status === 'active')
        .map((u) => u.slotId),
    );
    const stale = open.body.slots.filter((s) => s.kind === 'user' && !active.has(s.id));
    if (stale.length === 0 && !this.rekeyNeeded) return false;
    await this.rekey(new Set(stale.map((s) => s.id)));
    this.rekeyNeeded = false;
    return true;
  }

  /**
   * Replaces the data key, sealing the new one to every remaining slot. Crash-safe in three steps:
   * (a) the key-slot file gets the new key sealed to each remaining slot as a pending generation
   *     (the removed slots are gone from this point on);
   * (b) a copy of the database is re-keyed (rollback journal, since re-keying in WAL mode is not
   *     supported) and renamed over the database;
   * (c) the key-slot file drops the old generation.
   * An unlock after a crash in (b) or (c) finishes the job (see openDatabase).
   */
  private async rekey(removeSlotIds: Set<string>): Promise<void> {
    const open = this.requireOpen();
    const oldKey = open.dataKey;
    const newKey = newDataKey();
    const newGen = open.body.generation + 1;
    const slots: KeySlot[] = [];
    for (const slot of open.body.slots) {
      if (removeSlotIds.has(slot.id)) continue;
      const sealed = await sealDataKey(newKey, Buffer.from(slot.publicKey, 'base64url'), {
        vaultId: open.body.vaultId,
        slotId: slot.id,
        generation: newGen,
      });
      slots.push({ ...slot, sealed: { ...slot.sealed, [String(newGen)]: sealed } });
    }
    this.assertStillOpen(open);
    const session = open.session;
    open.body = { ...open.body, slots, pendingGeneration: newGen };
    writeKeySlotFile(this.options.dir, open.body, newKey, oldKey); // (a)
    this.open = null;
    try {
      this.options.afterRekeyStep?.('slots-pending');
      this.swapInRekeyedCopy(open.conn, oldKey, newKey); // (b)
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
    const body = this.finishRekeyBody(open.body, newGen);
    writeKeySlotFile(this.options.dir, body, newKey); // (c)
    wipe(oldKey);
    const conn = openVaultDatabase(this.dbPath, newKey, { create: false, migrationsFolder: this.options.migrationsFolder });
    this.open = { conn, dataKey: newKey, body, session, releaseDirLock: open.releaseDirLock };
    this.write(({ audit }) =>
      audit({
        actorId: session?.id ?? null,
        actorName: session?.username ?? null,
        action: 'vault.rekey',
        details: { generation: newGen, slotsRemoved: removeSlotIds.size },
      }),
    );
    this.options.logger.info('vault.rekeyed', { generation: newGen });
  }

  /** Step (b): copy, re-key the copy, close the live connection, rename the copy into place. */
  private swapInRekeyedCopy(conn: VaultConnection, oldKey: Buffer, newKey: Buffer): void {
    const dir = this.options.dir;
    const tmp = join(dir, REKEY_TMP);
    rmSync(tmp, { force: true });
    try {
      copyEncrypted(conn.sqlite, tmp);
    } finally {
      conn.sqlite.close();
    }
    rekeyFile(tmp, oldKey, newKey);
    for (const f of [`${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`]) rmSync(join(dir, f), { force: true });
    renameSync(tmp, this.dbPath);
    fsyncDir(dir);
  }

  /** Forgets a pending generation whose swap never happened (the database is under the current key). */
  private dropPendingBody(body: KeySlotBody): KeySlotBody {
    const current = String(body.generation);
    return {
      ...body,
      pendingGeneration: null,
      slots: body.slots.map((s) => ({ ...s, sealed: { [current]: s.sealed[current] ?? '' } })),
    };
  }

  private finishRekeyBody(body: KeySlotBody, newGen: number): KeySlotBody {
    return {
      ...body,
      generation: newGen,
      pendingGeneration: null,
      slots: body.slots.map((s) => ({ ...s, sealed: { [String(newGen)]: s.sealed[String(newGen)] ?? '' } })),
    };
  }

  /** Checks the signed-in user's password again before a sensitive operation. */
  private async reauthenticate(password: string): Promise<void> {
    const open = this.requireOpen();
    const session = this.requireSession();
    const slot = open.body.slots.find((s) => s.id === session.slotId);
    if (!slot) throw new AppError('WRONG_CREDENTIALS', 'wrongCredentials');
    this.throttle();
    const kek = await deriveSlotKey(password, slot.kdf);
    const privateKey = unwrapPrivateKey(kek, slot.wrappedPrivateKey, slotAad(open.body.vaultId, slot));
    wipe(kek, privateKey);
    if (!privateKey) this.failUnlock('unlock');
  }

  /**
   * Replaces the recovery key (lost, never confirmed, or seen by someone): a new recovery slot,
   * then a re-key that removes the old one, since whoever saw the old key could have kept the data key.
   */
  rotateRecoveryKey(password: string): Promise<{ recoveryKey: string }> {
    return this.exclusive(() => this.rotateRecoveryKeyNow(password));
  }

  private async rotateRecoveryKeyNow(password: string): Promise<{ recoveryKey: string }> {
    const actor = this.requireRole('admin');
    await this.reauthenticate(password);
    const open = this.requireOpen();
    const old = new Set(open.body.slots.filter((s) => s.kind === 'recovery').map((s) => s.id));
    const secret = newRecoveryKey();
    const slot = await this.makeSlot({ kind: 'recovery', userId: null, username: null }, secret, {
      vaultId: open.body.vaultId,
      kdfCost: open.body.kdfCost,
      dataKey: open.dataKey,
      generation: open.body.generation,
    });
    this.assertStillOpen(open);
    open.body = { ...open.body, slots: [...open.body.slots, slot] };
    writeKeySlotFile(this.options.dir, open.body, open.dataKey);
    await this.rekey(old);
    this.write(({ db, now, audit }) => {
      new SettingsRepo(db).set(SETTING_RECOVERY_CONFIRMED, false, now);
      audit({ actorId: actor.id, actorName: actor.username, action: 'vault.recoveryKeyRotated' });
    });
    return { recoveryKey: groupRecoveryKey(secret) };
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
    copyEncrypted(open.conn.sqlite, join(stagingDir, DATABASE_FILE));
    writeKeySlotFile(stagingDir, open.body, open.dataKey);
    return { files: [DATABASE_FILE, KEYSLOT_FILE], auditSeq: open.body.audit.seq };
  }
}

/** The files that make up a vault folder (for tests and the restore command). */
export const VAULT_FILES = [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, KEYSLOT_FILE, LOCKOUT_FILE];

export function folderIsEmpty(dir: string): boolean {
  return !existsSync(dir) || (statSync(dir).isDirectory() && readdirSync(dir).length === 0);
}
