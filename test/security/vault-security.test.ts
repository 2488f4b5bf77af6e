/**
 * Security properties of the vault. Each test would fail if its property broke.
 */
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseOpenError, openRaw } from '../../db/connection';
import { AppError } from '../../shared/errors';
import { ADMIN, makeCore, newVault, tempDir } from '../helpers/vault';
import { FakeClock } from '../helpers/fake-clock';
import { dataKeyFromSlots, readSlots } from '../helpers/keys';
import { filesContaining, fingerprint, flipByte } from '../helpers/files';
import { lockoutKey } from '../../electron/core/vault/lockout';

const MARKER = 'ZQX-MARKER-7731-Ünïcødé';
const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

async function vault(clock = new FakeClock()) {
  const v = await newVault(clock);
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

const VAULT_STATE = ['vault.db', 'keyslots.json'];

describe('no plaintext on disk', () => {
  it('keeps a marker written to the vault out of every file: database, WAL, SHM, key slots, backup copy', async () => {
    const { core, dir } = await vault();
    // Many rows so the WAL holds pages, and the marker in several places (names, settings audit).
    for (let i = 0; i < 3; i++) {
      await core.users.add({ username: `staff${i}`, displayName: `${MARKER} ${i}`, role: 'caseworker', password: 'a long password 1' });
    }
    const stagingDir = join(dir, '..', 'backup-staging');
    mkdirSync(stagingDir);
    core.vault.backupTo(stagingDir);
    // While open (WAL and SHM present) ...
    expect(statSync(join(dir, 'vault.db-wal')).size).toBeGreaterThan(0);
    expect(filesContaining(join(dir, '..'), MARKER)).toEqual([]);
    core.vault.lock();
    // ... and after closing.
    expect(filesContaining(join(dir, '..'), MARKER)).toEqual([]);
    // Sanity: the check itself finds a marker where there is one.
    writeFileSync(join(stagingDir, 'probe.txt'), Buffer.from(MARKER, 'utf16le'));
    expect(filesContaining(join(dir, '..'), MARKER)).toHaveLength(1);
  });
});

describe('clear errors that change nothing', () => {
  it('refuses a key-slot file with a flipped byte as damaged, not as a wrong password', async () => {
    const { core, dir } = await vault();
    core.vault.lock();
    const path = join(dir, 'keyslots.json');
    const size = statSync(path).size;
    for (const offset of [10, Math.floor(size / 2), size - 20]) {
      const original = readFileSync(path);
      flipByte(path, offset);
      const before = fingerprint(dir, VAULT_STATE);
      const err = await caught(core.vault.unlock(ADMIN.username, ADMIN.password));
      expect(err.key).toBe('keySlotsDamaged');
      expect(fingerprint(dir, VAULT_STATE)).toEqual(before);
      writeFileSync(path, original);
    }
    await core.vault.unlock(ADMIN.username, ADMIN.password);
  });

  it('detects a key-slot file altered with a recomputed checksum (MAC under the data key)', async () => {
    const { core, dir } = await vault();
    core.vault.lock();
    const path = join(dir, 'keyslots.json');
    const json = JSON.parse(readFileSync(path, 'utf8'));
    // An attacker lowers the recorded audit head to hide entries, and fixes the checksum.
    json.audit.seq = 1;
    const { createHash } = await import('node:crypto');
    const canonicalize = (await import('canonicalize')).default;
    const { checksum: _c, mac: _m, previousMac: _p, ...body } = json;
    json.checksum = createHash('sha256').update(canonicalize(body) ?? '').update('\n').update(json.mac).digest('hex');
    writeFileSync(path, JSON.stringify(json));
    const err = await caught(core.vault.unlock(ADMIN.username, ADMIN.password));
    expect(err.key).toBe('keySlotsTampered');
    expect(core.vault.state()).toBe('locked');
  });

  it('refuses a database with a flipped byte, page 1 or a data page, and leaves it as it was', async () => {
    const { core, dir } = await vault();
    for (let i = 0; i < 2; i++) await core.users.add({ username: `u${i}`, displayName: 'x'.repeat(2000), role: 'caseworker', password: 'a long password 1' });
    core.vault.lock();
    const db = join(dir, 'vault.db');
    const pristine = readFileSync(db);
    for (const offset of [200, 4096 + 100, pristine.length - 50]) {
      flipByte(db, offset);
      const before = fingerprint(dir, VAULT_STATE);
      const err = await caught(core.vault.unlock(ADMIN.username, ADMIN.password));
      expect(err.key).toBe('databaseDamaged');
      expect(fingerprint(dir, VAULT_STATE)).toEqual(before);
      writeFileSync(db, pristine);
    }
    await core.vault.unlock(ADMIN.username, ADMIN.password);
  });
});

describe('users, keys and recovery', () => {
  it('after a user is disabled, their password and the old data key both fail', async () => {
    const { core, dir } = await vault();
    await core.users.add({ username: 'leaver', displayName: 'L', role: 'coordinator', password: 'leaver password 1' });
    core.vault.lock();
    await core.vault.unlock('leaver', 'leaver password 1');
    // The leaver keeps the data key they could reach.
    const oldKey = await dataKeyFromSlots(readSlots(dir), 'leaver', 'leaver password 1');
    const sanity = openRaw(join(dir, 'vault.db'), oldKey, false);
    sanity.close();
    core.vault.lock();
    await core.vault.unlock(ADMIN.username, ADMIN.password);
    const leaver = core.users.list().find((u) => u.username === 'leaver');
    await core.users.disable({ userId: leaver?.id ?? '' });
    core.vault.lock();
    expect(() => openRaw(join(dir, 'vault.db'), oldKey, false)).toThrow(DatabaseOpenError);
    expect((await caught(core.vault.unlock('leaver', 'leaver password 1'))).key).toBe('wrongCredentials');
    await core.vault.unlock(ADMIN.username, ADMIN.password);
    expect(core.users.list().find((u) => u.username === 'leaver')?.status).toBe('disabled');
  });

  it('the recovery key sets a new admin password; the old one stops working', async () => {
    const { core, recoveryKey } = await vault();
    core.vault.lock();
    expect((await caught(core.vault.recover('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH', ADMIN.username, 'new admin password'))).key).toBe(
      'wrongRecoveryKey',
    );
    await core.vault.recover(recoveryKey.toLowerCase(), ADMIN.username, 'new admin password');
    expect(core.vault.state()).toBe('locked');
    expect((await caught(core.vault.unlock(ADMIN.username, ADMIN.password))).key).toBe('wrongCredentials');
    await core.vault.unlock(ADMIN.username, 'new admin password');
    const actions = core.audit.latest({ limit: 20 }).map((e) => e.action);
    expect(actions).toContain('user.passwordReset');
    expect(actions).toContain('session.unlockFailed');
    expect(core.audit.verify().ok).toBe(true);
  });

  it('the recovery key cannot reset a non-admin password', async () => {
    const { core, recoveryKey } = await vault();
    await core.users.add({ username: 'cw', displayName: 'C', role: 'caseworker', password: 'caseworker pass 1' });
    core.vault.lock();
    expect((await caught(core.vault.recover(recoveryKey, 'cw', 'new password 12345'))).key).toBe('recoveryNotAdmin');
    await core.vault.unlock('cw', 'caseworker pass 1');
  });

  it('changing a password re-wraps only that slot', async () => {
    const { core, dir } = await vault();
    await core.users.add({ username: 'bob', displayName: 'B', role: 'caseworker', password: 'bob password 123' });
    const before = JSON.parse(readSlots(dir));
    await core.users.changeOwnPassword({ currentPassword: ADMIN.password, newPassword: 'another admin pass' });
    const after = JSON.parse(readSlots(dir));
    type Slot = { username: string | null; kdf: unknown; wrappedPrivateKey: unknown; sealed: unknown; publicKey: string };
    const pick = (f: { slots: Slot[] }, u: string | null) => f.slots.find((s) => s.username === u);
    expect(pick(after, 'bob')).toEqual(pick(before, 'bob'));
    expect(pick(after, null)).toEqual(pick(before, null));
    expect(pick(after, ADMIN.username)?.wrappedPrivateKey).not.toEqual(pick(before, ADMIN.username)?.wrappedPrivateKey);
    expect(pick(after, ADMIN.username)?.sealed).toEqual(pick(before, ADMIN.username)?.sealed);
    expect(after.generation).toBe(before.generation);
    core.vault.lock();
    await core.vault.unlock(ADMIN.username, 'another admin pass');
  });

  it('a re-key interrupted at either step leaves a vault that opens and finishes the job', async () => {
    for (const crashAt of ['slots-pending', 'database-swapped'] as const) {
      const clock = new FakeClock();
      const { dir, cleanup } = tempDir();
      cleanups.push(cleanup);
      const vaultDir = join(dir, 'v');
      const crashing = makeCore(vaultDir, clock, {
        afterRekeyStep: (step) => {
          if (step === crashAt) throw new Error(`simulated crash at ${step}`);
        },
      });
      await crashing.vault.create({ organisationName: 'Org', country: 'LU', admin: ADMIN });
      const u = await crashing.users.add({ username: 'gone', displayName: 'G', role: 'caseworker', password: 'gone password 12' });
      await expect(crashing.users.disable({ userId: u.id })).rejects.toThrow(/simulated crash/);
      expect(JSON.parse(readSlots(vaultDir)).pendingGeneration).toBe(2);
      const restarted = makeCore(vaultDir, clock);
      expect((await caught(restarted.vault.unlock('gone', 'gone password 12'))).key).toBe('wrongCredentials');
      await restarted.vault.unlock(ADMIN.username, ADMIN.password);
      const slots = JSON.parse(readSlots(vaultDir));
      expect(slots.generation).toBe(2);
      expect(slots.pendingGeneration).toBeNull();
      expect(restarted.audit.verify().ok).toBe(true);
      restarted.vault.lock();
      await restarted.vault.unlock(ADMIN.username, ADMIN.password);
      restarted.dispose();
    }
  });
});

describe('audit trail tampering and rollback', () => {
  async function tamperedVault(sql: string[]) {
    const { core, dir } = await vault();
    for (let i = 0; i < 3; i++) core.settings.update({ autoLockMinutes: 5 + i });
    core.vault.lock(); // the lock entry becomes the anchored head
    const key = await dataKeyFromSlots(readSlots(dir), ADMIN.username, ADMIN.password);
    const raw = openRaw(join(dir, 'vault.db'), key, false);
    // Someone with the data key and a SQLite tool bypasses the append-only triggers.
    raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    for (const s of sql) raw.exec(s);
    raw.exec(`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
              CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;`);
    raw.close();
    await core.vault.unlock(ADMIN.username, ADMIN.password);
    return core;
  }

  it('refuses UPDATE and DELETE through SQL while the triggers stand', async () => {
    const { core } = await vault();
    expect(() => core.vault.read((db) => db.$client.exec("UPDATE audit_log SET action = 'x' WHERE seq = 1"))).toThrow(/append-only/);
    expect(() => core.vault.read((db) => db.$client.exec('DELETE FROM audit_log WHERE seq = 1'))).toThrow(/append-only/);
  });

  it.each([
    ['an edited entry', ["UPDATE audit_log SET actor_name = 'someone-else' WHERE seq = 3"], 3],
    ['a deleted entry', ['DELETE FROM audit_log WHERE seq = 4'], 4],
    ['two swapped entries', ['UPDATE audit_log SET seq = -1 WHERE seq = 3', 'UPDATE audit_log SET seq = 3 WHERE seq = 4', 'UPDATE audit_log SET seq = 4 WHERE seq = -1'], 3],
  ])('names the first broken entry after %s', async (_name, sql, brokenSeq) => {
    const core = await tamperedVault(sql);
    const result = core.audit.verify();
    expect(result.ok).toBe(false);
    expect(result.firstBrokenSeq).toBe(brokenSeq);
  });

  it('detects an older copy of the database next to a newer key-slot file', async () => {
    const { core, dir } = await vault();
    core.vault.lock();
    const old = join(dir, '..', 'old.db');
    copyFileSync(join(dir, 'vault.db'), old);
    await core.vault.unlock(ADMIN.username, ADMIN.password);
    core.settings.update({ autoLockMinutes: 9 });
    core.vault.lock();
    copyFileSync(old, join(dir, 'vault.db'));
    const before = fingerprint(dir, VAULT_STATE);
    expect((await caught(core.vault.unlock(ADMIN.username, ADMIN.password))).key).toBe('databaseRolledBack');
    expect(fingerprint(dir, VAULT_STATE)).toEqual(before);
  });
});

describe('recovery key rotation', () => {
  it('replaces the recovery key and the data key; the old recovery key stops working', async () => {
    const { core, dir, recoveryKey } = await vault();
    expect(core.vault.recoveryKeyConfirmed()).toBe(false);
    core.vault.confirmRecoveryKey();
    expect(core.vault.recoveryKeyConfirmed()).toBe(true);
    expect((await caught(core.vault.rotateRecoveryKey('not my password'))).key).toBe('wrongCredentials');
    const generation = JSON.parse(readSlots(dir)).generation;
    const { recoveryKey: fresh } = await core.vault.rotateRecoveryKey(ADMIN.password);
    expect(fresh).not.toBe(recoveryKey);
    const slots = JSON.parse(readSlots(dir));
    expect(slots.generation).toBe(generation + 1);
    expect(slots.slots.filter((s: { kind: string }) => s.kind === 'recovery')).toHaveLength(1);
    expect(core.vault.recoveryKeyConfirmed()).toBe(false);
    core.vault.lock();
    expect((await caught(core.vault.recover(recoveryKey, ADMIN.username, 'new admin password'))).key).toBe('wrongRecoveryKey');
    await core.vault.recover(fresh, ADMIN.username, 'new admin password');
    await core.vault.unlock(ADMIN.username, 'new admin password');
    expect(core.audit.latest({ limit: 30 }).map((e) => e.action)).toContain('vault.recoveryKeyRotated');
  });
});

describe('findings of the security review (regression tests)', () => {
  it('H1: a pending data key planted in the key-slot file by someone without the current key is refused', async () => {
    const { serialiseKeySlotFile, parseKeySlotFile, bodyOf } = await import('../../electron/core/vault/keyslot-file');
    const { sealDataKey, newDataKey } = await import('../../electron/core/crypto/slot-crypto');
    const { core, dir } = await vault();
    core.vault.lock();
    const realKey = await dataKeyFromSlots(readSlots(dir), ADMIN.username, ADMIN.password);
    const file = parseKeySlotFile(readSlots(dir));
    const planted = newDataKey();
    const gen = file.generation + 1;
    const body = bodyOf(file);
    const slots = [];
    for (const s of body.slots) {
      const jwe = await sealDataKey(planted, Buffer.from(s.publicKey, 'base64url'), { vaultId: body.vaultId, slotId: s.id, generation: gen });
      slots.push({ ...s, sealed: { ...s.sealed, [String(gen)]: jwe } });
    }
    // The attacker can MAC with the planted key but can only guess the current one.
    writeFileSync(join(dir, 'keyslots.json'), serialiseKeySlotFile({ ...body, slots, pendingGeneration: gen }, planted, newDataKey()));
    const before = fingerprint(dir, VAULT_STATE);
    expect((await caught(core.vault.unlock(ADMIN.username, ADMIN.password))).key).toBe('keySlotsTampered');
    expect(fingerprint(dir, VAULT_STATE)).toEqual(before);
    // The database is still under the real key, not the planted one.
    openRaw(join(dir, 'vault.db'), realKey, false).close();
    expect(() => openRaw(join(dir, 'vault.db'), planted, false)).toThrow(DatabaseOpenError);
  });

  it('H2: locking while a password change awaits its KDF aborts the change and leaves a vault that opens', async () => {
    const { core } = await vault();
    const change = core.users.changeOwnPassword({ currentPassword: ADMIN.password, newPassword: 'a new admin password' });
    core.vault.lock('suspend');
    expect((await caught(change)).code).toBe('LOCKED');
    await core.vault.unlock(ADMIN.username, ADMIN.password);
    const add = core.users.add({ username: 'late', displayName: 'L', role: 'caseworker', password: 'late password 123' });
    core.vault.lock('screen-lock');
    expect((await caught(add)).code).toBe('LOCKED');
    await core.vault.unlock(ADMIN.username, ADMIN.password);
    expect(core.audit.verify().ok).toBe(true);
  });

  it('M1: parallel wrong guesses cannot slip past the delay', async () => {
    const { core } = await vault();
    core.vault.lock();
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => core.vault.unlock(ADMIN.username, 'a wrong guess!!')));
    const keys = results.map((r) => (r.status === 'rejected' && r.reason instanceof AppError ? r.reason.key : 'ok'));
    expect(keys.filter((k) => k === 'wrongCredentials')).toHaveLength(3);
    expect(keys.filter((k) => k === 'tooManyAttempts')).toHaveLength(5);
  });

  it('M4: an unlock that fails after the session started leaves the vault locked', async () => {
    const clock = new FakeClock();
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    let failRekey = false;
    const core = makeCore(join(dir, 'v'), clock, {
      afterRekeyStep: () => {
        if (failRekey) throw new Error('simulated failure');
      },
    });
    await core.vault.create({ organisationName: 'Org', country: 'NL', admin: ADMIN });
    // A slot without a user row (an interrupted "add user"): the next unlock removes it with a re-key.
    await core.vault.addUserSlot('0b7c9a54-2f1e-4d7a-9c3b-5e6f7a8b9c0d', 'ghost', 'ghost password 1');
    core.vault.lock();
    failRekey = true;
    await expect(core.vault.unlock(ADMIN.username, ADMIN.password)).rejects.toThrow(/simulated failure/);
    expect(core.vault.state()).toBe('locked');
    expect(core.autoLock.isRunning()).toBe(false);
    failRekey = false;
    await core.vault.unlock(ADMIN.username, ADMIN.password);
    expect(JSON.parse(readSlots(join(dir, 'v'))).slots.some((s: { username: string }) => s.username === 'ghost')).toBe(false);
    core.dispose();
  });

  it('M5: set-up next to a database without its key file moves the database aside instead of deleting it', async () => {
    const { core, dir } = await vault();
    core.vault.lock();
    const original = readFileSync(join(dir, 'vault.db'));
    const { rmSync, readdirSync } = await import('node:fs');
    rmSync(join(dir, 'keyslots.json'));
    await core.vault.create({ organisationName: 'Again', country: 'BE', admin: ADMIN });
    const aside = readdirSync(dir).find((f) => f.startsWith('vault.db.orphaned-') && !f.endsWith('-wal') && !f.endsWith('-shm'));
    expect(aside).toBeDefined();
    expect(readFileSync(join(dir, aside ?? ''))).toEqual(original);
  });

  it('M6: a failure recorded with a clock far ahead delays no longer than the delay itself', async () => {
    const clock = new FakeClock();
    const { core, dir } = await vault(clock);
    core.vault.lock();
    const future = new Date(clock.now().getTime() + 180 * 86_400_000).toISOString();
    const byName = { [lockoutKey({ username: ADMIN.username })]: { failures: 4, lastFailureAt: future } };
    writeFileSync(join(dir, 'lockout.json'), JSON.stringify({ version: 2, byName }));
    const err = await caught(core.vault.unlock(ADMIN.username, ADMIN.password));
    expect(err.details?.retryAfterSeconds).toBe(10);
    clock.advance(10_000);
    await core.vault.unlock(ADMIN.username, ADMIN.password);
  });
});
