/** Reads an e.json fast: native JSON.parse for values, positions computed only when asked for. */
import type { OffsetRange } from '../python/types';
import {
  NESTED_DEPTH, ARG_KEYS, ENTRY_KEYS, EVENT_KEYS, argNamesOf, parseElementJsonWithPositions,
  type ArgEntry, type DescEntry, type ElementJson, type JsonValue,
} from './elementJson';
import { parsePositions } from './positionsParse';
import { intern } from '../text/intern';

/**
 * Fast path for the common case, a strict-JSON e.json: values come from the native JSON.parse,
 * positions only when something asks for one (a diagnostic, a definition target, the tree),
 * by parsing the text again with positions (positionsParse). Nearly every file of a healthy app never needs them.
 *
 * Memory: the document keeps only the parsed object. Values, property maps and list entries are
 * small views over it, made when a caller asks (never kept): tens of thousands of e.json files
 * stay in memory, and an object (plus a Map per object value) for each JSON value would dominate
 * the heap. A view finds its positions through its path in the positions parse.
 */
/** How a positions parse is made (tests compare parsers through the same views). */
let positionsParser: (text: string) => ElementJson = parsePositions;
export function usePositionsParser(p: (text: string) => ElementJson): () => void {
  const was = positionsParser;
  positionsParser = p;
  return () => { positionsParser = was; };
}

/** Reads a file's current text again (an editor's overlay first); one per index, shared by its records. */
export interface TextSource { text(path: string): string | undefined }

class Positions {
  /** The positions parse while this document is among the last RECENT_PARSES that needed one. */
  full?: ElementJson;
  constructor(private readonly texts: TextSource, private readonly path: string) {}

  /** The positions parse of the file's current text (made on first call, again after it was dropped). */
  ensure(): ElementJson | undefined {
    if (this.full) return this.full;
    const text = this.texts.text(this.path);
    if (text === undefined) return undefined;
    this.full = positionsParser(text);
    keepRecent(this);
    return this.full;
  }
}

/**
 * Memory: a positions parse is a tree of objects several times the size of the text, and one is
 * needed for every file with a diagnostic (about one e.json in eight of a big app). Ranges are
 * asked for in bursts (one file's checks), so only the last few parses are kept; a later range
 * request reads and parses the file again (a fraction of a millisecond).
 */
const RECENT_PARSES = 128;
const recent: (Positions | undefined)[] = new Array<Positions | undefined>(RECENT_PARSES).fill(undefined);
let recentNext = 0;

function keepRecent(p: Positions): void {
  const old = recent[recentNext];
  if (old && old !== p) old.full = undefined;
  recent[recentNext] = p;
  recentNext = (recentNext + 1) % RECENT_PARSES;
}

/** Depth of values that keep no children (eventDescs/functionList and their entries' values). */
const FLAT = NESTED_DEPTH + 1;
const NO_RANGE = (): OffsetRange => ({ start: 0, end: 0 });
type Raw = Record<string, unknown>;
type ListKey = 'eventDescs' | 'functionList';

function kindOf(v: unknown): JsonValue['kind'] {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  const t = typeof v;
  return t === 'string' || t === 'number' || t === 'boolean' ? t : 'object';
}

const isObject = (v: unknown): v is Raw => !!v && typeof v === 'object' && !Array.isArray(v);

/** A view of one value: a top-level property (parent undefined), an item/property of a value, or a property of an entry. */
class LazyValue implements JsonValue {
  constructor(
    private readonly raw: unknown, private readonly pos: Positions,
    private readonly parent: LazyValue | LazyEntry | undefined, private readonly key: string | number, private readonly depth: number,
  ) {}

  get kind(): JsonValue['kind'] { return kindOf(this.raw); }
  get value(): unknown { return this.raw !== null && typeof this.raw === 'object' ? undefined : this.raw; }
  get items(): JsonValue[] | undefined {
    if (this.depth > NESTED_DEPTH || !Array.isArray(this.raw)) return undefined;
    return this.raw.map((x, i) => new LazyValue(x, this.pos, this, i, this.depth + 1));
  }
  get props(): ReadonlyMap<string, JsonValue> | undefined {
    if (this.depth > NESTED_DEPTH || !isObject(this.raw)) return undefined;
    return new RawProps(this.raw, this.pos, this, this.depth + 1);
  }

