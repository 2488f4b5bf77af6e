/**
 * Calendar export: an iCalendar file (RFC 5545, written by the `ics`
 * library) of upcoming deadlines, for staff who want them in their agenda.
 *
 * Each deadline is an all-day event on its due date (DTSTART;VALUE=DATE, DTEND the next day),
 * transparent (it does not block the agenda), titled with the kind and the case code only
 * ("Reflection period ends: PAY-2026-0007"). The only description is what the date rests on
 * (exact term, legal maximum, estimate, date on the document; docs/legal-rules.md). No location,
 * attendee or note: nothing about the person. A calendar file tends to travel (mail, cloud agendas), so even the internal id is
 * not written: the UID is a SHA-256 of it, stable across exports so a re-import updates the event.
 *
 * With `alarms`, one VALARM per planned reminder day (after the holiday moves of reminder-plan),
 * at 09:00 on that day, relative to the event's start: "-P2DT15H" is 09:00 three days before.
 */
import { createHash } from 'node:crypto';
import { createEvents, type Alarm, type DateArray, type EventAttributes } from 'ics';
import type { CalendarDate } from '../../../shared/dates/calendar-date';
import type { Language } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { fromEpochDay, toEpochDay } from '../../../shared/reminders/epoch-day';
import { planDeadline } from '../../../shared/reminders/reminder-plan';
import { toNotifiable, type NotifiableDeadline } from '../../../shared/reminders/reminder.types';
import type { ReminderSettings } from '../../../shared/reminders/reminder-settings';
import { calendarTitle } from '../../../shared/reminders/reminder-texts';
import type { WorkingDayCalendar } from '../../../shared/reminders/working-day-calendar';
import type { DueBasis } from '../../../shared/procedure/engine';
import { DUE_BASIS_LABELS, ENTER_PRINTED_EXPIRY } from '../../../shared/rules/common.rules';

export const ICS_PRODUCT_ID = '-//Passerelle//Deadlines//EN';
/** Local hour at which an alarm rings on its day. */
export const ALARM_HOUR = 9;

export interface IcsExportInput {
  readonly deadlines: readonly (NotifiableDeadline & { readonly basis?: DueBasis | undefined })[];
  readonly language: Language;
  /** DTSTAMP of every event (the export's time, from the Clock). */
  readonly now: Date;
  /** Only deadlines on or after this day (the upcoming ones); default: all given. */
  readonly from?: CalendarDate;
  /** One VALARM per reminder day of each deadline; omitted or null: no alarms. */
  readonly alarms?: { readonly settings: ReminderSettings; readonly calendar: WorkingDayCalendar } | null;
  /** X-WR-CALNAME; default 'Passerelle'. Never a person's or a case's name. */
  readonly calendarName?: string;
}

/** The event UID of a deadline id: stable, and not revealing the id. */
export function icsUid(deadlineId: string): string {
  return `${createHash('sha256').update(`passerelle-deadline\u0000${deadlineId}`).digest('hex').slice(0, 32)}@passerelle`;
}

function dateArray(date: CalendarDate): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function alarmTrigger(daysBefore: number): Alarm['trigger'] {
  // Relative to DTSTART, 00:00 of the due date.
  return daysBefore === 0
    ? { hours: ALARM_HOUR, before: false }
    : { days: daysBefore - 1, hours: 24 - ALARM_HOUR, before: true };
}

type EventWithStamp = EventAttributes & { timestamp: number };

export function deadlinesToIcs(input: IcsExportInput): string {
  const { language, from, alarms } = input;
  const timestamp = input.now.getTime();
  const bases = new Map(input.deadlines.map((d) => [d.id, d.basis]));
  const deadlines = input.deadlines
    .map(toNotifiable)
    .filter((d) => from === undefined || d.dueDate >= from)
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const events: EventWithStamp[] = deadlines.map((deadline) => {
    const title = calendarTitle(deadline.kind, deadline.caseCode, language);
    const event: EventWithStamp = {
      uid: icsUid(deadline.id),
      title,
      start: dateArray(deadline.dueDate) as DateArray,
      end: dateArray(fromEpochDay(toEpochDay(deadline.dueDate) + 1)) as DateArray,
      transp: 'TRANSPARENT',
      busyStatus: 'FREE',
      classification: 'PRIVATE',
      timestamp,
    };
    const basis = bases.get(deadline.id);
    if (basis) {
      const invite = basis === 'estimate' || basis === 'maximum' ? ` ${ENTER_PRINTED_EXPIRY[language]}` : '';
      event.description = `${DUE_BASIS_LABELS[basis][language]}.${invite}`;
    }
    if (alarms) {
      const plan = planDeadline(deadline, alarms.settings, alarms.calendar);
      const dueDay = toEpochDay(deadline.dueDate);
      const daysBefore = [...new Set(plan.reminders.map((r) => dueDay - toEpochDay(r.notifyOn)))].sort((a, b) => b - a);
      event.alarms = daysBefore.map((n) => ({ action: 'display', description: title, trigger: alarmTrigger(n) }));
    }
    return event;
  });

  const { error, value } = createEvents(events, {
    productId: ICS_PRODUCT_ID,
    method: 'PUBLISH',
    calName: input.calendarName ?? 'Passerelle',
  });
  if (error || value === null) {
    throw new AppError('INTERNAL', 'internal', undefined, { reason: 'icsExport' });
  }
  return value;
}
