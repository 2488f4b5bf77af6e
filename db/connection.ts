/**
 * Opening the encrypted SQLite database (SQLite3MultipleCiphers through better-sqlite3's API;
 * the npm name `better-sqlite3` is an alias of better-sqlite3-multiple-ciphers, see package.json).
 *
 * Order matters: the cipher and the raw key are set before anything else touches the file.
 * The key is a raw 256-bit key (x'…'), so SQLite's own KDF does not run again.
 */
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

export type Sqlite = Database.Database;
export type Db = BetterSQLite3Database<typeof schema> & { $client: Sqlite };

export interface VaultConnection {
  sqlite: Sqlite;
  db: Db;
}

/** Why a database could not be opened; the vault service turns these into AppErrors. */
export class DatabaseOpenError extends Error {
  constructor(
    readonly reason: 'not-a-database' | 'corrupt' | 'missing',
    cause?: unknown,
  ) {
    super(`database open failed: ${reason}`, { cause });
    this.name = 'DatabaseOpenError';
  }
}

let nativeBinding: string | undefined;
/** The Electron app loads a native build compiled for Electron's ABI; tests and the CLI use Node's. */
export function setNativeBinding(path: string | undefined): void {
  nativeBinding = path;
}

/** 256 MB page cache: every page read from disk is decrypted again, so a small cache costs a lot. */
export const CACHE_SIZE_KIB = 262_144;

export interface OpenOptions {
  create: boolean;
  migrationsFolder: string;
  /** Run PRAGMA quick_check before anything is written (unlock does; re-key steps need not). */
  check?: boolean;
}

function keyPragmaValue(key: Uint8Array): string {
  if (key.length !== 32) throw new Error('data key must be 32 bytes');
  return `"x'${Buffer.from(key).toString('hex')}'"`;
}

/** Opens a connection with the cipher and key set, and proves the key reads the file. */
export function openRaw(path: string, key: Uint8Array, create: boolean): Sqlite {
  let sqlite: Sqlite;
  try {
    sqlite = new Database(path, {
      fileMustExist: !create,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
  } catch (e) {
    throw new DatabaseOpenError('missing', e);
  }
  try {
    sqlite.pragma(`cipher = 'chacha20'`);
    sqlite.pragma(`key = ${keyPragmaValue(key)}`);
    // A wrong key or a damaged first page only shows at the first read.
    sqlite.prepare('SELECT count(*) AS n FROM sqlite_master').get();
  } catch (e) {
    sqlite.close();
    throw classify(e);
  }
  return sqlite;
}

export function classify(e: unknown): DatabaseOpenError | unknown {
  const code = (e as { code?: string } | null)?.code;
  if (code === 'SQLITE_NOTADB') return new DatabaseOpenError('not-a-database', e);
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_IOERR_SHORT_READ') return new DatabaseOpenError('corrupt', e);
  return e;
}

export function openVaultDatabase(path: string, key: Uint8Array, options: OpenOptions): VaultConnection {
  const sqlite = openRaw(path, key, options.create);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    // Deleted content is overwritten with zeros, so a removed record, attachment or event does not
    // linger in free pages for whoever holds the data key. SQLite3MultipleCiphers already turns this on
    // for an encrypted database; said here so that it never depends on that.
    sqlite.pragma('secure_delete = ON');
    sqlite.pragma('temp_store = MEMORY');
    sqlite.pragma(`cache_size = -${CACHE_SIZE_KIB}`);
    sqlite.pragma('busy_timeout = 5000');
    if (options.check && !quickCheck(sqlite)) throw new DatabaseOpenError('corrupt');
    const db = drizzle(sqlite, { schema }) as Db;
    migrate(db, { migrationsFolder: options.migrationsFolder });
    return { sqlite, db };
  } catch (e) {
    sqlite.close();
    throw classify(e);
  }
}

/** Full structural check of every page: a flipped byte anywhere fails the page's authentication tag. */
export function quickCheck(sqlite: Sqlite): boolean {
  try {
    const rows = sqlite.pragma('quick_check') as { quick_check: string }[];
    return rows.length === 1 && rows[0]?.quick_check === 'ok';
  } catch {
    return false;
  }
}

/**
 * Writes a copy of the open database to `target`, still encrypted under the same key.
 * VACUUM INTO is used because SQLite's online backup API refuses encrypted databases here,
 * and serialize() would return plaintext.
 */
export function copyEncrypted(sqlite: Sqlite, target: string): void {
  sqlite.prepare('VACUUM INTO ?').run(target);
}

/**
 * Re-encrypts the database file at `path` (not open elsewhere) from `oldKey` to `newKey`.
 * Re-keying is not supported in WAL mode, so the file is switched to a rollback journal first.
 */
export function rekeyFile(path: string, oldKey: Uint8Array, newKey: Uint8Array): void {
  const sqlite = openRaw(path, oldKey, false);
  try {
    sqlite.pragma('journal_mode = DELETE');
    sqlite.pragma(`rekey = ${keyPragmaValue(newKey)}`);
  } finally {
    sqlite.close();
  }
}