  /** The same value in the positions parse (made when `ensure`, else only when already made). */
  twin(ensure: boolean): JsonValue | undefined {
    const full = ensure ? this.pos.ensure() : this.pos.full;
    if (!full) return undefined;
    if (this.parent === undefined) return full.props.get(this.key as string);
    if (this.parent instanceof LazyEntry) return this.parent.twinProp(this.key as string, ensure);
    const p = this.parent.twin(ensure);
    return typeof this.key === 'number' ? p?.items?.[this.key] : p?.props?.get(this.key);
  }

  get range(): OffsetRange { return this.twin(true)?.range ?? NO_RANGE(); }
  get contentRange(): OffsetRange { return this.twin(true)?.contentRange ?? NO_RANGE(); }
  /** Only object properties have one (not array items). */
  get keyRange(): OffsetRange | undefined { return this.twin(true)?.keyRange; }
  /** Known once positions were made (a strict-JSON text has no unterminated string); never makes them. */
  get unterminated(): boolean | undefined { return this.twin(false)?.unterminated || undefined; }
}

/** The properties of an object value (or of the document) as a read-only map of views. */
class RawProps implements ReadonlyMap<string, JsonValue> {
  constructor(
    private readonly raw: Raw, private readonly pos: Positions,
    private readonly parent: LazyValue | undefined, private readonly depth: number,
  ) {}

  private make(k: string): LazyValue {
    const depth = this.parent === undefined && (k === 'eventDescs' || k === 'functionList') ? FLAT : this.depth;
    return new LazyValue(this.raw[k], this.pos, this.parent, k, depth);
  }
  private toMap(): Map<string, JsonValue> {
    const m = new Map<string, JsonValue>();
    for (const k of Object.keys(this.raw)) m.set(k, this.make(k));
    return m;
  }
  get size(): number { return Object.keys(this.raw).length; }
  has(k: string): boolean { return Object.hasOwn(this.raw, k); }
  get(k: string): JsonValue | undefined { return Object.hasOwn(this.raw, k) ? this.make(k) : undefined; }
  forEach(cb: (value: JsonValue, key: string, map: ReadonlyMap<string, JsonValue>) => void, thisArg?: unknown): void {
    for (const k of Object.keys(this.raw)) cb.call(thisArg, this.make(k), k, this);
  }
  entries(): ReturnType<Map<string, JsonValue>['entries']> { return this.toMap().entries(); }
  keys(): ReturnType<Map<string, JsonValue>['keys']> { return new Map(Object.keys(this.raw).map((k) => [k, 0])).keys(); }
  values(): ReturnType<Map<string, JsonValue>['values']> { return this.toMap().values(); }
  [Symbol.iterator](): ReturnType<Map<string, JsonValue>['entries']> { return this.toMap().entries(); }
}

/** A view of one eventDescs/functionList entry, or of one `args` entry of a functionList entry (`of` set). */
class LazyEntry implements DescEntry, ArgEntry {
  constructor(
    private readonly raw: unknown, private readonly pos: Positions, private readonly list: ListKey,
    private readonly index: number, private readonly of?: LazyEntry,
  ) {}

  private twinEntry(ensure: boolean): (DescEntry & ArgEntry) | undefined {
    if (this.of) return this.of.twinEntry(ensure)?.args?.entries[this.index];
    const full = ensure ? this.pos.ensure() : this.pos.full;
    return full?.[this.list]?.entries[this.index];
  }
  /** The positions-parse value of one of this entry's properties. */
  twinProp(key: string, ensure: boolean): JsonValue | undefined {
    const e = this.twinEntry(ensure);
    return key === 'args' ? e?.args?.value : (e as Record<string, JsonValue | undefined> | undefined)?.[key];
  }
  private prop(key: string): JsonValue | undefined {
    const keys: readonly string[] = this.of ? ARG_KEYS : this.list === 'functionList' ? ENTRY_KEYS : EVENT_KEYS;
    if (!isObject(this.raw) || !keys.includes(key) || !(key in this.raw)) return undefined;
    return new LazyValue(this.raw[key], this.pos, this, key, FLAT);
  }

