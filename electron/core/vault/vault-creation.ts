/**
 * Setting up a new vault: the folder (0700), the data key, the first administrator's slot and the
 * recovery slot, the database with the organisation, and the key-slot file.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openVaultDatabase, type Db, type VaultConnection } from '../../../db/connection';
import { AuditRepo } from '../../../db/audit.repo';
import { SettingsRepo } from '../../../db/settings.repo';
import { UsersRepo, type UserRow } from '../../../db/users.repo';
import type { Country } from '../../../shared/domain';
import { AUTO_LOCK_MINUTES } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { deriveCaseCodePrefix } from '../../../shared/persons/case-code';
import { appendAudit, type AuditInput } from '../audit/audit-chain';
import { kdfCostFor, type KdfProfile } from '../crypto/kdf';
import { newRecoveryKey } from '../crypto/recovery-key';
import { newDataKey } from '../crypto/slot-crypto';
import type { Logger } from '../ports';
import { acquireDirLock } from './dir-lock';
import { makeSlot } from './key-slots';
import { DATABASE_FILE, vaultExists, writeKeySlotFile, type KeySlotBody } from './keyslot-file';
import { REKEY_TMP, createPrivateFile, tightenVaultFolder } from './vault-files';

export interface CreateVaultInput {
  organisationName: string;
  country: Country;
  /** 2-5 letters A-Z; derived from the organisation's name when absent. */
  caseCodePrefix?: string | undefined;
  admin: { username: string; displayName: string; password: string };
}

/** What other parts add to a new vault inside its first transaction (the organisation's handover keys). */
export type VaultSetupStep = (ctx: {
  db: Db;
  now: string;
  admin: { id: string; username: string };
  organisation: { name: string; country: Country };
  audit(input: AuditInput): void;
}) => void;

export const SETTING_AUTO_LOCK = 'autoLockMinutes';
/** False until an administrator has typed back part of the current recovery key. */
export const SETTING_RECOVERY_CONFIRMED = 'recoveryKeyConfirmed';
/** The id of the one recovery slot the key-slot file may hold (see key-slots.ts decideSlotSet). */
export const SETTING_RECOVERY_SLOT = 'recoverySlotId';

export interface CreatedVault {
  conn: VaultConnection;
  dataKey: Buffer;
  body: KeySlotBody;
  admin: UserRow;
  releaseDirLock: () => void;
  recoveryKey: string;
}

export async function createVaultFiles(
  o: { dir: string; migrationsFolder: string; logger: Logger; kdfProfile: KdfProfile; now: string; setup: readonly VaultSetupStep[] },
  input: CreateVaultInput,
): Promise<CreatedVault> {
  const { dir, now } = o;
  const dbPath = join(dir, DATABASE_FILE);
  if (vaultExists(dir)) throw new AppError('CONFLICT', 'vaultExists');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // A database without its key-slot file cannot be opened, but its key file may still be in a
  // backup somewhere: move it aside, never delete it.
  if (existsSync(dbPath)) {
    const aside = `${DATABASE_FILE}.orphaned-${now.replace(/[:.]/g, '-')}`;
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(dbPath + suffix)) renameSync(dbPath + suffix, join(dir, aside + suffix));
    }
    o.logger.warn('vault.orphaned-database-moved-aside');
  }
  rmSync(join(dir, REKEY_TMP), { force: true });
  // An existing folder keeps its mode through mkdir: tighten it (and anything in it) now.
  const loosened = tightenVaultFolder(dir);
  if (loosened > 0) o.logger.warn('vault.modes-tightened', { count: loosened });
  const releaseDirLock = acquireDirLock(dir);
  try {
    const vaultId = randomUUID();
    const kdfCost = await kdfCostFor(o.kdfProfile);
    const dataKey = newDataKey();
    const generation = 1;
    const adminId = randomUUID();
    const username = input.admin.username;
    const slotCtx = { vaultId, kdfCost, dataKey, generation };
    const adminSlot = await makeSlot({ kind: 'user', userId: adminId, username }, input.admin.password, slotCtx);
    const recoveryKey = newRecoveryKey();
    const recoverySlot = await makeSlot({ kind: 'recovery', userId: null, username: null }, recoveryKey, slotCtx);
    createPrivateFile(dbPath);
    const conn = openVaultDatabase(dbPath, dataKey, { create: true, migrationsFolder: o.migrationsFolder });
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
      settings.set(SETTING_RECOVERY_SLOT, recoverySlot.id, now);
      new UsersRepo(conn.db).insert(admin);
      const audit = (a: AuditInput) => void appendAudit(auditRepo, now, a);
      audit({ actorId: adminId, actorName: username, action: 'vault.create', details: { country: input.country } });
      audit({ actorId: adminId, actorName: username, action: 'user.add', subjectType: 'user', subjectId: adminId, details: { role: 'admin' } });
      for (const step of o.setup) step({ db: conn.db, now, admin: { id: adminId, username }, organisation: { name: input.organisationName, country: input.country }, audit });
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
    o.logger.info('vault.created', { country: input.country, kdfIterations: kdfCost.iterations });
    return { conn, dataKey, body, admin, releaseDirLock, recoveryKey };
  } catch (e) {
    releaseDirLock();
    throw e;
  }
}
