/**
 * benchmarks: unlock time with the KDF parameters set-up would choose on this machine,
 * and the encrypted store against plain SQLite on the same workload (insert 100k rows, indexed
 * lookups, a full scan), medians of 3 runs, as ratios.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CACHE_SIZE_KIB, openRaw } from '../db/connection';
import { MIGRATIONS_DIR } from '../db/migrations-dir';
import { createCore } from '../electron/core/app-core';
import { calibrateKdf, deriveSlotKey, newKdfParams } from '../electron/core/crypto/kdf';
import { newDataKey } from '../electron/core/crypto/slot-crypto';
import { memoryPreferences, silentLogger, systemClock } from '../electron/core/ports';
import { inventedName, seededRandom } from '../test/helpers/random';
import { median, time, type BenchResult } from './measure';

const ROWS = 100_000;
const LOOKUPS = 100_000;

function configure(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('temp_store = MEMORY');
  db.pragma(`cache_size = -${CACHE_SIZE_KIB}`);
}

function workload(open: () => Database.Database): Record<string, number> {
  const random = seededRandom(42);
  const db = open();
  configure(db);
  db.exec(`CREATE TABLE records (id INTEGER PRIMARY KEY, case_code TEXT NOT NULL, name TEXT NOT NULL,
           country TEXT NOT NULL, notes TEXT NOT NULL, due TEXT NOT NULL)`);
  db.exec('CREATE UNIQUE INDEX records_case_code ON records(case_code)');
  const insert = db.prepare('INSERT INTO records (case_code, name, country, notes, due) VALUES (?, ?, ?, ?, ?)');
  const rows = Array.from({ length: ROWS }, (_, i) => [
    `PAY-2026-${String(i).padStart(6, '0')}`,
    `${inventedName(random)} ${inventedName(random, 4)}`,
    ['BE', 'NL', 'LU'][i % 3] as string,
    Array.from({ length: 24 }, () => inventedName(random, 2)).join(' '),
    `2027-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
  ]);
  const insertMs = time(() => db.transaction(() => rows.forEach((r) => insert.run(...r)))());
  db.close();
  // Reads on a fresh connection, as after an unlock.
  const reader = open();
  configure(reader);
  const lookup = reader.prepare('SELECT * FROM records WHERE case_code = ?');
  const codes = Array.from({ length: LOOKUPS }, () => `PAY-2026-${String(Math.floor(random() * ROWS)).padStart(6, '0')}`);
  // Cold: the first pass reads (and decrypts) every page from disk; warm: pages are in the cache.
  const lookupColdMs = time(() => codes.forEach((c) => lookup.get(c)));
  const lookupMs = time(() => codes.forEach((c) => lookup.get(c)));
  const scanMs = time(() => reader.prepare("SELECT count(*) AS n FROM records WHERE notes LIKE '%zizi%'").get());
  const page = reader.prepare('SELECT * FROM records ORDER BY due, case_code LIMIT 50 OFFSET ?');
  const pageMs = time(() => page.all(50_000));
  reader.close();
  return { insertMs, lookupColdMs, lookupMs, scanMs, pageMs };
}

export async function runVaultBench(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const cost = await calibrateKdf();
  const params = newKdfParams(cost);
  const unlockTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    await deriveSlotKey('a passphrase of a staff member', params);
    unlockTimes.push(performance.now() - start);
  }
  results.push({
    name: `KDF argon2id m=${cost.memoryKiB / 1024} MiB t=${cost.iterations} p=${cost.parallelism} (calibrated)`,
    value: median(unlockTimes),
    unit: 'ms',
  });

  // A whole unlock through the service (KDF, unseal, MAC, open, page check, migrations, audit).
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-bench-'));
  try {
    const core = createCore({ vaultDir: join(dir, 'v'), migrationsFolder: MIGRATIONS_DIR, clock: systemClock, logger: silentLogger, prefs: memoryPreferences() });
    await core.vault.create({ organisationName: 'Bench', country: 'BE', admin: { username: 'bench', displayName: 'B', password: 'bench password 1' } });
    core.vault.lock();
    const full: number[] = [];
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      await core.vault.unlock('bench', 'bench password 1');
      full.push(performance.now() - start);
      core.vault.lock();
    }
    results.push({ name: 'unlock through the vault service (calibrated KDF, empty vault)', value: median(full), unit: 'ms' });

    const runs: { plain: Record<string, number>; enc: Record<string, number> }[] = [];
    for (let i = 0; i < 3; i++) {
      const key = newDataKey();
      const plainPath = join(dir, `plain-${i}.db`);
      const encPath = join(dir, `enc-${i}.db`);
      runs.push({
        plain: workload(() => new Database(plainPath)),
        enc: workload(() => openRaw(encPath, key, true)),
      });
    }
    for (const [metric, label] of [
      ['insertMs', `insert ${ROWS / 1000}k rows (one transaction)`],
      ['lookupColdMs', `${LOOKUPS / 1000}k indexed lookups, cold cache (fresh connection)`],
      ['lookupMs', `${LOOKUPS / 1000}k indexed lookups, warm cache`],
      ['scanMs', 'full scan (LIKE over every row)'],
      ['pageMs', 'one page of 50 in an ordered list (offset 50k)'],
    ] as const) {
      const plain = median(runs.map((r) => r.plain[metric] ?? 0));
      const enc = median(runs.map((r) => r.enc[metric] ?? 0));
      results.push({ name: `${label}: plain`, value: plain, unit: 'ms' });
      results.push({ name: `${label}: encrypted`, value: enc, unit: 'ms', ratio: enc / plain });
    }
    core.dispose();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
