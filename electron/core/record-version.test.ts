/**
 * Concurrent edits of every editable record (docs/team-server.md "Concurrent edits"): two staff
 * members open the same record at the same version; the first save raises the version, the second
 * (made on the old one) is refused with CONFLICT naming who saved and when, and changes nothing;
 * saved again on the current version, it goes through and raises the version once more.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { UsersRepo } from '../../db/users.repo';
import { AppError } from '../../shared/errors';
import type { Channel, In, Out } from '../../shared/ipc/contract';
import { FakeClock } from '../../test/helpers/fake-clock';
import { makeReleasedVault } from '../../test/helpers/released-vault';
import { ADMIN, makeCore, tempDir } from '../../test/helpers/vault';
import type { Core } from './app-core';
import { fixedUser, type CallUser } from './session/call-context';

const PASSWORD = 'a long password 1';
const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

type Caller = <C extends Channel>(channel: C, input: In<C>) => Promise<Out<C>>;

interface Desk {
  core: Core;
  clock: FakeClock;
  anna: Caller;
  bea: Caller;
  coraId: string;
  personId: string;
}

/** A vault served to calls of two administrators (as the office server serves them), with one person. */
async function desk(): Promise<Desk> {
  const { dir, cleanup } = tempDir();
  const clock = new FakeClock();
  const core = makeCore(`${dir}/vault`, clock, { callsOnly: true });
  cleanups.push(() => {
    core.dispose();
    cleanup();
  });
  await core.vault.create({ organisationName: 'Test Centre', country: 'BE', admin: ADMIN });
  const admin = core.vault.signedInHere();
  if (!admin) throw new Error('no admin');
  const as = (user: CallUser): Caller => async (channel, input) => {
    const result = await core.router.call(channel, input, { user: fixedUser(user) });
    if (!result.ok) throw new AppError(result.error.code, result.error.key, result.error.params, result.error.details);
    return result.value as never;
  };
  const anna = as(admin);
  const bea = await anna('users.add', { username: 'bea.second', displayName: 'Bea Second', role: 'admin', password: PASSWORD });
  const cora = await anna('users.add', { username: 'cora.case', displayName: 'Cora Case', role: 'caseworker', password: PASSWORD });
  const slotId = core.vault.read((db) => new UsersRepo(db).byId(bea.id)?.slotId ?? '');
  const person = await anna('persons.create', { givenNames: 'Ann', familyName: 'Invented' });
  return { core, clock, anna, bea: as({ id: bea.id, username: bea.username, displayName: bea.displayName, role: bea.role, slotId }), coraId: cora.id, personId: person.person.id };
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('accepted');
}

/**
 * One kind of record: how to make one, read its version and what the user sees of it, and the two
 * competing changes (each made on `version`).
 */
interface RecordKind {
  name: string;
  make(d: Desk): Promise<string>;
  read(d: Desk, id: string): Promise<{ version: number; shown: unknown }>;
  theirs(d: Desk, id: string, version: number): Promise<unknown>;
  mine(d: Desk, id: string, version: number): Promise<unknown>;
  /** Whose change "theirs" is (notes are changed by their author only, on another desktop). */
  theirName?: string;
  /** Re-applied on the current version, the change meets this refusal instead (a consent withdrawn twice). */
  reapplyRefusedWith?: string;
}

const trackOf = async (d: Desk, id: string) => (await d.anna('persons.get', { id: d.personId })).tracks.find((t) => t.id === id);

