/**
 * The real CLI, spawned as an admin would run it (node + tsx), with the minimum KDF for speed.
 * Passwords go through --password-stdin; exit codes and the one stderr line are checked.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../shared/i18n/en';
import { filesContaining, fingerprint, flipByte } from '../../test/helpers/files';
import { makeCore, tempDir } from '../../test/helpers/vault';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ADMIN_PW = 'admin password 123';
/** Each spawn starts node and tsx (about half a second, more on a loaded machine). */
const MARKER = 'Zoë-CLI-MARKER-51c0de';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], stdin = ''): Run {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/passerelle.ts', ...args], {
    cwd: ROOT,
    input: stdin,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function lines(...ls: string[]): string {
  return `${ls.join('\n')}\n`;
}

/** Exit 1 or 2 with exactly one line on stderr, which is returned. */
function expectFailure(run: Run, code: 1 | 2): string {
  expect(run.code, run.stderr).toBe(code);
  const errLines = run.stderr.split('\n').filter((l) => l.length > 0);
  expect(errLines).toHaveLength(1);
  return errLines[0] ?? '';
}

function expectOk(run: Run): Run {
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).toBe('');
  return run;
}

let work: { dir: string; cleanup: () => void };
let vault: string;
let recoveryKey: string;

beforeAll(() => {
  work = tempDir('passerelle-cli-test-');
  vault = join(work.dir, 'vault');
  const init = expectOk(
    cli(['init', '--vault', vault, '--org', 'Centre Test', '--country', 'BE', '--admin', 'anna', '--display-name', 'Anna Admin', '--kdf', 'minimum', '--password-stdin', '--json'], lines(ADMIN_PW)),
  );
  recoveryKey = (JSON.parse(init.stdout) as { recoveryKey: string }).recoveryKey;
}, 120_000);

afterAll(() => work.cleanup());

describe('passerelle CLI: help and usage', { timeout: 240_000 }, () => {
  it('--help lists every command, and each group lists its subcommands', () => {
    const top = expectOk(cli(['--help'])).stdout;
    for (const command of ['init', 'status', 'user', 'backup', 'restore', 'audit', 'recover']) expect(top).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    const user = expectOk(cli(['user', '--help'])).stdout;
    for (const sub of ['add', 'list', 'disable', 'passwd']) expect(user).toMatch(new RegExp(`^  ${sub}\\b`, 'm'));
    expect(expectOk(cli(['audit', '--help'])).stdout).toMatch(/^ {2}verify\b/m);
    const add = expectOk(cli(['user', 'add', '--help'])).stdout;
    expect(add).toContain("1. the administrator's password (--user)");
    expect(add).toContain("2. the new staff member's initial password");
  });

  it('exits 2 with one line for usage errors, without touching anything', () => {
    const fresh = join(work.dir, 'never-created');
    expect(expectFailure(cli(['frobnicate']), 2)).toBe("error: unknown command 'frobnicate'");
    expect(expectFailure(cli(['init', '--vault', fresh, '--org', 'Org', '--country', 'FR', '--admin', 'anna']), 2)).toContain("'--country <code>' argument 'FR' is invalid");
    expect(expectFailure(cli(['init', '--vault', fresh, '--org', 'Org', '--country', 'NL', '--admin', 'Anna Smith!']), 2)).toContain(en.validation.username);
    expect(expectFailure(cli(['user', 'add', '--vault', vault, '--user', 'anna', '--username', 'x', '--display-name', 'X', '--role', 'caseworker']), 2)).toContain('--username');
    expect(expectFailure(cli(['user', 'add', '--vault', vault, '--user', 'anna', '--username', 'xavier', '--display-name', 'X', '--role', 'boss']), 2)).toContain('--role');
    expect(expectFailure(cli(['user', 'list', '--vault', vault]), 2)).toBe("error: required option '--user <name>' not specified");
    expect(expectFailure(cli(['status', '--vault', vault, '--bogus']), 2)).toContain("unknown option '--bogus'");
    // Standard input is a pipe here, not a terminal: passwords need --password-stdin.
    expect(expectFailure(cli(['user', 'list', '--vault', vault, '--user', 'anna'], ADMIN_PW), 2)).toContain('--password-stdin');
    expect(expectFailure(cli(['user', 'list', '--vault', vault, '--user', 'anna', '--password-stdin'], ''), 2)).toContain('standard input ended before line 1');
    expect(existsSync(fresh)).toBe(false);
  });

  it('exits 1 with the error message on one line when the operation fails', () => {
    const before = fingerprint(vault, ['vault.db', 'keyslots.json']);
    expect(expectFailure(cli(['user', 'list', '--vault', vault, '--user', 'anna', '--password-stdin'], lines('wrong password 123')), 1)).toBe(
      `error: ${en.errors.wrongCredentials}`,
    );
    expect(expectFailure(cli(['user', 'list', '--vault', vault, '--user', 'nobody', '--password-stdin'], lines(ADMIN_PW)), 1)).toBe(
      `error: ${en.errors.wrongCredentials}`,
    );
    expect(fingerprint(vault, ['vault.db', 'keyslots.json'])).toEqual(before);
    const missing = join(work.dir, 'missing');
    expect(expectFailure(cli(['user', 'list', '--vault', missing, '--user', 'anna', '--password-stdin'], lines(ADMIN_PW)), 1)).toBe(
      `error: ${en.errors.vaultMissing}`,
    );
    const again = ['init', '--vault', vault, '--org', 'Org', '--country', 'LU', '--admin', 'anna', '--kdf', 'minimum', '--password-stdin'];
    expect(expectFailure(cli(again, lines(ADMIN_PW)), 1)).toBe(`error: ${en.errors.vaultExists}`);
    const short = ['user', 'passwd', '--vault', vault, '--user', 'anna', '--password-stdin'];
    expect(expectFailure(cli(short, lines(ADMIN_PW, 'too short')), 1)).toContain('too short');
    expect(expectOk(cli(['status', '--vault', missing, '--json'])).stdout).toBe(`${JSON.stringify({ vault: missing, exists: false }, null, 2)}\n`);
  });
});

