/**
 * The first journey: set up a vault in the wizard, see and confirm the recovery
 * key, lock, fail to unlock with a wrong password (the translated error is shown), unlock, and be
 * signed in. Real renderer, router, services and encrypted vault; only the transport is HTTP.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { en } from '../../shared/i18n/en';
import { FakeClock } from '../helpers/fake-clock';
import { ADMIN, ORGANISATION, expect, test, unlockInUi } from './fixtures';

test('set-up wizard, recovery key, lock, wrong password, unlock', async ({ page, bridge, invoke, snap }) => {
  await page.goto('/');
  // This computer, not the office server.
  await page.getByRole('button', { name: en.connection.localAction }).click();

  // Step 1: the organisation.
  await expect(page.getByRole('heading', { level: 1, name: en.setup.title })).toBeVisible();
  await expect(page.getByRole('navigation', { name: en.setup.progress })).toContainText(
    en.setup.stepOf.replace('{{current}}', '1').replace('{{total}}', '4'),
  );
  await snap('1-organisation');
  // Continuing with nothing filled in shows the field errors and stays on the step.
  await page.getByRole('button', { name: en.common.continue }).click();
  await expect(page.getByText(en.validation.chooseOption)).toBeVisible();
  await page.getByRole('textbox', { name: en.setup.organisationName, exact: true }).fill(ORGANISATION.organisationName);
  await page.getByRole('combobox', { name: en.setup.country }).selectOption({ label: en.countries.BE });
  await page.getByRole('button', { name: en.common.continue }).click();

  // Step 2: the first administrator.
  await expect(page.getByRole('heading', { level: 2, name: en.setup.stepAdmin })).toBeVisible();
  await page.getByRole('textbox', { name: en.setup.username, exact: true }).fill(ADMIN.username);
  await page.getByRole('textbox', { name: en.setup.displayName, exact: true }).fill(ADMIN.displayName);
  await page.getByRole('textbox', { name: en.setup.password, exact: true }).fill(ADMIN.password);
  await page.getByRole('textbox', { name: en.setup.passwordConfirmation, exact: true }).fill(`${ADMIN.password} typo`);
  await page.getByRole('button', { name: en.setup.createVault }).click();
  await expect(page.getByText(en.validation.passwordsDiffer)).toBeVisible();
  expect(bridge.core.vault.state(), 'nothing is created while the form is invalid').toBe('setup');
  await page.getByRole('textbox', { name: en.setup.passwordConfirmation, exact: true }).fill(ADMIN.password);
  await snap('2-admin');
  await page.getByRole('button', { name: en.setup.createVault }).click();

  // Step 3: the recovery key, shown once.
  await expect(page.getByRole('heading', { level: 2, name: en.setup.stepRecoveryKey })).toBeVisible();
  const keyBox = page.getByRole('group', { name: en.setup.recoveryKeyLabel });
  await expect(keyBox).toBeVisible();
  const groups = await keyBox.locator('[data-testid^="recovery-key-group-"]').allTextContents();
  expect(groups.join('')).toMatch(/^[A-Z2-7]{32}$/);
  expect(groups.length).toBeGreaterThanOrEqual(4);
  expect(bridge.core.vault.state(), 'the vault exists once the key is shown').toBe('unlocked');
  await snap('3-recovery-key');
  await page.getByRole('button', { name: en.setup.keyStored }).click();

  // Step 4: two groups typed back; a wrong one is refused with a message.
  await expect(page.getByRole('heading', { level: 2, name: en.setup.stepConfirmKey })).toBeVisible();
  const confirmFields = page.getByRole('textbox', { name: /^Group \d+ of the recovery key$/ });
  await expect(confirmFields).toHaveCount(2);
  const asked: number[] = [];
  for (const field of await confirmFields.all()) {
    const label = await field.evaluate((input) => input.getAttribute('data-group-number'));
    asked.push(Number(label));
  }
  const wrong = groups[asked[0]! - 1] === 'AAAA' ? 'BBBB' : 'AAAA';
  await confirmFields.nth(0).fill(wrong);
  await confirmFields.nth(1).fill(groups[asked[1]! - 1]!.toLowerCase());
  await page.getByRole('button', { name: en.setup.finish }).click();
  await expect(page.getByText(en.setup.groupMismatch.replace('{{number}}', String(asked[0])))).toBeVisible();
  await snap('4-confirm-mismatch');
  await confirmFields.nth(0).fill(groups[asked[0]! - 1]!);
  await page.getByRole('button', { name: en.setup.finish }).click();

  // Signed in as the first administrator.
  const signedIn = page.getByTestId('signed-in-user');
  await expect(signedIn).toHaveText(`Signed in as ${ADMIN.displayName}, ${en.roles.admin}`);
  await expect(page.getByTestId('organisation-name')).toHaveText(ORGANISATION.organisationName);
  await expect(page.getByText(groups.join('')), 'the key is gone once set-up is over').toHaveCount(0);
  await expect(page.getByTestId('recovery-key')).toHaveCount(0);
  await snap('5-home');

  // Lock.
  await page.getByRole('button', { name: en.shell.lock, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: en.unlock.title })).toBeVisible();
  // app.status names no organisation while locked, so the intro is the general one.
  await expect(page.getByText(/^Sign in to open the vault/)).toBeVisible();
  await expect(signedIn).toHaveCount(0);
  expect(bridge.core.vault.state()).toBe('locked');

  // A wrong password: the translated error, the password field emptied, still locked.
  await page.getByRole('textbox', { name: en.unlock.username, exact: true }).fill(ADMIN.username);
  await page.getByRole('textbox', { name: en.unlock.password, exact: true }).fill('not the right password');
  await page.getByRole('button', { name: en.unlock.submit, exact: true }).click();
  const error = page.getByRole('alert').filter({ hasText: en.errors.wrongCredentials });
  await expect(error).toBeVisible();
  await expect(error).toHaveAttribute('data-error-code', 'WRONG_CREDENTIALS');
  await expect(page.getByRole('textbox', { name: en.unlock.password, exact: true })).toHaveValue('');
  expect(bridge.core.vault.state()).toBe('locked');
  await snap('6-wrong-password');

  // The right password.
  await page.getByRole('textbox', { name: en.unlock.password, exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: en.unlock.submit, exact: true }).click();
  await expect(signedIn).toHaveText(`Signed in as ${ADMIN.displayName}, ${en.roles.admin}`);
  await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${ADMIN.displayName}` })).toBeVisible();
  expect(bridge.core.vault.session()?.username).toBe(ADMIN.username);

  // The audit trail saw it all, in order, and its chain verifies.
  const actions = (await invoke('audit.list', { limit: 50 })).map((entry) => entry.action).reverse();
  expect(actions).toEqual(
    expect.arrayContaining(['vault.create', 'session.lock', 'session.unlockFailed', 'session.unlock']),
  );
  expect(actions.indexOf('session.unlockFailed')).toBeGreaterThan(actions.indexOf('session.lock'));
  expect(await invoke('audit.verify', {})).toMatchObject({ ok: true });

  // The vault folder holds no plaintext of what was typed (names, recovery key) in any file.
  for (const name of readdirSync(bridge.vaultDir)) {
    const bytes = readFileSync(join(bridge.vaultDir, name));
    for (const secret of [ADMIN.displayName, ADMIN.password, groups.join('')]) {
      expect(bytes.includes(Buffer.from(secret, 'utf8')), `${secret} in ${name}`).toBe(false);
    }
  }
});

test('the vault locks behind the page and the page follows (session.changed over the event stream)', async ({
  page,
  bridge,
  seedVault,
}) => {
  await seedVault();
  await page.goto('/');
  await page.getByRole('textbox', { name: en.unlock.username, exact: true }).fill(ADMIN.username);
  await page.getByRole('textbox', { name: en.unlock.password, exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: en.unlock.submit, exact: true }).click();
  await expect(page.getByTestId('signed-in-user')).toBeVisible();
  await expect.poll(() => bridge.eventClients()).toBeGreaterThan(0);

  // As the idle timer or a suspend would: main locks, the window only hears the event.
  bridge.core.vault.lock('idle');
  await expect(page.getByRole('heading', { level: 1, name: en.unlock.title })).toBeVisible();
  await expect(page.getByTestId('lock-reason')).toHaveText(en.unlock.lockedIdle);
  await expect(page.getByTestId('signed-in-user')).toHaveCount(0);
});

test.describe('auto-lock on a fake clock', () => {
  const clock = new FakeClock();
  test.use({ bridgeOptions: { clock } });

  test('the idle timer in core locks the vault; calls from the UI count as activity', async ({ page, bridge, seedVault }) => {
    await seedVault();
    await page.goto('/');
    await unlockInUi(page, ADMIN);
    await expect(page.getByTestId('signed-in-user')).toBeVisible();
    await expect.poll(() => bridge.eventClients()).toBeGreaterThan(0);

    clock.advance(4 * 60_000);
    // Opening the Users page calls users.list: the person is active, the timer starts again.
    await page.getByRole('navigation', { name: en.shell.navigation }).getByRole('button', { name: en.shell.users }).click();
    await expect(page.getByRole('heading', { level: 1, name: en.users.title })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: ADMIN.username })).toBeVisible();
    clock.advance(4 * 60_000);
    expect(bridge.core.vault.state()).toBe('unlocked');

    clock.advance(60_000 + 1);
    expect(bridge.core.vault.state()).toBe('locked');
    await expect(page.getByTestId('lock-reason')).toHaveText(en.unlock.lockedIdle);
    await expect(page.getByRole('heading', { level: 1, name: en.users.title })).toHaveCount(0);
  });
});
