/**
 * Reminders through the real core: the dashboard's groups from procedure due dates and
 * tasks, the caseworker restriction, done / snooze / reopen audited with the person's uuid only, the
 * admin's lead days, tasks, and the calendar export parsed back with an independent parser.
 * Notifications (fired table, restarts, texts) are in reminder-notifications.test.ts.
 */
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditRepo } from '../../../db/audit.repo';
import { RemindersRepo } from '../../../db/reminders.repo';
import { addDays, type CalendarDate } from '../../../shared/dates/calendar-date';
import { AppError } from '../../../shared/errors';
import type { Contract, In, Out } from '../../../shared/ipc/contract';
import { FakeClock } from '../../../test/helpers/fake-clock';
import { seededRandom } from '../../../test/helpers/random';
import { ADMIN, newVault } from '../../../test/helpers/vault';
import type { Core } from '../app-core';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

/** A Wednesday: this ISO week ends on Sunday 29-11, the horizon is 25-12 (Christmas, a Friday). */
const NOW = '2026-11-25T09:00:00.000Z';
const TODAY = '2026-11-25' as CalendarDate;
const PASSWORD = 'a long password 1';

async function vault() {
  const clock = new FakeClock(NOW);
  const v = await newVault(clock);
  cleanups.push(v.cleanup);
  return { ...v, clock };
}

async function call<C extends keyof Contract>(core: Core, channel: C, input: In<C>): Promise<Out<C>> {
  const result = await core.router.call(channel, input);
  if (!result.ok) throw new AppError(result.error.code, result.error.key, result.error.params, result.error.details);
  return result.value as Out<C>;
}

async function refusal(core: Core, channel: keyof Contract, input: unknown) {
  const result = await core.router.call(channel, input);
  if (result.ok) throw new Error(`${channel} was accepted`);
  return result.error;
}

async function addStaff(core: Core, username: string, role: 'caseworker' | 'coordinator' = 'caseworker') {
  return core.users.add({ username, displayName: `${username} display`, role, password: PASSWORD });
}

async function switchUser(core: Core, username: string) {
  core.vault.lock();
  await core.vault.unlock(username, PASSWORD);
}

/** A person with a Belgian track whose annex 15 was issued on `annex15`: the reflection period ends 45 days later. */
async function personWithReflection(core: Core, names: { givenNames: string; familyName: string }, annex15: string, caseworkerId?: string) {
  const detail = await call(core, 'persons.create', { ...names, aliases: [`${names.givenNames} alias`], ...(caseworkerId ? { caseworkerId } : {}) });
  const track = await call(core, 'procedure.openTrack', { personId: detail.person.id, country: 'BE' });
  const view = await call(core, 'procedure.recordEvent', { trackId: track.id, event: { type: 'annex15Issued', date: annex15 } });
  const due = view.state.dueDates.find((d) => d.kind === 'reflectionPeriodEnd');
  if (!due) throw new Error('no reflection deadline');
  return { person: detail.person, trackId: track.id, itemId: `procedure:${track.id}:reflectionPeriodEnd`, dueDate: due.dueDate };
}

function auditRows(core: Core) {
  return core.vault.read((db) => [...new AuditRepo(db).iterate()]);
}

function allRows(view: Out<'reminders.dashboard'>) {
  return [...view.groups.overdue.rows, ...view.groups.today.rows, ...view.groups.thisWeek.rows, ...view.groups.next30Days.rows];
}

