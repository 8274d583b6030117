// Sizes of what the browser downloads on first load: the JS and CSS that dist/index.html references.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSizes {
  js: { raw: number; gzip: number; files: number };
  css: { raw: number; gzip: number; files: number };
}

export function firstLoadBundle(distDir: string): BundleSizes {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const sizes: BundleSizes = { js: { raw: 0, gzip: 0, files: 0 }, css: { raw: 0, gzip: 0, files: 0 } };
  for (const ref of new Set(refs)) {
    const content = readFileSync(path.join(distDir, ref));
    const kind = ref.endsWith('.css') ? sizes.css : sizes.js;
    kind.raw += content.length;
    kind.gzip += gzipSync(content, { level: 9 }).length;
    kind.files += 1;
  }
  return sizes;
}
