/**
 * Failed-unlock throttling that survives a restart, counted per user name, and the record of
 * failed attempts that reaches the audit trail at the next unlock.
 *
 * Two files beside the database, unencrypted (they must be written while locked), with no secret
 * and no personal data:
 * - `lockout.json`: per user name (as a salted hash: a name typed at the unlock screen may be a
 *   mistyped password), the count of consecutive failures and the last one's time. One person's
 *   typos delay only that name; the recovery key has its own count.
 * - `unlock-failures.log`: one line per failure (time and kind), appended, never rewritten. Waiting
 *   out or deleting `lockout.json` does not touch it; the next unlock writes its lines to the audit
 *   trail and empties it. Someone who can delete both files while the vault is locked can hide
 *   failures: nothing written while locked can be authenticated, since no key is available then
 *   (docs/vault-format.md "Failed unlocks").
 * Someone who can edit these files can also copy the vault and guess offline; the delay is
 * against guessing at the unlock screen, the KDF cost against offline guessing.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-file';

export const LOCKOUT_FILE = 'lockout.json';
export const FAILURE_LOG_FILE = 'unlock-failures.log';

export type FailureKind = 'unlock' | 'recovery';

const entrySchema = z.strictObject({ failures: z.number().int().nonnegative(), lastFailureAt: z.iso.datetime() });
const lockoutSchema = z.strictObject({
  version: z.literal(2),
  byName: z.record(z.string().regex(/^[0-9a-f]{32}$|^recovery$/), entrySchema),
});
/** The format before counts were kept per name: its pending failures still reach the audit trail. */
const legacySchema = z.object({
  pending: z.array(z.strictObject({ at: z.iso.datetime(), kind: z.enum(['unlock', 'recovery']) })).max(1000),
});
type LockoutFile = z.infer<typeof lockoutSchema>;

/** Enough failures for the longest delay. */
const DAMAGED_FAILURES = 12;
/** Names remembered at most (each guess at an unknown name adds one): the oldest are forgotten. */
const MAX_NAMES = 200;
/** Failures carried into the audit trail at most at one unlock. */
const MAX_PENDING = 1000;

/** Seconds to wait after `failures` consecutive failures: none for the first 3, then 5 s doubling, at most 5 minutes. */
export function delaySeconds(failures: number): number {
  if (failures < 3) return 0;
  return Math.min(300, 5 * 2 ** (failures - 3));
}

/** The key a name is counted under. */
export function lockoutKey(who: { username: string } | 'recovery'): string {
  if (who === 'recovery') return 'recovery';
  return createHash('sha256').update(`passerelle-lockout\u0000${who.username}`).digest('hex').slice(0, 32);
}

export interface PendingFailure {
  at: string;
  kind: FailureKind;
}

export class Lockout {
  constructor(private readonly dir: string) {}

  private get path(): string {
    return join(this.dir, LOCKOUT_FILE);
  }

  private get logPath(): string {
    return join(this.dir, FAILURE_LOG_FILE);
  }

  /**
   * A damaged file counts as many failures for every name, timed at the file's last change: the
   * delay then runs out like any other, and the next failure rewrites the file.
   */
  private readFile(): { file: LockoutFile; damagedAt: string | null } {
    const empty: LockoutFile = { version: 2, byName: {} };
    if (!existsSync(this.path)) return { file: empty, damagedAt: null };
    try {
      const json: unknown = JSON.parse(readFileSync(this.path, 'utf8'));
      const parsed = lockoutSchema.safeParse(json);
      if (parsed.success) return { file: parsed.data, damagedAt: null };
      if (legacySchema.safeParse(json).success) return { file: empty, damagedAt: null };
    } catch {
      // damaged: below
    }
    return { file: empty, damagedAt: statSync(this.path).mtime.toISOString() };
  }

  /** The consecutive failures counted for `key` and the time of the last one. */
  state(key: string): { failures: number; lastFailureAt: string | null } {
    const { file, damagedAt } = this.readFile();
    if (damagedAt) return { failures: DAMAGED_FAILURES, lastFailureAt: damagedAt };
    const e = file.byName[key];
    return e ? { failures: e.failures, lastFailureAt: e.lastFailureAt } : { failures: 0, lastFailureAt: null };
  }

