/**
 * Sign-in on the office server: the password is proven by the user's key slot, tokens end at
 * sign-out, after the organisation's auto-lock minutes idle and when the user is disabled, and
 * failed sign-ins are slowed per user name and per client address (docs/team-server.md).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AuditRepo } from '../../../db/audit.repo';
import { AppError } from '../../../shared/errors';
import { FakeClock } from '../../../test/helpers/fake-clock';
import { ADMIN, makeCore, tempDir } from '../../../test/helpers/vault';
import type { Core } from '../app-core';
import { runInCall, fixedUser } from './call-context';
import { TeamSessions } from './team-sessions';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});
const PASSWORD = 'a long password 1';

async function setUp(): Promise<{ core: Core; sessions: TeamSessions; clock: FakeClock }> {
  const { dir, cleanup } = tempDir();
  const clock = new FakeClock();
  const core = makeCore(`${dir}/vault`, clock, { callsOnly: true });
  cleanups.push(() => {
    core.dispose();
    cleanup();
  });
  await core.vault.create({ organisationName: 'Test Centre', country: 'BE', admin: ADMIN });
  const admin = core.vault.signedInHere();
  if (!admin) throw new Error('no admin');
  await runInCall(fixedUser(admin), () => core.users.add({ username: 'cw.one', displayName: 'One', role: 'caseworker', password: PASSWORD }));
  return { core, clock, sessions: new TeamSessions({ vault: core.vault, settings: core.settings, clock, logger: { info() {}, warn() {}, error() {} } }) };
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('accepted');
}

describe('team sessions', () => {
  it('signs in with the key-slot password only, and each token names its own user', async () => {
    const { sessions } = await setUp();
    const a = await sessions.signIn('cw.one', PASSWORD, '10.0.0.1');
    const b = await sessions.signIn(ADMIN.username, ADMIN.password, '10.0.0.2');
    expect(a.token).not.toBe(b.token);
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sessions.identify(a.token)?.username).toBe('cw.one');
    expect(sessions.identify(b.token)?.role).toBe('admin');
    expect((await refusal(sessions.signIn('cw.one', 'wrong password here', '10.0.0.1'))).key).toBe('wrongCredentials');
    expect((await refusal(sessions.signIn('nobody', PASSWORD, '10.0.0.1'))).key).toBe('wrongCredentials');
    sessions.signOut(a.token);
    expect(sessions.identify(a.token)).toBeNull();
    expect(sessions.identify(b.token)?.username).toBe(ADMIN.username);
  });

  it('ends a token after the auto-lock minutes without activity, not while it is used', async () => {
    const { sessions, clock, core } = await setUp();
    const minutes = core.settings.current().autoLockMinutes;
    const { token } = await sessions.signIn('cw.one', PASSWORD, '10.0.0.1');
    clock.advance((minutes - 1) * 60_000);
    expect(sessions.identify(token)).not.toBeNull(); // activity: the idle time starts again
    clock.advance((minutes - 1) * 60_000);
    expect(sessions.identify(token, false)).not.toBeNull(); // polling: does not count as activity
    clock.advance(2 * 60_000);
    expect(sessions.identify(token)).toBeNull();
    const actions = core.vault.read((db) => new AuditRepo(db).latest(5)).map((e) => [e.action, e.details]);
    expect(actions).toContainEqual(['session.lock', JSON.stringify({ reason: 'idle', via: 'server' })]);
  });

  it('ends the tokens of a disabled user at their next call', async () => {
    const { sessions, core } = await setUp();
    const { token, user } = await sessions.signIn('cw.one', PASSWORD, '10.0.0.1');
    const admin = core.vault.signedInHere();
    if (!admin) throw new Error('no admin');
    await runInCall(fixedUser(admin), () => core.users.disable({ userId: user.id }));
    expect(sessions.identify(token)).toBeNull();
  });

  it('slows guessing per user name and per client address, and audits each failure', async () => {
    const { sessions, clock, core } = await setUp();
    for (let i = 0; i < 3; i++) await refusal(sessions.signIn('cw.one', `wrong password ${i}`, '10.0.0.9'));
    // The fourth try of that user waits, even the right password, even from another address ...
    expect((await refusal(sessions.signIn('cw.one', PASSWORD, '10.0.0.10'))).key).toBe('tooManyAttempts');
    // ... and the same address waits for another user too.
    expect((await refusal(sessions.signIn(ADMIN.username, ADMIN.password, '10.0.0.9'))).key).toBe('tooManyAttempts');
    // Another user from another address is not held up.
    await expect(sessions.signIn(ADMIN.username, ADMIN.password, '10.0.0.11')).resolves.toMatchObject({ user: { role: 'admin' } });
    clock.advance(5_000);
    await expect(sessions.signIn('cw.one', PASSWORD, '10.0.0.10')).resolves.toMatchObject({ user: { username: 'cw.one' } });
    const failures = core.vault.read((db) => new AuditRepo(db).latest(50)).filter((e) => e.action === 'session.unlockFailed');
    expect(failures).toHaveLength(3);
  });
});
