// Small statistics helpers for the benchmarks.

/** The q-quantile (0..1) of the samples, by nearest rank; NaN for no samples. The samples need not be sorted. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

export function summarize(samples: readonly number[]) {
  // A loop, not Math.max(...): long runs would overflow the argument limit.
  let max = samples.length ? Number.NEGATIVE_INFINITY : Number.NaN;
  for (const sample of samples) if (sample > max) max = sample;
  return {
    n: samples.length,
    p50: quantile(samples, 0.5),
    p95: quantile(samples, 0.95),
    p99: quantile(samples, 0.99),
    max,
  };
}

export const round = (value: number, digits = 1) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : value);
