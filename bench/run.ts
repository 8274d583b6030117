// `npm run bench [-- --quick]`: seeds fresh stand-in databases, measures the page, the bundle, the stand-in and
// the proxy side by side with their baselines, prints one table and writes bench/results/latest.json.
// Everything runs on loopback and is bounded in requests and time; --quick keeps it to small sizes for CI.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tableLines } from '../core/text-table';
import { firstLoadBundle } from './bundle';
import { benchGovernance } from './governance-bench';
import { benchFirstRow } from './first-row';
import { machineFacts } from './machine';
import {
  benchLighthouse,
  benchPage,
  benchThrottledList,
  benchUi,
  chromiumPath,
  type PageFigures,
  type UiFigures,
} from './page-bench';
import { formatOverheadTable, measureProxyOverhead } from './proxy-overhead';
import { benchList, benchPatch, type ListFigures } from './standin-bench';
import { benchWriteLoad, writeLoadRows } from './standin-write-load';
import { round } from './stats';

const quick = process.argv.includes('--quick');
// `--baseline <dir>`: another build of the page (e.g. `vite build --outDir` of an older commit), measured in this
// same run, on the same stand-ins and server code, for the before/after table.
const baselineAt = process.argv.indexOf('--baseline');
const baseline = baselineAt === -1 ? undefined : process.argv[baselineAt + 1];
const root = fileURLToPath(new URL('..', import.meta.url));
const plan = quick
  ? {
      pageSizes: [1_000],
      uiSizes: [1_000],
      flingWheels: 60,
      throttledTokens: 200,
      listSizes: [1_000, 10_000],
      listRepeats: 5,
      keystrokes: 10,
      scrollFrames: 60,
      patchSeconds: 1,
      proxyRequests: 400,
      governanceTokens: 10_000,
      governanceRequests: 400,
    }
  : {
      pageSizes: [1_000, 10_000, 100_000],
      uiSizes: [100_000],
      flingWheels: 120,
      throttledTokens: 1_000,
      listSizes: [1_000, 10_000, 100_000],
      listRepeats: 10,
      keystrokes: 40,
      scrollFrames: 300,
      patchSeconds: 5,
      proxyRequests: 2_000,
      governanceTokens: 100_000,
      governanceRequests: 1_000,
    };

const log = (line: string) => process.stderr.write(`${line}\n`);

log(`Building the app (vite build)…`);
execFileSync(
  process.execPath,
  [fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url)), 'build', '--logLevel', 'warn'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
const bundle = firstLoadBundle(`${root}/dist`);

const lists: ListFigures[] = [];
for (const size of plan.listSizes) {
  log(`Stand-in: list of ${size} tokens…`);
  lists.push(await benchList(size, plan.listRepeats));
}
log(`Stand-in: PATCH with 50 connections for ${plan.patchSeconds} s…`);
const patch = await benchPatch(50, plan.patchSeconds);
log(`Stand-in: reads alone and beside 32 PATCH writers, ${plan.patchSeconds} s a phase…`);
const writeLoad = await benchWriteLoad({ seconds: plan.patchSeconds });

log('Proxy: ours vs nginx (where installed) vs direct…');
const proxy = await measureProxyOverhead({ requests: plan.proxyRequests, concurrency: 10, listSize: 100 });

log(`Governance: PATCH with the trail on and off; the outside check at ${plan.governanceTokens} tokens…`);
const governance = await benchGovernance({ tokens: plan.governanceTokens, requests: plan.governanceRequests });

const pages: PageFigures[] = [];
for (const size of plan.pageSizes) {
  log(`Page in Chromium with ${size} tokens…`);
  pages.push(await benchPage(size, { keystrokes: plan.keystrokes, scrollFrames: plan.scrollFrames }));
}

const ui: UiFigures[] = [];
let uiBaseline: UiFigures | undefined;
for (const size of plan.uiSizes) {
  log(`Page in Chromium with ${size} tokens: keystrokes (Event Timing) and fling…`);
  ui.push(await benchUi(size, { flingWheels: plan.flingWheels }));
  if (baseline && size === plan.uiSizes.at(-1)) {
    log(`The baseline build with ${size} tokens: keystrokes and fling…`);
    uiBaseline = await benchUi(size, { flingWheels: plan.flingWheels, staticDir: baseline });
  }
}
const firstRowSize = plan.uiSizes.at(-1)!;
log(
  `Page in Chromium with ${firstRowSize} tokens: first row against its floor (a bare page fetching and parsing the list)…`,
);
const firstRowVsFloor = await benchFirstRow(
  firstRowSize,
  baseline ? [undefined, baseline] : [undefined],
  quick ? 1 : 5,
);
log(`Page on a slow-4G link with ${plan.throttledTokens} tokens, list sent as is and compressed…`);
const throttled = await benchThrottledList(plan.throttledTokens);
log('Lighthouse on /tokens (mobile and desktop)…');
const lighthouse = await benchLighthouse(1_000);
const lighthouseBaseline = baseline ? await benchLighthouse(1_000, baseline) : undefined;

