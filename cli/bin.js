#!/usr/bin/env node
// Entry point of `influx-tokens`: lets Node load the TypeScript sources through tsx, then runs the CLI.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// Use this package's own tsconfig, not whatever tsconfig sits in the caller's working directory.
const tsconfig = fileURLToPath(new URL('../tsconfig.json', import.meta.url));
register({ tsconfig: existsSync(tsconfig) ? tsconfig : false });
await import('./main.ts');