describe('dashboard', () => {
  it('groups open deadlines: overdue, today, this week, next 30 days; later ones counted; rows carry what the screen shows', async () => {
    const { core } = await vault();
    const overdue = await personWithReflection(core, { givenNames: 'Mira', familyName: 'Kalo' }, '2026-10-01');
    const today = await personWithReflection(core, { givenNames: 'Ana', familyName: 'Doru' }, '2026-10-11');
    const week = await personWithReflection(core, { givenNames: 'Ilse', familyName: 'Brak' }, '2026-10-14');
    const christmas = await personWithReflection(core, { givenNames: 'Noor', familyName: 'Vey' }, '2026-11-10');
    await personWithReflection(core, { givenNames: 'Later', familyName: 'Person' }, '2026-11-20');
    expect([overdue.dueDate, today.dueDate, week.dueDate, christmas.dueDate]).toEqual(['2026-11-15', '2026-11-25', '2026-11-28', '2026-12-25']);

    const view = await call(core, 'reminders.dashboard', { scope: 'all' });
    expect(view).toMatchObject({ today: TODAY, weekEnd: '2026-11-29', horizon: '2026-12-25', later: 1 });
    expect(view.groups.overdue.rows.map((r) => r.name)).toEqual(['Kalo, Mira']);
    expect(view.groups.today.rows.map((r) => r.name)).toEqual(['Doru, Ana']);
    expect(view.groups.thisWeek.rows.map((r) => r.name)).toEqual(['Brak, Ilse']);
    expect(view.groups.next30Days.rows.map((r) => r.name)).toEqual(['Vey, Noor']);

    const [o] = view.groups.overdue.rows;
    expect(o).toMatchObject({
      id: overdue.itemId,
      source: 'procedure',
      kind: 'reflectionPeriodEnd',
      personId: overdue.person.id,
      caseCode: overdue.person.caseCode,
      dueDate: '2026-11-15',
      weekday: 'sunday',
      daysLeft: -10,
      actBy: '2026-11-13',
      state: 'open',
    });
    expect(o?.nonWorking).toMatchObject({ type: 'weekend', label: { en: 'Sunday' } });
    // Saturday 28-11: flagged, to act by Friday.
    expect(view.groups.thisWeek.rows[0]).toMatchObject({ weekday: 'saturday', daysLeft: 3, actBy: '2026-11-27', nonWorking: { type: 'weekend' } });
    // Christmas in Belgium: a public holiday, named in every language.
    const xmas = view.groups.next30Days.rows[0];
    expect(xmas).toMatchObject({ weekday: 'friday', actBy: '2026-12-24', nonWorking: { type: 'publicHoliday' } });
    expect(xmas?.nonWorking?.label.en).toMatch(/Christmas/);
    expect(view.groups.today.rows[0]).toMatchObject({ daysLeft: 0, nonWorking: null, actBy: '2026-11-25' });
  });

  it('sends a limited number of rows per group, with the full count', async () => {
    const { core } = await vault();
    for (let i = 0; i < 4; i++) await personWithReflection(core, { givenNames: `P${i}`, familyName: 'Over' }, '2026-10-01');
    const view = await call(core, 'reminders.dashboard', { scope: 'all', limits: { overdue: 2 } });
    expect(view.groups.overdue.total).toBe(4);
    expect(view.groups.overdue.rows).toHaveLength(2);
    // Sorted by due date, then case code.
    const codes = view.groups.overdue.rows.map((r) => r.caseCode);
    expect(codes).toEqual([...codes].sort());
  });

  it('reads every case in SQL (counts, first rows) exactly as it groups a caseload in memory', async () => {
    const { core } = await vault();
    const admin = core.vault.requireSession();
    const random = seededRandom(44);
    const items: string[] = [];
    for (let i = 0; i < 36; i++) {
      const annex15 = addDays(TODAY, -85 + Math.floor(random() * 80));
      const p = await personWithReflection(core, { givenNames: `G${i}`, familyName: `F${i % 7}` }, annex15, admin.id);
      items.push(p.itemId);
      if (i % 5 === 0) await call(core, 'tasks.create', { title: `T${i}`, dueDate: addDays(TODAY, Math.floor(random() * 40) - 10), personId: p.person.id });
    }
    // Some done, some snoozed (one of them snoozed past the day asked below), and some untouched.
    for (const [i, itemId] of items.entries()) {
      const open = (await call(core, 'reminders.dashboard', { scope: 'all', limits: { overdue: 1000, today: 1000, thisWeek: 1000, next30Days: 1000 } }));
      const row = allRows(open).find((r) => r.id === itemId);
      if (!row) continue;
      if (i % 4 === 1) await call(core, 'reminders.markDone', { itemId, reason: 'followedUp' });
      if (i % 4 === 2) await call(core, 'reminders.snooze', { itemId, until: row.daysLeft > 1 ? addDays(TODAY, 1) : addDays(TODAY, 3), reason: 'other' });
    }
    for (const limit of [1000, 3]) {
      const limits = { overdue: limit, today: limit, thisWeek: limit, next30Days: limit };
      const bySql = await call(core, 'reminders.dashboard', { scope: 'all', limits, includeHandled: true });
      const inMemory = await call(core, 'reminders.dashboard', { scope: 'mine', limits, includeHandled: true });
      expect({ ...bySql, scope: 'mine' }).toEqual(inMemory);
      expect(allRows(bySql).length).toBeGreaterThan(limit === 3 ? 5 : 15);
      expect(bySql.handledTotal).toBeGreaterThan(5);
      expect(allRows(bySql).filter((r) => r.followedUpOn !== null).length).toBeGreaterThan(limit === 3 ? 0 : 5);
    }
    // And on another day, where some snoozes have ended.
    const later = { scope: 'all' as const, includeHandled: true, today: addDays(TODAY, 2) };
    expect({ ...(await call(core, 'reminders.dashboard', later)), scope: 'mine' }).toEqual(await call(core, 'reminders.dashboard', { ...later, scope: 'mine' }));
  });

  it("'my cases' are the cases assigned to the user; a caseworker never sees another's, whatever the scope", async () => {
    const { core } = await vault();
    const carla = await addStaff(core, 'carla');
    const bram = await addStaff(core, 'bram');
    await addStaff(core, 'cora', 'coordinator');
    const mine = await personWithReflection(core, { givenNames: 'Mira', familyName: 'Kalo' }, '2026-10-01', carla.id);
    const other = await personWithReflection(core, { givenNames: 'Ana', familyName: 'Doru' }, '2026-10-01', bram.id);

    const admin = await call(core, 'reminders.dashboard', { scope: 'all' });
    expect(admin.groups.overdue.total).toBe(2);
    expect((await call(core, 'reminders.dashboard', { scope: 'mine' })).groups.overdue.total).toBe(0);

    await switchUser(core, 'carla');
    for (const scope of ['mine', 'all'] as const) {
      const view = await call(core, 'reminders.dashboard', { scope });
      expect(allRows(view).map((r) => r.personId)).toEqual([mine.person.id]);
      expect(view.groups.overdue.rows[0]?.assigneeName).toBe('carla display');
    }
    // Another caseworker's deadline: NOT_FOUND, as if it did not exist; nothing written.
    const before = auditRows(core).length;
    expect((await refusal(core, 'reminders.markDone', { itemId: other.itemId, reason: 'actionTaken' })).code).toBe('NOT_FOUND');
    expect((await refusal(core, 'reminders.snooze', { itemId: other.itemId, until: '2026-11-30', reason: 'waitingForPerson' })).code).toBe('NOT_FOUND');
    // Only the refusals themselves are recorded (channel and code, no item id).
    expect(auditRows(core).slice(before).map((r) => [r.action, JSON.parse(r.details) as unknown])).toEqual([
      ['access.refused', { channel: 'reminders.markDone', code: 'NOT_FOUND' }],
      ['access.refused', { channel: 'reminders.snooze', code: 'NOT_FOUND' }],
    ]);

    await switchUser(core, 'cora');
    expect((await call(core, 'reminders.dashboard', { scope: 'all' })).groups.overdue.total).toBe(2);
    expect((await call(core, 'reminders.dashboard', { scope: 'mine' })).groups.overdue.total).toBe(0);
  });
});

