/**
 * The audit anchor written in batches (docs/vault-format.md "The audit anchor"): the key-slot file
 * is no longer rewritten after every audited call, only soon after, and at once on lock, backup,
 * re-key, checkpoint, key-slot changes and verification. The attacks it exists for still fail, and
 * a crash between a commit and its anchor still loses nothing:
 * - a process stopped before the anchor (a copy of the folder as a crash leaves it) opens, whole;
 * - an older key-slot file put back after a newer one was written and the database written again;
 * - an older key-slot file put back after a password change that did not move the anchor;
 * - an older database put back after the anchor moved past it;
 * - a disabled user's slot revived from an older key-slot file;
 * - a key-slot file that cannot be written (held open, disk full): never lost silently;
 * - a trail cut under the open vault: the anchor never moves backwards, verify() reports it;
 * - a record of the file seen that no longer describes the chain's head is not trusted.
 * Timers are faked (setTimeout only), so nothing is anchored unless a test says so.
 */
import { copyFileSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuditRepo } from '../../db/audit.repo';
import type { Core } from '../../electron/core/app-core';
import { appendAudit } from '../../electron/core/audit/audit-chain';
import { atomicWriteHooks } from '../../electron/core/vault/atomic-file';
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
  delete atomicWriteHooks.beforeRename;
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

/** Every rewrite of keyslots.json fails at its rename (on Windows: another program holds the file open). */
function keySlotFileHeld(): void {
  atomicWriteHooks.beforeRename = (tmp) => {
    if (tmp.includes('keyslots.json')) throw Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' });
  };
}

const actions = (core: Core, from: number) =>
  core.vault.read((db) => [...new AuditRepo(db).iterate()].filter((e) => e.seq > from).map((e) => e.action));

