/**
 * Event loops: publish site -> event -> subscriber -> handler function -> (calls it makes in its
 * class or module) -> publish sites it reaches -> event… A cycle in that graph means a handler's
 * publish ends up running the same handler again. Built once from the flow graph, then kept
 * current: a change recomputes the edges of the events it touched and the loops (strongly
 * connected components) through them; every other loop and finding stays.
 */
import type { OffsetRange } from '../python/types';
import type { PythonRecord } from '../model/records';
import { flowGraph, flowVersionOf, type FlowFunction, type FlowGraph, type FlowSource, type Handler, type PublishSite } from './flowGraph';
import { listenTarget } from './elementTypes';

/** One step: event `from` is handled by `handler`, whose code (through `via`) publishes `to` at `site`. */
export interface LoopEdge { from: string; handler: Handler; via: string[]; site: PublishSite; to: string }

/** A place to flag: a subscriber's sender or a publish site, with the loop that runs through it. */
export interface LoopFinding { range: OffsetRange; anchor: 'subscriber' | 'publish'; chain: LoopEdge[] }

export interface LoopAnalysis {
  /** Findings by file path (e.json of subscribers, Python files of publish sites), ordered by place. */
  byPath: Map<string, LoopFinding[]>;
}

/** Every function reachable from `start` through calls the scanner sees, with the call path to it. */
function reachable(graph: ReturnType<typeof flowGraph>, start: FlowFunction): [FlowFunction, string[]][] {
  const out: [FlowFunction, string[]][] = [[start, [label(start)]]];
  const seen = new Set([start.id]);
  for (let i = 0; i < out.length; i++) {
    const [f, path] = out[i];
    for (const g of graph.callees(f)) {
      if (seen.has(g.id)) continue;
      seen.add(g.id);
      out.push([g, [...path, label(g)]]);
    }
  }
  return out;
}

function label(f: FlowFunction): string {
  return f.cls ? `${f.cls.name}.${f.fn.name}` : f.fn.name;
}

