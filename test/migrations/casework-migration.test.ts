/**
 * A vault made before notes and appointments existed (migrations up to 0004) opens with this build:
 * the new tables and the full-text index are created at unlock, the existing persons are kept, and a
 * note written afterwards is found by search.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/app-core';
import { memoryPreferences, silentLogger } from '../../electron/core/ports';
import { MIGRATIONS_DIR } from '../../db/migrations-dir';
import { FakeClock } from '../helpers/fake-clock';
import { makeReleasedVault, migrationsUpTo } from '../helpers/released-vault';
import { ADMIN, tempDir } from '../helpers/vault';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

describe('casework migrations on an existing vault', () => {
  it('adds notes, their index and appointments to a vault made before them', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const clock = new FakeClock('2026-11-25T09:00:00.000Z');
    const base = { vaultDir: join(dir, 'vault'), clock, logger: silentLogger, prefs: memoryPreferences(), kdfProfile: 'minimum' as const };
    const [released] = await makeReleasedVault(dir, join(dir, 'vault'), clock, [{ givenNames: 'Mira', familyName: 'Dovelan' }]);
    const personId = released?.id ?? '';
    const old = createCore({ ...base, migrationsFolder: migrationsUpTo(dir) });
    await old.vault.unlock(ADMIN.username, ADMIN.password);
    expect(old.vault.read((db) => db.$client.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'case_notes'").get())).toEqual({ n: 0 });
    old.dispose();

    const now = createCore({ ...base, migrationsFolder: MIGRATIONS_DIR });
    cleanups.push(() => now.dispose());
    await now.vault.unlock(ADMIN.username, ADMIN.password);
    const person = await now.router.call('persons.get', { id: personId });
    expect(person.ok).toBe(true);
    const added = await now.router.call('notes.add', { personId, occurredOn: '2026-11-25', type: 'visit', body: 'Huisbezoek in Utrecht' });
    expect(added.ok).toBe(true);
    const hits = await now.router.call('notes.search', { text: 'huisbezoek' });
    expect(hits.ok && (hits.value as unknown[]).length).toBe(1);
    const appointment = await now.router.call('appointments.add', { personId, serviceKind: 'housing', service: 'Intake', date: '2026-11-30' });
    expect(appointment.ok).toBe(true);
  });
});
