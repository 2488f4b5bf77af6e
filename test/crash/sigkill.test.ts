/**
 * A writer killed with SIGKILL in the middle of a stream of committed writes, 20 times:
 * the vault reopens, PRAGMA integrity_check is ok, every acknowledged write is present,
 * the audit trail verifies, and no leftover file stays in the folder after the unlock.
 * The long run (200 kills and more) is `npm run crash` (test/crash/run.ts).
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AuditRepo } from '../../db/audit.repo';
import { ADMIN, makeCore, newVault } from '../helpers/vault';
import { systemClock } from '../../electron/core/ports';
import { seededRandom } from '../helpers/random';

const ROUNDS = 20;
/** What a vault folder holds after an unlock. */
const EXPECTED = ['keyslots.json', 'vault.db', 'vault.db-shm', 'vault.db-wal', 'vault.lock'];
const root = join(import.meta.dirname, '..', '..');

interface Ack {
  seq: number;
  value: number;
}

function runWriterUntilKilled(dir: string, killAfterMs: number, start: number): Promise<Ack[]> {
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
      else resolve(acks);
    });
  });
}

describe('crash safety', () => {
  const cleanups: (() => void)[] = [];
  afterAll(() => cleanups.forEach((c) => c()));

  it(`survives ${ROUNDS} SIGKILLs in the middle of committed writes`, async () => {
    const v = await newVault(systemClock);
    cleanups.push(v.cleanup);
    v.core.vault.lock();
    const random = seededRandom(20261129);
    let totalAcks = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const acks = await runWriterUntilKilled(v.dir, 5 + Math.floor(random() * 120), round * 1000);
      totalAcks += acks.length;
      const core = makeCore(v.dir, systemClock);
      await core.vault.unlock(ADMIN.username, ADMIN.password);
      const integrity = core.vault.read((db) => db.$client.pragma('integrity_check', { simple: true }));
      expect(integrity).toBe('ok');
      const repo = core.vault.read((db) => new AuditRepo(db));
      for (const ack of acks) {
        const row = repo.bySeq(ack.seq);
        expect(row?.action).toBe('settings.update');
        expect(JSON.parse(row?.details ?? '{}')).toEqual({ autoLockMinutes: ack.value });
      }
      expect(core.audit.verify()).toMatchObject({ ok: true });
      expect(readdirSync(v.dir).sort()).toEqual(EXPECTED);
      core.vault.lock();
    }
    // The writers did write: the test is not vacuous.
    expect(totalAcks).toBeGreaterThan(ROUNDS);
  }, 600_000);
});
