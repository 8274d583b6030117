import fs from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import prettier from 'eslint-config-prettier/flat';
import globals from 'globals';

/**
 * The layering, held here so that an import going the wrong way fails `npm run lint` (see README, Architecture):
 * core/ is the ground floor; server/ and cli/ stand on it and never on src/; src/ is the browser app only.
 * Inside src/: lib/ (shared) <- components/ui <- features/* <- app/. A feature uses another only through src/lib.
 * Inside features/tokens: model/ <- list-sync/ <- api/ <- the parts (list/, toolbar/, drawer/, …) <- the page.
 */
const features = fs
  .readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const TOKENS = './src/features/tokens';
const PARTS = ['list', 'toolbar', 'drawer', 'create', 'actions', 'own-token', 'export'];
const TOKEN_PARTS = PARTS.map((part) => `${TOKENS}/${part}`);
/** The same, as globs: a zone's `from` is either all globs or none. */
const TOKEN_PART_FILES = PARTS.map((part) => `${TOKENS}/${part}/**`);
const TOKEN_PAGE = `${TOKENS}/*.{ts,tsx}`;
const TESTS = ['./{src,server,cli,core}/**/*.test.{ts,tsx}', './test/**', './src/testing/**', './e2e/**'];

const zones = [
  {
    target: './core',
    from: ['./src', './server', './cli', './bench', './test', './e2e', './scripts'],
    message: 'core/ imports nothing from the rest of the project.',
  },
  { target: './server', from: ['./src', './cli'], message: 'The servers share code with the page only through core/.' },
  {
    target: './cli',
    from: ['./src', './server'],
    message: 'The CLI shares code with the page and servers only through core/.',
  },
  {
    target: './src',
    from: ['./server', './cli', './bench', './test', './scripts'],
    message: 'src/ is the browser app: it uses core/, never server or CLI code.',
  },
  {
    target: './src',
    from: ['./core/connection.ts', './core/influx-configs.ts', './core/settings-error.ts'],
    message: 'These core modules read files and the environment: Node only, never in the page.',
  },
  {
    target: './server/standin',
    from: ['./server/app', './server/proxy'],
    message: 'The stand-in stands alone: it knows nothing of the app server.',
  },
  {
    target: './src/lib',
    from: ['./src/features', './src/components', './src/app'],
    message: 'src/lib is the shared floor of the app.',
  },
  { target: './src/components/ui', from: ['./src/features', './src/app'], message: 'UI primitives know no feature.' },
  { target: './src/features', from: ['./src/app'], message: 'Features know no app code; the app composes them.' },
  ...features.map((feature) => ({
    target: `./src/features/${feature}`,
    from: features.filter((other) => other !== feature).map((other) => `./src/features/${other}`),
    message: 'A feature uses another only through a shared module (src/lib).',
  })),
  {
    target: './src/!(features)/**',
    from: `${TOKENS}/!(index.ts)`,
    message: 'The app reaches the tokens feature only through its face, features/tokens/index.ts.',
  },
  {
    target: `${TOKENS}/model`,
    from: [`${TOKENS}/list-sync/**`, `${TOKENS}/api/**`, TOKEN_PAGE, ...TOKEN_PART_FILES],
    message: 'model/ is pure logic: it imports nothing else of the feature.',
  },
  {
    target: `${TOKENS}/list-sync`,
    from: [`${TOKENS}/api/**`, TOKEN_PAGE, ...TOKEN_PART_FILES],
    message: 'list-sync/ stands on model/ only.',
  },
  {
    target: `${TOKENS}/api`,
    from: [TOKEN_PAGE, ...TOKEN_PART_FILES],
    message: 'api/ (queries and mutations) knows nothing of the components.',
  },
  {
    target: TOKEN_PARTS,
    from: TOKEN_PAGE,
    message: 'The parts of the page know nothing of the page that wires them together.',
  },
  {
    target: `${TOKENS}/!(list-sync)/**`,
    from: `${TOKENS}/list-sync/!(index.ts)`,
    message: 'Use list-sync through its index.ts.',
  },
  {
    target: TOKEN_PAGE,
    from: `${TOKENS}/list-sync/!(index.ts)`,
    message: 'Use list-sync through its index.ts.',
  },
];

/** Tests may use their own support (test/), but never the benchmarks: a benchmark is measured, not depended on. */
const testZones = [
  ...zones.map((zone) =>
    zone.target === './src' && zone.from.includes('./test')
      ? { ...zone, from: zone.from.filter((f) => f !== './test') }
      : zone,
  ),
  { target: TESTS, from: './bench', message: 'Tests do not import the benchmarks.' },
];

const resolver = createNodeResolver({ extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs'] });

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'data', 'test-results', 'playwright-report', 'bench/results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['**/*.{ts,tsx,mts,js,mjs}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [resolver],
      // no-cycle follows imports by parsing each module: it needs the TypeScript parser for .ts and .tsx.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.mts'] },
      'import-x/extensions': ['.ts', '.tsx', '.mts', '.js', '.mjs'],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones }],
      // An import the rules cannot resolve would pass the layering unseen.
      'import-x/no-unresolved': 'error',
      'import-x/no-cycle': 'error',
    },
  },
  {
    // Tests and their support may reach test/ (shared test support), never bench/.
    files: ['**/*.test.{ts,tsx}', 'test/**', 'src/testing/**', 'e2e/**'],
    rules: { 'import-x/no-restricted-paths': ['error', { zones: testZones }] },
  },
  {
    // The CLI's tests run it against a real stand-in, or the whole product (for what only the app server keeps),
    // which they start themselves.
    files: ['cli/**/*.test.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: testZones.map((zone) =>
            zone.target === './cli'
              ? { ...zone, from: ['./src/**', './server/app/!(start.ts)', './server/proxy/**'] }
              : zone,
          ),
        },
      ],
    },
  },
  prettier,
);
