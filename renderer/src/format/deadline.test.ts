import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { en } from '../../../shared/i18n/en';
import { fr } from '../../../shared/i18n/fr';
import { nl } from '../../../shared/i18n/nl';
import { toCalendarDate } from '../../../shared/dates/calendar-date';
import { daysLeftText, deadlineView, parseTypedDate, todayLocal, typedDate, urgencyOf } from './deadline';

async function translator(lng: 'en' | 'nl' | 'fr') {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: { en: { translation: en }, nl: { translation: nl }, fr: { translation: fr } }, interpolation: { escapeValue: false } });
  return i18n.t;
}

const d = (s: string) => toCalendarDate(s);

describe('deadline urgency', () => {
  it('is overdue before today, then within 7 days (today included), within 30 days, later', () => {
    expect(urgencyOf(-1)).toBe('overdue');
    expect(urgencyOf(0)).toBe('week');
    expect(urgencyOf(7)).toBe('week');
    expect(urgencyOf(8)).toBe('month');
    expect(urgencyOf(30)).toBe('month');
    expect(urgencyOf(31)).toBe('later');
  });

  it('reads with the weekday, the days left and the urgency in words, in each language', async () => {
    const today = d('2026-03-15');
    const enView = deadlineView(await translator('en'), d('2026-04-29'), today);
    expect(enView).toMatchObject({ daysLeft: 45, urgency: 'later', dateText: 'Wednesday 29-04-2026', daysText: 'in 45 days' });
    const nlView = deadlineView(await translator('nl'), d('2026-03-20'), today);
    expect(nlView).toMatchObject({ urgency: 'week', dateText: 'vrijdag 20-03-2026', daysText: 'over 5 dagen', urgencyText: 'Binnen 7 dagen' });
    const frView = deadlineView(await translator('fr'), d('2026-03-10'), today);
    expect(frView).toMatchObject({ urgency: 'overdue', dateText: 'mardi 10-03-2026', daysText: '5 jours de retard', urgencyText: 'Dépassé' });
  });

  it('says today, tomorrow and one day overdue in words', async () => {
    const t = await translator('en');
    expect([0, 1, -1, 2, -2].map((n) => daysLeftText(t, n))).toEqual(['today', 'tomorrow', '1 day overdue', 'in 2 days', '2 days overdue']);
  });

  it('counts across a daylight-saving change in whole days', async () => {
    // Brussels moves to summer time on 29-03-2026: still 2 calendar days.
    expect(deadlineView(await translator('en'), d('2026-03-30'), d('2026-03-28')).daysLeft).toBe(2);
  });
});

describe('typed dates', () => {
  it('reads dd-mm-yyyy as staff type it, and refuses days that do not exist', () => {
    expect(parseTypedDate('5-3-2026')).toBe('2026-03-05');
    expect(parseTypedDate(' 05.03.2026 ')).toBe('2026-03-05');
    expect(parseTypedDate('29/02/2028')).toBe('2028-02-29');
    expect(parseTypedDate('29-02-2027')).toBeNull();
    expect(parseTypedDate('2026-03-05')).toBeNull();
    expect(parseTypedDate('')).toBeNull();
  });

  it('writes a stored date back as dd-mm-yyyy', () => {
    expect(typedDate('2026-03-05')).toBe('05-03-2026');
    expect(typedDate(null)).toBe('');
  });

  it('takes today from the local calendar day', () => {
    expect(todayLocal(new Date(2026, 0, 31, 23, 59))).toBe('2026-01-31');
  });
});
