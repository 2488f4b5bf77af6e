/**
 * One process at a time may hold a vault open (the app or the CLI).
 *
 * The lock is SQLite's own: `vault.lock` is a tiny, empty SQLite database in which the holder keeps
 * an exclusive transaction open (locking_mode EXCLUSIVE). The operating system releases that lock
 * when the process ends in any way (crash, kill -9, power cut), so a stale lock cannot exist and
 * nothing depends on process ids, which another program may get after a restart. A lock file left
 * by an older version (a process id in text) holds no lock and is replaced.
 */
import { closeSync, existsSync, openSync, readSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';

export const DIR_LOCK_FILE = 'vault.lock';
const heldHere = new Set<string>();
const SQLITE_HEADER = 'SQLite format 3\u0000';

function isBusy(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/** True for an empty file or an SQLite database; false for the process-id text of the old lock. */
function isLockDatabase(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(SQLITE_HEADER.length);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return n === 0 || buf.toString('latin1') === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}

export function acquireDirLock(dir: string): () => void {
  const path = join(dir, DIR_LOCK_FILE);
  if (heldHere.has(path)) throw new AppError('CONFLICT', 'vaultBusy');
  if (existsSync(path) && !isLockDatabase(path)) rmSync(path, { force: true });
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { timeout: 0 });
    // No journal file: nothing is ever written to this database.
    db.pragma('journal_mode = MEMORY');
    db.pragma('locking_mode = EXCLUSIVE');
    // Held until the connection closes (or the process ends): no other connection may read or write.
    db.exec('BEGIN EXCLUSIVE');
  } catch (e) {
    db?.close();
    if (isBusy(e)) throw new AppError('CONFLICT', 'vaultBusy');
    throw e;
  }
  heldHere.add(path);
  const held = db;
  return () => {
    heldHere.delete(path);
    try {
      held.close();
    } catch {
      /* already closed */
    }
  };
}

/**
 * Whether another program holds the vault open (for `passerelle status`): tries the lock and lets
 * it go at once. False when there is no lock file (nothing is created then).
 */
export function dirLockHeld(dir: string): boolean {
  if (!existsSync(join(dir, DIR_LOCK_FILE))) return false;
  try {
    acquireDirLock(dir)();
    return false;
  } catch (e) {
    if (e instanceof AppError && e.key === 'vaultBusy') return true;
    throw e;
  }
}
