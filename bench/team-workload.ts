/**
 * The team bench's workload (bench/team.bench.ts): what one staff member does at a desktop, one
 * action after another, the same whether the router is the office server over TLS or the core
 * in-process (embedded mode). A round: the person list, a search, open a person, record a
 * procedure event the rules allow now, save the person page, the dashboard.
 */
import type { Router } from '../electron/core/router';
import type { CalendarDate } from '../shared/dates/calendar-date';
import type { Result } from '../shared/errors';
import type { Out } from '../shared/ipc/contract';
import { personFieldsShape } from '../shared/persons/person.schema';

export const OPS = ['list', 'search', 'open', 'recordEvent', 'update', 'dashboard'] as const;
export type Op = (typeof OPS)[number];
/** Goals (docs/team-server.md): p95 under 100 ms for reads, 150 ms for writes. */
export const TARGET_MS: Record<Op, number> = { list: 100, search: 100, open: 100, recordEvent: 150, update: 150, dashboard: 100 };
/** What staff type in the search box: the start of an invented name (test/helpers/random.ts syllables). */
const SEARCHES = ['kalo', 'mine', 'ratu', 'vozi', 'beda', 'fogu', 'haje', 'piso', 'Tune', 'Sobe'];
/** Events that end a track: a round records the next step instead, so the tracks stay open. */
const LEAVING = new Set(['closed', 'voluntaryReturn']);

export type Samples = Record<Op, number[]>;

/** The operation a call to the core's router belongs to (the server's own timing), or null. */
export function opOf(channel: unknown, input: unknown): Op | null {
  if (channel === 'persons.list') {
    const search = typeof input === 'object' && input !== null && 'search' in input ? (input as { search?: unknown }).search : undefined;
    return typeof search === 'string' && search !== '' ? 'search' : 'list';
  }
  if (channel === 'persons.get') return 'open';
  if (channel === 'procedure.recordEvent') return 'recordEvent';
  if (channel === 'persons.update') return 'update';
  if (channel === 'reminders.dashboard') return 'dashboard';
  return null;
}
export type Errors = Record<Op, number>;

export function emptySamples(): { samples: Samples; errors: Errors; codes: Record<string, number> } {
  return {
    samples: { list: [], search: [], open: [], recordEvent: [], update: [], dashboard: [] },
    errors: { list: 0, search: 0, open: 0, recordEvent: 0, update: 0, dashboard: 0 },
    codes: {},
  };
}

export interface Desk {
  router: Pick<Router, 'call'>;
  index: number;
  today: CalendarDate;
  /** Waits between two actions (a member of staff reading and clicking); none in embedded mode. */
  think: () => Promise<void>;
}

/** One round; durations and errors recorded per operation. */
export async function round(desk: Desk, r: number, into: ReturnType<typeof emptySamples>): Promise<void> {
  const timed = async (op: Op, fn: () => Promise<Result<unknown>>, think = true): Promise<Result<unknown>> => {
    if (think) await desk.think();
    const start = performance.now();
    const result = await fn();
    into.samples[op].push(performance.now() - start);
    if (!result.ok) {
      into.errors[op] += 1;
      const code = `${op}:${result.error.code}:${result.error.key}`;
      into.codes[code] = (into.codes[code] ?? 0) + 1;
    }
    return result;
  };
  const list = await timed('list', () => desk.router.call('persons.list', { limit: 50 }));
  await timed('search', () => desk.router.call('persons.list', { search: SEARCHES[(desk.index + r) % SEARCHES.length], limit: 50 }));
  const items = list.ok ? (list.value as Out<'persons.list'>).items : [];
  const pick = items[(desk.index * 7 + r * 13) % Math.max(1, items.length)];
  if (pick) {
    const opened = await timed('open', () => desk.router.call('persons.get', { id: pick.id }));
    if (opened.ok) {
      let detail = opened.value as Out<'persons.get'>;
      // The next step of an open track, as the person page offers it (the rules' allowedNext today).
      const track = detail.tracks.find((t) => !t.closed && t.state.allowedNext.some((e) => !LEAVING.has(e)));
      const type = track?.state.allowedNext.find((e) => !LEAVING.has(e));
      if (track && type) {
        const recorded = await timed('recordEvent', () => desk.router.call('procedure.recordEvent', { trackId: track.id, event: { type, date: desk.today } }));
        if (recorded.ok) {
          // The page shows the new state at once (no pause): counted as opening the person.
          const again = await timed('open', () => desk.router.call('persons.get', { id: pick.id }), false);
          if (again.ok) detail = again.value as Out<'persons.get'>;
        }
      }
      const p = detail.person;
      // The person's own fields sent back, the safety note changed: a save from the person page.
      const fields = Object.fromEntries(Object.keys(personFieldsShape).map((k) => [k, p[k as keyof typeof p]]));
      await timed('update', () => desk.router.call('persons.update', { ...fields, id: p.id, safetyNotes: `checked in round ${r}`, expectedVersion: p.version }));
    }
  }
  await timed('dashboard', () => desk.router.call('reminders.dashboard', { scope: 'mine' }));
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}
