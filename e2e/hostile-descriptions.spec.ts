// Descriptions are whatever anyone with write access typed, and InfluxDB's error messages are whatever it says:
// both must show as the exact text, never as markup. Checked where a name appears: the list, the drawer's title
// and body, the rename box, the status toast, and failure toasts that quote InfluxDB's message.
// Three watchers, so an injection is caught whether or not the CSP stops it: window.__xss (set if a payload ran),
// CSP violation reports (a blocked inline handler), and any element that arrives carrying an on* attribute or
// as a <script> (React never writes either).
import type { Page } from '@playwright/test';
import type { RunningProduct } from '../server/app/start';
import type { InfluxClient } from '../core/influx-client';
import { expect, rowOf, test } from './support/fault-fixtures';

const HOSTILE = [
  '<img src=x onerror=window.__xss=1>',
  '<script>window.__xss=1</script>',
  '"><svg onload=window.__xss=1>',
  "javascript:window.__xss=1//' onmouseover='window.__xss=1",
  'invoice \u202Eexe.txt\u202C (right-to-left override)',
  '&lt;b&gt;not bold&lt;/b&gt; {{7*7}} ${7*7} %s %n',
  '🔑 deploy 👩‍💻 token 🇳🇴 ✅',
  `very long: ${'the quick brown fox jumps over the lazy dog '.repeat(14).trim()}`,
];
const SHOTS = process.env.FAULT_SHOTS_DIR ?? '/tmp/fault-shots';
const HOSTILE_ERROR = '<img src=x onerror=window.__xss=2> storage <b>unavailable</b>';

// Every hostile row fits on one screen: the list only renders rows in view.
test.use({ viewport: { width: 1280, height: 1600 } });

declare global {
  interface Window {
    __xss?: number;
    __cspViolations?: string[];
    __injected?: string[];
  }
}

/** Starts the three watchers before the app's first script; the returned function reads what they saw. */
async function watchForInjection(page: Page) {
  const consoleReports: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text()))
      consoleReports.push(message.text());
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    window.__injected = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations!.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
    });
    const inspect = (node: Node) => {
      if (!(node instanceof Element)) return;
      for (const element of [node, ...node.querySelectorAll('*')]) {
        const handlers = element.getAttributeNames().filter((name) => name.toLowerCase().startsWith('on'));
        if (handlers.length > 0 || (element.localName === 'script' && document.readyState === 'complete')) {
          window.__injected!.push(`<${element.localName} ${handlers.join(' ')}>`);
        }
      }
    };
    new MutationObserver((records) => records.forEach((record) => record.addedNodes.forEach(inspect))).observe(
      document,
      {
        childList: true,
        subtree: true,
      },
    );
  });
  return async () => {
    const seen = await page.evaluate(() => ({
      xss: window.__xss,
      violations: window.__cspViolations ?? [],
      injected: window.__injected ?? [],
    }));
    return { ...seen, violations: [...seen.violations, ...consoleReports] };
  };
}

async function createHostileTokens(influx: InfluxClient, product: RunningProduct) {
  const orgID = product.standin.orgID;
  const ids = new Map<string, string>();
  for (const description of HOSTILE) {
    const created = await influx.createAuthorization({
      orgID,
      description,
      permissions: [{ action: 'read', resource: { type: 'buckets', orgID } }],
    });
    ids.set(description, created.id);
  }
  return ids;
}

