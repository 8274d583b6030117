// The page in Chromium at a given token count: navigation to first row, filter keystroke to painted list,
// frame times while scrolling the whole list, the Active switch (painted, and confirmed by the server), JS heap.
// Times are taken inside the page (event timestamps, rAF, resource timing), so Playwright's own latency is not in them.
import { rmSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { launchTestChromium, testChromiumPath } from '../e2e/support/test-browser';
import { startProduct, type RunningProduct } from '../server/app/start';
import { createInfluxClient } from '../core/influx-client';
import { seededDataDir } from './standin-bench';
import { summarize } from './stats';

export const chromiumPath = testChromiumPath;

export interface PageFigures {
  tokens: number;
  firstRowMs: number;
  keystroke: ReturnType<typeof summarize>;
  scroll: { frames: number; p95Ms: number; maxMs: number; dropped: number };
  /** The same number of animation frames on the same page with nothing happening: the browser's own floor. */
  idleFrames: { p95Ms: number; dropped: number };
  activeSwitch: { paintedMs: number; confirmedMs: number };
  heapMiB: number;
  /** A refetch on window focus: main-thread long tasks while the whole list is downloaded and compared again. */
  refetch: RefetchFigures;
}

/** Main-thread long tasks (over 50 ms, PerformanceObserver 'longtask') during one focus refetch. */
export interface LongTasks {
  longestMs: number;
  totalMs: number;
  count: number;
}

export interface RefetchFigures {
  /** Nothing changed on the server: from the focus event until 3 s after the answer arrived (room to parse and compare it). */
  unchanged: LongTasks & { windowMs: number };
  /** One token's status changed elsewhere: from the focus event until its row shows the new status. */
  changed: LongTasks & { shownMs: number };
}

const FRAME_MS = 1000 / 60;

/** `staticDir` serves another build (e.g. an older commit's dist/) for a before/after comparison. */
export async function benchPage(
  tokens: number,
  options: { keystrokes: number; scrollFrames: number; staticDir?: string },
): Promise<PageFigures> {
  return withPage(tokens, options.staticDir, async (page, product) => {
    const firstRowMs = await firstRow(page, `${product.url}/tokens`);
    const keystroke = await keystrokes(page, options.keystrokes);
    const idleFrames = await idle(page, options.scrollFrames);
    const scroll = await scrollWholeList(page, options.scrollFrames);
    const heapMiB = await heap(page);
    const refetch = await refetchOnFocus(page, product);
    const activeSwitch = await toggleActive(page, product.url);
    return { tokens, firstRowMs, keystroke, scroll, idleFrames, activeSwitch, heapMiB, refetch };
  });
}

/**
 * A fresh product on a data dir seeded with `tokens` tokens and a 1280x800 Chromium page, not yet navigated, for
 * `measure`; all of it is closed and removed afterwards, whether `measure` succeeds or throws.
 */
async function withPage<T>(
  tokens: number,
  staticDir: string | undefined,
  measure: (page: Page, product: RunningProduct) => Promise<T>,
): Promise<T> {
  const dataDir = seededDataDir(tokens);
  const product = await startProduct({ dataDir, staticDir });
  const browser = await launchTestChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const figures = await measure(page, product);
    await context.close();
    return figures;
  } finally {
    await browser.close();
    await product.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Milliseconds from navigation start until a token row is in the DOM and a frame has been produced after it. */
export async function firstRow(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  // Not an async predicate: its promise would be truthy at once, and the wait would end before any row exists.
  const handle = await page.waitForFunction(
    () =>
      document.querySelector('[data-open-token]')
        ? new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())))
        : 0,
    undefined,
    { polling: 'raf', timeout: 120_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** Types a digit then Backspace, over and over; each keystroke timed from keydown to the frame after the list changed. */
async function keystrokes(page: Page, count: number): Promise<ReturnType<typeof summarize>> {
  const filter = page.getByRole('searchbox', { name: 'Filter tokens' });
  await filter.click();
  await page.evaluate(() => {
    const w = window as unknown as { __bench: { downAt: number; samples: number[]; pending: boolean } };
    w.__bench = { downAt: 0, samples: [], pending: false };
    const table = document.querySelector('[role="table"]') ?? document.body;
    document.addEventListener(
      'keydown',
      (event) => {
        w.__bench.downAt = event.timeStamp;
        w.__bench.pending = true;
      },
      true,
    );
    new MutationObserver(() => {
      if (!w.__bench.pending) return;
      w.__bench.pending = false;
      const downAt = w.__bench.downAt;
      requestAnimationFrame(() => w.__bench.samples.push(performance.now() - downAt));
    }).observe(document.querySelector('main') ?? table, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  });
  for (let i = 0; i < count; i++) {
    const before = await page.evaluate(
      () => (window as unknown as { __bench: { samples: number[] } }).__bench.samples.length,
    );
    await page.keyboard.press(i % 2 === 0 ? String((i / 2) % 10) : 'Backspace');
    await page
      .waitForFunction(
        (n) => (window as unknown as { __bench: { samples: number[] } }).__bench.samples.length > n,
        before,
        {
          polling: 'raf',
          timeout: 30_000,
        },
      )
      .catch(() => undefined);
  }
  const samples = await page.evaluate(() => (window as unknown as { __bench: { samples: number[] } }).__bench.samples);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  return summarize(samples);
}

function frameStats(deltas: number[]) {
  const stats = summarize(deltas);
  const dropped = deltas.reduce((sum, d) => sum + Math.max(0, Math.round(d / FRAME_MS) - 1), 0);
  return { frames: deltas.length, p95Ms: stats.p95, maxMs: stats.max, dropped };
}

/**
 * A step counted in animation frames, which a page that stops producing frames (hidden, crashed, hung) would wait for
 * forever: it fails after `ms` saying which step, and the bench ends instead of hanging.
 */
async function withinMs<T>(ms: number, step: string, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${step}: no end after ${ms / 1000} s (the page stopped producing frames)`)),
      ms,
    );
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Up to a second per expected frame: ten times the slowest frame seen here, far beyond any real run. */
const frameStepMs = (frames: number) => 30_000 + frames * 1_000;

/** Frame intervals with nothing to do, measured the same way as the scroll: the baseline it is read against. */
async function idle(page: Page, frames: number) {
  await page.waitForTimeout(300);
  const deltas = await withinMs(
    frameStepMs(frames),
    'idle frames',
    page.evaluate(async (count) => {
      const out: number[] = [];
      let last = await new Promise<number>((r) => requestAnimationFrame(r));
      for (let i = 0; i < count; i++) {
        const now = await new Promise<number>((r) => requestAnimationFrame(r));
        out.push(now - last);
        last = now;
      }
      return out;
    }, frames),
  );
  const { p95Ms, dropped } = frameStats(deltas);
  return { p95Ms, dropped };
}

/** Scrolls the window from top to bottom in `frames` equal steps, one per animation frame, recording frame intervals. */
async function scrollWholeList(page: Page, frames: number) {
  await page.waitForTimeout(300);
  const deltas = await withinMs(
    frameStepMs(frames),
    'scrolling the whole list',
    page.evaluate(async (steps) => {
      window.scrollTo(0, 0);
      const total = document.documentElement.scrollHeight - window.innerHeight;
      const step = Math.max(1, total / steps);
      const out: number[] = [];
      let last = await new Promise<number>((r) => requestAnimationFrame(r));
      for (let y = step; y <= total + step; y += step) {
        window.scrollTo(0, Math.min(y, total));
        const now = await new Promise<number>((r) => requestAnimationFrame(r));
        out.push(now - last);
        last = now;
      }
      window.scrollTo(0, 0);
      return out;
    }, frames),
  );
  return frameStats(deltas);
}

async function heap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
  return used / 2 ** 20;
}

/**
 * Opens the first token's drawer that is not the page's own (switching that one off asks first) and clicks "Active":
 * time to the switch painted in its new state, and to the PATCH answer. A question or an error instead ends the run
 * with what the page shows, not a bare timeout.
 */
async function toggleActive(page: Page, baseUrl: string) {
  const first = page
    .getByRole('row')
    .filter({ has: page.locator('[data-open-token]'), hasNot: page.locator('.own-token-badge') })
    .first()
    .locator('[data-open-token]');
  const id = await first.getAttribute('data-open-token');
  await page.goto(`${baseUrl}/tokens/${id}`);
  const toggle = page.getByRole('switch', { name: 'Active' });
  await toggle.waitFor();
  await page.evaluate(() => {
    const w = window as unknown as { __toggle: { clickAt: number; painted: number; confirmed: number } };
    w.__toggle = { clickAt: 0, painted: 0, confirmed: 0 };
    document.addEventListener('click', (event) => (w.__toggle.clickAt = event.timeStamp), true);
    // Watched on the whole document: the drawer may re-render its switch as an element of its own.
    new MutationObserver((records) => {
      if (w.__toggle.painted || !w.__toggle.clickAt) return;
      if (!records.some((r) => (r.target as Element).getAttribute('role') === 'switch')) return;
      requestAnimationFrame(() => (w.__toggle.painted = performance.now()));
    }).observe(document.body, { attributes: true, attributeFilter: ['aria-checked'], subtree: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as PerformanceResourceTiming[]) {
        if (
          entry.name.includes('/api/v2/authorizations/') &&
          entry.initiatorType === 'fetch' &&
          entry.startTime >= w.__toggle.clickAt &&
          !w.__toggle.confirmed
        ) {
          w.__toggle.confirmed = entry.responseEnd;
        }
      }
    }).observe({ type: 'resource', buffered: false });
  });
  await toggle.click();
  const handle = await page
    .waitForFunction(
      () => {
        const t = (window as unknown as { __toggle: { clickAt: number; painted: number; confirmed: number } }).__toggle;
        return t.painted && t.confirmed ? t : false;
      },
      undefined,
      { polling: 'raf', timeout: 30_000 },
    )
    .catch(async (error: Error) => {
      const seen = await page.evaluate(() => ({
        toggle: (window as unknown as { __toggle: unknown }).__toggle,
        switches: [...document.querySelectorAll('[role="switch"]')].map((el) => el.getAttribute('aria-checked')),
        dialogs: [...document.querySelectorAll('[role="dialog"], [role="alertdialog"], [role="alert"]')].map((el) =>
          (el.textContent ?? '').slice(0, 200),
        ),
      }));
      throw new Error(`toggleActive: ${error.message}; the page showed ${JSON.stringify(seen)}`);
    });
  const t = (await handle.jsonValue()) as { clickAt: number; painted: number; confirmed: number };
  return { paintedMs: t.painted - t.clickAt, confirmedMs: t.confirmed - t.clickAt };
}

type LongTaskWindow = Window & { __longTasks?: { startTime: number; duration: number }[] };

/** Runs in the page (as an init script or evaluated): collects main-thread long tasks into window.__longTasks, once. */
function collectLongTasks() {
  const w = window as LongTaskWindow;
  if (w.__longTasks) return;
  const tasks: { startTime: number; duration: number }[] = [];
  w.__longTasks = tasks;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push({ startTime: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
}

async function longTasksBetween(page: Page, from: number, to = Infinity): Promise<LongTasks> {
  const durations = await page.evaluate(
    ([start, end]) =>
      ((window as LongTaskWindow).__longTasks ?? [])
        .filter((t) => t.startTime >= start && t.startTime < end)
        .map((t) => t.duration),
    [from, to] as const,
  );
  return {
    longestMs: durations.length ? Math.max(...durations) : 0,
    totalMs: durations.reduce((a, b) => a + b, 0),
    count: durations.length,
  };
}

/** What TanStack Query's focus manager listens to when the person comes back to the tab. */
async function dispatchFocus(page: Page): Promise<number> {
  return page.evaluate(() => {
    const at = performance.now();
    window.dispatchEvent(new Event('visibilitychange'));
    return at;
  });
}

const isListRequest = (url: string) => url.includes('/api/v2/authorizations?');

/**
 * Two window-focus refetches of the whole list: one with nothing changed on the server, one after a token's
 * status was flipped directly on the stand-in (its row must show it). The list is stale 5 s after an answer, so each waits longer.
 */
async function refetchOnFocus(page: Page, product: RunningProduct): Promise<RefetchFigures> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.evaluate(collectLongTasks);

  await page.waitForTimeout(5_500);
  const answered = page.waitForResponse((r) => isListRequest(r.url()), { timeout: 120_000 });
  const focusAt = await dispatchFocus(page);
  await (await answered).finished();
  // Parsing and comparing may still follow the download (on either thread): leave room for all of it.
  await page.waitForTimeout(3_000);
  const endAt = await page.evaluate(() => performance.now());
  const unchanged = { ...(await longTasksBetween(page, focusAt)), windowMs: endAt - focusAt };

  const id = await page.locator('[data-open-token]').first().getAttribute('data-open-token');
  if (!id) throw new Error('No token row to change for the refetch scenario');
  const influx = createInfluxClient({ baseUrl: product.standin.url, token: product.standin.operatorToken });
  const before = await influx.getAuthorization(id);
  const status = before.status === 'active' ? 'inactive' : 'active';
  // Stale 5 s after the answer was handled, which may be a while after the download ended.
  await page.waitForTimeout(6_000);
  await influx.updateAuthorization(id, { status });
  const shownAt = dispatchFocus(page);
  const handle = await page.waitForFunction(
    ({ tokenId, text }) => {
      const badge = document
        .querySelector(`[data-open-token="${tokenId}"]`)
        ?.closest('[role="row"]')
        ?.querySelector('.status-badge');
      return badge?.textContent === text
        ? new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())))
        : 0;
    },
    { tokenId: id, text: status === 'active' ? 'Active' : 'Inactive' },
    { polling: 'raf', timeout: 120_000 },
  );
  const focus2At = await shownAt;
  const shownMs = ((await handle.jsonValue()) as number) - focus2At;
  await page.waitForTimeout(500);
  const changed = { ...(await longTasksBetween(page, focus2At)), shownMs };
  return { unchanged, changed };
}

/** Keystrokes as the browser's Event Timing (the INP measure) reports them, and fast wheel flings over the list. */
export interface UiFigures {
  tokens: number;
  /** One sample per keystroke: the longest Event Timing entry of its interaction (keydown to the next paint). */
  keystroke: ReturnType<typeof summarize> & { underThreshold: number };
  /** Frame intervals while the list is flung with fast wheel turns, down then up. */
  fling: { frames: number; p95Ms: number; maxMs: number; dropped: number };
  /**
   * The same fling over a plain page holding the same rows: the list's rendered HTML and CSS copied into a static
   * page with STATIC_ROWS rows in normal flow, no script, nothing mounted while it moves. What the browser itself
   * needs to scroll this content on this machine: the floor the list's fling is read against.
   */
  flingFloor: { frames: number; p95Ms: number; maxMs: number; dropped: number };
}

/** The words typed letter by letter, then erased: each narrows the list, then Backspace widens it again. */
const TYPED_WORDS = ['grafana', 'web-4', 'backup', 'token'];
/** A quick typist: one key every 120 ms (Playwright sends keydown, keypress/input, keyup). */
const KEY_GAP_MS = 120;
/** The smallest threshold Event Timing allows: faster interactions are not reported, and count as 16 ms here. */
const EVENT_THRESHOLD_MS = 16;

/** Keystroke Event Timing and fling frames on a page of `tokens` tokens; `staticDir` serves another build. */
export async function benchUi(
  tokens: number,
  options: { flingWheels: number; staticDir?: string },
): Promise<UiFigures> {
  return withPage(tokens, options.staticDir, async (page, product) => {
    await firstRow(page, `${product.url}/tokens`);
    // Let the first load settle (the worker's answer, the list's first full render).
    await page.waitForTimeout(2_000);
    const keystroke = await keystrokeEventTiming(page);
    await page.waitForTimeout(1_000);
    const fling = await flingList(page, options.flingWheels);
    const floorPage = await staticCopy(page);
    const flingFloor = await flingList(floorPage, options.flingWheels);
    return { tokens, keystroke, fling, flingFloor };
  });
}

type EventWindow = Window & { __events?: Map<number, number> };

async function keystrokeEventTiming(page: Page) {
  const filter = page.getByRole('searchbox', { name: 'Filter tokens' });
  await filter.click();
  await filter.fill('');
  await page.waitForTimeout(500);
  await page.evaluate((threshold) => {
    const w = window as EventWindow;
    const byInteraction = new Map<number, number>();
    w.__events = byInteraction;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEventTiming & { interactionId?: number })[]) {
        if (!entry.interactionId || !entry.name.startsWith('key')) continue;
        byInteraction.set(entry.interactionId, Math.max(byInteraction.get(entry.interactionId) ?? 0, entry.duration));
      }
    }).observe({ type: 'event', durationThreshold: threshold } as PerformanceObserverInit);
  }, EVENT_THRESHOLD_MS);
  let pressed = 0;
  for (const word of TYPED_WORDS) {
    for (const key of [...word, ...[...word].map(() => 'Backspace')]) {
      await page.keyboard.press(key);
      pressed++;
      await page.waitForTimeout(KEY_GAP_MS);
    }
    await page.waitForTimeout(500);
  }
  // Entries are delivered after the next paint: give the last ones time to arrive.
  await page.waitForTimeout(1_000);
  const reported = await page.evaluate(() => [
    ...((window as EventWindow).__events ?? new Map<number, number>()).values(),
  ]);
  const underThreshold = Math.max(0, pressed - reported.length);
  const samples = [...reported, ...Array.from({ length: underThreshold }, () => EVENT_THRESHOLD_MS)];
  return { ...summarize(samples), underThreshold };
}

/** Pixels a wheel event moves the list in a fling: about 12 rows, 60 times a second. */
const FLING_PX = 600;

/** Fast wheel turns (one every 16 ms, FLING_PX each) down the list and back up, sent without waiting for the page. */
async function flingList(page: Page, wheels: number) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.mouse.move(640, 500);
  await page.waitForTimeout(300);
  // A string, not a function: the bundler's name helper (__name) does not exist in the page.
  await page.evaluate(`(() => {
    const state = { deltas: [], stop: false };
    window.__frames = state;
    let last = 0;
    function tick(now) {
      state.deltas.push(now - last);
      last = now;
      if (!state.stop) requestAnimationFrame(tick);
    }
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(tick);
    });
  })()`);
  const cdp = await page.context().newCDPSession(page);
  const sent: Promise<unknown>[] = [];
  for (let i = 0; i < wheels; i++) {
    const deltaY = i < wheels / 2 ? FLING_PX : -FLING_PX;
    sent.push(cdp.send('Input.dispatchMouseEvent', { type: 'mouseWheel', x: 640, y: 500, deltaX: 0, deltaY }));
    await new Promise((r) => setTimeout(r, 16));
  }
  await Promise.all(sent);
  await page.waitForTimeout(500);
  await cdp.detach();
  const deltas = await page.evaluate(() => {
    const state = (window as Window & { __frames?: { deltas: number[]; stop: boolean } }).__frames!;
    state.stop = true;
    return state.deltas;
  });
  return frameStats(deltas);
}

/** Rows in the static copy: more than a fling of 120 wheel turns passes (FLING_PX / 52 px a row, half of them down). */
const STATIC_ROWS = 1_000;

/**
 * A new page with the list as plain HTML: the rows on screen cloned to STATIC_ROWS in normal flow (each after the
 * last, as a server-rendered table would be), the page's stylesheets inlined, every script removed.
 */
async function staticCopy(page: Page): Promise<Page> {
  const html = await page.evaluate((count) => {
    const body = document.querySelector<HTMLElement>('.tokens-table__body')!;
    const rows = [...body.querySelectorAll<HTMLElement>(':scope > [role="row"]')];
    const copies: string[] = [];
    for (let i = 0; i < count; i++) {
      const row = rows[i % rows.length]!.cloneNode(true) as HTMLElement;
      row.style.transform = '';
      row.setAttribute('aria-rowindex', String(i + 2));
      copies.push(row.outerHTML);
    }
    const css = [...document.styleSheets].map((sheet) => [...sheet.cssRules].map((rule) => rule.cssText).join('\n'));
    const copy = document.documentElement.cloneNode(true) as HTMLElement;
    copy.querySelector('.tokens-table__body')!.innerHTML = copies.join('');
    copy.querySelector<HTMLElement>('.tokens-table__body')!.style.height = '';
    copy
      .querySelectorAll('script, link[rel="stylesheet"], link[rel="modulepreload"], style')
      .forEach((el) => el.remove());
    const style = document.createElement('style');
    style.textContent = `${css.join('\n')}\n.tokens-table__body .token-row { position: static; }`;
    copy.querySelector('head')!.append(style);
    return `<!doctype html>${copy.outerHTML}`;
  }, STATIC_ROWS);
  const copy = await page.context().newPage();
  await copy.setContent(html);
  await page.close();
  return copy;
}

/** Lighthouse's "slow 4G": 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up. */
const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};

export interface ThrottledListFigures {
  tokens: number;
  /** As a loopback client gets it today (the app server compresses API answers only for other clients). */
  plain: { firstRowMs: number; listMs: number; listBytes: number };
  /** As a client on another machine gets it: the app server's compressFor 'all' stands in for one. */
  compressed: { firstRowMs: number; listMs: number; listBytes: number };
}

/**
 * The page on a throttled link (Chromium's network emulation, slow 4G), with the token list sent as is and
 * compressed: first row, and the list's download (time and bytes on the wire).
 */
export async function benchThrottledList(tokens: number): Promise<ThrottledListFigures> {
  const dataDir = seededDataDir(tokens);
  const { startProduct } = await import('../server/app/start');
  const browser = await launchTestChromium();
  try {
    const once = async (compressFor: 'remote' | 'all') => {
      const app = await startProduct({ dataDir, compressFor });
      try {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
        // The list is fetched by the page's worker: Playwright's request events see it, resource timing does not.
        const answered = page.waitForResponse((r) => isListRequest(r.url()), { timeout: 120_000 });
        const firstRowMs = await firstRow(page, `${app.url}/tokens`);
        const response = await answered;
        await response.finished();
        const timing = response.request().timing();
        const sizes = await response.request().sizes();
        const list = {
          listMs: timing.responseEnd - timing.requestStart,
          listBytes: sizes.responseBodySize + sizes.responseHeadersSize,
        };
        await context.close();
        return { firstRowMs, ...list };
      } finally {
        await app.close();
      }
    };
    return { tokens, plain: await once('remote'), compressed: await once('all') };
  } finally {
    await browser.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export interface LighthouseFigures {
  mobile: { performance: number; accessibility: number; fcpMs: number; lcpMs: number; tbtMs: number };
  desktop: { performance: number; accessibility: number; fcpMs: number; lcpMs: number; tbtMs: number };
}

/**
 * Lighthouse (its defaults: mobile on simulated slow 4G, and its desktop preset) on /tokens with `tokens` tokens,
 * in the test Chromium, API answers compressed as for a remote client. Lighthouse is not a dependency of the project: it is used from LIGHTHOUSE_DIR (a folder
 * where `npm i lighthouse` ran) or node_modules when there; otherwise the row says why it is missing.
 */
export async function benchLighthouse(
  tokens: number,
  staticDir?: string,
): Promise<LighthouseFigures | { missing: string }> {
  const base = process.env.LIGHTHOUSE_DIR ? `${process.env.LIGHTHOUSE_DIR.replace(/\/$/, '')}/node_modules/` : '';
  let modules;
  try {
    const load = (path: string) => import(/* @vite-ignore */ `${base}${path}`) as Promise<{ default: unknown }>;
    const [core, desktop, launcher] = await Promise.all([
      load('lighthouse/core/index.js'),
      load('lighthouse/core/config/desktop-config.js'),
      load('chrome-launcher/dist/index.js'),
    ]);
    modules = { core, desktop, launcher };
  } catch {
    return { missing: 'lighthouse is not installed (npm i lighthouse in a folder, then LIGHTHOUSE_DIR=that folder)' };
  }
  type Lhr = {
    categories: Record<string, { score: number | null } | undefined>;
    audits: Record<string, { numericValue?: number } | undefined>;
  };
  const lighthouse = modules.core.default as (
    url: string,
    flags: object,
    config?: unknown,
  ) => Promise<{ lhr: Lhr } | undefined>;
  const { launch } = modules.launcher as unknown as {
    launch: (options: object) => Promise<{ port: number; kill(): Promise<void> | void }>;
  };
  const dataDir = seededDataDir(tokens);
  // Served as to a phone on another machine: API answers compressed too (loopback clients get them as they are).
  const { startProduct } = await import('../server/app/start');
  const product = await startProduct({ dataDir, staticDir, compressFor: 'all' });
  const { chromiumArgs, chromiumForTests } = await import('../scripts/chromium.mjs');
  const choice = chromiumForTests();
  const chrome = await launch({
    chromePath: choice.executablePath,
    envVars: { ...process.env, ...choice.env },
    chromeFlags: [...chromiumArgs, '--headless=new', '--no-sandbox'],
  });
  try {
    const run = async (config?: unknown) => {
      const result = await lighthouse(
        `${product.url}/tokens`,
        { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] },
        config,
      );
      if (!result) throw new Error('Lighthouse gave no result');
      const { categories, audits } = result.lhr;
      const value = (id: string) => audits[id]?.numericValue ?? Number.NaN;
      return {
        performance: Math.round((categories.performance?.score ?? Number.NaN) * 100),
        accessibility: Math.round((categories.accessibility?.score ?? Number.NaN) * 100),
        fcpMs: value('first-contentful-paint'),
        lcpMs: value('largest-contentful-paint'),
        tbtMs: value('total-blocking-time'),
      };
    };
    return { mobile: await run(), desktop: await run(modules.desktop.default) };
  } finally {
    await chrome.kill();
    await product.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
