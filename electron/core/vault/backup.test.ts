import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Header, list as tarList } from 'tar';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { filesContaining, fingerprint, flipByte } from '../../../test/helpers/files';
import { ADMIN, makeCore, newVault, tempDir } from '../../../test/helpers/vault';
import type { Core } from '../app-core';
import { createBackup, restoreBackup, type BackupManifest } from './backup';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

const MARKER = 'Élodie-MARKER-7f3a9c';

async function setup() {
  const v = await newVault();
  cleanups.push(v.cleanup);
  const work = tempDir('passerelle-backup-test-');
  cleanups.push(work.cleanup);
  return { ...v, work: work.dir };
}

async function expectAppError(p: Promise<unknown>, key: string, reason?: string): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).key).toBe(key);
    if (reason) expect((e as AppError).details?.reason).toBe(reason);
    return e as AppError;
  }
  throw new Error(`expected ${key}`);
}

/** The entries of a tar file, in order. */
async function entriesOf(file: string): Promise<{ path: string; type: string; size: number }[]> {
  const out: { path: string; type: string; size: number }[] = [];
  await tarList({ file, onReadEntry: (e) => void out.push({ path: e.path, type: e.type, size: e.size }) });
  return out;
}

/** A tar file written byte by byte, so tests can build archives tar itself would never make. */
function rawTar(entries: { path: string; data?: Buffer; type?: 'File' | 'SymbolicLink' | 'Directory'; linkpath?: string }[]): Buffer {
  const blocks: Buffer[] = [];
  for (const e of entries) {
    const data = e.data ?? Buffer.alloc(0);
    const header = Buffer.alloc(512);
    new Header({
      path: e.path,
      mode: 0o600,
      size: e.type && e.type !== 'File' ? 0 : data.length,
      type: e.type ?? 'File',
      mtime: new Date(0),
      ...(e.linkpath ? { linkpath: e.linkpath } : {}),
    }).encode(header, 0);
    blocks.push(header);
    if (!e.type || e.type === 'File') {
      blocks.push(data, Buffer.alloc((512 - (data.length % 512)) % 512));
    }
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

type Parts = Record<'manifest.json' | 'keyslots.json' | 'vault.db', Buffer>;

/** The three files of a real backup, to rearrange into crafted archives. */
async function backupParts(core: Core, work: string) {
  const file = join(work, 'source.tar');
  await createBackup(core.vault, file);
  const parts: Record<string, Buffer> = {};
  await tarList({
    file,
    onReadEntry: (e) => {
      const chunks: Buffer[] = [];
      e.on('data', (c: Buffer) => chunks.push(c));
      e.on('end', () => (parts[e.path] = Buffer.concat(chunks)));
    },
  });
  const manifest = JSON.parse(parts['manifest.json']!.toString('utf8')) as BackupManifest;
  return { file, parts: parts as Parts, manifest };
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function withManifest(parts: Record<string, Buffer>, manifest: BackupManifest) {
  return [
    { path: 'manifest.json', data: Buffer.from(JSON.stringify(manifest)) },
    { path: 'keyslots.json', data: parts['keyslots.json'] },
    { path: 'vault.db', data: parts['vault.db'] },
  ];
}

/** A verify callback that does what the CLI does: unlock as the admin, verify the audit chain. */
async function unlockAndVerify(dir: string): Promise<void> {
  const core = makeCore(dir);
  try {
    await core.vault.unlock(ADMIN.username, ADMIN.password);
    expect(core.audit.verify().ok).toBe(true);
  } finally {
    core.dispose();
  }
}

function leftovers(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.startsWith('.'));
}

describe('createBackup', () => {
  it('writes one tar with the manifest, the key slots and the encrypted database, and cleans its staging', async () => {
    const { core, work } = await setup();
    const out = join(work, 'backups', 'vault.passerelle-backup');
    const started = performance.now();
    const result = await createBackup(core.vault, out, { now: () => new Date('2026-11-29T10:00:00.000Z') });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(5_000);
    expect(await entriesOf(out)).toEqual([
      { path: 'manifest.json', type: 'File', size: expect.any(Number) },
      { path: 'keyslots.json', type: 'File', size: result.manifest.files['keyslots.json'].size },
      { path: 'vault.db', type: 'File', size: result.manifest.files['vault.db'].size },
    ]);
    expect(result.manifest).toMatchObject({
      format: 'passerelle-backup',
      version: 1,
      vaultId: core.vault.keySlots().vaultId,
      createdAt: '2026-11-29T10:00:00.000Z',
      auditSeq: core.vault.keySlots().audit.seq,
    });
    expect(core.audit.latest({ limit: 1 })[0]?.action).toBe('vault.backup');
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(work, 'backups'))).toEqual(['vault.passerelle-backup']);
  });

  it('contains no readable trace of what is in the vault (marker in UTF-8 and UTF-16)', async () => {
    const { core, work } = await setup();
    await core.users.add({ username: 'marker.user', displayName: MARKER, role: 'caseworker', password: 'marker password 1' });
    expect(core.users.list().some((u) => u.displayName === MARKER)).toBe(true);
    await createBackup(core.vault, join(work, 'b.tar'));
    expect(filesContaining(work, MARKER)).toEqual([]);
    // The check itself finds the marker where it is in clear.
    writeFileSync(join(work, 'control.txt'), Buffer.from(`x${MARKER}x`, 'utf16le'));
    expect(filesContaining(work, MARKER)).toEqual([join(work, 'control.txt')]);
  });

  it('refuses to overwrite a file, and refuses a non-administrator', async () => {
    const { core, work } = await setup();
    const out = join(work, 'exists.tar');
    writeFileSync(out, 'keep me');
    await expectAppError(createBackup(core.vault, out), 'fileExists');
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    await core.users.add({ username: 'cara', displayName: 'Cara', role: 'caseworker', password: 'cara password 12' });
    core.vault.lock();
    await core.vault.unlock('cara', 'cara password 12');
    await expectAppError(createBackup(core.vault, join(work, 'b.tar')), 'forbidden');
    expect(readdirSync(work)).toEqual(['exists.tar']);
  });
});

