/**
 * The caseload indexes (migration 0025: persons_caseload, persons_caseworker_missing_expiry,
 * track_due_dates_person) on a vault made before them: they are created at unlock, a caseworker's
 * dashboard shows that caseload's deadlines and persons without an expiry, and its reads run on them
 * (EXPLAIN QUERY PLAN), so a caseworker's dashboard at 100k persons reads that caseload's index
 * entries, not every track nor the person rows.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../db/migrations-dir';
import { RemindersRepo } from '../../db/reminders.repo';
import { createCore, type Core } from '../../electron/core/app-core';
import { memoryPreferences, silentLogger } from '../../electron/core/ports';
import type { CalendarDate } from '../../shared/dates/calendar-date';
import { AppError } from '../../shared/errors';
import type { Contract, In, Out } from '../../shared/ipc/contract';
import { FakeClock } from '../helpers/fake-clock';
import { migrationsUpTo } from '../helpers/released-vault';
import { ADMIN, tempDir } from '../helpers/vault';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

const NOW = '2026-11-25T09:00:00.000Z';
const TODAY = '2026-11-25' as CalendarDate;
const PASSWORD = 'a long password 1';
/**
 * Every migration numbered before the caseload indexes (0025): the "old" vault is written by today's
 * services, which need the columns of those (record versions, request ids).
 */
const BEFORE = 24;
const INDEXES = ['persons_caseload', 'persons_caseworker_missing_expiry', 'track_due_dates_person'];

async function call<C extends keyof Contract>(core: Core, channel: C, input: In<C>): Promise<Out<C>> {
  const result = await core.router.call(channel, input);
  if (!result.ok) throw new AppError(result.error.code, result.error.key, result.error.params, result.error.details);
  return result.value as Out<C>;
}

function indexes(core: Core): string[] {
  return core.vault.read(
    (db) => db.$client.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name IN (${INDEXES.map(() => '?').join(',')}) ORDER BY name`).pluck().all(...INDEXES) as string[],
  );
}

/** What a caseworker's dashboard shows of the deadlines: item, person, date, per group, and the later count. */
function deadlines(view: Out<'reminders.dashboard'>) {
  const rows = Object.fromEntries(Object.entries(view.groups).map(([group, g]) => [group, g.rows.map((r) => `${r.id} ${r.personId ?? ''} ${r.dueDate}`)]));
  return { rows, later: view.later, missingExpiry: view.missingExpiry.total };
}

describe('caseload indexes on an existing vault', () => {
  it('are created at unlock; the caseworker dashboard keeps its deadlines and reads them from the new indexes', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const clock = new FakeClock(NOW);
    const base = { vaultDir: join(dir, 'vault'), clock, logger: silentLogger, prefs: memoryPreferences(), kdfProfile: 'minimum' as const };

    const old = createCore({ ...base, migrationsFolder: migrationsUpTo(dir, BEFORE) });
    await old.vault.create({ organisationName: 'Centrum Voorbeeld (test)', country: 'BE', admin: ADMIN });
    const mine = await old.users.add({ username: 'case.carla', displayName: 'Carla', role: 'caseworker', password: PASSWORD });
    const other = await old.users.add({ username: 'case.omar', displayName: 'Omar', role: 'caseworker', password: PASSWORD });
    // Annex 15 dates: the reflection period ends 45 days later (overdue, within 30 days, later).
    const annex15 = ['2026-10-01', '2026-10-14', '2026-11-10', '2026-10-05', '2026-11-20', '2026-11-12'];
    const carla: { personId: string; trackId: string }[] = [];
    for (const [i, date] of annex15.entries()) {
      const detail = await call(old, 'persons.create', { givenNames: `Mira${i}`, familyName: 'Dovelan', caseworkerId: i % 2 === 0 ? mine.id : other.id });
      const track = await call(old, 'procedure.openTrack', { personId: detail.person.id, country: 'BE' });
      await call(old, 'procedure.recordEvent', { trackId: track.id, event: { type: 'annex15Issued', date } });
      if (i % 2 === 0) carla.push({ personId: detail.person.id, trackId: track.id });
    }
    // A Dutch temporary permit recorded without its printed expiry, for each of them: "no expiry recorded".
    const withoutExpiry: string[] = [];
    for (const caseworkerId of [mine.id, other.id]) {
      const detail = await call(old, 'persons.create', { givenNames: 'Nl', familyName: 'Invented', caseworkerId });
      const nl = await call(old, 'procedure.openTrack', { personId: detail.person.id, country: 'NL' });
      await call(old, 'procedure.recordEvent', { trackId: nl.id, event: { type: 'reportMade', date: '2026-03-01' } });
      await call(old, 'procedure.recordEvent', { trackId: nl.id, event: { type: 'temporaryPermitGranted', date: '2026-03-10' } });
      withoutExpiry.push(detail.person.id);
    }
    expect(indexes(old)).toEqual([]);
    old.dispose();

    const now = createCore({ ...base, migrationsFolder: MIGRATIONS_DIR });
    cleanups.push(() => now.dispose());
    await now.vault.unlock('case.carla', PASSWORD);
    expect(indexes(now)).toEqual(INDEXES);
    // Carla's own deadlines only: one overdue, one within 30 days, two later (the third reflection
    // period, the Dutch permit's); her person without an expiry, not Omar's.
    const [a, b] = carla;
    const view = await call(now, 'reminders.dashboard', { scope: 'mine' });
    expect(deadlines(view)).toEqual({
      rows: {
        overdue: [`procedure:${a?.trackId}:reflectionPeriodEnd ${a?.personId} 2026-11-15`],
        today: [],
        thisWeek: [],
        next30Days: [`procedure:${b?.trackId}:reflectionPeriodEnd ${b?.personId} 2026-12-25`],
      },
      later: 2,
      missingExpiry: 1,
    });
    expect(view.missingExpiry.rows.map((r) => r.personId)).toEqual([withoutExpiry[0]]);

    const plans = now.vault.read((db) => new RemindersRepo(db).explainCaseload(mine.id, TODAY));
    // The caseload's persons, then each one's due dates, from covering indexes: no person, track or
    // due-date row is read.
    expect(plans.procedureDue).toContainEqual('SEARCH p USING COVERING INDEX persons_caseload (caseworker_id=?)');
    expect(plans.procedureDueAfter).toContainEqual('SEARCH p USING COVERING INDEX persons_caseload (caseworker_id=?)');
    expect(plans.procedureDue).toContainEqual(expect.stringMatching(/^SEARCH d USING COVERING INDEX track_due_dates_person \(person_id=\? AND due_date<\?\)$/));
    expect(plans.procedureDueAfter).toContainEqual(expect.stringMatching(/^SEARCH d USING COVERING INDEX track_due_dates_person \(person_id=\? AND due_date>\?\)$/));
    expect(plans.procedureDue.join('\n')).not.toMatch(/\btracks\b/);
    // The caseload's persons without an expiry, in case-code order, without sorting.
    expect(plans.missingExpiry).toContainEqual(expect.stringMatching(/^SEARCH persons USING INDEX persons_caseworker_missing_expiry \(caseworker_id=\?\)$/));
    expect(plans.missingExpiry.join('\n')).not.toMatch(/TEMP B-TREE/);
    // Their count from the same index (not from the caseload's every person).
    expect(plans.missingExpiryCount).toEqual(['SEARCH persons USING INDEX persons_caseworker_missing_expiry (caseworker_id=?)']);
  });
});
