// `npx tsx bench/org-switch.ts [tokensPerOrg]` (default 100,000): is switching org in the header as quick to show
// the new org's first row as opening that org's page afresh? Both orgs of the stand-in (my-org, second-org) get N
// tokens; one product serves every round. In alternating rounds, each in a fresh browser context:
//  (a) first load: navigation to /orgs/<second-org>/tokens until its first row is painted;
//  (b) switch: /orgs/<my-org>/tokens loaded until its whole list has arrived, then the Org menu opened and
//      second-org chosen; from pressing second-org's item until a row of second-org's (by token ID, so my-org's rows
//      still on screen cannot pass for it) is painted.
// Prints the medians and (b)/(a), and writes them to bench/results/org-switch.json. Nothing is asserted: a report.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { launchTestChromium, testChromiumPath } from '../e2e/support/test-browser';
import { startProduct } from '../server/app/start';
import { SECOND_ORG } from '../server/standin/bootstrap-second-org';
import { seedTokens } from '../server/standin/seed-tokens';
import { KEY, StandinStore } from '../server/standin/store';
import { machineFacts } from './machine';
import { firstRow } from './page-bench';
import { seededDataDir } from './standin-bench';
import { round } from './stats';

const ROUNDS = 5;
const USERS = 20; // as seededDataDir seeds my-org
const ROW_MS = 120_000;
const WHOLE_LIST_MS = 300_000;
const MENU_MS = 30_000;

interface Orgs {
  mine: { id: string; tokens: number };
  second: { id: string; tokens: number; tokenIDs: string[] };
}

/** A data dir with N seeded tokens in my-org (as the other benches seed it), then N in second-org. */
function seedBothOrgs(tokens: number): { dataDir: string; orgs: Orgs } {
  const dataDir = seededDataDir(tokens, USERS);
  const store = StandinStore.open(dataDir);
  try {
    seedTokens(store, { tokens, users: USERS, org: SECOND_ORG });
    const byName = new Map(store.listOrgs().map((o) => [o.name, o.id]));
    const mineID = byName.get('my-org')!;
    const secondID = byName.get(SECOND_ORG)!;
    const secondIDs = store.listAuthorizationKeys({ orgID: secondID }).map((key) => key[KEY.id]);
    const mineCount = store.listAuthorizationKeys({ orgID: mineID }).length;
    return {
      dataDir,
      orgs: {
        mine: { id: mineID, tokens: mineCount },
        second: { id: secondID, tokens: secondIDs.length, tokenIDs: secondIDs },
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  } finally {
    store.close();
  }
}

/** One measurement in a fresh 1280x800 context, closed whatever happens. */
async function inFreshContext<T>(browser: Browser, run: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    return await run(await context.newPage());
  } finally {
    await context.close();
  }
}

/** Waits until the count under the toolbar says the whole list is here ("100,006 tokens", not "… so far"). */
async function wholeList(page: Page): Promise<void> {
  await page.waitForFunction(
    () => /^[\d,]+ tokens?$/.test(document.querySelector('.tokens-page__count')?.textContent?.trim() ?? ''),
    undefined,
    { polling: 500, timeout: WHOLE_LIST_MS },
  );
}

/**
 * (b): my-org's page with its whole list, then the header's Org menu, second-org chosen. Milliseconds from pressing
 * second-org's item (pointerdown) until second-org's first row is painted, and from pressing the Org button.
 */
async function switchToSecond(page: Page, url: string, orgs: Orgs) {
  await firstRow(page, `${url}/orgs/${orgs.mine.id}/tokens`);
  await wholeList(page);
  // Second-org's token IDs in the page, and the presses' times, by event timestamps (the page's own clock).
  const mixed = await page.evaluate((ids) => {
    const w = window as unknown as { __switch: { ids: Set<string>; button: number; item: number } };
    w.__switch = { ids: new Set(ids), button: 0, item: 0 };
    document.addEventListener(
      'pointerdown',
      (event) => {
        const target = event.target instanceof Element ? event.target : null;
        if (target?.closest('[role="menuitemradio"]')) w.__switch.item = event.timeStamp;
        else if (target?.closest('.app-header__org')) w.__switch.button = event.timeStamp;
      },
      true,
    );
    // The check below must not pass on my-org's rows already on screen.
    return [...document.querySelectorAll('[data-open-token]')].filter((row) =>
      w.__switch.ids.has(row.getAttribute('data-open-token') ?? ''),
    ).length;
  }, orgs.second.tokenIDs);
  if (mixed !== 0) throw new Error(`${mixed} of my-org's rows on screen have second-org's token IDs`);
  await page.getByRole('button', { name: /^Org: my-org/ }).click({ timeout: MENU_MS });
  await page.getByRole('menuitemradio', { name: SECOND_ORG, exact: true }).click({ timeout: MENU_MS });
  const handle = await page.waitForFunction(
    () => {
      const w = window as unknown as { __switch: { ids: Set<string> } };
      for (const row of document.querySelectorAll('[data-open-token]')) {
        if (w.__switch.ids.has(row.getAttribute('data-open-token') ?? ''))
          return new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));
      }
      return 0;
    },
    undefined,
    { polling: 'raf', timeout: ROW_MS },
  );
  const shown = (await handle.jsonValue()) as number;
  const presses = await page.evaluate(() => {
    const w = window as unknown as { __switch: { button: number; item: number } };
    return { button: w.__switch.button, item: w.__switch.item };
  });
  if (presses.item === 0 || presses.button === 0) throw new Error('the presses were not seen by the page');
  return { fromItemMs: shown - presses.item, fromButtonMs: shown - presses.button };
}

