/**
 * Opening the database with the keys one slot yielded: verify the key-slot file's MAC, finish or
 * roll back an interrupted re-key, check every page, refuse a database or key file older than the
 * other, then tidy the folder (modes, leftovers of interrupted writes).
 * See docs/vault-format.md "Unlocking".
 */
import { join } from 'node:path';
import { z } from 'zod';
import { DatabaseOpenError, openVaultDatabase, type VaultConnection } from '../../../db/connection';
import { AuditRepo } from '../../../db/audit.repo';
import { SettingsRepo } from '../../../db/settings.repo';
import { AppError } from '../../../shared/errors';
import { wipe } from '../crypto/slot-crypto';
import type { Logger } from '../ports';
import { acquireDirLock } from './dir-lock';
import { DATABASE_FILE, bodyOf, verifyKeySlotMac, verifyPreviousMac, writeKeySlotFile, type KeySlotBody, type KeySlotFile } from './keyslot-file';
import { dropPendingBody, finishRekeyBody } from './rekey';
import { removeLeftovers, tightenVaultFolder } from './vault-files';

/**
 * In the database, written by every transaction that appends to the audit trail: `{ mac, seq }`,
 * the MAC of the key-slot file that was on disk when that transaction ran (the file names its own
 * version: its MAC covers the slots and the anchor, under the data key) and the sequence number of
 * the last entry the transaction wrote. The anchor in the file is written after the commits, in
 * batches (audit-anchor.ts), so the database may be ahead of it after a crash; it may be ahead
 * only while the file on disk is the one the last such transaction saw. A file that differs was
 * put back from an earlier copy. The pair vouches only for the trail as it was when it was written:
 * it is trusted only when `seq` is the chain's head (entries appended by anything that did not
 * update it would otherwise be accepted on a stale word). See docs/vault-format.md "The audit anchor".
 */
export const SETTING_KEYSLOTS_BEFORE_LAST_WRITE = 'keySlotsBeforeLastWrite';
/**
 * The same record as written by earlier versions: the file's anchor sequence number. Read only
 * for a database last written by such a version.
 */
export const SETTING_ANCHOR_BEFORE_LAST_WRITE = 'auditAnchorBeforeLastWrite';

/** The value of SETTING_KEYSLOTS_BEFORE_LAST_WRITE. */
export const keySlotsSeen = z.object({ mac: z.string().min(1), seq: z.number().int().positive() });
export type KeySlotsSeen = z.infer<typeof keySlotsSeen>;

export interface OpenedDatabase {
  conn: VaultConnection;
  dataKey: Buffer;
  body: KeySlotBody;
  /** The MAC of the key-slot file now on disk (the one `body` was read from or written to). */
  fileMac: string;
  releaseDirLock: () => void;
  /** An interrupted re-key was rolled back: a fresh re-key must follow. */
  rekeyNeeded: boolean;
  /** An interrupted re-key was finished: its generation, to be audited once a session exists. */
  rekeyFinished: number | null;
  /** Temporary files of interrupted writes removed from the folder. */
  leftoversRemoved: number;
  /** The folder or files that had looser modes than the vault's and were tightened. */
  modesTightened: number;
}

export interface OpenDatabaseOptions {
  dir: string;
  migrationsFolder: string;
  logger: Logger;
}

