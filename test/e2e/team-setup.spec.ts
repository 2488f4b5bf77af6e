/// <reference lib="dom" />
/**
 * Setting a desktop up for team mode in the real UI, against a real office server on loopback
 * (`passerelle serve`'s core, TLS 1.3, its own certificate). The page talks to the test bridge, which
 * serves the same DesktopMode electron/main serves, so what is tested is the real switch:
 *
 * - in Dutch, French and English: the set-up screen offers this computer or the office server;
 *   wrong digits are refused with "do not continue, call your administrator" and nothing is
 *   pinned; the right digits (typed with dashes) connect without a restart, the sign-in goes to the
 *   server and the list shows the server's persons; an administrator sees the pinned address and
 *   fingerprint in the settings and disconnects, and the desktop is back at set-up;
 * - a certificate rotation: the desktop shows the blocking screen, a coordinator cannot confirm, an
 *   administrator confirms with the new digits, and signing in works again.
 *
 * Every new screen is checked with axe (no serious or critical violation) in the three languages;
 * screenshots at 1366x768 and 1920x1080 when E2E_SCREENSHOTS is set. Run with --workers=1.
 */
import { mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Translation } from '../../shared/i18n/en';
import { startTeamServer, type TeamServer } from '../../electron/server/serve';
import { RemoteDesktop } from '../../electron/remote/remote-desktop';
import { MIGRATIONS_DIR } from '../../db/migrations-dir';
import { silentLogger, systemClock } from '../../electron/core/ports';
import { makeCore, tempDir } from '../helpers/vault';
import { ADMIN, expect, test as base, TRANSLATIONS, unlockInUi, untranslatedText } from './fixtures';
import { expectAccessible, LANGUAGES, LARGE, SMALL } from './casework-helpers';

const CORA = { username: 'cora.coord', displayName: 'Cora Coordinator', password: 'a coordinator password', role: 'coordinator' } as const;
/** Invented persons, created on the server before the desktop connects. */
const ON_SERVER = [
  { givenNames: 'Ilse', familyName: 'Marchetti' },
  { givenNames: 'Tomasz', familyName: 'Verhaegen' },
];

interface Office {
  server: TeamServer;
  vaultDir: string;
  caseCodes: string[];
  /** Stops the server, moves its certificate aside and starts it again on the same port: a new fingerprint. */
  rotate(): Promise<void>;
  /** Stops the server (every session ends with it). */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same certificate. */
  start(): Promise<void>;
}

function startServer(vaultDir: string, port = 0): Promise<TeamServer> {
  return startTeamServer({
    vaultDir,
    migrationsFolder: MIGRATIONS_DIR,
    host: '127.0.0.1',
    port,
    username: ADMIN.username,
    password: ADMIN.password,
    clock: systemClock,
    logger: silentLogger,
  });
}

const test = base.extend<{ office: Office }>({
  // eslint-disable-next-line no-empty-pattern
  office: async ({}, use) => {
    const { dir, cleanup } = tempDir('passerelle-setup-e2e-');
    const vaultDir = join(dir, 'vault');
    const core = makeCore(vaultDir, systemClock);
    await core.vault.create({ organisationName: 'Maison Passerelle', country: 'BE', admin: ADMIN });
    await core.users.add(CORA);
    core.dispose();
    let server = await startServer(vaultDir);
    const seeding = await RemoteDesktop.connect({ url: server.url, fingerprint: server.fingerprint.display, retryForMs: 0 });
    const caseCodes: string[] = [];
    await seeding.call('session.unlock', { username: ADMIN.username, password: ADMIN.password });
    for (const person of ON_SERVER) {
      const created = await seeding.call('persons.create', person);
      if (!created.ok) throw new Error(`seeding failed: ${created.error.code}`);
      caseCodes.push((created.value as { person: { caseCode: string } }).person.caseCode);
    }
    await seeding.call('session.lock', {});
    seeding.close();
    const office: Office = {
      get server() {
        return server;
      },
      vaultDir,
      caseCodes,
      async rotate() {
        const port = server.port;
        await server.stop();
        renameSync(join(vaultDir, 'server-tls'), join(vaultDir, `server-tls.${Date.now()}`));
        server = await startServer(vaultDir, port);
      },
      async stop() {
        await server.stop();
        stopped = true;
      },
      async start() {
        server = await startServer(vaultDir, server.port);
        stopped = false;
      },
    };
    let stopped = false;
    await use(office);
    if (!stopped) await server.stop();
    cleanup();
  },
});