describe('done, snooze and reopen', () => {
  it('records the reason and note in the vault, and only the action and the person uuid in the audit trail', async () => {
    const { core } = await vault();
    const p = await personWithReflection(core, { givenNames: 'Mira', familyName: 'Kalo' }, '2026-10-11');
    const NOTE = 'Lawyer Zyxwv called back about Mira';
    await call(core, 'reminders.markDone', { itemId: p.itemId, reason: 'followedUp', note: NOTE });

    const stored = core.vault.read((db) => new RemindersRepo(db).disposition(p.itemId));
    expect(stored).toMatchObject({ state: 'done', reason: 'followedUp', note: NOTE, dueDate: '2026-11-25', personId: p.person.id });

    const entry = auditRows(core).at(-1);
    expect(entry).toMatchObject({ action: 'reminder.done', subjectType: 'person', subjectId: p.person.id, details: '{}' });
    const trail = JSON.stringify(auditRows(core));
    for (const secret of ['Zyxwv', 'followedUp', 'Kalo', 'Mira', p.person.caseCode, 'reflectionPeriodEnd']) expect(trail).not.toContain(secret);

    await call(core, 'reminders.reopen', { itemId: p.itemId });
    expect(core.vault.read((db) => new RemindersRepo(db).disposition(p.itemId))).toBeUndefined();
    expect(auditRows(core).at(-1)).toMatchObject({ action: 'reminder.reopen', subjectId: p.person.id, details: '{}' });
  });

  it('one truth: a procedure deadline is "done" only by its event; "followed up" keeps it overdue on the dashboard, the person list and the page', async () => {
    const { core } = await vault();
    const admin = core.vault.requireSession();
    const p = await personWithReflection(core, { givenNames: 'Mira', familyName: 'Kalo' }, '2026-10-01', admin.id); // due 15-11: overdue
    const refused = await refusal(core, 'reminders.markDone', { itemId: p.itemId, reason: 'actionTaken' });
    expect(refused).toMatchObject({ code: 'RULE_VIOLATION', key: 'procedureDoneByEvent' });

    await call(core, 'reminders.markDone', { itemId: p.itemId, reason: 'followedUp', note: 'called the lawyer' });
    for (const scope of ['all', 'mine'] as const) {
      const view = await call(core, 'reminders.dashboard', { scope, includeHandled: true });
      expect(view.groups.overdue.rows.map((r) => [r.id, r.state, r.followedUpOn])).toEqual([[p.itemId, 'open', TODAY]]);
      expect(view.handledTotal).toBe(0);
    }
    const list = await call(core, 'persons.list', { search: '' });
    expect(list.items.find((i) => i.id === p.person.id)?.nextDue).toMatchObject({ date: '2026-11-15', kind: 'reflectionPeriodEnd' });
    const page = await call(core, 'persons.get', { id: p.person.id });
    expect(page.tracks[0]?.state.dueDates.map((d) => [d.kind, d.dueDate])).toEqual([['reflectionPeriodEnd', '2026-11-15']]);

    // The event the rules allow now meets the deadline: gone from all three.
    const track = page.tracks[0];
    expect(track?.state.allowedNext).toContain('statementMade');
    await call(core, 'procedure.recordEvent', { trackId: p.trackId, event: { type: 'statementMade', date: TODAY } });
    const after = await call(core, 'reminders.dashboard', { scope: 'all' });
    expect(allRows(after).map((r) => r.id)).not.toContain(p.itemId);
    expect((await call(core, 'persons.get', { id: p.person.id })).tracks[0]?.state.dueDates.map((d) => d.kind)).not.toContain('reflectionPeriodEnd');
  });

  it('snoozes until a day after today and no later than the due date (14 days for one already due); it comes back on that day', async () => {
    const { core } = await vault();
    const coming = await personWithReflection(core, { givenNames: 'Ana', familyName: 'Doru' }, '2026-10-20'); // due 04-12
    const overdue = await personWithReflection(core, { givenNames: 'Mira', familyName: 'Kalo' }, '2026-10-01'); // due 15-11

    const inPast = await refusal(core, 'reminders.snooze', { itemId: coming.itemId, until: TODAY, reason: 'waitingForPerson' });
    expect(inPast).toMatchObject({ code: 'VALIDATION', key: 'snoozeInPast' });
    const late = await refusal(core, 'reminders.snooze', { itemId: coming.itemId, until: '2026-12-05', reason: 'waitingForPerson' });
    expect(late).toMatchObject({ code: 'VALIDATION', key: 'snoozeTooLate', params: { date: '04-12-2026' } });
    expect(late.details?.fields?.[0]?.path).toBe('until');
    expect((await refusal(core, 'reminders.snooze', { itemId: overdue.itemId, until: '2026-12-10', reason: 'other' })).key).toBe('snoozeTooLate');

    await call(core, 'reminders.snooze', { itemId: overdue.itemId, until: '2026-12-09', reason: 'waitingForAuthority', note: 'IBZ' });
    await call(core, 'reminders.snooze', { itemId: coming.itemId, until: '2026-11-27', reason: 'appointmentPlanned' });
    let view = await call(core, 'reminders.dashboard', { scope: 'all', includeHandled: true });
    expect(allRows(view)).toEqual([]);
    expect(view.handled.map((r) => [r.id, r.state, r.snoozedUntil])).toEqual([
      [overdue.itemId, 'snoozed', '2026-12-09'],
      [coming.itemId, 'snoozed', '2026-11-27'],
    ]);
    expect(auditRows(core).at(-1)).toMatchObject({ action: 'reminder.snooze', subjectId: coming.person.id, details: '{}' });

    // Friday 27-11: the first snooze has ended.
    view = await call(core, 'reminders.dashboard', { scope: 'all', today: '2026-11-27' });
    expect(allRows(view).map((r) => r.id)).toEqual([coming.itemId]);
  });

  it("what would be notified on a given day (CLI --today) judges a snooze by that day, not by the computer's date", async () => {
    const { core, clock } = await vault();
    const p = await personWithReflection(core, { givenNames: 'Ana', familyName: 'Doru' }, '2026-10-20'); // due 04-12
    await call(core, 'reminders.snooze', { itemId: p.itemId, until: '2026-11-28', reason: 'appointmentPlanned' });
    const on = (day: string) => core.reminders.dueOn(day as CalendarDate, new Set(), 'en').map((e) => [e.deadline.caseCode, e.reminders.map((r) => r.lead)]);
    // Friday 27-11 holds the 7-day reminder, silent under the snooze; Tuesday 01-12 the 3-day one.
    expect(on('2026-11-27')).toEqual([]);
    expect(on('2026-12-01')).toEqual([[p.person.caseCode, [3]]]);
    // Days later the snooze has ended on the computer's clock; asking about 27-11 still finds it snoozed then.
    clock.advance(5 * 86_400_000); // the vault auto-locks meanwhile
    await core.vault.unlock(ADMIN.username, ADMIN.password);
    expect(on('2026-11-27')).toEqual([]);
    expect(on('2026-12-01')).toEqual([[p.person.caseCode, [3]]]);
  });

  it('a decision holds for the due date it was made for: a moved deadline is open again', async () => {
    const { core } = await vault();
    const p = await personWithReflection(core, { givenNames: 'Mira', familyName: 'Kalo' }, '2026-10-11');
    await call(core, 'reminders.snooze', { itemId: p.itemId, until: '2026-11-27', reason: 'waitingForAuthority' });
    expect((await call(core, 'reminders.dashboard', { scope: 'all' })).groups.today.total).toBe(0);
    core.vault.write(({ db }) => db.$client.prepare('UPDATE track_due_dates SET due_date = ? WHERE track_id = ?').run('2026-11-26', p.trackId));
    const view = await call(core, 'reminders.dashboard', { scope: 'all' });
    expect(view.groups.thisWeek.rows.map((r) => [r.id, r.state])).toEqual([[p.itemId, 'open']]);
  });

  it('refuses an unknown item with NOT_FOUND', async () => {
    const { core } = await vault();
    expect((await refusal(core, 'reminders.markDone', { itemId: 'procedure:6f1c2a52-3f0e-4c1b-9d0a-0b5c2f6d7e81:reflectionPeriodEnd', reason: 'other' })).code).toBe(
      'NOT_FOUND',
    );
    expect((await refusal(core, 'reminders.markDone', { itemId: 'handover:x', reason: 'other' })).code).toBe('NOT_FOUND');
  });
});

