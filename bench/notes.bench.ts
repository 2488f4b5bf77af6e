/**
 * Notes benchmark through the real service (NoteService: what notes.search and notes.add run, minus
 * IPC): 100k invented persons and 1M invented notes (test/helpers/invented-notes.ts, nl/fr/en) in an
 * encrypted vault. Targets: search <= 50 ms, note insert <= 5 ms. Medians and p95 over several
 * queries of each kind; ratio = measured / target.
 *
 * Building the data set takes minutes, so it is kept in the system's temp folder
 * (passerelle-notes-bench-v1, or BENCH_NOTES_DIR) and reused by later runs; delete it to rebuild.
 * Inserts made by the insert measurement are kept (a few hundred notes: the data set grows slowly).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CaseworkRepo } from '../db/casework.repo';
import { MIGRATIONS_DIR } from '../db/migrations-dir';
import { createCore, type Core } from '../electron/core/app-core';
import { memoryPreferences, silentLogger } from '../electron/core/ports';
import type { CalendarDate } from '../shared/dates/calendar-date';
import { addDays } from '../shared/dates/calendar-date';
import { FakeClock } from '../test/helpers/fake-clock';
import { inventedNote, NOTE_VOCABULARY } from '../test/helpers/invented-notes';
import { inventedPersons } from '../test/helpers/invented-persons';
import { seededRandom } from '../test/helpers/random';
import { median, time, type BenchResult } from './measure';
import { loadInventedPersons } from './persons.seed';

const PERSONS = Number(process.env.BENCH_PERSONS ?? 100_000);
const NOTES = Number(process.env.BENCH_NOTES ?? 1_000_000);
const TODAY = '2026-06-01' as CalendarDate;
const PASSWORD = 'bench password 1';
export const NOTE_SEARCH_TARGET_MS = 50;
export const NOTE_INSERT_TARGET_MS = 5;
const DIR = process.env.BENCH_NOTES_DIR ?? join(tmpdir(), `passerelle-notes-bench-v1-${PERSONS}-${NOTES}`);

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? 0;
}

function makeCore(): Core {
  return createCore({
    vaultDir: join(DIR, 'v'),
    migrationsFolder: MIGRATIONS_DIR,
    clock: new FakeClock(`${TODAY}T09:00:00.000Z`),
    logger: silentLogger,
    prefs: memoryPreferences(),
    kdfProfile: 'minimum',
  });
}

/** The data set: 100k persons (20 caseworkers) and 1M notes spread over them, built once. */
async function build(): Promise<void> {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  const core = makeCore();
  try {
    await core.vault.create({ organisationName: 'Payoke bench', country: 'BE', admin: { username: 'bench', displayName: 'B', password: PASSWORD } });
    await core.settings.update({ autoLockMinutes: 60 });
    const caseworkerIds: string[] = [];
    for (let i = 0; i < 20; i++) {
      caseworkerIds.push((await core.users.add({ username: `worker${i}`, displayName: `Worker ${i}`, role: 'caseworker', password: PASSWORD })).id);
    }
    const started = performance.now();
    loadInventedPersons((fn) => core.vault.write(({ db }) => fn(db)), Array.from(inventedPersons(20261207, PERSONS, TODAY, caseworkerIds.length)), {
      prefix: 'PAY',
      today: TODAY,
      caseworkerIds,
    });
    const personIds = core.vault.read((db) => db.$client.prepare('SELECT id FROM persons ORDER BY rowid').pluck().all() as string[]);
    const random = seededRandom(1207);
    const batch = 50_000;
    for (let start = 0; start < NOTES; start += batch) {
      core.vault.write(({ db, now }) => {
        const insert = db.$client.prepare(
          `INSERT INTO case_notes (id, person_id, occurred_on, type, body, duration_minutes, attachment_id, corrects_id, author_id, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?)`,
        );
        for (let i = start; i < Math.min(NOTES, start + batch); i++) {
          const n = inventedNote(random);
          const personId = personIds[Math.floor(random() * personIds.length)] ?? '';
          insert.run(randomUUID(), personId, addDays(TODAY, -Math.floor(random() * 900)), n.type, n.body, n.durationMinutes, caseworkerIds[i % 20] ?? null, now, now);
        }
      });
    }
    core.vault.write(({ db }) => db.$client.prepare("INSERT INTO case_notes_fts (case_notes_fts) VALUES ('optimize')").run());
    core.vault.checkpoint();
    console.log(`  (data set built in ${((performance.now() - started) / 1000).toFixed(0)} s: ${PERSONS} persons, ${NOTES} notes, in ${DIR})`);
    writeFileSync(join(DIR, 'ready'), new Date().toISOString());
  } finally {
    core.dispose();
  }
}

function measure(name: string, runs: number, fn: (i: number) => unknown, target: number): BenchResult[] {
  fn(0);
  const times = Array.from({ length: runs }, (_, i) => time(() => fn(i)));
  return [
    { name: `${name}: median`, value: median(times), unit: 'ms', ratio: median(times) / target },
    { name: `${name}: p95`, value: p95(times), unit: 'ms', ratio: p95(times) / target },
  ];
}

