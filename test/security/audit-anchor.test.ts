/**
 * The audit anchor written in batches (docs/vault-format.md "The audit anchor"): the key-slot file
 * is no longer rewritten after every audited call, only soon after, and at once on lock, backup,
 * re-key, checkpoint, key-slot changes and verification. The attacks it exists for still fail, and
 * a crash between a commit and its anchor still loses nothing:
 * - a process stopped before the anchor (a copy of the folder as a crash leaves it) opens, whole;
 * - an older key-slot file put back after a newer one was written and the database written again;
 * - an older key-slot file put back after a password change that did not move the anchor;
 * - an older database put back after the anchor moved past it;
 * - a disabled user's slot revived from an older key-slot file.
 * Timers are faked (setTimeout only), so nothing is anchored unless a test says so.
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuditRepo } from '../../db/audit.repo';
import type { Core } from '../../electron/core/app-core';
import { ANCHOR_DELAY_MS, ANCHOR_MAX_PENDING } from '../../electron/core/vault/vault.service';
import { parseKeySlotFile } from '../../electron/core/vault/keyslot-file';
import { AppError } from '../../shared/errors';
import { personCreateSchema } from '../../shared/persons/person.schema';
import { FakeClock } from '../helpers/fake-clock';
import { readSlots } from '../helpers/keys';
import { ADMIN, makeCore, newVault, tempDir } from '../helpers/vault';

const CARA = { username: 'cara', displayName: 'Cara Caseworker', role: 'caseworker' as const, password: 'cara password 12' };

const cleanups: (() => void)[] = [];
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
  while (cleanups.length) cleanups.pop()?.();
});

async function vault() {
  const v = await newVault(new FakeClock());
  cleanups.push(v.cleanup);
  return v;
}

async function caught(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

const anchorOnDisk = (dir: string) => parseKeySlotFile(readSlots(dir)).audit;
const head = (core: Core) => core.vault.read((db) => new AuditRepo(db).last()) ?? { seq: 0, hash: '' };

/**
 * The folder as a process killed now leaves it: the database and its write-ahead log as committed
 * (synchronous = FULL), the key-slot file as last written (or `keySlots`), no lock file.
 */
function crashCopy(dir: string, keySlots = readSlots(dir)): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const into = join(t.dir, 'vault');
  mkdirSync(into, { mode: 0o700 });
  for (const f of ['vault.db', 'vault.db-wal']) if (existsSync(join(dir, f))) copyFileSync(join(dir, f), join(into, f));
  writeFileSync(join(into, 'keyslots.json'), keySlots, { mode: 0o600 });
  return into;
}

function open(dir: string): Core {
  const core = makeCore(dir, new FakeClock());
  cleanups.push(() => core.dispose());
  return core;
}

