/**
 * `npm run bench -- team`: 30 simulated desktops (Node clients over TLS 1.3, pinned, the real remote
 * Router) against one office server, a mixed workload (list, search, open a person, update a person,
 * dashboard), p50/p95/p99 per operation, and the ratio of the median to the same operation in
 * embedded mode (the core's router called in-process, same vault, one call at a time).
 *
 * The server and the clients run in this one process (the clients' own work is small: build a
 * request, parse the answer). Persons: BENCH_TEAM_PERSONS (default 10,000) invented persons from
 * the seeded generator. Goal (docs/team-server.md): p95 under 100 ms for reads, 150 ms for writes,
 * 0 errors. Stops by itself after ROUNDS rounds per desktop; listens on 127.0.0.1 only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIGRATIONS_DIR } from '../db/migrations-dir';
import { UsersRepo } from '../db/users.repo';
import { createCore } from '../electron/core/app-core';
import { memoryPreferences, silentLogger, systemClock } from '../electron/core/ports';
import { fixedUser, type CallUser } from '../electron/core/session/call-context';
import type { Router } from '../electron/core/router';
import { RemoteRouter } from '../electron/remote/remote-router';
import { startTeamServer } from '../electron/server/serve';
import type { CalendarDate } from '../shared/dates/calendar-date';
import type { Result } from '../shared/errors';
import type { Out } from '../shared/ipc/contract';
import { personFieldsShape } from '../shared/persons/person.schema';
import { inventedPersons } from '../test/helpers/invented-persons';
import type { BenchResult } from './measure';
import { loadInventedPersons } from './persons.seed';

const PERSONS = Number(process.env.BENCH_TEAM_PERSONS ?? 10_000);
const DESKTOPS = 30;
const ROUNDS = Number(process.env.BENCH_TEAM_ROUNDS ?? 10);
const TODAY = new Date().toISOString().slice(0, 10) as CalendarDate;
const PASSWORD = 'bench password 1';
const OPS = ['list', 'search', 'open', 'update', 'dashboard'] as const;
type Op = (typeof OPS)[number];
const TARGET_MS: Record<Op, number> = { list: 100, search: 100, open: 100, update: 150, dashboard: 100 };
const SEARCHES = ['an', 'ma', 'el', 'ko', 'ri', 'sa', 'de', 'lu'];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

interface Desk {
  router: Pick<Router, 'call'>;
  index: number;
}

/** One desktop's round: each operation once; durations and errors recorded per operation. */
async function round(desk: Desk, r: number, samples: Record<Op, number[]>, errors: Record<Op, number>): Promise<void> {
  const timed = async (op: Op, fn: () => Promise<Result<unknown>>): Promise<Result<unknown>> => {
    const start = performance.now();
    const result = await fn();
    samples[op].push(performance.now() - start);
    if (!result.ok) errors[op] += 1;
    return result;
  };
  const list = await timed('list', () => desk.router.call('persons.list', { limit: 50 }));
  await timed('search', () => desk.router.call('persons.list', { search: SEARCHES[(desk.index + r) % SEARCHES.length], limit: 50 }));
  const items = list.ok ? (list.value as Out<'persons.list'>).items : [];
  const pick = items[(desk.index * 7 + r) % Math.max(1, items.length)];
  if (pick) {
    const opened = await timed('open', () => desk.router.call('persons.get', { id: pick.id }));
    if (opened.ok) {
      const p = (opened.value as Out<'persons.get'>).person;
      // The person's own fields sent back, the safety note changed: a save from the person page.
      const fields = Object.fromEntries(Object.keys(personFieldsShape).map((k) => [k, p[k as keyof typeof p]]));
      await timed('update', () =>
        desk.router.call('persons.update', { ...fields, id: p.id, safetyNotes: `checked in round ${r}`, expectedVersion: p.version }),
      );
    }
  }
  await timed('dashboard', () => desk.router.call('reminders.dashboard', { scope: 'mine' }));
}

function empty(): { samples: Record<Op, number[]>; errors: Record<Op, number> } {
  return {
    samples: { list: [], search: [], open: [], update: [], dashboard: [] },
    errors: { list: 0, search: 0, open: 0, update: 0, dashboard: 0 },
  };
}

