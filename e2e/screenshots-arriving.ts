// Screenshots of the tokens page while a first load is still arriving, and after one broke off (not a test).
// Run: npx tsx e2e/screenshots-arriving.ts [outDir]   (builds nothing: run `npm run build` first)
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchTestChromium } from './support/test-browser';
import { startArrivingProduct } from './support/arriving-product';

const outDir = resolve(process.argv[2] ?? 'test-results/screenshots');

async function main() {
  mkdirSync(outDir, { recursive: true });
  const browser = await launchTestChromium();
  try {
    const views = [
      { name: 'light', width: 1280, height: 800, dark: false },
      { name: 'dark', width: 1280, height: 800, dark: true },
      { name: 'narrow-420', width: 420, height: 860, dark: false },
    ];
    for (const view of views) {
      for (const ending of ['arriving', 'incomplete'] as const) {
        const product = await startArrivingProduct(2_000);
        try {
          const context = await browser.newContext({
            viewport: { width: view.width, height: view.height },
            colorScheme: view.dark ? 'dark' : 'light',
            reducedMotion: 'reduce',
          });
          const page = await context.newPage();
          await page.goto(`${product.url}/tokens`);
          await page.getByText(/so far — loading…/).waitFor({ timeout: 15_000 });
          if (ending === 'incomplete') {
            product.relay.cut();
            await page.getByText('The list is incomplete').waitFor({ timeout: 15_000 });
          }
          await page.waitForTimeout(300);
          const file = join(outDir, `list-${ending}-${view.name}.png`);
          await page.screenshot({ path: file });
          console.log(file);
          await context.close();
        } finally {
          await product.close();
        }
      }
    }
  } finally {
    await browser.close();
  }
}

await main();
