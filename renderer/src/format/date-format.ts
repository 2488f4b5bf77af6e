/** Dates as Benelux offices write them: dd-mm-yyyy, and dd-mm-yyyy HH:mm (24 h, local time). */

const pad = (n: number): string => String(n).padStart(2, '0');
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parse(value: string | Date): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function formatDate(value: string | Date): string {
  if (typeof value === 'string') {
    // A calendar date has no time zone: do not let Date shift it to the previous day.
    const m = DATE_ONLY.exec(value);
    if (m) return `${m[3]}-${m[2]}-${m[1]}`;
  }
  const date = parse(value);
  if (!date) return String(value);
  return `${pad(date.getDate())}-${pad(date.getMonth() + 1)}-${date.getFullYear()}`;
}

export function formatDateTime(value: string | Date): string {
  const date = parse(value);
  if (!date) return String(value);
  return `${formatDate(date)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