describe('a document recorded without its printed expiry', () => {
  it('is listed on the dashboard ("no reminder") for those who see the case, until the expiry is entered', async () => {
    const { core } = await vault();
    const worker = await addStaff(core, 'case.worker');
    const detail = await call(core, 'persons.create', { givenNames: 'Ana', familyName: 'Doru', caseworkerId: worker.id });
    const track = await call(core, 'procedure.openTrack', { personId: detail.person.id, country: 'NL' });
    await call(core, 'procedure.recordEvent', { trackId: track.id, event: { type: 'reportMade', date: '2026-03-01' } });
    const granted = await call(core, 'procedure.recordEvent', { trackId: track.id, event: { type: 'temporaryPermitGranted', date: '2026-03-10' } });
    const other = await call(core, 'persons.create', { givenNames: 'Ilse', familyName: 'Brak' });
    const t2 = await call(core, 'procedure.openTrack', { personId: other.person.id, country: 'NL' });
    await call(core, 'procedure.recordEvent', { trackId: t2.id, event: { type: 'reportMade', date: '2026-03-01' } });
    await call(core, 'procedure.recordEvent', { trackId: t2.id, event: { type: 'temporaryPermitGranted', date: '2026-03-10' } });

    const all = await call(core, 'reminders.dashboard', { scope: 'all' });
    expect(all.missingExpiry.total).toBe(2);
    expect(all.missingExpiry.rows.map((r) => [r.caseCode, r.country, r.name])).toEqual([
      [detail.person.caseCode, 'NL', 'Doru, Ana'],
      [other.person.caseCode, 'NL', 'Brak, Ilse'],
    ]);
    await switchUser(core, 'case.worker');
    for (const scope of ['all', 'mine'] as const) {
      expect((await call(core, 'reminders.dashboard', { scope })).missingExpiry.rows.map((r) => r.personId)).toEqual([detail.person.id]);
    }
    // Entering the expiry (the permit's event recorded again, with it) ends the notice and starts the reminders.
    const permit = granted.events.find((e) => e.type === 'temporaryPermitGranted');
    if (!permit) throw new Error('no permit event');
    await call(core, 'procedure.removeEvent', { trackId: track.id, eventId: permit.id, reason: 'wrongDate' });
    await call(core, 'procedure.recordEvent', { trackId: track.id, event: { type: 'temporaryPermitGranted', date: '2026-03-10', documentExpiry: '2027-03-09' } });
    const after = await call(core, 'reminders.dashboard', { scope: 'mine' });
    expect(after.missingExpiry.total).toBe(0);
    const list = await call(core, 'persons.list', { search: '' });
    expect(list.items.map((i) => i.missingExpiryCountry)).toEqual([null]);
  });
});

