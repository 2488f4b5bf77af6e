import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, makeCore, newVault } from '../../../test/helpers/vault';
import { FakeClock } from '../../../test/helpers/fake-clock';
import { AppError } from '../../../shared/errors';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

async function setup(clock = new FakeClock()) {
  const v = await newVault(clock);
  cleanups.push(v.cleanup);
  return v;
}

async function expectError(p: Promise<unknown> | (() => unknown), code: string, key?: string) {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe(code);
    if (key) expect((e as AppError).key).toBe(key);
    return e as AppError;
  }
  throw new Error(`expected ${code}`);
}

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir)) if (f !== 'lockout.json' && f !== 'unlock-failures.log' && f !== 'vault.lock') out[f] = readFileSync(join(dir, f)).toString('base64');
  return out;
}

describe('vault: create, lock, unlock', () => {
  it('creates a vault that unlocks with the admin password after locking', async () => {
    const { core } = await setup();
    expect(core.vault.state()).toBe('unlocked');
    core.vault.lock();
    expect(core.vault.state()).toBe('locked');
    const user = await core.vault.unlock(ADMIN.username, ADMIN.password);
    expect(user.role).toBe('admin');
    expect(core.audit.verify().ok).toBe(true);
  });

  it('gives one message for an unknown user and a wrong password, and changes nothing', async () => {
    const { core, dir } = await setup();
    core.vault.lock();
    const before = snapshot(dir);
    const a = await expectError(core.vault.unlock('nobody', ADMIN.password), 'WRONG_CREDENTIALS', 'wrongCredentials');
    const b = await expectError(core.vault.unlock(ADMIN.username, 'wrong password!!'), 'WRONG_CREDENTIALS', 'wrongCredentials');
    expect(a.message).toBe(b.message);
    expect(snapshot(dir)).toEqual(before);
    expect(core.vault.state()).toBe('locked');
  });

  it('delays attempts after repeated failures, also across a restart, and audits the failures', async () => {
    const clock = new FakeClock();
    const { core, dir } = await setup(clock);
    core.vault.lock();
    for (let i = 0; i < 3; i++) await expectError(core.vault.unlock(ADMIN.username, 'wrong password!!'), 'WRONG_CREDENTIALS', 'wrongCredentials');
    const restarted = makeCore(dir, clock);
    const err = await expectError(restarted.vault.unlock(ADMIN.username, ADMIN.password), 'WRONG_CREDENTIALS', 'tooManyAttempts');
    expect(err.details?.retryAfterSeconds).toBe(5);
    clock.advance(5_000);
    await restarted.vault.unlock(ADMIN.username, ADMIN.password);
    const actions = restarted.audit.latest({ limit: 10 }).map((e) => e.action);
    expect(actions.filter((a) => a === 'session.unlockFailed')).toHaveLength(3);
    restarted.dispose();
  });
});

describe('vault: users and keys', () => {
  it('lets two users unlock; a disabled user and the old data key both fail afterwards', async () => {
    const { core, dir } = await setup();
    const bob = await core.users.add({ username: 'bob', displayName: 'Bob', role: 'caseworker', password: 'bob password 123' });
    core.vault.lock();
    expect((await core.vault.unlock('bob', 'bob password 123')).role).toBe('caseworker');
    core.vault.lock();
    await core.vault.unlock(ADMIN.username, ADMIN.password);
    const oldSlots = JSON.parse(readFileSync(join(dir, 'keyslots.json'), 'utf8'));
    await core.users.disable({ userId: bob.id });
    const newSlots = JSON.parse(readFileSync(join(dir, 'keyslots.json'), 'utf8'));
    expect(newSlots.generation).toBe(oldSlots.generation + 1);
    expect(newSlots.slots.some((s: { username: string }) => s.username === 'bob')).toBe(false);
    core.vault.lock();
    await expectError(core.vault.unlock('bob', 'bob password 123'), 'WRONG_CREDENTIALS', 'wrongCredentials');
    expect(existsSync(join(dir, 'vault.db'))).toBe(true);
    await core.vault.unlock(ADMIN.username, ADMIN.password);
    expect(core.audit.verify().ok).toBe(true);
  });
});

describe('vault: failed-unlock file', () => {
  it('treats a damaged lockout file as the longest delay, which then runs out', async () => {
    const { writeFileSync, utimesSync } = await import('node:fs');
    const clock = new FakeClock();
    const { core, dir } = await setup(clock);
    core.vault.lock();
    const path = join(dir, 'lockout.json');
    writeFileSync(path, '{not json');
    const changed = clock.now();
    utimesSync(path, changed, changed);
    const err = await expectError(core.vault.unlock(ADMIN.username, ADMIN.password), 'WRONG_CREDENTIALS', 'tooManyAttempts');
    expect(err.details?.retryAfterSeconds).toBe(300);
    clock.advance(300_000);
    await core.vault.unlock(ADMIN.username, ADMIN.password);
    expect(existsSync(path)).toBe(false);
  });
});
