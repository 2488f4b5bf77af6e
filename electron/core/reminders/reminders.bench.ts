/**
 * Benchmark: the dashboard for 100k persons (target < 100 ms), on invented data from the
 * seeded generator. Not a test: `npm run bench` calls `runRemindersBench()` (bench/run.ts, e.g.
 * `printResults('Reminders: dashboard for 100k persons (medians of 5)', runRemindersBench())`).
 *
 * Each person has 1 to 4 open deadlines of random kinds and countries, due from 120 days ago to 400
 * days ahead, assigned to one of 40 staff members, and carries an invented name (as the integration's
 * joined rows would). Timings are medians of runs after a warm-up (the holiday tables filled once
 * before and reported apart, as the first run after start).
 */
import { toCalendarDate, type CalendarDate } from '../../../shared/dates/calendar-date';
import { COUNTRIES } from '../../../shared/domain';
import { DUE_KINDS } from '../../../shared/rules/rule.types';
import { countDeadlines, groupDashboard, type DashboardItem } from '../../../shared/reminders/dashboard';
import { fromEpochDay, toEpochDay } from '../../../shared/reminders/epoch-day';
import { remindersDueOn } from '../../../shared/reminders/reminder-plan';
import { DEFAULT_REMINDER_SETTINGS } from '../../../shared/reminders/reminder-settings';
import { BeneluxWorkingDays } from '../../../shared/reminders/working-days';
import { inventedName, seededRandom } from '../../../test/helpers/random';

/** Same shape as bench/measure.ts's BenchResult. */
export interface RemindersBenchResult {
  name: string;
  value: number;
  unit: string;
  /** measured / target where there is a target */
  ratio?: number;
}

export const DASHBOARD_TARGET_MS = 100;

type BenchDeadline = DashboardItem & { readonly personId: string; readonly displayName: string };

export function generateBenchDeadlines(persons: number, today: CalendarDate, seed = 4): BenchDeadline[] {
  const random = seededRandom(seed);
  const todayDay = toEpochDay(today);
  const out: BenchDeadline[] = [];
  for (let p = 0; p < persons; p++) {
    const country = COUNTRIES[Math.floor(random() * COUNTRIES.length)] ?? 'BE';
    const caseCode = `PAY-2027-${String(p + 1).padStart(6, '0')}`;
    const personId = `person-${p}`;
    const displayName = `${inventedName(random)} ${inventedName(random, 4)}`;
    const assigneeId = `staff-${Math.floor(random() * 40)}`;
    const count = 1 + Math.floor(random() * 4);
    for (let i = 0; i < count; i++) {
      const kind = DUE_KINDS[Math.floor(random() * DUE_KINDS.length)] ?? 'reflectionPeriodEnd';
      out.push({
        id: `procedure:${personId}:${i}:${kind}`,
        kind,
        dueDate: fromEpochDay(todayDay - 120 + Math.floor(random() * 520)),
        country,
        caseCode,
        assigneeId,
        personId,
        displayName,
      });
    }
  }
  return out;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function time(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** Process CPU time (all threads, GC included): less skewed than wall time on a busy machine. */
function cpuTime(fn: () => unknown): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

export function runRemindersBench(options: { persons?: number; runs?: number; today?: string } = {}): RemindersBenchResult[] {
  const persons = options.persons ?? 100_000;
  const runs = options.runs ?? 5;
  const today = toCalendarDate(options.today ?? '2027-03-17');
  const deadlines = generateBenchDeadlines(persons, today);
  const calendar = new BeneluxWorkingDays();

  const warmUpMs = time(() => calendar.warmUp([Number(today.slice(0, 4)) - 1, Number(today.slice(0, 4))]));
  const firstMs = time(() => groupDashboard(deadlines, { today, calendar }));
  // Warm-up (discarded): the app groups again and again, so the steady state is what counts.
  for (let r = 0; r < 3; r++) groupDashboard(deadlines, { today, calendar, scope: { kind: 'mine', userId: `staff-${r}` } });
  const all: number[] = [];
  const allCpu: number[] = [];
  const mine: number[] = [];
  const counts: number[] = [];
  const due: number[] = [];
  let rows = 0;
  for (let r = 0; r < runs; r++) {
    all.push(
      time(() => {
        const dash = groupDashboard(deadlines, { today, calendar });
        rows = dash.counts.overdue + dash.counts.today + dash.counts.thisWeek + dash.counts.next30Days;
      }),
    );
    allCpu.push(cpuTime(() => groupDashboard(deadlines, { today, calendar })));
    mine.push(time(() => groupDashboard(deadlines, { today, calendar, scope: { kind: 'mine', userId: 'staff-7' } })));
    counts.push(time(() => countDeadlines(deadlines, today)));
  }
  for (let r = 0; r < Math.min(runs, 3); r++) {
    due.push(time(() => remindersDueOn(deadlines, today, DEFAULT_REMINDER_SETTINGS, calendar)));
  }
  const k = `${Math.round(persons / 1000)}k persons`;
  return [
    { name: `deadlines generated (${k})`, value: deadlines.length, unit: 'items' },
    { name: 'dashboard rows listed (all)', value: rows, unit: 'rows' },
    { name: `dashboard, all cases (${k})`, value: median(all), unit: 'ms', ratio: median(all) / DASHBOARD_TARGET_MS },
    { name: `dashboard, all cases, CPU time (${k})`, value: median(allCpu), unit: 'ms', ratio: median(allCpu) / DASHBOARD_TARGET_MS },
    { name: `dashboard, my cases (${k})`, value: median(mine), unit: 'ms', ratio: median(mine) / DASHBOARD_TARGET_MS },
    { name: 'holiday tables, 2 years x 3 countries (once)', value: warmUpMs, unit: 'ms' },
    { name: 'dashboard, first run (JIT cold)', value: firstMs, unit: 'ms' },
    { name: 'digest counts only', value: median(counts), unit: 'ms' },
    { name: 'reminders due today (plan every deadline)', value: median(due), unit: 'ms' },
  ];
}
