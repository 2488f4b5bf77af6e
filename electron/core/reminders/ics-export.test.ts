import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { toCalendarDate, type CalendarDate } from '../../../shared/dates/calendar-date';
import type { Country } from '../../../shared/domain';
import type { ReminderItem } from '../../../shared/reminders/reminder.types';
import { DEFAULT_REMINDER_SETTINGS, parseReminderSettings } from '../../../shared/reminders/reminder-settings';
import { beneluxWorkingDays } from '../../../shared/reminders/working-days';
import { inventedName, seededRandom } from '../../../test/helpers/random';
import { deadlinesToIcs, icsUid } from './ics-export';

const d = (s: string): CalendarDate => toCalendarDate(s);
const random = seededRandom(7);

type Named = ReminderItem & { displayName: string; notes: string };

function named(id: string, kind: ReminderItem['kind'], dueDate: string, country: Country, caseCode: string): Named {
  return {
    id,
    kind,
    dueDate: d(dueDate),
    country,
    caseCode,
    personId: `person-${inventedName(random)}`,
    assigneeId: `staff-${inventedName(random)}`,
    trackId: `track-${inventedName(random)}`,
    source: 'procedure',
    displayName: `${inventedName(random)} ${inventedName(random, 4)}`,
    notes: `Met ${inventedName(random)} in ${inventedName(random)}`,
  };
}

const ITEMS: Named[] = [
  named('procedure:t1:reflectionPeriodEnd', 'reflectionPeriodEnd', '2027-03-29', 'BE', 'PAY-2026-0007'),
  named('procedure:t2:residencePermitExpiry', 'residencePermitExpiry', '2027-04-27', 'NL', 'COM-2027-0042'),
  named('task:77', 'task', '2027-06-23', 'LU', 'SAV-2027-0003'),
  named('procedure:t3:attestationExpiry', 'attestationExpiry', '2027-01-04', 'BE', 'PAY-2026-0001'), // before `from`
];
const NOW = new Date('2027-02-01T10:15:00Z');

function parse(text: string): ICAL.Component {
  return new ICAL.Component(ICAL.parse(text));
}

