/**
 * Attacks by a staff member who can copy and write the vault folder while it is locked, performed
 * with the project's own modules: extract the data key with their own password, plant key slots
 * and re-MAC the key file, put back an old key file, edit KDF costs, reset the lockout file, leave
 * files readable by others, crash between a temporary file and its rename, and lock the vault with
 * a stale lock. Each is refused or detected; each test fails without its fix.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditRepo } from '../../db/audit.repo';
import { AppError } from '../../shared/errors';
import { deriveSlotKey, newKdfParams } from '../../electron/core/crypto/kdf';
import { newRecoveryKey } from '../../electron/core/crypto/recovery-key';
import { generateSlotKeyPair, sealDataKey, wipe, wrapPrivateKey } from '../../electron/core/crypto/slot-crypto';
import { FiredJournal } from '../../electron/core/reminders/fired-journal';
import { dirLockHeld } from '../../electron/core/vault/dir-lock';
import { bodyOf, parseKeySlotFile, serialiseKeySlotFile, slotAad, type KeySlot, type KeySlotFile } from '../../electron/core/vault/keyslot-file';
import { systemClock } from '../../electron/core/ports';
import { ADMIN, makeCore, newVault, tempDir } from '../helpers/vault';
import { FakeClock } from '../helpers/fake-clock';
import { dataKeyFromSlots, readSlots } from '../helpers/keys';
import { generateOrganisationKeys, serialiseKeyCard } from '../../electron/core/handover/org-keys';
import { auditRows, call, fail, makePartners, newOrg, type Org } from '../helpers/handover';

const root = join(import.meta.dirname, '..', '..');
const CARA = { username: 'cara', displayName: 'Cara Caseworker', role: 'caseworker' as const, password: 'cara password 12' };

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

async function vault(clock: FakeClock | typeof systemClock = new FakeClock()) {
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

/** What an insider writes: a slot with chosen identity fields, sealed to the data key they extracted. */
async function plantSlot(file: KeySlotFile, dataKey: Buffer, meta: Pick<KeySlot, 'id' | 'kind' | 'userId' | 'username'>, secret: string): Promise<KeySlot> {
  const kdf = newKdfParams(file.kdfCost);
  const kek = await deriveSlotKey(secret, kdf);
  const pair = generateSlotKeyPair();
  const slot: KeySlot = {
    ...meta,
    kdf,
    publicKey: pair.publicKey.toString('base64url'),
    wrappedPrivateKey: wrapPrivateKey(kek, pair.privateKey, slotAad(file.vaultId, meta)),
    sealed: { [String(file.generation)]: await sealDataKey(dataKey, pair.publicKey, { vaultId: file.vaultId, slotId: meta.id, generation: file.generation }) },
  };
  wipe(kek, pair.privateKey);
  return slot;
}

/** Rewrites the key file with a valid checksum and MAC under the extracted data key. */
function rewrite(dir: string, file: KeySlotFile, slots: KeySlot[], dataKey: Buffer): void {
  writeFileSync(join(dir, 'keyslots.json'), serialiseKeySlotFile({ ...bodyOf(file), slots }, dataKey));
}

function auditActions(core: ReturnType<typeof makeCore>): string[] {
  return core.vault.read((db) => new AuditRepo(db).latest(500)).map((e) => e.action);
}