const machine = machineFacts(chromiumPath);
const result = {
  date: new Date().toISOString(),
  quick,
  machine,
  bundle,
  lists,
  patch,
  writeLoad,
  proxy,
  governance,
  pages,
  ui,
  throttled,
  lighthouse,
  firstRowVsFloor,
  baseline: baseline && { dir: baseline, ui: uiBaseline, lighthouse: lighthouseBaseline },
};

const kb = (bytes: number) => `${round(bytes / 1024, 1)} KiB`;
const ms = (value: number) => `${round(value, 1)} ms`;
const lines: string[] = [];
const table = (title: string, rows: string[][]) => {
  lines.push(`\n${title}`, ...tableLines(rows, { rightAlignFrom: 1 }));
};

lines.push(
  `Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.chromium}${quick ? '  (quick run: small sizes)' : ''}`,
);
table('Page in Chromium (1280x800)', [
  [
    'tokens',
    'first row',
    'keystroke p50',
    'keystroke p95',
    'scroll frame p95',
    'dropped frames',
    'idle frame p95 (dropped)',
    'Active painted',
    'Active confirmed',
    'JS heap',
  ],
  ...pages.map((p) => [
    String(p.tokens),
    ms(p.firstRowMs),
    ms(p.keystroke.p50),
    ms(p.keystroke.p95),
    ms(p.scroll.p95Ms),
    `${p.scroll.dropped}/${p.scroll.frames}`,
    `${ms(p.idleFrames.p95Ms)} (${p.idleFrames.dropped})`,
    ms(p.activeSwitch.paintedMs),
    ms(p.activeSwitch.confirmedMs),
    `${round(p.heapMiB, 1)} MiB`,
  ]),
]);
if (pages.some((p) => p.refetch)) {
  table('Page: list refetch when the window regains focus (main-thread long tasks)', [
    ['tokens', 'unchanged: longest task', 'one changed: longest task', 'one changed: shown after'],
    ...pages.map((p) => [
      String(p.tokens),
      p.refetch ? ms(p.refetch.unchanged.longestMs) : 'n/a',
      p.refetch ? ms(p.refetch.changed.longestMs) : 'n/a',
      p.refetch ? ms(p.refetch.changed.shownMs) : 'n/a',
    ]),
  ]);
}
const ui100k = ui.at(-1);
const lh = 'missing' in lighthouse ? undefined : lighthouse;
const lhBefore = lighthouseBaseline && !('missing' in lighthouseBaseline) ? lighthouseBaseline : undefined;
const [now, then] = firstRowVsFloor.builds;
const flingText = (u: UiFigures | undefined) =>
  u
    ? `${ms(u.fling.p95Ms)} vs ${ms(u.flingFloor.p95Ms)} static (x${round(u.fling.p95Ms / u.flingFloor.p95Ms, 2)})`
    : 'n/a';
const lhText = (l: typeof lh, preset: 'mobile' | 'desktop') =>
  l ? `${l[preset].performance} / ${l[preset].accessibility}` : 'n/a';
