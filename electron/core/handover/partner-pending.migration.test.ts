/**
 * The waiting-card columns (migration 0009) on a vault made before them: its verified partner opens
 * unchanged, with no waiting card, and a newer card then waits beside the verified one.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../../db/migrations-dir';
import { FakeClock } from '../../../test/helpers/fake-clock';
import { call } from '../../../test/helpers/handover';
import { ADMIN, makeCore, tempDir } from '../../../test/helpers/vault';
import { createCore } from '../app-core';
import { memoryPreferences, silentLogger } from '../ports';
import { generateOrganisationKeys, rotateOrganisationKeys, serialiseKeyCard } from './org-keys';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

const PENDING_MIGRATION = 9;

/** The committed migrations as they were before the waiting-card columns. */
function migrationsBefore(dir: string): string {
  const folder = join(dir, 'migrations');
  cpSync(MIGRATIONS_DIR, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number; tag: string }[] };
  for (const e of journal.entries.filter((x) => x.idx >= PENDING_MIGRATION)) rmSync(join(folder, `${e.tag}.sql`));
  journal.entries = journal.entries.filter((e) => e.idx < PENDING_MIGRATION);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('migration 0009 (waiting partner cards)', () => {
  it('keeps a verified partner of an older vault verified, then lets a newer card wait beside it', async () => {
    const clock = new FakeClock('2026-12-07T09:00:00.000Z');
    const t = tempDir();
    cleanups.push(t.cleanup);
    const vaultDir = join(t.dir, 'vault');
    const old = createCore({ vaultDir, migrationsFolder: migrationsBefore(t.dir), clock, logger: silentLogger, prefs: memoryPreferences(), kdfProfile: 'minimum' });
    await old.vault.create({ organisationName: 'Centrum Voorbeeld (test)', country: 'BE', admin: ADMIN });
    expect(old.vault.read((db) => db.$client.prepare("SELECT count(*) AS n FROM pragma_table_info('partners') WHERE name = 'pending_card'").get())).toEqual({ n: 0 });
    const lu = generateOrganisationKeys({ name: 'Service Exemple (test)', country: 'LU', now: new Date('2026-12-01T09:00:00.000Z') });
    // The partner as the older schema stored it (today's code reads the new columns, so the row is
    // written with the older table's columns only).
    old.vault.write(({ db }) =>
      db.$client
        .prepare(
          `INSERT INTO partners (org_id, card, fingerprint, status, verified_fingerprint, verified_at, verified_by, imported_at, previous_card)
           VALUES (?, ?, ?, 'verified', ?, ?, NULL, ?, NULL)`,
        )
        .run(lu.card.organisation.id, JSON.stringify(lu.card), lu.fingerprint.hex, lu.fingerprint.hex, '2026-12-02T09:00:00.000Z', '2026-12-01T10:00:00.000Z'),
    );
    old.dispose();

    const core = makeCore(vaultDir, clock);
    cleanups.push(() => core.dispose());
    await core.vault.unlock(ADMIN.username, ADMIN.password);
    expect(await call(core, 'partners.list', {})).toMatchObject([{ orgId: lu.card.organisation.id, status: 'verified', canExchange: true, pending: null }]);
    const rotated = rotateOrganisationKeys(lu, { now: new Date('2026-12-06T09:00:00.000Z') });
    const imported = await call(core, 'partners.import', { fileBase64: base64(serialiseKeyCard(rotated.card)) });
    expect(imported).toMatchObject({ outcome: 'pending', partner: { status: 'verified', fingerprint: { hex: lu.fingerprint.hex }, pending: { fingerprint: { hex: rotated.fingerprint.hex } } } });
  });
});
