/**
 * Playwright fixtures for the end-to-end tests. Every test gets:
 *
 *   bridge     a fresh test bridge (test/e2e/bridge/server.ts): its own temp vault folder, the real
 *              core and router, serving out/renderer on 127.0.0.1:<random port>. Closed after the test.
 *   baseURL    the bridge's URL, so `page.goto('/')` opens the app.
 *   page       with `window.passerelle` injected before any script of the app runs, and a guard
 *              that fails the test on an uncaught page error or a console error (CSP violations,
 *              React errors, failed requests all land there).
 *   seedVault  creates a vault through the router (as the set-up wizard would), adds users,
 *              and locks it again, for tests that do not walk through set-up.
 *   snap       saves a full-page screenshot to $E2E_SCREENSHOTS/<test>-<name>.png when that
 *              variable is set (to look at the UI during development); does nothing otherwise.
 *
 * Options: `bridgeOptions` (test.use({ bridgeOptions: { clock } })) and `allowPageErrors`.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import type { Language, Role } from '../../shared/domain';
import { en, type Translation } from '../../shared/i18n/en';
import { fr } from '../../shared/i18n/fr';
import { nl } from '../../shared/i18n/nl';
import type { Channel, In, Out } from '../../shared/ipc/contract';
import { installPasserelleApi } from './bridge/page-api';
import { PAGE_API_OPTIONS, startBridge, type Bridge, type BridgeOptions } from './bridge/server';

export interface SeedUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
}

export interface SeedInput {
  organisationName?: string;
  country?: 'BE' | 'NL' | 'LU';
  admin?: Omit<SeedUser, 'role'>;
  users?: SeedUser[];
}

export const ADMIN = { username: 'anna.admin', displayName: 'Anna Admin', password: 'correct horse battery staple' } as const;
export const ORGANISATION = { organisationName: 'Maison Passerelle', country: 'BE' } as const;

interface Fixtures {
  bridgeOptions: BridgeOptions;
  allowPageErrors: boolean;
  bridge: Bridge;
  invoke: <C extends Channel>(channel: C, input: In<C>) => Promise<Out<C>>;
  seedVault: (input?: SeedInput) => Promise<{ recoveryKey: string }>;
  snap: (name: string) => Promise<void>;
}

export const TRANSLATIONS: Record<Language, Translation> = { en, nl, fr };

/** Signs in on the unlock screen, in whatever language it is shown. */
export async function unlockInUi(page: Page, user: { username: string; password: string }, t: Translation = en): Promise<void> {
  await page.getByRole('textbox', { name: t.unlock.username, exact: true }).fill(user.username);
  await page.getByRole('textbox', { name: t.unlock.password, exact: true }).fill(user.password);
  await page.getByRole('button', { name: t.unlock.submit, exact: true }).click();
}

function flatten(tree: object, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]): [string, string][] =>
    typeof value === 'string' ? [[prefix + key, value]] : flatten(value as object, `${prefix}${key}.`),
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Sentences of another language on screen while `language` is chosen: for every key whose text in
 * another language differs from this language's, that text found in the page's visible text
 * (templates match with any value in their {{placeholders}}). Short texts, which languages may
 * share ("Status", "Audit"), are left out.
 */
export async function untranslatedText(page: Page, language: Language): Promise<string[]> {
  const own = new Map(flatten(TRANSLATIONS[language]));
  const text = await page.locator('body').innerText();
  const found: string[] = [];
  for (const other of Object.keys(TRANSLATIONS) as Language[]) {
    if (other === language) continue;
    for (const [key, value] of flatten(TRANSLATIONS[other])) {
      if (own.get(key) === value) continue;
      const fixed = value.replace(/\{\{\s*\w+\s*\}\}/g, '');
      if (fixed.trim().length < 12) continue;
      const pattern = new RegExp(value.split(/\{\{\s*\w+\s*\}\}/).map(escapeRegExp).join('.+?'));
      if (pattern.test(text)) found.push(`${other} ${key}: ${value}`);
    }
  }
  return found;
}

export const test = base.extend<Fixtures>({
  bridgeOptions: [{}, { option: true }],
  allowPageErrors: [false, { option: true }],

  bridge: async ({ bridgeOptions }, use) => {
    const bridge = await startBridge(bridgeOptions);
    await use(bridge);
    await bridge.close();
  },

  baseURL: async ({ bridge }, use) => {
    await use(bridge.url);
  },

  context: async ({ context }, use) => {
    await context.addInitScript(installPasserelleApi, PAGE_API_OPTIONS);
    await use(context);
  },

  page: async ({ page, allowPageErrors }, use, testInfo) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()} (${message.location().url})`);
    });
    await use(page);
    if (!allowPageErrors && testInfo.status === 'passed') {
      expect(problems, 'the page logged errors').toEqual([]);
    }
  },

  invoke: async ({ bridge }, use) => {
    await use(async (channel, input) => {
      const result = await bridge.core.router.call(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
      return result.value as Out<typeof channel>;
    });
  },

  seedVault: async ({ invoke }, use) => {
    await use(async (input = {}) => {
      const admin = input.admin ?? ADMIN;
      // vault.setup leaves the first admin signed in, as after the wizard.
      const { recoveryKey } = await invoke('vault.setup', {
        organisationName: input.organisationName ?? ORGANISATION.organisationName,
        country: input.country ?? ORGANISATION.country,
        admin,
      });
      for (const user of input.users ?? []) await invoke('users.add', user);
      await invoke('session.lock', {});
      return { recoveryKey };
    });
  },

  snap: async ({ page }, use, testInfo) => {
    const dir = process.env.E2E_SCREENSHOTS;
    const slug = testInfo.titlePath.slice(1).join('-').replace(/[^a-z0-9]+/gi, '-').toLowerCase();
    if (dir) mkdirSync(dir, { recursive: true });
    await use(async (name) => {
      if (!dir) return;
      await page.screenshot({ path: join(dir, `${slug}-${name}.png`), fullPage: true });
    });
  },
});

export { expect };
