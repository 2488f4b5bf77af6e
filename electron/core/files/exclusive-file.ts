/**
 * Files the app writes where a user asked (handover packages, receipts, key cards, backups, summary
 * PDFs, calendar files): the final name is created exclusively, never replaced, never followed.
 *
 * - The content goes first to a temporary file beside the target, created with O_CREAT|O_EXCL
 *   ('wx': refused if anything, even a dangling symbolic link, has that name) and mode 0600.
 * - It is then published with link(2), which creates the final name only if nothing has it and does
 *   not follow a symbolic link planted there: no check-then-rename window in which another program
 *   could put a file or a link at the target and have it replaced or written through. rename(2)
 *   would silently replace whatever is there by then.
 * - On file systems without hard links (FAT or exFAT USB sticks, some network shares) the content is
 *   copied with COPYFILE_EXCL, which also creates the target with O_EXCL; the file is then visible
 *   while it is being written, but never over something else.
 * A target that exists is refused with CONFLICT `fileExists`; the temporary file is always removed.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, copyFileSync, fsyncSync, linkSync, openSync, rmSync, writeSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../../shared/errors';

export const EXPORT_FILE_MODE = 0o600;

/** A temporary name beside the target (same folder, so same file system for link). */
export function temporaryNameFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.partial`);
}

function fileExists(): AppError {
  return new AppError('CONFLICT', 'fileExists');
}

function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some platforms (Windows) cannot open a folder for fsync; the file itself was synced.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Gives `temp` (complete and synced) the name `target`, only if nothing has that name. Removes `temp`. */
export function publishExclusive(temp: string, target: string): void {
  try {
    linkSync(temp, target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw fileExists();
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EXDEV') throw e;
    try {
      copyFileSync(temp, target, constants.COPYFILE_EXCL);
    } catch (copyError) {
      if ((copyError as NodeJS.ErrnoException).code === 'EEXIST') throw fileExists();
      throw copyError;
    }
  } finally {
    rmSync(temp, { force: true });
  }
  syncFolder(dirname(target));
}

/** Writes `data` as a new file at `target` (see above). */
export function writeNewFileSync(target: string, data: Uint8Array | string): void {
  const temp = temporaryNameFor(target);
  const fd = openSync(temp, 'wx', EXPORT_FILE_MODE);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw e;
  }
  closeSync(fd);
  publishExclusive(temp, target);
}

/** Streams a new file to `target` (see above): `write` gets the temporary file's handle. */
export async function writeNewFile(target: string, write: (fh: FileHandle) => Promise<void>): Promise<void> {
  const temp = temporaryNameFor(target);
  const fh = await open(temp, 'wx', EXPORT_FILE_MODE);
  try {
    try {
      await write(fh);
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
  publishExclusive(temp, target);
}