/** Screenshots of what the window shows at both sizes, when E2E_SCREENSHOTS is set. */
async function shots(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const before = page.viewportSize();
  for (const size of [SMALL, LARGE]) {
    await page.setViewportSize(size);
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(dir, `team-setup-${name}-${size.width}x${size.height}.png`) });
  }
  if (before) await page.setViewportSize(before);
}

/** One digit changed: what a mistyped fingerprint, or an impostor's certificate, gives. */
function otherDigits(display: string): string {
  return display.replace(/^(\d)/, (d) => String((Number(d) + 1) % 10));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function openConnectForm(page: Page, t: Translation): Promise<void> {
  await page.getByRole('button', { name: t.connection.serverAction }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.connection.connectTitle })).toBeVisible();
}

async function fillConnectForm(page: Page, t: Translation, url: string, digits: string): Promise<void> {
  await page.getByRole('textbox', { name: t.connection.url }).fill(url);
  await page.getByRole('textbox', { name: t.connection.fingerprint }).fill(digits);
}

for (const language of LANGUAGES) {
  test(`set-up: connect to the office server, wrong digits refused, right digits sign in over the server, then disconnect (${language})`, async ({
    page,
    bridge,
    invoke,
    office,
  }) => {
    test.setTimeout(120_000);
    const t = TRANSLATIONS[language];
    await invoke('prefs.set', { language });
    await page.setViewportSize(SMALL);
    await page.goto('/');

    // The choice.
    await expect(page.getByRole('heading', { level: 1, name: t.setup.title })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: t.connection.localTitle })).toBeVisible();
    await expectAccessible(page, 'set-up choice');
    expect(await untranslatedText(page, language)).toEqual([]);
    await shots(page, `${language}-choice`);
    await openConnectForm(page, t);
    await expectAccessible(page, 'connect form');
    await shots(page, `${language}-connect`);

    // A malformed address and too few digits are caught on the form, next to their fields.
    await fillConnectForm(page, t, 'http://', '12345 67890');
    await expect(page.getByTestId('fingerprint-count')).toHaveText(t.connection.digitsCount.replace('{{count}}', '10'));
    await page.getByRole('button', { name: t.connection.test }).click();
    await expect(page.getByText(t.errors.serverUrlInvalid)).toBeVisible();
    await expect(page.getByText(t.errors.serverFingerprintInvalid)).toBeVisible();

    // Wrong digits: refused at the handshake, nothing pinned, a warning that says to stop.
    await fillConnectForm(page, t, office.server.url, otherDigits(office.server.fingerprint.display));
    await page.getByRole('button', { name: t.connection.test }).click();
    const mismatch = page.getByTestId('connect-mismatch');
    await expect(mismatch).toBeVisible();
    await expect(mismatch).toContainText(t.connection.mismatchTitle);
    await expect(mismatch).toContainText(t.errors.serverFingerprintMismatch);
    expect(bridge.mode.connected).toBe(false);
    await expectAccessible(page, 'connect form, digits do not match');
    await shots(page, `${language}-mismatch`);

    // The right digits, typed with dashes and without the scheme, as people do.
    const typed = office.server.fingerprint.display.replace(/ /g, '-');
    await fillConnectForm(page, t, office.server.url.replace('https://', ''), typed);
    await expect(page.getByRole('textbox', { name: t.connection.fingerprint })).toHaveValue(office.server.fingerprint.display);
    await page.getByRole('button', { name: t.connection.test }).click();

    // No restart: the sign-in screen now signs in over the server.
    await expect(page.getByRole('heading', { level: 1, name: t.unlock.title })).toBeVisible();
    expect(bridge.mode.connected).toBe(true);
    await unlockInUi(page, ADMIN, t);
    const nav = page.getByRole('navigation', { name: t.shell.navigation });
    await expect(nav).toBeVisible();
    await nav.getByRole('button', { name: t.shell.persons, exact: true }).click();
    for (const caseCode of office.caseCodes) await expect(page.getByTestId(`person-row-${caseCode}`)).toBeVisible();
    // Nothing of the server's vault is on this desktop: its own vault folder was never created.
    expect((await bridge.core.router.call('app.status', {})).ok && bridge.core.vault.state()).toBe('setup');

    // Settings: the pinned address and fingerprint, and disconnecting.
    await nav.getByRole('button', { name: t.shell.settings, exact: true }).click();
    const section = page.getByTestId('server-connection-settings');
    await expect(section).toContainText(office.server.url);
    await expect(section.getByTestId('server-fingerprint')).toHaveText(office.server.fingerprint.display);
    await section.scrollIntoViewIfNeeded();
    await expectAccessible(page, 'settings, office server');
    await shots(page, `${language}-settings`);
    await section.getByRole('button', { name: t.connection.disconnect }).click();
    const dialog = page.getByRole('dialog', { name: t.connection.disconnectTitle });
    await expect(dialog).toBeVisible();
    await expectAccessible(page, 'disconnect dialog');
    await dialog.getByRole('button', { name: t.connection.disconnectConfirm }).click();
    await expect(page.getByRole('heading', { level: 2, name: t.connection.serverTitle })).toBeVisible();
    expect(bridge.mode.connected).toBe(false);
  });
}

