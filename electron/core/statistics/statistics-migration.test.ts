/**
 * The statistics' event index (migration 0013) on a vault made before it: the vault opens, the index
 * is there afterwards, and the events recorded before count in the year's report.
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

describe('migration 0013 (statistics event index)', () => {
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
    const index = current.vault.read((db) => db.$client.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'procedure_events_type_date'").get());
    expect(index).toEqual({ n: 1 });
    const report = current.statistics.report({ year: 2026, country: null });
    const reflection = report.tables.find((x) => x.id === 'reflection');
    expect(reflection?.rowTotals[reflection.rows.indexOf('running')]).toEqual({ value: 6 });
  });
});
