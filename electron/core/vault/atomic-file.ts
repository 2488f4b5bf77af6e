/** Atomic replacement of a small file: write a temp file, fsync it, rename over, fsync the folder. */
import { closeSync, fsyncSync, openSync, renameSync, writeSync, unlinkSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { randomBytes } from 'node:crypto';

export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some platforms (Windows) cannot open a folder for fsync; rename is still atomic there.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Test seam: called between the temporary file's fsync and its rename, so a test can kill the
 * process exactly there (test/crash/). Unset in the app.
 */
export const atomicWriteHooks: { beforeRename?: (tmpPath: string) => void } = {};

export function writeFileAtomic(path: string, data: string | Buffer): void {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    try { unlinkSync(tmp); } catch { /* already gone */ }
    throw e;
  }
  closeSync(fd);
  try {
    atomicWriteHooks.beforeRename?.(tmp);
    renameSync(tmp, path);
  } catch (e) {
    // A rename refused (on Windows: the target held open) leaves no temp file per attempt; the
    // caller may retry every few seconds (the audit anchor does).
    try { unlinkSync(tmp); } catch { /* already gone */ }
    throw e;
  }
  fsyncDir(dir);
}
