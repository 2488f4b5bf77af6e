/**
 * Reminders fed by the office server: each desktop shows its own user's reminders (case code and
 * kind only), and a reminder fires once per user across restarts of the desktops and of the server
 * (the "already shown" record is kept per user in the vault); a desktop whose notifications are
 * turned off shows nothing and records nothing, and those choices are the desktop's own. Two caseworkers on one real server
 * on 127.0.0.1; the server's clock is fixed on a Wednesday so the reminder days do not depend on
 * the day the test runs.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Notifier, ReminderNotification } from '../../electron/core/reminders/reminder-ports';
import { memoryReminderPrefs, type DesktopReminderPrefsStore } from '../../electron/core/reminders/reminder-notifications';
import { RemoteDesktop } from '../../electron/remote/remote-desktop';
import { RemoteRouter } from '../../electron/remote/remote-router';
import type { TeamServer } from '../../electron/server/serve';
import type { Out } from '../../shared/ipc/contract';
import { FakeClock } from '../helpers/fake-clock';
import { serve, STAFF_PASSWORD, teamVault } from './team-fixtures';

const cleanups: (() => void | Promise<void>)[] = [];
afterAll(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

const TODAY = '2026-12-09';

function recorder(): Notifier & { shown: ReminderNotification[] } {
  const shown: ReminderNotification[] = [];
  return { shown, notify: (n) => void shown.push(n) };
}

async function signedIn(server: TeamServer, username: string): Promise<RemoteRouter> {
  const router = await RemoteRouter.connect({ url: server.url, fingerprint: server.fingerprint.display, retryForMs: 0 });
  const res = await router.call('session.unlock', { username, password: STAFF_PASSWORD });
  if (!res.ok) throw new Error(`sign-in ${username}: ${res.error.code}`);
  cleanups.push(() => router.close());
  return router;
}

async function value<T>(promise: Promise<{ ok: boolean }>): Promise<T> {
  const res = (await promise) as { ok: true; value: T } | { ok: false; error: { code: string } };
  if (!res.ok) throw new Error(res.error.code);
  return res.value;
}

/** A desktop of `username`: its notifications go to `notifier`; one round is run by hand. */
async function desktop(server: TeamServer, username: string, notifier: Notifier, reminderPrefs?: DesktopReminderPrefsStore): Promise<RemoteDesktop> {
  const d = await RemoteDesktop.connect({
    url: server.url,
    fingerprint: server.fingerprint.display,
    retryForMs: 0,
    reminders: { notifier, language: () => 'en', intervalMs: 3_600_000 },
    ...(reminderPrefs ? { reminderPrefs } : {}),
  });
  cleanups.push(() => d.close());
  const res = await d.call('session.unlock', { username, password: STAFF_PASSWORD });
  if (!res.ok) throw new Error(res.error.code);
  await d.checkReminders();
  return d;
}

describe('reminders fed by the office server', { timeout: 300_000 }, () => {
  it("shows each user their own reminders once, across restarts of the desktops and of the server", async () => {
    const vault = await teamVault();
    cleanups.push(vault.cleanup);
    const clock = new FakeClock(`${TODAY}T10:00:00.000Z`);
    let server = await serve(vault.dir, { clock });
    let stopped = false;
    cleanups.push(() => (stopped ? undefined : server.stop()));

    // The coordinator registers two persons, one for each caseworker.
    const coord = await signedIn(server, 'co.ord');
    const staff = await value<Out<'persons.assignees'>>(coord.call('persons.assignees', {}));
    const codes: Record<string, string> = {};
    for (const username of ['cw.one', 'cw.two']) {
      const worker = staff.find((s) => s.displayName === `${username} display`);
      const person = await value<Out<'persons.create'>>(coord.call('persons.create', { givenNames: 'Test', familyName: `Family of ${username}` }));
      await value(coord.call('persons.assign', { personId: person.person.id, caseworkerId: worker?.id ?? null }));
      codes[username] = person.person.caseCode;
      // Each caseworker has a task for their person, due today.
      const own = await signedIn(server, username);
      await value(own.call('tasks.create', { title: 'Call the guardian', dueDate: TODAY, personId: person.person.id }));
    }

    const one = recorder();
    const two = recorder();
    // Notifications turned off on cw.two's desktop: nothing shown, nothing recorded as shown.
    const twoPrefs = memoryReminderPrefs({ notifications: false }, { notifications: true, tray: true });
    const d2 = await desktop(server, 'cw.two', two, twoPrefs);
    expect(two.shown).toHaveLength(0);
    let d1 = await desktop(server, 'cw.one', one);
    // Turned on again the same day, in Settings (answered by the desktop, not the server): it comes, once.
    const turnedOn = await d2.call('reminders.setDesktopPrefs', { notifications: true, digest: { enabled: false, time: '08:00' }, keepRunningInTray: false });
    expect(turnedOn).toMatchObject({ ok: true, value: { notifications: true, supported: { notifications: true } } });
    expect(twoPrefs.get().notifications).toBe(true);
    await d2.checkReminders();
    expect(one.shown).toHaveLength(1);
    expect(two.shown).toHaveLength(1);
    expect(one.shown[0]?.title).toContain(codes['cw.one']);
    expect(two.shown[0]?.title).toContain(codes['cw.two']);
    // Case code and kind only: never a name or the task's own words.
    for (const n of [...one.shown, ...two.shown]) {
      expect(`${n.title} ${n.body}`).not.toMatch(/Family|Test|guardian/);
      expect(`${n.title} ${n.body}`).not.toContain(codes[n === one.shown[0] ? 'cw.two' : 'cw.one']);
    }

    // Another round on the same desktop: nothing new.
    expect(await d1.checkReminders()).toBe(0);
    // The desktop restarts: still nothing.
    d1.close();
    d1 = await desktop(server, 'cw.one', one);
    expect(one.shown).toHaveLength(1);

    // The server restarts (same vault): nothing is shown again to either user.
    await server.stop();
    stopped = true;
    server = await serve(vault.dir, { clock });
    stopped = false;
    const after1 = await desktop(server, 'cw.one', one);
    await desktop(server, 'cw.two', two);
    expect(one.shown).toHaveLength(1);
    expect(two.shown).toHaveLength(1);

    // A new reminder after the restart is shown to its user, once.
    const own = await signedIn(server, 'cw.one');
    const people = await value<Out<'persons.list'>>(own.call('persons.list', { status: 'all' }));
    await value(own.call('tasks.create', { title: 'Book an interpreter', dueDate: TODAY, personId: people.items[0]?.id ?? null }));
    expect(await after1.checkReminders()).toBe(1);
    expect(await after1.checkReminders()).toBe(0);
    expect(one.shown).toHaveLength(2);
    expect(two.shown).toHaveLength(1);
  });
});
