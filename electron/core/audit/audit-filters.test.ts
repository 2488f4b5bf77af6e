/**
 * The audit screen's filters and its link to the case: entries by user, action, period (local days,
 * both included) and case code; an entry about a person carries the case code while the record
 * exists (the trail itself keeps the uuid only, and still does after the record is erased).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import type { Contract, In, Out } from '../../../shared/ipc/contract';
import { FakeClock } from '../../../test/helpers/fake-clock';
import { ADMIN, newVault } from '../../../test/helpers/vault';
import type { Core } from '../app-core';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

const DAY = 86_400_000;

async function call<C extends keyof Contract>(core: Core, channel: C, input: In<C>): Promise<Out<C>> {
  const result = await core.router.call(channel, input);
  if (!result.ok) throw new AppError(result.error.code, result.error.key, result.error.params, result.error.details);
  return result.value as Out<C>;
}

describe('audit filters', () => {
  it('filter by user, action, period and case, and name the case of entries about a person', async () => {
    const clock = new FakeClock('2026-11-23T10:00:00.000Z'); // Monday
    const v = await newVault(clock);
    cleanups.push(v.cleanup);
    const core = v.core;
    const a = await call(core, 'persons.create', { familyName: 'Invented', givenNames: 'A' });
    clock.advance(DAY);
    await core.vault.unlock(ADMIN.username, ADMIN.password).catch(() => undefined);
    const b = await call(core, 'persons.create', { familyName: 'Invented', givenNames: 'B' });
    await call(core, 'persons.get', { id: b.person.id });
    await call(core, 'users.add', { username: 'case.worker', displayName: 'C', role: 'caseworker', password: 'a long password 1' });
    clock.advance(DAY);
    await core.vault.unlock(ADMIN.username, ADMIN.password).catch(() => undefined);
    await call(core, 'persons.get', { id: a.person.id });

    const all = await call(core, 'audit.list', { limit: 500 });
    const creates = await call(core, 'audit.list', { limit: 500, action: 'person.create' });
    expect(creates.map((e) => e.subjectId)).toEqual([b.person.id, a.person.id]);
    expect(creates.map((e) => e.caseCode)).toEqual([b.person.caseCode, a.person.caseCode]);

    const aboutA = await call(core, 'audit.list', { limit: 500, caseCode: a.person.caseCode.toLowerCase() });
    expect(aboutA.map((e) => e.action)).toEqual(['person.view', 'person.create']);
    expect(await call(core, 'audit.list', { limit: 500, caseCode: 'NOPE-2026-0001' })).toEqual([]);

    const tuesday = await call(core, 'audit.list', { limit: 500, from: '2026-11-24', to: '2026-11-24' });
    expect(tuesday.length).toBeGreaterThan(0);
    expect(tuesday.every((e) => e.at >= '2026-11-23T23:00:00.000Z' && e.at < '2026-11-24T23:00:00.000Z')).toBe(true);
    expect(tuesday.map((e) => e.action)).toEqual(expect.arrayContaining(['person.create', 'person.view', 'user.add']));

    expect((await call(core, 'audit.list', { limit: 500, actor: 'nobody.here' })).length).toBe(0);
    expect((await call(core, 'audit.list', { limit: 500, actor: ADMIN.username })).length).toBe(all.filter((e) => e.actor === ADMIN.username).length);

    // Erased: the entries stay, with the uuid; no case code to show or link to.
    await call(core, 'persons.erase', { personId: a.person.id, confirmCaseCode: a.person.caseCode, reason: 'registeredInError' });
    const after = await call(core, 'audit.list', { limit: 500, action: 'person.create' });
    expect(after.map((e) => [e.subjectId, e.caseCode])).toEqual([
      [b.person.id, b.person.caseCode],
      [a.person.id, null],
    ]);
  });

  it('refuses a filter that is not a date or too long, and a caseworker', async () => {
    const v = await newVault(new FakeClock('2026-11-23T10:00:00.000Z'));
    cleanups.push(v.cleanup);
    const bad = await v.core.router.call('audit.list', { limit: 10, from: '23-11-2026' } as never);
    expect(bad.ok ? null : bad.error.code).toBe('VALIDATION');
    const long = await v.core.router.call('audit.list', { limit: 10, caseCode: 'X'.repeat(41) });
    expect(long.ok ? null : long.error.code).toBe('VALIDATION');
    await call(v.core, 'users.add', { username: 'case.worker', displayName: 'C', role: 'caseworker', password: 'a long password 1' });
    v.core.vault.lock();
    await v.core.vault.unlock('case.worker', 'a long password 1');
    const refused = await v.core.router.call('audit.list', { limit: 10 });
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
  });
});
