/**
 * The user of a call travels in the call's context: in one office-server core, calls of different
 * users interleaved at their awaits each see their own user and role, and nothing outside a call
 * sees anybody (docs/team-server.md "Many users at once").
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { UsersRepo } from '../../../db/users.repo';
import { AppError } from '../../../shared/errors';
import { personListQuerySchema } from '../../../shared/persons/person.schema';
import type { Channel, In, Out } from '../../../shared/ipc/contract';
import { FakeClock } from '../../../test/helpers/fake-clock';
import { ADMIN, makeCore, tempDir } from '../../../test/helpers/vault';
import type { Core } from '../app-core';
import { currentCallUser, fixedUser, runInCall, type CallUser } from './call-context';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

const PASSWORD = 'a long password 1';

async function serverCore(): Promise<{ core: Core; admin: CallUser }> {
  const { dir, cleanup } = tempDir();
  const core = makeCore(`${dir}/vault`, new FakeClock(), { callsOnly: true });
  cleanups.push(() => {
    core.dispose();
    cleanup();
  });
  await core.vault.create({ organisationName: 'Test Centre', country: 'BE', admin: ADMIN });
  const admin = core.vault.signedInHere();
  if (!admin) throw new Error('no admin');
  return { core, admin };
}

async function as<C extends Channel>(core: Core, user: CallUser | null, channel: C, input: In<C>): Promise<Out<C>> {
  const r = await core.router.call(channel, input, { user: fixedUser(user) });
  if (!r.ok) throw new AppError(r.error.code, r.error.key, r.error.params, r.error.details);
  return r.value as Out<C>;
}

function callUser(core: Core, username: string): CallUser {
  const row = core.vault.read((db) => new UsersRepo(db).byUsername(username));
  if (!row) throw new Error('no such user');
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role, slotId: row.slotId };
}

describe('the call context', () => {
  it('keeps each interleaved call to its own user, across awaits', async () => {
    const users = [1, 2, 3, 4].map((i): CallUser => ({ id: `u${i}`, username: `u${i}`, displayName: `U${i}`, role: i % 2 ? 'caseworker' : 'coordinator', slotId: `s${i}` }));
    const seen = await Promise.all(
      users.flatMap((u) =>
        [5, 1, 3].map((ms) =>
          runInCall(fixedUser(u), async () => {
            await sleep(ms);
            return [u.id, currentCallUser(null, true)?.id] as const;
          }),
        ),
      ),
    );
    for (const [expected, got] of seen) expect(got).toBe(expected);
  });

  it('serves two caseworkers and a coordinator at once, each with their own cases and role', async () => {
    const { core, admin } = await serverCore();
    for (const [username, role] of [['cw.one', 'caseworker'], ['cw.two', 'caseworker'], ['co.ord', 'coordinator']] as const) {
      await as(core, admin, 'users.add', { username, displayName: `${username} display`, role, password: PASSWORD });
    }
    const one = callUser(core, 'cw.one');
    const two = callUser(core, 'cw.two');
    const coord = callUser(core, 'co.ord');
    const mine = (await as(core, coord, 'persons.create', { familyName: 'Alpha', caseworkerId: one.id })).person;
    const theirs = (await as(core, coord, 'persons.create', { familyName: 'Beta', caseworkerId: two.id })).person;

    // Interleave: a password change awaits its key derivation while the others list and open.
    const results = await Promise.all([
      as(core, one, 'users.changePassword', { currentPassword: PASSWORD, newPassword: 'another long password 2' }),
      ...Array.from({ length: 10 }, (_, i) => as(core, i % 2 ? one : two, 'persons.list', {})),
      as(core, coord, 'persons.list', {}),
      as(core, two, 'app.status', {}),
      core.router.call('persons.get', { id: mine.id }, { user: fixedUser(two) }),
      core.router.call('users.list', {}, { user: fixedUser(one) }),
    ]);
    const lists = results.slice(1, 11) as Out<'persons.list'>[];
    lists.forEach((list, i) => {
      const expected = i % 2 ? mine.id : theirs.id;
      expect(list.items.map((r) => r.id)).toEqual([expected]);
    });
    expect((results[11] as Out<'persons.list'>).items.map((r) => r.id).sort()).toEqual([mine.id, theirs.id].sort());
    expect((results[12] as Out<'app.status'>).user?.username).toBe('cw.two');
    const foreign = results[13] as Awaited<ReturnType<Core['router']['call']>>;
    expect(foreign.ok).toBe(false);
    const usersList = results[14] as Awaited<ReturnType<Core['router']['call']>>;
    expect(usersList.ok ? 'ok' : usersList.error.code).toBe('FORBIDDEN');

    // The audit trail names who did what, though the calls overlapped.
    const audit = await as(core, admin, 'audit.list', { limit: 50 });
    const change = audit.find((e) => e.action === 'user.passwordChange');
    expect(change?.actor).toBe('cw.one');
  });

  it('sees nobody outside a call on the office server, though an administrator opened the vault', async () => {
    const { core } = await serverCore();
    expect(core.vault.session()).toBeNull();
    expect(() => core.persons.list(personListQuerySchema.parse({}))).toThrow(AppError);
    const status = await as(core, null, 'app.status', {});
    expect(status.state).toBe('locked');
    expect(status.user).toBeNull();
    const refused = await core.router.call('persons.list', {});
    expect(refused.ok ? 'ok' : refused.error.code).toBe('LOCKED');
  });
});
