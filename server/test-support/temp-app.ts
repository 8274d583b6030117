// A throwaway built app (index.html and a hashed asset) in a fresh temporary directory, for static-serving tests.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TempApp {
  dir: string;
  indexHtml: string;
  assetPath: string;
  assetBody: string;
  remove(): void;
}

export function makeTempApp(): TempApp {
  const dir = mkdtempSync(join(tmpdir(), 'token-manager-app-'));
  const indexHtml =
    '<!doctype html><title>API Tokens</title><div id="root"></div><script type="module" src="/assets/index-abc123.js"></script>\n';
  const assetBody = 'console.log("app");\n';
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), indexHtml);
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), assetBody);
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return {
    dir,
    indexHtml,
    assetPath: '/assets/index-abc123.js',
    assetBody,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
