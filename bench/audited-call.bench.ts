/**
 * `npm run bench -- audited`: what one audited call costs in the embedded mode, where every call
 * that reads or changes a person writes an audit entry (vault.service.ts write()). Measures
 * opening a person through the router (persons.get, as the person page does) and adding a note
 * through the service (notes.add), in an encrypted vault of BENCH_AUDITED_PERSONS (default 2,000)
 * invented persons. The cost of one call hardly depends on the vault's size (an index lookup, one
 * insert, one commit); the 100k-person figures are in the persons and notes benches.
 * Targets: note insert <= 5 ms (notes and contact log); opening a person <= 100 ms (team mode).
 */
import { loadavg } from 'node:os';
import { cpuUsage } from 'node:process';
import { inventedNote } from '../test/helpers/invented-notes';
import { inventedPersons } from '../test/helpers/invented-persons';
import { seededRandom } from '../test/helpers/random';
import { newVault } from '../test/helpers/vault';
import { systemClock } from '../electron/core/ports';
import type { CalendarDate } from '../shared/dates/calendar-date';
import { median, time, type BenchResult } from './measure';
import { loadInventedPersons } from './persons.seed';

const PERSONS = Number(process.env.BENCH_AUDITED_PERSONS ?? 2_000);
const RUNS = 300;
const TODAY = new Date().toISOString().slice(0, 10) as CalendarDate;

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? 0;
}

export async function runAuditedCallBench(): Promise<BenchResult[]> {
  const v = await newVault(systemClock);
  try {
    const { core } = v;
    const admin = core.vault.session();
    if (!admin) throw new Error('not signed in');
    loadInventedPersons((fn) => core.vault.write(({ db }) => fn(db)), Array.from(inventedPersons(20261207, PERSONS, TODAY, 1)), {
      prefix: 'AC',
      today: TODAY,
      caseworkerIds: [admin.id],
    });
    const ids = core.vault.read((db) => db.$client.prepare('SELECT id FROM persons ORDER BY rowid').pluck().all() as string[]);
    const results: BenchResult[] = [];
    const measure = async (name: string, target: number, fn: (i: number) => Promise<unknown> | unknown) => {
      await fn(0);
      const times: number[] = [];
      const cpuBefore = cpuUsage();
      for (let i = 1; i <= RUNS; i++) {
        const start = performance.now();
        await fn(i);
        times.push(performance.now() - start);
      }
      const cpu = cpuUsage(cpuBefore);
      results.push({ name: `${name}: median`, value: median(times), unit: 'ms', ratio: median(times) / target });
      results.push({ name: `${name}: p95`, value: p95(times), unit: 'ms', ratio: p95(times) / target });
      results.push({ name: `${name}: CPU time per call (user + system)`, value: (cpu.user + cpu.system) / 1000 / RUNS, unit: 'ms' });
    };
    await measure('open a person (persons.get through the router)', 100, async (i) => {
      const r = await core.router.call('persons.get', { id: ids[(i * 7919) % ids.length] });
      if (!r.ok) throw new Error(`persons.get failed: ${r.error.code}`);
    });
    const random = seededRandom(99);
    await measure('note insert (notes.add through the service)', 5, (i) => {
      const n = inventedNote(random);
      core.notes.add({ personId: ids[i % ids.length] ?? '', occurredOn: TODAY, type: n.type, body: n.body, durationMinutes: n.durationMinutes, attachmentId: null, correctsId: null });
    });
    // The lock: the anchor written for good before the key is wiped.
    results.push({ name: 'lock (audit entry, anchor, close)', value: time(() => core.vault.lock()), unit: 'ms' });
    results.push({ name: 'load average (1 min) at the end', value: loadavg()[0] ?? 0, unit: '' });
    return results;
  } finally {
    v.cleanup();
  }
}