function failure(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe('a key-slot file that cannot take the anchor', () => {
  it('refuses the next write until the file can be written, then records the failure in the trail and as a notice', async () => {
    const { core, dir } = await vault();
    const before = anchorOnDisk(dir);
    keySlotFileHeld();
    core.settings.update({ autoLockMinutes: 5 });
    vi.advanceTimersByTime(ANCHOR_DELAY_MS); // the batch's anchor fails
    expect(anchorOnDisk(dir)).toEqual(before);
    const headWhileFailing = head(core);
    expect(failure(() => core.settings.update({ autoLockMinutes: 6 })).key).toBe('anchorWriteFailed');
    expect(failure(() => core.settings.update({ autoLockMinutes: 7 })).key).toBe('anchorWriteFailed');
    // Nothing more was written: neither the change nor an entry.
    expect(core.settings.get().autoLockMinutes).toBe(5);
    expect(head(core)).toEqual(headWhileFailing);

    delete atomicWriteHooks.beforeRename;
    vi.advanceTimersByTime(60_000); // the retry, without any further call
    const recorded = core.vault.read((db) => new AuditRepo(db).last());
    expect(recorded?.action).toBe('vault.anchorFailed');
    expect(JSON.parse(recorded?.details ?? '{}')).toMatchObject({ attempts: 3 });
    expect(core.vault.securityNotices()).toEqual([expect.objectContaining({ kind: 'anchorFailed', count: 3 })]);
    vi.advanceTimersByTime(ANCHOR_DELAY_MS);
    expect(anchorOnDisk(dir)).toEqual({ seq: head(core).seq, head: head(core).hash });
    core.settings.update({ autoLockMinutes: 8 });
    expect(core.settings.get().autoLockMinutes).toBe(8);
    expect(core.audit.verify().ok).toBe(true);
  });

  it('a lock that cannot anchor says so, and the next unlock records the failure', async () => {
    const { core, dir } = await vault();
    core.settings.update({ autoLockMinutes: 5 });
    const written = head(core);
    keySlotFileHeld();
    const events: unknown[] = [];
    core.onEvent((name, payload) => events.push({ name, payload }));
    const locked = await core.router.call('session.lock', {});
    expect(locked.ok ? null : locked.error.key).toBe('anchorFailedAtLock');
    // What the unlock screen reads to say so, whichever lock it was (idle, suspend, a button).
    expect(events).toContainEqual({ name: 'session.changed', payload: { state: 'locked', reason: 'manual', anchorFailed: true } });
    expect(core.vault.state()).toBe('locked');
    expect(anchorOnDisk(dir).seq).toBeLessThan(written.seq);

    delete atomicWriteHooks.beforeRename;
    await core.vault.unlock(ADMIN.username, ADMIN.password);
    // The lock's own entry was committed before its anchor failed; the failure comes next.
    expect(actions(core, written.seq)).toEqual(['session.lock', 'vault.anchorFailed', 'session.unlock']);
    expect(core.vault.securityNotices().map((n) => n.kind)).toEqual(['anchorFailed']);
    expect(anchorOnDisk(dir)).toEqual({ seq: head(core).seq, head: head(core).hash });
  });

  it('a crash while the file cannot be written: the copy opens whole and records the failure', async () => {
    const { core, dir } = await vault();
    keySlotFileHeld();
    core.settings.update({ autoLockMinutes: 5 });
    vi.advanceTimersByTime(ANCHOR_DELAY_MS);
    const last = head(core);
    delete atomicWriteHooks.beforeRename;
    const after = open(crashCopy(dir));
    await after.vault.unlock(ADMIN.username, ADMIN.password);
    expect(after.settings.get().autoLockMinutes).toBe(5);
    expect(actions(after, last.seq)).toEqual(['vault.anchorFailed', 'session.unlock']);
    expect(after.audit.verify().ok).toBe(true);
  });

  it('the checkpoint still empties the write-ahead log', async () => {
    const { core, dir } = await vault();
    core.settings.update({ autoLockMinutes: 5 });
    keySlotFileHeld();
    expect(statSync(join(dir, 'vault.db-wal')).size).toBeGreaterThan(0);
    expect(core.vault.checkpoint()).toBe(true);
    expect(statSync(join(dir, 'vault.db-wal')).size).toBe(0);
    // And the failure is not lost: the next write retries the anchor and is refused.
    expect(failure(() => core.settings.update({ autoLockMinutes: 6 })).key).toBe('anchorWriteFailed');
  });
});

/** Someone with the data key and a SQLite tool removes the trail's entries after `seq`, under the open vault. */
function cutTrailAfter(core: Core, seq: number): void {
  core.vault.read((db) =>
    db.$client.exec(`DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq > ${seq};
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;`),
  );
}

describe('the anchor never moves backwards', () => {
  it('a trail cut and written again under the open vault is not anchored: the vault locks and the next unlock refuses it', async () => {
    const { core, dir } = await vault();
    for (const m of [5, 6, 7]) core.settings.update({ autoLockMinutes: m });
    vi.advanceTimersByTime(ANCHOR_DELAY_MS);
    const anchored = anchorOnDisk(dir);
    cutTrailAfter(core, anchored.seq - 3);
    // New entries take the removed numbers and go past the anchor, with other hashes.
    for (const m of [8, 9, 10, 11]) core.settings.update({ autoLockMinutes: m });
    expect(head(core).seq).toBeGreaterThan(anchored.seq);
    vi.advanceTimersByTime(ANCHOR_DELAY_MS);
    expect(anchorOnDisk(dir)).toEqual(anchored);
    expect(core.vault.state()).toBe('locked');
    expect((await caught(core.vault.unlock(ADMIN.username, ADMIN.password))).key).toBe('databaseRolledBack');
  });

  it('verify() walks the chain against the anchor held in memory before anchoring: a cut trail is reported, not re-anchored', async () => {
    const { core, dir } = await vault();
    for (const m of [5, 6, 7]) core.settings.update({ autoLockMinutes: m });
    vi.advanceTimersByTime(ANCHOR_DELAY_MS);
    const anchored = anchorOnDisk(dir);
    cutTrailAfter(core, anchored.seq - 2);
    const result = core.audit.verify();
    expect(result).toMatchObject({ ok: false, reason: 'truncated' });
    expect(anchorOnDisk(dir)).toEqual(anchored);
  });

  it('verify() with entries not yet anchored covers them and then anchors them', async () => {
    const { core, dir } = await vault();
    vi.advanceTimersByTime(ANCHOR_DELAY_MS);
    for (const m of [5, 6, 7]) core.settings.update({ autoLockMinutes: m });
    const last = head(core);
    expect(anchorOnDisk(dir).seq).toBe(last.seq - 3);
    expect(core.audit.verify()).toMatchObject({ ok: true, entries: last.seq });
    expect(anchorOnDisk(dir)).toEqual({ seq: last.seq, head: last.hash });
  });
});

describe('the record of the key-slot file each write saw', () => {
  it('is trusted only when it names the chain head: an older file put back after entries it does not describe is refused', async () => {
    const { core, dir } = await vault();
    core.settings.update({ autoLockMinutes: 5 });
    vi.advanceTimersByTime(ANCHOR_DELAY_MS);
    const old = readSlots(dir);
    core.settings.update({ autoLockMinutes: 6 }); // records the old file, with this head
    // A writer that anchors every entry and keeps no such record (an older version of the app on
    // the same vault) appends an entry and anchors it in a newer file.
    core.vault.read((db) => appendAudit(new AuditRepo(db), new Date().toISOString(), { actorId: null, actorName: 'older-version', action: 'settings.update' }));
    core.vault.writeAnchor();
    expect(anchorOnDisk(dir).seq).toBe(head(core).seq);
    // The older file put back: it is the file the record names, but the record is not the head's.
    const err = await caught(open(crashCopy(dir, old)).vault.unlock(ADMIN.username, ADMIN.password));
    expect(err.key).toBe('keySlotsOutdated');
  });
});

describe('a crash between a commit and its anchor', () => {
  it('during the anchor\'s own rewrite (temp file written, not renamed): the folder opens whole', async () => {
    const { core, dir } = await vault();
    core.settings.update({ autoLockMinutes: 5 });
    let copy = '';
    atomicWriteHooks.beforeRename = (tmp) => {
      if (tmp.includes('keyslots.json') && !copy) copy = crashCopy(dir);
    };
    vi.advanceTimersByTime(ANCHOR_DELAY_MS);
    expect(copy).not.toBe('');
    const last = head(core);
    const after = open(copy);
    await after.vault.unlock(ADMIN.username, ADMIN.password);
    expect(after.vault.read((db) => new AuditRepo(db).bySeq(last.seq))?.hash).toBe(last.hash);
    expect(after.settings.get().autoLockMinutes).toBe(5);
    expect(after.audit.verify().ok).toBe(true);
  });

  it('after a password change, the file from before it is refused even while entries wait for their anchor', async () => {
    const { core, dir } = await vault();
    await core.users.add(CARA);
    core.vault.lock();
    await core.vault.unlock(CARA.username, CARA.password);
    const old = readSlots(dir);
    await core.users.changeOwnPassword({ currentPassword: CARA.password, newPassword: 'cara new pass 123' });
    // No lock and no timer: the crash comes before the password change's entry is anchored.
    expect(anchorOnDisk(dir).seq).toBeLessThan(head(core).seq);
    const err = await caught(open(crashCopy(dir, old)).vault.unlock(CARA.username, CARA.password));
    expect(err.key).toBe('keySlotsOutdated');
    // The file actually on disk at the crash opens with the new password.
    const same = open(crashCopy(dir));
    await same.vault.unlock(CARA.username, 'cara new pass 123');
    expect(same.vault.session()?.username).toBe(CARA.username);
  });

  it('after the office server key slot is made, a crash before the next anchor opens the folder (no false "file put back")', async () => {
    const { core, dir } = await vault();
    const { slotId } = await core.vault.addServerSlot(ADMIN.password);
    core.settings.update({ autoLockMinutes: 21 });
    // No lock and no timer: the crash comes before the entries after the new slot are anchored.
    expect(anchorOnDisk(dir).seq).toBeLessThan(head(core).seq);
    const last = head(core);
    const after = open(crashCopy(dir));
    await after.vault.unlock(ADMIN.username, ADMIN.password);
    expect(after.vault.read((db) => new AuditRepo(db).bySeq(last.seq))?.hash).toBe(last.hash);
    expect(parseKeySlotFile(readSlots(dir)).slots.some((s) => s.id === slotId && s.kind === 'server')).toBe(true);
    expect(after.settings.get().autoLockMinutes).toBe(21);
  });
});
