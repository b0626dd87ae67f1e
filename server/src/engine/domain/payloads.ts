/**
 * Payload contracts: what an event's handlers receive, merged over every publish site of the
 * event (each key sent always or only sometimes, with the literal types seen), and the fixed
 * payloads of model, approval and agent events and date-field tasks.
 */
import type { PayloadShape } from '../python/types';

/** One part of a payload (the args tuple, the kwargs dict, a position, a dict value), merged over publishers. */
export interface PayloadNode {
  /** Literal types seen here (`str`, `int`, `dict`, …); `any` when some publisher passes a variable. */
  types: Set<string>;
  /** Publishers whose value here is a dict / a tuple or list the scanner can see into. */
  dicts: number;
  seqs: number;
  /** Publishers reaching this part (its parent was a dict/tuple that had it). */
  sent: number;
  /** True when some publisher's value here cannot be seen into: reads below are not checked. */
  open: boolean;
  keys: Map<string, PayloadNode>;
  items: PayloadNode[];
}

/** What handlers of one event receive: positional args and keyword args. */
export interface Payload {
  args: PayloadNode;
  kwargs: PayloadNode;
  /** Publish sites merged (0: nothing is known, nothing is checked). */
  publishers: number;
}

function node(): PayloadNode {
  return { types: new Set(), dicts: 0, seqs: 0, sent: 0, open: false, keys: new Map(), items: [] };
}

function mergeInto(n: PayloadNode, s: PayloadShape): void {
  n.sent++;
  n.types.add(s.t);
  if (s.t === 'dict') {
    n.dicts++;
    if (s.open) n.open = true;
    for (const [k, v] of Object.entries(s.keys)) {
      let c = n.keys.get(k);
      if (!c) n.keys.set(k, (c = node()));
      mergeInto(c, v);
    }
  } else if (s.t === 'tuple' || s.t === 'list') {
    n.seqs++;
    if (s.open) n.open = true;
    s.items.forEach((v, i) => {
      while (n.items.length <= i) n.items.push(node());
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
