// Latency figures for console reports (never asserted: wall-clock speed depends on the machine).
import { summarize as latencyStats } from '../../../bench/stats';

export function summarize(label: string, samplesMs: number[]): string {
  const stats = latencyStats(samplesMs);
  const f = (ms: number) => ms.toFixed(1).padStart(7);
  return `${label.padEnd(8)} n=${String(stats.n).padStart(6)}  p50=${f(stats.p50)} ms  p99=${f(stats.p99)} ms  max=${f(stats.max)} ms`;
}
