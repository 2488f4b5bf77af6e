/**
 * Settings, "Age in doubt": an administrator turns the presumption of minority off and on again
 * (the organisation's policy in Belgium and the Netherlands, the law in Luxembourg); a caseworker
 * sees the setting and its explanation but cannot change it.
 */
import { en } from '../../shared/i18n/en';
import { ADMIN, expect, test, unlockInUi } from './fixtures';

const CASEWORKER = { username: 'carla.caseworker', displayName: 'Carla Caseworker', password: 'a long caseworker password', role: 'caseworker' } as const;

async function openSettings(page: import('@playwright/test').Page) {
  const nav = page.getByRole('navigation', { name: en.shell.navigation });
  await nav.getByRole('button', { name: en.shell.settings, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: en.settings.title })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: en.rulesPolicy.title })).toBeVisible();
}

test('an administrator switches the presumption of minority off and on; a caseworker cannot', async ({ page, invoke, seedVault, snap }) => {
  await seedVault({ users: [CASEWORKER] });
  await page.goto('/');
  await unlockInUi(page, ADMIN);
  await openSettings(page);
  const section = page.getByTestId('minority-policy-settings');
  await expect(section).toContainText(en.rulesPolicy.lawLu);
  await expect(section).toContainText(en.rulesPolicy.policyBeNl);
  await expect(section).toContainText(en.rulesPolicy.whenOff);
  const toggle = page.getByRole('switch', { name: en.rulesPolicy.label });
  await expect(toggle).toBeChecked();
  await snap('admin-on');

  await toggle.click({ force: true });
  await expect(page.getByText(en.rulesPolicy.savedOff.replace('{{tracks}}', '0').replace('{{changed}}', '0'))).toBeVisible();
  await expect(toggle).not.toBeChecked();
  expect(await invoke('rules.settings', {})).toEqual({ presumeMinorityWhenInDoubt: false });
  await toggle.press('Space');
  await expect(toggle).toBeChecked();
  expect(await invoke('rules.settings', {})).toEqual({ presumeMinorityWhenInDoubt: true });

  await page.getByRole('button', { name: en.shell.lock, exact: true }).click();
  await unlockInUi(page, CASEWORKER);
  await openSettings(page);
  await expect(page.getByRole('switch', { name: en.rulesPolicy.label })).toBeDisabled();
  await expect(page.getByTestId('minority-policy-settings')).toContainText(en.rulesPolicy.readOnly);
  await snap('caseworker');
});