describe('deadlinesToIcs (parsed back with ical.js)', () => {
  const text = deadlinesToIcs({
    deadlines: ITEMS,
    language: 'en',
    now: NOW,
    from: d('2027-02-01'),
    alarms: { settings: DEFAULT_REMINDER_SETTINGS, calendar: beneluxWorkingDays },
  });
  const calendar = parse(text);
  const events = calendar.getAllSubcomponents('vevent');

  it('is an RFC 5545 calendar with one all-day event per upcoming deadline, in date order', () => {
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Passerelle//Deadlines//EN');
    expect(events).toHaveLength(3);
    const rows = events.map((e) => {
      const ev = new ICAL.Event(e);
      return [ev.summary, ev.startDate.isDate, ev.startDate.toString(), ev.endDate.toString(), ev.uid];
    });
    expect(rows).toEqual([
      ['Reflection period ends: PAY-2026-0007', true, '2027-03-29', '2027-03-30', icsUid('procedure:t1:reflectionPeriodEnd')],
      ['Residence permit expires: COM-2027-0042', true, '2027-04-27', '2027-04-28', icsUid('procedure:t2:residencePermitExpiry')],
      ['A task is due: SAV-2027-0003', true, '2027-06-23', '2027-06-24', icsUid('task:77')],
    ]);
    expect(events.every((e) => e.getFirstPropertyValue('transp') === 'TRANSPARENT')).toBe(true);
  });

  it('UIDs are stable across exports and do not reveal the internal id', () => {
    const again = parse(deadlinesToIcs({ deadlines: [...ITEMS].reverse(), language: 'nl', now: new Date(), from: d('2027-02-01') }));
    expect(again.getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('uid'))).toEqual(
      events.map((e) => e.getFirstPropertyValue('uid')),
    );
    expect(icsUid('task:77')).toMatch(/^[0-9a-f]{32}@passerelle$/);
    expect(text).not.toContain('task:77');
    expect(text).not.toContain('procedure:');
  });

  it('DTSTAMP is the export time from the clock', () => {
    const stamp = events[0]?.getFirstPropertyValue('dtstamp') as ICAL.Time;
    expect(stamp.toJSDate().toISOString()).toBe('2027-02-01T10:15:00.000Z');
  });

  it('one VALARM per reminder day, at 09:00, after the holiday moves', () => {
    // Easter Monday 29 March 2027 in BE: reminders on 12, 19, 23, 25 and 26 March.
    const easter = events[0] as ICAL.Component;
    const start = new ICAL.Event(easter).startDate;
    const ringing = easter.getAllSubcomponents('valarm').map((a) => {
      const when = start.clone();
      when.isDate = false; // 00:00 of the due date, the start an all-day event's relative trigger counts from
      when.addDuration(a.getFirstPropertyValue('trigger') as ICAL.Duration);
      return when.toString();
    });
    expect(ringing).toEqual(['2027-03-12T09:00:00', '2027-03-19T09:00:00', '2027-03-23T09:00:00', '2027-03-25T09:00:00', '2027-03-26T09:00:00']);
    expect(easter.getAllSubcomponents('valarm').every((a) => a.getFirstPropertyValue('action') === 'DISPLAY')).toBe(true);
    // King's Day: lead 1 and lead 3 both land on Friday 23 April: one alarm for that day.
    const kingsDay = events[1] as ICAL.Component;
    expect(kingsDay.getAllSubcomponents('valarm')).toHaveLength(4);
  });

  it('holds no names, no notes, no person or staff ids', () => {
    for (const item of ITEMS) {
      for (const secret of [item.displayName, ...item.displayName.split(' '), item.notes, item.personId, item.assigneeId, item.trackId]) {
        expect(text).not.toContain(String(secret));
      }
    }
    const props = new Set(events.flatMap((e) => e.getAllProperties().map((p) => p.name)));
    expect([...props].sort()).toEqual(['class', 'dtend', 'dtstamp', 'dtstart', 'summary', 'transp', 'uid', 'x-microsoft-cdo-busystatus']);
  });

  it('a case code that is not of Passerelle\'s form is left out of the title', () => {
    const wrong = { ...ITEMS[0], caseCode: 'Kalomi Tuvo' } as Named;
    const out = deadlinesToIcs({ deadlines: [wrong], language: 'en', now: NOW });
    expect(out).not.toContain('Kalomi');
    expect(new ICAL.Event(parse(out).getFirstSubcomponent('vevent') as ICAL.Component).summary).toBe('Reflection period ends');
  });

  it('writes the titles in the chosen language, French accents and all', () => {
    const fr = parse(deadlinesToIcs({ deadlines: ITEMS.slice(0, 1), language: 'fr', now: NOW }));
    expect(new ICAL.Event(fr.getFirstSubcomponent('vevent') as ICAL.Component).summary).toBe(
      'La période de réflexion se termine : PAY-2026-0007',
    );
  });

  it('an empty export is still a valid calendar; alarms follow the lead days', () => {
    expect(parse(deadlinesToIcs({ deadlines: [], language: 'en', now: NOW })).getAllSubcomponents('vevent')).toHaveLength(0);
    const onlyOnTheDay = parse(
      deadlinesToIcs({
        deadlines: ITEMS.slice(2, 3),
        language: 'en',
        now: NOW,
        alarms: { settings: parseReminderSettings({ leadDays: { task: [0] } }), calendar: beneluxWorkingDays },
      }),
    );
    // National Day (Wednesday 23 June): the one alarm rings on Tuesday 22 at 09:00.
    const alarm = onlyOnTheDay.getFirstSubcomponent('vevent')?.getAllSubcomponents('valarm') ?? [];
    expect(alarm.map((a) => String(a.getFirstPropertyValue('trigger')))).toEqual(['-PT15H']);
  });
});

describe('what each date rests on', () => {
  it('a computed estimate says so and invites the printed expiry; nothing about the person', () => {
    const base = { kind: 'attestationExpiry', dueDate: d('2027-03-01'), country: 'BE', caseCode: 'PAY-2027-0001' } as const;
    const text = deadlinesToIcs({
      deadlines: [
        { ...base, id: 'procedure:t1:attestationExpiry', basis: 'estimate' },
        { ...base, id: 'procedure:t2:attestationExpiry', basis: 'document' },
        { ...base, id: 'task:x', kind: 'task' },
      ],
      language: 'en',
      now: new Date(Date.UTC(2027, 0, 1)),
    });
    const unfolded = text.replace(/\r?\n[ \t]/g, '');
    expect(unfolded).toContain('DESCRIPTION:estimate. Enter the expiry printed on the document when you have it.');
    expect(unfolded).toContain('DESCRIPTION:date on the document.');
    expect(unfolded.match(/DESCRIPTION:/g)).toHaveLength(2);
  });
});
