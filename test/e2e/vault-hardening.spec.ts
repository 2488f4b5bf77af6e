/**
 * Vault hardening in the UI: an administrator sees what an unlock found about the vault's files
 * (here: files made readable by others while locked) until they dismiss it; "someone else may know
 * my current password" changes the password and re-encrypts the vault under a new key.
 */
import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { en } from '../../shared/i18n/en';
import { ADMIN, expect, test, unlockInUi } from './fixtures';

function generation(vaultDir: string): number {
  return (JSON.parse(readFileSync(join(vaultDir, 'keyslots.json'), 'utf8')) as { generation: number }).generation;
}

test('security notice after loosened modes; replacing a password that may be known re-keys the vault', async ({ page, bridge, seedVault, snap }) => {
  await seedVault();
  chmodSync(join(bridge.vaultDir, 'keyslots.json'), 0o644);
  await page.goto('/');
  await unlockInUi(page, ADMIN);

  const notice = page.getByTestId('security-notices');
  await expect(notice).toContainText(en.settings.securityNoticesTitle);
  await expect(notice).toContainText('could be read by other accounts');
  await snap('security-notice');
  await notice.getByRole('button', { name: en.settings.securityNoticesDismiss }).click();
  await expect(notice).toHaveCount(0);

  const before = generation(bridge.vaultDir);
  await page.getByRole('navigation', { name: en.shell.navigation }).getByRole('button', { name: en.shell.settings, exact: true }).click();
  const newPassword = 'a brand new admin password';
  await page.getByRole('textbox', { name: en.settings.currentPassword, exact: true }).fill(ADMIN.password);
  await page.getByRole('textbox', { name: en.settings.newPassword, exact: true }).fill(newPassword);
  await page.getByRole('textbox', { name: en.settings.newPasswordConfirmation, exact: true }).fill(newPassword);
  await page.getByRole('checkbox', { name: en.settings.passwordMayBeKnown }).check();
  await page.getByRole('button', { name: en.settings.changePassword, exact: true }).click();
  await expect(page.getByText(en.settings.passwordReplaced)).toBeVisible({ timeout: 20_000 });
  expect(generation(bridge.vaultDir)).toBe(before + 1);

  const result = await bridge.core.router.call('session.unlock', { username: ADMIN.username, password: ADMIN.password });
  expect(result.ok).toBe(false);
  const again = await bridge.core.router.call('session.unlock', { username: ADMIN.username, password: newPassword });
  expect(again.ok).toBe(true);
});
