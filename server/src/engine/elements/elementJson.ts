/** The parsed e.json model with ranges (jsonc-parser): values, string props, eventDescs/functionList entries. */
import { getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { OffsetRange } from '../python/types';

/** A JSON value with where it is. `kind` is the JSON type found ("string", "number", …). */
export interface JsonValue {
  kind: 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array';
  /** Whole value (for strings: including quotes). */
  range: OffsetRange;
  /** For strings: inside the quotes. */
  contentRange: OffsetRange;
  value: unknown;
  /** The property key's range when the value belongs to a property. */
  keyRange?: OffsetRange;
  /** True when a string literal has no closing quote (half-typed). */
  unterminated?: boolean;
  /** For arrays: the items (nested up to NESTED_DEPTH levels; eventDescs/functionList use entries instead). */
  items?: JsonValue[];
  /** For objects: the properties (nested up to NESTED_DEPTH levels, e.g. timerCfg.repeat.repeatType). */
  props?: ReadonlyMap<string, JsonValue>;
}

/** How deep nested objects and arrays keep their children (timerCfg.startOffset.offsetType is depth 3). */
export const NESTED_DEPTH = 4;

export interface StringValue extends JsonValue { kind: 'string'; value: string }

export interface DescEntry {
  /** The whole entry object. */
  range: OffsetRange;
  name?: JsonValue;
  title?: JsonValue;
  desc?: JsonValue;
  /** functionList entries: the return type and what a container return type holds. */
  returnType?: JsonValue;
  generic?: JsonValue;
  /** functionList entries: the declared parameters. */
  args?: { value: JsonValue; entries: ArgEntry[] };
  /** functionList entries: the `name`s of their `args` (what callers pass as keyword arguments). */
  argNames?: string[];
}

/** The `name` of each object in an `args` array value. */
export function argNamesOf(args: unknown): string[] | undefined {
  if (!Array.isArray(args)) return undefined;
  return args.map((a) => (a && typeof a === 'object' ? (a as { name?: unknown }).name : undefined)).filter((n): n is string => typeof n === 'string');
}

/** One `args` entry of a functionList entry. */
export interface ArgEntry {
  range: OffsetRange;
  name?: JsonValue;
  title?: JsonValue;
  dataType?: JsonValue;
  generic?: JsonValue;
}

/** Keys read from each eventDescs entry, from each functionList entry, and from each of its `args` entries. */
export const EVENT_KEYS = ['name', 'title', 'desc'] as const;
export const ENTRY_KEYS = ['name', 'title', 'desc', 'returnType', 'generic'] as const;
export const ARG_KEYS = ['name', 'title', 'dataType', 'generic'] as const;

/** Everything the engine reads from one e.json, with ranges. */
export interface ElementJson {
  syntaxErrors: { message: string; range: OffsetRange }[];
  /** JSON type of the root value ("none" for an empty file). */
  rootKind: JsonValue['kind'] | 'none';
  rootRange: OffsetRange;
  props: ReadonlyMap<string, JsonValue>;
  eventDescs?: { value: JsonValue; entries: DescEntry[] };
  functionList?: { value: JsonValue; entries: DescEntry[] };
}

/**
 * Stores offsets as numbers and builds the range objects on access: tens of thousands of e.json
 * values stay in memory, and three small objects per value would dominate the heap.
 */
export class StoredValue implements JsonValue {
  kind: JsonValue['kind'];
  value: unknown;
  items?: JsonValue[];
  props?: Map<string, JsonValue>;
  unterminated?: boolean;
  private s: number; private e: number; private cs: number; private ce: number;
  private ks = -1; private ke = -1;
  constructor(kind: JsonValue['kind'], value: unknown, s: number, e: number, cs: number, ce: number) {
    this.kind = kind; this.value = value; this.s = s; this.e = e; this.cs = cs; this.ce = ce;
  }
  get range(): OffsetRange { return { start: this.s, end: this.e }; }
  get contentRange(): OffsetRange { return { start: this.cs, end: this.ce }; }
  get keyRange(): OffsetRange | undefined { return this.ks < 0 ? undefined : { start: this.ks, end: this.ke }; }
  set keyRange(r: OffsetRange | undefined) { this.ks = r ? r.start : -1; this.ke = r ? r.end : -1; }
  /** Sets every offset at once (ks < 0: no key); what positionsParse's one pass writes. */
  setOffsets(s: number, e: number, cs: number, ce: number, ks: number, ke: number): void {
    this.s = s; this.e = e; this.cs = cs; this.ce = ce; this.ks = ks; this.ke = ke;
  }
}

function toValue(node: Node, text: string): JsonValue {
  const start = node.offset, end = node.offset + node.length;
  let cs = start, ce = end;
  let unterminated = false;
  if (node.type === 'string') {
    unterminated = end - start < 2 || text.charCodeAt(end - 1) !== 34 /* " */;
    cs = start + 1;
    ce = unterminated ? end : end - 1;
  }
  const v = new StoredValue(
    node.type === 'property' ? 'null' : node.type,
    node.type === 'object' || node.type === 'array' ? undefined : node.value,
    start, end, cs, ce,
  );
  if (unterminated) v.unterminated = true;
  return v;
}

function toValueWithItems(node: Node, text: string, depth = 1): JsonValue {
  const v = toValue(node, text);
  if (depth > NESTED_DEPTH) return v;
  if (node.type === 'array') v.items = (node.children ?? []).map((c) => toValueWithItems(c, text, depth + 1));
  else if (node.type === 'object') v.props = objectProps(node, text, true, depth + 1);
  return v;
}

function objectProps(node: Node, text: string, withItems: boolean, depth = 1): Map<string, JsonValue> {
  const props = new Map<string, JsonValue>();
  for (const p of node.children ?? []) {
    if (p.type !== 'property' || !p.children || p.children.length < 1) continue;
    const keyNode = p.children[0];
    const valueNode = p.children[1];
    if (typeof keyNode.value !== 'string') continue;
    const keyRange = { start: keyNode.offset, end: keyNode.offset + keyNode.length };
    if (!valueNode) {
      const v = new StoredValue('null', undefined, keyRange.start, keyRange.end, keyRange.start, keyRange.end);
      v.keyRange = keyRange;
      props.set(keyNode.value, v);
      continue;
    }
    const v = withItems ? toValueWithItems(valueNode, text, depth) : toValue(valueNode, text);
    v.keyRange = keyRange;
    props.set(keyNode.value, v);
  }
  return props;
}

function descEntries(node: Node | undefined, text: string, keys: readonly string[]): DescEntry[] {
  if (!node || node.type !== 'array') return [];
  const out: DescEntry[] = [];
  for (const item of node.children ?? []) {
    const entry: DescEntry = { range: { start: item.offset, end: item.offset + item.length } };
    if (item.type === 'object') {
      const props = objectProps(item, text, false);
      for (const k of keys) if (props.has(k)) (entry as unknown as Record<string, JsonValue | undefined>)[k] = props.get(k);
      const args = keys === ENTRY_KEYS ? props.get('args') : undefined;
      if (args) entry.args = { value: args, entries: argEntries(item, text) };
      const argsNode = item.children?.find((c) => c.children?.[0]?.value === 'args')?.children?.[1];
      if (argsNode) entry.argNames = argNamesOf(getNodeValue(argsNode));
    }
    out.push(entry);
  }
  return out;
}

function argEntries(entry: Node, text: string): ArgEntry[] {
  const prop = entry.children?.find((p) => p.type === 'property' && p.children?.[0]?.value === 'args');
  const node = prop?.children?.[1];
  if (!node || node.type !== 'array') return [];
  return (node.children ?? []).map((item) => {
    const a: ArgEntry = { range: { start: item.offset, end: item.offset + item.length } };
    if (item.type === 'object') {
      const props = objectProps(item, text, false);
      for (const k of ARG_KEYS) if (props.has(k)) a[k] = props.get(k);
    }
    return a;
  });
}

/** Parses an e.json with every position (jsonc-parser): comments, trailing commas, half-typed text; never throws. */
export function parseElementJsonWithPositions(text: string): ElementJson {
  const errors: ParseError[] = [];
  let root: Node | undefined;
  try {
    root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  } catch {
    root = undefined;
  }
  const syntaxErrors = errors.map((e) => ({
    message: printParseErrorCode(e.error),
    range: { start: e.offset, end: Math.max(e.offset + e.length, e.offset + 1) },
  }));
  if (!root) {
    return { syntaxErrors, rootKind: 'none', rootRange: { start: 0, end: Math.min(text.length, 1) }, props: new Map() };
  }
  const rootRange = { start: root.offset, end: root.offset + root.length };
  if (root.type !== 'object') {
    return { syntaxErrors, rootKind: root.type === 'property' ? 'none' : root.type, rootRange, props: new Map() };
  }
  const props = objectProps(root, text, true);
  const doc: ElementJson = { syntaxErrors, rootKind: 'object', rootRange, props };
  for (const p of root.children ?? []) {
    const key: unknown = p.children?.[0]?.value;
    if (key !== 'eventDescs' && key !== 'functionList') continue;
    const value = props.get(key)!;
    value.items = undefined; // entries below carry the detail
    value.props = undefined;
    doc[key] = { value, entries: descEntries(p.children?.[1], text, key === 'functionList' ? ENTRY_KEYS : EVENT_KEYS) };
  }
  return doc;
}

/** The property's value when it is a string. */
export function stringProp(doc: ElementJson, key: string): StringValue | undefined {
  const v = doc.props.get(key);
  return v && v.kind === 'string' ? (v as StringValue) : undefined;
}

/** The string items of an array property (non-strings skipped). */
export function stringItems(doc: ElementJson, key: string): StringValue[] {
  const v = doc.props.get(key);
  return (v?.items ?? []).filter((i): i is StringValue => i.kind === 'string');
}

/** The value at a path of keys (objects) and indexes (arrays), e.g. ['timerCfg', 'repeat', 'period']. */
export function valueAt(doc: ElementJson, path: readonly (string | number)[]): JsonValue | undefined {
  let v: JsonValue | undefined = doc.props.get(String(path[0]));
  for (const k of path.slice(1)) {
    if (!v) return undefined;
    v = typeof k === 'number' ? v.items?.[k] : v.props?.get(k);
  }
  return v;
}