/** Consumes `keys` (wiped on return); the returned data key is a copy. */
export function openDatabaseWithKeys(o: OpenDatabaseOptions, file: KeySlotFile, keys: Map<number, Buffer>): OpenedDatabase {
  const current = keys.get(file.generation);
  const pending = file.pendingGeneration === null ? undefined : keys.get(file.pendingGeneration);
  const newest = file.pendingGeneration === null ? current : pending;
  const wipeAll = () => keys.forEach((k) => wipe(k));
  if (!newest || !verifyKeySlotMac(file, newest)) {
    wipeAll();
    throw new AppError('INTERNAL', 'keySlotsTampered');
  }
  const dbPath = join(o.dir, DATABASE_FILE);
  let releaseDirLock: (() => void) | undefined;
  let conn: VaultConnection | undefined;
  try {
    releaseDirLock = acquireDirLock(o.dir);
    // The key-slot file is verified: what else is in the folder can go (nothing in it is newer).
    const leftoversRemoved = removeLeftovers(o.dir);
    const modesTightened = tightenVaultFolder(o.dir);
    if (modesTightened > 0) o.logger.warn('vault.modes-tightened', { count: modesTightened });
    const opts = { create: false, migrationsFolder: o.migrationsFolder, check: true };
    let body = bodyOf(file);
    let fileMac = file.mac;
    let dataKey: Buffer;
    let rekeyNeeded = false;
    let rekeyFinished: number | null = null;
    if (file.pendingGeneration !== null) {
      // An interrupted re-key. The pending key counts only if whoever wrote it also held the
      // current key (previousMac): sealing to a slot's public key is open to anyone.
      if (!pending || !current || !verifyPreviousMac(file, current)) throw new AppError('INTERNAL', 'keySlotsTampered');
      try {
        // The swap happened: the database is under the new key. Finish step (c).
        conn = openVaultDatabase(dbPath, pending, opts);
        body = finishRekeyBody(body, file.pendingGeneration);
        fileMac = writeKeySlotFile(o.dir, body, pending).mac;
        dataKey = Buffer.from(pending);
        rekeyFinished = body.generation;
        o.logger.info('vault.rekey-completed-at-unlock', { generation: body.generation });
      } catch (e) {
        if (!(e instanceof DatabaseOpenError)) throw e;
        // The swap never happened. Never adopt a key read from the file: drop it, keep the
        // current key, and re-key afresh with a new random key once the vault is open.
        conn = openVaultDatabase(dbPath, current, opts);
        body = dropPendingBody(body);
        fileMac = writeKeySlotFile(o.dir, body, current).mac;
        dataKey = Buffer.from(current);
        rekeyNeeded = true;
        o.logger.info('vault.rekey-rolled-back-at-unlock', { generation: body.generation });
      }
    } else {
      if (!current) throw new AppError('INTERNAL', 'keySlotsTampered');
      conn = openVaultDatabase(dbPath, current, opts);
      dataKey = Buffer.from(current);
    }
    checkAnchor(conn, body, file.mac);
    return { conn, dataKey, body, fileMac, releaseDirLock, rekeyNeeded, rekeyFinished, leftoversRemoved, modesTightened };
  } catch (e) {
    conn?.sqlite.close();
    releaseDirLock?.();
    if (e instanceof DatabaseOpenError) throw new AppError('INTERNAL', 'databaseDamaged', undefined, { reason: e.reason });
    throw e;
  } finally {
    wipeAll();
  }
}

/**
 * The audit head anchored in the key-slot file against the database: the anchored entry must be
 * in the database with the same hash (else the database is older than the file), and the database
 * may be ahead of it only if the last transaction that appended to the trail saw this very file
 * and wrote the head (else the file is older, or the record does not describe the head). `mac` is the file as found, before an interrupted re-key was settled:
 * settling rewrites the file but no transaction ran in between.
 */
function checkAnchor(conn: VaultConnection, body: KeySlotBody, mac: string): void {
  const anchor = body.audit;
  const audit = new AuditRepo(conn.db);
  if (anchor.seq > 0) {
    const row = audit.bySeq(anchor.seq);
    if (!row || row.hash !== anchor.head) throw new AppError('INTERNAL', 'databaseRolledBack');
  }
  const head = audit.last()?.seq ?? 0;
  if (head <= anchor.seq) return;
  const settings = new SettingsRepo(conn.db);
  const seen = keySlotsSeen.safeParse(settings.get(SETTING_KEYSLOTS_BEFORE_LAST_WRITE));
  if (seen.success) {
    if (seen.data.seq !== head || seen.data.mac !== mac) throw new AppError('INTERNAL', 'keySlotsOutdated');
    return;
  }
  const before = settings.get(SETTING_ANCHOR_BEFORE_LAST_WRITE);
  // Absent in a database last written before either record existed: nothing to compare with.
  if (typeof before === 'number' && before !== anchor.seq) throw new AppError('INTERNAL', 'keySlotsOutdated');
}
