/**
 * How a reminder row reads on screen: what is due (the kind's label from the shared data, a task's
 * title), the non-working-day flag with the day to act by, and the latest day a snooze may end (the
 * same rule as the main process, so the form can say it before it is refused).
 */
import type { TFunction } from 'i18next';
import { addDays, type CalendarDate } from '../../../shared/dates/calendar-date';
import type { Language } from '../../../shared/domain';
import { REMINDER_KIND_LABELS } from '../../../shared/reminders/reminder-texts';
import { SNOOZE_MAX_DAYS_WHEN_DUE, type DashboardRowView } from '../../../shared/reminders/reminders.schema';
import { dateWithWeekday } from '../format/deadline';
import { pick } from '../format/labels';

type RowLike = Pick<DashboardRowView, 'kind' | 'title' | 'country' | 'source'>;

/** "End of the reflection period" or "Task: Book the interpreter". */
export function whatIsDue(t: TFunction, row: RowLike, language: Language): string {
  if (row.kind === 'task' && row.title) return t('reminders.taskWhat', { title: row.title });
  return pick(REMINDER_KIND_LABELS[row.kind], language);
}

/** "Falls on a Sunday: act by Friday 27-11-2026", or null on a working day. */
export function nonWorkingText(t: TFunction, row: Pick<DashboardRowView, 'nonWorking' | 'actBy'>, language: Language): string | null {
  if (!row.nonWorking) return null;
  const date = dateWithWeekday(t, row.actBy);
  const label = pick(row.nonWorking.label, language);
  return row.nonWorking.type === 'weekend'
    ? t('reminders.nonWorkingWeekend', { day: label, date })
    : t('reminders.nonWorkingHoliday', { name: label, date });
}

/** The last day a snooze may end: the due date of a coming deadline, 14 days after today for one due or overdue. */
export function latestSnooze(dueDate: CalendarDate, today: CalendarDate): CalendarDate {
  return dueDate > today ? dueDate : addDays(today, SNOOZE_MAX_DAYS_WHEN_DUE);
}

/** Offers `text` as a download named `fileName` (Electron shows its save dialog). */
export function saveTextFile(text: string, fileName: string, mediaType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the download a moment to start before the bytes are released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
