// Summary statistics and machine facts for the benchmark report.
import os from 'node:os';
import { readFileSync } from 'node:fs';

/** { median, min, max, runs, values } of a list of numbers. */
export function summary(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return { median: NaN, min: NaN, max: NaN, runs: 0, values: [] };
  const mid = v.length >> 1;
  const median = v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  return { median, min: v[0], max: v[v.length - 1], runs: v.length, values: values.map(round) };
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** { p50, p95, p99, min, max, mean, count } of latencies. */
export function latency(values) {
  const v = values.slice().sort((a, b) => a - b);
  const mean = v.reduce((s, x) => s + x, 0) / (v.length || 1);
  return { p50: percentile(v, 50), p95: percentile(v, 95), p99: percentile(v, 99), min: v[0], max: v[v.length - 1], mean, count: v.length };
}

export const round = (x, d = 2) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : x);

export function machineInfo() {
  const cpus = os.cpus();
  let cpuModel = cpus[0]?.model ?? 'unknown';
  try {
    const m = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m);
    if (m) cpuModel = m[1].trim();
  } catch { /* not linux */ }
  return {
    cpuModel,
    cores: cpus.length,
    memoryGB: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverageAtStart: os.loadavg().map((x) => round(x)),
  };
}
