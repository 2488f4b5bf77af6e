/**
 * Sign-in on the office server (docs/team-server.md "Sign-in and tokens"). Staff never hold the data
 * key in team mode: a password is checked by unwrapping the user's key-slot private key with it
 * (the same slot crypto as an unlock, so the password is proven without any other stored secret),
 * and the server answers with a random token that names the session for later calls.
 *
 * Tokens live in this process's memory only (a restart signs everyone out), are revoked on lock
 * and sign-out, expire after the organisation's auto-lock minutes without activity, and stop
 * working at once when the user is disabled or their key slot changes. Each call re-reads the
 * user's row, so a role change applies to the next call.
 *
 * Guessing: the failed-sign-in delay of the desktop (vault/lockout.ts delaySeconds) applies per
 * user name and per client address, so neither one address trying many users nor many addresses
 * trying one user gets more than a few guesses a minute.
 */
import { createHash, randomBytes } from 'node:crypto';
import { UsersRepo } from '../../../db/users.repo';
import { AppError } from '../../../shared/errors';
import type { SessionUser } from '../../../shared/ipc/contract';
import { deriveSlotKey, newKdfParams } from '../crypto/kdf';
import { unwrapPrivateKey, wipe } from '../crypto/slot-crypto';
import type { Clock, Logger } from '../ports';
import type { SettingsService } from '../settings/settings.service';
import { slotAad } from '../vault/keyslot-file';
import { delaySeconds } from '../vault/lockout';
import type { VaultService } from '../vault/vault.service';
import type { CallUser } from './call-context';

interface TokenEntry {
  userId: string;
  slotId: string;
  lastSeen: number;
}

interface Failures {
  count: number;
  last: number;
}

export type RevokeReason = 'manual' | 'idle' | 'disabled' | 'shutdown';

/** At most this many key derivations at once: each takes about a second and 64 MiB. */
const MAX_PARALLEL_SIGN_INS = 2;
/** Refused tokens are audited at most once a minute per client address (with a count), so garbage cannot flood the trail. */
const REFUSAL_AUDIT_INTERVAL_MS = 60_000;

function tokenKey(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}

export class TeamSessions {
  private readonly tokens = new Map<string, TokenEntry>();
  private readonly failures = new Map<string, Failures>();
  private readonly refusals = new Map<string, { count: number; auditedAt: number }>();
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly revokeListeners = new Set<(userId: string, reason: RevokeReason) => void>();

  constructor(
    private readonly deps: { vault: VaultService; settings: SettingsService; clock: Clock; logger: Logger },
  ) {}

  private now(): number {
    return this.deps.clock.now().getTime();
  }

  /** Called with the user whose token was revoked (the server closes their event stream). */
  onRevoke(listener: (userId: string, reason: RevokeReason) => void): () => void {
    this.revokeListeners.add(listener);
    return () => this.revokeListeners.delete(listener);
  }

  get openSessions(): number {
    return this.tokens.size;
  }

  private async slot<T>(fn: () => Promise<T>): Promise<T> {
    if (this.running >= MAX_PARALLEL_SIGN_INS) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running += 1;
    try {
      return await fn();
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }

  private remaining(key: string): number {
    const f = this.failures.get(key);
    if (!f) return 0;
    return Math.max(0, Math.ceil((f.last + delaySeconds(f.count) * 1000 - this.now()) / 1000));
  }

  private fail(keys: string[]): never {
    for (const key of keys) {
      const f = this.failures.get(key) ?? { count: 0, last: 0 };
      this.failures.set(key, { count: f.count + 1, last: this.now() });
    }
    this.deps.vault.write(({ audit }) =>
      audit({ actorId: null, actorName: null, action: 'session.unlockFailed', details: { kind: 'unlock', via: 'server' } }),
    );
    throw new AppError('WRONG_CREDENTIALS', 'wrongCredentials');
  }

  /** Checks the password against the user's key slot; a new token on success. */
  async signIn(username: string, password: string, client: string): Promise<{ token: string; user: SessionUser }> {
    const keys = [`user:${username.toLowerCase()}`, `addr:${client}`];
    const wait = Math.max(...keys.map((k) => this.remaining(k)));
    if (wait > 0) throw new AppError('WRONG_CREDENTIALS', 'tooManyAttempts', { seconds: wait }, { retryAfterSeconds: wait });
    const user = await this.slot(async () => {
      const body = this.deps.vault.keySlots();
      const slot = body.slots.find((s) => s.kind === 'user' && s.username === username);
      if (!slot) {
        // The key derivation still runs, so timing does not tell unknown users from wrong passwords.
        wipe(await deriveSlotKey(password, newKdfParams(body.kdfCost)));
        return null;
      }
      const kek = await deriveSlotKey(password, slot.kdf);
      const privateKey = unwrapPrivateKey(kek, slot.wrappedPrivateKey, slotAad(body.vaultId, slot));
      wipe(kek, privateKey);
      if (!privateKey || !slot.userId) return null;
      const row = this.deps.vault.read((db) => new UsersRepo(db).byId(slot.userId as string));
      if (!row || row.status !== 'active' || row.slotId !== slot.id) return null;
      return row;
    });
    if (!user) this.fail(keys);
    for (const k of keys) this.failures.delete(k);
    const token = randomBytes(32).toString('base64url');
    this.tokens.set(tokenKey(token), { userId: user.id, slotId: user.slotId, lastSeen: this.now() });
    this.deps.vault.write(({ audit }) =>
      audit({ actorId: user.id, actorName: user.username, action: 'session.unlock', details: { via: 'server' } }),
    );
    this.deps.logger.info('server.sign-in', { sessions: this.tokens.size });
    return { token, user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role } };
  }

