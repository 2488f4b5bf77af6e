import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../../test/helpers/fake-clock';
import { inventedName, seededRandom } from '../../../test/helpers/random';
import { addDays, toCalendarDate, type CalendarDate } from '../../../shared/dates/calendar-date';
import { COUNTRIES, LANGUAGES, type Country, type Language } from '../../../shared/domain';
import { REMINDER_KINDS, type NotifiableDeadline, type ReminderItem } from '../../../shared/reminders/reminder.types';
import {
  DEFAULT_REMINDER_SETTINGS,
  parseReminderSettings,
  type DigestSettings,
  type ReminderSettings,
} from '../../../shared/reminders/reminder-settings';
import { dueSentence } from '../../../shared/reminders/reminder-texts';
import { beneluxWorkingDays } from '../../../shared/reminders/working-days';
import { localDate } from './local-time';
import {
  DeadlineCache,
  MemoryFiredStore,
  MirroredFiredStore,
  type FiredStore,
  type FiredTable,
  type ReminderNotification,
} from './reminder-ports';
import { ReminderScheduler, type ReminderSchedulerDeps } from './reminder-scheduler';

const TZ = 'Europe/Brussels';
const DAY = 24 * 60 * 60_000;
const d = (s: string): CalendarDate => toCalendarDate(s);

interface Shown extends ReminderNotification {
  /** The local day it was shown. */
  readonly on: CalendarDate;
}

function deadline(id: string, dueDate: string, country: Country = 'BE', caseCode = 'PAY-2026-0007'): NotifiableDeadline {
  return { id, kind: 'reflectionPeriodEnd', dueDate: d(dueDate), country, caseCode };
}

/** A desktop: one fake clock, one deadline cache, notifications collected with their local day. */
function desk(
  start: string,
  deadlines: readonly NotifiableDeadline[],
  options: {
    fired?: FiredStore;
    settings?: ReminderSettings;
    digest?: DigestSettings;
    language?: Language;
    maxSeparateNotifications?: number;
    checkEveryMinutes?: number;
    clock?: FakeClock;
    notify?: (n: ReminderNotification) => void;
  } = {},
) {
  const clock = options.clock ?? new FakeClock(start);
  const cache = new DeadlineCache();
  cache.replace(deadlines);
  const shown: Shown[] = [];
  const fired = options.fired ?? new MemoryFiredStore();
  const deps: ReminderSchedulerDeps = {
    clock,
    deadlines: cache,
    fired,
    notifier: {
      notify: (n) => {
        options.notify?.(n);
        shown.push({ ...n, on: localDate(clock.now(), TZ) });
      },
    },
    calendar: beneluxWorkingDays,
    settings: () => options.settings ?? DEFAULT_REMINDER_SETTINGS,
    digest: () => options.digest ?? null,
    language: () => options.language ?? 'en',
    timeZone: TZ,
    maxSeparateNotifications: options.maxSeparateNotifications ?? 3,
    checkEveryMinutes: options.checkEveryMinutes ?? 15,
  };
  const scheduler = new ReminderScheduler(deps);
  return { clock, cache, shown, fired, scheduler, deps };
}

