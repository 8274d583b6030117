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
 */
const features = fs
  .readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

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
];

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
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs'] })],
    },
    rules: { 'import-x/no-restricted-paths': ['error', { zones }] },
  },
  {
    // The CLI's tests run it against a real stand-in, which they start themselves.
    files: ['cli/**/*.test.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: zones.map((zone) =>
            zone.target === './cli' ? { ...zone, from: ['./src', './server/app', './server/proxy'] } : zone,
          ),
        },
      ],
    },
  },
  prettier,
);