  /** Seconds still to wait before another attempt under `key` is accepted. */
  remainingSeconds(now: Date, key: string): number {
    const state = this.state(key);
    if (!state.lastFailureAt) return 0;
    const delay = delaySeconds(state.failures);
    let last = new Date(state.lastFailureAt).getTime();
    if (!(last <= now.getTime())) {
      // Recorded while the clock ran ahead (or unreadable): count the delay from now, once,
      // instead of locking everyone out until that future time.
      last = now.getTime();
      const { file } = this.readFile();
      this.writeFile({ ...file, byName: { ...file.byName, [key]: { failures: state.failures, lastFailureAt: now.toISOString() } } });
    }
    return Math.max(0, Math.ceil((last + delay * 1000 - now.getTime()) / 1000));
  }

  /** The longest delay any name must still wait (for `passerelle status`). */
  longestDelaySeconds(now: Date): number {
    const { file, damagedAt } = this.readFile();
    const keys = damagedAt ? ['recovery'] : Object.keys(file.byName);
    return Math.max(0, ...keys.map((k) => this.remainingSeconds(now, k)));
  }

  recordFailure(now: Date, kind: FailureKind, key: string): { failures: number } {
    const at = now.toISOString();
    // The audit record first: it is the one that must not be lost.
    appendFileSync(this.logPath, `${at} ${kind}\n`, { mode: 0o600 });
    const { file, damagedAt } = this.readFile();
    const before = damagedAt ? DAMAGED_FAILURES : (file.byName[key]?.failures ?? 0);
    const failures = before + 1;
    const byName = Object.entries({ ...file.byName, [key]: { failures, lastFailureAt: at } })
      .sort(([, a], [, b]) => b.lastFailureAt.localeCompare(a.lastFailureAt))
      .slice(0, MAX_NAMES);
    this.writeFile({ version: 2, byName: Object.fromEntries(byName) });
    return { failures };
  }

  /** A successful unlock under `key`: its count starts again. */
  clear(key: string): void {
    const { file, damagedAt } = this.readFile();
    if (damagedAt) {
      unlinkSync(this.path);
      return;
    }
    if (!(key in file.byName)) return;
    const { [key]: _gone, ...rest } = file.byName;
    if (Object.keys(rest).length === 0) unlinkSync(this.path);
    else this.writeFile({ version: 2, byName: rest });
  }

  /** The failures not yet in the audit trail: the log's lines and those a pre-upgrade lockout file still holds. */
  pending(): PendingFailure[] {
    const out: PendingFailure[] = [];
    if (existsSync(this.logPath)) {
      for (const line of readFileSync(this.logPath, 'utf8').split('\n')) {
        const m = /^(\S+) (unlock|recovery)$/.exec(line);
        if (m && z.iso.datetime().safeParse(m[1]).success) out.push({ at: m[1] as string, kind: m[2] as FailureKind });
      }
    }
    if (existsSync(this.path)) {
      try {
        const legacy = legacySchema.safeParse(JSON.parse(readFileSync(this.path, 'utf8')));
        if (legacy.success) out.push(...legacy.data.pending);
      } catch {
        // a damaged file holds nothing readable
      }
    }
    return out.slice(-MAX_PENDING);
  }

  /** After the pending failures were committed to the audit trail. */
  pendingRecorded(): void {
    if (existsSync(this.logPath)) unlinkSync(this.logPath);
    const raw = this.rawJson();
    if (raw !== null && !lockoutSchema.safeParse(raw).success && legacySchema.safeParse(raw).success) unlinkSync(this.path);
  }

  private rawJson(): unknown {
    if (!existsSync(this.path)) return null;
    try {
      return JSON.parse(readFileSync(this.path, 'utf8'));
    } catch {
      return null;
    }
  }

  private writeFile(file: LockoutFile): void {
    writeFileAtomic(this.path, JSON.stringify(file));
  }
}