describe('ReminderScheduler (fake clock)', () => {
  it('fires each lead time exactly once, at the local midnight of its day, and never again', () => {
    // Wednesday 17 March 2027 in Belgium; leads 14, 7, 3 (Sunday 14 -> Friday 12), 1, 0.
    const { clock, shown, scheduler, fired } = desk('2027-03-01T07:00:00Z', [deadline('t1:reflection', '2027-03-17')]);
    expect(scheduler.start().notifications).toBe(0);
    clock.advance(45 * DAY);
    expect(shown.map((n) => [n.on, n.title])).toEqual([
      ['2027-03-03', 'Reflection period ends in 14 days: PAY-2026-0007'],
      ['2027-03-10', 'Reflection period ends in 7 days: PAY-2026-0007'],
      ['2027-03-12', 'Reflection period ends in 5 days: PAY-2026-0007'],
      ['2027-03-16', 'Reflection period ends tomorrow: PAY-2026-0007'],
      ['2027-03-17', 'Reflection period ends today: PAY-2026-0007'],
    ]);
    for (const lead of [14, 7, 3, 1, 0]) expect(fired.has(`t1:reflection:2027-03-17:${lead}`)).toBe(true);
    // Checks every 15 minutes and at midnight, but nothing more to say.
    expect(scheduler.checkNow().notifications).toBe(0);
    scheduler.stop();
    expect(clock.pendingTimers()).toBe(0);
  });

  it('fires at local midnight, not UTC midnight', () => {
    // 23:30 UTC on 2 March is 00:30 on 3 March in Brussels: the 14-day reminder is due at start.
    const late = desk('2027-03-02T23:30:00Z', [deadline('t1', '2027-03-17')]);
    expect(late.scheduler.start().notifications).toBe(1);
    // 22:30 UTC on 2 March is 23:30 local on the 2nd: not yet; it comes at local midnight (23:00 UTC).
    const early = desk('2027-03-02T22:30:00Z', [deadline('t1', '2027-03-17')]);
    expect(early.scheduler.start().notifications).toBe(0);
    early.clock.advance(30 * 60_000 - 1);
    expect(early.shown).toHaveLength(0);
    early.clock.advance(1);
    expect(early.shown).toHaveLength(1);
    expect(early.clock.now().toISOString()).toBe('2027-03-02T23:00:00.000Z');
    early.scheduler.stop();
    late.scheduler.stop();
  });

  it('fires nothing twice across a restart: a new scheduler on the same FiredStore', () => {
    const fired = new MemoryFiredStore();
    const items = [deadline('t1', '2027-03-17')];
    const first = desk('2027-03-01T07:00:00Z', items, { fired });
    first.scheduler.start();
    first.clock.advance(10 * DAY); // to 11 March 08:00: leads 14 and 7 fired
    first.scheduler.stop();
    expect(first.shown).toHaveLength(2);

    // Restart the same day, later: nothing at start.
    const second = desk('2027-03-11T15:00:00Z', items, { fired });
    expect(second.scheduler.start().notifications).toBe(0);
    second.clock.advance(30 * DAY);
    expect(second.shown.map((n) => n.on)).toEqual(['2027-03-12', '2027-03-16', '2027-03-17']);
    second.scheduler.stop();

    // And a third start after everything: silence.
    const third = desk('2027-04-20T08:00:00Z', items, { fired });
    expect(third.scheduler.start().notifications).toBe(0);
    third.scheduler.stop();
  });

  it('missed reminders fire once on the next start, not once per missed day', () => {
    const fired = new MemoryFiredStore();
    const items = [deadline('t1', '2027-03-17')];
    const before = desk('2027-03-01T07:00:00Z', items, { fired });
    before.scheduler.start();
    before.clock.advance(2 * DAY + 3 * 3600_000); // 3 March: the 14-day reminder
    before.scheduler.stop();
    expect(before.shown).toHaveLength(1);

    // Closed from 3 to 16 March (missed: 7 days on the 10th, 3 days on the 12th; due: 1 day on the 16th).
    const after = desk('2027-03-16T09:00:00Z', items, { fired });
    const report = after.scheduler.start();
    expect(report.notifications).toBe(1);
    expect(after.shown.map((n) => n.title)).toEqual(['Reflection period ends tomorrow: PAY-2026-0007']);
    expect([...report.fired].sort()).toEqual(['t1:2027-03-17:1', 't1:2027-03-17:3', 't1:2027-03-17:7']);
    after.clock.advance(3 * DAY);
    expect(after.shown.map((n) => n.title)).toEqual([
      'Reflection period ends tomorrow: PAY-2026-0007',
      'Reflection period ends today: PAY-2026-0007',
    ]);
    after.scheduler.stop();
  });

  it('a deadline missed while closed is still announced once, in the past tense', () => {
    const { scheduler, shown } = desk('2027-03-20T09:00:00Z', [deadline('t1', '2027-03-17')]);
    scheduler.start();
    expect(shown.map((n) => n.title)).toEqual(['Reflection period ended 3 days ago: PAY-2026-0007']);
    scheduler.stop();
  });

  /** [due date (a public holiday), country, expected notification days] */
  it.each([
    ['2027-03-29', 'BE', ['2027-03-12', '2027-03-19', '2027-03-23', '2027-03-25', '2027-03-26']],
    // King's Day (Tuesday): on the day -> Monday 26; 1 day before (Sunday) and 3 days before both Friday 23: one notification.
    ['2027-04-27', 'NL', ['2027-04-12', '2027-04-19', '2027-04-23', '2027-04-26']],
    ['2027-06-23', 'LU', ['2027-06-08', '2027-06-15', '2027-06-18', '2027-06-21', '2027-06-22']],
  ] as [string, Country, string[]][])(
    'a deadline on a public holiday (%s in %s) has its reminders on the previous working days',
    (due, country, days) => {
      const start = `${addDays(d(due), -20)}T10:00:00Z`;
      const { clock, shown, scheduler, fired } = desk(start, [deadline('h1', due, country)]);
      scheduler.start();
      clock.advance(30 * DAY);
      scheduler.stop();
      expect(shown.map((n) => n.on)).toEqual(days);
      expect(shown.some((n) => n.on === due)).toBe(false);
      for (const lead of [14, 7, 3, 1, 0]) expect(fired.has(`h1:${due}:${lead}`)).toBe(true);
    },
  );

  it('speaks the user\'s language', () => {
    const { scheduler, shown } = desk('2027-03-16T09:00:00Z', [deadline('t1', '2027-03-17')], { language: 'nl' });
    scheduler.start();
    expect(shown[0]?.title).toBe('Reflectieperiode eindigt morgen: PAY-2026-0007');
    scheduler.stop();
  });

  it('many deadlines at once: one summary with counts, each reminder recorded', () => {
    const items = Array.from({ length: 8 }, (_, i) => deadline(`t${i}`, addDays(d('2027-03-10'), i * 2), 'BE', `PAY-2026-${String(i).padStart(4, '0')}`));
    const { scheduler, shown, fired } = desk('2027-03-16T09:00:00Z', items);
    const report = scheduler.start();
    expect(report.summary).toBe(true);
    expect(shown).toHaveLength(1);
    expect(shown[0]?.title).toBe('8 deadline reminders');
    expect(shown[0]?.body).toBe('Overdue: 3 · Today: 1 · This week: 2 · Next 30 days: 2');
    expect(`${shown[0]?.title ?? ''}${shown[0]?.body ?? ''}`).not.toMatch(/PAY-/);
    expect(report.fired.every((id) => fired.has(id))).toBe(true);
    expect(scheduler.checkNow().notifications).toBe(0);
    scheduler.stop();
  });

  it('a notifier that fails leaves the reminder unrecorded; it fires at the next check', () => {
    let failing = true;
    const { scheduler, shown, clock, fired } = desk('2027-03-16T09:00:00Z', [deadline('t1', '2027-03-17')], {
      notify: () => {
        if (failing) throw new Error('notification service unavailable');
      },
    });
    expect(scheduler.start().notifications).toBe(0);
    expect(fired.has('t1:2027-03-17:1')).toBe(false);
    failing = false;
    clock.advance(15 * 60_000);
    expect(shown).toHaveLength(1);
    expect(fired.has('t1:2027-03-17:1')).toBe(true);
    scheduler.stop();
  });

  it('while the vault is locked: fires from the cached list, records behind, and never fires twice', () => {
    let locked = false;
    const rows = new Set<string>(['t1:2027-03-17:14']); // fired on 3 March, in an earlier session
    const table: FiredTable = {
      loadAll: () => {
        if (locked) throw new Error('LOCKED');
        return [...rows];
      },
      insert: (ids) => {
        if (locked) throw new Error('LOCKED');
        ids.forEach((id) => rows.add(id));
      },
    };
    const store = new MirroredFiredStore(table);
    store.load();
    const items = [deadline('t1', '2027-03-17')];
    const first = desk('2027-03-09T10:00:00Z', items, { fired: store });
    first.scheduler.start();
    expect(first.shown).toHaveLength(0);
    locked = true; // the user walks away; auto-lock
    first.clock.advance(DAY); // 10 March: the 7-day reminder fires while locked
    expect(first.shown.map((n) => n.on)).toEqual(['2027-03-10']);
    expect(rows.size).toBe(1); // not written while locked
    expect(store.pendingCount).toBe(1);
    first.clock.advance(6 * 3600_000); // more checks while locked: no repeat
    expect(first.shown).toHaveLength(1);
    locked = false;
    store.load(); // unlock: written behind
    expect([...rows].sort()).toEqual(['t1:2027-03-17:14', 't1:2027-03-17:7']);
    first.scheduler.stop();

    // Restart: a new store on the same table, a new scheduler: nothing again.
    const again = new MirroredFiredStore(table);
    again.load();
    const second = desk('2027-03-10T18:00:00Z', items, { fired: again });
    expect(second.scheduler.start().notifications).toBe(0);
    second.scheduler.stop();
  });

  it('a FiredStore that cannot be read skips the deadline (no duplicate), and one that cannot be written is retried', () => {
    let readable = false;
    let writable = false;
    const inner = new MemoryFiredStore();
    const store: FiredStore = {
      has: (id) => {
        if (!readable) throw new Error('LOCKED');
        return inner.has(id);
      },
      add: (ids) => {
        if (!writable) throw new Error('LOCKED');
        inner.add(ids);
      },
    };
    const { scheduler, shown, clock } = desk('2027-03-16T09:00:00Z', [deadline('t1', '2027-03-17')], { fired: store });
    expect(scheduler.start().notifications).toBe(0);
    readable = true;
    expect(scheduler.checkNow().notifications).toBe(1);
    expect(scheduler.checkNow().notifications).toBe(0); // remembered in this session
    expect(inner.size).toBe(0);
    writable = true;
    clock.advance(15 * 60_000);
    expect(inner.has('t1:2027-03-17:1')).toBe(true);
    expect(shown).toHaveLength(1);
    scheduler.stop();
  });

  it('a deadline that moves (a renewed document) reminds again for the new date', () => {
    const fired = new MemoryFiredStore();
    const a = desk('2027-03-16T09:00:00Z', [deadline('t1:attestation', '2027-03-17')], { fired });
    a.scheduler.start();
    a.cache.replace([deadline('t1:attestation', '2027-06-17')]);
    a.clock.advance(93 * DAY);
    a.scheduler.stop();
    expect(a.shown.map((n) => n.on)).toEqual(['2027-03-16', '2027-06-03', '2027-06-10', '2027-06-14', '2027-06-16', '2027-06-17']);
  });

  it('follows admin changes of lead days at the next check', () => {
    let settings = DEFAULT_REMINDER_SETTINGS;
    const clock = new FakeClock('2027-03-01T09:00:00Z');
    const cache = new DeadlineCache();
    cache.replace([deadline('t1', '2027-03-17')]);
    const shown: string[] = [];
    const scheduler = new ReminderScheduler({
      clock,
      deadlines: cache,
      fired: new MemoryFiredStore(),
      notifier: { notify: () => shown.push(localDate(clock.now(), TZ)) },
      calendar: beneluxWorkingDays,
      settings: () => settings,
      language: () => 'en',
      timeZone: TZ,
    });
    scheduler.start();
    settings = parseReminderSettings({ leadDays: { reflectionPeriodEnd: [10, 0] } });
    clock.advance(20 * DAY);
    scheduler.stop();
    expect(shown).toEqual(['2027-03-05', '2027-03-17']);
  });

  describe('daily digest', () => {
    const items = [deadline('t1', '2027-03-12'), deadline('t2', '2027-03-19'), deadline('t3', '2027-04-02')];

    it('fires once a day at the chosen local time, counts only', () => {
      const { scheduler, shown, clock } = desk('2027-03-08T06:00:00Z', items, {
        digest: { enabled: true, time: '08:30' },
        settings: parseReminderSettings({ leadDays: { reflectionPeriodEnd: [0] } }),
      });
      scheduler.start(); // 07:00 local: not yet
      expect(shown).toHaveLength(0);
      clock.advance(90 * 60_000 - 1);
      expect(shown).toHaveLength(0);
      clock.advance(1); // 08:30 local
      expect(shown).toEqual([
        { title: 'Deadlines: daily summary', body: 'Overdue: 0 · Today: 0 · This week: 1 · Next 30 days: 2', on: '2027-03-08' },
      ]);
      expect(clock.now().toISOString()).toBe('2027-03-08T07:30:00.000Z');
      clock.advance(DAY);
      expect(shown.filter((n) => n.title.startsWith('Deadlines')).map((n) => n.on)).toEqual(['2027-03-08', '2027-03-09']);
      scheduler.stop();
    });

    it('started after the digest time: fires at start, once, also across a restart that day', () => {
      const fired = new MemoryFiredStore();
      const one = desk('2027-03-08T13:00:00Z', items, { fired, digest: { enabled: true, time: '08:00' }, settings: parseReminderSettings({ leadDays: { reflectionPeriodEnd: [0] } }) });
      expect(one.scheduler.start().digest).toBe(true);
      one.scheduler.stop();
      const two = desk('2027-03-08T15:00:00Z', items, { fired, digest: { enabled: true, time: '08:00' }, settings: parseReminderSettings({ leadDays: { reflectionPeriodEnd: [0] } }) });
      expect(two.scheduler.start().digest).toBe(false);
      two.scheduler.stop();
    });

    it('is left out when off, or when there is nothing to count', () => {
      const off = desk('2027-03-08T13:00:00Z', items, { digest: { enabled: false, time: '08:00' } });
      expect(off.scheduler.start().digest).toBe(false);
      off.scheduler.stop();
      const nothing = desk('2027-03-08T13:00:00Z', [], { digest: { enabled: true, time: '08:00' } });
      expect(nothing.scheduler.start().notifications).toBe(0);
      nothing.scheduler.stop();
    });
  });
});

