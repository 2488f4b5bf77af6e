/**
 * Concurrent edits (docs/team-server.md "Concurrent edits"): every update and assignment of a person
 * raises its version; an update against a stale version is refused with CONFLICT, names who saved
 * last, and changes nothing. A vault made before versions existed gets version 1 on every person.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../../db/migrations-dir';
import { AppError } from '../../../shared/errors';
import { personCreateSchema, personUpdateSchema } from '../../../shared/persons/person.schema';
import { FakeClock } from '../../../test/helpers/fake-clock';
import { ADMIN, makeCore, newVault, tempDir } from '../../../test/helpers/vault';
import { createCore } from '../app-core';
import { memoryPreferences, silentLogger } from '../ports';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

describe('person versions', () => {
  it('refuses a stale update with CONFLICT, naming who saved last, and keeps their change', async () => {
    const v = await newVault(new FakeClock());
    cleanups.push(v.cleanup);
    const { core } = v;
    await core.users.add({ username: 'co.ord', displayName: 'Coco Ord', role: 'coordinator', password: 'a long password 1' });
    const created = core.persons.create(personCreateSchema.parse({ familyName: 'Original', givenNames: 'Ann' }));
    expect(created.person.version).toBe(1);
    const read = core.persons.get({ id: created.person.id });
    const base = personUpdateSchema.parse({ id: read.person.id, familyName: 'Original', givenNames: 'Ann' });

    // The coordinator saves first ...
    core.vault.lock();
    await core.vault.unlock('co.ord', 'a long password 1');
    const theirs = core.persons.update({ ...base, familyName: 'Theirs', expectedVersion: 1 });
    expect(theirs.person.version).toBe(2);
    // ... then the administrator saves the form opened at version 1.
    core.vault.lock();
    await core.vault.unlock(ADMIN.username, ADMIN.password);
    let refusal: unknown;
    try {
      core.persons.update({ ...base, familyName: 'Mine', expectedVersion: 1 });
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).code).toBe('CONFLICT');
    expect((refusal as AppError).details).toMatchObject({ currentVersion: 2, changedBy: 'Coco Ord' });
    expect(core.persons.get({ id: base.id }).person.familyName).toBe('Theirs');
    // Re-applied on top of the current version, it goes through.
    expect(core.persons.update({ ...base, familyName: 'Mine', expectedVersion: 2 }).person.version).toBe(3);
    // Without a version (older clients, the CLI), last write wins as before.
    expect(core.persons.update({ ...base, familyName: 'Cli' }).person.version).toBe(4);
  });

  it('gives version 1 to the persons of a vault made before versions existed', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    // The migrations as they were before this one.
    const old = join(dir, 'migrations-before');
    cpSync(MIGRATIONS_DIR, old, { recursive: true });
    const journalPath = join(old, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number; tag: string }[] };
    for (const e of journal.entries.filter((x) => x.idx >= 17)) rmSync(join(old, `${e.tag}.sql`));
    journal.entries = journal.entries.filter((x) => x.idx < 17);
    writeFileSync(journalPath, JSON.stringify(journal));
    const vaultDir = join(dir, 'vault');
    const before = createCore({ vaultDir, migrationsFolder: old, clock: new FakeClock(), logger: silentLogger, prefs: memoryPreferences(), kdfProfile: 'minimum' });
    await before.vault.create({ organisationName: 'Test Centre', country: 'BE', admin: ADMIN });
    const id = '0b6a3c2e-1d4f-4a8b-9c7d-5e6f7a8b9c0d';
    before.vault.write(({ db }) =>
      db.run(sql`INSERT INTO persons (id, case_code, given_names, family_name, aliases, dob_precision, age_in_doubt, unaccompanied,
        age_basis, gender, nationalities, languages, interpreter_needed, safety_notes, guardianships, exploitation_forms,
        exploitation_countries, search_text, sort_name, is_open, created_at, updated_at)
        VALUES (${id}, 'TC-2026-0001', 'Ann', 'Older', '[]', 'unknown', 0, 0, 'presumed', 'unknown', '[]', '[]', 0, '', '[]', '[]', '[]',
        'older ann', 'older ann', 1, '2026-11-29T09:00:00.000Z', '2026-11-29T09:00:00.000Z')`),
    );
    before.dispose();
    const after = makeCore(vaultDir);
    cleanups.push(() => after.dispose());
    await after.vault.unlock(ADMIN.username, ADMIN.password);
    expect(after.persons.get({ id }).person.version).toBe(1);
  });
});