test('a rotated certificate blocks the desktop until an administrator confirms the new digits', async ({ page, bridge, invoke, office }) => {
  test.setTimeout(120_000);
  const en = TRANSLATIONS.en;
  await page.goto('/');
  await openConnectForm(page, en);
  await fillConnectForm(page, en, office.server.url, office.server.fingerprint.display);
  await page.getByRole('button', { name: en.connection.test }).click();
  await unlockInUi(page, CORA, en);
  await expect(page.getByRole('navigation', { name: en.shell.navigation })).toBeVisible();
  const oldDigits = office.server.fingerprint.display;

  await office.rotate();
  const newDigits = office.server.fingerprint.display;
  expect(newDigits).not.toBe(oldDigits);
  // The next call (the status poll, or any click) is refused at the handshake: the blocking screen.
  await page.reload();
  const blocked = page.getByRole('heading', { level: 1, name: en.connection.changedTitle });
  await expect(blocked).toBeVisible();
  await expect(page.getByTestId('pinned-fingerprint')).toHaveText(oldDigits);
  await expect(page.getByTestId('certificate-changed')).toContainText(en.connection.changedWho);

  // Axe and screenshots of the blocking screen in the three languages.
  for (const language of LANGUAGES) {
    const t = TRANSLATIONS[language];
    await invoke('prefs.set', { language });
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: t.connection.changedTitle })).toBeVisible();
    await expectAccessible(page, `certificate changed (${language})`);
    expect(await untranslatedText(page, language)).toEqual([]);
    await shots(page, `${language}-certificate-changed`);
  }
  await invoke('prefs.set', { language: 'en' });
  await page.reload();
  await expect(blocked).toBeVisible();

  const newFingerprint = page.getByRole('textbox', { name: en.connection.newFingerprint });
  const username = page.getByRole('textbox', { name: en.connection.adminUsername });
  const password = page.getByRole('textbox', { name: en.connection.adminPassword });
  const confirm = page.getByRole('button', { name: en.connection.confirm });

  // A coordinator, with the right digits: refused, still blocked.
  await newFingerprint.fill(newDigits);
  await username.fill(CORA.username);
  await password.fill(CORA.password);
  await confirm.click();
  await expect(page.getByTestId('confirm-error')).toHaveText(en.errors.forbidden);
  await expect(password).toHaveValue('');
  await expect(blocked).toBeVisible();

  // The administrator, with digits that are not the server's: refused, still blocked.
  await newFingerprint.fill(otherDigits(newDigits));
  await username.fill(ADMIN.username);
  await password.fill(ADMIN.password);
  await confirm.click();
  await expect(page.getByTestId('confirm-error')).toHaveText(new RegExp(escapeRegExp(en.errors.serverFingerprintMismatch)));
  await expect(blocked).toBeVisible();

  // The administrator with the new digits: confirmed; everyone signs in again over the new certificate.
  await newFingerprint.fill(newDigits);
  await password.fill(ADMIN.password);
  await confirm.click();
  await expect(page.getByRole('heading', { level: 1, name: en.unlock.title })).toBeVisible();
  const status = await bridge.mode.status();
  expect(status).toMatchObject({ mode: 'server', fingerprint: newDigits, certificate: 'pinned' });
  await unlockInUi(page, CORA, en);
  const nav = page.getByRole('navigation', { name: en.shell.navigation });
  await nav.getByRole('button', { name: en.shell.persons, exact: true }).click();
  await expect(page.getByTestId(`person-row-${office.caseCodes[0]}`)).toBeVisible();
});