export async function runNotesBench(): Promise<BenchResult[]> {
  if (!existsSync(join(DIR, 'ready'))) await build();
  const core = makeCore();
  const results: BenchResult[] = [];
  try {
    await core.vault.unlock('bench', PASSWORD);
    const count = core.vault.read((db) => db.$client.prepare('SELECT count(*) FROM case_notes').pluck().get() as number);
    results.push({ name: 'notes in the vault', value: count, unit: 'notes' });
    const frequent = [NOTE_VOCABULARY.nl[0], NOTE_VOCABULARY.fr[0], NOTE_VOCABULARY.en[0], NOTE_VOCABULARY.fr[1], NOTE_VOCABULARY.nl[2]];
    const rare = [...NOTE_VOCABULARY.nl.slice(-8), ...NOTE_VOCABULARY.fr.slice(-8), ...NOTE_VOCABULARY.en.slice(-8)];
    const hitsOf = (text: string) => core.vault.read((db) => {
      const match = `"${text}"*`;
      return db.$client.prepare('SELECT count(*) FROM case_notes_fts WHERE case_notes_fts MATCH ?').pluck().get(match) as number;
    });
    results.push({ name: `notes holding "${frequent[0]}" (the most frequent word)`, value: hitsOf(frequent[0] ?? ''), unit: 'notes' });
    const search = (text: string, personId?: string) => core.notes.search({ text, limit: 20, ...(personId ? { personId } : {}) });
    results.push(...measure('search, one frequent word (100k+ notes), all cases', 25, (i) => search(frequent[i % frequent.length] ?? ''), NOTE_SEARCH_TARGET_MS));
    results.push(...measure('search, one rare word, all cases', 48, (i) => search(rare[i % rare.length] ?? ''), NOTE_SEARCH_TARGET_MS));
    results.push(...measure('search, accents and case folded ("ELEVE", "HOPITAL", "cooperatie")', 30, (i) => search(['ELEVE', 'HOPITAL', 'cooperatie'][i % 3] ?? ''), NOTE_SEARCH_TARGET_MS));
    results.push(...measure('search, a 3-letter prefix ("int", "dém", "gem")', 30, (i) => search(['int', 'dém', 'gem'][i % 3] ?? ''), NOTE_SEARCH_TARGET_MS));
    results.push(
      ...measure('search, two words (frequent + rare)', 30, (i) => search(`${frequent[i % frequent.length]} ${rare[i % rare.length]}`), NOTE_SEARCH_TARGET_MS),
    );
    const personIds = core.vault.read((db) => db.$client.prepare('SELECT id FROM persons ORDER BY rowid LIMIT 200').pluck().all() as string[]);
    results.push(...measure('search within one person', 50, (i) => search(frequent[i % frequent.length] ?? '', personIds[i]), NOTE_SEARCH_TARGET_MS));

    // A caseworker's search: their own cases only (about 5k persons, 50k notes).
    core.vault.lock();
    await core.vault.unlock('worker3', PASSWORD);
    results.push(...measure('caseworker search, one frequent word', 25, (i) => search(frequent[i % frequent.length] ?? ''), NOTE_SEARCH_TARGET_MS));
    results.push(...measure('caseworker search, one rare word', 48, (i) => search(rare[i % rare.length] ?? ''), NOTE_SEARCH_TARGET_MS));
    const mine = core.vault.read((db) => db.$client.prepare('SELECT id FROM persons WHERE caseworker_id = (SELECT id FROM users WHERE username = ?) LIMIT 100').pluck().all('worker3') as string[]);

    // Note insert: one notes.add (validation, access check, insert with the index triggers, audit entry, commit).
    const random = seededRandom(99);
    results.push(
      ...measure(
        'note insert (notes.add through the service)',
        200,
        (i) => {
          const n = inventedNote(random);
          core.notes.add({ personId: mine[i % mine.length] ?? '', occurredOn: TODAY, type: n.type, body: n.body, durationMinutes: n.durationMinutes, attachmentId: null, correctsId: null });
        },
        NOTE_INSERT_TARGET_MS,
      ),
    );
    // The same without the audit entry (the anchor in the key-slot file is written in batches,
    // electron/core/vault/audit-anchor.ts): what the note and its index entries cost themselves.
    results.push(
      ...measure(
        'note insert, the row and its index entries only (one transaction, no audit)',
        200,
        (i) => {
          const n = inventedNote(random);
          core.vault.read((db) =>
            db.$client.transaction(() =>
              new CaseworkRepo(db).insertNote({
                id: randomUUID(),
                personId: mine[i % mine.length] ?? '',
                occurredOn: TODAY,
                type: n.type,
                body: n.body,
                durationMinutes: n.durationMinutes,
                createdAt: `${TODAY}T09:00:00.000Z`,
                updatedAt: `${TODAY}T09:00:00.000Z`,
              }),
            )(),
          );
        },
        NOTE_INSERT_TARGET_MS,
      ),
    );
    results.push({ name: 'load average (1 min) at the end', value: loadavg()[0] ?? 0, unit: '' });
  } finally {
    core.dispose();
  }
  return results;
}
