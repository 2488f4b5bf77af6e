/**
 * benchmark through the real service: the dashboard (reminders.dashboard, what the IPC call
 * runs minus IPC) for 100k invented persons in an encrypted vault, loaded like the persons bench
 * (bench/persons.seed.ts, every track derived by the engine), plus 2,000 staff tasks and 500
 * done/snoozed decisions. Target: < 100 ms.
 *
 * Also measured: the notification cache refresh (all open deadlines within the lead window, after an
 * unlock or a change), the calendar export of a year, and the CLI's "what is due today".
 * The pure grouping alone is runRemindersBench (electron/core/reminders/reminders.bench.ts).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIGRATIONS_DIR } from '../db/migrations-dir';
import { RemindersRepo } from '../db/reminders.repo';
import { createCore } from '../electron/core/app-core';
import { memoryPreferences, silentLogger } from '../electron/core/ports';
import { addDays, type CalendarDate } from '../shared/dates/calendar-date';
import { beneluxWorkingDays } from '../shared/reminders/working-days';
import { FakeClock } from '../test/helpers/fake-clock';
import { inventedPersons, type InventedPerson } from '../test/helpers/invented-persons';
import { seededRandom } from '../test/helpers/random';
import { median, time, type BenchResult } from './measure';
import { loadInventedPersons } from './persons.seed';

const PERSONS = Number(process.env.BENCH_PERSONS ?? 100_000);
const RUNS = 15;
const TODAY = '2026-06-01' as CalendarDate;
export const DASHBOARD_SERVICE_TARGET_MS = 100;

function medianOf(fn: () => unknown, runs = RUNS): number {
  fn();
  return median(Array.from({ length: runs }, () => time(fn)));
}

export async function runRemindersServiceBench(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-reminders-bench-'));
  try {
    const clock = new FakeClock(`${TODAY}T09:00:00.000Z`);
    const core = createCore({ vaultDir: join(dir, 'v'), migrationsFolder: MIGRATIONS_DIR, clock, logger: silentLogger, prefs: memoryPreferences(), kdfProfile: 'minimum' });
    await core.vault.create({ organisationName: 'Payoke bench', country: 'BE', admin: { username: 'bench', displayName: 'B', password: 'bench password 1' } });
    await core.settings.update({ autoLockMinutes: 60 });
    const caseworkerIds: string[] = [];
    for (let i = 0; i < 20; i++) {
      const u = await core.users.add({ username: `worker${i}`, displayName: `Worker ${i}`, role: 'caseworker', password: 'bench password 1' });
      caseworkerIds.push(u.id);
    }
    let people: InventedPerson[] = Array.from(inventedPersons(20260601, PERSONS, TODAY, caseworkerIds.length));
    const loaded = loadInventedPersons((fn) => core.vault.write(({ db }) => fn(db)), people, { prefix: 'PAY', today: TODAY, caseworkerIds });
    people = [];

    // 2,000 tasks over the next 60 days (a quarter about a person), and 500 decisions.
    const random = seededRandom(4);
    const personIds = core.vault.read((db) => db.$client.prepare('SELECT id FROM persons LIMIT 5000').pluck().all() as string[]);
    core.vault.write(({ db, now }) => {
      const repo = new RemindersRepo(db);
      for (let i = 0; i < 2000; i++) {
        repo.insertTask({
          id: randomUUID(),
          title: `Invented task ${i}`,
          dueDate: addDays(TODAY, Math.floor(random() * 90) - 30),
          assigneeId: caseworkerIds[i % caseworkerIds.length] ?? '',
          personId: i % 4 === 0 ? (personIds[i] ?? null) : null,
          country: 'BE',
          state: 'open',
          snoozedUntil: null,
          stateReason: null,
          stateNote: null,
          stateAt: null,
          stateBy: null,
          createdAt: now,
          createdBy: null,
          updatedAt: now,
          updatedBy: null,
        });
      }
      const due = repo.procedureDue({ from: addDays(TODAY, -60), to: addDays(TODAY, 30) }, null).slice(0, 500);
      for (const [i, d] of due.entries()) {
        repo.upsertDisposition({
          itemId: `procedure:${d.trackId}:${d.kind}`,
          dueDate: d.dueDate,
          personId: d.personId,
          state: i % 2 ? 'done' : 'snoozed',
          snoozedUntil: i % 2 ? null : addDays(TODAY, 3),
          reason: 'other',
          note: '',
          decidedAt: now,
          decidedBy: null,
        });
      }
    });
    core.vault.read((db) => db.$client.exec('ANALYZE'));
    beneluxWorkingDays.warmUp([2026, 2027]);

    // Reads on a fresh connection, as after an unlock.
    core.vault.lock();
    await core.vault.unlock('bench', 'bench password 1');
    const dashboard = (scope: 'all' | 'mine') => core.reminders.dashboard({ scope, limits: {}, includeHandled: false, today: TODAY });
    const first = time(() => dashboard('all'));
    const sample = dashboard('all');
    const g = sample.groups;
    const listed = g.overdue.total + g.today.total + g.thisWeek.total + g.next30Days.total;
    results.push({ name: `loaded: ${loaded.persons} persons, ${loaded.dueDates} running due dates, 2000 tasks, 500 decisions`, value: loaded.dueDates, unit: 'due' });
    results.push({ name: `dashboard items up to the horizon (all) / later`, value: listed, unit: `items (+${sample.later} later)` });
    results.push({ name: 'dashboard, first call after unlock (cold page cache)', value: first, unit: 'ms' });
    const all = medianOf(() => dashboard('all'));
    results.push({ name: 'dashboard through the service, all cases (100k persons)', value: all, unit: 'ms', ratio: all / DASHBOARD_SERVICE_TARGET_MS });
    const handled = medianOf(() => core.reminders.dashboard({ scope: 'all', limits: {}, includeHandled: true, today: TODAY }));
    results.push({ name: 'dashboard, all cases, with done/snoozed', value: handled, unit: 'ms', ratio: handled / DASHBOARD_SERVICE_TARGET_MS });

    core.vault.lock();
    await core.vault.unlock('worker3', 'bench password 1');
    const mine = medianOf(() => dashboard('mine'));
    results.push({ name: 'dashboard, one caseworker (~5k persons)', value: mine, unit: 'ms', ratio: mine / DASHBOARD_SERVICE_TARGET_MS });
    core.vault.lock();
    await core.vault.unlock('bench', 'bench password 1');

    const horizon = core.reminders.notificationRange(TODAY, core.reminders.currentSettings(), 31);
    const actor = core.vault.requireSession();
    let cached = 0;
    const refresh = medianOf(() => {
      cached = core.reminders.notifiableItems(actor, horizon).length;
    }, 5);
    results.push({ name: `notification cache refresh (${cached} open deadlines)`, value: refresh, unit: 'ms' });
    const due = medianOf(() => core.reminders.dueOn(TODAY, new Set(), 'en'), 5);
    results.push({ name: 'what is due today (CLI reminders)', value: due, unit: 'ms' });
    let events = 0;
    const ics = medianOf(() => {
      events = core.reminders.exportCalendar({ scope: 'all', withinDays: 7 }).events;
    }, 3);
    results.push({ name: `calendar export, 7 days, all cases (${events} events; 3,000 at most per file)`, value: ics, unit: 'ms' });
    console.log(`load average during the reminders bench: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    core.dispose();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