// Issue 22 (a simpler page) must not give back what users feel: the same measures for the baseline build, if given.
table(`The page against the baseline build${baseline ? ` (${baseline})` : ' (none given: --baseline <dist>)'}`, [
  ['measure', 'baseline', 'now', 'must stay'],
  [
    `first row vs floor (${firstRowVsFloor.tokens} tokens, median of ${firstRowVsFloor.floors.length})`,
    then ? `${ms(then.firstRowMs)} (x${round(then.ratio, 2)})` : '-',
    `${ms(now!.firstRowMs)} vs ${ms(firstRowVsFloor.floorMs)} (x${round(now!.ratio, 2)})`,
    'no later than baseline',
  ],
  [
    `keystroke, Event Timing p50 / p95 (${ui100k?.tokens ?? '-'} tokens)`,
    uiBaseline ? `${ms(uiBaseline.keystroke.p50)} / ${ms(uiBaseline.keystroke.p95)}` : '-',
    ui100k ? `${ms(ui100k.keystroke.p50)} / ${ms(ui100k.keystroke.p95)}` : 'n/a',
    'p95 <= 50 ms',
  ],
  [
    `fling frame p95 vs a static page of the same rows (${ui100k?.tokens ?? '-'} tokens)`,
    uiBaseline ? flingText(uiBaseline) : '-',
    flingText(ui100k),
    '<= x2 of static',
  ],
  [
    'JS fetched before the first row, gzip (files)',
    then ? `${kb(then.jsBeforeFirstRow.gzipKiB * 1024)} (${then.jsBeforeFirstRow.files})` : '-',
    `${kb(now!.jsBeforeFirstRow.gzipKiB * 1024)} (${now!.jsBeforeFirstRow.files})`,
    '<= 140 KiB',
  ],
  [
    'Lighthouse mobile: performance / accessibility',
    lhBefore ? lhText(lhBefore, 'mobile') : '-',
    lhText(lh, 'mobile'),
    '>= 95 / 100',
  ],
  [
    'Lighthouse desktop: performance / accessibility',
    lhBefore ? lhText(lhBefore, 'desktop') : '-',
    lhText(lh, 'desktop'),
    '100 / 100',
  ],
]);
if (!lh && 'missing' in lighthouse) lines.push(`Lighthouse: ${lighthouse.missing}`);
if (lh) {
  table('Lighthouse on /tokens (1,000 tokens)', [
    [
      'preset',
      'performance',
      'accessibility',
      'first contentful paint',
      'largest contentful paint',
      'total blocking time',
    ],
    ...(['mobile', 'desktop'] as const).map((k) => [
      k,
      String(lh[k].performance),
      String(lh[k].accessibility),
      ms(lh[k].fcpMs),
      ms(lh[k].lcpMs),
      ms(lh[k].tbtMs),
    ]),
  ]);
}
table(
  `Page on a slow-4G link (Chromium network emulation), ${throttled.tokens} tokens: the token list as is vs compressed`,
  [
    ['list sent', 'first row', 'list download', 'list bytes on the wire'],
    [
      'as is (a loopback client)',
      ms(throttled.plain.firstRowMs),
      ms(throttled.plain.listMs),
      kb(throttled.plain.listBytes),
    ],
    [
      'compressed (a remote client)',
      ms(throttled.compressed.firstRowMs),
      ms(throttled.compressed.listMs),
      kb(throttled.compressed.listBytes),
    ],
    [
      'compressed / as is',
      `x${round(throttled.compressed.firstRowMs / throttled.plain.firstRowMs, 2)}`,
      `x${round(throttled.compressed.listMs / throttled.plain.listMs, 2)}`,
      `x${round(throttled.compressed.listBytes / throttled.plain.listBytes, 3)}`,
    ],
  ],
);
table('First-load bundle', [
  ['kind', 'files', 'raw', 'gzip'],
  ['JS', String(bundle.js.files), kb(bundle.js.raw), kb(bundle.js.gzip)],
  ['CSS', String(bundle.css.files), kb(bundle.css.raw), kb(bundle.css.gzip)],
]);
table('Stand-in: GET /api/v2/authorizations (operator token, whole org)', [
  ['tokens', 'bytes', 'first (cold)', 'warm p50', 'warm p95', 'floor p50', 'warm / floor'],
  ...lists.map((l) => [
    String(l.tokens),
    kb(l.bytes),
    ms(l.coldMs),
    ms(l.warm.p50),
    ms(l.warm.p95),
    ms(l.floor.p50),
    `x${round(l.ratio, 2)}`,
  ]),
]);
table('Stand-in: PATCH, 50 connections', [
  ['seconds', 'requests', 'errors', 'req/s', 'p50', 'p99'],
  [
    String(round(patch.seconds, 1)),
    String(patch.requests),
    String(patch.errors),
    String(round(patch.requestsPerSecond, 0)),
    ms(patch.p50Ms),
    ms(patch.p99Ms),
  ],
]);
table(
  'Stand-in: GET one token (4 readers) alone and beside 32 PATCH writers; writes alone and beside the readers',
  writeLoadRows(writeLoad),
);
lines.push(
  `\nProxy: ${proxy.requests} requests per target, ${proxy.concurrency} in flight; every proxy in its own process in front of one stand-in ` +
    `(proxy CPU: that process's own; the last row is ours inside the stand-in's process, as \`npm start\` runs it)`,
);
lines.push(formatOverheadTable(proxy));
table(`Governance: PATCH through the app server, ${governance.patch.requests} each, trail on and off`, [
  ['', 'p50', 'p99'],
  ['trail on', ms(governance.patch.trailOn.p50Ms), ms(governance.patch.trailOn.p99Ms)],
  ['trail off', ms(governance.patch.trailOff.p50Ms), ms(governance.patch.trailOff.p99Ms)],
  ['added', ms(governance.patch.addedP50Ms), ms(governance.patch.addedP99Ms)],
]);
table(`Governance: the outside check at ${governance.check.tokens} tokens (stand-in in its own process)`, [
  ['check', 'took', 'longest event-loop stall', 'recorded'],
  ['first (learns the list)', ms(governance.check.first.ms), ms(governance.check.first.longestBlockMs), '0'],
  [
    'later (100 renamed outside)',
    ms(governance.check.later.ms),
    ms(governance.check.later.longestBlockMs),
    String(governance.check.later.recorded),
  ],
]);

const text = lines.join('\n');
console.log(text);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(
  new URL(quick ? './results/quick.json' : './results/latest.json', import.meta.url),
  `${JSON.stringify({ ...result, table: text }, null, 2)}\n`,
);
// The same table as plain text, for people: the README's benchmark summary links here.
writeFileSync(
  new URL(quick ? './results/quick.txt' : './results/latest.txt', import.meta.url),
  `${result.date}\n${text}\n`,
);
log(`\nWrote bench/results/${quick ? 'quick' : 'latest'}.json and .txt`);
