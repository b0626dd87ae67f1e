/**
 * Event loops: publish site -> event -> subscriber -> handler function -> (calls it makes in its
 * class or module) -> publish sites it reaches -> event… A cycle in that graph means a handler's
 * publish ends up running the same handler again. Computed once per index version from the flow graph.
 */
import type { OffsetRange } from '../python/types';
import { flowGraph, flowVersionOf, type FlowFunction, type FlowSource, type Handler, type PublishSite } from './flowGraph';
import { listenTarget } from './elementTypes';

/** One step: event `from` is handled by `handler`, whose code (through `via`) publishes `to` at `site`. */
export interface LoopEdge { from: string; handler: Handler; via: string[]; site: PublishSite; to: string }

/** A place to flag: a subscriber's sender or a publish site, with the loop that runs through it. */
export interface LoopFinding { range: OffsetRange; anchor: 'subscriber' | 'publish'; chain: LoopEdge[] }

export interface LoopAnalysis {
  /** Findings by file path (e.json of subscribers, Python files of publish sites). */
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

function edgesOf(graph: ReturnType<typeof flowGraph>, sitesByFn: Map<string, PublishSite[]>): Map<string, LoopEdge[]> {
  const edges = new Map<string, LoopEdge[]>();
  for (const [key, handlers] of graph.subscribers) {
    const appRoot = key.slice(0, key.indexOf('|'));
    for (const h of handlers) {
      for (const [f, via] of reachable(graph, h.fn)) {
        for (const site of sitesByFn.get(f.id) ?? []) {
          if (site.py.appRoot !== appRoot) continue;
          const e: LoopEdge = { from: h.sender!, handler: h, via, site, to: site.call.sender!.value! };
          const k = `${appRoot}|${e.from}`;
          const list = edges.get(k);
          if (list) list.push(e); else edges.set(k, [e]);
        }
      }
    }
  }
  return edges;
}

/** Strongly connected components of the event graph (Tarjan, iterative): component id by `appRoot|event`. */
function components(edges: Map<string, LoopEdge[]>): Map<string, number> {
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

/** Shortest list of edges from event `from` back to event `to` (BFS inside their component), or undefined. */
function pathBack(edges: Map<string, LoopEdge[]>, comp: Map<string, number>, appRoot: string, from: string, to: string): LoopEdge[] | undefined {
  if (from === to) return [];
  const c = comp.get(`${appRoot}|${from}`);
  const prev = new Map<string, LoopEdge>();
  const queue = [from];
  const seen = new Set(queue);
  for (let qi = 0; qi < queue.length; qi++) {
    const ev = queue[qi];
    for (const e of edges.get(`${appRoot}|${ev}`) ?? []) {
      if (seen.has(e.to) || comp.get(`${appRoot}|${e.to}`) !== c) continue;
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

function analyse(src: FlowSource): LoopAnalysis {
  const graph = flowGraph(src);
  const sitesByFn = new Map<string, PublishSite[]>();
  for (const [, , sites] of src.wiring.publishers.all()) {
    for (const s of sites) {
      if (!s.call.enclosingFunction) continue;
      const id = `${s.py.path}#${s.call.enclosingFunction}`;
      const list = sitesByFn.get(id);
      if (list) list.push(s); else sitesByFn.set(id, [s]);
    }
  }
  const edges = edgesOf(graph, sitesByFn);
  const comp = components(edges);
  const byPath = new Map<string, LoopFinding[]>();
  const seen = new Set<string>();
  const add = (path: string, f: LoopFinding) => {
    const k = `${path}|${f.range.start}`;
    if (seen.has(k)) return;
    seen.add(k);
    const list = byPath.get(path);
    if (list) list.push(f); else byPath.set(path, [f]);
  };
  for (const [key, list] of edges) {
    const appRoot = key.slice(0, key.indexOf('|'));
    for (const e of list) {
      // Only edges inside one strongly connected component (or an event publishing itself) close a loop.
      if (e.to !== e.from && comp.get(key) !== comp.get(`${appRoot}|${e.to}`)) continue;
      const back = pathBack(edges, comp, appRoot, e.to, e.from);
      if (!back) continue;
      const chain = [e, ...back];
      const sender = listenTarget(e.handler.el);
      if (sender) add(e.handler.el.path, { range: sender.contentRange, anchor: 'subscriber', chain });
      add(e.site.py.path, { range: e.site.call.sender!.contentRange, anchor: 'publish', chain });
    }
  }
  return { byPath };
}

const cache = new WeakMap<FlowSource, { version: number; result: LoopAnalysis }>();

/** Hands the loops found in a freshly loaded index over to the index that adopted its records. */
export function carryEventLoops(from: FlowSource, to: FlowSource): void {
  const c = cache.get(from);
  if (c && c.version === flowVersionOf(from)) cache.set(to, { version: flowVersionOf(to), result: c.result });
}

/** The event loops of the index at its current version (computed once per version). */
export function eventLoops(src: FlowSource): LoopAnalysis {
  const c = cache.get(src);
  const v = flowVersionOf(src);
  if (c && c.version === v) return c.result;
  const result = analyse(src);
  cache.set(src, { version: v, result });
  return result;
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
