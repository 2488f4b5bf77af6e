/**
 * benchmark: 100k invented persons and about 1M events in an encrypted vault, loaded in bulk
 * through the repositories with states derived by the engine; then medians of the list page
 * (filter + sort by next deadline, first and a deep page), search by name fragment and by case code,
 * and the deadlines of the next 30 days, all through the services (what an IPC call runs, minus IPC).
 * Targets: list page < 50 ms, search < 100 ms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIGRATIONS_DIR } from '../db/migrations-dir';
import { PersonsRepo } from '../db/persons.repo';
import { createCore } from '../electron/core/app-core';
import { memoryPreferences, silentLogger } from '../electron/core/ports';
import type { CalendarDate } from '../shared/dates/calendar-date';
import type { PersonListQuery } from '../shared/persons/person.schema';
import { personListQuerySchema } from '../shared/persons/person.schema';
import { FakeClock } from '../test/helpers/fake-clock';
import { inventedPersons, type InventedPerson } from '../test/helpers/invented-persons';
import { median, time, type BenchResult } from './measure';
import { loadInventedPersons } from './persons.seed';

const PERSONS = Number(process.env.BENCH_PERSONS ?? 100_000);
const RUNS = 15;
const TODAY = '2026-06-01' as CalendarDate;
const LIST_TARGET_MS = 50;
const SEARCH_TARGET_MS = 100;

function medianOf(fn: () => unknown): number {
  fn(); // warm the statement cache and the pages
  return median(Array.from({ length: RUNS }, () => time(fn)));
}

export async function runPersonsBench(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-persons-bench-'));
  try {
    const clock = new FakeClock(`${TODAY}T09:00:00.000Z`);
    const core = createCore({ vaultDir: join(dir, 'v'), migrationsFolder: MIGRATIONS_DIR, clock, logger: silentLogger, prefs: memoryPreferences(), kdfProfile: 'minimum' });
    await core.vault.create({ organisationName: 'Payoke bench', country: 'BE', admin: { username: 'bench', displayName: 'B', password: 'bench password 1' } });
    const caseworkerIds: string[] = [];
    for (let i = 0; i < 20; i++) {
      const u = await core.users.add({ username: `worker${i}`, displayName: `Worker ${i}`, role: 'caseworker', password: 'bench password 1' });
      caseworkerIds.push(u.id);
    }

    let people: InventedPerson[] = [];
    const generateMs = time(() => {
      people = Array.from(inventedPersons(20260601, PERSONS, TODAY, caseworkerIds.length));
    });
    let loaded = { persons: 0, tracks: 0, events: 0, dueDates: 0 };
    const loadMs = time(() => {
      loaded = loadInventedPersons((fn) => core.vault.write(({ db }) => fn(db)), people, { prefix: 'PAY', today: TODAY, caseworkerIds });
    });
    people = [];
    results.push({ name: `generate ${PERSONS / 1000}k invented persons (seeded)`, value: generateMs, unit: 'ms' });
    results.push({
      name: `derive + insert ${loaded.persons} persons, ${loaded.tracks} tracks, ${loaded.events} events, ${loaded.dueDates} due dates`,
      value: loadMs,
      unit: 'ms',
    });
    // Statistics for the query planner, as the app would have after its periodic `PRAGMA optimize`.
    const analyzeMs = time(() => core.vault.read((db) => db.$client.exec('ANALYZE')));
    results.push({ name: 'ANALYZE', value: analyzeMs, unit: 'ms' });

    // Reads on a fresh connection, as after an unlock.
    core.vault.lock();
    await core.vault.unlock('bench', 'bench password 1');
    const list = (q: Partial<PersonListQuery>) => core.persons.list(personListQuerySchema.parse({ today: TODAY, ...q }));

    const firstPage = { country: 'BE', status: 'open', sort: 'nextDeadline' } as const;
    const total = list(firstPage).total;
    const cold = time(() => list({ ...firstPage, offset: 0 }));
    results.push({ name: 'list page, first call after unlock (cold cache)', value: cold, unit: 'ms' });
    const measure = (name: string, target: number, fn: () => unknown) => {
      const value = medianOf(fn);
      results.push({ name, value, unit: 'ms', ratio: value / target });
    };
    measure(`list: BE + open, by next deadline, first page of ${total}`, LIST_TARGET_MS, () => list({ ...firstPage, offset: 0 }));
    measure('list: same filter, deep page (offset total/2)', LIST_TARGET_MS, () => list({ ...firstPage, offset: Math.floor(total / 2) }));
    measure('list: phase be.registration + minor status presumedMinor', LIST_TARGET_MS, () =>
      list({ phase: 'be.registration', minorStatus: 'presumedMinor', status: 'open' }),
    );
    measure('list: every open case, by name, page 100', LIST_TARGET_MS, () => list({ sort: 'name', offset: 5000 }));
    measure('list: one caseworker, by next deadline', LIST_TARGET_MS, () => list({ caseworkerId: caseworkerIds[3] }));
    measure('search: name fragment "kalo"', SEARCH_TARGET_MS, () => list({ search: 'kalo', status: 'all' }));
    measure('search: accented "Kàlö" with BE filter', SEARCH_TARGET_MS, () => list({ search: 'Kàlö', country: 'BE' }));
    measure('search: case code "PAY-2025-001"', SEARCH_TARGET_MS, () => list({ search: 'PAY-2025-001', status: 'all' }));
    measure('deadlines within 30 days', LIST_TARGET_MS, () => core.procedures.upcoming({ withinDays: 30, today: TODAY, includeOverdue: false, limit: 500 }));

    // What the planner does (printed for the README; the list must run on the persons_list_due index).
    const plans = core.vault.read((db) =>
      new PersonsRepo(db).explainPage({ search: '', caseCodePrefix: null, country: 'BE', status: 'open', today: TODAY }, 'nextDeadline'),
    );
    console.log(`\nplan of the list page: ${plans.join(' | ')}`);
    console.log(`load average during the run: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    core.dispose();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
