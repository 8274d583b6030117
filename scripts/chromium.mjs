// Which Chromium the tests, screenshots and benchmarks drive, so that `npm install` is the only set-up step.
//
// In order: CHROMIUM_PATH, a system Chromium (/usr/bin/chromium), else the headless Chromium that the npm package
// @sparticuz/chromium ships (links only NSS and expat, and carries both). That package is made for serverless
// hosts: it unpacks into /tmp on every cold start and its own launcher adds flags such as --single-process. Here
// it is unpacked once, into a cache folder of the project's (node_modules/.cache/influx-token-manager), by
// `npm install` (postinstall) or on first use, and launched with Playwright's ordinary flags.
//
// Fonts: the packaged browser sees only the fonts it carries (Open Sans) and the DejaVu family from the npm package
// dejavu-fonts-ttf (symbols, arrows and a monospace face Open Sans lacks), through a fontconfig file of our own, so
// text renders the same on every machine whatever fonts the system has.
//
// Plain JavaScript, synchronous, and free of dependencies beyond Node and `tar`, so that playwright.config.ts,
// the benchmark and the postinstall step can all call it.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cacheRoot = join(projectRoot, 'node_modules', '.cache', 'influx-token-manager');
const systemChromium = '/usr/bin/chromium';

/** Flags for a browser on a closed network: without them Chromium keeps trying hosts it cannot reach. */
export const chromiumArgs = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * @typedef {{ executablePath: string, source: 'CHROMIUM_PATH' | 'system' | 'packaged', env: Record<string, string> }} ChromiumChoice
 */

/** @returns {ChromiumChoice} */
export function chromiumForTests() {
  const fromEnv = process.env.CHROMIUM_PATH?.trim();
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no file is there.`);
    return { executablePath: fromEnv, source: 'CHROMIUM_PATH', env: {} };
  }
  if (existsSync(systemChromium)) return { executablePath: systemChromium, source: 'system', env: {} };
  return packagedChromium();
}

/** The @sparticuz/chromium browser, unpacked into the project's cache on first call. @returns {ChromiumChoice} */
export function packagedChromium() {
  const require = createRequire(import.meta.url);
  let packageJson;
  try {
    // The package's exports hide package.json; its entry is build/index.js.
    packageJson = join(dirname(require.resolve('@sparticuz/chromium')), '..', 'package.json');
  } catch {
    throw new Error(
      'No Chromium found: set CHROMIUM_PATH, install one at /usr/bin/chromium, or run `npm install` (it brings @sparticuz/chromium).',
    );
  }
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8'));
  const binDir = join(dirname(packageJson), 'bin');
  const home = join(cacheRoot, `chromium-${version}`);
  if (!existsSync(join(home, 'manifest.json'))) unpack(binDir, home);
  const manifest = JSON.parse(readFileSync(join(home, 'manifest.json'), 'utf8'));
  const env = { FONTCONFIG_FILE: writeFontConfig(home, require) };
  if (manifest.needsBundledLibs)
    env.LD_LIBRARY_PATH = [join(home, 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':');
  return { executablePath: join(home, 'chromium'), source: 'packaged', env };
}

/**
 * Our fontconfig file: the packaged Open Sans first, DejaVu for every glyph it lacks, fixed generic families.
 * Written on every call (it is tiny) so that a change here or a moved node_modules never leaves a stale one.
 */
function writeFontConfig(home, require) {
  const dirs = [join(home, 'fonts')];
  try {
    dirs.push(join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf'));
  } catch {
    // Without DejaVu, symbols Open Sans lacks show as blanks; everything else is the same.
  }
  const alias = (generic, families) =>
    `  <alias><family>${generic}</family><prefer>${families.map((f) => `<family>${f}</family>`).join('')}</prefer></alias>`;
  const text = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    ...dirs.map((dir) => `  <dir>${dir}</dir>`),
    `  <cachedir>${join(home, 'fonts-cache')}</cachedir>`,
    alias('sans-serif', ['Open Sans', 'DejaVu Sans']),
    alias('system-ui', ['Open Sans', 'DejaVu Sans']),
    alias('serif', ['DejaVu Serif', 'DejaVu Sans']),
    alias('monospace', ['DejaVu Sans Mono']),
    '</fontconfig>',
    '',
  ].join('\n');
  const file = join(home, 'fonts.conf');
  if (!existsSync(file) || readFileSync(file, 'utf8') !== text) writeFileSync(file, text);
  return file;
}

/** Unpacks into a fresh folder beside `home`, then renames it into place, so a half-done unpack is never used. */
function unpack(binDir, home) {
  mkdirSync(cacheRoot, { recursive: true });
  const work = `${home}.partial-${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const brotli = (name) => brotliDecompressSync(readFileSync(join(binDir, name)));
  const untar = (name, into) =>
    execFileSync('tar', ['-x', '--no-same-owner', '-C', into], { input: brotli(name), maxBuffer: 1 << 30 });

  writeFileSync(join(work, 'chromium'), brotli('chromium.br'));
  chmodSync(join(work, 'chromium'), 0o755);
  untar('swiftshader.tar.br', work); // libEGL/libGLESv2 must sit beside the binary
  untar('al2023.tar.br', work); // lib/: NSS and expat, used only where the system lacks them
  mkdirSync(join(work, 'fonts-cache'));
  untar('fonts.tar.br', work); // fonts/Open_Sans; its fonts.conf points at /tmp, ours (writeFontConfig) replaces it

  const missing = execFileSync('ldd', [join(work, 'chromium')], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes('not found'));
  writeFileSync(join(work, 'manifest.json'), JSON.stringify({ needsBundledLibs: missing.length > 0 }, null, 2));

  if (existsSync(home)) rmSync(home, { recursive: true, force: true });
  try {
    renameSync(work, home);
  } catch (error) {
    // Another process unpacked it at the same moment: theirs is as good as ours.
    rmSync(work, { recursive: true, force: true });
    if (!existsSync(join(home, 'manifest.json'))) throw error;
  }
}

// `node scripts/chromium.mjs` (postinstall): unpack now, say which browser the tests will use.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const choice = chromiumForTests();
    console.log(`Chromium for tests (${choice.source}): ${choice.executablePath}`);
  } catch (error) {
    // Installing must not fail for a browser only the tests need; the tests say it again when they start.
    console.warn(`No Chromium for the tests yet: ${error instanceof Error ? error.message : String(error)}`);
  }
}