  /**
   * The user a token names, or null (unknown, expired, revoked, user disabled or re-keyed).
   * `touch`: the call counts as activity (not for background polling).
   */
  identify(token: string, touch = true): CallUser | null {
    const key = tokenKey(token);
    const entry = this.tokens.get(key);
    if (!entry) return null;
    const idleMs = this.deps.settings.current().autoLockMinutes * 60_000;
    if (this.now() - entry.lastSeen > idleMs) {
      this.revoke(key, entry, 'idle');
      return null;
    }
    const row = this.deps.vault.read((db) => new UsersRepo(db).byId(entry.userId));
    if (!row || row.status !== 'active' || row.slotId !== entry.slotId) {
      this.revoke(key, entry, 'disabled');
      return null;
    }
    if (touch) entry.lastSeen = this.now();
    return { id: row.id, username: row.username, displayName: row.displayName, role: row.role, slotId: row.slotId };
  }

  /** Ends the session a token names (the desktop's Lock button or sign-out); unknown tokens are ignored. */
  signOut(token: string, reason: RevokeReason = 'manual'): void {
    const key = tokenKey(token);
    const entry = this.tokens.get(key);
    if (entry) this.revoke(key, entry, reason);
  }

  /** Ends every session (shutdown). */
  revokeAll(reason: RevokeReason): void {
    for (const [key, entry] of [...this.tokens]) this.revoke(key, entry, reason);
  }

  /** Ends the sessions that sat idle past the auto-lock minutes (called on a timer). */
  sweep(): void {
    const idleMs = this.deps.settings.current().autoLockMinutes * 60_000;
    for (const [key, entry] of [...this.tokens]) if (this.now() - entry.lastSeen > idleMs) this.revoke(key, entry, 'idle');
  }

  private revoke(key: string, entry: TokenEntry, reason: RevokeReason): void {
    this.tokens.delete(key);
    try {
      const row = this.deps.vault.read((db) => new UsersRepo(db).byId(entry.userId));
      this.deps.vault.write(({ audit }) =>
        audit({ actorId: entry.userId, actorName: row?.username ?? null, action: 'session.lock', details: { reason, via: 'server' } }),
      );
    } catch (e) {
      this.deps.logger.error('server.lock-audit-failed', e);
    }
    for (const l of this.revokeListeners) l(entry.userId, reason);
  }

  /** Records a call that carried a token naming no session; audited once a minute per address, with a count. */
  refused(client: string): void {
    const r = this.refusals.get(client) ?? { count: 0, auditedAt: 0 };
    r.count += 1;
    this.refusals.set(client, r);
    if (this.now() - r.auditedAt < REFUSAL_AUDIT_INTERVAL_MS) return;
    const count = r.count;
    r.count = 0;
    r.auditedAt = this.now();
    try {
      this.deps.vault.write(({ audit }) => audit({ actorId: null, actorName: null, action: 'session.tokenRefused', details: { count } }));
    } catch (e) {
      this.deps.logger.error('server.refusal-audit-failed', e);
    }
  }
}