  get range(): OffsetRange { return this.twinEntry(true)?.range ?? NO_RANGE(); }
  get name(): JsonValue | undefined { return this.prop('name'); }
  get title(): JsonValue | undefined { return this.prop('title'); }
  get desc(): JsonValue | undefined { return this.prop('desc'); }
  get returnType(): JsonValue | undefined { return this.prop('returnType'); }
  get generic(): JsonValue | undefined { return this.prop('generic'); }
  get dataType(): JsonValue | undefined { return this.prop('dataType'); }
  get args(): DescEntry['args'] {
    if (this.of || this.list !== 'functionList' || !isObject(this.raw) || !('args' in this.raw)) return undefined;
    const args = this.raw.args;
    return {
      value: new LazyValue(args, this.pos, this, 'args', FLAT),
      entries: Array.isArray(args) ? args.map((x, j) => new LazyEntry(x, this.pos, this.list, j, this)) : [],
    };
  }
  get argNames(): string[] | undefined {
    if (this.of || !isObject(this.raw) || !('args' in this.raw)) return undefined;
    return argNamesOf(this.raw.args);
  }
}

const NO_ERRORS: ElementJson['syntaxErrors'] = [];

/** An ElementJson over the parsed object; positions come later (see Positions). */
class LazyDoc extends Positions implements ElementJson {
  readonly props: RawProps;
  constructor(private readonly raw: Raw, texts: TextSource, path: string) {
    super(texts, path);
    this.props = new RawProps(raw, this, undefined, 1);
  }
  get syntaxErrors(): ElementJson['syntaxErrors'] { return NO_ERRORS; }
  get rootKind(): 'object' { return 'object'; }
  get rootRange(): OffsetRange { return this.ensure()?.rootRange ?? NO_RANGE(); }
  get eventDescs(): ElementJson['eventDescs'] { return this.list('eventDescs'); }
  get functionList(): ElementJson['functionList'] { return this.list('functionList'); }
  private list(key: ListKey): ElementJson['eventDescs'] {
    if (!Object.hasOwn(this.raw, key)) return undefined;
    const v = this.raw[key];
    return {
      value: new LazyValue(v, this, undefined, key, FLAT),
      entries: Array.isArray(v) ? v.map((item, i) => new LazyEntry(item, this, key, i)) : [],
    };
  }
}

/** Memory: string values shared across files (Types, senders, ".", "Inner"…) are kept once (see intern). */
function internValues(o: Raw | unknown[]): void {
  if (Array.isArray(o)) {
    for (let i = 0; i < o.length; i++) {
      const v = o[i];
      if (typeof v === 'string') o[i] = intern(v);
      else if (v !== null && typeof v === 'object') internValues(v as Raw | unknown[]);
    }
    return;
  }
  for (const k in o) {
    const v = o[k];
    if (typeof v === 'string') o[k] = intern(v);
    else if (v !== null && typeof v === 'object') internValues(v as Raw | unknown[]);
  }
}

/**
 * Parses an e.json: JSON.parse when the text is strict JSON with an object root, else the
 * position-keeping parser (which reports syntax errors). `texts` gives the file's text again later.
 */
export function parseElementJson(text: string, texts?: TextSource, path?: string): ElementJson {
  if (!texts || path === undefined) return parseElementJsonWithPositions(text);
  let parsed: unknown;
  try { parsed = JSON.parse(text); } catch { return parseElementJsonWithPositions(text); }
  if (!isObject(parsed)) return parseElementJsonWithPositions(text);
  internValues(parsed);
  return new LazyDoc(parsed, texts, path);
}
