/**
 * Memory: a scan stays in the index for every Python file of the workspace. After scanning, its
 * strings are interned (a slice of the source keeps the whole file text alive, and names such as
 * `self`, `args`, `customFunc` repeat thousands of times) and its arrays are copied to their exact
 * length (an array grown by `push` keeps spare capacity); empty arrays become one shared frozen array.
 */
import type { PythonScan } from './types.js';

const EMPTY: readonly unknown[] = Object.freeze([]);

/** Property names are internalized: a string set as a key comes back as V8's one shared copy. */
const KEYS: Record<string, number> = Object.create(null) as Record<string, number>;

/**
 * The engine's copy of a string: V8 keeps one internalized copy per distinct property name (weakly,
 * in its string table), so this dedups without a map of its own and never pins a parent string.
 */
export function intern(s: string): string {
  KEYS[s] = 0;
  const k = Object.keys(KEYS)[0];
  delete KEYS[s];
  return k ?? s;
}

function compact(v: unknown): unknown {
  if (typeof v === 'string') return intern(v);
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    if (v.length === 0) return EMPTY;
    const out = v.slice();
    for (let i = 0; i < out.length; i++) out[i] = compact(out[i]);
    return out;
  }
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    const c = compact(o[k]);
    if (c !== o[k]) o[k] = c;
  }
  return o;
}

/** Compacts a finished scan in place (see above); returns it. Nothing writes to a scan afterwards. */
export function compactScan(scan: PythonScan): PythonScan {
  return compact(scan) as PythonScan;
}