describe('passerelle CLI: vault and staff', { timeout: 240_000 }, () => {
  it('init printed a grouped recovery key; status reads the key-slot file without unlocking', () => {
    expect(recoveryKey).toMatch(/^([A-Z2-7]{4}-){7}[A-Z2-7]{4}$/);
    const status = JSON.parse(expectOk(cli(['status', '--vault', vault, '--json'])).stdout) as Record<string, unknown>;
    expect(status).toMatchObject({
      exists: true,
      keySlots: 2,
      userSlots: 1,
      recoverySlots: 1,
      generation: 1,
      pendingGeneration: null,
      kdf: { alg: 'argon2id', memoryKiB: 65536, iterations: 3, parallelism: 4 },
      unlockDelaySeconds: 0,
      inUse: false,
    });
    expect(status.auditSeq).toBeGreaterThan(0);
    expect(expectOk(cli(['status', '--vault', vault])).stdout).toMatch(/Key slots\s+2 \(1 staff, 1 recovery\)/);
  });

  it('adds, lists and disables users with --password-stdin; a disabled user no longer unlocks', () => {
    const add = (username: string, displayName: string, role: string, password: string) =>
      expectOk(
        cli(['user', 'add', '--vault', vault, '--user', 'anna', '--username', username, '--display-name', displayName, '--role', role, '--password-stdin', '--json'], lines(ADMIN_PW, password)),
      );
    const bob = JSON.parse(add('bob', 'Bob Builder', 'caseworker', 'bob password 1234').stdout) as { username: string; role: string; status: string };
    expect(bob).toMatchObject({ username: 'bob', role: 'caseworker', status: 'active' });
    add('chloe', 'Chloé Coordinatrice', 'coordinator', 'chloe password 12');

    const listed = JSON.parse(expectOk(cli(['user', 'list', '--vault', vault, '--user', 'anna', '--password-stdin', '--json'], lines(ADMIN_PW))).stdout) as { username: string; status: string }[];
    expect(listed.map((u) => `${u.username}:${u.status}`)).toEqual(['anna:active', 'bob:active', 'chloe:active']);
    const table = expectOk(cli(['user', 'list', '--vault', vault, '--user', 'anna', '--password-stdin'], lines(ADMIN_PW))).stdout;
    expect(table).toMatch(/^USERNAME\s+ROLE\s+STATUS/);
    expect(table).toContain('Chloé Coordinatrice');

    // A caseworker may not manage users: the service refuses, not only the UI.
    expect(expectFailure(cli(['user', 'list', '--vault', vault, '--user', 'bob', '--password-stdin'], lines('bob password 1234')), 1)).toBe(`error: ${en.errors.forbidden}`);
    expect(expectFailure(cli(['user', 'add', '--vault', vault, '--user', 'anna', '--username', 'bob', '--display-name', 'B', '--role', 'admin', '--password-stdin'], lines(ADMIN_PW, 'another password 1')), 1)).toBe(
      `error: ${en.errors.usernameTaken}`,
    );

    const disabled = JSON.parse(expectOk(cli(['user', 'disable', '--vault', vault, '--user', 'anna', '--username', 'bob', '--password-stdin', '--json'], lines(ADMIN_PW))).stdout) as { generation: number };
    expect(disabled).toMatchObject({ username: 'bob', status: 'disabled', alreadyDisabled: false, generation: 2 });
    expect(expectFailure(cli(['user', 'list', '--vault', vault, '--user', 'bob', '--password-stdin'], lines('bob password 1234')), 1)).toBe(`error: ${en.errors.wrongCredentials}`);
    expect(expectFailure(cli(['user', 'disable', '--vault', vault, '--user', 'anna', '--username', 'anna', '--password-stdin'], lines(ADMIN_PW)), 1)).toBe(`error: ${en.errors.cannotDisableSelf}`);
    const status = JSON.parse(expectOk(cli(['status', '--vault', vault, '--json'])).stdout) as { userSlots: number; generation: number };
    expect(status).toMatchObject({ userSlots: 2, generation: 2 });
  });

  it('changes a password (current then new) and resets it with the recovery key', () => {
    expectOk(cli(['user', 'passwd', '--vault', vault, '--user', 'chloe', '--password-stdin'], lines('chloe password 12', 'chloe password 34')));
    expectFailure(cli(['user', 'passwd', '--vault', vault, '--user', 'chloe', '--password-stdin'], lines('chloe password 12', 'chloe password 56')), 1);
    expectOk(cli(['user', 'passwd', '--vault', vault, '--user', 'chloe', '--password-stdin'], lines('chloe password 34', 'chloe password 56')));

    expect(expectFailure(cli(['recover', '--vault', vault, '--username', 'anna', '--password-stdin'], lines('ABCD-EFGH', 'new admin password 1')), 1)).toBe(`error: ${en.validation.recoveryKey}`);
    expect(expectFailure(cli(['recover', '--vault', vault, '--username', 'chloe', '--password-stdin'], lines(recoveryKey, 'new admin password 1')), 1)).toBe(`error: ${en.errors.recoveryNotAdmin}`);
    const reset = expectOk(cli(['recover', '--vault', vault, '--username', 'anna', '--password-stdin', '--json'], lines(recoveryKey.toLowerCase(), 'new admin password 1')));
    expect(JSON.parse(reset.stdout)).toEqual({ username: 'anna', passwordReset: true });
    expect(expectFailure(cli(['user', 'list', '--vault', vault, '--user', 'anna', '--password-stdin'], lines(ADMIN_PW)), 1)).toBe(`error: ${en.errors.wrongCredentials}`);
    expectOk(cli(['user', 'passwd', '--vault', vault, '--user', 'anna', '--password-stdin'], lines('new admin password 1', ADMIN_PW)));
  });
});

