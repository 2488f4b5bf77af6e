/**
 * The user of a call travels in the call's context, never in a process-wide "current session"
 * (docs/team-server.md). The router opens a context around every handler; the vault's session
 * accessors (session(), requireSession(), requireRole()) read the call's user from it.
 *
 * Two sources of users, one code path:
 * - embedded (one desktop): the context reads whoever is signed in on this desktop, live, so a
 *   call that signs in (session.unlock) sees its own result;
 * - office server: the context holds the user the call's token belongs to, fixed for the call, so
 *   interleaved calls of different users never see each other's user.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from '../../../db/connection';
import type { SessionUser } from '../../../shared/ipc/contract';

export type CallUser = SessionUser & { slotId: string };

export interface CallUserSource {
  user(): CallUser | null;
  /**
   * Run inside every write transaction of the call (VaultService.write), so that what it records
   * commits or rolls back with the write itself: the office server's request ids
   * (docs/team-server.md "Request ids").
   */
  inWrite?: (db: Db, now: string) => void;
}

const calls = new AsyncLocalStorage<CallUserSource>();

/** Runs `fn` (and everything it awaits) as a call of the user `source` gives. */
export function runInCall<T>(source: CallUserSource, fn: () => T): T {
  return calls.run(source, fn);
}

/** A context whose user is fixed for the whole call (office server: the token's user, or nobody). */
export function fixedUser(user: CallUser | null): CallUserSource {
  return { user: () => user };
}

/** The current call's write hook, if its transport gave one. */
export function currentWriteHook(): ((db: Db, now: string) => void) | undefined {
  return calls.getStore()?.inWrite;
}

/** Whether the current code runs inside a call's context. */
export function inCall(): boolean {
  return calls.getStore() !== undefined;
}

/**
 * The user of the current call. Outside any call (CLI commands and tests that drive the services
 * directly, the desktop's background reminders) the desktop's signed-in user, unless `callsOnly`:
 * the office server serves many users, so outside a call there is nobody.
 */
export function currentCallUser(desktopUser: CallUser | null, callsOnly: boolean): CallUser | null {
  const source = calls.getStore();
  if (source) return source.user();
  return callsOnly ? null : desktopUser;
}
