// The product with a fault-injecting hop in front of its stand-in: page → app server → fault upstream → stand-in.
// The app server gives up after APP_TIMEOUT_MS, so a `slow` upstream turns into a timeout within a test.
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { startAppServer, type RunningAppServer } from '../../server/app/app-server';
import { test as base } from '../fixtures';
import { startFaultUpstream, type FaultUpstream } from './fault-upstream';

export const APP_TIMEOUT_MS = 1500;
export const distDir = fileURLToPath(new URL('../../dist', import.meta.url));

export interface FaultyProduct {
  /** The app server in front of the fault hop. */
  url: string;
  upstream: FaultUpstream;
  app: RunningAppServer;
}

export const test = base.extend<{ faulty: FaultyProduct }>({
  faulty: async ({ product }, use) => {
    const upstream = await startFaultUpstream(product.standin.url);
    const app = await startAppServer({
      mode: 'standin',
      upstreamUrl: upstream.url,
      serverToken: product.standin.operatorToken,
      org: product.standin.orgName,
      staticDir: distDir,
      timeoutMs: APP_TIMEOUT_MS,
      shutdownGraceMs: 500,
    });
    try {
      await use({ url: app.url, upstream, app });
    } finally {
      await app.close();
      await upstream.close();
    }
  },
});

export { expect, rowOf } from '../fixtures';

/** Counts the requests the page itself sends with this method to paths starting with `pathPrefix`. */
export function countPageRequests(page: Page, method: string, pathPrefix: string): { readonly count: number } {
  let count = 0;
  page.on('request', (request) => {
    if (request.method() === method && new URL(request.url()).pathname.startsWith(pathPrefix)) count++;
  });
  return {
    get count() {
      return count;
    },
  };
}
