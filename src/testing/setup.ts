import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { mswServer } from './msw-server';

/**
 * The leak check, on in CI (`CI=true`) or with `LEAK_CHECK=1`: after each file the page's globals are taken away for
 * this long, as the end of the file does, so a timer or listener left behind that still reads them throws (an
 * "unhandled error", which fails the run) every time, not only when it happens to fire after the file's environment
 * is gone; such a leak once failed CI at random. It covers the page's own deferred work (the idle preloads wait 1 s
 * where there is no requestIdleCallback) and costs about 1.5 s a file, so a local `npm test` skips it.
 */
const HIDE_PAGE_MS = process.env.CI || process.env.LEAK_CHECK ? 1_500 : 0;

// The machine is shared: give async queries room under load (they return as soon as they match).
configure({ asyncUtilTimeout: 4_000 });

beforeAll(() => mswServer.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  mswServer.resetHandlers();
  sessionStorage.clear();
});
afterAll(async () => {
  mswServer.close();
  // The last unmount leaves work for the next turns (React's scheduler, Radix returning focus): let it run while the
  // page still has its window, not after the file's environment is gone.
  await new Promise((resolve) => setTimeout(resolve, 20));
  if (HIDE_PAGE_MS > 0) await hideThePage(HIDE_PAGE_MS);
}, HIDE_PAGE_MS + 5_000);

async function hideThePage(ms: number) {
  const page = { window: globalThis.window, document: globalThis.document, sessionStorage: globalThis.sessionStorage };
  for (const name of Object.keys(page)) Reflect.deleteProperty(globalThis, name);
  try {
    await new Promise((resolve) => setTimeout(resolve, ms));
  } finally {
    Object.assign(globalThis, page);
  }
}
