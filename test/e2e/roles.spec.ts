/**
 * Roles in the UI: an administrator adds a caseworker through the Users screen; the caseworker
 * signs in and sees no administrator screens, and the core refuses the administrator channels to
 * their session even when called straight from the page (permissions live in the services).
 */
import type { Page } from '@playwright/test';
import type { PasserelleApi } from '../../shared/ipc/contract';
import { en } from '../../shared/i18n/en';
import { ADMIN, expect, test, unlockInUi } from './fixtures';

const CASEWORKER = {
  username: 'carla.caseworker',
  displayName: 'Carla Caseworker',
  password: 'a long caseworker password',
  role: 'caseworker',
} as const;

/** Calls a channel through the page's own window.passerelle, as a modified renderer could. */
function invokeFromPage(page: Page, channel: string, input: unknown) {
  return page.evaluate(
    ([c, i]) => (globalThis as unknown as { passerelle: PasserelleApi }).passerelle.invoke(c as never, i as never),
    [channel, input] as const,
  );
}

async function expectCaseworkerView(page: Page) {
  await expect(page.getByTestId('signed-in-user')).toHaveText(`Signed in as ${CASEWORKER.displayName}, ${en.roles.caseworker}`);
  const nav = page.getByRole('navigation', { name: en.shell.navigation });
  await expect(nav.getByRole('button')).toHaveText([
    en.shell.home,
    en.shell.persons,
    en.handoverNav.handovers,
    en.handoverNav.partners,
    en.handoverNav.directory,
    en.shell.settings,
  ]);
  await expect(page.getByRole('button', { name: en.shell.users, exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: en.shell.audit, exact: true })).toHaveCount(0);
  await expect(page.getByText(en.home.roleCaseworker)).toBeVisible();
}

test('an admin adds a caseworker in the UI; the caseworker sees no admin screens', async ({ page, bridge, invoke, seedVault, snap }) => {
  await seedVault();
  await page.goto('/');
  await unlockInUi(page, ADMIN);
  const nav = page.getByRole('navigation', { name: en.shell.navigation });
  await nav.getByRole('button', { name: en.shell.users, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: en.users.title })).toBeVisible();
  await expect(page.getByRole('table', { name: en.users.tableCaption })).toContainText(ADMIN.username);

  await page.getByRole('textbox', { name: en.users.username, exact: true }).fill(CASEWORKER.username);
  await page.getByRole('textbox', { name: en.users.displayName, exact: true }).fill(CASEWORKER.displayName);
  await page.getByRole('combobox', { name: en.users.role }).selectOption({ label: en.roles.caseworker });
  await page.getByRole('textbox', { name: en.users.initialPassword, exact: true }).fill(CASEWORKER.password);
  await page.getByRole('button', { name: en.users.add, exact: true }).click();
  const row = page.getByRole('row').filter({ hasText: CASEWORKER.username });
  await expect(row).toContainText(CASEWORKER.displayName);
  await expect(row).toContainText(en.roles.caseworker);
  await expect(row).toContainText(en.users.active);
  await snap('admin-users');

  await page.getByRole('button', { name: en.shell.lock, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: en.unlock.title })).toBeVisible();
  await unlockInUi(page, CASEWORKER);
  await expectCaseworkerView(page);
  expect(bridge.core.vault.session()).toMatchObject({ username: CASEWORKER.username, role: 'caseworker' });
  await snap('caseworker-home');

  // Settings: the caseworker may change their language and password, not the automatic lock.
  await nav.getByRole('button', { name: en.shell.settings, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: en.settings.title })).toBeVisible();
  await expect(page.getByText(en.settings.autoLockReadOnly, { exact: true })).toBeVisible();
  await expect(page.getByRole('textbox', { name: en.settings.autoLockMinutes })).not.toBeEditable();
  await expect(page.getByRole('button', { name: en.settings.saveAutoLock })).toHaveCount(0);
  await snap('caseworker-settings');

  // The core refuses the admin channels to this session, whatever the UI shows.
  for (const [channel, input] of [
    ['users.list', {}],
    ['users.add', { username: 'mallory', displayName: 'Mallory', role: 'admin', password: 'a long enough password' }],
    ['settings.update', { autoLockMinutes: 60 }],
    ['audit.list', { limit: 10 }],
    ['audit.verify', {}],
  ] as const) {
    const result = await invokeFromPage(page, channel, input);
    expect(result, channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  }
  // Nothing of it happened: seen as the admin, the vault holds the same two users.
  await invoke('session.unlock', { username: ADMIN.username, password: ADMIN.password });
  expect((await invoke('users.list', {})).map((u) => u.username).sort()).toEqual([ADMIN.username, CASEWORKER.username]);
  expect(await invoke('settings.get', {})).toEqual({ autoLockMinutes: 5 });
});

test('a caseworker created through the core; Ctrl+L locks', async ({ page, bridge, seedVault }) => {
  await seedVault({ users: [CASEWORKER] });
  await page.goto('/');
  await unlockInUi(page, CASEWORKER);
  await expectCaseworkerView(page);

  await page.keyboard.press('Control+L');
  await expect(page.getByRole('heading', { level: 1, name: en.unlock.title })).toBeVisible();
  await expect.poll(() => bridge.core.vault.state()).toBe('locked');
});