describe('planted key slots', () => {
  it('a slot reusing an admin slot id and user id under another name, and a second recovery slot: never unlock, dropped at the next unlock, audited, shown to the admin', async () => {
    const { core, dir } = await vault();
    const cara = await core.users.add(CARA);
    core.vault.lock();

    // Cara extracts the data key with her own password and plants two slots, re-MACed.
    const file = parseKeySlotFile(readSlots(dir));
    const dataKey = await dataKeyFromSlots(readSlots(dir), CARA.username, CARA.password);
    const admin = file.slots.find((s) => s.username === ADMIN.username) as KeySlot;
    const asAdmin = await plantSlot(file, dataKey, { id: admin.id, kind: 'user', userId: admin.userId, username: 'cara.admin' }, 'cara admin pass 1');
    const plantedRecovery = newRecoveryKey();
    const recovery = await plantSlot(file, dataKey, { id: crypto.randomUUID(), kind: 'recovery', userId: null, username: null }, plantedRecovery);
    rewrite(dir, file, [...file.slots, asAdmin, recovery], dataKey);

    // Neither opens a session: the users row must match the slot id, user id and name.
    expect((await caught(core.vault.unlock('cara.admin', 'cara admin pass 1'))).key).toBe('wrongCredentials');
    expect((await caught(core.vault.recover(plantedRecovery, ADMIN.username, 'a new admin pass 1'))).key).toBe('wrongRecoveryKey');

    // The next unlock rebuilds the slot set from the users table, re-keys, audits and tells the admin.
    await core.vault.unlock(ADMIN.username, ADMIN.password);
    const after = parseKeySlotFile(readSlots(dir));
    expect(after.slots.map((s) => s.publicKey)).not.toContain(asAdmin.publicKey);
    expect(after.slots.map((s) => s.publicKey)).not.toContain(recovery.publicKey);
    expect(after.slots).toHaveLength(3);
    expect(after.generation).toBe(file.generation + 1);
    const dropped = core.vault.read((db) => new AuditRepo(db).latest(50)).find((e) => e.action === 'vault.slotsDropped');
    expect(JSON.parse(dropped?.details ?? '{}')).toMatchObject({ count: 2, 'duplicate-id': 1, 'extra-recovery': 1 });
    expect(core.vault.securityNotices()).toEqual([expect.objectContaining({ kind: 'slotsDropped', count: 2 })]);

    // Then the admin disables Cara and rotates the recovery key: the planted slots stay gone.
    await core.users.disable({ userId: cara.id });
    await core.vault.rotateRecoveryKey(ADMIN.password);
    core.vault.lock();
    const final = parseKeySlotFile(readSlots(dir));
    expect(final.slots.map((s) => s.kind).sort()).toEqual(['recovery', 'user']);
    expect((await caught(core.vault.unlock('cara.admin', 'cara admin pass 1'))).key).toBe('wrongCredentials');
    expect((await caught(core.vault.unlock(CARA.username, CARA.password))).key).toBe('wrongCredentials');
    expect((await caught(core.vault.recover(plantedRecovery, ADMIN.username, 'a new admin pass 1'))).key).toBe('wrongRecoveryKey');
    await core.vault.unlock(ADMIN.username, ADMIN.password);
    expect(core.audit.verify().ok).toBe(true);
    core.vault.dismissSecurityNotices();
    expect(core.vault.securityNotices()).toEqual([]);
  }, 120_000);

  it('a planted copy of the admin slot under the same name cannot take over the admin session after the admin unlocks', async () => {
    const { core, dir } = await vault();
    await core.users.add(CARA);
    core.vault.lock();
    const file = parseKeySlotFile(readSlots(dir));
    const dataKey = await dataKeyFromSlots(readSlots(dir), CARA.username, CARA.password);
    const admin = file.slots.find((s) => s.username === ADMIN.username) as KeySlot;
    const clone = await plantSlot(file, dataKey, { id: admin.id, kind: 'user', userId: admin.userId, username: ADMIN.username }, 'cara knows this 1');
    rewrite(dir, file, [clone, ...file.slots], dataKey);
    // The admin's own password still works (the clone is tried, then the real slot).
    await core.vault.unlock(ADMIN.username, ADMIN.password);
    expect(parseKeySlotFile(readSlots(dir)).slots.map((s) => s.publicKey)).not.toContain(clone.publicKey);
    core.vault.lock();
    expect((await caught(core.vault.unlock(ADMIN.username, 'cara knows this 1'))).key).toBe('wrongCredentials');
  }, 60_000);
});

