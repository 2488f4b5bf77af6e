/**
 * Desktop notifications through the real core and vault, on a fake clock:
 * each reminder fires once per lead time; a new core on the same vault (a restart) fires nothing
 * twice, also when it fired while locked and the app quit before the next unlock (fired journal);
 * reminders keep firing while the vault is locked; done and snoozed deadlines stay silent; no
 * notification text holds a name, an alias, a task title or anything but the case code and the kind.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RemindersRepo } from '../../../db/reminders.repo';
import { AppError } from '../../../shared/errors';
import type { Contract, In, Out } from '../../../shared/ipc/contract';
import { FakeClock } from '../../../test/helpers/fake-clock';
import { ADMIN, makeCore, tempDir } from '../../../test/helpers/vault';
import type { Core } from '../app-core';
import { FIRED_JOURNAL_FILE } from './fired-journal';
import { memoryReminderPrefs, type DesktopReminderPrefsStore } from './reminder-notifications';
import type { ReminderNotification } from './reminder-ports';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const ZONE = 'Europe/Brussels';

class RecordingNotifier {
  readonly shown: ReminderNotification[] = [];
  notify(n: ReminderNotification): void {
    this.shown.push(n);
  }
  titles(): string[] {
    return this.shown.map((n) => n.title);
  }
}

async function call<C extends keyof Contract>(core: Core, channel: C, input: In<C>): Promise<Out<C>> {
  const result = await core.router.call(channel, input);
  if (!result.ok) throw new AppError(result.error.code, result.error.key, result.error.params, result.error.details);
  return result.value as Out<C>;
}

/** A vault folder with a clock and a notifier; `start()` builds a core on it (again after a "restart"). */
function desktop(now: string, prefs: DesktopReminderPrefsStore = memoryReminderPrefs({}, { notifications: true, tray: true })) {
  const { dir, cleanup } = tempDir();
  const clock = new FakeClock(now);
  const notifier = new RecordingNotifier();
  let core: Core | null = null;
  const start = () => {
    core?.dispose();
    core = makeCore(join(dir, 'vault'), clock, { notifier, reminderPrefs: prefs, timeZone: ZONE });
    void core.router.call('prefs.set', { language: 'en' }); // this desktop's language (memory preferences)
    return core;
  };
  cleanups.push(() => {
    core?.dispose();
    cleanup();
  });
  return { clock, notifier, start, prefs, vaultDir: join(dir, 'vault') };
}

/** Vault with a person whose Belgian reflection period (annex 15 + 45 days) ends on 04-12-2026, a Friday. */
async function seed(core: Core) {
  await core.vault.create({ organisationName: 'Test Centre', country: 'BE', admin: ADMIN });
  await core.settings.update({ autoLockMinutes: 60 });
  const detail = await call(core, 'persons.create', { givenNames: 'Zyxwv', familyName: 'Qolmat', aliases: ['Little Vex'] });
  const track = await call(core, 'procedure.openTrack', { personId: detail.person.id, country: 'BE' });
  await call(core, 'procedure.recordEvent', { trackId: track.id, event: { type: 'annex15Issued', date: '2026-10-20' } });
  return { person: detail.person, itemId: `procedure:${track.id}:reflectionPeriodEnd` };
}

function fired(core: Core): string[] {
  return core.vault.read((db) => new RemindersRepo(db).firedIds()).sort();
}

