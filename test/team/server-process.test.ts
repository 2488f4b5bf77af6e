/**
 * `passerelle serve` as a real process on loopback: `--json` once listening, SIGTERM drains and
 * closes the vault, and the crash test: concurrent writers from three desktops, `kill -9` of the
 * server, restart: every acknowledged write is there and the audit chain verifies. Rerunnable:
 * `npx vitest run test/team/server-process.test.ts` (ROUNDS below).
 */
import type { ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { RemoteRouter } from '../../electron/remote/remote-router';
import type { Out } from '../../shared/ipc/contract';
import { ADMIN, makeCore } from '../helpers/vault';
import { systemClock } from '../../electron/core/ports';
import { STAFF_PASSWORD, startServerProcess, teamVault, type ServerProcess } from './team-fixtures';

const ROUNDS = 3;

/** `passerelle serve --user admin --password-stdin` on 127.0.0.1 (team-fixtures.ts). */
function startServer(vaultDir: string, port = 0): Promise<ServerProcess> {
  return startServerProcess(vaultDir, { port });
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

async function signedIn(s: ServerProcess, username: string, password = STAFF_PASSWORD): Promise<RemoteRouter> {
  const r = await RemoteRouter.connect({ url: s.url, fingerprint: s.fingerprint.display, retryForMs: 0 });
  const res = await r.call('session.unlock', { username, password });
  if (!res.ok) throw new Error(`sign-in: ${res.error.code}`);
  return r;
}

const cleanups: (() => void)[] = [];
afterAll(() => {
  while (cleanups.length) cleanups.pop()?.();
});

describe('passerelle serve, as a process', () => {
  it('prints its address and fingerprint as JSON, and on SIGTERM finishes running requests and closes the vault', async () => {
    const vault = await teamVault();
    cleanups.push(vault.cleanup);
    const s = await startServer(vault.dir);
    expect(s.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(s.fingerprint.display).toMatch(/^(\d{5} ){11}\d{5}$/);
    expect(s.fingerprint.hex).toMatch(/^[0-9a-f]{64}$/);
    const coord = await signedIn(s, 'co.ord');
    const writes = Array.from({ length: 5 }, (_, i) => coord.call('persons.create', { familyName: `Drain${i}` }));
    await new Promise((r) => setTimeout(r, 30));
    s.child.kill('SIGTERM');
    const results = await Promise.all(writes);
    const { code } = await exited(s.child);
    expect(code).toBe(0);
    coord.close();
    // The vault was closed properly: it opens here, and every acknowledged write is in it.
    const core = makeCore(vault.dir, systemClock);
    await core.vault.unlock(ADMIN.username, ADMIN.password);
    const names = core.persons.list({ search: 'Drain', status: 'all', sort: 'name', offset: 0, limit: 50 }).items.map((p) => p.familyName);
    for (const [i, r] of results.entries()) if (r.ok) expect(names).toContain(`Drain${i}`);
    expect(core.audit.verify().ok).toBe(true);
    core.dispose();
  }, 60_000);

  it('loses no acknowledged write when killed with SIGKILL during concurrent writes', async () => {
    const vault = await teamVault();
    cleanups.push(vault.cleanup);
    const acknowledged: string[] = [];
    let port = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const s = await startServer(vault.dir, port);
      port = Number(new URL(s.url).port);
      const desktops = await Promise.all(['co.ord', 'cw.one', 'cw.two'].map((u) => signedIn(s, u)));
      let stop = false;
      const writers = desktops.map(async (d, w) => {
        for (let n = 0; !stop; n++) {
          const name = `Crash${round}x${w}x${n}`;
          const r = await d.call('persons.create', { familyName: name });
          if (r.ok) acknowledged.push(name);
          else if (r.error.key === 'serverUnreachable' || r.error.code === 'INTERNAL') return;
        }
      });
      await new Promise((r) => setTimeout(r, 700 + round * 150));
      s.child.kill('SIGKILL');
      stop = true;
      await exited(s.child);
      await Promise.all(writers);
      for (const d of desktops) d.close();
    }
    expect(acknowledged.length).toBeGreaterThan(ROUNDS * 3);
    // Restarted: every acknowledged write is there, the chain verifies, and a desktop signs in again.
    const s = await startServer(vault.dir, port);
    const coord = await signedIn(s, 'co.ord');
    const admin = await signedIn(s, ADMIN.username, ADMIN.password);
    const names = new Set<string>();
    for (let offset = 0; ; offset += 100) {
      const page = await admin.call('persons.list', { search: 'Crash', limit: 100, offset });
      if (!page.ok) throw new Error(page.error.code);
      const items = (page.value as Out<'persons.list'>).items;
      for (const p of items) names.add(p.familyName);
      if (items.length < 100) break;
    }
    for (const name of acknowledged) expect(names.has(name)).toBe(true);
    const verify = await admin.call('audit.verify', {});
    expect(verify.ok && (verify.value as Out<'audit.verify'>).ok).toBe(true);
    s.child.kill('SIGTERM');
    expect((await exited(s.child)).code).toBe(0);
    coord.close();
    admin.close();
  }, 120_000);
});