describe('an old key file put back', () => {
  it('is refused when the database was written after it (ordinary password change)', async () => {
    const { core, dir } = await vault();
    await core.users.add(CARA);
    core.vault.lock();
    await core.vault.unlock(CARA.username, CARA.password);
    const old = readSlots(dir);
    await core.users.changeOwnPassword({ currentPassword: CARA.password, newPassword: 'cara new pass 123' });
    core.vault.lock();
    await core.vault.unlock(ADMIN.username, ADMIN.password);
    core.settings.update({ autoLockMinutes: 9 });
    core.vault.lock();
    writeFileSync(join(dir, 'keyslots.json'), old);
    expect((await caught(core.vault.unlock(CARA.username, CARA.password))).key).toBe('keySlotsOutdated');
  }, 60_000);

  it('opens nothing after "replace my password": the old slot no longer receives the data key', async () => {
    const { core, dir } = await vault();
    await core.users.add(CARA);
    core.vault.lock();
    await core.vault.unlock(CARA.username, CARA.password);
    const old = readSlots(dir);
    const generation = parseKeySlotFile(old).generation;
    await core.vault.replaceOwnPassword(CARA.password, 'cara new pass 123');
    expect(parseKeySlotFile(readSlots(dir)).generation).toBe(generation + 1);
    core.vault.lock();
    // The old password fails on the current file ...
    expect((await caught(core.vault.unlock(CARA.username, CARA.password))).key).toBe('wrongCredentials');
    // ... an old copy of the key file yields a key that no longer opens the database ...
    const current = readSlots(dir);
    writeFileSync(join(dir, 'keyslots.json'), old);
    expect((await caught(core.vault.unlock(CARA.username, CARA.password))).key).toBe('databaseDamaged');
    writeFileSync(join(dir, 'keyslots.json'), current);
    // ... and the old password with the current file's slots unseals nothing.
    await expect(dataKeyFromSlots(current, CARA.username, CARA.password)).rejects.toThrow();
    const session = await core.vault.unlock(CARA.username, 'cara new pass 123');
    expect(session.username).toBe(CARA.username);
    expect(auditActions(core)).toContain('vault.rekey');
  }, 60_000);
});

describe('KDF costs edited in the key file', () => {
  it('a slot whose cost differs from the vault cost is an altered key file, not a wrong password, and counts no failure', async () => {
    const { core, dir } = await vault();
    core.vault.lock();
    const file = parseKeySlotFile(readSlots(dir));
    const dataKey = await dataKeyFromSlots(readSlots(dir), ADMIN.username, ADMIN.password);
    const slots = file.slots.map((s) => (s.username === ADMIN.username ? { ...s, kdf: { ...s.kdf, iterations: s.kdf.iterations + 1 } } : s));
    rewrite(dir, file, slots, dataKey);
    expect((await caught(core.vault.unlock(ADMIN.username, ADMIN.password))).key).toBe('keySlotsTampered');
    expect(core.vault.lockout.pending()).toEqual([]);
  });

  it('a vault cost above what set-up can choose is refused before the KDF runs', async () => {
    const { core, dir } = await vault();
    core.vault.lock();
    const file = parseKeySlotFile(readSlots(dir));
    const dataKey = await dataKeyFromSlots(readSlots(dir), ADMIN.username, ADMIN.password);
    const cost = { memoryKiB: 131_072, iterations: 64, parallelism: 4 };
    const slots = file.slots.map((s) => ({ ...s, kdf: { ...s.kdf, ...cost } }));
    writeFileSync(join(dir, 'keyslots.json'), serialiseKeySlotFile({ ...bodyOf(file), kdfCost: cost, slots }, dataKey));
    const started = Date.now();
    expect((await caught(core.vault.unlock(ADMIN.username, ADMIN.password))).key).toBe('keySlotsTampered');
    // 64 passes over 128 MiB would take many seconds here; refused before any.
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(core.vault.lockout.pending()).toEqual([]);
  });
});

describe('failed unlocks', () => {
  it("are counted per user name: one person's typos do not delay another", async () => {
    const clock = new FakeClock();
    const { core } = await vault(clock);
    await core.users.add(CARA);
    core.vault.lock();
    for (let i = 0; i < 4; i++) await caught(core.vault.unlock(CARA.username, 'not her password'));
    expect((await caught(core.vault.unlock(CARA.username, CARA.password))).key).toBe('tooManyAttempts');
    const s = await core.vault.unlock(ADMIN.username, ADMIN.password);
    expect(s.username).toBe(ADMIN.username);
  });

  it('reach the audit trail even when the lockout file was deleted', async () => {
    const { core, dir } = await vault();
    core.vault.lock();
    // Three failures (a fourth attempt would wait), then the delay is lifted by deleting the file.
    for (let i = 0; i < 3; i++) expect((await caught(core.vault.unlock(ADMIN.username, 'not the password'))).key).toBe('wrongCredentials');
    expect((await caught(core.vault.unlock(ADMIN.username, ADMIN.password))).key).toBe('tooManyAttempts');
    rmSync(join(dir, 'lockout.json'));
    await core.vault.unlock(ADMIN.username, ADMIN.password);
    expect(auditActions(core).filter((a) => a === 'session.unlockFailed')).toHaveLength(3);
    expect(existsSync(join(dir, 'unlock-failures.log'))).toBe(false);
  });
});

function mode(path: string): number {
  return statSync(path).mode & 0o777;
}

