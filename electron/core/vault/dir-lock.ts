/**
 * One process at a time may hold a vault open (the app or the CLI). A `vault.lock` file holds
 * the owner's process id; a lock left by a process that no longer runs is taken over.
 */
import { openSync, closeSync, writeSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';

export const DIR_LOCK_FILE = 'vault.lock';
const heldHere = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireDirLock(dir: string): () => void {
  const path = join(dir, DIR_LOCK_FILE);
  if (heldHere.has(path)) throw new AppError('CONFLICT', 'vaultBusy');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      heldHere.add(path);
      return () => {
        heldHere.delete(path);
        try {
          unlinkSync(path);
        } catch {
          /* already gone */
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw new AppError('CONFLICT', 'vaultBusy');
      }
      unlinkSync(path); // stale: its process is gone
    }
  }
  throw new AppError('CONFLICT', 'vaultBusy');
}
