/**
 * Vault backups: one plain (uncompressed) tar file holding exactly three entries, in this order:
 *
 *   manifest.json  { format: 'passerelle-backup', version: 1, vaultId, createdAt, auditSeq,
 *                    files: { 'keyslots.json': { size, sha256 }, 'vault.db': { size, sha256 } } }
 *   keyslots.json  the key-slot file, as in the vault folder (checksummed and MACed)
 *   vault.db       a consistent copy of the database made with VACUUM INTO: still encrypted page
 *                  by page under the data key. serialize() (plaintext) and the online backup API
 *                  (refuses encrypted databases) are never used.
 *
 * The file therefore protects exactly what the vault folder protects: nothing in it is readable
 * without a staff password or the recovery key. The manifest's hashes catch accidental damage
 * before anyone is asked for a password; deliberate tampering is caught when the restored vault is
 * unlocked (key-slot MAC, per-page authentication, audit anchor) and its audit trail verified.
 *
 * Staging happens in a hidden folder next to the output file or the target vault, never in the
 * OS temp dir, and is removed afterwards. A restore never deletes anything: a vault it replaces
 * (only with `force`) is moved aside to `<dir>.before-restore-<timestamp>`.
 * Format documented in docs/cli.md ("Backup file format").
 */
import { createHash } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  createReadStream,
  existsSync,
  fsyncSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { create as tarCreate, list as tarList, type ReadEntry } from 'tar';
import { z } from 'zod';
import { publishExclusive } from '../files/exclusive-file';
import { AppError } from '../../../shared/errors';
import { fsyncDir } from './atomic-file';
import { acquireDirLock, DIR_LOCK_FILE } from './dir-lock';
import { DATABASE_FILE, KEYSLOT_FILE, parseKeySlotFile, type KeySlotFile } from './keyslot-file';
import type { VaultService } from './vault.service';
import { folderIsEmpty } from './vault-files';

export const BACKUP_FORMAT = 'passerelle-backup';
export const BACKUP_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';

/** The entries of a backup, in the order they are written, with the largest size accepted for each. */
export const BACKUP_ENTRY_LIMITS: Readonly<Record<string, number>> = {
  [MANIFEST_FILE]: 64 * 1024,
  [KEYSLOT_FILE]: 4 * 1024 * 1024,
  [DATABASE_FILE]: 256 * 1024 ** 3,
};
const ENTRY_ORDER = [MANIFEST_FILE, KEYSLOT_FILE, DATABASE_FILE] as const;

