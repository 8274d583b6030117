import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, chromiumForTests } from './scripts/chromium.mjs';

// Playwright cannot download its own browser here: CHROMIUM_PATH, a system Chromium, else the one npm brings.
const browser = chromiumForTests();

export default defineConfig({
  testDir: 'e2e',
  // Builds dist/ once; the specs start the product (stand-in + app server) per test in e2e/fixtures.ts.
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  expect: { timeout: 7_000 },
  use: {
    ...devices['Desktop Chrome'],
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: browser.executablePath,
      env: { ...process.env, ...browser.env },
      args: [...chromiumArgs],
    },
  },
  projects: [{ name: 'chromium' }],
});