describe('tasks', () => {
  it('creates, lists, updates and deletes; tasks appear on the dashboard with their title; the audit never holds the title', async () => {
    const { core } = await vault();
    const p = await personWithReflection(core, { givenNames: 'Mira', familyName: 'Kalo' }, '2026-11-20');
    const TITLE = 'Book the interpreter for Mira Kalo';
    const task = await call(core, 'tasks.create', { title: TITLE, dueDate: '2026-11-26', personId: p.person.id });
    expect(task).toMatchObject({ title: TITLE, dueDate: '2026-11-26', assigneeName: 'Anna Admin', caseCode: p.person.caseCode, state: 'open' });
    const loose = await call(core, 'tasks.create', { title: 'Order office supplies', dueDate: '2026-11-20' });

    let view = await call(core, 'reminders.dashboard', { scope: 'mine' });
    expect(view.groups.thisWeek.rows).toMatchObject([{ id: `task:${task.id}`, kind: 'task', title: TITLE, name: 'Kalo, Mira', personId: p.person.id }]);
    expect(view.groups.overdue.rows).toMatchObject([{ id: `task:${loose.id}`, personId: null, caseCode: null, name: null }]);

    const moved = await call(core, 'tasks.update', { id: task.id, dueDate: '2026-12-02', title: 'Book the interpreter' });
    expect(moved).toMatchObject({ dueDate: '2026-12-02', title: 'Book the interpreter' });
    await call(core, 'reminders.markDone', { itemId: `task:${loose.id}`, reason: 'actionTaken', note: 'done by Zyxwv' });
    expect((await call(core, 'tasks.list', { includeDone: false })).map((t) => t.id)).toEqual([task.id]);
    expect((await call(core, 'tasks.list', { includeDone: true })).map((t) => [t.id, t.state])).toEqual([
      [loose.id, 'done'],
      [task.id, 'open'],
    ]);
    view = await call(core, 'reminders.dashboard', { scope: 'all' });
    expect(allRows(view).map((r) => r.id)).toEqual([`task:${task.id}`]);
    expect(view.later).toBe(1); // the reflection period ends on 04-01-2027
    await call(core, 'tasks.delete', { id: task.id });
    expect(await call(core, 'tasks.list', { includeDone: false })).toEqual([]);

    const actions = auditRows(core).filter((r) => r.action.startsWith('task.') || r.action.startsWith('reminder.'));
    expect(actions.map((r) => [r.action, r.subjectType])).toEqual([
      ['task.create', 'person'],
      ['task.create', 'task'],
      ['task.update', 'person'],
      ['reminder.done', 'task'],
      ['task.delete', 'person'],
    ]);
    expect(actions[2]?.details).toBe(JSON.stringify({ taskId: task.id, fields: 'title,dueDate' }));
    const trail = JSON.stringify(auditRows(core));
    for (const secret of ['interpreter', 'Zyxwv', 'supplies']) expect(trail).not.toContain(secret);
  });

  it('caseworkers see tasks assigned to them or about their cases, and assign only to themselves', async () => {
    const { core } = await vault();
    const carla = await addStaff(core, 'carla');
    const bram = await addStaff(core, 'bram');
    const carlas = await personWithReflection(core, { givenNames: 'Mira', familyName: 'Kalo' }, '2026-11-20', carla.id);
    const brams = await personWithReflection(core, { givenNames: 'Ana', familyName: 'Doru' }, '2026-11-20', bram.id);
    const aboutCarlasCase = await call(core, 'tasks.create', { title: 'About Carla case', dueDate: '2026-11-27', assigneeId: bram.id, personId: carlas.person.id });
    const forCarla = await call(core, 'tasks.create', { title: 'For Carla', dueDate: '2026-11-27', assigneeId: carla.id });
    const forBram = await call(core, 'tasks.create', { title: 'For Bram', dueDate: '2026-11-27', assigneeId: bram.id, personId: brams.person.id });

    await switchUser(core, 'carla');
    expect((await call(core, 'tasks.list', { includeDone: false })).map((t) => t.title).sort()).toEqual(['About Carla case', 'For Carla']);
    const view = await call(core, 'reminders.dashboard', { scope: 'all' });
    expect(view.groups.thisWeek.rows.map((r) => r.title).sort()).toEqual(['About Carla case', 'For Carla']);
    expect((await refusal(core, 'tasks.update', { id: forBram.id, title: 'Mine now' })).code).toBe('NOT_FOUND');
    expect((await refusal(core, 'tasks.delete', { id: forBram.id })).code).toBe('NOT_FOUND');
    expect((await refusal(core, 'reminders.markDone', { itemId: `task:${forBram.id}`, reason: 'other' })).code).toBe('NOT_FOUND');
    expect((await refusal(core, 'tasks.create', { title: 'For Bram', dueDate: '2026-11-27', assigneeId: bram.id })).code).toBe('FORBIDDEN');
    expect((await refusal(core, 'tasks.create', { title: 'About Ana', dueDate: '2026-11-27', personId: brams.person.id })).code).toBe('NOT_FOUND');
    expect((await refusal(core, 'tasks.list', { personId: brams.person.id })).code).toBe('NOT_FOUND');
    await call(core, 'reminders.snooze', { itemId: `task:${aboutCarlasCase.id}`, until: '2026-11-26', reason: 'waitingForPerson' });
    expect(await call(core, 'tasks.list', { personId: carlas.person.id })).toMatchObject([{ id: aboutCarlasCase.id, state: 'snoozed', snoozedUntil: '2026-11-26' }]);
    expect(forCarla.assigneeId).toBe(carla.id);
  });

  it('refuses a disabled or unknown assignee', async () => {
    const { core } = await vault();
    const refused = await refusal(core, 'tasks.create', { title: 'X', dueDate: '2026-11-27', assigneeId: '6f1c2a52-3f0e-4c1b-9d0a-0b5c2f6d7e81' });
    expect(refused).toMatchObject({ code: 'VALIDATION', key: 'taskAssigneeInvalid' });
    expect(refused.details?.fields?.[0]?.path).toBe('assigneeId');
  });
});