const fileInfoSchema = z.strictObject({
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

const manifestSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  vaultId: z.uuid(),
  createdAt: z.iso.datetime(),
  /** The audit entry the key-slot file in the backup anchors (the `vault.backup` entry itself). */
  auditSeq: z.number().int().nonnegative(),
  files: z.strictObject({
    [KEYSLOT_FILE]: fileInfoSchema,
    [DATABASE_FILE]: fileInfoSchema,
  }),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

export interface BackupResult {
  file: string;
  manifest: BackupManifest;
  bytes: number;
}

export interface RestoreOptions {
  /** Replace a non-empty target: the old folder is moved aside, never deleted. */
  force?: boolean;
  /**
   * Checks the extracted vault in its staging folder before it is put in place, e.g. unlocks it
   * with an administrator's password and verifies the audit trail. Throwing aborts the restore.
   */
  verify?: (stagingDir: string, manifest: BackupManifest) => Promise<void> | void;
  /** Overrides of BACKUP_ENTRY_LIMITS (tests). */
  limits?: Partial<Record<string, number>>;
  now?: () => Date;
}

export interface RestoreResult {
  vaultDir: string;
  manifest: BackupManifest;
  /** Where the replaced vault folder was moved, when `force` replaced one. */
  movedAside: string | null;
}

function invalid(reason: string): AppError {
  return new AppError('PACKAGE_REJECTED', 'backupInvalid', undefined, { reason });
}

function sha256File(path: string): Promise<string> {
  return new Promise((ok, fail) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', fail)
      .on('end', () => ok(hash.digest('hex')));
  });
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Refuses an output path that already exists (a backup never overwrites another file). */
export function checkBackupTarget(outFile: string): void {
  if (existsSync(outFile)) throw new AppError('CONFLICT', 'fileExists');
}

/** Refuses a non-empty target folder unless `force`, and a target that is not a folder at all. */
export function checkRestoreTarget(vaultDir: string, force: boolean): void {
  const notAFolder = existsSync(vaultDir) && !statSync(vaultDir).isDirectory();
  if (notAFolder || (!force && !folderIsEmpty(vaultDir))) throw new AppError('CONFLICT', 'targetNotEmpty');
}

/**
 * Writes a backup of the unlocked vault to `outFile` (administrators only). The copy is made while
 * this process holds the vault, so it is consistent; a `vault.backup` entry is added to the audit
 * trail first, so the backup records that it was taken.
 */
export async function createBackup(
  vault: VaultService,
  outFile: string,
  options: { now?: () => Date } = {},
): Promise<BackupResult> {
  vault.requireRole('admin');
  const out = resolve(outFile);
  checkBackupTarget(out);
  const outDir = dirname(out);
  mkdirSync(outDir, { recursive: true });
  const staging = mkdtempSync(join(outDir, '.passerelle-backup-'));
  try {
    const { auditSeq } = vault.backupTo(staging);
    const keySlots = parseKeySlotFile(readFileSync(join(staging, KEYSLOT_FILE), 'utf8'));
    const files = {
      [KEYSLOT_FILE]: { size: statSync(join(staging, KEYSLOT_FILE)).size, sha256: await sha256File(join(staging, KEYSLOT_FILE)) },
      [DATABASE_FILE]: { size: statSync(join(staging, DATABASE_FILE)).size, sha256: await sha256File(join(staging, DATABASE_FILE)) },
    };
    const manifest: BackupManifest = manifestSchema.parse({
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      vaultId: keySlots.vaultId,
      createdAt: (options.now?.() ?? new Date()).toISOString(),
      auditSeq,
      files,
    });
    writeFileSync(join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    const tarFile = join(staging, 'backup.tar');
    // portable: no user or group names, no host-specific metadata in the headers.
    await tarCreate({ file: tarFile, cwd: staging, portable: true, gzip: false, noDirRecurse: true }, [...ENTRY_ORDER]);
    chmodSync(tarFile, 0o600);
    fsyncFile(tarFile);
    // Published with link(2), never rename(2): a file or link put at `out` since the check above is
    // refused, not replaced or followed (core/files/exclusive-file.ts).
    publishExclusive(tarFile, out);
    return { file: out, manifest, bytes: statSync(out).size };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** True when the first block is a POSIX (ustar) tar header; compressed or foreign files are refused. */
function looksLikeTar(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const block = Buffer.alloc(512);
    const n = readSync(fd, block, 0, 512, 0);
    return n === 512 && block.toString('latin1', 257, 262) === 'ustar';
  } finally {
    closeSync(fd);
  }
}

interface Extracted {
  size: number;
  sha256: string;
}

/**
 * Extracts the expected entries of a backup into `dir`, writing each under its own fixed name.
 * Anything else (another name, a path with a separator or `..`, a link or folder, a duplicate,
 * an entry above its size limit) rejects the whole file.
 */
async function extractEntries(file: string, dir: string, limits: Record<string, number>): Promise<Map<string, Extracted>> {
  const found = new Map<string, Extracted>();
  const pending: Promise<void>[] = [];
  let problem: string | null = null;
  const reject = (reason: string) => {
    problem ??= reason;
  };

  const onEntry = (entry: ReadEntry) => {
    if (problem) return;
    const name = entry.path;
    const limit = Object.prototype.hasOwnProperty.call(limits, name) ? limits[name] : undefined;
    if (name.includes('/') || name.includes('\\') || name.includes('..') || name.includes('\0')) return reject('entry-path');
    if (limit === undefined) return reject('unexpected-entry');
    if (entry.type !== 'File') return reject('entry-type');
    if (found.has(name) || pending.length >= ENTRY_ORDER.length) return reject('duplicate-entry');
    if (entry.size > limit) return reject('entry-too-large');
    const fd = openSync(join(dir, name), 'wx', 0o600);
    const hash = createHash('sha256');
    let written = 0;
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      closeSync(fd);
    };
    found.set(name, { size: -1, sha256: '' });
    pending.push(
      new Promise<void>((done) => {
        entry.on('data', (chunk: Buffer) => {
          if (closed) return;
          written += chunk.length;
          if (written > limit) {
            reject('entry-too-large');
            close();
            return;
          }
          try {
            let off = 0;
            while (off < chunk.length) off += writeSync(fd, chunk, off, chunk.length - off);
            hash.update(chunk);
          } catch {
            reject('write-failed');
            close();
          }
        });
        entry.on('end', () => {
          if (!closed) {
            fsyncSync(fd);
            close();
            found.set(name, { size: written, sha256: hash.digest('hex') });
          }
          done();
        });
      }),
    );
  };

  try {
    await tarList({ file, strict: true, onReadEntry: onEntry });
  } catch {
    reject('not-a-backup-archive');
  }
  await Promise.all(pending);
  if (problem) throw invalid(problem);
  for (const name of ENTRY_ORDER) if (!found.has(name)) throw invalid('missing-entry');
  return found;
}

function readManifest(dir: string, extracted: Map<string, Extracted>): BackupManifest {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8'));
  } catch {
    throw invalid('manifest');
  }
  const head = z.object({ format: z.string(), version: z.number() }).safeParse(json);
  if (!head.success || head.data.format !== BACKUP_FORMAT) throw invalid('manifest');
  if (head.data.version !== BACKUP_VERSION) throw invalid('unsupported-version');
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw invalid('manifest');
  const manifest = parsed.data;
  for (const name of [KEYSLOT_FILE, DATABASE_FILE] as const) {
    const got = extracted.get(name);
    const want = manifest.files[name];
    if (!got || got.size !== want.size || got.sha256 !== want.sha256) throw invalid('checksum');
  }
  return manifest;
}

function checkKeySlots(dir: string, manifest: BackupManifest): KeySlotFile {
  let keySlots: KeySlotFile;
  try {
    keySlots = parseKeySlotFile(readFileSync(join(dir, KEYSLOT_FILE), 'utf8'));
  } catch {
    throw invalid('keyslots');
  }
  if (keySlots.vaultId !== manifest.vaultId) throw invalid('vault-id-mismatch');
  if (keySlots.audit.seq !== manifest.auditSeq) throw invalid('audit-seq-mismatch');
  return keySlots;
}

function asideName(vaultDir: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let candidate = `${vaultDir}.before-restore-${stamp}`;
  for (let n = 2; existsSync(candidate); n++) candidate = `${vaultDir}.before-restore-${stamp}-${n}`;
  return candidate;
}

/**
 * Restores a backup into `vaultDir`. Nothing in `vaultDir` changes unless every check passes:
 * the archive holds exactly the expected entries within their size limits, the manifest and the
 * hashes match, the key-slot file parses and belongs to the manifest's vault, and `verify` (the
 * caller's unlock and audit check) succeeds on the extracted copy. Only then is a non-empty target
 * (with `force`) moved aside and the restored folder renamed into place.
 */
export async function restoreBackup(file: string, vaultDir: string, options: RestoreOptions = {}): Promise<RestoreResult> {
  const source = resolve(file);
  const target = resolve(vaultDir);
  checkRestoreTarget(target, options.force === true);
  if (!existsSync(source) || !statSync(source).isFile()) throw invalid('file-not-found');
  if (!looksLikeTar(source)) throw invalid('not-a-backup-archive');
  const limits = { ...BACKUP_ENTRY_LIMITS } as Record<string, number>;
  for (const [name, limit] of Object.entries(options.limits ?? {})) {
    if (limit !== undefined && name in limits) limits[name] = limit;
  }

  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const staging = mkdtempSync(join(parent, `.${basename(target)}.restore-`));
  let movedAside: string | null = null;
  try {
    const extracted = await extractEntries(source, staging, limits);
    const manifest = readManifest(staging, extracted);
    checkKeySlots(staging, manifest);
    unlinkSync(join(staging, MANIFEST_FILE));
    await options.verify?.(staging, manifest);
    // The verification may have left a lock or lockout file behind; they do not belong to the copy.
    rmSync(join(staging, DIR_LOCK_FILE), { force: true });

    // Put it in place. The target is checked again: it may have changed while we verified.
    checkRestoreTarget(target, options.force === true);
    if (existsSync(target) && !folderIsEmpty(target)) {
      // Refuses while the app or another CLI has it open. Released before the rename: Windows
      // cannot rename a folder while a file in it is open, and the lock is an open file.
      acquireDirLock(target)();
      const aside = asideName(target, options.now?.() ?? new Date());
      renameSync(target, aside);
      rmSync(join(aside, DIR_LOCK_FILE), { force: true });
      movedAside = aside;
    } else if (existsSync(target)) {
      rmdirSync(target);
    }
    try {
      renameSync(staging, target);
      chmodSync(target, 0o700);
    } catch (e) {
      if (movedAside && !existsSync(target)) {
        renameSync(movedAside, target);
        movedAside = null;
      }
      throw e;
    }
    fsyncDir(parent);
    return { vaultDir: target, manifest, movedAside };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
