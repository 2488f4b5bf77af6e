/**
 * What a connected desktop's main process forwards to its window (electron/remote/remote-desktop.ts),
 * against a real office server on loopback: the sign-in and sign-out as `session.changed` (so the
 * renderer's unlock screen works as in embedded mode), another desktop's write as `data.changed`
 * carrying the channel and time only, nothing after sign-out, and one `server.reachability` when
 * the server stops answering.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '../../shared/ipc/contract';
import { RemoteDesktop } from '../../electron/remote/remote-desktop';
import type { TeamServer } from '../../electron/server/serve';
import { STAFF_PASSWORD, serve, teamVault } from './team-fixtures';

let server: TeamServer;
let cleanup: () => void;

beforeAll(async () => {
  const vault = await teamVault();
  cleanup = vault.cleanup;
  server = await serve(vault.dir);
}, 60_000);

afterAll(async () => {
  await server.stop();
  cleanup();
});

function recorder(desktop: RemoteDesktop): { name: EventName; payload: unknown }[] {
  const seen: { name: EventName; payload: unknown }[] = [];
  desktop.onEvent((name, payload) => seen.push({ name, payload }));
  return seen;
}

async function waitFor(check: () => boolean, ms = 2000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('not in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('a connected desktop', () => {
  it('turns sign-in, sign-out and the server’s change events into the renderer’s events', async () => {
    const one = await RemoteDesktop.connect({ url: server.url, fingerprint: server.fingerprint.display, retryForMs: 0 });
    const two = await RemoteDesktop.connect({ url: server.url, fingerprint: server.fingerprint.display, retryForMs: 0 });
    const seen = recorder(one);
    try {
      expect((await one.call('session.unlock', { username: 'co.ord', password: STAFF_PASSWORD })).ok).toBe(true);
      expect(seen).toEqual([{ name: 'session.changed', payload: { state: 'unlocked', reason: 'unlock' } }]);
      expect((await two.call('session.unlock', { username: 'cw.two', password: STAFF_PASSWORD })).ok).toBe(true);
      // The event socket says hello after the sign-in; give it the moment it needs.
      await new Promise((r) => setTimeout(r, 300));

      const created = await two.call('persons.create', { givenNames: 'Ilse', familyName: 'Marchetti', dateOfBirth: { precision: 'exact', date: '1994-03-02' } });
      expect(created.ok).toBe(true);
      await waitFor(() => seen.some((e) => e.name === 'data.changed'), 1000);
      const change = seen.find((e) => e.name === 'data.changed')!;
      // The channel and the time only: no record id, no person data.
      expect(Object.keys(change.payload as object).sort()).toEqual(['at', 'channel']);
      expect((change.payload as { channel: string }).channel).toBe('persons.create');
      expect(JSON.stringify(change.payload)).not.toContain('Marchetti');

      expect((await one.call('session.lock', {})).ok).toBe(true);
      expect(seen.at(-1)).toEqual({ name: 'session.changed', payload: { state: 'locked', reason: 'manual' } });
      const before = seen.length;
      expect((await two.call('persons.create', { givenNames: 'Ana', familyName: 'Ost', dateOfBirth: { precision: 'exact', date: '1990-01-01' } })).ok).toBe(true);
      await new Promise((r) => setTimeout(r, 500));
      expect(seen.length).toBe(before);
    } finally {
      one.close();
      two.close();
    }
  }, 30_000);

  it('reports once that the server cannot be reached, and the call ends with a translated error', async () => {
    const vault = await teamVault();
    const own = await serve(vault.dir);
    const desktop = await RemoteDesktop.connect({ url: own.url, fingerprint: own.fingerprint.display, retryForMs: 400 });
    const seen = recorder(desktop);
    try {
      expect((await desktop.call('session.unlock', { username: 'cw.one', password: STAFF_PASSWORD })).ok).toBe(true);
      await own.stop();
      const result = await desktop.call('persons.list', {});
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.key).toBe('serverUnreachable');
      const reach = seen.filter((e) => e.name === 'server.reachability');
      expect(reach).toHaveLength(1);
      expect((reach[0]!.payload as { reachable: boolean }).reachable).toBe(false);
      expect(Number.isNaN(Date.parse((reach[0]!.payload as { since: string }).since))).toBe(false);
    } finally {
      desktop.close();
      vault.cleanup();
    }
  }, 30_000);
});
