/**
 * Durability run anyone can repeat: `npm run crash` (default 200 kills) or
 * `npm run crash -- --kills 500 --seed 7 --max-ms 2000` (the writer is killed 5 ms to max-ms after it is ready).
 *
 * A writer process (test/crash/writer.ts) unlocks the vault and commits a stream of audited
 * writes, printing `ack <seq> <value>` after each commit returns; it is killed with SIGKILL at a
 * random moment. After each kill the vault is unlocked again and checked: every acknowledged write
 * is present, the audit chain verifies, PRAGMA integrity_check is ok, and no leftover file remains
 * in the folder. Prints the totals; exit 1 on any loss.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AuditRepo } from '../../db/audit.repo';
import { systemClock } from '../../electron/core/ports';
import { ADMIN, makeCore, newVault } from '../helpers/vault';
import { seededRandom } from '../helpers/random';

const { values } = parseArgs({
  options: { kills: { type: 'string', default: '200' }, seed: { type: 'string', default: '20261207' }, 'max-ms': { type: 'string', default: '1000' } },
});
const kills = Number(values.kills);
const seed = Number(values.seed);
/** The writer is killed between 5 ms and this long after it is ready. */
const maxMs = Number(values['max-ms']);
if (!Number.isInteger(kills) || kills < 1 || !Number.isInteger(seed) || !(maxMs >= 5)) throw new Error('usage: crash [--kills N] [--seed S] [--max-ms M]');

const root = join(import.meta.dirname, '..', '..');
/** What a vault folder may hold after an unlock (the lock and the database's own files). */
const EXPECTED = new Set(['vault.db', 'vault.db-wal', 'vault.db-shm', 'keyslots.json', 'vault.lock']);

interface Ack {
  seq: number;
  value: number;
}

function runWriterUntilKilled(dir: string, killAfterMs: number, start: number): Promise<{ acks: Ack[]; leftoversSeen: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'test/crash/writer.ts'), dir, ADMIN.username, ADMIN.password, String(start)], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acks: Ack[] = [];
    let buffer = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        const m = /^ack (\d+) (\d+)$/.exec(line);
        if (m) acks.push({ seq: Number(m[1]), value: Number(m[2]) });
      }
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer ended without being killed: ${stderr}`));
      else resolve({ acks, leftoversSeen: readdirSync(dir).filter((f) => f.endsWith('.tmp')).length });
    });
  });
}

const v = await newVault(systemClock);
v.core.vault.lock();
const random = seededRandom(seed);
let acked = 0;
let lost = 0;
let chainBroken = 0;
let integrityFailed = 0;
let leftoversAfterCrash = 0;
let leftoversAfterUnlock = 0;
const started = Date.now();
try {
  for (let round = 0; round < kills; round++) {
    const { acks, leftoversSeen } = await runWriterUntilKilled(v.dir, 5 + Math.floor(random() * (maxMs - 5)), round * 100_000);
    acked += acks.length;
    leftoversAfterCrash += leftoversSeen;
    const core = makeCore(v.dir, systemClock);
    await core.vault.unlock(ADMIN.username, ADMIN.password);
    if (core.vault.read((db) => db.$client.pragma('integrity_check', { simple: true })) !== 'ok') integrityFailed++;
    const repo = core.vault.read((db) => new AuditRepo(db));
    for (const ack of acks) {
      const row = repo.bySeq(ack.seq);
      if (row?.action !== 'settings.update' || JSON.parse(row.details ?? '{}').autoLockMinutes !== ack.value) lost++;
    }
    if (!core.audit.verify().ok) chainBroken++;
    const unexpected = readdirSync(v.dir).filter((f) => !EXPECTED.has(f));
    if (unexpected.length > 0) console.log(`after kill ${round + 1}: unexpected ${unexpected.join(', ')}`);
    leftoversAfterUnlock += unexpected.length;
    core.vault.lock();
    if ((round + 1) % 25 === 0) console.log(`${round + 1}/${kills} kills, ${acked} acknowledged writes, ${lost} lost`);
  }
} finally {
  v.cleanup();
}
const result = { kills, seed, maxMs, acknowledgedWrites: acked, lost, chainBroken, integrityFailed, leftoversAfterCrash, leftoversAfterUnlock, seconds: Math.round((Date.now() - started) / 1000) };
console.log(JSON.stringify(result));
if (lost + chainBroken + integrityFailed + leftoversAfterUnlock > 0) process.exit(1);
