/**
 * The statistics' event index (migration 0013) on a vault made before it: the vault opens, the index
 * is there afterwards, and the events recorded before count in the year's report.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../../db/migrations-dir';
import { createCore } from '../app-core';
import { memoryPreferences, silentLogger } from '../ports';
import { FakeClock } from '../../../test/helpers/fake-clock';
import { call } from '../../../test/helpers/handover';
import { ADMIN, makeCore, tempDir } from '../../../test/helpers/vault';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

/** The migrations as they were before the statistics: 0000 to 0004. */
function migrationsBefore(dir: string): string {
  const folder = join(dir, 'migrations-before');
  mkdirSync(join(folder, 'meta'), { recursive: true });
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as { entries: { idx: number; tag: string }[] };
  journal.entries = journal.entries.filter((e) => e.idx <= 4);
  for (const e of journal.entries) {
    cpSync(join(MIGRATIONS_DIR, `${e.tag}.sql`), join(folder, `${e.tag}.sql`));
    cpSync(join(MIGRATIONS_DIR, 'meta', `${String(e.idx).padStart(4, '0')}_snapshot.json`), join(folder, 'meta', `${String(e.idx).padStart(4, '0')}_snapshot.json`));
  }
  writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify(journal));
  return folder;
}

describe('migration 0013 (statistics event index)', () => {
  it('applies to a vault made before it, and the year counts the events recorded before', async () => {
    const clock = new FakeClock('2026-11-29T09:00:00.000Z');
    const t = tempDir('passerelle-stats-migration-');
    cleanups.push(t.cleanup);
    const vaultDir = join(t.dir, 'vault');
    const old = createCore({ vaultDir, migrationsFolder: migrationsBefore(t.dir), clock, logger: silentLogger, prefs: memoryPreferences(), kdfProfile: 'minimum' });
    await old.vault.create({ organisationName: 'Centrum Voorbeeld (test)', country: 'BE', admin: ADMIN });
    for (let i = 0; i < 6; i++) {
      const p = await call(old, 'persons.create', { givenNames: `Old${i}`, familyName: 'Invented', gender: 'female' });
      const track = await call(old, 'procedure.openTrack', { personId: p.person.id, country: 'BE' });
      await call(old, 'procedure.recordEvent', { trackId: track.id, event: { type: 'annex15Issued', date: '2026-11-20' } });
    }
    const indexBefore = old.vault.read((db) => db.$client.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'procedure_events_type_date'").get());
    expect(indexBefore).toEqual({ n: 0 });
    old.dispose();

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
