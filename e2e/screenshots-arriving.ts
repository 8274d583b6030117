// Screenshots of the tokens page while a first load is still arriving, and after one broke off (not a test).
// Run: npx tsx e2e/screenshots-arriving.ts [outDir]   (builds nothing: run `npm run build` first)
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchTestChromium } from './support/test-browser';
import { startArrivingProduct } from './support/arriving-product';
import { SCREENSHOT_VIEWS, viewContext } from './support/screenshot-views';

const outDir = resolve(process.argv[2] ?? 'test-results/screenshots');

async function main() {
  mkdirSync(outDir, { recursive: true });
  const browser = await launchTestChromium();
  try {
    for (const view of SCREENSHOT_VIEWS) {
      for (const ending of ['arriving', 'incomplete'] as const) {
        const product = await startArrivingProduct(2_000);
        try {
          const context = await viewContext(browser, view);
          const page = await context.newPage();
          await page.goto(`${product.url}/tokens`);
          await page.getByText(/so far — loading…/).waitFor({ timeout: 15_000 });
          if (ending === 'incomplete') {
            product.relay.cut();
            await page.getByText('The list is incomplete').waitFor({ timeout: 15_000 });
          }
          await page.waitForTimeout(300);
          const file = join(outDir, `list-${ending}-${view.suffix}.png`);
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