/** Both orgs' lists once, untimed, so the stand-in's first rendering of each is in no round. */
async function warmUp(browser: Browser, url: string, orgs: Orgs): Promise<void> {
  await inFreshContext(browser, async (page) => {
    await page.goto(`${url}/api/app/config`, { waitUntil: 'commit' });
    for (const orgID of [orgs.mine.id, orgs.second.id]) {
      const length = await page.evaluate(
        async (id) => (await (await fetch(`/api/v2/authorizations?orgID=${id}`)).text()).length,
        orgID,
      );
      if (length < 100) throw new Error(`the list of org ${orgID} came back nearly empty`);
    }
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchOrgSwitch(tokensPerOrg: number, rounds = ROUNDS) {
  const seedStarted = performance.now();
  const { dataDir, orgs } = seedBothOrgs(tokensPerOrg);
  const seedMs = performance.now() - seedStarted;
  let product: Awaited<ReturnType<typeof startProduct>> | undefined;
  let browser: Browser | undefined;
  const firstLoads: number[] = [];
  const switches: { fromItemMs: number; fromButtonMs: number }[] = [];
  try {
    product = await startProduct({ dataDir });
    browser = await launchTestChromium();
    const url = product.url;
    await warmUp(browser, url, orgs);
    for (let i = 0; i < rounds; i++) {
      firstLoads.push(await inFreshContext(browser, (page) => firstRow(page, `${url}/orgs/${orgs.second.id}/tokens`)));
      switches.push(await inFreshContext(browser, (page) => switchToSecond(page, url, orgs)));
      console.log(
        `round ${i + 1}/${rounds}: first load ${Math.round(firstLoads[i]!)} ms, switch ${Math.round(switches[i]!.fromItemMs)} ms`,
      );
    }
  } finally {
    await browser?.close();
    await product?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const firstLoadMs = median(firstLoads);
  const switchMs = median(switches.map((s) => s.fromItemMs));
  return {
    date: new Date().toISOString(),
    machine: machineFacts(testChromiumPath),
    tokensPerOrg,
    tokens: { 'my-org': orgs.mine.tokens, [SECOND_ORG]: orgs.second.tokens },
    seedSeconds: round(seedMs / 1000),
    rounds,
    firstLoad: { medianMs: round(firstLoadMs), runs: firstLoads.map((x) => round(x)) },
    switch: {
      medianMs: round(switchMs),
      runs: switches.map((s) => round(s.fromItemMs)),
      fromOrgButton: {
        medianMs: round(median(switches.map((s) => s.fromButtonMs))),
        runs: switches.map((s) => round(s.fromButtonMs)),
      },
    },
    ratio: round(switchMs / firstLoadMs, 2),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = process.argv[2] ?? '100000';
  const rounds = Number(process.env.ROUNDS ?? ROUNDS);
  if (!/^\d+$/.test(arg) || Number(arg) < 1 || !Number.isInteger(rounds) || rounds < 1) {
    console.error(`usage: npx tsx bench/org-switch.ts [tokensPerOrg >= 1, default 100000]  (ROUNDS=n, default 5)`);
    process.exit(1);
  }
  const figures = await benchOrgSwitch(Number(arg), rounds);
  const ms = (x: number) => `${Math.round(x)} ms`;
  console.log(
    `${figures.tokensPerOrg} tokens per org: first load of second-org ${ms(figures.firstLoad.medianMs)} ` +
      `(runs ${figures.firstLoad.runs.map(ms).join(', ')})`,
  );
  console.log(
    `  switch from my-org ${ms(figures.switch.medianMs)} (runs ${figures.switch.runs.map(ms).join(', ')}), ` +
      `x${figures.ratio.toFixed(2)} of the first load; from the Org button ${ms(figures.switch.fromOrgButton.medianMs)}`,
  );
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('./results/org-switch.json', import.meta.url), `${JSON.stringify(figures, null, 2)}\n`);
  console.log('Wrote bench/results/org-switch.json');
}