const KINDS: RecordKind[] = [
  {
    name: 'procedure track: recording an event',
    make: async (d) => (await d.anna('procedure.openTrack', { personId: d.personId, country: 'BE' })).id,
    read: async (d, id) => {
      const t = await trackOf(d, id);
      return { version: t?.version ?? 0, shown: t?.events.map((e) => [e.type, e.date]) };
    },
    theirs: (d, id, v) => d.bea('procedure.recordEvent', { trackId: id, event: { type: 'annex15Issued', date: '2026-11-20' }, expectedVersion: v }),
    mine: (d, id, v) => d.anna('procedure.recordEvent', { trackId: id, event: { type: 'statementMade', date: '2026-11-25' }, expectedVersion: v }),
  },
  {
    name: 'procedure track: withdrawing an event',
    make: async (d) => {
      const t = await d.anna('procedure.openTrack', { personId: d.personId, country: 'BE' });
      await d.anna('procedure.recordEvent', { trackId: t.id, event: { type: 'annex15Issued', date: '2026-11-20' } });
      await d.anna('procedure.recordEvent', { trackId: t.id, event: { type: 'statementMade', date: '2026-11-25' } });
      return t.id;
    },
    read: async (d, id) => {
      const t = await trackOf(d, id);
      return { version: t?.version ?? 0, shown: t?.events.map((e) => e.type) };
    },
    theirs: async (d, id, v) => {
      const t = await trackOf(d, id);
      return d.bea('procedure.removeEvent', { trackId: id, eventId: t?.events[1]?.id ?? '', reason: 'wrongDate', expectedVersion: v });
    },
    mine: (d, id, v) => d.anna('procedure.recordEvent', { trackId: id, event: { type: 'statementMade', date: '2026-11-26' }, expectedVersion: v }),
  },
  {
    name: 'condition checklist',
    make: async (d) => (await d.anna('procedure.openTrack', { personId: d.personId, country: 'BE' })).id,
    read: async (d, id) => {
      const c = (await trackOf(d, id))?.checklists.find((x) => x.id === 'be.entryConditions');
      return { version: c?.version ?? 0, shown: c?.items.map((i) => i.answer?.status ?? null) };
    },
    theirs: (d, id, v) =>
      d.bea('checklists.answer', { trackId: id, checklistId: 'be.entryConditions', itemId: 'be.entry.breakContact', status: 'met', date: '2026-11-28', expectedVersion: v }),
    mine: (d, id, v) =>
      d.anna('checklists.answer', { trackId: id, checklistId: 'be.entryConditions', itemId: 'be.entry.cooperation', status: 'notMet', date: '2026-11-28', expectedVersion: v }),
  },
  {
    name: 'task: changing it',
    make: async (d) => (await d.anna('tasks.create', { title: 'Call the lawyer', dueDate: '2026-12-04', personId: d.personId })).id,
    read: async (d, id) => {
      const t = (await d.anna('tasks.list', { personId: d.personId, includeDone: true, limit: 10 })).find((x) => x.id === id);
      return { version: t?.version ?? 0, shown: [t?.title, t?.dueDate, t?.state] };
    },
    theirs: (d, id, v) => d.bea('tasks.update', { id, title: 'Call the lawyer today', expectedVersion: v }),
    mine: (d, id, v) => d.anna('tasks.update', { id, dueDate: '2026-12-10', expectedVersion: v }),
  },
  {
    name: 'task: marking it done',
    make: async (d) => (await d.anna('tasks.create', { title: 'Book the interpreter', dueDate: '2026-12-04', personId: d.personId })).id,
    read: async (d, id) => {
      const t = (await d.anna('tasks.list', { personId: d.personId, includeDone: true, limit: 10 })).find((x) => x.id === id);
      return { version: t?.version ?? 0, shown: [t?.title, t?.dueDate, t?.state] };
    },
    theirs: (d, id, v) => d.bea('tasks.update', { id, dueDate: '2026-12-11', expectedVersion: v }),
    mine: (d, id, v) => d.anna('reminders.markDone', { itemId: `task:${id}`, reason: 'actionTaken', note: '', expectedVersion: v }),
  },
  {
    name: 'appointment',
    make: async (d) =>
      (
        await d.anna('appointments.add', {
          personId: d.personId,
          serviceKind: 'medical',
          service: 'General practitioner',
          date: '2026-12-03',
          time: '10:00',
          place: 'Health centre',
          interpreterBooked: false,
          status: 'planned',
        })
      ).id,
    read: async (d, id) => {
      const a = (await d.anna('appointments.list', { personId: d.personId })).find((x) => x.id === id);
      return { version: a?.version ?? 0, shown: [a?.place, a?.status, a?.time] };
    },
    theirs: (d, id, v) => d.bea('appointments.update', { id, status: 'cancelled', expectedVersion: v }),
    mine: (d, id, v) => d.anna('appointments.update', { id, time: '11:30', expectedVersion: v }),
  },
  {
    name: 'note (its author, on two desktops)',
    theirName: ADMIN.displayName,
    make: async (d) => (await d.anna('notes.add', { personId: d.personId, occurredOn: '2026-11-29', type: 'meeting', body: 'First meeting at the shelter' })).id,
    read: async (d, id) => {
      const n = (await d.anna('notes.list', { personId: d.personId })).find((x) => x.id === id);
      return { version: n?.version ?? 0, shown: [n?.body, n?.type] };
    },
    theirs: (d, id, v) => d.anna('notes.update', { id, occurredOn: '2026-11-29', type: 'meeting', body: 'First meeting, with the guardian', expectedVersion: v }),
    mine: (d, id, v) => d.anna('notes.update', { id, occurredOn: '2026-11-29', type: 'visit', body: 'First meeting at the shelter', expectedVersion: v }),
  },
  {
    name: 'consent',
    make: async (d) => (await d.anna('consents.record', { personId: d.personId, kind: 'processing', givenOn: '2026-11-20' })).id,
    read: async (d, id) => {
      const c = (await d.anna('persons.get', { id: d.personId })).consents.find((x) => x.id === id);
      return { version: c?.version ?? 0, shown: c?.withdrawnOn };
    },
    theirs: (d, id, v) => d.bea('consents.withdraw', { consentId: id, withdrawnOn: '2026-11-27', expectedVersion: v }),
    reapplyRefusedWith: 'consentAlreadyWithdrawn',
    mine: (d, id, v) => d.anna('consents.withdraw', { consentId: id, withdrawnOn: '2026-11-28', expectedVersion: v }),
  },
  {
    name: 'directory entry',
    make: async (d) => (await d.anna('directory.list', { text: '', includeHidden: false })).entries[0]?.id ?? '',
    read: async (d, id) => {
      const e = (await d.anna('directory.list', { text: '', includeHidden: true })).entries.find((x) => x.id === id);
      return { version: e?.version ?? 0, shown: [e?.notes, e?.hidden] };
    },
    theirs: (d, id, v) => d.bea('directory.update', { id, fields: { notes: 'Call before noon' }, expectedVersion: v }),
    mine: (d, id, v) => d.anna('directory.setHidden', { id, hidden: true, expectedVersion: v }),
  },
  {
    name: 'staff member (role)',
    make: async (d) => d.coraId,
    read: async (d, id) => {
      const u = (await d.anna('users.list', {})).find((x) => x.id === id);
      return { version: u?.version ?? 0, shown: [u?.role, u?.status] };
    },
    theirs: (d, id, v) => d.bea('users.setRole', { userId: id, role: 'coordinator', expectedVersion: v }),
    mine: (d, id, v) => d.anna('users.disable', { userId: id, expectedVersion: v }),
  },
  {
    name: 'organisation settings',
    make: async () => 'organisation',
    read: async (d) => {
      const o = await d.anna('settings.organisation', {});
      return { version: o.version, shown: o.caseCodePrefix };
    },
    theirs: (d, _id, v) => d.bea('settings.updateOrganisation', { caseCodePrefix: 'BEA', expectedVersion: v }),
    mine: (d, _id, v) => d.anna('settings.updateOrganisation', { caseCodePrefix: 'ANN', expectedVersion: v }),
  },
];

