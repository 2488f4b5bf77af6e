/**
 * `npm run bench -- team`: 30 simulated desktops against one office server on 127.0.0.1, a mixed
 * workload (bench/team-workload.ts: list, search, open a person, record a procedure event, save the
 * person page, dashboard) on a vault of 100,000 invented persons; p50/p95/p99 per operation, the
 * ratio of the median to the same operation in embedded mode (after the server stopped, the same
 * vault opened by a desktop's own core in this process, its router called one call at a time by 5
 * of the caseworkers), errors, CPU time and the load average. The server also times itself
 * (bench/team-server.child.ts): each operation's own work in the core, its write transactions
 * (commit and fsync included), the audit anchor's writes and its event loop's delay, so that a slow
 * figure can be told apart: work, disk, or waiting for a shared CPU.
 *
 * Processes: the server runs in a child process of its own (bench/team-server.child.ts), the
 * desktops in BENCH_TEAM_CLIENT_PROCESSES other ones (bench/team-desktops.child.ts, default 2),
 * so that the clients' TLS and JSON work does not share the server's event loop. Each desktop
 * pauses 0.5-2 s (uniform, seeded) before each action, as staff read and click; BENCH_TEAM_ROUNDS
 * rounds of six actions each (default 8, about a minute).
 *
 * The seeded vault (BENCH_TEAM_PERSONS, default 100,000, 30 caseworkers) is built once and kept in
 * the system's temp folder (passerelle-team-bench-v1-<persons>, or BENCH_TEAM_DIR); it is rebuilt
 * when missing (delete it to rebuild). Each run works on a fresh copy of it, so runs are comparable.
 * BENCH_TEAM_CPU_PROF=DIR writes the server's CPU profile (node --cpu-prof) into DIR.
 * Goal (docs/team-server.md): p95 under 100 ms for reads, 150 ms for writes, 0 errors. Stops by
 * itself: the children exit when this process goes, and the run is abandoned after 20 minutes.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIGRATIONS_DIR } from '../db/migrations-dir';
import { createCore } from '../electron/core/app-core';
import { memoryPreferences, silentLogger, systemClock } from '../electron/core/ports';
import { fixedUser, type CallUser } from '../electron/core/session/call-context';
import { UsersRepo } from '../db/users.repo';
import type { CalendarDate } from '../shared/dates/calendar-date';
import { inventedPersons } from '../test/helpers/invented-persons';
import type { BenchResult } from './measure';
import { loadInventedPersons } from './persons.seed';
import { OPS, TARGET_MS, emptySamples, percentile, round, type Desk, type Errors, type Samples } from './team-workload';

const PERSONS = Number(process.env.BENCH_TEAM_PERSONS ?? 100_000);
const DESKTOPS = 30;
const ROUNDS = Number(process.env.BENCH_TEAM_ROUNDS ?? 8);
const CLIENT_PROCESSES = Math.max(1, Number(process.env.BENCH_TEAM_CLIENT_PROCESSES ?? 2));
const EMBEDDED_DESKS = 5;
const EMBEDDED_ROUNDS = 6;
const THINK_MS = { min: 500, max: 2000 };
const PASSWORD = 'bench password 1';
const CACHE = process.env.BENCH_TEAM_DIR ?? join(tmpdir(), `passerelle-team-bench-v1-${PERSONS}`);
const GIVE_UP_MS = 20 * 60_000;
/** The invented data is dated from this day, so the cached vault stays valid on later days. */
const SEEDED_ON = '2026-06-01' as CalendarDate;