describe('the audit anchor, written in batches', () => {
  it('is not rewritten at each audited call, and is written by the delay without any further call', async () => {
    const { core, dir } = await vault();
    const before = anchorOnDisk(dir);
    for (const m of [5, 6, 7]) core.settings.update({ autoLockMinutes: m });
    expect(head(core).seq).toBe(before.seq + 3);
    expect(anchorOnDisk(dir)).toEqual(before);
    vi.advanceTimersByTime(ANCHOR_DELAY_MS);
    expect(anchorOnDisk(dir)).toEqual({ seq: head(core).seq, head: head(core).hash });
  });

  it(`is written at once when ${ANCHOR_MAX_PENDING} entries wait (a long import has a bounded lag)`, async () => {
    const { core, dir } = await vault();
    core.vault.write(({ audit }) => {
      for (let i = 0; i < ANCHOR_MAX_PENDING; i++) audit({ actorId: null, actorName: 'test', action: 'settings.update' });
    });
    expect(anchorOnDisk(dir).seq).toBe(head(core).seq);
  });

  it('is written by lock and before a verification reports', async () => {
    const { core, dir } = await vault();
    core.settings.update({ autoLockMinutes: 9 });
    expect(anchorOnDisk(dir).seq).toBeLessThan(head(core).seq);
    const verified = core.audit.verify();
    expect(verified.ok).toBe(true);
    expect(anchorOnDisk(dir)).toEqual({ seq: head(core).seq, head: head(core).hash });
    core.settings.update({ autoLockMinutes: 10 });
    core.vault.lock();
    // The lock's own entry is the anchored one: the file matches the database's last entry.
    const anchor = anchorOnDisk(dir);
    await core.vault.unlock(ADMIN.username, ADMIN.password);
    const locked = core.vault.read((db) => new AuditRepo(db).bySeq(anchor.seq));
    expect(locked?.action).toBe('session.lock');
    expect(locked?.hash).toBe(anchor.head);
  });

  it('a process stopped after several writes and before their anchor: the unlock is accepted, nothing is lost, the chain verifies', async () => {
    const { core, dir } = await vault();
    const person = core.persons.create(personCreateSchema.parse({ givenNames: 'Invented', familyName: 'Person' }));
    for (const m of [11, 12, 13]) core.settings.update({ autoLockMinutes: m });
    const last = head(core);
    expect(anchorOnDisk(dir).seq).toBeLessThan(last.seq);
    const copy = crashCopy(dir);

    const after = open(copy);
    await after.vault.unlock(ADMIN.username, ADMIN.password);
    const entries = after.vault.read((db) => new AuditRepo(db));
    expect(entries.bySeq(last.seq)?.hash).toBe(last.hash);
    expect(after.persons.get({ id: person.person.id }).person.familyName).toBe('Person');
    expect(after.settings.get().autoLockMinutes).toBe(13);
    expect(after.audit.verify().ok).toBe(true);
    // The unlock anchored what the crash left waiting.
    expect(anchorOnDisk(copy).seq).toBe(head(after).seq);
  });

  it('refuses a key-slot file put back once the anchor moved on and the database was written after', async () => {
    const { core, dir } = await vault();
    core.settings.update({ autoLockMinutes: 5 });
    const old = readSlots(dir);
    core.settings.update({ autoLockMinutes: 6 });
    vi.advanceTimersByTime(ANCHOR_DELAY_MS);
    core.settings.update({ autoLockMinutes: 7 });
    // While running (a crash now) and after a lock: either way the old file is refused.
    expect((await caught(open(crashCopy(dir, old)).vault.unlock(ADMIN.username, ADMIN.password))).key).toBe('keySlotsOutdated');
    core.vault.lock();
    writeFileSync(join(dir, 'keyslots.json'), old);
    expect((await caught(core.vault.unlock(ADMIN.username, ADMIN.password))).key).toBe('keySlotsOutdated');
  });

  it('refuses the key-slot file from before a password change even when both files anchor the same entry', async () => {
    const { core, dir } = await vault();
    await core.users.add(CARA);
    core.vault.lock();
    await core.vault.unlock(CARA.username, CARA.password);
    // Right after unlock the file holds the head: the password change rewrites it with the same anchor.
    const old = readSlots(dir);
    await core.users.changeOwnPassword({ currentPassword: CARA.password, newPassword: 'cara new pass 123' });
    expect(anchorOnDisk(dir).seq).toBe(parseKeySlotFile(old).audit.seq);
    core.vault.lock();
    writeFileSync(join(dir, 'keyslots.json'), old);
    expect((await caught(core.vault.unlock(CARA.username, CARA.password))).key).toBe('keySlotsOutdated');
  });

  it('refuses a database put back from a copy older than the anchor', async () => {
    const { core, dir } = await vault();
    core.settings.update({ autoLockMinutes: 5 });
    vi.advanceTimersByTime(ANCHOR_DELAY_MS);
    const olderDb = crashCopy(dir);
    core.settings.update({ autoLockMinutes: 6 });
    vi.advanceTimersByTime(ANCHOR_DELAY_MS);
    // The older database beside the newer key-slot file, while running and after a lock.
    const running = crashCopy(olderDb, readSlots(dir));
    expect((await caught(open(running).vault.unlock(ADMIN.username, ADMIN.password))).key).toBe('databaseRolledBack');
    core.vault.lock();
    const locked = crashCopy(olderDb, readSlots(dir));
    expect((await caught(open(locked).vault.unlock(ADMIN.username, ADMIN.password))).key).toBe('databaseRolledBack');
  });

  it("does not revive a disabled user's slot from an older key-slot file", async () => {
    const { core, dir } = await vault();
    const cara = await core.users.add(CARA);
    core.settings.update({ autoLockMinutes: 5 });
    const old = readSlots(dir);
    expect(parseKeySlotFile(old).slots.some((s) => s.username === CARA.username)).toBe(true);
    await core.users.disable({ userId: cara.id });
    core.vault.lock();
    writeFileSync(join(dir, 'keyslots.json'), old);
    // Disabling re-keyed the vault: the old file's key no longer opens the database.
    expect((await caught(core.vault.unlock(CARA.username, CARA.password))).key).toBe('databaseDamaged');
  });
});