describe('passerelle CLI: audit', { timeout: 240_000 }, () => {
  it('verifies an intact trail, and names the first broken entry after an edit in the database', async () => {
    const ok = JSON.parse(expectOk(cli(['audit', 'verify', '--vault', vault, '--user', 'anna', '--password-stdin', '--json'], lines(ADMIN_PW))).stdout) as Record<string, unknown>;
    expect(ok).toMatchObject({ ok: true, firstBrokenSeq: null });
    expect(expectOk(cli(['audit', 'verify', '--vault', vault, '--user', 'anna', '--password-stdin'], lines(ADMIN_PW))).stdout).toMatch(/^Audit trail intact: \d+ entries/);

    // Tamper with a copy: bypass the append-only trigger and edit entry 2.
    const copy = join(work.dir, 'tampered');
    expectOk(cli(['backup', '--vault', vault, '--user', 'anna', '--out', join(work.dir, 'for-tamper.tar'), '--password-stdin'], lines(ADMIN_PW)));
    expectOk(cli(['restore', '--from', join(work.dir, 'for-tamper.tar'), '--vault', copy, '--user', 'anna', '--password-stdin'], lines(ADMIN_PW)));
    const core = makeCore(copy);
    await core.vault.unlock('anna', ADMIN_PW);
    core.vault.read((db) => {
      db.$client.exec('DROP TRIGGER audit_log_no_update');
      db.$client.prepare("UPDATE audit_log SET details = '{\"role\":\"caseworker\"}' WHERE seq = 2").run();
    });
    core.dispose();

    const broken = cli(['audit', 'verify', '--vault', copy, '--user', 'anna', '--password-stdin', '--json'], lines(ADMIN_PW));
    expect(expectFailure(broken, 1)).toBe('error: The audit trail is broken at entry 2. (hash)');
    expect(JSON.parse(broken.stdout)).toMatchObject({ ok: false, firstBrokenSeq: 2, reason: 'hash' });
    // A backup of a broken vault does not restore: the restored copy is verified first.
    expectOk(cli(['backup', '--vault', copy, '--user', 'anna', '--out', join(work.dir, 'broken.tar'), '--password-stdin'], lines(ADMIN_PW)));
    const target = join(work.dir, 'from-broken');
    expect(expectFailure(cli(['restore', '--from', join(work.dir, 'broken.tar'), '--vault', target, '--user', 'anna', '--password-stdin'], lines(ADMIN_PW)), 1)).toContain('broken at entry 2');
    expect(existsSync(target)).toBe(false);
  });
});

