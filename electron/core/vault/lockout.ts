/**
 * Failed-unlock throttling that survives a restart. The file lives beside the database,
 * unencrypted (it must be readable while locked) and holds no secret and no personal data:
 * a count, a time, and for each failure its kind, to be written to the audit trail at the next unlock.
 * Someone who can edit this file can also copy the vault and guess offline; the delay is
 * against guessing at the unlock screen, the KDF cost against offline guessing.
 */
import { existsSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-file';

export const LOCKOUT_FILE = 'lockout.json';

const lockoutSchema = z.object({
  failures: z.number().int().nonnegative(),
  lastFailureAt: z.string().nullable(),
  pending: z.array(z.strictObject({ at: z.iso.datetime(), kind: z.enum(['unlock', 'recovery']) })).max(1000),
});
export type LockoutState = z.infer<typeof lockoutSchema>;

/** Enough failures for the longest delay. */
const DAMAGED_FAILURES = 12;

const EMPTY: LockoutState = { failures: 0, lastFailureAt: null, pending: [] };

/** Seconds to wait after `failures` consecutive failures: none for the first 3, then 5 s doubling, at most 5 minutes. */
export function delaySeconds(failures: number): number {
  if (failures < 3) return 0;
  return Math.min(300, 5 * 2 ** (failures - 3));
}

export class Lockout {
  constructor(private readonly dir: string) {}

  private get path(): string {
    return join(this.dir, LOCKOUT_FILE);
  }

  /**
   * A damaged file counts as many failures, timed at the file's last change: the delay then
   * runs out like any other, and the next failure rewrites the file.
   */
  read(): LockoutState {
    if (!existsSync(this.path)) return { ...EMPTY, pending: [] };
    const damaged = (): LockoutState => ({ failures: DAMAGED_FAILURES, lastFailureAt: statSync(this.path).mtime.toISOString(), pending: [] });
    try {
      const parsed = lockoutSchema.safeParse(JSON.parse(readFileSync(this.path, 'utf8')));
      return parsed.success ? parsed.data : damaged();
    } catch {
      return damaged();
    }
  }

  /** Seconds still to wait before another attempt is accepted. */
  remainingSeconds(now: Date): number {
    const state = this.read();
    if (!state.lastFailureAt) return 0;
    const delay = delaySeconds(state.failures);
    let last = new Date(state.lastFailureAt).getTime();
    if (!(last <= now.getTime())) {
      // Recorded while the clock ran ahead (or unreadable): count the delay from now, once,
      // instead of locking everyone out until that future time.
      last = now.getTime();
      writeFileAtomic(this.path, JSON.stringify({ ...state, lastFailureAt: now.toISOString() }));
    }
    return Math.max(0, Math.ceil((last + delay * 1000 - now.getTime()) / 1000));
  }

  recordFailure(now: Date, kind: 'unlock' | 'recovery'): LockoutState {
    const state = this.read();
    const next: LockoutState = {
      failures: state.failures + 1,
      lastFailureAt: now.toISOString(),
      pending: [...state.pending, { at: now.toISOString(), kind }].slice(-1000),
    };
    writeFileAtomic(this.path, JSON.stringify(next));
    return next;
  }

  clear(): void {
    if (existsSync(this.path)) unlinkSync(this.path);
  }
}
