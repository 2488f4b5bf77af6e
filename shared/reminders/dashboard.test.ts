import { describe, expect, it } from 'vitest';
import { toCalendarDate, type CalendarDate } from '../dates/calendar-date';
import type { Country } from '../domain';
import { countDeadlines, dashboardBounds, groupDashboard, type DashboardItem } from './dashboard';
import { beneluxWorkingDays } from './working-days';

const d = (s: string): CalendarDate => toCalendarDate(s);
const item = (id: string, dueDate: string, assigneeId: string | null = null, country: Country = 'BE'): DashboardItem => ({
  id,
  kind: 'attestationExpiry',
  dueDate: d(dueDate),
  country,
  caseCode: `PAY-2027-${id.padStart(4, '0')}`,
  assigneeId,
});

describe('dashboard bounds (ISO week, 30 days)', () => {
  /** [today, end of its ISO week, today + 30] */
  it.each([
    ['2027-03-17', '2027-03-21', '2027-04-16'], // Wednesday
    ['2027-03-22', '2027-03-28', '2027-04-21'], // Monday: the whole week
    ['2027-03-21', '2027-03-21', '2027-04-20'], // Sunday: nothing left of the week
    ['2026-12-30', '2027-01-03', '2027-01-29'], // a week across the new year
  ])('today %s: week ends %s, horizon %s', (today, weekEnd, horizon) => {
    expect(dashboardBounds(d(today))).toEqual({ weekEnd, horizon });
  });
});

describe('groupDashboard', () => {
  /** [due date, group or 'later', days left, weekday] with today = Wednesday 17 March 2027 */
  const TABLE: [string, string, number, string][] = [
    ['2026-12-01', 'overdue', -106, 'tuesday'],
    ['2027-03-16', 'overdue', -1, 'tuesday'],
    ['2027-03-17', 'today', 0, 'wednesday'],
    ['2027-03-18', 'thisWeek', 1, 'thursday'],
    ['2027-03-21', 'thisWeek', 4, 'sunday'],
    ['2027-03-22', 'next30Days', 5, 'monday'],
    ['2027-03-29', 'next30Days', 12, 'monday'],
    ['2027-04-16', 'next30Days', 30, 'friday'],
    ['2027-04-17', 'later', 31, 'saturday'],
  ];
  const items = TABLE.map(([due], i) => item(String(i + 1), due));
  const dash = groupDashboard(items, { today: d('2027-03-17'), calendar: beneluxWorkingDays });

  it.each(TABLE)('due %s -> %s, %i days left, %s', (due, group, daysLeft, weekday) => {
    if (group === 'later') {
      expect(Object.values(dash.groups).flat().some((r) => r.item.dueDate === due)).toBe(false);
      return;
    }
    const row = dash.groups[group as keyof typeof dash.groups].find((r) => r.item.dueDate === due);
    expect(row).toMatchObject({ group, daysLeft, weekday });
  });

  it('counts every group and the later ones', () => {
    expect(dash.counts).toEqual({ overdue: 2, today: 1, thisWeek: 2, next30Days: 3 });
    expect(dash.later).toBe(1);
    expect(countDeadlines(items, d('2027-03-17'))).toEqual(dash.counts);
  });

  it('flags a due date on a weekend or public holiday with the day to act by', () => {
    const sunday = dash.groups.thisWeek.find((r) => r.item.dueDate === '2027-03-21');
    expect(sunday?.nonWorking).toMatchObject({ type: 'weekend', weekday: 7 });
    expect(sunday?.actBy).toBe('2027-03-19');
    const easterMonday = dash.groups.next30Days.find((r) => r.item.dueDate === '2027-03-29');
    expect(easterMonday?.nonWorking).toMatchObject({ type: 'publicHoliday', label: { en: 'Easter Monday', nl: 'Paasmaandag' } });
    expect(easterMonday?.actBy).toBe('2027-03-26');
    const plain = dash.groups.today[0];
    expect(plain?.nonWorking).toBeNull();
    expect(plain?.actBy).toBe('2027-03-17');
  });

  it('without a calendar, nothing is flagged', () => {
    const bare = groupDashboard(items, { today: d('2027-03-17') });
    expect(Object.values(bare.groups).flat().every((r) => r.nonWorking === null && r.actBy === r.item.dueDate)).toBe(true);
  });

  it('sorts each group by due date, then case code, then id', () => {
    const same = [item('9', '2027-03-18'), item('3', '2027-03-18'), item('5', '2027-03-10'), item('1', '2027-03-19')];
    const out = groupDashboard(same, { today: d('2027-03-17') });
    expect(out.groups.thisWeek.map((r) => r.item.id)).toEqual(['3', '9', '1']);
  });

  it('on a Sunday this week is empty; tomorrow is in the next 30 days', () => {
    const out = groupDashboard([item('1', '2027-03-22'), item('2', '2027-03-21')], { today: d('2027-03-21') });
    expect(out.counts).toEqual({ overdue: 0, today: 1, thisWeek: 0, next30Days: 1 });
  });

  it("'my cases' keeps the user's deadlines; 'all' keeps every one, unassigned too", () => {
    const mixed = [item('1', '2027-03-18', 'u-anna'), item('2', '2027-03-18', 'u-bram'), item('3', '2027-03-18', null), item('4', '2027-03-01', 'u-anna')];
    const mine = groupDashboard(mixed, { today: d('2027-03-17'), scope: { kind: 'mine', userId: 'u-anna' } });
    expect(Object.values(mine.groups).flat().map((r) => r.item.id).sort()).toEqual(['1', '4']);
    const all = groupDashboard(mixed, { today: d('2027-03-17'), scope: { kind: 'all' } });
    expect(all.counts).toEqual({ overdue: 1, today: 0, thisWeek: 3, next30Days: 0 });
  });

  it('hands back the caller\'s own objects (so rows can carry the name the UI shows)', () => {
    const withName = { ...item('1', '2027-03-18'), displayName: 'Kalomi Tuvo' };
    const out = groupDashboard([withName], { today: d('2027-03-17') });
    expect(out.groups.thisWeek[0]?.item).toBe(withName);
  });
});
