import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../domain';
import { REMINDER_KINDS } from './reminder.types';
import {
  calendarTitle,
  digestNotification,
  dueSentence,
  REMINDER_KIND_LABELS,
  REMINDER_KIND_PHRASES,
  reminderNotification,
  summaryNotification,
} from './reminder-texts';

describe('reminder texts', () => {
  it.each([
    [3, 'en', 'Reflection period ends in 3 days: PAY-2026-0007'],
    [1, 'en', 'Reflection period ends tomorrow: PAY-2026-0007'],
    [0, 'en', 'Reflection period ends today: PAY-2026-0007'],
    [-1, 'en', 'Reflection period ended yesterday: PAY-2026-0007'],
    [-4, 'en', 'Reflection period ended 4 days ago: PAY-2026-0007'],
    [3, 'nl', 'Reflectieperiode eindigt over 3 dagen: PAY-2026-0007'],
    [0, 'nl', 'Reflectieperiode eindigt vandaag: PAY-2026-0007'],
    [-2, 'nl', 'Reflectieperiode eindigde 2 dagen geleden: PAY-2026-0007'],
    [14, 'fr', 'La période de réflexion se termine dans 14 jours : PAY-2026-0007'],
    [0, 'fr', "La période de réflexion se termine aujourd'hui : PAY-2026-0007"],
    [-3, 'fr', "La période de réflexion s'est terminée il y a 3 jours : PAY-2026-0007"],
  ] as const)('%i days, %s: %s', (daysLeft, language, title) => {
    const n = reminderNotification({ kind: 'reflectionPeriodEnd', caseCode: 'PAY-2026-0007', daysLeft, language });
    expect(n.title).toBe(title);
    expect(n.body).not.toMatch(/PAY/);
  });

  it('leaves out a case code that is not of Passerelle\'s form (never shows a name put there by mistake)', () => {
    const n = reminderNotification({ kind: 'task', caseCode: 'Kalomi Tuvo', daysLeft: 2, language: 'en' });
    expect(n.title).toBe('A task is due in 2 days');
    expect(calendarTitle('task', 'Kalomi Tuvo', 'en')).toBe('A task is due');
  });

  it('has a phrase and a label for every kind in every language', () => {
    for (const kind of REMINDER_KINDS) {
      for (const language of LANGUAGES) {
        expect(REMINDER_KIND_PHRASES[kind][language].present.length).toBeGreaterThan(3);
        expect(REMINDER_KIND_PHRASES[kind][language].past.length).toBeGreaterThan(3);
        expect(REMINDER_KIND_LABELS[kind][language].length).toBeGreaterThan(3);
        expect(dueSentence(kind, 5, language)).not.toMatch(/\{\{/);
        expect(dueSentence(kind, -5, language)).not.toMatch(/\{\{/);
      }
    }
  });

  it('calendar titles: "Reflection period ends: PAY-2026-0007"', () => {
    expect(calendarTitle('reflectionPeriodEnd', 'PAY-2026-0007', 'en')).toBe('Reflection period ends: PAY-2026-0007');
    expect(calendarTitle('residencePermitExpiry', 'SUR-2027-0012', 'fr')).toBe('Le titre de séjour expire : SUR-2027-0012');
  });

  it('digest and summary carry counts only', () => {
    const counts = { overdue: 1, today: 2, thisWeek: 3, next30Days: 4 };
    expect(digestNotification(counts, 'en')).toEqual({
      title: 'Deadlines: daily summary',
      body: 'Overdue: 1 · Today: 2 · This week: 3 · Next 30 days: 4',
    });
    expect(summaryNotification(7, counts, 'nl').title).toBe('7 herinneringen aan termijnen');
    expect(digestNotification(counts, 'fr').body).toBe("En retard : 1 · Aujourd'hui : 2 · Cette semaine : 3 · Dans les 30 jours : 4");
  });
});
