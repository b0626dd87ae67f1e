/**
 * The event flow graph of an app: services -> the events they declare -> the event/task elements
 * that handle them -> the events those handlers publish (publish calls in the element's inner.py, or
 * in the service method a Global handler names), plus what non-custom listeners listen to and the
 * functions that publish outside any handler. Built from the same publish sites and listeners as the
 * events tree (./eventGraph); loops are computed here, so the view and `jitai-events graph` stand alone.
 */
import type { FlowEdge, FlowGraph, FlowNode, Location } from '../../../../shared/src/protocol/types';
import type { AppRecord, ElementRecord } from '../model/records';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { isCustomSubscriber, isListener, listenTarget } from '../domain/elementTypes';
import { publishedSenders, type PublishSite } from './eventGraph';
import { treeSubscriber } from './eventTree';
import { handlerInfo } from './handlerInfo';
import { loopsOf, neighbourhood } from './flowCycles';
import { pathToUri, toLocation } from './locations';

export interface FlowGraphOptions {
  /** A file or folder path: the apps it lies in or contains. Absent: every app. */
  scope?: string;
  /** Only the neighbourhood of this event (`<service>.<name>`); apps without it are left out. */
  sender?: string;
  /** Hops around `sender` (default 2). */
  depth?: number;
}

export const DEFAULT_FLOW_DEPTH = 2;

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function inScope(app: AppRecord, scope: string | undefined): boolean {
  if (!scope) return true;
  const s = scope.replace(/\/+$/, '');
  return s === app.root || s.startsWith(`${app.root}/`) || app.root.startsWith(`${s}/`);
}

/** The flow graph of each app in scope, sorted by app root. */
export function buildFlowGraphs(index: WorkspaceIndex, opts: FlowGraphOptions = {}): FlowGraph[] {
  const out: FlowGraph[] = [];
  for (const app of index.allApps().sort((a, b) => byString(a.root, b.root))) {
    if (!inScope(app, opts.scope)) continue;
    const g = appFlowGraph(index, app);
    if (opts.sender === undefined) { out.push(g); continue; }
    const start = `event:${opts.sender}`;
    if (!g.nodes.some((n) => n.id === start)) continue;
    out.push(restrict(g, neighbourhood(start, Math.max(1, Math.floor(opts.depth ?? DEFAULT_FLOW_DEPTH)), g.edges)));
  }
  return out;
}

/** The part of a graph on `keep`; loops keep their marks and list only their visible nodes. */
function restrict(g: FlowGraph, keep: Set<string>): FlowGraph {
  return {
    ...g,
    nodes: g.nodes.filter((n) => keep.has(n.id)),
    edges: g.edges.filter((e) => keep.has(e.from) && keep.has(e.to)),
    cycles: g.cycles.map((c) => c.filter((id) => keep.has(id))).filter((c) => c.length > 0),
  };
}

class GraphBuilder {
  readonly nodes = new Map<string, FlowNode>();
  private readonly edges = new Map<string, FlowEdge>();

  node(n: FlowNode): FlowNode {
    const had = this.nodes.get(n.id);
    if (had) return had;
    this.nodes.set(n.id, n);
    return n;
  }
  /** One edge per (from, to, kind); the first publish site (in file order) is its location. */
  edge(e: FlowEdge): void {
    const key = `${e.from}\n${e.to}\n${e.kind}`;
    if (!this.edges.has(key)) this.edges.set(key, e);
  }
  /** An event node; one nobody declares is added as unresolved. */
  event(sender: string): string {
    const id = `event:${sender}`;
    this.node({ id, kind: 'event', label: sender, detail: sender, unresolved: true });
    return id;
  }
  finish(app: AppRecord): FlowGraph {
    const nodes = [...this.nodes.values()].sort((a, b) => byString(a.id, b.id));
    const edges = [...this.edges.values()].sort((a, b) => byString(a.from, b.from) || byString(a.to, b.to) || byString(a.kind, b.kind));
    const cycles = loopsOf(nodes.map((n) => n.id), edges);
    const looped = new Map<string, number>();
    cycles.forEach((c, i) => { for (const id of c) looped.set(id, i); });
    for (const n of nodes) if (looped.has(n.id)) n.inLoop = true;
    for (const e of edges) if (looped.has(e.from) && looped.get(e.from) === looped.get(e.to)) e.inLoop = true;
    return { app: app.appId ?? app.root.slice(app.root.lastIndexOf('/') + 1), rootUri: pathToUri(app.root), nodes, edges, cycles };
  }
}