describe('restoreBackup', () => {
  it('restores into a new folder that unlocks and verifies', async () => {
    const { core, work } = await setup();
    const out = join(work, 'b.tar');
    await createBackup(core.vault, out);
    const target = join(work, 'restored');
    const result = await restoreBackup(out, target, { verify: unlockAndVerify });
    expect(result.movedAside).toBeNull();
    expect(readdirSync(target).sort()).toEqual(['keyslots.json', 'vault.db']);
    expect(leftovers(work)).toEqual([]);
    await unlockAndVerify(target);
  });

  it('refuses a non-empty target without force, and moves it aside (never deletes it) with force', async () => {
    const { core, work } = await setup();
    const out = join(work, 'b.tar');
    await createBackup(core.vault, out);
    const target = join(work, 'occupied');
    mkdirSync(target);
    writeFileSync(join(target, 'vault.db'), 'an older vault');
    await expectAppError(restoreBackup(out, target, { verify: unlockAndVerify }), 'targetNotEmpty');
    expect(readFileSync(join(target, 'vault.db'), 'utf8')).toBe('an older vault');

    const result = await restoreBackup(out, target, { force: true, verify: unlockAndVerify, now: () => new Date('2026-11-29T10:00:00Z') });
    expect(result.movedAside).toBe(`${target}.before-restore-2026-11-29T10-00-00-000Z`);
    expect(readFileSync(join(result.movedAside!, 'vault.db'), 'utf8')).toBe('an older vault');
    await unlockAndVerify(target);
    expect(leftovers(work)).toEqual([]);
  });

  it('refuses to replace a vault that a running program holds open', async () => {
    const { core, dir, work } = await setup();
    const out = join(work, 'b.tar');
    await createBackup(core.vault, out);
    const before = fingerprint(dir, ['vault.db', 'keyslots.json']);
    await expectAppError(restoreBackup(out, dir, { force: true, verify: unlockAndVerify }), 'vaultBusy');
    expect(fingerprint(dir, ['vault.db', 'keyslots.json'])).toEqual(before);
    expect(leftovers(work)).toEqual([]);
  });

  it('changes nothing when the verification fails (wrong password), even with force', async () => {
    const { core, work } = await setup();
    const out = join(work, 'b.tar');
    await createBackup(core.vault, out);
    const target = join(work, 'occupied');
    mkdirSync(target);
    writeFileSync(join(target, 'keyslots.json'), 'old');
    const verify = async (dir: string) => {
      const c = makeCore(dir);
      try {
        await c.vault.unlock(ADMIN.username, 'not the password');
      } finally {
        c.dispose();
      }
    };
    await expectAppError(restoreBackup(out, target, { force: true, verify }), 'wrongCredentials');
    expect(readdirSync(target)).toEqual(['keyslots.json']);
    expect(readdirSync(work).sort()).toEqual(['b.tar', 'occupied']);
  });

  it('finds a flipped byte in the database even when the manifest was fixed up to match', async () => {
    const { core, work } = await setup();
    const { parts, manifest } = await backupParts(core, work);
    const db = Buffer.from(parts['vault.db']);
    db[Math.floor(db.length / 2)]! ^= 0x01;
    const forged = { ...manifest, files: { ...manifest.files, 'vault.db': { size: db.length, sha256: sha256(db) } } };
    const file = join(work, 'forged.tar');
    writeFileSync(file, rawTar(withManifest({ ...parts, 'vault.db': db }, forged)));
    const target = join(work, 'restored');
    await expectAppError(restoreBackup(file, target, { verify: unlockAndVerify }), 'databaseDamaged');
    expect(existsSync(target)).toBe(false);
    expect(leftovers(work)).toEqual([]);
  });

  it('rejects a flipped byte in the file before anyone is asked for a password', async () => {
    const { core, work } = await setup();
    const { file } = await backupParts(core, work);
    const bytes = readFileSync(file);
    const dbHeader = bytes.indexOf(Buffer.from('vault.db\0'));
    expect(dbHeader % 512).toBe(0);
    flipByte(file, dbHeader + 512 + 5000);
    let asked = false;
    const target = join(work, 'restored');
    await expectAppError(restoreBackup(file, target, { verify: () => void (asked = true) }), 'backupInvalid', 'checksum');
    expect(asked).toBe(false);
    expect(existsSync(target)).toBe(false);
    expect(leftovers(work)).toEqual([]);
  });

  describe('rejects archives that are not exactly a backup', () => {
    // One vault for all cases (the global afterEach does not see it).
    let shared: { work: string } & Awaited<ReturnType<typeof backupParts>>;
    let sharedCleanup = () => {};
    beforeAll(async () => {
      const v = await newVault();
      const w = tempDir('passerelle-backup-test-');
      sharedCleanup = () => {
        v.cleanup();
        w.cleanup();
      };
      shared = { work: w.dir, ...(await backupParts(v.core, w.dir)) };
    });
    afterAll(() => sharedCleanup());
    const cases: [string, (p: Parts, m: BackupManifest) => Buffer, string][] = [
      ['an unexpected entry', (p, m) => rawTar([...withManifest(p, m), { path: 'extra.txt', data: Buffer.from('x') }]), 'unexpected-entry'],
      ['a parent-folder path', (p, m) => rawTar([...withManifest(p, m).slice(0, 2), { path: '../vault.db', data: p['vault.db'] }]), 'entry-path'],
      ['a sub-folder path', (p, m) => rawTar([...withManifest(p, m).slice(0, 2), { path: 'x/vault.db', data: p['vault.db'] }]), 'entry-path'],
      ['an absolute path', (p, m) => rawTar([...withManifest(p, m).slice(0, 2), { path: '/tmp/vault.db', data: p['vault.db'] }]), 'entry-path'],
      ['a symbolic link', (p, m) => rawTar([...withManifest(p, m).slice(0, 2), { path: 'vault.db', type: 'SymbolicLink', linkpath: '/etc/passwd' }]), 'entry-type'],
      ['a folder', (p, m) => rawTar([{ path: 'vault.db', type: 'Directory' }, ...withManifest(p, m)]), 'entry-type'],
      ['a duplicate entry', (p, m) => rawTar([...withManifest(p, m), { path: 'keyslots.json', data: p['keyslots.json'] }]), 'duplicate-entry'],
      ['a missing entry', (p, m) => rawTar(withManifest(p, m).slice(0, 2)), 'missing-entry'],
      ['a newer format version', (p, m) => rawTar(withManifest(p, { ...m, version: 2 } as unknown as BackupManifest)), 'unsupported-version'],
      ['another format', (p, m) => rawTar(withManifest(p, { ...m, format: 'zip' } as unknown as BackupManifest)), 'manifest'],
      ['key slots of another vault', (p, m) => rawTar(withManifest(p, { ...m, vaultId: '00000000-0000-4000-8000-000000000000' })), 'vault-id-mismatch'],
      [
        'a damaged key-slot file (manifest fixed up to match)',
        (p, m) => {
          const ks = Buffer.from(p['keyslots.json'].toString('utf8').replace('"generation": 1', '"generation": 7'));
          return rawTar(withManifest({ ...p, 'keyslots.json': ks }, { ...m, files: { ...m.files, 'keyslots.json': { size: ks.length, sha256: sha256(ks) } } }));
        },
        'keyslots',
      ],
      ['a compressed archive', (p, m) => gzipSync(rawTar(withManifest(p, m))), 'not-a-backup-archive'],
      ['random bytes', () => Buffer.from('this is not a tar file at all'.repeat(40)), 'not-a-backup-archive'],
    ];
    for (const [name, build, reason] of cases) {
      it(name, async () => {
        const { parts, manifest, work } = shared;
        const file = join(work, 'crafted.tar');
        writeFileSync(file, build(parts, manifest));
        const target = join(work, 'restored');
        await expectAppError(restoreBackup(file, target, { verify: unlockAndVerify }), 'backupInvalid', reason);
        expect(existsSync(target)).toBe(false);
        expect(existsSync(join(work, 'vault.db'))).toBe(false);
        expect(leftovers(work)).toEqual([]);
        rmSync(file);
      });
    }

    it('an entry above its size limit', async () => {
      const { file, work } = shared;
      const target = join(work, 'restored');
      await expectAppError(restoreBackup(file, target, { verify: unlockAndVerify, limits: { 'vault.db': 1024 } }), 'backupInvalid', 'entry-too-large');
      expect(existsSync(target)).toBe(false);
      expect(leftovers(work)).toEqual([]);
    });
  });
});