test('hostile descriptions show as text in the list, the drawer, the rename box and the status toast', async ({
  page,
  product,
  influx,
}) => {
  const ids = await createHostileTokens(influx, product);
  const injection = await watchForInjection(page);
  await page.goto(`${product.url}/tokens`);
  for (const description of HOSTILE) {
    const name = rowOf(page, description).getByRole('button', { name: description, exact: true });
    await expect(name).toHaveCount(1);
    expect(await name.textContent()).toBe(description);
  }

  for (const description of HOSTILE) {
    await rowOf(page, description).getByRole('button', { name: description, exact: true }).click();
    await expect(page).toHaveURL(`${product.url}/tokens/${ids.get(description)}`);
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('switch', { name: 'Active' })).toBeChecked();
    expect(await dialog.getByRole('heading', { level: 2 }).first().textContent()).toBe(description);
    // The title and the Description fact, each the exact string.
    await expect(dialog.getByText(description, { exact: true })).toHaveCount(2);

    await dialog.getByRole('button', { name: 'Edit description' }).click();
    await expect(dialog.getByRole('textbox', { name: 'Description' })).toHaveValue(description);
    await page.keyboard.press('Escape');

    await dialog.getByRole('switch', { name: 'Active' }).click();
    const toast = dialog.getByRole('status').filter({ hasText: 'deactivated' });
    await expect(toast.getByText(`Token “${description}” deactivated`, { exact: true })).toBeVisible();
    if (description === HOSTILE[0]) await page.screenshot({ path: `${SHOTS}/hostile-drawer.png` });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
  }
  await page.screenshot({ path: `${SHOTS}/hostile-list.png` });
  expect(await injection()).toEqual({ xss: undefined, violations: [], injected: [] });
});

test('failure toasts quote hostile names and hostile InfluxDB messages as text', async ({
  page,
  product,
  influx,
  faulty,
}) => {
  const ids = await createHostileTokens(influx, product);
  const injection = await watchForInjection(page);
  await faulty.upstream.setMode('error5xx', { methods: ['PATCH'], message: HOSTILE_ERROR });

  for (const description of HOSTILE) {
    await page.goto(`${faulty.url}/tokens/${ids.get(description)}`);
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('switch', { name: 'Active' }).click();
    const expected = `Could not deactivate “${description}”: InfluxDB answered HTTP 503: ${HOSTILE_ERROR}`;
    await expect(dialog.getByRole('alert').getByText(expected, { exact: true })).toBeVisible();
    await expect(dialog.getByRole('switch', { name: 'Active' })).toBeChecked();
  }

  const description = HOSTILE[0]!;
  await page.goto(`${faulty.url}/tokens`);
  await rowOf(page, description).getByRole('button', { name: 'Edit description' }).click();
  const box = page.getByRole('textbox', { name: 'Description' });
  await box.fill(`${description} renamed`);
  await box.press('Enter');
  const expected = `Could not rename “${description}”: InfluxDB answered HTTP 503: ${HOSTILE_ERROR}`;
  await expect(page.getByRole('alert').getByText(expected, { exact: true })).toBeVisible();
  await expect(box).toHaveValue(`${description} renamed`);
  await page.screenshot({ path: `${SHOTS}/hostile-rename-failure.png` });

  expect(await injection()).toEqual({ xss: undefined, violations: [], injected: [] });
});

test("a right-to-left override left open in a description does not reverse the page's own words after the name", async ({
  page,
  product,
  influx,
}) => {
  const orgID = product.standin.orgID;
  const token = await influx.createAuthorization({
    orgID,
    description: 'spoof \u202Eunterminated',
    permissions: [{ action: 'read', resource: { type: 'buckets', orgID } }],
  });
  await page.goto(`${product.url}/tokens/${token.id}`);
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('switch', { name: 'Active' }).click();
  const title = dialog.getByRole('status').getByText(/^Token “spoof .*unterminated.*” deactivated$/);
  await expect(title).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/hostile-unterminated-override.png` });
  // Where the first and the last letter of "deactivated" are drawn: left to right unless the override leaked.
  const drawn = await title.evaluate((element) => {
    const node = [...element.childNodes].find((n): n is Text => n instanceof Text && n.data.includes('deactivated'))!;
    const start = node.data.lastIndexOf('deactivated');
    const left = (at: number) => {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      return range.getBoundingClientRect().left;
    };
    return { d: left(start), lastD: left(start + 'deactivated'.length - 1) };
  });
  expect(drawn.d).toBeLessThan(drawn.lastD);
});
