/**
 * Daily casework in the real UI, in Dutch, French and English: a note added on the person's page, found
 * again by searching within the person (accents and case folded, the hit marked), and from the person
 * list with "also search notes", which opens the person; a task added and completed on the person's
 * page; an appointment listed there and on the dashboard; the case summary downloaded under the case
 * code. No text of another language on the person's page.
 */
import type { Page } from '@playwright/test';
import { addDays, formatDate, weekdayId, type CalendarDate } from '../../shared/dates/calendar-date';
import type { Language } from '../../shared/domain';
import type { Translation } from '../../shared/i18n/en';
import { ADMIN, expect, test, TRANSLATIONS, untranslatedText } from './fixtures';

/** Today in the page. */
async function pageToday(page: Page): Promise<CalendarDate> {
  return (await page.evaluate(() => {
    const d = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  })) as CalendarDate;
}

function withWeekday(date: CalendarDate, t: Translation): string {
  return t.dates.withWeekday.replace('{{weekday}}', t.weekdays[weekdayId(date)]).replace('{{date}}', formatDate(date));
}

const NOTES: Record<Language, { body: string; query: string; hit: string; listQuery: string }> = {
  nl: { body: 'Gesprek met de leerling Zyrakowska over de coöperatie en de hoorzitting.', query: 'COOPERATIE', hit: 'coöperatie', listQuery: 'zyrako' },
  fr: { body: "Entretien avec l'élève Zyrakowska : l'audience est reportée.", query: 'ELEVE', hit: 'élève', listQuery: 'zyrako' },
  en: { body: 'Phoned the naïve pupil Zyrakowska about the hearing.', query: 'NAIVE', hit: 'naïve', listQuery: 'zyrako' },
};

for (const language of ['nl', 'fr', 'en'] as const) {
  test(`${language}: a note is added, found within the person and from the list; a task is added and completed`, async ({ page, invoke, seedVault, snap }) => {
    const t = TRANSLATIONS[language];
    const data = NOTES[language];
    await seedVault();
    await invoke('session.unlock', { username: ADMIN.username, password: ADMIN.password });
    await invoke('prefs.set', { language });
    const { person } = await invoke('persons.create', { givenNames: 'Mira', familyName: 'Dovelan' });
    const other = await invoke('persons.create', { givenNames: 'Tomas', familyName: 'Brennet' });
    await invoke('notes.add', { personId: other.person.id, occurredOn: '2026-11-02', type: 'visit', body: 'Nothing to find here.' });
    await page.goto('/');
    const today = await pageToday(page);

    await page.getByRole('navigation', { name: t.shell.navigation }).getByRole('button', { name: t.shell.persons, exact: true }).click();
    await page.getByTestId(`person-row-${person.caseCode}`).click();
    await expect(page.getByTestId('person-page')).toBeVisible();

    // A note, with its type.
    const notes = page.getByRole('region', { name: t.casework.notes.title });
    await expect(notes.getByText(t.casework.notes.empty)).toBeVisible();
    await notes.getByRole('button', { name: t.casework.notes.add }).click();
    const dialog = page.getByRole('dialog', { name: t.casework.notes.addTitle });
    await dialog.getByRole('textbox', { name: t.casework.notes.body }).fill(data.body);
    await dialog.getByRole('combobox', { name: t.casework.notes.type }).selectOption({ label: t.casework.noteTypes.phoneCall });
    await dialog.getByRole('button', { name: t.casework.notes.save }).click();
    await expect(dialog).toBeHidden();
    const note = notes.getByTestId('note');
    await expect(note).toHaveCount(1);
    await expect(note.getByTestId('note-body')).toHaveText(data.body);
    await expect(note).toContainText(withWeekday(today, t));
    await expect(note).toContainText(t.casework.noteTypes.phoneCall);
    // Its author may still change it, and anyone may correct it.
    await expect(note.getByRole('button', { name: t.casework.notes.editOf.replace('{{date}}', withWeekday(today, t)) })).toBeVisible();
    await snap(`${language}-note`);

    // Search within the person: folded accents and case, the hit marked.
    await notes.getByRole('textbox', { name: t.casework.notes.search }).fill(data.query);
    await notes.getByRole('button', { name: t.casework.notes.searchButton }).click();
    const hit = notes.getByTestId('note-hit');
    await expect(hit).toHaveCount(1);
    await expect(hit.locator('mark')).toHaveText(data.hit);

    // A task on the person's page, then done.
    const tasks = page.getByRole('region', { name: t.casework.tasks.title, exact: true });
    await tasks.getByRole('textbox', { name: t.casework.tasks.what }).fill('Book an interpreter');
    await tasks.getByRole('textbox', { name: t.casework.tasks.due }).fill(formatDate(addDays(today, 3)));
    await tasks.getByRole('button', { name: t.casework.tasks.save }).click();
    const taskRow = tasks.getByTestId('person-task');
    await expect(taskRow).toHaveCount(1);
    await expect(taskRow).toContainText(withWeekday(addDays(today, 3), t));
    await tasks.getByRole('button', { name: t.casework.tasks.completeOf.replace('{{title}}', 'Book an interpreter') }).click();
    await expect(tasks.getByText(t.casework.tasks.empty)).toBeVisible();

    expect(await untranslatedText(page, language)).toEqual([]);

    // From the list: "also search notes" finds the person by a word of the note, and opens them.
    await page.getByTestId('back-to-list').click();
    await page.getByRole('checkbox', { name: t.casework.listSearch.alsoNotes }).check();
    await page.getByTestId('person-search').fill(data.listQuery);
    const listHits = page.getByTestId('list-note-hit');
    await expect(listHits).toHaveCount(1);
    await expect(listHits).toContainText(person.caseCode);
    await expect(listHits.locator('mark')).toHaveText('Zyrakowska');
    await snap(`${language}-list-search`);
    await listHits.click();
    await expect(page.getByTestId('person-page')).toHaveAttribute('data-person-id', person.id);
  });
}