describe('file modes', () => {
  it('set-up into an existing 0755 folder leaves the folder 0700 and every file 0600, the reminder journal too', async () => {
    const { dir: parent, cleanup } = tempDir();
    cleanups.push(cleanup);
    const dir = join(parent, 'vault');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    const core = makeCore(dir);
    cleanups.push(() => core.dispose());
    await core.vault.create({ organisationName: 'Test Centre', country: 'BE', admin: ADMIN });
    core.settings.update({ autoLockMinutes: 9 });
    new FiredJournal(dir).add(['reminder-1']);
    await caught(makeCore(dir).vault.unlock('nobody', 'not a password'));
    expect(mode(dir)).toBe(0o700);
    const files = readdirSync(dir);
    expect(files).toEqual(expect.arrayContaining(['vault.db', 'vault.db-wal', 'vault.db-shm', 'keyslots.json', 'vault.lock', 'reminders-fired-locked.json', 'lockout.json', 'unlock-failures.log']));
    for (const f of files) expect([f, mode(join(dir, f))]).toEqual([f, 0o600]);
    // A re-key writes the database anew: still 0600.
    await core.users.add(CARA);
    const cara = core.users.list().find((u) => u.username === CARA.username);
    await core.users.disable({ userId: cara?.id ?? '' });
    for (const f of readdirSync(dir)) expect([f, mode(join(dir, f))]).toEqual([f, 0o600]);
  });

  it('files and folder loosened while locked are tightened at the next unlock, audited and shown to an administrator', async () => {
    const { core, dir } = await vault();
    core.vault.lock();
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'vault.db'), 0o644);
    chmodSync(join(dir, 'keyslots.json'), 0o644);
    await core.vault.unlock(ADMIN.username, ADMIN.password);
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(dir, 'vault.db'))).toBe(0o600);
    expect(mode(join(dir, 'keyslots.json'))).toBe(0o600);
    const entry = core.vault.read((db) => new AuditRepo(db).latest(20)).find((e) => e.action === 'vault.modesTightened');
    expect(JSON.parse(entry?.details ?? '{}')).toEqual({ count: 3 });
    expect(core.vault.securityNotices()).toEqual([expect.objectContaining({ kind: 'modesTightened', count: 3 })]);
  });
});

function runChild(args: string[], until: (line: string, child: ChildProcess) => void): Promise<{ signal: NodeJS.Signals | null; lines: string[] }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'test/crash/holder.ts'), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let buffer = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        until(line, child);
      }
    });
    child.on('exit', (_code, signal) => resolve({ signal, lines }));
  });
}

describe('after a crash', () => {
  it('a process killed between the key file temporary write and its rename: the write stands, the leftover is removed at unlock and audited', async () => {
    const { core, dir } = await vault(systemClock);
    core.vault.lock();
    const { signal, lines } = await runChild(['kill-before-rename', dir, ADMIN.username, ADMIN.password], () => undefined);
    expect(signal).toBe('SIGKILL');
    const ack = Number(/^ack (\d+)$/.exec(lines.find((l) => l.startsWith('ack')) ?? '')?.[1]);
    const leftovers = () => readdirSync(dir).filter((f) => f.endsWith('.tmp'));
    expect(leftovers()).toHaveLength(1);
    // The leftover is a complete, valid copy of the key file: key material outside the real file.
    expect(() => parseKeySlotFile(readFileSync(join(dir, leftovers()[0] ?? ''), 'utf8'))).not.toThrow();
    await core.vault.unlock(ADMIN.username, ADMIN.password);
    expect(leftovers()).toEqual([]);
    const repo = core.vault.read((db) => new AuditRepo(db));
    expect(repo.bySeq(ack)?.action).toBe('settings.update');
    const entry = repo.latest(20).find((e) => e.action === 'vault.leftoversRemoved');
    expect(JSON.parse(entry?.details ?? '{}')).toEqual({ count: 1 });
    expect(core.audit.verify().ok).toBe(true);
  }, 60_000);
});

