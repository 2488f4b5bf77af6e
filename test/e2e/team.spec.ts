/**
 * Team mode in the real UI: two browser contexts are two desktops, each behind the test bridge in
 * its client mode (a RemoteRouter over pinned TLS), signed in as two different staff members on one
 * office server running on loopback. What a user relies on: a person created on one desktop shows
 * up on the other's list within a second and without a reload; when both edit the same person, the
 * second save opens the conflict dialog naming who saved first, and both of its choices do what
 * they say; when the server stops answering, one banner says since when, and the form keeps what
 * the user typed. Run with --workers=1 (docs/team-server.md).
 */
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { en } from '../../shared/i18n/en';
import type { PasserelleApi } from '../../shared/ipc/contract';
import { startTeamServer, type TeamServer } from '../../electron/server/serve';
import { MIGRATIONS_DIR } from '../../db/migrations-dir';
import { silentLogger, systemClock } from '../../electron/core/ports';
import { makeCore, tempDir } from '../helpers/vault';
import { installPasserelleApi } from './bridge/page-api';
import { PAGE_API_OPTIONS, startClientBridge, type ClientBridge } from './bridge/server';
import { unlockInUi } from './fixtures';

const ADMIN = { username: 'anna.admin', displayName: 'Anna Admin', password: 'correct horse battery staple' };
const CORA = { username: 'cora.coord', displayName: 'Cora Coordinator', password: 'a coordinator password', role: 'coordinator' } as const;
const COLIN = { username: 'colin.coord', displayName: 'Colin Coordinator', password: 'another coordinator password', role: 'coordinator' } as const;

interface Desktop {
  bridge: ClientBridge;
  context: BrowserContext;
  page: Page;
  problems: string[];
}

const test = base.extend<{ server: TeamServer; twoDesktops: [Desktop, Desktop] }>({
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const { dir, cleanup } = tempDir('passerelle-team-e2e-');
    const vaultDir = `${dir}/vault`;
    const core = makeCore(vaultDir, systemClock);
    await core.vault.create({ organisationName: 'Maison Passerelle', country: 'BE', admin: ADMIN });
    for (const user of [CORA, COLIN]) await core.users.add(user);
    core.dispose();
    const server = await startTeamServer({
      vaultDir,
      migrationsFolder: MIGRATIONS_DIR,
      host: '127.0.0.1',
      port: 0,
      username: ADMIN.username,
      password: ADMIN.password,
      clock: systemClock,
      logger: silentLogger,
    });
    await use(server);
    await server.stop();
    cleanup();
  },
  twoDesktops: async ({ server, browser }, use) => {
    const desktops = [await openDesktop(browser, server), await openDesktop(browser, server)] as [Desktop, Desktop];
    await use(desktops);
    for (const desktop of desktops) {
      await desktop.context.close();
      await desktop.bridge.close();
    }
    for (const desktop of desktops) expect(desktop.problems, 'the page logged errors').toEqual([]);
  },
});

async function openDesktop(browser: Browser, server: TeamServer, retryForMs?: number): Promise<Desktop> {
  const bridge = await startClientBridge({
    server: { url: server.url, fingerprint: server.fingerprint.display },
    ...(retryForMs !== undefined ? { retryForMs } : {}),
  });
  const context = await browser.newContext({ baseURL: bridge.url });
  await context.addInitScript(installPasserelleApi, PAGE_API_OPTIONS);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  return { bridge, context, page, problems };
}

async function signIn(desktop: Desktop, user: { username: string; password: string }): Promise<void> {
  await desktop.page.goto('/');
  await unlockInUi(desktop.page, user);
  await expect(desktop.page.getByRole('navigation', { name: en.shell.navigation })).toBeVisible();
}

async function openPersons(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: en.shell.navigation }).getByRole('button', { name: en.shell.persons, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: en.persons.title })).toBeVisible();
}

