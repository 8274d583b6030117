// `npx tsx bench/first-row.ts [tokens] [staticDir...]`: the first token row against its floor, alone. The floor is
// the same list fetched and parsed by a bare page of the same origin (the orgs lookup, then the list, then
// JSON.parse), timed like the row from the navigation's start. Each is taken `ROUNDS` times in fresh pages;
// give several builds (e.g. `vite build --outDir` of the commit before and after) to compare them in one run.
import { rmSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { launchTestChromium } from '../e2e/support/test-browser';
import { startProduct } from '../server/app/start';
import { firstRow } from './page-bench';
import { seededDataDir } from './standin-bench';

const ROUNDS = 5;

/** Milliseconds from navigation start until a bare same-origin page has the whole list parsed. */
async function floor(page: Page, origin: string): Promise<number> {
  await page.goto(`${origin}/api/app/config`, { waitUntil: 'commit' });
  return page.evaluate(async () => {
    const orgs = (await (await fetch('/api/v2/orgs')).json()) as { orgs: { id: string }[] };
    const text = await (await fetch(`/api/v2/authorizations?orgID=${orgs.orgs[0]!.id}`)).text();
    const list = JSON.parse(text) as { authorizations: unknown[] };
    if (list.authorizations.length === 0) throw new Error('no tokens');
    return performance.now();
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * The floor and the first row of each build in `staticDirs` (none: dist/), taken in turns in one run on one seeded
 * stand-in, so a before/after comparison shares the machine's state.
 */
export async function benchFirstRow(tokens: number, staticDirs: (string | undefined)[] = [undefined], rounds = ROUNDS) {
  const dataDir = seededDataDir(tokens);
  const products = await Promise.all(staticDirs.map((staticDir) => startProduct({ dataDir, staticDir })));
  const browser = await launchTestChromium();
  const rows: number[][] = staticDirs.map(() => []);
  const floors: number[] = [];
  const measure = async (run: (page: Page) => Promise<number>) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      return await run(await context.newPage());
    } finally {
      await context.close();
    }
  };
  try {
    for (let i = 0; i < rounds; i++) {
      floors.push(await measure((page) => floor(page, products[0]!.url)));
      for (const [j, product] of products.entries())
        rows[j]!.push(await measure((page) => firstRow(page, `${product.url}/tokens`)));
    }
  } finally {
    await browser.close();
    for (const product of products) await product.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const floorMs = median(floors);
  return {
    tokens,
    floorMs,
    floors,
    builds: staticDirs.map((dir, j) => ({
      dir: dir ?? 'dist',
      firstRowMs: median(rows[j]!),
      rows: rows[j]!,
      ratio: median(rows[j]!) / floorMs,
    })),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const tokens = Number(process.argv[2] ?? 100_000);
  const dirs = process.argv.slice(3);
  const figures = await benchFirstRow(
    tokens,
    dirs.length > 0 ? dirs : [undefined],
    Number(process.env.ROUNDS ?? ROUNDS),
  );
  const ms = (x: number) => `${Math.round(x)} ms`;
  console.log(`${tokens} tokens: floor ${ms(figures.floorMs)} (runs ${figures.floors.map(ms).join(', ')})`);
  for (const build of figures.builds) {
    console.log(
      `  ${build.dir}: first row ${ms(build.firstRowMs)} (runs ${build.rows.map(ms).join(', ')}), x${build.ratio.toFixed(2)} of the floor`,
    );
  }
}
