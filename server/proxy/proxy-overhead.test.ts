// The overhead benchmark must keep working for the benchmark suite: same answers both ways, well-formed figures.
import { describe, expect, it } from 'vitest';
import { formatOverheadTable, measureProxyOverhead } from '../../bench/proxy-overhead';

describe('measureProxyOverhead', () => {
  it('measures both scenarios directly and through the proxy without errors', async () => {
    const result = await measureProxyOverhead({ requests: 40, concurrency: 4, listSize: 12, warmup: 8 });
    expect(result.scenarios.map((s) => s.name)).toEqual(['get one token', 'list 12 tokens']);
    for (const scenario of result.scenarios) {
      for (const stats of [scenario.direct, scenario.proxied]) {
        expect(stats.requests).toBe(40);
        expect(stats.errors).toBe(0);
        expect(stats.requestsPerSecond).toBeGreaterThan(0);
        expect(stats.p99Ms).toBeGreaterThanOrEqual(stats.p50Ms);
      }
      expect(scenario.throughputRatio).toBeCloseTo(scenario.proxied.requestsPerSecond / scenario.direct.requestsPerSecond);
    }
    expect(formatOverheadTable(result)).toMatch(/list 12 tokens\s+ours\/direct\s+x\d/);
  }, 60_000);
});
