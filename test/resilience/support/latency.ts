// Latency figures for console reports (never asserted: wall-clock speed depends on the machine).
export function percentile(sortedMs: readonly number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, index)]!;
}

export function summarize(label: string, samplesMs: number[]): string {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const f = (ms: number) => ms.toFixed(1).padStart(7);
  return `${label.padEnd(8)} n=${String(sorted.length).padStart(6)}  p50=${f(percentile(sorted, 50))} ms  p99=${f(percentile(sorted, 99))} ms  max=${f(sorted.at(-1) ?? Number.NaN)} ms`;
}
