/**
 * A vault as the last released build left it: migrations 0000-0004 only, with persons (and their
 * Belgian tracks) written in that schema's columns by plain SQL. Migration tests start from here:
 * writing the old data through today's services would need today's columns, which an old vault does
 * not have. Data is invented.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { MIGRATIONS_DIR } from '../../db/migrations-dir';
import { createCore, type Core } from '../../electron/core/app-core';
import { memoryPreferences, silentLogger, type Clock } from '../../electron/core/ports';
import { ADMIN } from './vault';

/** The last migration the released build shipped. */
export const RELEASED_LAST_MIGRATION = 4;

/** A copy of the committed migrations up to and including `lastIdx`, as an older build shipped them. */
export function migrationsUpTo(dir: string, lastIdx: number = RELEASED_LAST_MIGRATION): string {
  const folder = join(dir, `migrations-upto-${lastIdx}`);
  mkdirSync(join(folder, 'meta'), { recursive: true });
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as { entries: { idx: number; tag: string }[] };
  journal.entries = journal.entries.filter((e) => e.idx <= lastIdx);
  for (const e of journal.entries) {
    cpSync(join(MIGRATIONS_DIR, `${e.tag}.sql`), join(folder, `${e.tag}.sql`));
    const snapshot = `${String(e.idx).padStart(4, '0')}_snapshot.json`;
    cpSync(join(MIGRATIONS_DIR, 'meta', snapshot), join(folder, 'meta', snapshot));
  }
  writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify(journal));
  return folder;
}

export interface ReleasedPerson {
  id: string;
  caseCode: string;
  /** Set when the person was given a Belgian track with an annex 15 on `annex15On`. */
  trackId: string | null;
}

/** Makes the released vault in `vaultDir` and writes the persons; the vault is locked and released at the end. */
export async function makeReleasedVault(
  dir: string,
  vaultDir: string,
  clock: Clock,
  persons: { givenNames: string; familyName: string; gender?: 'female' | 'male'; annex15On?: string }[],
): Promise<ReleasedPerson[]> {
  const old: Core = createCore({ vaultDir, migrationsFolder: migrationsUpTo(dir), clock, logger: silentLogger, prefs: memoryPreferences(), kdfProfile: 'minimum' });
  await old.vault.create({ organisationName: 'Centrum Voorbeeld (test)', country: 'BE', admin: ADMIN });
  const now = clock.now().toISOString();
  const out = old.vault.write(({ db }) => {
    const sql = db.$client;
    return persons.map((p, i) => {
      const id = randomUUID();
      const caseCode = `CEN-2026-${String(i + 1).padStart(4, '0')}`;
      sql
        .prepare(
          `INSERT INTO persons (id, case_code, given_names, family_name, aliases, dob_precision, age_in_doubt, unaccompanied, age_basis,
             gender, nationalities, languages, interpreter_needed, safety_notes, guardianships, exploitation_forms, exploitation_countries,
             search_text, sort_name, is_open, created_at, updated_at)
           VALUES (?, ?, ?, ?, '[]', 'unknown', 0, 0, 'unknown', ?, '[]', '[]', 0, '', '[]', '[]', '[]', ?, ?, 1, ?, ?)`,
        )
        .run(id, caseCode, p.givenNames, p.familyName, p.gender ?? 'female', `${p.givenNames} ${p.familyName}`.toLowerCase(), `${p.familyName} ${p.givenNames}`.toLowerCase(), now, now);
      let trackId: string | null = null;
      if (p.annex15On) {
        trackId = randomUUID();
        sql
          .prepare(`INSERT INTO tracks (id, person_id, country, opened_at, phase_id, closed, derived_at) VALUES (?, ?, 'BE', ?, 'be.reflection', 0, ?)`)
          .run(trackId, id, p.annex15On, now);
        sql
          .prepare(`INSERT INTO procedure_events (id, track_id, type, date, recorded_at) VALUES (?, ?, 'annex15Issued', ?, ?)`)
          .run(randomUUID(), trackId, p.annex15On, now);
      }
      return { id, caseCode, trackId };
    });
  });
  old.dispose();
  return out;
}
