/**
 * The Import screen in the real UI, in Dutch, French and English (docs/import.md): an administrator
 * chooses the example workbook of docs/examples, maps its columns, reads the values as they will be
 * imported, runs a dry run that lists every row with its problems and writes nothing, then imports
 * the valid rows in one step; the next file gets the remembered mapping. No text of another language
 * is on screen.
 */
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { interpolate } from '../../shared/errors';
import type { Language } from '../../shared/domain';
import { EXAMPLE_HEADERS } from '../helpers/spreadsheets';
import { ADMIN, TRANSLATIONS, expect, test, untranslatedText } from './fixtures';

/** Other-language text on screen, leaving out the workbook's own (Dutch) column titles: they are data. */
async function foreignText(page: Page, language: Language): Promise<string[]> {
  return (await untranslatedText(page, language)).filter((hit) => !EXAMPLE_HEADERS.some((h) => hit.endsWith(`: ${h}`)));
}

const EXAMPLE = join(fileURLToPath(new URL('../..', import.meta.url)), 'docs/examples/caseload-example.xlsx');

for (const language of ['nl', 'fr', 'en'] as const satisfies readonly Language[]) {
  test(`dry run then import of the example workbook (${language})`, async ({ page, invoke, seedVault, snap }) => {
    const t = TRANSLATIONS[language];
    const s = t.spreadsheetImport;
    await seedVault();
    await invoke('prefs.set', { language });
    await invoke('session.unlock', { username: ADMIN.username, password: ADMIN.password });
    await page.goto('/');
    await page.getByRole('navigation', { name: t.shell.navigation }).getByRole('button', { name: s.nav, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: s.title })).toBeVisible();

    await page.getByTestId('import-file').setInputFiles(EXAMPLE);
    await expect(page.getByTestId('import-file-summary')).toContainText(interpolate(s.fileSummary, { rows: 8, columns: 15 }));
    // No remembered mapping in a new vault: the administrator picks the columns.
    await expect(page.getByTestId('import-remembered')).toHaveCount(0);
    await page.getByRole('combobox', { name: s.fields.givenNames, exact: true }).selectOption('Voornaam');
    await page.getByRole('combobox', { name: s.fields.familyName, exact: true }).selectOption('Familienaam');
    await page.getByRole('combobox', { name: s.fields.dateOfBirth, exact: true }).selectOption('Geboortedatum');
    await page.getByRole('combobox', { name: s.fields.gender, exact: true }).selectOption('Geslacht');
    await page.getByRole('combobox', { name: s.fields.nationalities, exact: true }).selectOption('Nationaliteit');
    await page.getByRole('button', { name: s.addEvent }).click();
    const event = page.getByRole('group', { name: interpolate(s.eventN, { n: 1 }) });
    await event.getByRole('combobox', { name: s.eventCountry, exact: true }).selectOption({ label: 'Land procedure' });
    await event.getByRole('combobox', { name: s.eventType, exact: true }).selectOption({ label: 'Gebeurtenis 1' });
    await event.getByRole('combobox', { name: s.eventDate, exact: true }).selectOption({ label: 'Datum 1' });

    // The values as they will be read: a Dutch date, a French country name, an event by its code.
    const preview = page.getByTestId('import-preview');
    await expect(preview.getByRole('row', { name: /Brezavu, Ioana/ })).toContainText('01-07-1990');
    await expect(preview.getByRole('row', { name: /Brezavu, Ioana/ })).toContainText(new Intl.DisplayNames([language], { type: 'region' }).of('RO') ?? 'RO');
    await expect(preview.getByRole('row', { name: /Brezavu, Ioana/ })).toContainText('15-06-2026');
    await snap(`${language}-mapping`);

    await page.getByTestId('import-dry-run').click();
    await expect(page.getByTestId('import-totals')).toContainText(interpolate(s.totals, { rows: 8, valid: 5, withProblems: 3 }));
    await expect(page.getByTestId('import-row-2')).toContainText(interpolate(s.problems.eventTypeUnknown, { event: 1, value: 'Bijlage 15' }));
    await expect(page.getByTestId('import-row-7')).toContainText(interpolate(s.problems.dateImpossible, { column: 'Geboortedatum', value: '31-02-2001' }));
    await expect(page.getByTestId('import-row-7')).toContainText(interpolate(s.problems.countryUnknown, { column: 'Nationaliteit', value: 'Atlantis' }));
    await expect(page.getByTestId('import-row-9')).toContainText(s.problems.nameMissing);
    // The ready rows are hidden behind the filter; unticking it shows them too.
    await expect(page.getByTestId('import-row-3')).toHaveCount(0);
    await page.getByRole('checkbox', { name: s.onlyProblems }).uncheck();
    await expect(page.getByTestId('import-row-3')).toContainText(s.ready);
    expect((await invoke('persons.list', { status: 'all' })).total).toBe(0);
    expect(await foreignText(page, language)).toEqual([]);
    await snap(`${language}-dry-run`);

    // The sheet's own word for the annex 15: chosen once, the dry run runs again and row 2 is ready.
    await page.getByRole('combobox', { name: interpolate(s.ownWord, { value: 'Bijlage 15', column: 'Gebeurtenis 1' }) }).selectOption('annex15Issued');
    await expect(page.getByTestId('import-totals')).toContainText(interpolate(s.totals, { rows: 8, valid: 6, withProblems: 2 }));
    await expect(page.getByTestId('import-row-2')).toContainText(s.ready);
    expect((await invoke('persons.list', { status: 'all' })).total).toBe(0);

    await page.getByTestId('import-run').click();
    await expect(page.getByRole('heading', { name: interpolate(s.doneTitle, { count: 6 }) })).toBeVisible();
    const list = await invoke('persons.list', { status: 'all', sort: 'caseCode' });
    expect(list.total).toBe(6);
    await expect(page.getByTestId('import-result')).toContainText(list.items[0]?.caseCode ?? 'no case code');
    expect(await foreignText(page, language)).toEqual([]);
    await snap(`${language}-imported`);

    // The next file gets this organisation's mapping, remembered in the vault.
    await page.getByRole('button', { name: s.again }).click();
    await page.getByTestId('import-file').setInputFiles(EXAMPLE);
    await expect(page.getByTestId('import-remembered')).toBeVisible();
    await expect(page.getByRole('combobox', { name: s.fields.familyName, exact: true })).toHaveValue('Familienaam');
    await page.getByTestId('import-dry-run').click();
    await expect(page.getByTestId('import-row-3')).toContainText(interpolate(s.problems.duplicateExisting, { caseCode: list.items[1]?.caseCode ?? '' }));
  });
}

test('a macro-enabled workbook is refused with its message, and nothing is written', async ({ page, invoke, seedVault }) => {
  const t = TRANSLATIONS.en;
  await seedVault();
  await invoke('session.unlock', { username: ADMIN.username, password: ADMIN.password });
  await page.goto('/');
  await page.getByRole('navigation', { name: t.shell.navigation }).getByRole('button', { name: t.spreadsheetImport.nav, exact: true }).click();
  await page.getByTestId('import-file').setInputFiles({ name: 'caseload.xlsm', mimeType: 'application/vnd.ms-excel.sheet.macroEnabled.12', buffer: Buffer.from('PK\u0003\u0004') });
  await expect(page.getByTestId('import-error')).toHaveText(t.errors.importMacroFile);
  expect((await invoke('persons.list', { status: 'all' })).total).toBe(0);
});