describe('record versions', () => {
  it.each(KINDS)('$name: a change made on an older version is refused, names who saved, and changes nothing', async (kind) => {
    const d = await desk();
    const id = await kind.make(d);
    const opened = await kind.read(d, id);

    d.clock.advance(60_000);
    const savedAt = d.clock.now().toISOString();
    await kind.theirs(d, id, opened.version);
    const after = await kind.read(d, id);
    expect(after.version).toBe(opened.version + 1);

    d.clock.advance(60_000);
    const refused = await refusal(kind.mine(d, id, opened.version));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.key).toBe('recordChanged');
    expect(refused.details).toEqual({ currentVersion: after.version, changedBy: kind.theirName ?? 'Bea Second', changedAt: savedAt });
    // Nothing of the refused change was written.
    expect(await kind.read(d, id)).toEqual(after);

    if (kind.reapplyRefusedWith) {
      expect((await refusal(kind.mine(d, id, after.version))).key).toBe(kind.reapplyRefusedWith);
      return;
    }
    // Applied again on the version the record has now, it goes through and raises the version.
    await kind.mine(d, id, after.version);
    const mine = await kind.read(d, id);
    expect(mine.version).toBe(after.version + 1);
    expect(mine.shown).not.toEqual(after.shown);
  });

  it('applies a change without a version as before (the CLI, older callers): last write wins', async () => {
    const d = await desk();
    const task = await d.anna('tasks.create', { title: 'Ask for the medical report', dueDate: '2026-12-04', personId: d.personId });
    await d.bea('tasks.update', { id: task.id, title: 'Ask for the report', expectedVersion: task.version });
    const updated = await d.anna('tasks.update', { id: task.id, title: 'Ask for the full report' });
    expect(updated).toMatchObject({ title: 'Ask for the full report', version: 3 });
  });

  it('sends a task’s dashboard row with the task’s version, so a done from the dashboard on an older one is refused', async () => {
    const d = await desk();
    const task = await d.anna('tasks.create', { title: 'Call the lawyer', dueDate: '2026-12-04', personId: d.personId });
    const row = async () => {
      const view = await d.anna('reminders.dashboard', { scope: 'all' });
      return Object.values(view.groups)
        .flatMap((g) => g.rows)
        .find((r) => r.id === `task:${task.id}`);
    };
    expect((await row())?.version).toBe(task.version);
    await d.bea('tasks.update', { id: task.id, title: 'Call the lawyer today', expectedVersion: task.version });
    expect((await row())?.version).toBe(task.version + 1);
    const refused = await refusal(d.anna('reminders.markDone', { itemId: `task:${task.id}`, reason: 'actionTaken', note: '', expectedVersion: task.version }));
    expect(refused.code).toBe('CONFLICT');
    expect((await row())?.state).toBe('open');
  });

  it('refuses a stale event before the rules are asked, so the refusal says someone saved first', async () => {
    const d = await desk();
    const track = await d.anna('procedure.openTrack', { personId: d.personId, country: 'BE' });
    await d.bea('procedure.recordEvent', { trackId: track.id, event: { type: 'annex15Issued', date: '2026-11-20' }, expectedVersion: track.version });
    // The same event again would break the rules; on a stale version the user first hears of the other save.
    const refused = await refusal(d.anna('procedure.recordEvent', { trackId: track.id, event: { type: 'annex15Issued', date: '2026-11-20' }, expectedVersion: track.version }));
    expect(refused.code).toBe('CONFLICT');
  });

  it('keeps a version per checklist: answering one checklist does not make the track stale', async () => {
    const d = await desk();
    const track = await d.anna('procedure.openTrack', { personId: d.personId, country: 'BE' });
    const answered = await d.bea('checklists.answer', {
      trackId: track.id,
      checklistId: 'be.entryConditions',
      itemId: 'be.entry.breakContact',
      status: 'met',
      date: '2026-11-28',
      expectedVersion: 1,
    });
    expect(answered.version).toBe(track.version);
    expect(answered.checklists[0]?.version).toBe(2);
    const recorded = await d.anna('procedure.recordEvent', { trackId: track.id, event: { type: 'annex15Issued', date: '2026-11-20' }, expectedVersion: track.version });
    expect(recorded.version).toBe(track.version + 1);
  });
});

describe('record versions on a vault made before them', () => {
  it('gives version 1 to the tracks, checklists, staff accounts and organisation already there', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const clock = new FakeClock();
    const [released] = await makeReleasedVault(dir, `${dir}/vault`, clock, [{ givenNames: 'Mira', familyName: 'Dovelan', annex15On: '2026-11-20' }]);
    const core = makeCore(`${dir}/vault`, clock);
    cleanups.push(() => core.dispose());
    await core.vault.unlock(ADMIN.username, ADMIN.password);
    const detail = core.persons.get({ id: released?.id ?? '' });
    expect(detail.tracks.map((t) => [t.version, t.checklists.map((c) => c.version)])).toEqual([[1, [1]]]);
    expect(core.users.list().map((u) => u.version)).toEqual([1]);
    expect(core.settings.organisationSettings().version).toBe(1);
    // The first change on version 1 goes through and raises it.
    const track = detail.tracks[0];
    expect(core.procedures.recordEvent({ trackId: track?.id ?? '', event: { type: 'statementMade', date: '2026-11-25' }, expectedVersion: 1 }).version).toBe(2);
  });
});
