// The Chromium that screenshot scripts and benchmarks launch by hand: the same one, with the same flags and fonts,
// as the Playwright tests (scripts/chromium.mjs chooses it).
import { chromium, type Browser } from '@playwright/test';
import { chromiumArgs, chromiumForTests } from '../../scripts/chromium.mjs';

const choice = chromiumForTests();

/** Path of the browser, for reports (e.g. `chromium --version` in the benchmark's machine line). */
export const testChromiumPath = choice.executablePath;

export function launchTestChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: choice.executablePath,
    env: { ...process.env, ...choice.env },
    args: [...chromiumArgs],
  });
}