describe('no notification text holds anything but case code and kind (fast-check)', () => {
  const SENTENCES = new Set<string>();
  for (const kind of REMINDER_KINDS)
    for (const language of LANGUAGES) for (let days = -800; days <= 800; days++) SENTENCES.add(dueSentence(kind, days, language));
  const COUNT_WORDS = /^[\p{L}\d :·'’]+$/u;

  /** A person's name: invented syllables, 3-4 of them, never a real person's data. */
  const nameArb = fc.tuple(fc.integer(), fc.integer({ min: 3, max: 4 })).map(([seed, n]) => `${inventedName(seededRandom(seed), n)}`);
  const itemArb: fc.Arbitrary<ReminderItem & Record<string, unknown>> = fc.record({
    id: fc.uuid(),
    kind: fc.constantFrom(...REMINDER_KINDS),
    dueDate: fc.integer({ min: -40, max: 40 }).map((n) => addDays(d('2027-03-16'), n)),
    country: fc.constantFrom(...COUNTRIES),
    caseCode: fc.oneof(
      fc.integer({ min: 1, max: 99999 }).map((n) => `PAY-2027-${String(n).padStart(4, '0')}`),
      nameArb, // an integration mistake: a name in the case-code field
    ),
    personId: nameArb,
    assigneeId: nameArb,
    trackId: nameArb,
    source: fc.constantFrom('procedure' as const, 'task' as const, 'handover' as const),
    displayName: nameArb,
    notes: nameArb,
    title: nameArb,
  });

  it('generated deadlines with names in every other field: texts contain none of them', () => {
    let total = 0;
    fc.assert(
      fc.property(
        fc.array(itemArb, { minLength: 1, maxLength: 12 }),
        fc.constantFrom(...LANGUAGES),
        fc.integer({ min: 0, max: 20 }),
        (items, language, daysToRun) => {
          const names = new Set<string>();
          for (const it of items) {
            for (const key of ['personId', 'assigneeId', 'trackId', 'displayName', 'notes', 'title'] as const) names.add(String(it[key]));
            if (!/^[A-Z]{2,5}-\d{4}-\d{4,}$/.test(it.caseCode)) names.add(it.caseCode);
            names.add(it.id);
          }
          const { scheduler, shown, clock } = desk('2027-03-16T09:00:00Z', items, {
            language,
            digest: { enabled: true, time: '07:00' },
            maxSeparateNotifications: 4,
            checkEveryMinutes: 180, // midnight and digest checks still happen; fewer Temporal time-zone calls
          });
          scheduler.start();
          clock.advance(daysToRun * DAY);
          scheduler.stop();
          total += shown.length;
          for (const n of shown) {
            const text = `${n.title}\n${n.body}`;
            for (const name of names) expect(text).not.toContain(name);
            // Reminder: exactly a known sentence, optionally followed by a case code of the items.
            const match = /^(.*?)(?: ?: ([A-Z]{2,5}-\d{4}-\d{4,}))?$/.exec(n.title);
            const [, sentence = '', code] = match ?? [];
            const isReminder = SENTENCES.has(sentence);
            if (isReminder) {
              if (code) expect(items.some((it) => it.caseCode === code)).toBe(true);
            } else {
              // Summary or digest: words and numbers only.
              expect(n.title).toMatch(COUNT_WORDS);
              expect(n.body).toMatch(COUNT_WORDS);
            }
          }
        },
      ),
      { numRuns: 150 },
    );
    expect(total).toBeGreaterThan(150);
  });
});