test('an appointment is listed on the person and on the dashboard; the case summary is saved under the case code', async ({ page, invoke, seedVault }) => {
  const t = TRANSLATIONS.en;
  await seedVault();
  await invoke('session.unlock', { username: ADMIN.username, password: ADMIN.password });
  await invoke('prefs.set', { language: 'en' });
  const { person } = await invoke('persons.create', { givenNames: 'Mira', familyName: 'Dovelan', caseworkerId: null });
  await page.goto('/');
  const today = await pageToday(page);
  await page.getByRole('navigation', { name: t.shell.navigation }).getByRole('button', { name: t.shell.persons, exact: true }).click();
  await page.getByTestId(`person-row-${person.caseCode}`).click();

  const section = page.getByRole('region', { name: t.casework.appointments.title });
  await section.getByRole('textbox', { name: t.casework.appointments.service }).fill('GP intake');
  await section.getByRole('textbox', { name: t.casework.appointments.date }).fill(formatDate(today));
  await section.getByRole('textbox', { name: t.casework.appointments.time }).fill('9h');
  await section.getByRole('button', { name: t.casework.appointments.save }).click();
  await expect(section.getByText(t.casework.appointments.timeInvalid)).toBeVisible();
  await section.getByRole('textbox', { name: t.casework.appointments.time }).fill('14:30');
  await section.getByRole('checkbox', { name: t.casework.appointments.interpreterBooked }).check();
  await section.getByRole('button', { name: t.casework.appointments.save }).click();
  const row = section.getByTestId('appointment-row');
  await expect(row).toContainText(`${withWeekday(today, t)} 14:30`);
  await expect(row).toContainText(`${t.casework.serviceKinds.medical}: GP intake`);
  await expect(row).toContainText(t.casework.appointments.yes);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    (async () => {
      await page.getByRole('button', { name: t.casework.summary.open }).click();
      await page.getByRole('dialog', { name: t.casework.summary.title }).getByRole('button', { name: t.casework.summary.make }).click();
    })(),
  ]);
  expect(download.suggestedFilename()).toBe(`case-summary-${person.caseCode}.pdf`);

  await page.getByRole('navigation', { name: t.shell.navigation }).getByRole('button', { name: t.shell.home, exact: true }).click();
  const todayGroup = page.getByRole('region', { name: t.reminders.groups.today });
  await expect(todayGroup).toContainText(person.caseCode);
  await expect(todayGroup).toContainText('Appointment');
});
