import { afterEach, describe, expect, it } from 'vitest';
import { AutoLock } from './auto-lock';
import { FakeClock } from '../../test/helpers/fake-clock';
import { ADMIN, newVault } from '../../test/helpers/vault';

const MIN = 60_000;

describe('AutoLock (fake clock)', () => {
  it('fires once after the idle time, not before', () => {
    const clock = new FakeClock();
    let locks = 0;
    const auto = new AutoLock(clock, () => locks++);
    auto.start(5);
    clock.advance(5 * MIN - 1);
    expect(locks).toBe(0);
    clock.advance(1);
    expect(locks).toBe(1);
    clock.advance(60 * MIN);
    expect(locks).toBe(1);
    expect(auto.isRunning()).toBe(false);
  });

  it('restarts the wait on activity', () => {
    const clock = new FakeClock();
    let locks = 0;
    const auto = new AutoLock(clock, () => locks++);
    auto.start(5);
    for (let i = 0; i < 10; i++) {
      clock.advance(4 * MIN);
      auto.activity();
    }
    expect(locks).toBe(0);
    clock.advance(5 * MIN);
    expect(locks).toBe(1);
  });

  it('applies a changed setting to the running wait', () => {
    const clock = new FakeClock();
    let locks = 0;
    const auto = new AutoLock(clock, () => locks++);
    auto.start(10);
    clock.advance(3 * MIN);
    // Already idle longer than the new, shorter time: locks at the next tick.
    auto.setTimeoutMinutes(2);
    expect(locks).toBe(0);
    clock.advance(1);
    expect(locks).toBe(1);
    // A longer time on a fresh start is honoured too.
    auto.start(2);
    auto.setTimeoutMinutes(8);
    clock.advance(7 * MIN);
    expect(locks).toBe(1);
    clock.advance(1 * MIN);
    expect(locks).toBe(2);
  });

  it('does nothing once stopped, and ignores activity while stopped', () => {
    const clock = new FakeClock();
    let locks = 0;
    const auto = new AutoLock(clock, () => locks++);
    auto.start(1);
    auto.stop();
    auto.activity();
    clock.advance(10 * MIN);
    expect(locks).toBe(0);
  });
});

describe('auto-lock of the vault', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((c) => c()));

  it('locks an idle vault after the configured minutes and tells the UI why', async () => {
    const clock = new FakeClock();
    const v = await newVault(clock);
    cleanups.push(v.cleanup);
    const events: unknown[] = [];
    v.core.onEvent((name, payload) => events.push({ name, payload }));
    v.core.vault.lock();
    await v.core.vault.unlock(ADMIN.username, ADMIN.password);
    clock.advance(4 * MIN);
    await v.core.router.call('session.activity', {});
    clock.advance(4 * MIN);
    expect(v.core.vault.state()).toBe('unlocked');
    // Polling the status does not count as activity.
    await v.core.router.call('app.status', {});
    clock.advance(1 * MIN);
    expect(v.core.vault.state()).toBe('locked');
    expect(events.at(-1)).toEqual({ name: 'session.changed', payload: { state: 'locked', reason: 'idle' } });
    expect(v.core.autoLock.isRunning()).toBe(false);
  });

  it('uses the admin setting for the idle time', async () => {
    const clock = new FakeClock();
    const v = await newVault(clock);
    cleanups.push(v.cleanup);
    v.core.settings.update({ autoLockMinutes: 1 });
    clock.advance(MIN);
    expect(v.core.vault.state()).toBe('locked');
  });
});
