/**
 * Offsets for an e.json read by JSON.parse (positionsParse): one pass over its strict-JSON text
 * that writes them straight into the values, without building a tree. Same answers as jsonc-parser
 * gives: a duplicate key's last occurrence wins, an `args` list's entries take their ranges from
 * the first `args`.
 */
import { ENTRY_KEYS, EVENT_KEYS, ARG_KEYS, StoredValue, type ElementJson, type JsonValue, type DescEntry } from './elementJson';
import type { OffsetRange } from '../python/types';

/** An entry whose range can be set (the fast path's entries). */
interface RangeSink { setRange(r: OffsetRange): void }

let t = '';
let i = 0;

function ws(): void {
  for (;;) {
    const c = t.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) i++; else return;
  }
}

/** At a `"`: moves past the string (to the next quote not escaped by an odd run of backslashes). */
function skipString(): void {
  let from = i + 1;
  for (;;) {
    const q = t.indexOf('"', from);
    if (q < 0) throw new Error('unterminated string');
    let b = q - 1;
    while (t.charCodeAt(b) === 92) b--;
    if ((q - 1 - b) % 2 === 0) { i = q + 1; return; }
    from = q + 1;
  }
}

/** At a `"`: the key's value, moved past it. */
function readKey(): string {
  const s = i;
  skipString();
  const raw = t.slice(s + 1, i - 1);
  return raw.includes('\\') ? JSON.parse(t.slice(s, i)) as string : raw;
}

/** Moves past one value without looking inside it (no recursion: any depth). */
function skipValue(): void {
  const c = t.charCodeAt(i);
  if (c === 34) { skipString(); return; }
  if (c === 123 || c === 91) {
    let depth = 0;
    for (;;) {
      const d = t.charCodeAt(i);
      if (d === 34) { skipString(); continue; }
      if (d !== d) throw new Error('unbalanced');
      i++;
      if (d === 123 || d === 91) depth++;
      else if ((d === 125 || d === 93) && --depth === 0) return;
    }
  }
  // number, true, false, null
  for (;;) {
    const d = t.charCodeAt(i);
    if (d !== d || d === 44 || d === 125 || d === 93 || d === 32 || d === 10 || d === 13 || d === 9) return;
    i++;
  }
}

function set(v: JsonValue | undefined, s: number, quoted: boolean, ks: number, ke: number): void {
  if (v instanceof StoredValue) v.setOffsets(s, i, quoted ? s + 1 : s, quoted ? i - 1 : i, ks, ke);
}

/** One value at `i` (after white space): its offsets, and those of its nested items/properties the fast path kept. */
function fillValue(v: JsonValue | undefined, ks: number, ke: number): void {
  const s = i, c = t.charCodeAt(i);
  if (c === 123 && v?.props) fillObject(v.props);
  else if (c === 91 && v?.items) fillArray(v.items);
  else skipValue();
  set(v, s, c === 34, ks, ke);
}

/** Calls `each(key, keyStart, keyEnd)` at each property's value (after white space); at `{`. */
function properties(each: (key: string, ks: number, ke: number) => void): void {
  i++; ws();
  if (t.charCodeAt(i) === 125) { i++; return; }
  for (;;) {
    ws();
    const ks = i;
    const key = readKey();
    const ke = i;
    ws(); i++; ws(); // the colon
    each(key, ks, ke);
    ws();
    if (t.charCodeAt(i++) === 125) return; // else a comma
  }
}

/** Calls `each(index)` at each item (after white space); at `[`. */
function items(each: (n: number) => void): void {
  i++; ws();
  if (t.charCodeAt(i) === 93) { i++; return; }
  for (let n = 0; ; n++) {
    ws();
    each(n);
    ws();
    if (t.charCodeAt(i++) === 93) return; // else a comma
  }
}

function fillObject(props: ReadonlyMap<string, JsonValue>): void {
  properties((key, ks, ke) => fillValue(props.get(key), ks, ke));
}

function fillArray(list: JsonValue[]): void {
  items((n) => fillValue(list[n], -1, -1));
}

/** An entry object's kept keys (plain values, no nesting) and, for a functionList entry, its `args`. */
function fillEntry(e: DescEntry | undefined, keys: readonly string[], withArgs: boolean): void {
  const s = i;
  if (t.charCodeAt(i) !== 123 || !e) { skipValue(); if (e) (e as unknown as RangeSink).setRange({ start: s, end: i }); return; }
  const fields = e as unknown as Record<string, JsonValue | undefined>;
  let firstArgs = true;
  properties((key, ks, ke) => {
    if (keys.includes(key)) { fillValue(fields[key], ks, ke); return; }
    if (!withArgs || key !== 'args' || !e.args) { skipValue(); return; }
    const vs = i, c = t.charCodeAt(i);
    if (firstArgs && c === 91) {
      const args = e.args.entries;
      items((n) => fillEntry(args[n], ARG_KEYS, false));
    } else skipValue();
    firstArgs = false;
    set(e.args.value, vs, c === 34, ks, ke);
  });
  (e as unknown as RangeSink).setRange({ start: s, end: i });
}

/** eventDescs / functionList: the value's offsets and its entries'. */
function fillList(doc: ElementJson, key: 'eventDescs' | 'functionList', ks: number, ke: number): void {
  const list = doc[key], v = doc.props.get(key);
  const s = i, c = t.charCodeAt(i);
  if (c === 91 && list) {
    const keys = key === 'functionList' ? ENTRY_KEYS : EVENT_KEYS;
    items((n) => fillEntry(list.entries[n], keys, key === 'functionList'));
  } else skipValue();
  set(v, s, c === 34, ks, ke);
}

/**
 * Writes the offsets of `doc` (parsed from `text` by JSON.parse, root an object) and of `root`.
 * `text` must be strict JSON with an object root (the caller checks); throws if it is not.
 */
export function fillPositions(text: string, doc: ElementJson, root: StoredValue): void {
  t = text; i = 0;
  try {
    ws();
    const rs = i;
    if (t.charCodeAt(i) !== 123) throw new Error('not an object');
    // The lists are filled from their last occurrence only (as the props map keeps it).
    const lists: [key: 'eventDescs' | 'functionList', at: number, ks: number, ke: number][] = [];
    properties((key, ks, ke) => {
      if (key === 'eventDescs' || key === 'functionList') { lists.push([key, i, ks, ke]); skipValue(); }
      else fillValue(doc.props.get(key), ks, ke);
    });
    root.setOffsets(rs, i, rs, i, -1, -1);
    for (let n = lists.length - 1; n >= 0; n--) {
      const [key, at, ks, ke] = lists[n];
      if (lists.findIndex((l, m) => m > n && l[0] === key) >= 0) continue;
      i = at;
      fillList(doc, key, ks, ke);
    }
  } finally {
    t = '';
  }
}