/** A call through the page's own desktop (its bridge, its session on the server). */
async function invokeFromPage<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const result = await page.evaluate(
    ([c, i]) => (globalThis as unknown as { passerelle: PasserelleApi }).passerelle.invoke(c as never, i as never),
    [channel, input] as const,
  );
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}`);
  return result.value as T;
}

interface Created {
  person: { id: string; caseCode: string; version: number };
}

async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => Object.assign(globalThis, { __sameDocument: true }));
}

async function stillSameDocument(page: Page): Promise<boolean> {
  return page.evaluate(() => (globalThis as unknown as { __sameDocument?: boolean }).__sameDocument === true);
}

async function openEditForm(page: Page, caseCode: string): Promise<void> {
  await openPersons(page);
  await page.getByTestId(`person-row-${caseCode}`).click();
  await page.getByRole('button', { name: en.person.edit }).click();
  await expect(page.getByRole('heading', { level: 1, name: en.personForm.editTitle.replace('{{caseCode}}', caseCode) })).toBeVisible();
}

test('a person created on one desktop appears on the other desktop’s list without a reload', async ({ twoDesktops }) => {
  const [one, two] = twoDesktops;
  await signIn(one, CORA);
  await signIn(two, COLIN);
  await openPersons(two.page);
  await markPage(two.page);
  await expect.poll(() => two.bridge.eventClients()).toBe(1);

  const created = await invokeFromPage<Created>(one.page, 'persons.create', {
    givenNames: 'Ilse',
    familyName: 'Marchetti',
    dateOfBirth: { precision: 'exact', date: '1994-03-02' },
  });

  // Within a second of the write (the change event, then one coalesced re-read).
  await expect(two.page.getByTestId(`person-row-${created.person.caseCode}`)).toBeVisible({ timeout: 1500 });
  await expect(two.page.getByTestId(`person-row-${created.person.caseCode}`)).toContainText('Marchetti');
  expect(await stillSameDocument(two.page)).toBe(true);
});

test('both edit the same person: the second save opens the conflict dialog; re-apply keeps mine, reload shows theirs', async ({
  twoDesktops,
}) => {
  const [one, two] = twoDesktops;
  await signIn(one, CORA);
  await signIn(two, COLIN);
  const created = await invokeFromPage<Created>(one.page, 'persons.create', {
    givenNames: 'Ilse',
    familyName: 'Marchetti',
    dateOfBirth: { precision: 'exact', date: '1994-03-02' },
  });
  const familyName = (page: Page) => page.getByRole('textbox', { name: en.personForm.familyName });

  // Re-apply: both opened version 1; Cora saves first, Colin's save meets her version.
  await openEditForm(one.page, created.person.caseCode);
  await openEditForm(two.page, created.person.caseCode);
  await familyName(one.page).fill('Marchetti-Cora');
  await one.page.getByRole('button', { name: en.personForm.save }).click();
  await expect(one.page.getByRole('heading', { level: 1, name: 'Marchetti-Cora, Ilse' })).toBeVisible();

  await familyName(two.page).fill('Marchetti-Colin');
  await two.page.getByRole('button', { name: en.personForm.save }).click();
  const dialog = two.page.getByRole('dialog', { name: en.team.conflictTitle });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`${CORA.displayName} saved this record on`);
  // The harmless choice has the focus.
  await expect(dialog.getByRole('button', { name: en.team.conflictReload })).toBeFocused();
  await dialog.getByRole('button', { name: en.team.conflictReapply }).click();
  await expect(dialog).toBeHidden();
  await expect(two.page.getByRole('heading', { level: 1, name: 'Marchetti-Colin, Ilse' })).toBeVisible();
  const afterReapply = await invokeFromPage<Created & { person: { familyName: string } }>(one.page, 'persons.get', { id: created.person.id });
  expect(afterReapply.person.familyName).toBe('Marchetti-Colin');
  expect(afterReapply.person.version).toBe(3);
  // Cora's person page followed Colin's save by itself.
  await expect(one.page.getByRole('heading', { level: 1, name: 'Marchetti-Colin, Ilse' })).toBeVisible({ timeout: 1500 });

  // Reload: Colin edits again while Cora saves; Colin takes her version and his input is dropped.
  await two.page.getByRole('button', { name: en.person.edit }).click();
  await one.page.getByRole('button', { name: en.person.edit }).click();
  await familyName(one.page).fill('Marchetti-Second');
  await one.page.getByRole('button', { name: en.personForm.save }).click();
  await expect(one.page.getByRole('heading', { level: 1, name: 'Marchetti-Second, Ilse' })).toBeVisible();
  await familyName(two.page).fill('Marchetti-Lost');
  await two.page.getByRole('button', { name: en.personForm.save }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: en.team.conflictReload }).click();
  await expect(dialog).toBeHidden();
  await expect(familyName(two.page)).toHaveValue('Marchetti-Second');
  const afterReload = await invokeFromPage<Created & { person: { familyName: string } }>(two.page, 'persons.get', { id: created.person.id });
  expect(afterReload.person.familyName).toBe('Marchetti-Second');
});

test('the office server stops answering: one banner says since when, and the form keeps what was typed', async ({ server, browser }) => {
  const desktop = await openDesktop(browser, server, 4000);
  try {
    await signIn(desktop, CORA);
    const created = await invokeFromPage<Created>(desktop.page, 'persons.create', {
      givenNames: 'Ilse',
      familyName: 'Marchetti',
      dateOfBirth: { precision: 'exact', date: '1994-03-02' },
    });
    await openEditForm(desktop.page, created.person.caseCode);
    const familyName = desktop.page.getByRole('textbox', { name: en.personForm.familyName });
    await familyName.fill('Typed-Not-Saved');
    await expect(desktop.page.getByTestId('server-unreachable')).toHaveCount(0);

    await server.stop();
    await desktop.page.getByRole('button', { name: en.personForm.save }).click();
    const banner = desktop.page.getByTestId('server-unreachable');
    await expect(banner).toBeVisible();
    await expect(banner).toContainText(/^Cannot reach the office server since \d\d:\d\d; retrying\./);
    await expect(familyName).toHaveValue('Typed-Not-Saved');
    // The save gives up after its retries with a translated error; the input is still there.
    await expect(desktop.page.getByText(en.errors.serverUnreachable)).toBeVisible({ timeout: 10_000 });
    await expect(familyName).toHaveValue('Typed-Not-Saved');
    await expect(banner).toBeVisible();
    expect(desktop.problems).toEqual([]);
  } finally {
    await desktop.context.close();
    await desktop.bridge.close();
  }
});
