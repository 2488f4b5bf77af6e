/**
 * Migration 0023 on a vault as the released build left it: the office server's request ids and the
 * per-user reminder record arrive empty, the old persons are untouched, and a server on the
 * migrated vault records a write's request id with the write.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../electron/core/ports';
import { RemoteRouter } from '../../electron/remote/remote-router';
import { makeReleasedVault } from '../helpers/released-vault';
import { ADMIN, makeCore, tempDir } from '../helpers/vault';
import { serve } from '../team/team-fixtures';

const cleanups: (() => void | Promise<void>)[] = [];
afterAll(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

describe('migration 0023 on a released vault', { timeout: 120_000 }, () => {
  it('adds the empty tables, keeps the persons, and the server records request ids in them', async () => {
    const { dir, cleanup } = tempDir('passerelle-team-migration-');
    cleanups.push(cleanup);
    const vaultDir = join(dir, 'vault');
    const persons = await makeReleasedVault(dir, vaultDir, systemClock, [{ givenNames: 'Invented', familyName: 'Released' }]);

    const core = makeCore(vaultDir, systemClock);
    await core.vault.unlock(ADMIN.username, ADMIN.password);
    const count = (table: string) => core.vault.read((db) => db.$client.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number);
    expect(count('request_results')).toBe(0);
    expect(count('reminder_notified')).toBe(0);
    expect(core.persons.idByCaseCode(persons[0]?.caseCode ?? '')).toBe(persons[0]?.id);
    core.dispose();

    const server = await serve(vaultDir);
    cleanups.push(() => server.stop());
    const router = await RemoteRouter.connect({ url: server.url, fingerprint: server.fingerprint.display, retryForMs: 0 });
    cleanups.push(() => router.close());
    expect((await router.call('session.unlock', { username: ADMIN.username, password: ADMIN.password })).ok).toBe(true);
    // A write on the person the released build left (a track in another country).
    const opened = await router.call('procedure.openTrack', { personId: persons[0]?.id ?? '', country: 'LU' });
    expect(opened.ok, JSON.stringify(opened)).toBe(true);
    const rows = server.core.vault.read((db) => db.$client.prepare('SELECT channel, result IS NOT NULL AS kept FROM request_results').all());
    expect(rows).toEqual([{ channel: 'procedure.openTrack', kept: 1 }]);
  });
});