describe('the vault lock', () => {
  it('an old-style lock file naming a live, unrelated process does not block', async () => {
    const { core, dir } = await vault();
    core.vault.lock();
    const sleeper = spawn('sleep', ['30']);
    try {
      writeFileSync(join(dir, 'vault.lock'), String(sleeper.pid));
      const s = await core.vault.unlock(ADMIN.username, ADMIN.password);
      expect(s.username).toBe(ADMIN.username);
    } finally {
      sleeper.kill('SIGKILL');
    }
  });

  it('a second real process is refused with the clear message, and gets the vault once the first is killed', async () => {
    const { core, dir } = await vault(systemClock);
    core.vault.lock();
    let holder: ChildProcess | undefined;
    const ready = new Promise<void>((resolve) => {
      void runChild(['hold', dir, ADMIN.username, ADMIN.password], (line, child) => {
        holder = child;
        if (line === 'ready') resolve();
      });
    });
    await ready;
    const err = await caught(makeCore(dir, systemClock).vault.unlock(ADMIN.username, ADMIN.password));
    expect(err.key).toBe('vaultBusy');
    expect(dirLockHeld(dir)).toBe(true);
    const exited = new Promise((r) => holder?.on('exit', r));
    holder?.kill('SIGKILL');
    await exited;
    expect(dirLockHeld(dir)).toBe(false);
    // No file to delete by hand: the operating system released the lock with the process.
    const s = await core.vault.unlock(ADMIN.username, ADMIN.password);
    expect(s.username).toBe(ADMIN.username);
  }, 60_000);
});

const COORDINATOR = { username: 'coord.insider', displayName: 'C', role: 'coordinator' as const, password: 'coordinator pass 1' };

/** A BE centre and its verified LU partner; BE's coordinator signed in (the insider). */
async function centreWithPartner() {
  const clock = new FakeClock('2026-12-07T09:00:00.000Z');
  const be = await newOrg(clock, 'Centrum Voorbeeld (test)', 'BE', cleanups);
  const lu = await newOrg(clock, 'Service Exemple (test)', 'LU', cleanups);
  const { bId: luId } = await makePartners(be, lu);
  const luCard = await call(lu.core, 'keys.card', {});
  await call(be.core, 'users.add', COORDINATOR);
  await signIn(be, COORDINATOR.username, COORDINATOR.password);
  return { clock, be, lu, luId, luCard };
}

async function signIn(org: Org, username: string, password: string): Promise<void> {
  org.core.vault.lock();
  await org.core.vault.unlock(username, password);
}

/** A self-signed card naming a real partner's organisation id, made with the attacker's own keys. */
function forgedCard(orgId: string, createdAt: Date): { fileBase64: string; digits: string } {
  const forged = generateOrganisationKeys({ orgId, name: 'Service Exemple (test)', country: 'LU', now: createdAt });
  return { fileBase64: Buffer.from(serialiseKeyCard(forged.card), 'utf8').toString('base64'), digits: forged.fingerprint.display };
}

async function partnerIsUsable(be: Org, luId: string, fingerprintHex: string): Promise<void> {
  const [lu] = (await call(be.core, 'partners.list', {})).filter((p) => p.orgId === luId);
  expect(lu).toMatchObject({ status: 'verified', canExchange: true, fingerprint: { hex: fingerprintHex } });
  // Exchanges still work: a handover to the partner can be started.
  const person = await call(be.core, 'persons.create', { familyName: 'Invented' });
  expect((await call(be.core, 'handover.start', { personId: person.person.id, partnerOrgId: luId })).status).toBe('preparing');
}

