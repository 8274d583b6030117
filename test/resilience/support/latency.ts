// Latency figures for console reports (never asserted: wall-clock speed depends on the machine).

export function summarize(label: string, samplesMs: number[]): string {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  // Nearest rank, as the benchmarks count it.
  const at = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  const f = (ms: number) => ms.toFixed(1).padStart(7);
  return `${label.padEnd(8)} n=${String(sorted.length).padStart(6)}  p50=${f(at(0.5))} ms  p99=${f(at(0.99))} ms  max=${f(at(1))} ms`;
}
