/**
 * How fast V8 lets the heap grow between full collections. A full index allocates a lot that dies
 * young (file texts, parse trees) while what it keeps grows: with V8's default the heap (and RSS)
 * runs far ahead of what is live. Growing by 30% while a full index runs keeps the peak down
 * (10k elements: peak RSS 155 -> 140 MB at the same index time; 100k: ~800 -> 663 MB); afterwards
 * V8's own factor comes back, since at 30% the more frequent collections show in the tail of
 * completion while typing (bench, 10k: completion p95 7-9 -> 14-17 ms). Set here, not as a node
 * flag, so every editor's server gets it.
 */
import { setFlagsFromString } from 'node:v8';

export function slowHeapGrowth(on: boolean): void {
  try { setFlagsFromString(`--heap-growing-percent=${on ? 30 : 0}`); } catch { /* a runtime without the flag: V8's default */ }
}
