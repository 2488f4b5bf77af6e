import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, toCalendarDate, weekday, type CalendarDate } from '../dates/calendar-date';
import { COUNTRIES, type Country } from '../domain';
import { isAppError } from '../errors';
import { REMINDER_KINDS, type NotifiableDeadline } from './reminder.types';
import { mayRemindBy, planDeadline, reminderId, remindersDueBy, remindersDueOn } from './reminder-plan';
import { DEFAULT_REMINDER_SETTINGS, parseDigestSettings, parseReminderSettings } from './reminder-settings';
import { beneluxWorkingDays } from './working-days';

const d = (s: string): CalendarDate => toCalendarDate(s);
const deadline = (dueDate: string, country: Country, id = 'track-1:reflectionPeriodEnd'): NotifiableDeadline => ({
  id,
  kind: 'reflectionPeriodEnd',
  dueDate: d(dueDate),
  country,
  caseCode: 'PAY-2026-0007',
});
const notifyDays = (dueDate: string, country: Country): Record<number, string> =>
  Object.fromEntries(
    planDeadline(deadline(dueDate, country), DEFAULT_REMINDER_SETTINGS, beneluxWorkingDays).reminders.map((r) => [r.lead, r.notifyOn]),
  );

describe('reminder settings', () => {
  it('defaults to 14, 7, 3, 1 days before and on the day for every kind', () => {
    const s = parseReminderSettings({});
    for (const kind of REMINDER_KINDS) expect(s.leadDays[kind]).toEqual([14, 7, 3, 1, 0]);
    expect(parseDigestSettings(undefined)).toEqual({ enabled: false, time: '08:00' });
  });

  it('keeps an admin change of one kind, normalised (unique, longest first); the others keep the defaults', () => {
    const s = parseReminderSettings({ leadDays: { attestationExpiry: [3, 30, 3, 0] } });
    expect(s.leadDays.attestationExpiry).toEqual([30, 3, 0]);
    expect(s.leadDays.reflectionPeriodEnd).toEqual([14, 7, 3, 1, 0]);
  });

  it.each([
    [{ leadDays: { task: [] } }, 'leadDays.task'],
    [{ leadDays: { task: [-1] } }, 'leadDays.task.0'],
    [{ leadDays: { task: [1.5] } }, 'leadDays.task.0'],
    [{ leadDays: { task: [400] } }, 'leadDays.task.0'],
    [{ leadDays: { task: Array.from({ length: 11 }, (_, i) => i) } }, 'leadDays.task'],
  ])('refuses %j as VALIDATION at %s', (input, path) => {
    try {
      parseReminderSettings(input);
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.code).toBe('VALIDATION');
      expect(isAppError(e) && e.details?.fields?.map((f) => f.path)).toContain(path);
    }
  });

  it.each(['8:00', '24:00', '07:60', 'noon'])('refuses the digest time %s', (time) => {
    expect(() => parseDigestSettings({ enabled: true, time })).toThrow();
  });
});

