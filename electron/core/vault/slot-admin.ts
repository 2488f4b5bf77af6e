/**
 * Administering the key slots of an open vault: a new user's slot, password changes, the recovery
 * key's replacement, the office server's slot, and the re-key that drops whatever slots the database
 * no longer vouches for (docs/vault-format.md "Key slots", "Which slots are kept", "Re-keying").
 *
 * VaultService holds the state and the queue and delegates its slot methods here; these flows use
 * its pieces through SlotAdminHost, in the same order as before.
 */
import { join } from 'node:path';
import { openVaultDatabase, type Db } from '../../../db/connection';
import { SettingsRepo } from '../../../db/settings.repo';
import { UsersRepo } from '../../../db/users.repo';
import { AppError } from '../../../shared/errors';
import type { SessionUser } from '../../../shared/ipc/contract';
import { deriveSlotKey, newKdfParams } from '../crypto/kdf';
import { groupRecoveryKey, newRecoveryKey } from '../crypto/recovery-key';
import { newDataKey, wipe, wrapPrivateKey } from '../crypto/slot-crypto';
import type { Logger } from '../ports';
import { assertSlotCost, decideSlotSet, makeSlot, unwrapSlot, type DropReason, type SlotContext } from './key-slots';
import { DATABASE_FILE, slotAad, writeKeySlotFile, type KeySlot, type KeySlotBody } from './keyslot-file';
import { lockoutKey, type FailureKind } from './lockout';
import type { OpenVault, Session, VaultChange, WriteContext } from './open-vault';
import { finishRekeyBody, pendingBody, swapInRekeyedCopy } from './rekey';
import { addNotice } from './security-notices';
import { SETTING_SERVER_SLOT, newServerSecret } from './server-slot';
import { SETTING_RECOVERY_CONFIRMED, SETTING_RECOVERY_SLOT } from './vault-creation';

export interface SlotAdminOptions {
  dir: string;
  migrationsFolder: string;
  logger: Logger;
  /** Test seam: called after each durable step of a re-key, so tests can simulate a crash there. */
  afterRekeyStep?: (step: 'slots-pending' | 'database-swapped') => void;
}

/** What the slot flows need of VaultService. */
export interface SlotAdminHost {
  current(): OpenVault | null;
  /** The re-key closes the database and opens it again under the new key. */
  setOpen(open: OpenVault | null): void;
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  requireOpen(): OpenVault;
  requireSession(): Session;
  requireRole(...roles: SessionUser['role'][]): Session;
  assertStillOpen(open: OpenVault): void;
  slotContext(open: OpenVault): SlotContext;
  writeSlots(open: OpenVault, body: KeySlotBody, dataKey?: Buffer, previousKey?: Buffer): KeySlotBody;
  write<T>(fn: (ctx: WriteContext) => T): T;
  read<T>(fn: (db: Db) => T): T;
  throttle(key: string): void;
  failUnlock(kind: FailureKind, key: string): never;
  emit(change: VaultChange): void;
}

export class SlotAdmin {
  constructor(
    private readonly options: SlotAdminOptions,
    private readonly host: SlotAdminHost,
  ) {}

  // ---------------------------------------------------------------- slots of staff

  /** Adds a key slot for a new user; call before inserting the user row that points to it. */
  addUserSlot(userId: string, username: string, password: string): Promise<KeySlot> {
    return this.host.exclusive(async () => {
      const open = this.host.requireOpen();
      const slot = await makeSlot({ kind: 'user', userId, username }, password, this.host.slotContext(open));
      this.host.assertStillOpen(open);
      this.host.writeSlots(open, { ...open.body, slots: [...open.body.slots, slot] });
      return slot;
    });
  }