/** 100k invented persons spread over 30 caseworkers, the admin `bench`; built once. */
async function buildCache(): Promise<void> {
  rmSync(CACHE, { recursive: true, force: true });
  mkdirSync(CACHE, { recursive: true });
  const started = performance.now();
  const core = createCore({ vaultDir: join(CACHE, 'v'), migrationsFolder: MIGRATIONS_DIR, clock: systemClock, logger: silentLogger, prefs: memoryPreferences(), kdfProfile: 'minimum' });
  try {
    await core.vault.create({ organisationName: 'Team bench', country: 'BE', admin: { username: 'bench', displayName: 'B', password: PASSWORD } });
    const caseworkerIds: string[] = [];
    for (let i = 0; i < DESKTOPS; i++) {
      caseworkerIds.push((await core.users.add({ username: `worker${i}`, displayName: `Worker ${i}`, role: 'caseworker', password: PASSWORD })).id);
    }
    const people = Array.from(inventedPersons(20261207, PERSONS, SEEDED_ON, caseworkerIds.length));
    loadInventedPersons((fn) => core.vault.write(({ db }) => fn(db)), people, { prefix: 'TB', today: SEEDED_ON, caseworkerIds });
    core.vault.read((db) => db.$client.exec('ANALYZE'));
    core.vault.checkpoint();
  } finally {
    core.dispose();
  }
  writeFileSync(join(CACHE, 'ready'), new Date().toISOString());
  console.log(`  (seeded vault built in ${((performance.now() - started) / 1000).toFixed(0)} s: ${PERSONS} persons, in ${CACHE})`);
}

/** BENCH_TEAM_CPU_PROF=DIR writes a CPU profile of the server process there (node --cpu-prof). */
const CPU_PROF = process.env.BENCH_TEAM_CPU_PROF;