describe('planning (default lead times)', () => {
  it('a deadline on a working day: each lead counted back, a notify day on a weekend moved to the Friday', () => {
    const plan = planDeadline(deadline('2027-03-17', 'BE'), DEFAULT_REMINDER_SETTINGS, beneluxWorkingDays);
    expect(plan.nonWorking).toBeNull();
    expect(plan.actBy).toBe('2027-03-17');
    expect(plan.reminders).toEqual([
      { id: 'track-1:reflectionPeriodEnd:2027-03-17:14', lead: 14, notifyOn: '2027-03-03', movedFrom: null },
      { id: 'track-1:reflectionPeriodEnd:2027-03-17:7', lead: 7, notifyOn: '2027-03-10', movedFrom: null },
      { id: 'track-1:reflectionPeriodEnd:2027-03-17:3', lead: 3, notifyOn: '2027-03-12', movedFrom: '2027-03-14' },
      { id: 'track-1:reflectionPeriodEnd:2027-03-17:1', lead: 1, notifyOn: '2027-03-16', movedFrom: null },
      { id: 'track-1:reflectionPeriodEnd:2027-03-17:0', lead: 0, notifyOn: '2027-03-17', movedFrom: null },
    ]);
  });

  /** [due date, country, holiday (en), act by, {lead: notify day}] */
  it.each([
    ['2027-03-29', 'BE', 'Easter Monday', '2027-03-26', { 0: '2027-03-26', 1: '2027-03-25', 3: '2027-03-23', 7: '2027-03-19', 14: '2027-03-12' }],
    // Monday 26 is the last working day; lead 1 (Sunday 25) and lead 3 (Friday 23) both land on Friday 23.
    ['2027-04-27', 'NL', "King's Day", '2027-04-26', { 0: '2027-04-26', 1: '2027-04-23', 3: '2027-04-23', 7: '2027-04-19', 14: '2027-04-12' }],
    ['2025-04-26', 'NL', "King's Day", '2025-04-25', { 0: '2025-04-25', 1: '2025-04-24', 3: '2025-04-22', 7: '2025-04-18', 14: '2025-04-11' }],
    ['2027-06-23', 'LU', 'National Holiday', '2027-06-22', { 0: '2027-06-22', 1: '2027-06-21', 3: '2027-06-18', 7: '2027-06-15', 14: '2027-06-08' }],
    ['2027-12-25', 'BE', 'Christmas Day', '2027-12-24', { 0: '2027-12-24', 1: '2027-12-23', 3: '2027-12-21', 7: '2027-12-17', 14: '2027-12-10' }],
  ] as [string, Country, string, string, Record<number, string>][])(
    'a deadline on %s in %s (%s) is flagged; its reminders move before %s',
    (due, country, holiday, actBy, expected) => {
      const plan = planDeadline(deadline(due, country), DEFAULT_REMINDER_SETTINGS, beneluxWorkingDays);
      expect(plan.nonWorking).toMatchObject({ type: 'publicHoliday', label: { en: holiday } });
      expect(plan.actBy).toBe(actBy);
      expect(notifyDays(due, country)).toEqual(expected);
    },
  );

  it('the same day is an ordinary working day elsewhere: not flagged', () => {
    expect(planDeadline(deadline('2027-06-23', 'BE'), DEFAULT_REMINDER_SETTINGS, beneluxWorkingDays).nonWorking).toBeNull();
    expect(planDeadline(deadline('2027-04-27', 'LU'), DEFAULT_REMINDER_SETTINGS, beneluxWorkingDays).nonWorking).toBeNull();
  });

  it('a deadline on a Sunday is flagged as a weekend and acted on by Friday', () => {
    const plan = planDeadline(deadline('2027-01-17', 'LU'), DEFAULT_REMINDER_SETTINGS, beneluxWorkingDays);
    expect(plan.nonWorking).toMatchObject({ type: 'weekend', weekday: 7 });
    expect(plan.actBy).toBe('2027-01-15');
  });

  it('uses the kind\'s own lead days', () => {
    const settings = parseReminderSettings({ leadDays: { reflectionPeriodEnd: [2] } });
    const plan = planDeadline(deadline('2027-03-17', 'BE'), settings, beneluxWorkingDays);
    expect(plan.reminders.map((r) => [r.lead, r.notifyOn])).toEqual([[2, '2027-03-15']]);
  });

  it('reminder ids carry the due date: a moved deadline reminds again, the same one never twice', () => {
    expect(reminderId('task:9', d('2027-01-04'), 3)).toBe('task:9:2027-01-04:3');
    const a = planDeadline(deadline('2027-03-17', 'BE'), DEFAULT_REMINDER_SETTINGS, beneluxWorkingDays);
    const b = planDeadline(deadline('2027-06-17', 'BE'), DEFAULT_REMINDER_SETTINGS, beneluxWorkingDays);
    const ids = new Set(a.reminders.map((r) => r.id));
    expect(b.reminders.some((r) => ids.has(r.id))).toBe(false);
  });

  it('remindersDueOn gives each deadline with its reminders of that day; remindersDueBy also the earlier ones', () => {
    const items = [
      deadline('2027-04-27', 'NL', 'nl-kings-day'),
      deadline('2027-04-30', 'BE', 'be-friday'),
      deadline('2027-05-20', 'LU', 'lu-later'),
    ];
    const on = remindersDueOn(items, d('2027-04-23'), DEFAULT_REMINDER_SETTINGS, beneluxWorkingDays);
    expect(on.map((x) => [x.plan.item.id, x.reminders.map((r) => r.lead)])).toEqual([
      ['nl-kings-day', [3, 1]],
      ['be-friday', [7]],
    ]);
    const by = remindersDueBy(items, d('2027-04-23'), DEFAULT_REMINDER_SETTINGS, beneluxWorkingDays);
    expect(by.map((x) => [x.plan.item.id, x.reminders.map((r) => r.lead)])).toEqual([
      ['nl-kings-day', [14, 7, 3, 1]],
      ['be-friday', [14, 7]],
    ]);
  });

  it('property: every reminder is on a working day, never after the unmoved day, never after act-by', () => {
    const start = d('2024-01-01');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 365 * 6 }),
        fc.constantFrom(...COUNTRIES),
        fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 6 }),
        (offset, country, leads) => {
          const settings = parseReminderSettings({ leadDays: { reflectionPeriodEnd: leads } });
          const item = deadline(addDays(start, offset), country);
          const plan = planDeadline(item, settings, beneluxWorkingDays);
          expect(beneluxWorkingDays.isWorkingDay(plan.actBy, country)).toBe(true);
          expect(plan.actBy <= item.dueDate).toBe(true);
          expect(plan.nonWorking === null).toBe(plan.actBy === item.dueDate);
          for (const r of plan.reminders) {
            expect(beneluxWorkingDays.isWorkingDay(r.notifyOn, country)).toBe(true);
            expect(weekday(r.notifyOn)).toBeLessThanOrEqual(5);
            expect(r.notifyOn <= addDays(item.dueDate, -r.lead)).toBe(true);
            expect(r.notifyOn <= plan.actBy).toBe(true);
          }
          expect(new Set(plan.reminders.map((r) => r.id)).size).toBe(plan.reminders.length);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('property: the cheap filter never hides a reminder that is due', () => {
    const start = d('2026-06-01');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 900 }),
        fc.integer({ min: 0, max: 900 }),
        fc.constantFrom(...COUNTRIES),
        fc.uniqueArray(fc.integer({ min: 0, max: 365 }), { minLength: 1, maxLength: 6 }),
        (dueOffset, dayOffset, country, leads) => {
          const settings = parseReminderSettings({ leadDays: { reflectionPeriodEnd: leads } });
          const item = deadline(addDays(start, dueOffset), country);
          const day = addDays(start, dayOffset);
          if (mayRemindBy(item, day, settings)) return;
          const plan = planDeadline(item, settings, beneluxWorkingDays);
          expect(plan.reminders.some((r) => r.notifyOn <= day)).toBe(false);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
