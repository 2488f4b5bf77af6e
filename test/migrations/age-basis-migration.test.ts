/**
 * Migration 0026 on a vault made before it: a person with no date of birth and no doubt recorded was
 * stored as a presumed minor; after the migration the list says "date of birth missing" for them, as
 * the procedure engine does (a gap to fill, docs/legal-rules.md "Minors"). A person whose age staff
 * doubt, or whose date is disputed, stays a presumed minor. The "before" vault is made by the
 * services, then its rows put back as the build before 0026 wrote them, and the migration forgotten.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../helpers/handover';
import { FakeClock } from '../helpers/fake-clock';
import { journalWhen } from '../helpers/migration-journal';
import { ADMIN, newVault } from '../helpers/vault';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

describe('migration 0026 on an older vault', () => {
  it('turns a missing date of birth without doubt from a presumed minor into a gap, and keeps doubt', async () => {
    const v = await newVault(new FakeClock('2026-12-07T09:00:00.000Z'));
    cleanups.push(v.cleanup);
    const core = v.core;
    const gap = await call(core, 'persons.create', { familyName: 'Gap', dateOfBirth: { precision: 'unknown' } });
    const doubted = await call(core, 'persons.create', { familyName: 'Doubted', dateOfBirth: { precision: 'unknown' }, ageInDoubt: true });
    const disputed = await call(core, 'persons.create', { familyName: 'Disputed', dateOfBirth: { precision: 'disputed', date: null } });
    const adult = await call(core, 'persons.create', { familyName: 'Adult', dateOfBirth: { precision: 'exact', date: '1990-01-01' } });

    // As the build before 0026 stored them: no date of birth was a presumption. The migrations after
    // it are undone too, since forgetting them makes the next unlock run them again.
    const since = journalWhen('0026_');
    core.vault.write(({ db }) =>
      db.$client.exec(`
        UPDATE persons SET age_basis = 'presumed', adult_from = NULL WHERE dob IS NULL;
        DROP INDEX procedure_events_statistics;
        DELETE FROM __drizzle_migrations WHERE created_at >= ${since};`),
    );
    const bases = () =>
      core.vault.read((db) => db.$client.prepare('SELECT family_name AS name, age_basis AS basis FROM persons ORDER BY family_name').all());
    expect(bases()).toContainEqual({ name: 'Gap', basis: 'presumed' });

    core.vault.lock();
    await core.vault.unlock(ADMIN.username, ADMIN.password);
    expect(bases()).toEqual([
      { name: 'Adult', basis: 'exact' },
      { name: 'Disputed', basis: 'presumed' },
      { name: 'Doubted', basis: 'presumed' },
      { name: 'Gap', basis: 'unknown' },
    ]);
    const presumed = await call(core, 'persons.list', { minorStatus: 'presumedMinor', sort: 'name' });
    expect(presumed.items.map((i) => i.id)).toEqual([disputed.person.id, doubted.person.id]);
    const missing = await call(core, 'persons.list', { minorStatus: 'unknown' });
    expect(missing.items.map((i) => i.id)).toEqual([gap.person.id]);
    expect((await call(core, 'persons.get', { id: adult.person.id })).person.minorStatus).toBe('adult');
  });
});
