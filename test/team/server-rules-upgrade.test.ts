/**
 * Tracks stored under older rule tables are re-derived when the office server starts, as they are
 * when a desktop unlocks (docs/legal-rules.md): the server has no process-wide user, so the upgrade
 * runs as the administrator who unlocked it. Without that, the server's tracks kept their old due
 * dates for good.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../electron/core/ports';
import { RULES_VERSION } from '../../shared/rules/index';
import { personCreateSchema } from '../../shared/persons/person.schema';
import { ADMIN, makeCore } from '../helpers/vault';
import { serve, teamVault } from './team-fixtures';

const cleanups: (() => void | Promise<void>)[] = [];
afterAll(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

describe('the rules upgrade on an office server', { timeout: 120_000 }, () => {
  it('re-derives the tracks stored under older rule tables when an administrator starts the server', async () => {
    const vault = await teamVault();
    cleanups.push(vault.cleanup);
    const core = makeCore(vault.dir, systemClock);
    await core.vault.unlock(ADMIN.username, ADMIN.password);
    const { person } = core.persons.create(personCreateSchema.parse({ givenNames: 'Invented', familyName: 'Older', nationalities: ['NG'] }));
    const track = core.procedures.openTrack({ personId: person.id, country: 'BE' });
    core.procedures.recordEvent({ trackId: track.id, event: { type: 'annex15Issued', date: '2026-11-01' } });
    // What the first rule tables left behind.
    core.vault.write(({ db }) => db.$client.prepare('UPDATE tracks SET rules_version = 1').run());
    core.dispose();

    const server = await serve(vault.dir);
    cleanups.push(() => server.stop());
    const versions = server.core.vault.read((db) => db.$client.prepare('SELECT DISTINCT rules_version FROM tracks').pluck().all());
    expect(versions).toEqual([RULES_VERSION]);
  });
});
