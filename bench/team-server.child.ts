/**
 * The team bench's office server, in its own process (forked by bench/team.bench.ts) so that the
 * desktops' TLS work does not share its event loop. Starts `passerelle serve`'s server on
 * 127.0.0.1 on a copy of the seeded vault, then answers the parent over the IPC channel:
 * - `{ type: 'cpu' }`: its CPU time since it listens;
 * - `{ type: 'reset' }`: forgets the timings so far (the desktops' sign-in is not the workload);
 * - `{ type: 'timings' }`: per operation, the time the core's router took on each call (the work,
 *   without TLS, HTTP and the wait for the event loop); the time in the vault's write transactions
 *   (the call's SQL, its audit entry, the commit and its fsync), the part of it outside the call's
 *   own statements (the commit, mostly), and in the audit anchor's writes;
 *   the event loop's delay (how long a ready request waited for the server's single thread);
 * - `{ type: 'stop' }`: stops as on SIGTERM (drain, checkpoint, close), reports its CPU time, exits.
 * Exits by itself if the parent goes away.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { cpuUsage } from 'node:process';
import { MIGRATIONS_DIR } from '../db/migrations-dir';
import { silentLogger, systemClock } from '../electron/core/ports';
import { AuditAnchor } from '../electron/core/vault/audit-anchor';
import { startTeamServer } from '../electron/server/serve';
import { emptySamples, opOf } from './team-workload';

const [vaultDir, username, password, today] = process.argv.slice(2);
if (!vaultDir || !username || !password || !today || !process.send) throw new Error('usage: forked with VAULT USER PASSWORD TODAY');
const send = (message: unknown) => process.send?.(message);

const server = await startTeamServer({
  vaultDir,
  migrationsFolder: MIGRATIONS_DIR,
  host: '127.0.0.1',
  port: 0,
  username,
  password,
  clock: systemClock,
  logger: silentLogger,
});
process.on('disconnect', () => void server.stop().finally(() => process.exit(1)));
const cpuAtStart = cpuUsage();

// The server's own timing of each call: the TeamRouter calls core.router.call for every channel.
let timings = emptySamples().samples;
const router = server.core.router;
const call = router.call.bind(router);
router.call = async (channel, input, meta) => {
  const start = performance.now();
  try {
    return await call(channel, input, meta);
  } finally {
    const op = opOf(channel, input);
    if (op) timings[op].push(performance.now() - start);
  }
};
// Time in the vault's write transactions (the call's SQL, its audit entry and the commit's fsync).
// What is left of it outside the call's own statements is mostly the commit: its fsync of the
// write-ahead log (synchronous=FULL), and now and then a checkpoint's.
let writeMs: number[] = [];
let commitMs: number[] = [];
const vault = server.core.vault;
const write = vault.write.bind(vault);
vault.write = (fn) => {
  const start = performance.now();
  let inside = 0;
  try {
    return write((ctx) => {
      const begin = performance.now();
      try {
        return fn(ctx);
      } finally {
        inside = performance.now() - begin;
      }
    });
  } finally {
    const total = performance.now() - start;
    writeMs.push(total);
    commitMs.push(total - inside);
  }
};
// The audit anchor (keyslots.json rewritten atomically: two fsyncs), written in batches by a timer
// inside AuditAnchor: every rewrite of the file goes through its writeSlots.
let anchorMs: number[] = [];
const writeSlots = AuditAnchor.prototype.writeSlots;
AuditAnchor.prototype.writeSlots = function (this: AuditAnchor, ...args: Parameters<AuditAnchor['writeSlots']>) {
  const start = performance.now();
  try {
    return writeSlots.apply(this, args);
  } finally {
    anchorMs.push(performance.now() - start);
  }
};
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();

send({ type: 'listening', url: server.url, fingerprint: server.fingerprint.display });

process.on('message', (message: { type: string }) => {
  void (async () => {
    if (message.type === 'cpu') {
      send({ type: 'cpu', ...cpuUsage(cpuAtStart) });
    } else if (message.type === 'reset') {
      timings = emptySamples().samples;
      writeMs = [];
      commitMs = [];
      anchorMs = [];
      loopDelay.reset();
      send({ type: 'reset' });
    } else if (message.type === 'timings') {
      const ms = (ns: number) => ns / 1e6;
      send({
        type: 'timings',
        samples: timings,
        writeMs,
        commitMs,
        anchorMs,
        loopDelay: { p50: ms(loopDelay.percentile(50)), p95: ms(loopDelay.percentile(95)), p99: ms(loopDelay.percentile(99)), max: ms(loopDelay.max) },
      });
    } else if (message.type === 'stop') {
      await server.stop();
      process.send?.({ type: 'stopped' }, undefined, undefined, () => process.exit(0));
    }
  })().catch((e: unknown) => {
    send({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
  });
});
