/**
 * Memory: a scan stays in the index for every Python file of the workspace. After scanning, its
 * strings are interned (a slice of the source keeps the whole file text alive, and names such as
 * `self`, `args`, `customFunc` repeat thousands of times) and its arrays are copied to their exact
 * length (an array grown by `push` keeps spare capacity); empty arrays become one shared frozen array.
 * Functions and parameters (the most numerous records) keep their offsets as numbers and build
 * their range objects on access.
 */
import type { FunctionFlow, OffsetRange, PyFunctionDef, PyParam, PythonScan } from './types.js';

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

class Param implements PyParam {
  constructor(public name: string, public kind: PyParam['kind'], public hasDefault: boolean, public nameStart: number) {}
  get range(): OffsetRange { return { start: this.nameStart, end: this.nameStart + this.name.length }; }
}

class FunctionRec implements PyFunctionDef {
  name: string;
  params: PyParam[];
  paramsEnd?: number;
  isAsync: boolean;
  decorators: string[];
  flow?: FunctionFlow;
  private readonly ns: number; private readonly ne: number; private readonly ds: number; private readonly de: number;
  constructor(f: PyFunctionDef) {
    this.name = f.name;
    this.ns = f.nameRange.start; this.ne = f.nameRange.end; this.ds = f.defRange.start; this.de = f.defRange.end;
    this.params = f.params.map((p) => (p.range && p.nameStart === p.range.start && p.range.end === p.nameStart + p.name.length ? new Param(p.name, p.kind, p.hasDefault, p.nameStart) : p));
    this.paramsEnd = f.paramsEnd;
    this.isAsync = f.isAsync;
    this.decorators = f.decorators;
    this.flow = f.flow;
  }
  get nameRange(): OffsetRange { return { start: this.ns, end: this.ne }; }
  get defRange(): OffsetRange { return { start: this.ds, end: this.de }; }
}

/** Compacts a finished scan in place (see above); returns it. Nothing writes to a scan afterwards. */
export function compactScan(scan: PythonScan): PythonScan {
  scan.functions = scan.functions.map((f) => new FunctionRec(f));
  for (const c of scan.classes) c.methods = c.methods.map((f) => new FunctionRec(f));
  return compact(scan) as PythonScan;
}
