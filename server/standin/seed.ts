// `npm run seed -- --tokens N [--users M] [--buckets B]`: adds N synthetic tokens (and B buckets) to the stand-in's database in DATA_DIR
// (default ./data), bootstrapping it first if it is new. Safe to run while the stand-in is running.
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { operatorTokenNotice } from './operator-token-file';
import { seedTokens } from './seed-tokens';
import { StandinStore } from './store';

export { seedTokens, type SeedOptions, type SeedSummary } from './seed-tokens';

const USAGE =
  'usage: npm run seed -- --tokens N [--users M] [--buckets B]   (N >= 0 tokens spread over M >= 1 users, default 10; B more buckets, default 0)';

function count(text: string | undefined, name: string, fallback?: number): number {
  if (text === undefined && fallback !== undefined) return fallback;
  const value = Number(text);
  if (text === undefined || !/^\d+$/.test(text) || !Number.isSafeInteger(value)) {
    throw new Error(`--${name} needs a whole number, got ${JSON.stringify(text ?? '')}\n${USAGE}`);
  }
  return value;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      tokens: { type: 'string' },
      users: { type: 'string' },
      buckets: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const tokens = count(values.tokens, 'tokens');
  const users = count(values.users, 'users', 10);
  const buckets = count(values.buckets, 'buckets', 0);
  if (users < 1) throw new Error(`--users must be at least 1\n${USAGE}`);
  const dataDir = process.env.DATA_DIR || './data';
  const store = StandinStore.open(dataDir);
  try {
    const summary = seedTokens(store, { tokens, users, buckets });
    if (summary.operatorToken !== undefined) {
      // Never the token itself in output: where it is, and how to read it.
      console.log(`Bootstrapped a new database in ${dataDir}. ${operatorTokenNotice(dataDir)}`);
    }
    console.log(
      `seeded ${summary.tokens} tokens over ${summary.users} users (${summary.usersCreated} new) in org ${summary.orgName} ` +
        `in ${summary.ms} ms; ${store.countAuthorizations()} tokens in ${dataDir} now`,
    );
  } finally {
    store.close();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main();
  } catch (error) {
    console.error(`seed failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
