/**
 * The statistics' event index (migration 0013, made covering by 0027) on a vault made before it: the
 * vault opens, the covering index replaced the first one, and the events recorded before count in the
 * year's report.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../test/helpers/fake-clock';
import { makeReleasedVault } from '../../../test/helpers/released-vault';
import { ADMIN, makeCore, tempDir } from '../../../test/helpers/vault';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

describe('migrations 0013 and 0027 (statistics event index)', () => {
  it('applies to a vault made before it, and the year counts the events recorded before', async () => {
    const clock = new FakeClock('2026-11-29T09:00:00.000Z');
    const t = tempDir('passerelle-stats-migration-');
    cleanups.push(t.cleanup);
    const vaultDir = join(t.dir, 'vault');
    // Six persons of the released build, each with a Belgian reflection period started in 2026.
    await makeReleasedVault(
      t.dir,
      vaultDir,
      clock,
      Array.from({ length: 6 }, (_, i) => ({ givenNames: `Old${i}`, familyName: 'Invented', gender: 'female' as const, annex15On: '2026-11-20' })),
    );

    const current = makeCore(vaultDir, clock);
    cleanups.push(() => current.dispose());
    await current.vault.unlock(ADMIN.username, ADMIN.password);
    const indexes = current.vault.read((db) =>
      db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'procedure_events' AND name LIKE 'procedure_events_%' ORDER BY name").pluck().all(),
    );
    expect(indexes).toEqual(['procedure_events_statistics', 'procedure_events_track']);
    // The year's events are found in the index alone, without reading their rows.
    const plan = current.vault.read((db) =>
      db.$client
        .prepare("EXPLAIN QUERY PLAN SELECT e.track_id FROM procedure_events e WHERE e.removed_at IS NULL AND e.date >= '2026-01-01' AND e.date <= '2026-12-31' AND e.type IN ('annex15Issued', 'aiIssued')")
        .all() as { detail: string }[],
    );
    expect(plan.map((p) => p.detail).join(' ')).toContain('COVERING INDEX procedure_events_statistics');
    // A track's last event date (a closed file's closing day) from the track index alone.
    const closingPlan = current.vault.read((db) =>
      db.$client
        .prepare("EXPLAIN QUERY PLAN SELECT max(e.date) FROM procedure_events e WHERE e.track_id = 'x' AND e.removed_at IS NULL")
        .all() as { detail: string }[],
    );
    expect(closingPlan.map((p) => p.detail).join(' ')).toContain('COVERING INDEX procedure_events_track');
    // Each counted event's track (person, country, phase) from the track index alone.
    const trackPlan = current.vault.read((db) =>
      db.$client
        .prepare(
          "EXPLAIN QUERY PLAN SELECT t.person_id, t.country, t.phase_id FROM procedure_events e CROSS JOIN tracks t INDEXED BY tracks_statistics ON t.id = e.track_id WHERE e.type = 'annex15Issued'",
        )
        .all() as { detail: string }[],
    );
    expect(trackPlan.map((p) => p.detail).join(' ')).toContain('COVERING INDEX tracks_statistics');
    const report = current.statistics.report({ year: 2026, country: null });
    const reflection = report.tables.find((x) => x.id === 'reflection');
    expect(reflection?.rowTotals[reflection.rows.indexOf('running')]).toEqual({ value: 6 });
  });
});