function siteLocation(site: PublishSite): Location {
  return toLocation(site.py.path, site.py.lines, site.call.range.start, site.call.range.end);
}

/** Which publish calls a handler reaches: any in its inner.py, or those inside the named service method. */
interface HandlerReach { nodeId: string; file: string; enclosing?: string }

function declareServices(index: WorkspaceIndex, app: AppRecord, b: GraphBuilder): void {
  for (const svc of index.elementsOfKind(app.root, 'service')) {
    const entries = svc.json.eventDescs?.entries ?? [];
    const events = entries.filter((e) => typeof e.name?.value === 'string' && e.name.value);
    if (!events.length) continue;
    const sid = b.node({ id: `service:${svc.fullName}`, kind: 'service', label: svc.fullName, title: svc.title, location: toLocation(svc.path, svc.lines, 0, 0) }).id;
    for (const e of events) {
      const name = e.name!.value as string;
      const sender = `${svc.fullName}.${name}`;
      const title = typeof e.title?.value === 'string' ? e.title.value : undefined;
      const id = `event:${sender}`;
      // A second declaration of the same name keeps the first (the checker reports the duplicate).
      if (!b.nodes.has(id)) {
        b.node({ id, kind: 'event', label: name, title, detail: sender, location: toLocation(svc.path, svc.lines, e.name!.contentRange.start, e.name!.contentRange.end) });
      }
      b.edge({ from: sid, to: id, kind: 'declares' });
    }
  }
}

function addHandler(index: WorkspaceIndex, el: ElementRecord, b: GraphBuilder): HandlerReach | undefined {
  const sub = treeSubscriber(index, el);
  const id = `handler:${el.fullName}`;
  b.node({
    id, kind: 'handler', label: el.fullName, title: el.title,
    detail: sub.handler ? `${sub.handler.funcType} → ${sub.handler.label}` : undefined,
    location: toLocation(el.path, el.lines, 0, 0), handlerLocation: sub.handler?.location,
  });
  const target = listenTarget(el)?.value;
  if (target && isCustomSubscriber(el)) b.edge({ from: b.event(target), to: id, kind: 'subscribes' });
  else if (target) {
    const src = index.element(el.appRoot, target);
    const sid = b.node({ id: `source:${target}`, kind: 'source', label: target, title: src?.title, location: src ? toLocation(src.path, src.lines, 0, 0) : undefined }).id;
    b.edge({ from: sid, to: id, kind: 'listens' });
  }
  const info = handlerInfo(index, el);
  if (!info?.modulePath || !info.modulePath.endsWith('.py')) return undefined;
  if (info.funcType === 'Inner') return { nodeId: id, file: info.modulePath };
  return info.className ? { nodeId: id, file: info.modulePath, enclosing: `${info.className}.${info.functionName}` } : undefined;
}

function appFlowGraph(index: WorkspaceIndex, app: AppRecord): FlowGraph {
  const b = new GraphBuilder();
  declareServices(index, app, b);
  // Handlers by the file whose publish calls they reach (a lookup per publish site, not a scan).
  const reaches = new Map<string, HandlerReach[]>();
  const listeners = [...index.elementsOfApp(app.root)].filter(isListener).sort((x, y) => byString(x.fullName, y.fullName));
  for (const el of listeners) {
    const r = addHandler(index, el, b);
    if (!r) continue;
    const list = reaches.get(r.file);
    if (list) list.push(r); else reaches.set(r.file, [r]);
  }
  const sites = publishedSenders(index, app.root)
    .flatMap(([sender, list]) => list.map((site) => ({ sender, site })))
    .sort((x, y) => byString(x.site.py.path, y.site.py.path) || x.site.call.range.start - y.site.call.range.start);
  for (const { sender, site } of sites) {
    const to = b.event(sender);
    const location = siteLocation(site);
    const fn = site.call.enclosingFunction;
    const by = (reaches.get(site.py.path) ?? []).filter((r) => r.enclosing === undefined || r.enclosing === fn);
    for (const r of by) b.edge({ from: r.nodeId, to, kind: 'publishes', location });
    if (by.length) continue;
    const rel = site.py.path.startsWith(`${app.root}/`) ? site.py.path.slice(app.root.length + 1) : site.py.path;
    const pid = b.node({ id: `publisher:${rel}#${fn ?? ''}`, kind: 'publisher', label: fn ?? rel, detail: rel, location }).id;
    b.edge({ from: pid, to, kind: 'publishes', location });
  }
  return b.finish(app);
}