  /** Re-wraps only this slot's private key under a key derived from the new password. */
  changeSlotPassword(slotId: string, currentPassword: string, newPassword: string): Promise<void> {
    return this.host.exclusive(async () => {
      const open = this.host.requireOpen();
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
        this.host.assertStillOpen(open);
        this.host.writeSlots(open, { ...open.body, slots: open.body.slots.map((s) => (s.id === slotId ? updated : s)) });
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
    return this.host.exclusive(async () => {
      const session = this.host.requireSession();
      const open = this.host.requireOpen();
      const slot = open.body.slots.find((s) => s.id === session.slotId);
      if (!slot) throw new AppError('NOT_FOUND', 'notFound');
      assertNewPassword(currentPassword, newPassword);
      wipe(await this.unwrapOwnSlot(open, slot, currentPassword));
      const newSlot = await makeSlot({ kind: 'user', userId: session.id, username: session.username }, newPassword, this.host.slotContext(open));
      this.host.assertStillOpen(open);
      this.host.writeSlots(open, { ...open.body, slots: [...open.body.slots, newSlot] });
      this.host.write(({ db, audit }) => {
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
    this.host.throttle(key);
    assertSlotCost(open.body, slot);
    const privateKey = await unwrapSlot(open.body.vaultId, slot, password);
    if (!privateKey) this.host.failUnlock('unlock', key);
    return privateKey;
  }

  /**
   * Rebuilds the slot set from the database (key-slots.ts decideSlotSet) and, if anything was
   * dropped, replaces the data key: whoever held a dropped slot could have kept the old one.
   */
  reconcileSlots(): Promise<boolean> {
    return this.host.exclusive(() => this.reconcileSlotsNow(new Set(), false));
  }

  /**
   * `expected`: slots the caller is retiring (an old password's or recovery key's slot), not worth a
   * notice. A slot of a disabled user is expected too. Anything else dropped was written by hand.
   */
  async reconcileSlotsNow(expected: Set<string>, force: boolean): Promise<boolean> {
    const open = this.host.requireOpen();
    const settings = new SettingsRepo(open.conn.db);
    const users = new UsersRepo(open.conn.db).all();
    const recorded = settings.get(SETTING_RECOVERY_SLOT);
    const serverSlot = settings.get(SETTING_SERVER_SLOT);
    const decision = decideSlotSet(open.body.slots, users, typeof recorded === 'string' ? recorded : null, open.opened, typeof serverSlot === 'string' ? serverSlot : null);
    if (typeof recorded !== 'string') {
      const recovery = decision.keep.find((s) => s.kind === 'recovery');
      if (recovery) this.host.write(({ db, now }) => new SettingsRepo(db).set(SETTING_RECOVERY_SLOT, recovery.id, now));
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
    const s = this.host.current()?.session ?? null;
    const counts: Record<string, number> = {};
    for (const r of reasons) counts[r] = (counts[r] ?? 0) + 1;
    this.options.logger.warn('vault.slots-dropped', { count: reasons.length });
    this.host.write(({ db, now, audit }) => {
      audit({ actorId: s?.id ?? null, actorName: s?.username ?? 'recovery-key', action: 'vault.slotsDropped', details: { count: reasons.length, ...counts } });
      addNotice(db, now, { kind: 'slotsDropped', at: now, count: reasons.length });
    });
  }

  /**
   * Replaces the data key, sealing the new one to the `keep` slots only (rekey.ts has the steps).
   */
  private async rekey(keep: readonly KeySlot[], removed: number): Promise<void> {
    const open = this.host.requireOpen();
    const oldKey = open.dataKey;
    const newKey = newDataKey();
    const body = await pendingBody(open.body, keep, newKey);
    const newGen = body.pendingGeneration as number;
    this.host.assertStillOpen(open);
    const session = open.session;
    // (a) carries the current head: no transaction runs from here until the re-key's own entry.
    this.host.writeSlots(open, body, newKey, oldKey); // (a)
    this.host.setOpen(null);
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
      if (session) this.host.emit({ state: 'locked', reason: 'manual' });
      throw e;
    }
    const finished = finishRekeyBody(open.body, newGen);
    const fileMac = writeKeySlotFile(this.options.dir, finished, newKey).mac; // (c)
    wipe(oldKey);
    const conn = openVaultDatabase(join(this.options.dir, DATABASE_FILE), newKey, { create: false, migrationsFolder: this.options.migrationsFolder });
    this.host.setOpen({ ...open, conn, dataKey: newKey, body: finished, fileMac, unanchored: 0, anchorTimer: null });
    this.host.write(({ audit }) =>
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
    const open = this.host.requireOpen();
    const session = this.host.requireSession();
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
    return this.host.exclusive(async () => {
      const actor = this.host.requireRole('admin');
      await this.reauthenticate(password);
      const open = this.host.requireOpen();
      // Only the slot the database recorded counts as retired: any other recovery slot is reported.
      const recordedBefore = this.host.read((db) => new SettingsRepo(db).get(SETTING_RECOVERY_SLOT));
      const secret = newRecoveryKey();
      const slot = await makeSlot({ kind: 'recovery', userId: null, username: null }, secret, this.host.slotContext(open));
      this.host.assertStillOpen(open);
      this.host.writeSlots(open, { ...open.body, slots: [...open.body.slots, slot] });
      this.host.write(({ db, now }) => new SettingsRepo(db).set(SETTING_RECOVERY_SLOT, slot.id, now));
      await this.reconcileSlotsNow(new Set(typeof recordedBefore === 'string' ? [recordedBefore] : []), true);
      this.host.write(({ db, now, audit }) => {
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
    return this.host.exclusive(async () => {
      const actor = this.host.requireRole('admin');
      await this.reauthenticate(password);
      const open = this.host.requireOpen();
      const before = this.host.read((db) => new SettingsRepo(db).get(SETTING_SERVER_SLOT));
      const secret = newServerSecret();
      const slot = await makeSlot({ kind: 'server', userId: null, username: null }, secret, this.host.slotContext(open));
      this.host.assertStillOpen(open);
      // Through writeSlots like every other rewrite of the key-slot file: it keeps the file's MAC for
      // the next write's record (without it a crash before the next anchor read as a file put back)
      // and handles a file that cannot be written.
      this.host.writeSlots(open, { ...open.body, slots: [...open.body.slots, slot] });
      this.host.write(({ db, now, audit }) => {
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
    return this.host.exclusive(async () => {
      const actor = this.host.requireRole('admin');
      const before = this.host.read((db) => new SettingsRepo(db).get(SETTING_SERVER_SLOT));
      if (typeof before !== 'string') return false;
      this.host.write(({ db, now, audit }) => {
        new SettingsRepo(db).set(SETTING_SERVER_SLOT, null, now);
        audit({ actorId: actor.id, actorName: actor.username, action: 'vault.serverSlotRemoved' });
      });
      await this.reconcileSlotsNow(new Set([before]), true);
      return true;
    });
  }

  /** Whether the database records a server slot (for `passerelle server-key status`). */
  hasServerSlot(): boolean {
    return typeof this.host.read((db) => new SettingsRepo(db).get(SETTING_SERVER_SLOT)) === 'string';
  }
}

function assertNewPassword(currentPassword: string, newPassword: string): void {
  if (currentPassword === newPassword) {
    throw new AppError('VALIDATION', 'samePassword', undefined, {
      fields: [{ path: 'newPassword', code: 'same_password', message: 'must differ from the current password' }],
    });
  }
}
