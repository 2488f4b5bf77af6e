/**
 * The files of a vault folder: which belong to it, their modes, and the leftovers of writes a
 * crash interrupted (docs/vault-format.md "The vault folder").
 */
import { chmodSync, closeSync, existsSync, lstatSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FIRED_JOURNAL_FILE } from '../reminders/fired-journal';
import { DATABASE_FILE, KEYSLOT_FILE } from './keyslot-file';
import { FAILURE_LOG_FILE, LOCKOUT_FILE } from './lockout';

/** The folder: its owner only. Every file in it: read and write for its owner only. */
export const VAULT_DIR_MODE = 0o700;
export const VAULT_FILE_MODE = 0o600;

/** Files written by writeFileAtomic in the vault folder: their temporary copies are the vault's own. */
const ATOMIC_FILES = [KEYSLOT_FILE, LOCKOUT_FILE, FIRED_JOURNAL_FILE];
const ATOMIC_TMP = new RegExp(`^\\.(${ATOMIC_FILES.map((f) => f.replace(/\./g, '\\.')).join('|')})\\.[0-9a-f]{12}\\.tmp$`);
/** The re-key's copy of the database (removed before any re-key starts, and here). */
export const REKEY_TMP = `${DATABASE_FILE}.rekey`;

/** The files that make up a vault folder (for tests and the restore command). */
export const VAULT_FILES = [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, KEYSLOT_FILE, LOCKOUT_FILE, FAILURE_LOG_FILE];

/**
 * Sets the folder to 0700 and every file directly in it to 0600. Returns how many were looser
 * (0 on Windows, where POSIX modes do not apply). Symbolic links are left alone: chmod would
 * follow them out of the folder.
 */
export function tightenVaultFolder(dir: string): number {
  if (process.platform === 'win32' || !existsSync(dir)) return 0;
  let loosened = 0;
  if ((lstatSync(dir).mode & 0o777) !== VAULT_DIR_MODE) {
    chmodSync(dir, VAULT_DIR_MODE);
    loosened++;
  }
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = lstatSync(path);
    if (!st.isFile()) continue;
    if ((st.mode & 0o777) !== VAULT_FILE_MODE) {
      chmodSync(path, VAULT_FILE_MODE);
      loosened++;
    }
  }
  return loosened;
}

/**
 * Removes the temporary files of atomic writes that a crash left between their write and their
 * rename, and the re-key's copy. Each such file is a complete earlier copy of a key-slot file (or
 * of the lockout or reminder journal): after a password change it would still hold the old
 * password's slot. Call only once the real key-slot file was verified. Returns how many.
 */
export function removeLeftovers(dir: string): number {
  let removed = 0;
  for (const name of readdirSync(dir)) {
    if (!ATOMIC_TMP.test(name) && name !== REKEY_TMP) continue;
    rmSync(join(dir, name), { force: true });
    removed++;
  }
  return removed;
}

export function folderIsEmpty(dir: string): boolean {
  return !existsSync(dir) || (statSync(dir).isDirectory() && readdirSync(dir).length === 0);
}

/**
 * Creates an empty file readable by its owner only, for SQLite to fill (a new database, a VACUUM
 * INTO copy): SQLite creates files with the process's default mode, and gives a database's -wal
 * and -shm files the database file's mode.
 */
export function createPrivateFile(path: string): void {
  closeSync(openSync(path, 'wx', VAULT_FILE_MODE));
}
