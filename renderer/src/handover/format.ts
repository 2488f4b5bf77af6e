/** Times the handover screens show as deadlines: weekday, dd-mm-yyyy and HH:mm, in local time. */
import type { TFunction } from 'i18next';
import { formatDateTime } from '../format/date-format';
import { dateWithWeekday, todayLocal } from '../format/deadline';

/** "Sunday 13-12-2026 09:56" for an ISO instant (a package's expiry). */
export function dateTimeWithWeekday(t: TFunction, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${dateWithWeekday(t, todayLocal(date))} ${formatDateTime(date).slice(11)}`;
}