export async function runTeamBench(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-team-bench-'));
  const vaultDir = join(dir, 'v');
  try {
    const core = createCore({ vaultDir, migrationsFolder: MIGRATIONS_DIR, clock: systemClock, logger: silentLogger, prefs: memoryPreferences(), kdfProfile: 'minimum' });
    await core.vault.create({ organisationName: 'Team bench', country: 'BE', admin: { username: 'bench', displayName: 'B', password: PASSWORD } });
    // 30 caseworkers: each desktop edits only its own cases, as in an office.
    const caseworkerIds: string[] = [];
    for (let i = 0; i < DESKTOPS; i++) {
      caseworkerIds.push((await core.users.add({ username: `worker${i}`, displayName: `Worker ${i}`, role: 'caseworker', password: PASSWORD })).id);
    }
    const people = Array.from(inventedPersons(20261207, PERSONS, TODAY, caseworkerIds.length));
    loadInventedPersons((fn) => core.vault.write(({ db }) => fn(db)), people, { prefix: 'TB', today: TODAY, caseworkerIds });
    core.vault.read((db) => db.$client.exec('ANALYZE'));
    core.dispose();

    const server = await startTeamServer({
      vaultDir,
      migrationsFolder: MIGRATIONS_DIR,
      host: '127.0.0.1',
      port: 0,
      username: 'bench',
      password: PASSWORD,
      clock: systemClock,
      logger: silentLogger,
    });
    const team = empty();
    const embedded = empty();
    try {
      const desks: Desk[] = await Promise.all(
        Array.from({ length: DESKTOPS }, async (_, index) => {
          const router = await RemoteRouter.connect({ url: server.url, fingerprint: server.fingerprint.display, retryForMs: 0 });
          const signIn = await router.call('session.unlock', { username: `worker${index}`, password: PASSWORD });
          if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.error.code}`);
          return { router, index };
        }),
      );
      const wall = performance.now();
      await Promise.all(desks.map(async (d) => {
        for (let r = 0; r < ROUNDS; r++) await round(d, r, team.samples, team.errors);
      }));
      const wallMs = performance.now() - wall;
      for (const d of desks) (d.router as RemoteRouter).close();

      // Embedded: the same operations through the core's router in-process, one desktop at a time.
      const users = server.core.vault.read((db) => new UsersRepo(db).all()).filter((u) => u.username.startsWith('worker'));
      for (const [index, u] of users.slice(0, 5).entries()) {
        const user: CallUser = { id: u.id, username: u.username, displayName: u.displayName, role: u.role, slotId: u.slotId };
        const local: Desk = { index, router: { call: (channel, input) => server.core.router.call(channel, input, { user: fixedUser(user) }) } };
        for (let r = 0; r < ROUNDS; r++) await round(local, r + 100, embedded.samples, embedded.errors);
      }

      const results: BenchResult[] = [
        { name: `${DESKTOPS} desktops x ${ROUNDS} rounds over TLS, ${PERSONS} persons: wall time`, value: wallMs, unit: 'ms' },
      ];
      for (const op of OPS) {
        const s = team.samples[op];
        const e = embedded.samples[op];
        const p50 = percentile(s, 50);
        results.push({ name: `${op}: p50 over TLS (ratio to embedded p50)`, value: p50, unit: 'ms', ratio: p50 / Math.max(0.001, percentile(e, 50)) });
        results.push({ name: `${op}: p95 over TLS (ratio to target ${TARGET_MS[op]} ms)`, value: percentile(s, 95), unit: 'ms', ratio: percentile(s, 95) / TARGET_MS[op] });
        results.push({ name: `${op}: p99 over TLS`, value: percentile(s, 99), unit: 'ms' });
        results.push({ name: `${op}: p50 embedded`, value: percentile(e, 50), unit: 'ms' });
        results.push({ name: `${op}: errors (team + embedded) of ${s.length + e.length}`, value: team.errors[op] + embedded.errors[op], unit: '' });
      }
      return results;
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
