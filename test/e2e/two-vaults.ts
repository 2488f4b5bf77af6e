/**
 * A second organisation beside the default fixtures' one, for tests where two vaults talk to each other
 * (a handover from a Belgian centre to a Luxembourg service): `partnerBridge` is a second test bridge
 * with its own fresh vault, `partnerPage` a page in its own browser context with `window.passerelle`
 * pointing at that bridge, held to the same rule as `page` (no console errors, no page errors).
 */
import type { Page } from '@playwright/test';
import type { Channel, In, Out } from '../../shared/ipc/contract';
import { installPasserelleApi } from './bridge/page-api';
import { PAGE_API_OPTIONS, startBridge, type Bridge } from './bridge/server';
import { expect, test as base } from './fixtures';

interface PartnerFixtures {
  partnerBridge: Bridge;
  partnerPage: Page;
  partnerInvoke: <C extends Channel>(channel: C, input: In<C>) => Promise<Out<C>>;
}

export const test = base.extend<PartnerFixtures>({
  partnerBridge: async ({ bridgeOptions }, use) => {
    const bridge = await startBridge(bridgeOptions);
    await use(bridge);
    await bridge.close();
  },

  partnerPage: async ({ browser, partnerBridge, allowPageErrors }, use, testInfo) => {
    const { viewport, locale, timezoneId } = testInfo.project.use;
    const context = await browser.newContext({ baseURL: partnerBridge.url, viewport, locale, timezoneId, acceptDownloads: true });
    await context.addInitScript(installPasserelleApi, PAGE_API_OPTIONS);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()} (${message.location().url})`);
    });
    await use(page);
    await context.close();
    if (!allowPageErrors && testInfo.status === 'passed') expect(problems, 'the partner page logged errors').toEqual([]);
  },

  partnerInvoke: async ({ partnerBridge }, use) => {
    await use(async (channel, input) => {
      const result = await partnerBridge.core.router.call(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
      return result.value as Out<typeof channel>;
    });
  },
});

export { expect };