describe('lead days', () => {
  it('defaults to 14, 7, 3, 1 and 0 for every kind; only an admin changes them; audited with the kinds changed', async () => {
    const { core } = await vault();
    const settings = await call(core, 'reminders.settings', {});
    expect(settings.leadDays.reflectionPeriodEnd).toEqual([14, 7, 3, 1, 0]);
    expect(settings.leadDays.task).toEqual([14, 7, 3, 1, 0]);
    const next = await call(core, 'reminders.updateSettings', { leadDays: { reflectionPeriodEnd: [0, 21, 7, 7], task: [1] } });
    expect(next.leadDays.reflectionPeriodEnd).toEqual([21, 7, 0]);
    expect(next.leadDays.task).toEqual([1]);
    expect(next.leadDays.attestationExpiry).toEqual([14, 7, 3, 1, 0]);
    expect(auditRows(core).at(-1)).toMatchObject({ action: 'reminders.settingsUpdate', details: JSON.stringify({ kinds: 'reflectionPeriodEnd,task' }) });

    await addStaff(core, 'carla');
    await switchUser(core, 'carla');
    expect((await call(core, 'reminders.settings', {})).leadDays.task).toEqual([1]);
    expect((await refusal(core, 'reminders.updateSettings', { leadDays: { task: [2] } })).code).toBe('FORBIDDEN');
    expect(() => core.reminders.updateSettings({ leadDays: { task: [2] } })).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });
});

