// The views every screenshot script takes its pictures in (light, dark, 420 px wide), and a browser context for one.
import type { Browser, BrowserContext } from '@playwright/test';

export interface ScreenshotView {
  /** The end of the picture's file name. */
  suffix: string;
  width: number;
  height: number;
  dark: boolean;
}

export const SCREENSHOT_VIEWS: readonly ScreenshotView[] = [
  { suffix: 'light', width: 1280, height: 800, dark: false },
  { suffix: 'dark', width: 1280, height: 800, dark: true },
  { suffix: 'narrow-420', width: 420, height: 860, dark: false },
];

/** The view's size and colour scheme, with reduced motion so that no picture catches an animation half-way. */
export function viewContext(
  browser: Browser,
  view: Pick<ScreenshotView, 'width' | 'height' | 'dark'>,
): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: view.width, height: view.height },
    colorScheme: view.dark ? 'dark' : 'light',
    reducedMotion: 'reduce',
  });
}
