/**
 * Migrations 0019 and 0020 on a vault made before them: the new columns arrive empty and the
 * backfill flags a Dutch temporary permit recorded without its printed expiry (so the person list and
 * the dashboard say "no expiry recorded" from the first unlock), and a consent typed as free text
 * stays readable. The "before" vault is made by the services, then taken back to the state before
 * 0019 (columns dropped, the migrations since forgotten), so its data is what the app really wrote.
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

describe('migrations 0019 and 0020 on an older vault', () => {
  it('add the partner ids and the missing-expiry flags, backfilled from the stored tracks', async () => {
    const v = await newVault(new FakeClock('2026-11-29T09:00:00.000Z'));
    cleanups.push(v.cleanup);
    const core = v.core;
    const withoutExpiry = await call(core, 'persons.create', { familyName: 'Invented', givenNames: 'Nl' });
    const nl = await call(core, 'procedure.openTrack', { personId: withoutExpiry.person.id, country: 'NL' });
    await call(core, 'procedure.recordEvent', { trackId: nl.id, event: { type: 'reportMade', date: '2026-03-01' } });
    await call(core, 'procedure.recordEvent', { trackId: nl.id, event: { type: 'temporaryPermitGranted', date: '2026-03-10' } });
    const withExpiry = await call(core, 'persons.create', { familyName: 'Invented', givenNames: 'Other' });
    const nl2 = await call(core, 'procedure.openTrack', { personId: withExpiry.person.id, country: 'NL' });
    await call(core, 'procedure.recordEvent', { trackId: nl2.id, event: { type: 'reportMade', date: '2026-03-01' } });
    await call(core, 'procedure.recordEvent', { trackId: nl2.id, event: { type: 'temporaryPermitGranted', date: '2026-03-10', documentExpiry: '2027-03-09' } });
    await call(core, 'consents.record', { personId: withExpiry.person.id, kind: 'sharing', partner: 'Service Exemple (test)', categories: ['identity'], givenOn: '2026-11-28' });

    // The services set the flag as they derive the track.
    const flags = () =>
      core.vault.read((db) => db.$client.prepare('SELECT id, missing_expiry_country AS c FROM persons ORDER BY given_names').all() as { id: string; c: string | null }[]);
    expect(flags()).toEqual([
      { id: withoutExpiry.person.id, c: 'NL' },
      { id: withExpiry.person.id, c: null },
    ]);

    // Back to the schema before 0019; the later migrations forgotten with them are undone too (0025's
    // indexes: one rests on the dropped column, and both are created again at unlock).
    const since = journalWhen('0019_');
    core.vault.write(({ db }) =>
      db.$client.exec(`
        DROP INDEX IF EXISTS persons_caseload;
        DROP INDEX IF EXISTS persons_caseworker_missing_expiry;
        DROP INDEX IF EXISTS track_due_dates_person;
        DROP INDEX persons_missing_expiry;
        ALTER TABLE persons DROP COLUMN missing_expiry_country;
        ALTER TABLE tracks DROP COLUMN missing_expiry_kind;
        ALTER TABLE consents DROP COLUMN partner_org_id;
        ALTER TABLE consents DROP COLUMN partner_contact_id;
        DROP INDEX procedure_events_statistics;
        CREATE INDEX procedure_events_type_date ON procedure_events (type, date);
        -- The later migrations are forgotten too (drizzle re-runs every migration after the last
        -- one it finds), so their changes go as well: 0021 record versions.
        DROP TABLE checklist_versions;
        DROP TABLE record_versions;
        ALTER TABLE tracks DROP COLUMN version;
        ALTER TABLE tracks DROP COLUMN updated_at;
        ALTER TABLE tracks DROP COLUMN updated_by;
        ALTER TABLE consents DROP COLUMN updated_by;
        ALTER TABLE consents DROP COLUMN version;
        ALTER TABLE directory_edits DROP COLUMN updated_by;
        ALTER TABLE directory_edits DROP COLUMN version;
        ALTER TABLE staff_tasks DROP COLUMN version;
        ALTER TABLE appointments DROP COLUMN version;
        ALTER TABLE case_notes DROP COLUMN version;
        DELETE FROM __drizzle_migrations WHERE created_at >= ${since};`),
    );
    core.vault.lock();
    await core.vault.unlock(ADMIN.username, ADMIN.password);

    expect(flags()).toEqual([
      { id: withoutExpiry.person.id, c: 'NL' },
      { id: withExpiry.person.id, c: null },
    ]);
    const list = await call(core, 'persons.list', { search: '' });
    expect(list.items.map((i) => [i.id, i.missingExpiryCountry])).toContainEqual([withoutExpiry.person.id, 'NL']);
    const detail = await call(core, 'persons.get', { id: withExpiry.person.id });
    expect(detail.consents).toMatchObject([{ partner: 'Service Exemple (test)', partnerRef: { kind: 'text' } }]);
  });
});
