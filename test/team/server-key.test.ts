/**
 * Unattended start of the office server with its own key slot: an administrator makes the slot
 * (password required, audited) and its secret goes to a file readable by the server's account
 * only; `serve --key-file` opens the vault with it; a file readable by group or others, or owned by
 * another account, is refused; a removed slot's file no longer opens anything. Real processes on
 * 127.0.0.1.
 */
import { chmodSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AuditRepo } from '../../db/audit.repo';
import { systemClock } from '../../electron/core/ports';
import { readServerKeyFile } from '../../electron/core/vault/server-slot';
import { RemoteRouter } from '../../electron/remote/remote-router';
import { runCli } from '../helpers/cli';
import { ADMIN, makeCore } from '../helpers/vault';
import { processExited, startServerProcess, STAFF_PASSWORD, teamVault } from './team-fixtures';

const cleanups: (() => void)[] = [];
afterAll(() => {
  while (cleanups.length) cleanups.pop()?.();
});

const serveWithKey = (vault: string, keyFile: string) => runCli(['serve', '--vault', vault, '--listen', '127.0.0.1:0', '--key-file', keyFile, '--json']);

describe('unattended start with the server key slot', { timeout: 400_000 }, () => {
  it('makes the slot with an administrator\'s password, starts unattended, refuses unsafe files, and stops opening once removed', async () => {
    const vault = await teamVault();
    cleanups.push(vault.cleanup);
    const keyFile = join(vault.dir, '..', 'server.key');

    // A caseworker cannot make it; a wrong administrator password neither.
    expect(runCli(['server-key', 'create', '--vault', vault.dir, '--user', 'cw.one', '--out', keyFile, '--password-stdin'], `${STAFF_PASSWORD}\n`).code).toBe(1);
    expect(runCli(['server-key', 'create', '--vault', vault.dir, '--user', ADMIN.username, '--out', keyFile, '--password-stdin'], 'not the password\n').code).toBe(1);
    const made = runCli(['server-key', 'create', '--vault', vault.dir, '--user', ADMIN.username, '--out', keyFile, '--password-stdin', '--json'], `${ADMIN.password}\n`);
    expect(made.code, made.stderr).toBe(0);
    expect(statSync(keyFile).mode & 0o777).toBe(0o400);

    // Audited, with who made it.
    const core = makeCore(vault.dir, systemClock);
    await core.vault.unlock(ADMIN.username, ADMIN.password);
    const added = core.vault.read((db) => new AuditRepo(db).latest(50)).find((e) => e.action === 'vault.serverSlotAdded');
    expect(added?.actorName).toBe(ADMIN.username);
    core.dispose();

    // Unattended: no password on standard input, and staff sign in as usual.
    const server = await startServerProcess(vault.dir, { args: ['--key-file', keyFile], stdin: '' });
    cleanups.push(() => server.child.kill('SIGKILL'));
    const router = await RemoteRouter.connect({ url: server.url, fingerprint: server.fingerprint.display, retryForMs: 0 });
    const signedIn = await router.call('session.unlock', { username: 'cw.one', password: STAFF_PASSWORD });
    expect(signedIn.ok).toBe(true);
    const created = await router.call('persons.create', { givenNames: 'Test', familyName: 'Unattended' });
    expect(created.ok).toBe(true);
    router.close();
    server.child.kill('SIGTERM');
    expect((await processExited(server.child)).code).toBe(0);

    // Readable by group or others: refused before the vault is touched.
    for (const mode of [0o440, 0o404, 0o600 | 0o020]) {
      chmodSync(keyFile, mode);
      const r = serveWithKey(vault.dir, keyFile);
      expect(r.code, `mode ${mode.toString(8)}`).toBe(1);
      expect(r.stderr).toMatch(/must belong to the account that runs the server/);
    }
    chmodSync(keyFile, 0o400);
    // Owned by another account: refused too.
    expect(() => readServerKeyFile(keyFile, (process.getuid?.() ?? 0) + 4242)).toThrow(/must belong to the account/);

    // Removed by an administrator: the same file no longer opens the vault.
    const removed = runCli(['server-key', 'remove', '--vault', vault.dir, '--user', ADMIN.username, '--password-stdin', '--json'], `${ADMIN.password}\n`);
    expect(removed.code, removed.stderr).toBe(0);
    expect(JSON.parse(removed.stdout)).toEqual({ removed: true });
    const after = serveWithKey(vault.dir, keyFile);
    expect(after.code).toBe(1);
    expect(after.stderr).toMatch(/no server key slot, or it was removed/);
    // And the administrator's start still works.
    const byAdmin = await startServerProcess(vault.dir);
    cleanups.push(() => byAdmin.child.kill('SIGKILL'));
    byAdmin.child.kill('SIGTERM');
    expect((await processExited(byAdmin.child)).code).toBe(0);
  });
});
