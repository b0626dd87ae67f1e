/**
 * Payload contracts: what an event's handlers receive, merged over every publish site of the
 * event (each key sent always or only sometimes, with the literal types seen), and the fixed
 * payloads of model, approval and agent events and date-field tasks.
 */
import type { PayloadShape } from '../python/types';

/** One part of a payload (the args tuple, the kwargs dict, a position, a dict value), merged over publishers. */
export interface PayloadNode {
  /** Literal types seen here in first-seen order (`str`, `int`, `dict`, …); `any` when some publisher passes a variable. */
  types: readonly string[];
  /** Publishers whose value here is a dict / a tuple or list the scanner can see into. */
  dicts: number;
  seqs: number;
  /** Publishers reaching this part (its parent was a dict/tuple that had it). */
  sent: number;
  /** True when some publisher's value here cannot be seen into: reads below are not checked. */
  open: boolean;
  keys: ReadonlyMap<string, PayloadNode>;
  items: readonly PayloadNode[];
}

/** What handlers of one event receive: positional args and keyword args. */
export interface Payload {
  args: PayloadNode;
  kwargs: PayloadNode;
  /** Publish sites merged (0: nothing is known, nothing is checked). */
  publishers: number;
}

/**
 * Memory: payloads stay cached for every event, so a node starts with shared empty containers
 * (never written: `mergeInto` swaps in its own on the first key / item / type).
 */
const NO_KEYS: ReadonlyMap<string, PayloadNode> = new Map();
const NO_ITEMS: readonly PayloadNode[] = [];
const NO_TYPES: readonly string[] = [];
/** One shared array per type list seen (most nodes hold one type). */
const TYPE_LISTS = new Map<string, readonly string[]>();

function node(): PayloadNode {
  return { types: NO_TYPES, dicts: 0, seqs: 0, sent: 0, open: false, keys: NO_KEYS, items: NO_ITEMS };
}

function addType(n: PayloadNode, t: string): void {
  if (n.types.includes(t)) return;
  const key = n.types.length ? n.types.join('|') + '|' + t : t;
  let list = TYPE_LISTS.get(key);
  if (!list) TYPE_LISTS.set(key, (list = Object.freeze([...n.types, t])));
  n.types = list;
}

function mergeInto(n: PayloadNode, s: PayloadShape): void {
  n.sent++;
  addType(n, s.t);
  if (s.t === 'dict') {
    n.dicts++;
    if (s.open) n.open = true;
    for (const k in s.keys) {
      if (!Object.hasOwn(s.keys, k)) continue;
      let c = n.keys.get(k);
      if (!c) {
        if (n.keys === NO_KEYS) n.keys = new Map();
        (n.keys as Map<string, PayloadNode>).set(k, (c = node()));
      }
      mergeInto(c, s.keys[k]);
    }
  } else if (s.t === 'tuple' || s.t === 'list') {
    n.seqs++;
    if (s.open) n.open = true;
    s.items.forEach((v, i) => {
      if (n.items.length <= i) {
        const items = n.items === NO_ITEMS ? [] : n.items as PayloadNode[];
        while (items.length <= i) items.push(node());
        n.items = items;
      }
      mergeInto(n.items[i], v);
    });
  } else if (s.t === 'any') n.open = true;
}

/** Merges publish sites' `args` / `kwargs` shapes (a missing argument is an empty tuple / dict). */
export function mergePayload(sites: { args?: PayloadShape; kwargs?: PayloadShape }[]): Payload {
  const p: Payload = { args: node(), kwargs: node(), publishers: sites.length };
  for (const s of sites) {
    mergeInto(p.args, s.args ?? { t: 'tuple', items: [] });
    mergeInto(p.kwargs, s.kwargs ?? { t: 'dict', keys: {} });
  }
  return p;
}

/** A payload known from the event Type (model, approval, agent events; tasks): one positional argument. */
export function fixedPayload(first: PayloadShape | undefined): Payload {
  return mergePayload([{ args: { t: 'tuple', items: first ? [first] : [] }, kwargs: { t: 'dict', keys: {} } }]);
}

/** Fixed payloads by event kind and model fields: every model event of one model receives the same one. */
const fixedByFields = new Map<string, Payload>();
const FIXED_CACHE_MAX = 20000;

/** The fixed payload of an event kind over a model's fields, shared by every handler asking the same (payloads are never written after the merge). */
export function sharedFixedPayload(kind: string, fields: readonly string[] | undefined, make: () => Payload): Payload {
  const key = fields ? kind + '\0' + fields.join('\0') : kind;
  let p = fixedByFields.get(key);
  if (!p) {
    if (fixedByFields.size >= FIXED_CACHE_MAX) fixedByFields.clear();
    fixedByFields.set(key, (p = make()));
  }
  return p;
}

/** Shape of a model row: its fields (types unknown to the scanner). */
export function rowShape(fields: readonly string[] | undefined): PayloadShape {
  if (!fields) return { t: 'any' };
  return { t: 'dict', keys: Object.fromEntries(fields.map((f) => [f, { t: 'any' } as PayloadShape])) };
}

/** The eventOutData a model event passes (model, optType, prevData, postData). */
export function modelEventShape(fields: readonly string[] | undefined): PayloadShape {
  return { t: 'dict', keys: { model: { t: 'str' }, optType: { t: 'str' }, prevData: rowShape(fields), postData: rowShape(fields) } };
}

/** The eventOutData an approval event passes (row, status, triggerNode, handleType). */
export function workflowEventShape(fields: readonly string[] | undefined): PayloadShape {
  return { t: 'dict', keys: { row: rowShape(fields), status: { t: 'str' }, triggerNode: { t: 'str' }, handleType: { t: 'str' } } };
}

/** The eventOutData an agent tool event passes (toolName, stage, args). */
export function agentEventShape(): PayloadShape {
  return { t: 'dict', keys: { toolName: { t: 'str' }, stage: { t: 'str' }, args: { t: 'any' } } };
}

/** True when every publisher reaching `parent` sends `child` (and no publisher hides parts of `parent`). */
export function alwaysSent(parent: PayloadNode, child: PayloadNode): boolean {
  return !parent.open && child.sent === parent.dicts + parent.seqs && parent.sent === parent.dicts + parent.seqs;
}

/** The types seen for a node, for display: `str | int`, `dict`, `?` when unknown. */
export function typeLabel(n: PayloadNode): string {
  const t = [...n.types].filter((x) => x !== 'any');
  return t.length ? t.join(' | ') : '?';
}

/** A stable text of a payload (for change detection). */
export function payloadSignature(p: Payload): string {
  const sig = (n: PayloadNode): unknown => [[...n.types].sort(), n.dicts, n.seqs, n.sent, n.open,
    [...n.keys].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, c]) => [k, sig(c)]), n.items.map(sig)];
  return JSON.stringify([p.publishers, sig(p.args), sig(p.kwargs)]);
}

/** A skeleton value for a node: keys with placeholders by type ("" for str, 0 for numbers, …). */
export function skeletonOf(n: PayloadNode): unknown {
  if (n.dicts > 0) return Object.fromEntries([...n.keys].map(([k, c]) => [k, skeletonOf(c)]));
  if (n.seqs > 0) return n.items.map(skeletonOf);
  const t = [...n.types].filter((x) => x !== 'any')[0];
  return t === 'str' ? '' : t === 'int' || t === 'float' ? 0 : t === 'bool' ? false : null;
}
