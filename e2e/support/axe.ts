// One axe scan, in light and dark colour schemes, reduced to what must be empty: serious and critical violations.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** "rule (impact): selectors" for every serious or critical violation, in both colour schemes. */
export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    let builder = new AxeBuilder({ page });
    if (include) builder = builder.include(include);
    const { violations } = await builder.analyze();
    for (const v of violations) {
      if (v.impact !== 'serious' && v.impact !== 'critical') continue;
      found.push(`${colorScheme} ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }
  }
  return found;
}
