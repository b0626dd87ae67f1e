/**
 * Memory: a scan stays in the index for every Python file of the workspace. After scanning, its
 * strings are interned (a slice of the source keeps the whole file text alive, and names such as
 * `self`, `args`, `customFunc` repeat thousands of times) and its arrays are copied to their exact
 * length (an array grown by `push` keeps spare capacity); empty arrays become one shared frozen array.
 * Functions and parameters (the most numerous records) keep their offsets as numbers and build
 * their range objects on access.
 */
import type { FunctionFlow, OffsetRange, PyFunctionDef, PyParam, PythonScan } from './types.js';
import { intern } from '../text/intern';

const EMPTY: readonly unknown[] = Object.freeze([]);

/** A plain `{ start, end }` range object. */
function isRange(v: unknown): v is OffsetRange {
  if (v === null || typeof v !== 'object' || Object.getPrototypeOf(v) !== Object.prototype) return false;
  const r = v as Record<string, unknown>;
  let n = 0;
  for (const k in r) { if (k !== 'start' && k !== 'end') return false; n++; }
  return n === 2 && typeof r.start === 'number' && typeof r.end === 'number';
}

/**
 * Records holding ranges (publish calls, string literals, imports, reads, attributes…) are rebuilt
 * as instances of one class per record shape: the offsets become number fields and each range is
 * a getter building the object on access. At most MAX_SHAPES shapes (the scanner has a handful).
 */
type Rebuild = (o: Record<string, unknown>) => object;
const shapes = new Map<string, Rebuild>();
const MAX_SHAPES = 64;

function shapeOf(keys: string[], ranges: boolean[]): Rebuild {
  const fields = keys.map((k, i) => (ranges[i] ? [`${k}$s`, `${k}$e`] : [k]));
  function Rec(this: Record<string, unknown>, o: Record<string, unknown>): void {
    for (let i = 0; i < keys.length; i++) {
      const v = o[keys[i]];
      if (ranges[i]) { const r = v as OffsetRange; this[fields[i][0]] = r.start; this[fields[i][1]] = r.end; }
      else this[keys[i]] = v;
    }
  }
  keys.forEach((k, i) => {
    if (!ranges[i]) return;
    const [sk, ek] = fields[i];
    Object.defineProperty(Rec.prototype, k, {
      enumerable: true, configurable: true,
      get(this: Record<string, number>): OffsetRange { return { start: this[sk], end: this[ek] }; },
    });
  });
  const C = Rec as unknown as new (o: Record<string, unknown>) => object;
  return (o) => new C(o);
}

function rebuild(o: Record<string, unknown>): object {
  const keys = Object.keys(o);
  const ranges = keys.map((k) => isRange(o[k]));
  if (!ranges.includes(true)) return o;
  const sig = keys.map((k, i) => (ranges[i] ? `@${k}` : k)).join(',');
  let make = shapes.get(sig);
  if (!make) {
    if (shapes.size >= MAX_SHAPES) return o;
    shapes.set(sig, (make = shapeOf(keys, ranges)));
  }
  return make(o);
}

/** Values reached through these keys are data (a literal's value, a payload shape): never rebuilt. */
const DATA_KEYS = new Set(['value', 'template', 'payload']);

function compact(v: unknown, data = false): unknown {
  if (typeof v === 'string') return intern(v);
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    if (v.length === 0) return EMPTY;
    const out = v.slice();
    for (let i = 0; i < out.length; i++) out[i] = compact(out[i], data);
    return out;
  }
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    if (!data && isRange(o[k])) continue;
    const c = compact(o[k], data || DATA_KEYS.has(k));
    if (c !== o[k]) o[k] = c;
  }
  return data || Object.getPrototypeOf(o) !== Object.prototype ? o : rebuild(o);
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