describe('desktop notifications', () => {
  it('fire once per lead time, also across a restart, and keep firing while the vault is locked', async () => {
    // Wednesday 25-11, 10:00 in Brussels. Lead days 14, 7, 3, 1, 0 before Friday 04-12:
    // Fri 20-11 (already passed), Fri 27-11, Tue 01-12, Thu 03-12, Fri 04-12.
    const d = desktop('2026-11-25T09:00:00.000Z');
    let core = d.start();
    const { person, itemId } = await seed(core);
    d.clock.advance(1000); // the debounced refresh after the recorded event
    expect(d.notifier.titles()).toEqual([`Reflection period ends in 9 days: ${person.caseCode}`]);
    expect(fired(core)).toEqual([`${itemId}:2026-12-04:14`]);

    // A restart the same day: nothing again.
    core = d.start();
    await core.vault.unlock(ADMIN.username, ADMIN.password);
    expect(core.reminderNotifications?.cachedDeadlines()).toBe(1);
    d.clock.advance(HOUR); // the auto-lock (60 minutes) locks the vault; the cache stays in memory
    expect(core.vault.state()).toBe('locked');
    expect(d.notifier.shown).toHaveLength(1);

    // Friday 27-11 just after midnight in Brussels, locked: the 7-day reminder, once.
    d.clock.advance(Date.parse('2026-11-26T23:00:30Z') - d.clock.now().getTime());
    expect(d.notifier.titles().slice(1)).toEqual([`Reflection period ends in 7 days: ${person.caseCode}`]);
    d.clock.advance(12 * HOUR);
    expect(d.notifier.shown).toHaveLength(2);

    // Tuesday 01-12, still locked: the 3-day reminder.
    d.clock.advance(Date.parse('2026-12-01T07:00:00Z') - d.clock.now().getTime());
    expect(d.notifier.titles().slice(2)).toEqual([`Reflection period ends in 3 days: ${person.caseCode}`]);
    expect(core.reminderNotifications?.fired.pendingCount).toBe(2);
    // What fired while locked is written at the next unlock, so a restart does not repeat it.
    await core.vault.unlock(ADMIN.username, ADMIN.password);
    expect(core.reminderNotifications?.fired.pendingCount).toBe(0);
    expect(fired(core)).toEqual([`${itemId}:2026-12-04:14`, `${itemId}:2026-12-04:3`, `${itemId}:2026-12-04:7`]);
    core = d.start();
    await core.vault.unlock(ADMIN.username, ADMIN.password);
    d.clock.advance(HOUR);
    expect(d.notifier.shown).toHaveLength(3);

    // Thursday and Friday (locked again by the auto-lock): "tomorrow", then "today".
    d.clock.advance(Date.parse('2026-12-05T12:00:00Z') - d.clock.now().getTime());
    expect(d.notifier.titles().slice(3)).toEqual([
      `Reflection period ends tomorrow: ${person.caseCode}`,
      `Reflection period ends today: ${person.caseCode}`,
    ]);
    // The app quits before anyone unlocks: the journal beside the vault remembers them, hashed.
    const journal = readFileSync(join(d.vaultDir, FIRED_JOURNAL_FILE), 'utf8');
    expect(JSON.parse(journal).hashes).toHaveLength(2);
    for (const secret of [itemId, person.caseCode, person.id, '2026-12-04']) expect(journal).not.toContain(secret);
    core = d.start();
    await core.vault.unlock(ADMIN.username, ADMIN.password);
    expect(existsSync(join(d.vaultDir, FIRED_JOURNAL_FILE))).toBe(false);
    d.clock.advance(HOUR);
    expect(d.notifier.shown).toHaveLength(5);
    // Then nothing more, ever.
    core = d.start();
    await core.vault.unlock(ADMIN.username, ADMIN.password);
    const ids = fired(core);
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
    d.clock.advance(3 * DAY);
    expect(d.notifier.shown).toHaveLength(5);
  });

  it('never put a name, an alias, a task title or a note in the text: only the kind and the case code', async () => {
    const d = desktop('2026-11-25T09:00:00.000Z');
    const core = d.start();
    const { person } = await seed(core);
    await call(core, 'tasks.create', { title: 'Call Zyxwv about the Qolmat file', dueDate: '2026-11-26', personId: person.id });
    await call(core, 'tasks.create', { title: 'Renew the Vexhall lease', dueDate: '2026-11-25' });
    d.clock.advance(2 * DAY);
    const texts = d.notifier.shown.flatMap((n) => [n.title, n.body]);
    expect(d.notifier.titles()).toEqual(
      expect.arrayContaining([
        `Reflection period ends in 9 days: ${person.caseCode}`,
        `A task is due tomorrow: ${person.caseCode}`,
        'A task is due today',
      ]),
    );
    for (const text of texts) {
      for (const secret of ['Zyxwv', 'Qolmat', 'Vex', 'lease', 'Call', person.id]) expect(text).not.toContain(secret);
      expect(text.replace(person.caseCode, '')).not.toMatch(/[A-Z]{2,5}-\d{4}-\d{4,}/);
    }
    expect(new Set(d.notifier.shown.map((n) => n.body))).toEqual(new Set(['Open Passerelle to see the deadline.']));
  });

  it('stay silent for a snoozed deadline until the snooze ends; a follow-up keeps it reminding (it is still due)', async () => {
    const d = desktop('2026-11-18T09:00:00.000Z'); // Wednesday 18-11: no reminder of 04-12 due yet
    const core = d.start();
    const { person, itemId } = await seed(core);
    await call(core, 'reminders.snooze', { itemId, until: '2026-11-30', reason: 'waitingForAuthority' });
    d.clock.advance(11 * DAY); // up to Sunday 29-11 (locked by then): the 14- and 7-day reminders pass while snoozed
    expect(d.notifier.shown).toEqual([]);
    d.clock.advance(DAY); // Monday 30-11: the snooze has ended; one notification for the missed ones
    expect(d.notifier.titles()).toEqual([`Reflection period ends in 4 days: ${person.caseCode}`]);

    await core.vault.unlock(ADMIN.username, ADMIN.password);
    await call(core, 'reminders.markDone', { itemId, reason: 'followedUp' });
    d.clock.advance(6 * DAY);
    expect(d.notifier.titles().slice(1)).toEqual([
      `Reflection period ends in 3 days: ${person.caseCode}`,
      `Reflection period ends tomorrow: ${person.caseCode}`,
      `Reflection period ends today: ${person.caseCode}`,
    ]);
  });

  it('forget an erased record at once, even when the vault is locked right after', async () => {
    const d = desktop('2026-11-18T09:00:00.000Z');
    const core = d.start();
    const { person } = await seed(core);
    d.clock.advance(1000);
    expect(core.reminderNotifications?.cachedDeadlines()).toBe(1);
    await call(core, 'persons.erase', { personId: person.id, confirmCaseCode: person.caseCode, reason: 'registeredInError' });
    core.vault.lock(); // before any debounced refresh could run
    expect(core.reminderNotifications?.cachedDeadlines()).toBe(0);
    d.clock.advance(20 * DAY); // past every lead day of the erased deadline
    expect(d.notifier.shown).toEqual([]);
  });

  it('follow the admin lead days, the language of this desktop and its preferences (off, daily digest)', async () => {
    const d = desktop('2026-11-18T09:00:00.000Z');
    const core = d.start();
    const { person } = await seed(core);
    await call(core, 'reminders.updateSettings', { leadDays: { reflectionPeriodEnd: [16] } });
    await call(core, 'prefs.set', { language: 'fr' });
    d.clock.advance(1000);
    expect(d.notifier.titles()).toEqual([`La période de réflexion se termine dans 16 jours : ${person.caseCode}`]);

    const view = await call(core, 'reminders.setDesktopPrefs', { notifications: false, digest: { enabled: true, time: '08:00' }, keepRunningInTray: true });
    expect(view).toMatchObject({ notifications: false, keepRunningInTray: true, supported: { notifications: true, tray: true } });
    expect(core.reminderNotifications?.isRunning()).toBe(false);
    d.clock.advance(2 * DAY);
    expect(d.notifier.shown).toHaveLength(1);

    // On again on Friday 20-11 at 10:00 in Brussels: the digest of 08:00 comes at once, counts only.
    await core.vault.unlock(ADMIN.username, ADMIN.password);
    await call(core, 'reminders.setDesktopPrefs', { notifications: true, digest: { enabled: true, time: '08:00' }, keepRunningInTray: true });
    expect(d.notifier.shown.slice(1)).toEqual([
      { title: 'Délais : résumé du jour', body: "En retard : 0 · Aujourd'hui : 0 · Cette semaine : 0 · Dans les 30 jours : 1" },
    ]);
    d.clock.advance(HOUR);
    expect(d.notifier.shown).toHaveLength(2);
  });

  it('send nothing before the first unlock after a start: the deadlines are inside the encrypted vault', async () => {
    const d = desktop('2026-11-25T09:00:00.000Z');
    let core = d.start();
    await seed(core);
    d.clock.advance(1000);
    expect(d.notifier.shown).toHaveLength(1);
    core.vault.lock('manual');
    core = d.start(); // restart, still locked
    d.clock.advance(3 * DAY);
    expect(d.notifier.shown).toHaveLength(1);
    expect(core.reminderNotifications?.cachedDeadlines()).toBe(0);
    await core.vault.unlock(ADMIN.username, ADMIN.password);
    // The 7-day reminder (Friday 27-11) was missed while locked and closed: it comes now, once.
    expect(d.notifier.shown).toHaveLength(2);
  });
});