/** Strongly connected components of the event graph (Tarjan, iterative): component id by `appRoot|event`. */
function components(edges: ReadonlyMap<string, LoopEdge[]>): Map<string, number> {
  const comp = new Map<string, number>();
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  let next = 0, ncomp = 0;
  const targets = (v: string) => {
    const root = v.slice(0, v.indexOf('|'));
    return (edges.get(v) ?? []).map((e) => `${root}|${e.to}`);
  };
  for (const start of edges.keys()) {
    if (index.has(start)) continue;
    const work: [string, string[], number][] = [[start, targets(start), 0]];
    index.set(start, next); low.set(start, next); next++; stack.push(start); onStack.add(start);
    while (work.length) {
      const top = work[work.length - 1];
      const [v, ts] = top;
      if (top[2] < ts.length) {
        const w = ts[top[2]++];
        if (!index.has(w)) {
          index.set(w, next); low.set(w, next); next++; stack.push(w); onStack.add(w);
          work.push([w, targets(w), 0]);
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length) { const u = work[work.length - 1][0]; low.set(u, Math.min(low.get(u)!, low.get(v)!)); }
      if (low.get(v) === index.get(v)) {
        let w: string;
        do { w = stack.pop()!; onStack.delete(w); comp.set(w, ncomp); } while (w !== v);
        ncomp++;
      }
    }
  }
  return comp;
}

const appOf = (key: string) => key.slice(0, key.indexOf('|'));

/** Shortest list of edges from event `from` back to event `to` (BFS inside one loop's events), or undefined. */
function pathBack(edges: ReadonlyMap<string, LoopEdge[]>, inLoop: Set<string>, appRoot: string, from: string, to: string): LoopEdge[] | undefined {
  if (from === to) return [];
  const prev = new Map<string, LoopEdge>();
  const queue = [from];
  const seen = new Set(queue);
  for (let qi = 0; qi < queue.length; qi++) {
    for (const e of edges.get(`${appRoot}|${queue[qi]}`) ?? []) {
      if (seen.has(e.to) || !inLoop.has(`${appRoot}|${e.to}`)) continue;
      seen.add(e.to);
      prev.set(e.to, e);
      if (e.to === to) {
        const out: LoopEdge[] = [];
        for (let cur = to; cur !== from; cur = prev.get(cur)!.from) out.unshift(prev.get(cur)!);
        return out;
      }
      queue.push(e.to);
    }
  }
  return undefined;
}

/** The event graph with its loops, kept current by `update`. */
class Loops implements LoopAnalysis {
  readonly byPath = new Map<string, LoopFinding[]>();
  /** Out-edges by `appRoot|event` (only events with some). */
  private readonly out = new Map<string, LoopEdge[]>();
  /** In-edges: `appRoot|event` -> source events -> number of edges. */
  private readonly inn = new Map<string, Map<string, number>>();
  /** Publish sites by the function they are in (`path#Class.method`), and the function ids of each file. */
  private readonly sitesByFn = new Map<string, PublishSite[]>();
  private readonly fnsOfFile = new Map<string, string[]>();
  /** Loops: their events (sorted) by id, the loop of each event, and the findings each produced. */
  private readonly loopOf = new Map<string, number>();
  private readonly members = new Map<number, string[]>();
  private readonly found = new Map<number, [string, LoopFinding][]>();
  private nextId = 0;

  constructor(private readonly graph: FlowGraph, src: FlowSource) {
    for (const py of src.allPython()) this.setSites(py.path, py);
    for (const key of graph.subscribers.keys()) this.setEdges(key);
    const groups = new Map<number, string[]>();
    for (const [key, c] of components(this.out)) { const g = groups.get(c); if (g) g.push(key); else groups.set(c, [key]); }
    for (const g of groups.values()) if (g.length > 1 || this.selfLoop(g[0])) this.addLoop(g);
  }

  /**
   * Python files `py` changed (their sites are read again) and `events` may have other edges now.
   * Returns the files whose findings may differ.
   */
  update(src: FlowSource, py: Iterable<string>, events: Iterable<string>): Set<string> {
    const before = new Map<string, string>();
    const candidates = new Set<string>();
    for (const p of py) this.setSites(p, src.python(p));
    for (const key of events) { this.setEdges(key); candidates.add(key); }
    for (const key of [...candidates]) {
      const id = this.loopOf.get(key);
      if (id !== undefined) for (const m of this.dropLoop(id, before)) candidates.add(m);
    }
    for (const key of candidates) {
      if (this.loopOf.has(key)) continue;
      const loop = this.loopThrough(key);
      if (!loop) continue;
      for (const m of loop) { const id = this.loopOf.get(m); if (id !== undefined) this.dropLoop(id, before); }
      this.addLoop(loop, before);
    }
    const changed = new Set<string>();
    for (const [path, sig] of before) if (loopSignature(this.byPath.get(path)) !== sig) changed.add(path);
    return changed;
  }

  /** Notes a file's findings as they were before this update changed them. */
  private static keep(before: Map<string, string> | undefined, path: string, list: LoopFinding[] | undefined): void {
    if (before && !before.has(path)) before.set(path, loopSignature(list));
  }

  private setSites(path: string, py: PythonRecord | undefined): void {
    for (const id of this.fnsOfFile.get(path) ?? []) this.sitesByFn.delete(id);
    this.fnsOfFile.delete(path);
    const ids: string[] = [];
    for (const call of py?.scan.publishCalls ?? []) {
      if (call.sender?.value === undefined || !call.enclosingFunction) continue;
      const id = `${path}#${call.enclosingFunction}`;
      const list = this.sitesByFn.get(id);
      if (list) list.push({ py: py!, call }); else { this.sitesByFn.set(id, [{ py: py!, call }]); ids.push(id); }
    }
    if (ids.length) this.fnsOfFile.set(path, ids);
  }

  /** Recomputes the out-edges of one event from its handlers. */
  private setEdges(key: string): void {
    const appRoot = appOf(key);
    for (const e of this.out.get(key) ?? []) this.count(`${appRoot}|${e.to}`, key, -1);
    const edges: LoopEdge[] = [];
    for (const h of this.graph.subscribers.get(key) ?? []) {
      for (const [f, via] of reachable(this.graph, h.fn)) {
        for (const site of this.sitesByFn.get(f.id) ?? []) {
          if (site.py.appRoot !== appRoot) continue;
          edges.push({ from: h.sender!, handler: h, via, site, to: site.call.sender!.value! });
        }
      }
    }
    if (edges.length) this.out.set(key, edges); else this.out.delete(key);
    for (const e of edges) this.count(`${appRoot}|${e.to}`, key, 1);
  }

  private count(to: string, from: string, n: 1 | -1): void {
    let m = this.inn.get(to);
    if (!m) this.inn.set(to, (m = new Map()));
    const v = (m.get(from) ?? 0) + n;
    if (v > 0) m.set(from, v); else m.delete(from);
    if (!m.size) this.inn.delete(to);
  }

  private selfLoop(key: string): boolean {
    const ev = key.slice(key.indexOf('|') + 1);
    return (this.out.get(key) ?? []).some((e) => e.to === ev);
  }

  /** The events on a loop with `key` (reachable from it and reaching it), or undefined when it is on none. */
  private loopThrough(key: string): string[] | undefined {
    const appRoot = appOf(key);
    const walk = (next: (k: string) => Iterable<string>) => {
      const seen = new Set([key]);
      const queue = [key];
      for (let i = 0; i < queue.length; i++) for (const k of next(queue[i])) if (!seen.has(k)) { seen.add(k); queue.push(k); }
      return seen;
    };
    const fwd = walk((k) => (this.out.get(k) ?? []).map((e) => `${appRoot}|${e.to}`));
    const bwd = walk((k) => this.inn.get(k)?.keys() ?? []);
    const loop = [...fwd].filter((k) => bwd.has(k));
    return loop.length > 1 || this.selfLoop(key) ? loop : undefined;
  }

  private dropLoop(id: number, before: Map<string, string>): string[] {
    const members = this.members.get(id) ?? [];
    for (const m of members) this.loopOf.delete(m);
    for (const [path, f] of this.found.get(id) ?? []) {
      Loops.keep(before, path, this.byPath.get(path));
      const list = this.byPath.get(path)?.filter((x) => x !== f);
      if (list?.length) this.byPath.set(path, list); else this.byPath.delete(path);
    }
    this.members.delete(id);
    this.found.delete(id);
    return members;
  }

  /** Records a loop and flags, for each edge on it, the subscriber's sender and the publish site. */
  private addLoop(events: string[], before?: Map<string, string>): void {
    const id = this.nextId++;
    const sorted = [...events].sort();
    const inLoop = new Set(sorted);
    const found: [string, LoopFinding][] = [];
    const seen = new Set<string>();
    const add = (path: string, f: LoopFinding) => {
      const k = `${path}|${f.range.start}`;
      if (seen.has(k)) return;
      seen.add(k);
      found.push([path, f]);
      Loops.keep(before, path, this.byPath.get(path));
      const list = this.byPath.get(path) ?? [];
      let i = list.length;
      while (i > 0 && list[i - 1].range.start > f.range.start) i--;
      this.byPath.set(path, [...list.slice(0, i), f, ...list.slice(i)]);
    };
    for (const key of sorted) {
      this.loopOf.set(key, id);
      const appRoot = appOf(key);
      for (const e of this.out.get(key) ?? []) {
        if (!inLoop.has(`${appRoot}|${e.to}`)) continue;
        const back = pathBack(this.out, inLoop, appRoot, e.to, e.from);
        if (!back) continue;
        const chain = [e, ...back];
        const sender = listenTarget(e.handler.el);
        if (sender) add(e.handler.el.path, { range: sender.contentRange, anchor: 'subscriber', chain });
        add(e.site.py.path, { range: e.site.call.sender!.contentRange, anchor: 'publish', chain });
      }
    }
    this.members.set(id, sorted);
    this.found.set(id, found);
  }
}

const cache = new WeakMap<FlowSource, { version: number; result: Loops }>();

/** Hands the loops found in a freshly loaded index over to the index that adopted its records. */
export function carryEventLoops(from: FlowSource, to: FlowSource): void {
  const c = cache.get(from);
  if (c && c.version === flowVersionOf(from)) cache.set(to, { version: flowVersionOf(to), result: c.result });
}

/** The event loops of the index at its current flow version (built once, then kept current by `updateEventLoops`). */
export function eventLoops(src: FlowSource): LoopAnalysis {
  const c = cache.get(src);
  const v = flowVersionOf(src);
  if (c && c.version === v) return c.result;
  const result = new Loops(flowGraph(src), src);
  cache.set(src, { version: v, result });
  return result;
}

/**
 * Brings the loops of flow version `fromVersion` up to date after the flow graph was updated
 * (`py`: changed Python files; `events`: events whose handlers changed). Returns the files whose
 * findings may differ, or undefined when there was nothing to update (built from scratch when asked).
 */
export function updateEventLoops(src: FlowSource, fromVersion: number, py: Iterable<string>, events: Iterable<string>): Set<string> | undefined {
  const c = cache.get(src);
  if (!c || c.version !== fromVersion) return undefined;
  const changed = c.result.update(src, py, events);
  c.version = flowVersionOf(src);
  return changed;
}

/** `A → Handler → B → Handler2 → A`: the chain as text (calls inside a handler in parentheses). */
export function chainText(chain: readonly LoopEdge[]): string {
  const parts = [chain[0].from];
  for (const e of chain) {
    parts.push(e.handler.el.fullName + (e.via.length > 1 ? ` (${e.via.join(' → ')})` : ''));
    parts.push(e.to);
  }
  return parts.join(' → ');
}

/** A stable text of a file's findings (for change detection). */
export function loopSignature(list: readonly LoopFinding[] | undefined): string {
  if (!list) return '';
  return JSON.stringify(list.map((f) => [f.range.start, f.anchor, chainText(f.chain),
    f.chain.map((e) => [e.handler.el.path, listenTarget(e.handler.el)?.contentRange.start, e.site.py.path, e.site.call.sender?.contentRange.start])]));
}
