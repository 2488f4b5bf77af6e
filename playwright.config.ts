/**
 * End-to-end tests: the real renderer (out/renderer, built by `electron-vite build`) in Debian's
 * Chromium, talking to the real router, services and encrypted vault through the loopback test
 * bridge (test/e2e/bridge/server.ts). Electron's own binary cannot be downloaded here or in CI,
 * so only the transport differs from the app. Never run `playwright install`: the browser is
 * the system's /usr/bin/chromium (apt package `chromium`), or $PASSERELLE_CHROMIUM.
 */
import { defineConfig } from '@playwright/test';

const chromium = process.env.PASSERELLE_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    headless: true,
    browserName: 'chromium',
    // The size of the app's window (electron/main), and a fixed language and time zone, so
    // screens and dates do not depend on the machine running the tests.
    viewport: { width: 1280, height: 820 },
    locale: 'en-GB',
    timezoneId: 'Europe/Brussels',
    trace: 'off',
    video: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
      ],
    },
  },
});