describe('insider: forged partner key cards', () => {
  it("refuses a card dated 2099 that names a real partner's organisation; the real partner stays verified and usable", async () => {
    const { clock, be, lu, luId, luCard } = await centreWithPartner();
    const forged = forgedCard(luId, new Date('2099-01-01T00:00:00.000Z'));
    expect(await fail(be.core, 'partners.import', { fileBase64: forged.fileBase64 })).toMatchObject({
      code: 'VALIDATION',
      key: 'keyCardFutureCard',
      details: { reason: 'keyCard.futureCard' },
    });
    await partnerIsUsable(be, luId, luCard.fingerprint.hex);
    expect(auditRows(be.core).filter((r) => r.action === 'partner.importRefused')).toMatchObject([
      { actorName: COORDINATOR.username, subjectType: 'partner', subjectId: luId, details: { reason: 'keyCard.futureCard' } },
    ]);
    // The genuine partner's next card is not blocked as "older" by the forgery: it waits, and is
    // accepted once its digits are compared.
    clock.advance(60_000);
    const rotated = await call(lu.core, 'keys.rotate', {});
    expect(await call(be.core, 'partners.import', { fileBase64: rotated.file.contentBase64 })).toMatchObject({ outcome: 'pending' });
    const accepted = await call(be.core, 'partners.verify', { orgId: luId, fingerprint: rotated.fingerprint.display });
    expect(accepted).toMatchObject({ status: 'verified', canExchange: true, fingerprint: { hex: rotated.fingerprint.hex }, pending: null });
    expect(auditRows(be.core).at(-1)).toMatchObject({ action: 'partner.pendingAccept', subjectId: luId, details: { fingerprint: rotated.fingerprint.hex } });
  });

  it('keeps a forged card dated now waiting beside the verified card: exchanges go on, the real digits do not accept it, an administrator removes it', async () => {
    const { be, luId, luCard } = await centreWithPartner();
    const forged = forgedCard(luId, new Date('2026-12-07T09:00:00.000Z'));
    const imported = await call(be.core, 'partners.import', { fileBase64: forged.fileBase64 });
    expect(imported).toMatchObject({ outcome: 'pending', partner: { status: 'verified', canExchange: true, fingerprint: { hex: luCard.fingerprint.hex } } });
    expect(imported.partner.pending?.fingerprint.display).toBe(forged.digits);
    await partnerIsUsable(be, luId, luCard.fingerprint.hex);
    // The partner reads out its real digits on the phone: they confirm the verified card, not the forgery.
    const confirmed = await call(be.core, 'partners.verify', { orgId: luId, fingerprint: luCard.fingerprint.display });
    expect(confirmed).toMatchObject({ fingerprint: { hex: luCard.fingerprint.hex }, pending: { fingerprint: { display: forged.digits } } });
    // Removing the waiting card is for administrators, and names the card seen.
    const pendingHex = confirmed.pending?.fingerprint.hex ?? '';
    expect(await fail(be.core, 'partners.removePending', { orgId: luId, fingerprint: pendingHex })).toMatchObject({ code: 'FORBIDDEN' });
    await signIn(be, ADMIN.username, ADMIN.password);
    expect(await fail(be.core, 'partners.removePending', { orgId: luId, fingerprint: luCard.fingerprint.hex })).toMatchObject({ code: 'CONFLICT', key: 'partnerPendingChanged' });
    expect(await call(be.core, 'partners.removePending', { orgId: luId, fingerprint: pendingHex })).toMatchObject({ status: 'verified', canExchange: true, pending: null });
    const trail = auditRows(be.core).filter((r) => r.subjectId === luId && r.action.startsWith('partner.'));
    expect(trail.map((r) => [r.actorName, r.action])).toEqual([
      [ADMIN.username, 'partner.import'],
      [ADMIN.username, 'partner.verify'],
      [COORDINATOR.username, 'partner.import'],
      [COORDINATOR.username, 'partner.verify'],
      [ADMIN.username, 'partner.pendingRemove'],
    ]);
    expect(trail[2]?.details).toMatchObject({ outcome: 'pending', fingerprint: pendingHex, status: 'verified' });
  });

  it('lets an administrator remove a partner nobody uses (a forged organisation), and refuses while a handover names it', async () => {
    const { be, luId } = await centreWithPartner();
    const fake = forgedCard('0b9e5c52-9f5e-4c7e-8a3e-1d2c3b4a5f60', new Date('2026-12-07T09:00:00.000Z'));
    const added = await call(be.core, 'partners.import', { fileBase64: fake.fileBase64 });
    expect(added).toMatchObject({ outcome: 'added', partner: { status: 'unverified' } });
    expect(await fail(be.core, 'partners.remove', { orgId: added.partner.orgId })).toMatchObject({ code: 'FORBIDDEN' });
    const person = await call(be.core, 'persons.create', { familyName: 'Invented' });
    await call(be.core, 'handover.start', { personId: person.person.id, partnerOrgId: luId });
    await signIn(be, ADMIN.username, ADMIN.password);
    expect(await call(be.core, 'partners.remove', { orgId: added.partner.orgId })).toEqual({ removed: true });
    expect((await call(be.core, 'partners.list', {})).map((p) => p.orgId)).toEqual([luId]);
    expect(await fail(be.core, 'partners.remove', { orgId: luId })).toMatchObject({ code: 'CONFLICT', key: 'partnerHasHandovers' });
    expect(auditRows(be.core).filter((r) => r.action === 'partner.remove')).toMatchObject([
      { actorName: ADMIN.username, subjectId: added.partner.orgId, details: { status: 'unverified' } },
    ]);
  });
});