describe('passerelle CLI: backup and restore', { timeout: 240_000 }, () => {
  it('backs up (no trace of the data in the file), restores into a fresh folder, which unlocks', () => {
    expectOk(
      cli(['user', 'add', '--vault', vault, '--user', 'anna', '--username', 'marker', '--display-name', MARKER, '--role', 'caseworker', '--password-stdin'], lines(ADMIN_PW, 'marker password 1')),
    );
    const outDir = join(work.dir, 'backups');
    const out = join(outDir, 'centre.passerelle-backup');
    const backup = JSON.parse(expectOk(cli(['backup', '--vault', vault, '--user', 'anna', '--out', out, '--password-stdin', '--json'], lines(ADMIN_PW))).stdout) as Record<string, unknown>;
    expect(backup).toMatchObject({ file: out, bytes: expect.any(Number), auditSeq: expect.any(Number) });
    expect(readdirSync(outDir)).toEqual(['centre.passerelle-backup']);
    expect(filesContaining(outDir, MARKER)).toEqual([]);
    expect(expectFailure(cli(['backup', '--vault', vault, '--user', 'anna', '--out', out, '--password-stdin'], lines(ADMIN_PW)), 1)).toBe(`error: ${en.errors.fileExists}`);

    const target = join(work.dir, 'restored');
    const restored = JSON.parse(expectOk(cli(['restore', '--from', out, '--vault', target, '--user', 'anna', '--password-stdin', '--json'], lines(ADMIN_PW))).stdout) as Record<string, unknown>;
    expect(restored).toMatchObject({ vault: target, vaultId: backup.vaultId, auditSeq: backup.auditSeq, movedAside: null });
    expect(readdirSync(target).sort()).toEqual(['keyslots.json', 'vault.db']);
    const users = JSON.parse(expectOk(cli(['user', 'list', '--vault', target, '--user', 'anna', '--password-stdin', '--json'], lines(ADMIN_PW))).stdout) as { displayName: string }[];
    expect(users.map((u) => u.displayName)).toContain(MARKER);
    expect(filesContaining(target, MARKER)).toEqual([]);
    expect(readdirSync(work.dir).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('refuses a tampered backup and a non-empty target, changing nothing; --force moves the old vault aside', () => {
    const out = join(work.dir, 'tamper-me.tar');
    expectOk(cli(['backup', '--vault', vault, '--user', 'anna', '--out', out, '--password-stdin'], lines(ADMIN_PW)));

    const tampered = join(work.dir, 'tampered.tar');
    const bytes = readFileSync(out);
    const dbData = bytes.indexOf(Buffer.from('vault.db\0')) + 512;
    writeFileSync(tampered, bytes);
    flipByte(tampered, dbData + 3000);
    const target = join(work.dir, 'not-from-tampered');
    expect(expectFailure(cli(['restore', '--from', tampered, '--vault', target, '--user', 'anna', '--password-stdin'], lines(ADMIN_PW)), 1)).toBe(
      `error: ${en.errors.backupInvalid} (checksum)`,
    );
    expect(existsSync(target)).toBe(false);

    const before = fingerprint(vault, ['vault.db', 'keyslots.json']);
    expect(expectFailure(cli(['restore', '--from', out, '--vault', vault, '--user', 'anna', '--password-stdin'], lines(ADMIN_PW)), 1)).toBe(`error: ${en.errors.targetNotEmpty}`);
    expect(fingerprint(vault, ['vault.db', 'keyslots.json'])).toEqual(before);

    const forced = JSON.parse(expectOk(cli(['restore', '--from', out, '--vault', vault, '--user', 'anna', '--password-stdin', '--force', '--json'], lines(ADMIN_PW))).stdout) as { movedAside: string };
    expect(forced.movedAside).toMatch(/vault\.before-restore-\d{4}-\d\d-\d\dT/);
    expect(fingerprint(forced.movedAside, ['vault.db', 'keyslots.json'])).toEqual(before);
    expectOk(cli(['audit', 'verify', '--vault', vault, '--user', 'anna', '--password-stdin'], lines(ADMIN_PW)));
  });
});
