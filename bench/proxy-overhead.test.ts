// The overhead benchmark must keep working for the benchmark suite: same answers both ways, well-formed figures.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findNginx } from './nginx';
import { formatOverheadTable, measureProxyOverhead } from './proxy-overhead';

describe('measureProxyOverhead', () => {
  it("measures both scenarios directly, through our proxy (own process and the stand-in's) and the raw Node floor, without errors", async () => {
    const result = await measureProxyOverhead({ requests: 40, concurrency: 4, listSize: 12, warmup: 8 });
    expect(result.scenarios.map((s) => s.name)).toEqual(['get one token', 'list 12 tokens']);
    for (const scenario of result.scenarios) {
      for (const stats of [scenario.direct, scenario.proxied, scenario.proxiedShared, scenario.nodeFloor]) {
        expect(stats.requests).toBe(40);
        expect(stats.errors).toBe(0);
        expect(stats.requestsPerSecond).toBeGreaterThan(0);
        expect(stats.p99Ms).toBeGreaterThanOrEqual(stats.p50Ms);
      }
      expect(scenario.throughputRatio).toBeCloseTo(
        scenario.proxied.requestsPerSecond / scenario.direct.requestsPerSecond,
      );
      // The proxies in their own process report their own CPU; the direct row has none to report.
      expect(scenario.proxied.proxyCpuUsPerRequest).toBeGreaterThan(0);
      expect(scenario.nodeFloor.proxyCpuUsPerRequest).toBeGreaterThan(0);
      expect(scenario.direct.proxyCpuUsPerRequest).toBeUndefined();
    }
    expect(formatOverheadTable(result)).toMatch(/list 12 tokens\s+ours\/direct\s+x\d/);
    // nginx is optional: its reference row is there when it is installed, and the table says why when it is not.
    if (findNginx()) {
      expect(result.nginxSkipped).toBeUndefined();
      expect(formatOverheadTable(result)).toMatch(/list 12 tokens\s+nginx\/direct\s+x\d/);
      expect(formatOverheadTable(result)).toMatch(/list 12 tokens\s+ours\/nginx\s+x\d/);
    } else {
      expect(result.nginxSkipped).toBe('nginx is not installed');
      expect(result.scenarios.every((s) => s.nginx === undefined)).toBe(true);
      expect(formatOverheadTable(result)).not.toMatch(/nginx\/direct/);
      expect(formatOverheadTable(result)).toContain('(no nginx reference row: nginx is not installed)');
    }
  }, 60_000);

  it('goes on without the nginx row when nginx is absent or will not start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-fake-nginx-'));
    const saved = process.env.NGINX;
    try {
      expect(findNginx({ NGINX: join(dir, 'missing'), PATH: '' })).toBeUndefined();
      expect(findNginx({ PATH: dir })).toBe(findNginx({ PATH: '' }));
      // An nginx that fails its config test, as a broken install would.
      const broken = join(dir, 'nginx');
      writeFileSync(broken, '#!/bin/sh\necho "nginx: [emerg] broken install" >&2\nexit 1\n');
      chmodSync(broken, 0o755);
      expect(findNginx({ PATH: dir })).toBe(broken);
      process.env.NGINX = broken;
      const result = await measureProxyOverhead({ requests: 8, concurrency: 2, listSize: 3, warmup: 2 });
      expect(result.nginxSkipped).toBe(
        `${broken} would not start: nginx config test failed: nginx: [emerg] broken install`,
      );
      expect(result.scenarios.map((s) => [s.proxied.errors, s.nginx])).toEqual([
        [0, undefined],
        [0, undefined],
      ]);
      expect(formatOverheadTable(result)).toContain('(no nginx reference row:');
    } finally {
      if (saved === undefined) delete process.env.NGINX;
      else process.env.NGINX = saved;
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