function forkChild(file: string, args: string[], profile = false): ChildProcess {
  const execArgv = ['--import', 'tsx', ...(profile && CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF}`] : [])];
  return fork(join(import.meta.dirname, file), args, { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

/** The next message of `type` from `child`; a `failed` message or an exit rejects. */
function next<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: { type: string; message?: string }) => {
      if (m.type === type) {
        cleanup();
        resolve(m as T);
      } else if (m.type === 'failed') {
        cleanup();
        reject(new Error(`${type}: ${m.message ?? 'failed'}`));
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`child exited (${code}) before '${type}'`));
    };
    const cleanup = () => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

/**
 * Embedded mode for the ratio: the same vault opened by a desktop's own core (this process, each
 * write committed on its own), the same workload through its router, one call at a time, no pause.
 */
async function runEmbedded(vaultDir: string, today: CalendarDate): Promise<Collected> {
  const core = createCore({ vaultDir, migrationsFolder: MIGRATIONS_DIR, clock: systemClock, logger: silentLogger, prefs: memoryPreferences() });
  try {
    await core.vault.unlock('bench', PASSWORD);
    const users = core.vault.read((db) => new UsersRepo(db).all()).filter((u) => u.username.startsWith('worker'));
    const into = emptySamples();
    for (const [index, u] of users.slice(0, EMBEDDED_DESKS).entries()) {
      const user: CallUser = { id: u.id, username: u.username, displayName: u.displayName, role: u.role, slotId: u.slotId };
      const desk: Desk = {
        index,
        today,
        think: () => Promise.resolve(),
        router: { call: (channel, input) => core.router.call(channel, input, { user: fixedUser(user) }) },
      };
      for (let r = 0; r < EMBEDDED_ROUNDS; r++) await round(desk, r + 100, into);
    }
    return into;
  } finally {
    core.dispose();
  }
}

function sum(values: readonly number[]): number {
  return values.reduce((n, v) => n + v, 0);
}

/** What the server process measured itself (bench/team-server.child.ts). */
interface ServerTimings {
  samples: Samples;
  writeMs: number[];
  commitMs: number[];
  anchorMs: number[];
  loopDelay: { p50: number; p95: number; p99: number; max: number };
}

interface Collected {
  samples: Samples;
  errors: Errors;
  codes: Record<string, number>;
}

export async function runTeamBench(): Promise<BenchResult[]> {
  if (!existsSync(join(CACHE, 'ready'))) await buildCache();
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-team-bench-'));
  const vaultDir = join(dir, 'v');
  mkdirSync(vaultDir, { mode: 0o700 });
  for (const f of ['vault.db', 'keyslots.json']) copyFileSync(join(CACHE, 'v', f), join(vaultDir, f));
  const today = new Date().toISOString().slice(0, 10);
  const children: ChildProcess[] = [];
  const giveUp = setTimeout(() => {
    console.error('team bench: abandoned after 20 minutes');
    for (const c of children) c.kill('SIGKILL');
    process.exit(1);
  }, GIVE_UP_MS);
  giveUp.unref();
  try {
    const server = forkChild('team-server.child.ts', [vaultDir, 'bench', PASSWORD, today], true);
    children.push(server);
    const { url, fingerprint } = await next<{ url: string; fingerprint: string }>(server, 'listening');

    const clients = Array.from({ length: CLIENT_PROCESSES }, () => forkChild('team-desktops.child.ts', []));
    children.push(...clients);
    await Promise.all(
      clients.map((c, p) => {
        const indexes = Array.from({ length: DESKTOPS }, (_, i) => i).filter((i) => i % CLIENT_PROCESSES === p);
        const ready = next(c, 'ready');
        c.send({ type: 'start', url, fingerprint, password: PASSWORD, indexes, rounds: ROUNDS, seed: 20261207, today, thinkMinMs: THINK_MS.min, thinkMaxMs: THINK_MS.max });
        return ready;
      }),
    );
    const reset = next(server, 'reset');
    server.send({ type: 'reset' });
    await reset;
    const cpuBefore = next<{ user: number; system: number }>(server, 'cpu');
    server.send({ type: 'cpu' });
    const serverCpuStart = await cpuBefore;
    const loadAtStart = loadavg();
    const wall = performance.now();
    const done = await Promise.all(
      clients.map((c) => {
        const d = next<Collected & { events: number; cpu: { user: number; system: number } }>(c, 'done');
        c.send({ type: 'go' });
        return d;
      }),
    );
    const wallMs = performance.now() - wall;
    const load = loadavg();
    const cpuAfter = next<{ user: number; system: number }>(server, 'cpu');
    server.send({ type: 'cpu' });
    const serverCpu = await cpuAfter;
    const serverCpuMs = (serverCpu.user + serverCpu.system - serverCpuStart.user - serverCpuStart.system) / 1000;
    const timed = next<ServerTimings>(server, 'timings');
    server.send({ type: 'timings' });
    const serverTimings = await timed;

    const stopped = next(server, 'stopped');
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.send({ type: 'stop' });
    await stopped;
    // Its CPU profile, if asked for, is written as it exits.
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
    const embedded = await runEmbedded(vaultDir, today as CalendarDate);

    const team: Collected = { samples: Object.fromEntries(OPS.map((op) => [op, done.flatMap((d) => d.samples[op])])) as Samples, errors: {} as Errors, codes: {} };
    for (const op of OPS) team.errors[op] = done.reduce((n, d) => n + d.errors[op], 0);
    for (const d of done) for (const [k, v] of Object.entries(d.codes)) team.codes[k] = (team.codes[k] ?? 0) + v;
    const calls = OPS.reduce((n, op) => n + team.samples[op].length, 0);
    const clientCpuMs = done.reduce((n, d) => n + (d.cpu.user + d.cpu.system) / 1000, 0);

    const results: BenchResult[] = [
      { name: `${DESKTOPS} desktops x ${ROUNDS} rounds over TLS, ${PERSONS} persons, pause 0.5-2 s: wall time`, value: wallMs, unit: 'ms' },
      { name: 'calls answered by the server', value: calls, unit: 'calls' },
      { name: 'server CPU time per call (user + system)', value: serverCpuMs / Math.max(1, calls), unit: 'ms' },
      { name: 'server CPU use during the run (of one core)', value: (100 * serverCpuMs) / wallMs, unit: '%' },
      { name: `desktop processes' CPU time (${CLIENT_PROCESSES} processes)`, value: clientCpuMs, unit: 'ms' },
      { name: 'change events received by the desktops', value: done.reduce((n, d) => n + d.events, 0), unit: 'events' },
      { name: 'load average (1 min) at the start of the run (2 cores shared)', value: loadAtStart[0] ?? 0, unit: '' },
      {
        name: `server: write transactions, p95 (p50 ${percentile(serverTimings.writeMs, 50).toFixed(1)}, p99 ${percentile(serverTimings.writeMs, 99).toFixed(1)} ms, ${serverTimings.writeMs.length} of them, ${sum(serverTimings.writeMs).toFixed(0)} ms in all)`,
        value: percentile(serverTimings.writeMs, 95),
        unit: 'ms',
      },
      {
        name: `server: commits (a write transaction less the call's own statements), p95 (p50 ${percentile(serverTimings.commitMs, 50).toFixed(1)}, p99 ${percentile(serverTimings.commitMs, 99).toFixed(1)} ms, ${sum(serverTimings.commitMs).toFixed(0)} ms in all)`,
        value: percentile(serverTimings.commitMs, 95),
        unit: 'ms',
      },
      {
        name: `server: audit anchor writes, p95 (${serverTimings.anchorMs.length} of them, max ${Math.max(0, ...serverTimings.anchorMs).toFixed(1)} ms, ${sum(serverTimings.anchorMs).toFixed(0)} ms in all)`,
        value: percentile(serverTimings.anchorMs, 95),
        unit: 'ms',
      },
      {
        // The server's one thread, busy with the calls (their SQL and commits) and the anchor: the
        // rest of the wall time it waits for requests, or for a CPU the machine does not give it.
        name: 'server: thread busy with calls and anchor writes (of the wall time)',
        value: (100 * (OPS.reduce((n, op) => n + sum(serverTimings.samples[op]), 0) + sum(serverTimings.anchorMs))) / wallMs,
        unit: '%',
      },
      {
        name: `server: event loop delay, p99 (p50 ${serverTimings.loopDelay.p50.toFixed(1)}, p95 ${serverTimings.loopDelay.p95.toFixed(1)}, max ${serverTimings.loopDelay.max.toFixed(1)} ms)`,
        value: serverTimings.loopDelay.p99,
        unit: 'ms',
      },
    ];
    for (const op of OPS) {
      const s = team.samples[op];
      const e = embedded.samples[op];
      const p50 = percentile(s, 50);
      const p95 = percentile(s, 95);
      results.push({ name: `${op}: p50 over TLS (ratio to embedded p50)`, value: p50, unit: 'ms', ratio: p50 / Math.max(0.001, percentile(e, 50)) });
      results.push({ name: `${op}: p95 over TLS (ratio to target ${TARGET_MS[op]} ms)`, value: p95, unit: 'ms', ratio: p95 / TARGET_MS[op] });
      results.push({ name: `${op}: p99 over TLS`, value: percentile(s, 99), unit: 'ms' });
      results.push({ name: `${op}: p50 embedded (p95 ${percentile(e, 95).toFixed(1)} ms)`, value: percentile(e, 50), unit: 'ms' });
      const own = serverTimings.samples[op];
      results.push({ name: `${op}: p95 of the server's own work (p50 ${percentile(own, 50).toFixed(1)} ms)`, value: percentile(own, 95), unit: 'ms' });
      results.push({ name: `${op}: errors over TLS of ${s.length} (embedded: ${embedded.errors[op]} of ${e.length})`, value: team.errors[op], unit: '' });
    }
    for (const [code, n] of Object.entries({ ...team.codes })) results.push({ name: `  error ${code}`, value: n, unit: '' });
    results.push({ name: 'load average (1 min / 5 min) at the end of the run', value: load[0] ?? 0, unit: `/ ${(load[1] ?? 0).toFixed(1)}` });
    return results;
  } finally {
    clearTimeout(giveUp);
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}
