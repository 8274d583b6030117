// `npx tsx bench/first-row.ts [tokens] [staticDir...]`: the first token row against its floor, alone. The floor is
// the same list fetched and parsed by a bare page of the same origin (the orgs lookup, then the list, then
// JSON.parse), timed like the row from the navigation's start. Each is taken `ROUNDS` times in fresh pages;
// give several builds (e.g. `vite build --outDir` of the commit before and after) to compare them in one run.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
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

const DIST = fileURLToPath(new URL('../dist', import.meta.url));

/** The JS files a page fetched (paths under /assets/), gzipped as the server sends them: count and KiB. */
function gzippedFiles(distDir: string, paths: Set<string>) {
  let bytes = 0;
  for (const path of paths) bytes += gzipSync(readFileSync(join(distDir, path)), { level: 9 }).length;
  return { files: paths.size, gzipKiB: bytes / 1024 };
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
  /** Per build: the scripts the page fetched before its first row showed (its own and its worker's). */
  const scripts: Set<string>[] = staticDirs.map(() => new Set());
  const measure = async (run: (page: Page) => Promise<number>, seen?: Set<string>) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.endsWith('.js')) seen?.add(path);
    });
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
        rows[j]!.push(
          await measure((page) => firstRow(page, `${product.url}/tokens`), i === 0 ? scripts[j] : undefined),
        );
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
      jsBeforeFirstRow: gzippedFiles(dir ?? DIST, scripts[j]!),
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
