/**
 * Concurrent edits over the wire (docs/team-server.md "Concurrent edits"): a caseworker and a
 * coordinator, on two desktops connected to one office server on loopback, save the same task and
 * record an event on the same track at the same moment, both on the version they opened. Exactly one
 * write is applied; the other is refused with CONFLICT naming who saved, and its change is nowhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/errors';
import type { Channel, In, Out } from '../../shared/ipc/contract';
import { RemoteRouter } from '../../electron/remote/remote-router';
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
  await server?.stop();
  cleanup?.();
});

async function desktop(username: string): Promise<RemoteRouter> {
  const r = await RemoteRouter.connect({ url: server.url, fingerprint: server.fingerprint.display, retryForMs: 0 });
  const signIn = await r.call('session.unlock', { username, password: STAFF_PASSWORD });
  if (!signIn.ok) throw new Error(`sign-in refused: ${signIn.error.code}`);
  return r;
}

async function ok<C extends Channel>(r: RemoteRouter, channel: C, input: In<C>): Promise<Out<C>> {
  const result = await r.call(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.key}`);
  return result.value as Out<C>;
}

/** The two answers of a race: exactly one applied, the other refused. */
function oneWins<T>(answers: Result<T>[], names: string[]): { winner: number; loser: number; refusal: Extract<Result<T>, { ok: false }>['error'] } {
  const applied = answers.flatMap((a, i) => (a.ok ? [i] : []));
  expect(applied).toHaveLength(1);
  const winner = applied[0] ?? 0;
  const loser = 1 - winner;
  const refused = answers[loser];
  if (!refused || refused.ok) throw new Error('both applied');
  expect(refused.error.code).toBe('CONFLICT');
  expect(refused.error.key).toBe('recordChanged');
  expect(refused.error.details?.changedBy).toBe(names[winner]);
  expect(typeof refused.error.details?.changedAt).toBe('string');
  return { winner, loser, refusal: refused.error };
}

describe('two desktops saving the same record at once', () => {
  it('applies one change to a task and refuses the other with who saved it', async () => {
    const [one, coord] = await Promise.all([desktop('cw.one'), desktop('co.ord')]);
    const me = (await ok(one, 'app.status', {})).user;
    const person = await ok(one, 'persons.create', { familyName: 'Invented', givenNames: 'Tali' });
    const task = await ok(one, 'tasks.create', { title: 'Ask for the medical report', dueDate: '2026-12-18', personId: person.person.id, assigneeId: me?.id });
    // Both desktops show the task at the same version, and save at the same moment.
    const answers = await Promise.all([
      one.call('tasks.update', { id: task.id, title: 'Ask the GP for the medical report', expectedVersion: task.version }),
      coord.call('tasks.update', { id: task.id, dueDate: '2026-12-11', expectedVersion: task.version }),
    ]);
    const { winner, refusal } = oneWins(answers, ['cw.one display', 'co.ord display']);
    expect(refusal.details?.currentVersion).toBe(task.version + 1);
    const [now] = await ok(coord, 'tasks.list', { personId: person.person.id, includeDone: true, limit: 10 });
    expect(now).toMatchObject(
      winner === 0
        ? { title: 'Ask the GP for the medical report', dueDate: '2026-12-18', version: task.version + 1 }
        : { title: 'Ask for the medical report', dueDate: '2026-12-11', version: task.version + 1 },
    );
    one.close();
    coord.close();
  });

  it('records one event on a track and refuses the other, which is not on the track', async () => {
    const [one, coord] = await Promise.all([desktop('cw.one'), desktop('co.ord')]);
    const person = await ok(one, 'persons.create', { familyName: 'Invented', givenNames: 'Rado' });
    const track = await ok(one, 'procedure.openTrack', { personId: person.person.id, country: 'BE' });
    const answers = await Promise.all([
      one.call('procedure.recordEvent', { trackId: track.id, event: { type: 'annex15Issued', date: '2026-11-20' }, expectedVersion: track.version }),
      coord.call('procedure.recordEvent', { trackId: track.id, event: { type: 'annex15Issued', date: '2026-11-21' }, expectedVersion: track.version }),
    ]);
    const { winner } = oneWins(answers, ['cw.one display', 'co.ord display']);
    const detail = await ok(coord, 'persons.get', { id: person.person.id });
    expect(detail.tracks[0]?.events.map((e) => e.date)).toEqual([winner === 0 ? '2026-11-20' : '2026-11-21']);
    expect(detail.tracks[0]?.version).toBe(track.version + 1);
    one.close();
    coord.close();
  });
});