test.describe('the office server restarts while a form holds unsaved input', () => {
  test.use({ bridgeOptions: { retryForMs: 4000 } });

  test('the banner says since when, the input survives the restart and the sign-in, and is saved once', async ({ page, bridge, office }) => {
    test.setTimeout(120_000);
    const en = TRANSLATIONS.en;
    await bridge.mode.connect({ url: office.server.url, fingerprint: office.server.fingerprint.display });
    await page.goto('/');
    await unlockInUi(page, CORA, en);
    const nav = page.getByRole('navigation', { name: en.shell.navigation });
    await nav.getByRole('button', { name: en.shell.persons, exact: true }).click();
    await page.getByTestId(`person-row-${office.caseCodes[0]}`).click();
    await page.getByRole('button', { name: en.person.edit }).click();
    const familyName = page.getByRole('textbox', { name: en.personForm.familyName });
    await familyName.fill('Marchetti-Typed');

    await office.stop();
    await page.getByRole('button', { name: en.personForm.save }).click();
    const banner = page.getByTestId('server-unreachable');
    await expect(banner).toBeVisible();
    // The clock time in the user's format (en-GB, nl-BE and fr-BE all write 24-hour HH:MM).
    await expect(banner).toContainText(/^Cannot reach the office server since \d\d:\d\d; retrying\./);
    await expect(page.getByText(en.errors.serverUnreachable)).toBeVisible({ timeout: 10_000 });
    await expect(familyName).toHaveValue('Marchetti-Typed');

    // Back, but a restarted server knows no session: sign in again, over the kept form.
    await office.start();
    await expect(page.getByTestId('lock-reason')).toHaveText(en.unlock.lockedServerRestart, { timeout: 25_000 });
    await expect(banner).toHaveCount(0);
    await expect(familyName).toBeHidden();
    await unlockInUi(page, CORA, en);
    await expect(familyName).toBeVisible();
    await expect(familyName).toHaveValue('Marchetti-Typed');
    await page.getByRole('button', { name: en.personForm.save }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Marchetti-Typed, Ilse' })).toBeVisible();

    // Saved once: one update on top of the record as created (version 1 -> 2).
    const list = await bridge.mode.call('persons.list', { search: 'Marchetti-Typed' });
    expect(list.ok).toBe(true);
    const item = (list.ok ? (list.value as { items: { id: string }[] }).items : [])[0];
    const detail = await bridge.mode.call('persons.get', { id: item?.id });
    expect(detail.ok && (detail.value as { person: { version: number; familyName: string } }).person).toMatchObject({ version: 2, familyName: 'Marchetti-Typed' });
  });

  test('another user signing in after the restart does not get the kept form', async ({ page, bridge, office }) => {
    test.setTimeout(120_000);
    const en = TRANSLATIONS.en;
    await bridge.mode.connect({ url: office.server.url, fingerprint: office.server.fingerprint.display });
    await page.goto('/');
    await unlockInUi(page, CORA, en);
    const nav = page.getByRole('navigation', { name: en.shell.navigation });
    await nav.getByRole('button', { name: en.shell.persons, exact: true }).click();
    await page.getByTestId(`person-row-${office.caseCodes[0]}`).click();
    await page.getByRole('button', { name: en.person.edit }).click();
    const familyName = page.getByRole('textbox', { name: en.personForm.familyName });
    await familyName.fill('Marchetti-Cora-Only');

    await office.stop();
    await page.getByRole('button', { name: en.personForm.save }).click();
    await expect(page.getByTestId('server-unreachable')).toBeVisible();
    // Back while the save still retries: the retried save meets a server that knows no session.
    await office.start();
    await expect(page.getByTestId('lock-reason')).toHaveText(en.unlock.lockedServerRestart, { timeout: 25_000 });
    await unlockInUi(page, ADMIN, en);
    await expect(page.getByRole('navigation', { name: en.shell.navigation })).toBeVisible();
    await expect(familyName).toHaveCount(0);
    await expect(page.getByText('Marchetti-Cora-Only')).toHaveCount(0);
  });
});

test('an open dialog waits behind the sign-in after a server restart too, and comes back to the same user', async ({ page, bridge, office }) => {
  test.setTimeout(120_000);
  const en = TRANSLATIONS.en;
  await bridge.mode.connect({ url: office.server.url, fingerprint: office.server.fingerprint.display });
  await page.goto('/');
  await unlockInUi(page, CORA, en);
  await page.getByRole('button', { name: en.reminders.newTask }).click();
  const dialog = page.getByRole('dialog', { name: en.reminders.task.newTitle });
  await expect(dialog).toBeVisible();
  const what = dialog.getByRole('textbox', { name: en.reminders.task.title });
  await what.fill('Call the lawyer back');

  await office.stop();
  await office.start();
  // The next status poll finds the session gone (it sees the outage first, then the new server).
  await expect(page.getByTestId('lock-reason')).toHaveText(en.unlock.lockedServerRestart, { timeout: 25_000 });
  // The dialog renders outside the shell (a portal): hidden with it, nothing of it on the sign-in screen.
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Call the lawyer back')).toBeHidden();
  await unlockInUi(page, CORA, en);
  await expect(dialog).toBeVisible();
  await expect(what).toHaveValue('Call the lawyer back');
});
