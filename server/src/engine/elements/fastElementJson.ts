/** Reads an e.json fast: native JSON.parse for values, positions computed only when asked for. */
import type { OffsetRange } from '../python/types';
import {
  NESTED_DEPTH, ARG_KEYS, ENTRY_KEYS, EVENT_KEYS, StoredValue, argNamesOf, parseElementJsonWithPositions,
  type ArgEntry, type DescEntry, type ElementJson, type JsonValue,
} from './elementJson';

/**
 * Fast path for the common case, a strict-JSON e.json: values come from the native JSON.parse,
 * positions only when something asks for one (a diagnostic, a definition target, the tree),
 * by parsing the text again with positions. Nearly every file of a healthy app never needs them.
 */
class LazyPositions {
  private done = false;
  constructor(private readonly reread: () => string | undefined, private readonly doc: LazyDoc) {}

  ensure(): void {
    if (this.done) return;
    this.done = true;
    const text = this.reread();
    if (text === undefined) return;
    const full = parseElementJsonWithPositions(text);
    const lazy = this.doc;
    if (lazy.root) lazy.root.copyOffsets(new StoredValue('object', undefined, full.rootRange.start, full.rootRange.end, full.rootRange.start, full.rootRange.end));
    for (const [k, v] of lazy.props) {
      const f = full.props.get(k);
      if (!f) continue;
      copyDeep(v, f);
    }
    for (const key of ['eventDescs', 'functionList'] as const) {
      const l = lazy[key], f = full[key];
      if (!l || !f) continue;
      l.entries.forEach((e, i) => {
        const fe = f.entries[i];
        if (!fe) return;
        (e as LazyDescEntry).setRange(fe.range);
        for (const p of ENTRY_KEYS) if (e[p] && fe[p]) copy(e[p]!, fe[p]!);
        if (e.args && fe.args) {
          copy(e.args.value, fe.args.value);
          e.args.entries.forEach((a, j) => {
            const fa = fe.args!.entries[j];
            if (!fa) return;
            (a as LazyDescEntry).setRange(fa.range);
            for (const p of ARG_KEYS) if (a[p] && fa[p]) copy(a[p]!, fa[p]!);
          });
        }
      });
    }
  }
}

function copy(to: JsonValue, from: JsonValue): void {
  if (to instanceof StoredValue && from instanceof StoredValue) to.copyOffsets(from);
}

/** Copies offsets of a value and its nested items/properties. */
function copyDeep(to: JsonValue, from: JsonValue): void {
  copy(to, from);
  to.items?.forEach((item, i) => { const fi = from.items?.[i]; if (fi) copyDeep(item, fi); });
  if (to.props) for (const [k, tv] of to.props) { const fv = from.props?.get(k); if (fv) copyDeep(tv, fv); }
}

class LazyDescEntry implements DescEntry, ArgEntry {
  name?: JsonValue; title?: JsonValue; desc?: JsonValue; returnType?: JsonValue; generic?: JsonValue; dataType?: JsonValue;
  args?: DescEntry['args']; argNames?: string[];
  private s = 0; private e = 0;
  constructor(private readonly pos: LazyPositions) {}
  get range(): OffsetRange { this.pos.ensure(); return { start: this.s, end: this.e }; }
  setRange(r: OffsetRange): void { this.s = r.start; this.e = r.end; }
}

function argEntry(item: unknown, pos: LazyPositions): ArgEntry {
  const a = new LazyDescEntry(pos);
  if (item && typeof item === 'object' && !Array.isArray(item)) {
    const o = item as Record<string, unknown>;
    for (const key of ARG_KEYS) if (key in o) a[key] = value(o[key], pos);
  }
  return a;
}

/** An ElementJson whose positions come later (see LazyPositions). */
class LazyDoc implements ElementJson {
  readonly syntaxErrors: ElementJson['syntaxErrors'] = [];
  readonly rootKind = 'object' as const;
  readonly props = new Map<string, JsonValue>();
  readonly root = new StoredValue('object', undefined, 0, 0, 0, 0);
  eventDescs?: ElementJson['eventDescs'];
  functionList?: ElementJson['functionList'];
  get rootRange(): OffsetRange { return this.root.range; }
}

function kindOf(v: unknown): JsonValue['kind'] {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  const t = typeof v;
  return t === 'string' || t === 'number' || t === 'boolean' ? t : 'object';
}

function value(v: unknown, pos: LazyPositions): StoredValue {
  const kind = kindOf(v);
  const sv = new StoredValue(kind, kind === 'object' || kind === 'array' ? undefined : v, 0, 0, 0, 0);
  sv.pos = pos;
  return sv;
}

/** A value with its nested items/properties down to NESTED_DEPTH (same shape as the positions parser). */
function nestedValue(v: unknown, pos: LazyPositions, depth: number): StoredValue {
  const sv = value(v, pos);
  if (depth > NESTED_DEPTH) return sv;
  if (Array.isArray(v)) sv.items = v.map((i) => nestedValue(i, pos, depth + 1));
  else if (sv.kind === 'object') {
    sv.props = new Map();
    for (const [k, c] of Object.entries(v as Record<string, unknown>)) sv.props.set(k, nestedValue(c, pos, depth + 1));
  }
  return sv;
}

/**
 * Parses an e.json: JSON.parse when the text is strict JSON with an object root, else the
 * position-keeping parser (which reports syntax errors). `reread` gives the text again later.
 */
export function parseElementJson(text: string, reread?: () => string | undefined): ElementJson {
  if (!reread) return parseElementJsonWithPositions(text);
  let parsed: unknown;
  try { parsed = JSON.parse(text); } catch { return parseElementJsonWithPositions(text); }
  if (kindOf(parsed) !== 'object') return parseElementJsonWithPositions(text);
  const doc = new LazyDoc();
  const pos = new LazyPositions(reread, doc);
  doc.root.pos = pos;
  for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
    const sv = k === 'eventDescs' || k === 'functionList' ? value(v, pos) : nestedValue(v, pos, 1);
    doc.props.set(k, sv);
    if ((k === 'eventDescs' || k === 'functionList') && Array.isArray(v)) {
      doc[k] = {
        value: sv,
        entries: v.map((item) => {
          const e = new LazyDescEntry(pos);
          if (item && typeof item === 'object' && !Array.isArray(item)) {
            const o = item as Record<string, unknown>;
            for (const key of k === 'functionList' ? ENTRY_KEYS : EVENT_KEYS) if (key in o) e[key] = value(o[key], pos);
            if (k === 'functionList' && 'args' in o) e.args = { value: value(o.args, pos), entries: Array.isArray(o.args) ? o.args.map((x) => argEntry(x, pos)) : [] };
            if ('args' in o) e.argNames = argNamesOf(o.args);
          }
          return e;
        }),
      };
    } else if (k === 'eventDescs' || k === 'functionList') {
      doc[k] = { value: sv, entries: [] };
    }
  }
  return doc;
}
