/**
 * The positions parse behind a fast-path e.json's ranges (fastElementJson asks for one when a range
 * is first needed). A strict-JSON text with an object root is read by JSON.parse and its values get
 * their offsets from one pass over the text (jsonPositions), without jsonc-parser's node tree; any
 * other text is parsed with jsonc-parser. Same values and offsets either way, for what ranges are
 * asked of: the nested values down to NESTED_DEPTH and the eventDescs / functionList entries.
 */
import type { OffsetRange } from '../python/types';
import {
  NESTED_DEPTH, ARG_KEYS, ENTRY_KEYS, EVENT_KEYS, StoredValue, argNamesOf, parseElementJsonWithPositions,
  type ArgEntry, type DescEntry, type ElementJson, type JsonValue,
} from './elementJson';
import { fillPositions } from './jsonPositions';

/** An entry whose range the one pass sets. */
class Entry implements DescEntry, ArgEntry {
  name?: JsonValue; title?: JsonValue; desc?: JsonValue; returnType?: JsonValue; generic?: JsonValue; dataType?: JsonValue;
  args?: DescEntry['args']; argNames?: string[];
  private s = 0; private e = 0;
  get range(): OffsetRange { return { start: this.s, end: this.e }; }
  setRange(r: OffsetRange): void { this.s = r.start; this.e = r.end; }
}

class Doc implements ElementJson {
  readonly syntaxErrors: ElementJson['syntaxErrors'] = [];
  readonly rootKind = 'object' as const;
  readonly props = new Map<string, JsonValue>();
  readonly root = new StoredValue('object', undefined, 0, 0, 0, 0);
  eventDescs?: ElementJson['eventDescs'];
  functionList?: ElementJson['functionList'];
  get rootRange(): OffsetRange { return this.root.range; }
}

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => !!v && typeof v === 'object' && !Array.isArray(v);

function kindOf(v: unknown): JsonValue['kind'] {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  const t = typeof v;
  return t === 'string' || t === 'number' || t === 'boolean' ? t : 'object';
}

function value(v: unknown): StoredValue {
  const kind = kindOf(v);
  return new StoredValue(kind, kind === 'object' || kind === 'array' ? undefined : v, 0, 0, 0, 0);
}

/** A value with its nested items/properties down to NESTED_DEPTH (the shape of the jsonc-parser conversion). */
function nested(v: unknown, depth: number): StoredValue {
  const sv = value(v);
  if (depth > NESTED_DEPTH) return sv;
  if (Array.isArray(v)) sv.items = v.map((i) => nested(i, depth + 1));
  else if (sv.kind === 'object') {
    sv.props = new Map();
    for (const [k, c] of Object.entries(v as Raw)) sv.props.set(k, nested(c, depth + 1));
  }
  return sv;
}

function entry(item: unknown, keys: readonly string[], withArgs: boolean): Entry {
  const e = new Entry();
  if (!isObject(item)) return e;
  for (const key of keys) if (key in item) (e as unknown as Record<string, JsonValue>)[key] = value(item[key]);
  if (withArgs && 'args' in item) {
    e.args = { value: value(item.args), entries: Array.isArray(item.args) ? item.args.map((a) => entry(a, ARG_KEYS, false)) : [] };
  }
  if ('args' in item) e.argNames = argNamesOf(item.args);
  return e;
}

function docOf(parsed: Raw): Doc {
  const doc = new Doc();
  for (const [k, v] of Object.entries(parsed)) {
    const list = k === 'eventDescs' || k === 'functionList';
    const sv = list ? value(v) : nested(v, 1);
    doc.props.set(k, sv);
    if (list) doc[k] = { value: sv, entries: Array.isArray(v) ? v.map((item) => entry(item, k === 'functionList' ? ENTRY_KEYS : EVENT_KEYS, k === 'functionList')) : [] };
  }
  return doc;
}

/** An e.json with every position kept (see the header): never throws. */
export function parsePositions(text: string): ElementJson {
  let parsed: unknown;
  try { parsed = JSON.parse(text); } catch { return parseElementJsonWithPositions(text); }
  if (!isObject(parsed)) return parseElementJsonWithPositions(text);
  const doc = docOf(parsed);
  try {
    fillPositions(text, doc, doc.root);
    return doc;
  } catch {
    return parseElementJsonWithPositions(text);
  }
}