describe('calendar export', () => {
  it('returns an .ics of upcoming open deadlines with case codes and kinds only, parsed back by ical.js', async () => {
    const { core } = await vault();
    const p = await personWithReflection(core, { givenNames: 'Zyxwv', familyName: 'Kalo' }, '2026-10-20');
    await personWithReflection(core, { givenNames: 'Past', familyName: 'Due' }, '2026-10-01');
    await call(core, 'tasks.create', { title: 'Secret title Qwerty', dueDate: '2026-12-01', personId: p.person.id });

    const out = await call(core, 'reminders.exportCalendar', { scope: 'all', withinDays: 60, language: 'en' });
    expect(out.fileName).toBe('passerelle-deadlines-2026-11-25.ics');
    expect(out.events).toBe(2);
    const calendar = new ICAL.Component(ICAL.parse(out.content));
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.map((e) => [e.summary, e.startDate.toString()])).toEqual([
      [`A task is due: ${p.person.caseCode}`, '2026-12-01'],
      [`Reflection period ends: ${p.person.caseCode}`, '2026-12-04'],
    ]);
    for (const secret of ['Zyxwv', 'Kalo', 'Qwerty', 'Past', p.person.id]) expect(out.content).not.toContain(secret);
    expect(auditRows(core).at(-1)).toMatchObject({ action: 'reminders.calendarExport', details: JSON.stringify({ events: 2, withinDays: 60 }) });
  });

  it('refuses a file of more than 3,000 events, saying how many it would hold', async () => {
    const { core } = await vault();
    core.vault.write(({ db, now }) => {
      const repo = new RemindersRepo(db);
      const assigneeId = core.vault.requireSession().id;
      for (let i = 0; i < 3001; i++) {
        repo.insertTask({
          id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          title: 'x',
          dueDate: '2026-12-01' as CalendarDate,
          assigneeId,
          personId: null,
          country: 'BE',
          state: 'open',
          snoozedUntil: null,
          stateReason: null,
          stateNote: null,
          stateAt: null,
          stateBy: null,
          createdAt: now,
          createdBy: null,
          updatedAt: now,
          updatedBy: null,
        });
      }
    });
    const refused = await refusal(core, 'reminders.exportCalendar', { scope: 'all', withinDays: 30 });
    expect(refused).toMatchObject({ code: 'VALIDATION', key: 'calendarTooLarge', params: { count: 3001, maximum: 3000 } });
  });
});
