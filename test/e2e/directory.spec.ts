/**
 * The contact-point directory in the real UI: the brochure's section 5 with its source
 * and date, search and filters, a correction kept apart from the shipped data, the note when a newer
 * directory changes a corrected field, hiding, and an entry of the organisation's own. In Dutch, with
 * no text of another language on screen.
 */
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { CATEGORY_LABELS, CONTACT_CATEGORIES, DIRECTORY_SEED, type DirectorySeed } from '../../shared/directory';
import { nl } from '../../shared/i18n/nl';
import { ADMIN, expect, test, unlockInUi, untranslatedText } from './fixtures';

const t = nl;
const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? `{{${k}}}`));

async function shot(page: Page, name: string) {
  const dir = process.env.E2E_SCREENSHOTS;
  if (dir) await page.screenshot({ path: join(dir, `directory-${name}.png`), fullPage: true });
}

async function openDirectory(page: Page) {
  await page.getByRole('navigation', { name: t.shell.navigation }).getByRole('button', { name: t.handoverNav.directory, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.directory.title })).toBeVisible();
}

test('the directory: search, filters, a correction, a newer seed that changed it, hiding, an own entry', async ({ page, seedVault, invoke, bridge }) => {
  await seedVault();
  await invoke('session.unlock', { username: ADMIN.username, password: ADMIN.password });
  await invoke('prefs.set', { language: 'nl' });
  await invoke('session.lock', {});
  await page.goto('/');
  await unlockInUi(page, ADMIN, t);
  await openDirectory(page);

  const count = page.getByTestId('directory-count');
  await expect(count).toHaveText(fill(t.directory.count, { count: DIRECTORY_SEED.entries.length }));
  await expect(page.getByTestId('directory-seed')).toContainText('Benelux brochure 2021');
  await expect(page.getByTestId('directory-seed')).toContainText('03-2021');
  expect(await untranslatedText(page, 'nl')).toEqual([]);

  // Search (case and accents ignored) and filters.
  const search = page.getByRole('searchbox', { name: t.directory.search });
  await search.fill('payoke');
  await expect(count).toHaveText(fill(t.directory.count, { count: 1 }));
  const payoke = page.getByTestId('contact-be-payoke');
  await expect(payoke).toContainText('Payoke ASBL');
  await expect(payoke).toContainText('+32 (0)3 201 16 90');
  await expect(page.getByTestId('contact-source-be-payoke')).toHaveText(
    fill(t.directory.source, { document: 'Benelux brochure 2021', section: '5.6', heading: 'Centra voor opvang van (mogelijke) slachtoffers van mensenhandel' }),
  );
  await search.fill('');
  await page.getByRole('combobox', { name: t.directory.country }).selectOption({ label: t.countries.LU });
  await page.getByRole('combobox', { name: t.directory.category }).selectOption({ label: CATEGORY_LABELS.police.nl });
  const luPolice = DIRECTORY_SEED.entries.filter((e) => e.country === 'LU' && e.category === 'police');
  await expect(count).toHaveText(fill(t.directory.count, { count: luPolice.length }));
  expect(CONTACT_CATEGORIES.length).toBe(10);
  await page.getByRole('combobox', { name: t.directory.country }).selectOption({ label: t.directory.allCountries });
  await page.getByRole('combobox', { name: t.directory.category }).selectOption({ label: t.directory.allCategories });

  // A correction: Payoke's phone number. The shipped value stays apart; the card says what was corrected.
  await search.fill('payoke');
  await payoke.getByRole('button', { name: fill(t.directory.editOf, { name: 'Payoke ASBL' }) }).click();
  const dialog = page.getByRole('dialog', { name: fill(t.directory.form.editTitle, { name: 'Payoke ASBL' }) });
  const phones = dialog.getByRole('textbox', { name: t.directory.fields.phones });
  await phones.fill('03 201 16 90');
  await dialog.getByRole('button', { name: t.directory.form.save }).click();
  await expect(dialog.getByText(t.directory.form.phoneFormat)).toBeVisible();
  await expect(phones).toBeFocused();
  await phones.fill('+32 3 201 16 99');
  await dialog.getByRole('button', { name: t.directory.form.save }).click();
  await expect(dialog).toBeHidden();
  await expect(payoke).toContainText('+32 3 201 16 99');
  await expect(page.getByTestId('contact-source-be-payoke')).toContainText(fill(t.directory.editedFields, { fields: t.directory.fields.phones }));

  // A newer directory ships another number for Payoke: the user's value stays, with a note to resolve.
  const directory = bridge.core.directory as unknown as { seed: DirectorySeed };
  directory.seed = {
    ...DIRECTORY_SEED,
    seedVersion: DIRECTORY_SEED.seedVersion + 1,
    entries: DIRECTORY_SEED.entries.map((e) => (e.id === 'be-payoke' ? { ...e, phones: ['+32 3 201 16 00'] } : e)),
  };
  await search.fill('payok');
  await expect(page.getByTestId('directory-pending')).toContainText(fill(t.directory.pendingSeedChanges, { count: 1 }));
  const note = page.getByTestId('seed-change-be-payoke-phones');
  await expect(note).toContainText(fill(t.directory.seedValueNow, { value: '+32 3 201 16 00' }));
  await expect(note).toContainText(fill(t.directory.seedValueBefore, { value: '+32 (0)3 201 16 90' }));
  await expect(note).toContainText(fill(t.directory.yourValue, { value: '+32 3 201 16 99' }));
  await expect(payoke).toContainText('+32 3 201 16 99');
  await shot(page, '1-seed-change');
  await note.getByRole('button', { name: t.directory.keepMine }).click();
  await expect(note).toBeHidden();
  await expect(page.getByTestId('directory-pending')).toBeHidden();
  await expect(payoke).toContainText('+32 3 201 16 99');

  // Hiding: gone from the list, back with "show hidden".
  await payoke.getByRole('button', { name: fill(t.directory.hideOf, { name: 'Payoke ASBL' }) }).click();
  await expect(count).toHaveText(fill(t.directory.count, { count: 0 }));
  await page.getByRole('checkbox', { name: t.directory.includeHidden }).check();
  await expect(payoke).toContainText(t.directory.hiddenBadge);
  await payoke.getByRole('button', { name: fill(t.directory.showOf, { name: 'Payoke ASBL' }) }).click();
  await expect(payoke).not.toContainText(t.directory.hiddenBadge);

  // An entry of the organisation's own.
  await search.fill('');
  await page.getByRole('button', { name: t.directory.add }).click();
  const add = page.getByRole('dialog', { name: t.directory.form.addTitle });
  await add.getByRole('combobox', { name: t.directory.country }).selectOption({ label: t.countries.NL });
  await add.getByRole('textbox', { name: t.directory.fields.name }).fill('Zorgcoördinator Mensenhandel Rotterdam');
  await add.getByRole('textbox', { name: t.directory.fields.phones }).fill('+31 10 123 45 67');
  await add.getByRole('textbox', { name: t.directory.fields.emails }).fill('zorg@example.org');
  await add.getByRole('button', { name: t.directory.form.add }).click();
  await expect(add).toBeHidden();
  await search.fill('zorgcoordinator');
  await expect(count).toHaveText(fill(t.directory.count, { count: 1 }));
  const own = page.getByTestId('directory-list').getByRole('article');
  await expect(own).toContainText(t.directory.sourceUser);
  await shot(page, '2-own-entry');
  expect(await untranslatedText(page, 'nl')).toEqual([]);
  await own.getByRole('button', { name: fill(t.directory.removeOf, { name: 'Zorgcoördinator Mensenhandel Rotterdam' }) }).click();
  await page.getByRole('dialog').getByRole('button', { name: t.directory.removeConfirm }).click();
  await expect(count).toHaveText(fill(t.directory.count, { count: 0 }));
});
