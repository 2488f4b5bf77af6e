/**
 * The language switch: Dutch and French on the screens before the vault is open and inside it,
 * errors from the core translated too, and the choice kept as this computer's preference.
 */
import { PASSWORD_MIN_LENGTH } from '../../shared/domain';
import { en } from '../../shared/i18n/en';
import { fr } from '../../shared/i18n/fr';
import { nl } from '../../shared/i18n/nl';
import { ADMIN, expect, test, unlockInUi, untranslatedText } from './fixtures';

test('the set-up wizard switches to Dutch and French, and keeps the choice', async ({ page, invoke, snap }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: en.setup.title })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // A vault on this computer (the other choice connects to an office server: team-setup.spec.ts).
  await page.getByRole('button', { name: en.connection.localAction }).click();

  await page.getByRole('combobox', { name: en.language.label }).selectOption('nl');
  await expect(page.getByRole('heading', { level: 1, name: nl.setup.title })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: en.setup.title })).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.getByRole('textbox', { name: nl.setup.organisationName, exact: true })).toBeVisible();
  await expect(page.getByRole('combobox', { name: nl.setup.country })).toContainText(nl.countries.BE);
  // Field errors are written in the chosen language.
  await page.getByRole('button', { name: nl.common.continue }).click();
  await expect(page.getByText(nl.validation.chooseOption)).toBeVisible();
  expect(await untranslatedText(page, 'nl')).toEqual([]);
  await snap('nl-setup');

  // On to the next step in Dutch, then French.
  await page.getByRole('textbox', { name: nl.setup.organisationName, exact: true }).fill('Huis Passerelle');
  await page.getByRole('combobox', { name: nl.setup.country }).selectOption('NL');
  await page.getByRole('button', { name: nl.common.continue }).click();
  await expect(page.getByRole('heading', { level: 2, name: nl.setup.stepAdmin })).toBeVisible();
  await page.getByRole('combobox', { name: nl.language.label }).selectOption('fr');
  await expect(page.getByRole('heading', { level: 1, name: fr.setup.title })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: fr.setup.stepAdmin })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('textbox', { name: fr.setup.password, exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: fr.setup.createVault })).toBeVisible();
  await page.getByRole('button', { name: fr.setup.createVault }).click();
  await expect(page.getByText(fr.validation.tooShort.replace('{{minimum}}', String(PASSWORD_MIN_LENGTH)))).toBeVisible();
  expect(await untranslatedText(page, 'fr')).toEqual([]);
  await snap('fr-setup');

  // The preference lives in main (prefs.set), so a new window starts in French.
  expect(await invoke('prefs.get', {})).toEqual({ language: 'fr' });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: fr.setup.title })).toBeVisible();
  await expect(page.getByRole('combobox', { name: fr.language.label })).toHaveValue('fr');
});

test('field errors already on screen change language with the page', async ({ page, snap }) => {
  await page.goto('/');
  await page.getByRole('button', { name: en.connection.localAction }).click();
  await page.getByRole('button', { name: en.common.continue }).click();
  await expect(page.getByText(en.validation.chooseOption)).toBeVisible();
  await page.getByRole('combobox', { name: en.language.label }).selectOption('fr');
  await expect(page.getByRole('heading', { level: 1, name: fr.setup.title })).toBeVisible();
  await snap('fr-field-errors');
  expect(await untranslatedText(page, 'fr')).toEqual([]);
  await expect(page.getByText(fr.validation.chooseOption)).toBeVisible();
});

test('errors from the core and the unlocked app follow the language', async ({ page, seedVault, snap }) => {
  await seedVault();
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: en.unlock.title })).toBeVisible();

  // French on the unlock screen: the core's WRONG_CREDENTIALS is shown in French.
  await page.getByRole('combobox', { name: en.language.label }).selectOption('fr');
  await expect(page.getByRole('heading', { level: 1, name: fr.unlock.title })).toBeVisible();
  await unlockInUi(page, { username: ADMIN.username, password: 'not the right password' }, fr);
  await expect(page.getByRole('alert').filter({ hasText: fr.errors.wrongCredentials })).toBeVisible();
  expect(await untranslatedText(page, 'fr')).toEqual([]);
  await snap('fr-wrong-password');

  await unlockInUi(page, ADMIN, fr);
  await expect(page.getByTestId('signed-in-user')).toHaveText(
    fr.shell.signedInAs.replace('{{name}}', ADMIN.displayName).replace('{{role}}', fr.roles.admin),
  );
  const nav = page.getByRole('navigation', { name: fr.shell.navigation });
  for (const label of [fr.shell.home, fr.shell.users, fr.shell.settings, fr.shell.audit]) {
    await expect(nav.getByRole('button', { name: label, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('button', { name: fr.shell.lock, exact: true })).toBeVisible();
  expect(await untranslatedText(page, 'fr')).toEqual([]);
  await snap('fr-home');

  // Switch to Dutch from the settings page.
  await nav.getByRole('button', { name: fr.shell.settings, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: fr.settings.title })).toBeVisible();
  await page.getByRole('combobox', { name: fr.language.label }).selectOption('nl');
  await expect(page.getByRole('heading', { level: 1, name: nl.settings.title })).toBeVisible();
  const navNl = page.getByRole('navigation', { name: nl.shell.navigation });
  for (const label of [nl.shell.home, nl.shell.users, nl.shell.settings, nl.shell.audit]) {
    await expect(navNl.getByRole('button', { name: label, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('heading', { level: 2, name: nl.settings.autoLockTitle })).toBeVisible();
  expect(await untranslatedText(page, 'nl')).toEqual([]);
  await snap('nl-settings');

  for (const [page_, label] of [
    [nl.shell.users, nl.users.title],
    [nl.shell.audit, nl.audit.title],
  ] as const) {
    await navNl.getByRole('button', { name: page_, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible();
    expect(await untranslatedText(page, 'nl')).toEqual([]);
    await snap(`nl-${label.toLowerCase()}`);
  }
  // The audit trail names its actions in the user's language, with the code beside for IT staff.
  const trail = page.getByTestId('audit-table');
  await expect(trail.getByText(nl.auditActions.session.unlock, { exact: true }).first()).toBeVisible();
  await expect(trail.getByText(nl.auditActions.vault.create, { exact: true })).toBeVisible();
  await expect(trail.getByText('vault.create', { exact: true })).toBeVisible();
});
