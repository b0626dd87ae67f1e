/**
 * The event flow of the workspace: publish sites by sender (the index's wiring), each event/task
 * element's handler function and payload, the handlers living in each Python file, and functions
 * by id for following calls. Built once, then kept current by `updateFlowGraph`: each handler
 * records the Python files and elements its resolution looked at, so a change re-resolves only the
 * handlers that looked at a changed file. Payload checks, loop detection, hover, completion and
 * Run handler all read it.
 */
import { intern } from '../text/intern';
import { keys } from '../workspace/dependencyKeys';
import type { ElementRecord, PythonRecord } from '../model/records';
import type { PyClassDef, PyFunctionDef } from '../python/types';
import type { EventWiring, PublishSite } from '../workspace/eventWiring';
import { ReverseEdges } from '../workspace/reverseEdges';
import { EVENT_TYPES, TASK_TYPES, isCustomSubscriber, isListener, listenTarget } from './elementTypes';
import { findMethod, funcProp, implementationClass, modelFields, runFuncType, splitFunc } from './handlers';
import { agentEventShape, fixedPayload, mergePayload, modelEventShape, rowShape, sharedFixedPayload, workflowEventShape, type Payload } from './payloads';

/** What the flow graph is built from: the index (records by path and name, everything by iteration). */
export interface FlowSource {
  readonly version: number;
  /** When set, the flow graph is cached by it instead of `version` (bumped only when flow facts may change). */
  readonly flowVersion?: number;
  /** Publish sites and listeners per sender, kept current by the index. */
  readonly wiring: EventWiring;
  allPython(): IterableIterator<PythonRecord>;
  allElements(): IterableIterator<ElementRecord>;
  python(path: string): PythonRecord | undefined;
  element(appRoot: string, fullName: string): ElementRecord | undefined;
  elementOfFile(path: string): ElementRecord | undefined;
}

type Lookups = Pick<FlowSource, 'python' | 'element'>;

/** Sources checked once and never updated (a one-shot check): their graph records nothing for updates. */
const untracked = new WeakSet<FlowSource>();
/** The flow graph of `src` will not be updated: it skips what `update` needs (what each resolution looked at). */
export function untrackFlow(src: FlowSource): void { untracked.add(src); }

/**
 * Lookups that note what they were asked (keys.python, keys.element) and which e.json answered a
 * name. The keys are interned: every listener asking the same thing shares one short string.
 */
class RecordingLookups implements Lookups {
  readonly asked: string[] = [];
  constructor(private readonly src: Lookups, private readonly named: Map<string, string>) {}
  python(path: string): PythonRecord | undefined { this.asked.push(keys.python(path)); return this.src.python(path); }
  element(appRoot: string, fullName: string): ElementRecord | undefined {
    const k = keys.element(appRoot, fullName);
    this.asked.push(k);
    const el = this.src.element(appRoot, fullName);
    if (el) this.named.set(el.path, k);
    return el;
  }
}

const byElPath = (a: Handler, b: Handler) => (a.el.path < b.el.path ? -1 : a.el.path > b.el.path ? 1 : 0);

function insertSorted(m: Map<string, Handler[]>, k: string, h: Handler): void {
  const list = m.get(k);
  if (!list) { m.set(k, [h]); return; }
  let lo = 0, hi = list.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (byElPath(list[mid], h) <= 0) lo = mid + 1; else hi = mid; }
  list.splice(lo, 0, h);
}

function removeFrom(m: Map<string, Handler[]>, k: string, h: Handler): void {
  const list = m.get(k);
  const i = list ? list.indexOf(h) : -1;
  if (i < 0) return;
  list!.splice(i, 1);
  if (!list!.length) m.delete(k);
}

/** A stable text of the handlers living in one Python file (for change detection). */
export function handlerListSignature(list: readonly Handler[] | undefined): string {
  return list ? JSON.stringify(list.map((h) => [h.el.path, h.fn.id, h.sender])) : '';
}

/** What an update changed: Python files whose handler lists changed, and `appRoot|sender` events whose subscribers or handler code may have. */
export interface FlowUpdate { handlerFiles: Set<string>; events: Set<string> }

export type { PublishSite } from '../workspace/eventWiring';

/** A function the graph knows: a module-level function or a method of a top-level class. */
export interface FlowFunction { id: string; py: PythonRecord; fn: PyFunctionDef; cls?: PyClassDef }

/** An event/task element with the function that handles it and what it receives. */
export interface Handler {
  el: ElementRecord;
  fn: FlowFunction;
  /** Custom events: the sender; others: undefined. */
  sender?: string;
  /** What the handler receives; undefined when unknown (AI assistant events, objMode, no publisher). */
  payload?: Payload;
}

/** A custom event's handler: the payload is merged on first use (a class: an object literal with a getter is a dictionary-mode object). */
class CustomHandler implements Handler {
  constructor(readonly el: ElementRecord, readonly fn: FlowFunction, readonly sender: string, private readonly graph: FlowGraph) {}
  get payload(): Payload | undefined { return this.graph.customPayload(this.el.appRoot, this.sender); }
}

/**
 * Merged payloads by the publish-site list they come from (a list never changes, see EventWiring).
 * Memory: only the most recent merges are kept (a payload is a tree of nodes with maps, one per
 * custom event); a merge is a few microseconds, and the asks for one event come together.
 */
const RECENT_PAYLOADS = 512;
const mergedPayloads = new Map<readonly PublishSite[], Payload>();

/** The merged payload of a list of publish sites (undefined when empty). */
export function payloadOfSites(sites: readonly PublishSite[]): Payload | undefined {
  if (!sites.length) return undefined;
  let p = mergedPayloads.get(sites);
  if (!p) {
    if (mergedPayloads.size >= RECENT_PAYLOADS) mergedPayloads.delete(mergedPayloads.keys().next().value!);
    mergedPayloads.set(sites, (p = mergePayload(sites.map((s) => s.call.payload ?? {}))));
  }
  return p;
}

/** Publish sites of a sender literal in an app (no graph is built). */
export function publishSitesIn(src: Pick<FlowSource, 'wiring'>, appRoot: string, sender: string): readonly PublishSite[] {
  return src.wiring.publishers.get(appRoot, sender);
}

/** The merged payload of a custom event (undefined when nothing publishes it); no graph is built. */
export function senderPayload(src: Pick<FlowSource, 'wiring'>, appRoot: string, sender: string): Payload | undefined {
  return payloadOfSites(src.wiring.publishers.get(appRoot, sender));
}

export class FlowGraph {
  /** Handlers by the Python file of their function (each list ordered by e.json path). */
  readonly handlersByFile = new Map<string, Handler[]>();
  /** Handlers by their e.json path. */
  readonly handlersByEl = new Map<string, Handler>();
  /** Custom subscribers by `appRoot|sender` (ordered by e.json path). */
  readonly subscribers = new Map<string, Handler[]>();
  /** What each listener's resolution looked at, and the reverse. */
  private readonly asked = new Map<string, string[]>();
  private readonly askedBy = new ReverseEdges();
  /** `e:` key of every element a resolution found, by its e.json path (to find who asked after it is deleted). */
  private readonly named = new Map<string, string>();

  constructor(public src: FlowSource) {
    for (const el of src.allElements()) {
      if (!isListener(el)) continue;
      const h = this.resolve(el);
      if (h) this.insert(h);
    }
  }

  /** Files changed (e.json, .py): re-resolves the handlers of changed listeners and of every listener that looked at a changed file. */
  update(touched: Iterable<string>): FlowUpdate {
    const redo = new Set<string>();
    const askers = (k: string | undefined) => { if (k) for (const p of this.askedBy.filesOf(k)) redo.add(p); };
    for (const p of touched) {
      if (p.endsWith('.py')) { askers(keys.python(p)); continue; }
      redo.add(p);
      askers(this.named.get(p));
      const el = this.src.elementOfFile(p);
      if (el) askers(keys.element(el.appRoot, el.fullName));
    }
    const before = new Map<string, string>();
    const events = new Set<string>();
    const note = (h: Handler | undefined) => {
      if (!h) return;
      if (!before.has(h.fn.py.path)) before.set(h.fn.py.path, handlerListSignature(this.handlersByFile.get(h.fn.py.path)));
      if (h.sender !== undefined) events.add(`${h.el.appRoot}|${h.sender}`);
    };
    for (const path of redo) {
      note(this.handlersByEl.get(path));
      this.drop(path);
      const el = this.src.elementOfFile(path);
      const h = el && isListener(el) ? this.resolve(el) : undefined;
      note(h);
      if (h) this.insert(h);
    }
    const handlerFiles = new Set<string>();
    for (const [f, sig] of before) if (handlerListSignature(this.handlersByFile.get(f)) !== sig) handlerFiles.add(f);
    return { handlerFiles, events };
  }

  private drop(path: string): void {
    for (const k of this.asked.get(path) ?? []) this.askedBy.delete(k, path);
    this.asked.delete(path);
    const h = this.handlersByEl.get(path);
    if (!h) return;
    this.handlersByEl.delete(path);
    removeFrom(this.handlersByFile, h.fn.py.path, h);
    if (h.sender !== undefined) removeFrom(this.subscribers, `${h.el.appRoot}|${h.sender}`, h);
  }

  private resolve(el: ElementRecord): Handler | undefined {
    if (untracked.has(this.src)) { const f = this.handlerFunction(el, this.src); return f && this.handler(el, f, this.src); }
    const look = new RecordingLookups(this.src, this.named);
    const fn = this.handlerFunction(el, look);
    const h = fn && this.handler(el, fn, look);
    const asked = [...new Set(look.asked)];
    this.asked.set(el.path, asked);
    for (const k of asked) this.askedBy.add(k, el.path);
    return h;
  }

  private insert(h: Handler): void {
    this.handlersByEl.set(h.el.path, h);
    insertSorted(this.handlersByFile, h.fn.py.path, h);
    if (h.sender !== undefined) insertSorted(this.subscribers, intern(`${h.el.appRoot}|${h.sender}`), h);
  }

  /** Publish sites of a sender literal in an app. */
  publishSites(appRoot: string, sender: string): readonly PublishSite[] {
    return publishSitesIn(this.src, appRoot, sender);
  }

  /** The merged payload of a custom event (undefined when nothing publishes it). */
  customPayload(appRoot: string, sender: string): Payload | undefined {
    return senderPayload(this.src, appRoot, sender);
  }

  /** A function by the file it is in and its `Class.method` or `function` name. */
  functionIn(py: PythonRecord, qualified: string): FlowFunction | undefined {
    const dot = qualified.indexOf('.');
    if (dot < 0) {
      const fn = py.scan.functions.find((f) => f.name === qualified);
      return fn && { id: `${py.path}#${qualified}`, py, fn };
    }
    const cls = py.scan.classes.find((c) => c.name === qualified.slice(0, dot));
    const fn = cls?.methods.find((m) => m.name === qualified.slice(dot + 1));
    return cls && fn ? { id: `${py.path}#${qualified}`, py, fn, cls } : undefined;
  }

  /** Functions a function calls that the scanner can see: `self.m()` in its class, `f()` in its module. */
  callees(f: FlowFunction): FlowFunction[] {
    const out: FlowFunction[] = [];
    for (const c of f.fn.flow?.calls ?? []) {
      const g = c.self ? (f.cls ? this.functionIn(f.py, `${f.cls.name}.${c.name}`) : undefined) : this.functionIn(f.py, c.name);
      if (g && g.id !== f.id) out.push(g);
    }
    return out;
  }

  private handlerFunction(el: ElementRecord, look: Lookups): FlowFunction | undefined {
    if (runFuncType(el) === 'Inner') {
      const py = look.python(`${el.dir}/inner.py`);
      return py ? this.functionIn(py, 'customFunc') : undefined;
    }
    const func = funcProp(el)?.value;
    const parts = func ? splitFunc(func) : undefined;
    const target = parts ? look.element(el.appRoot, parts.element) : undefined;
    const impl = target ? implementationClass(look, target) : undefined;
    if (!impl || !findMethod(impl, parts!.fn)) return undefined;
    const py = look.python(impl.file)!;
    return this.functionIn(py, `${impl.cls.name}.${parts!.fn}`);
  }

  /** A handler record; a custom event's payload is merged on first use (most are never asked for). */
  private handler(el: ElementRecord, fn: FlowFunction, look: Lookups): Handler {
    const target = listenTarget(el)?.value;
    if (!isCustomSubscriber(el)) return { el, fn, ...this.fixedPayloadOf(el, target, look) };
    if (!target) return { el, fn };
    const objMode = el.json.props.get('objMode');
    if (objMode?.kind === 'boolean' && objMode.value === true) return { el, fn, sender: target };
    return new CustomHandler(el, fn, target, this);
  }

  private fixedPayloadOf(el: ElementRecord, target: string | undefined, look: Lookups): { payload?: Payload } {
    const model = target ? look.element(el.appRoot, target) : undefined;
    const fields = model && model.kind === 'model' ? modelFields(look, model) : undefined;
    switch (el.type) {
      case EVENT_TYPES.model: return { payload: sharedFixedPayload(el.type, fields, () => fixedPayload(modelEventShape(fields))) };
      case EVENT_TYPES.workflow: return { payload: sharedFixedPayload(el.type, fields, () => fixedPayload(workflowEventShape(fields))) };
      case EVENT_TYPES.agent: return { payload: sharedFixedPayload(el.type, undefined, () => fixedPayload(agentEventShape())) };
      case TASK_TYPES.dateField: return { payload: sharedFixedPayload(el.type, fields, () => fixedPayload(rowShape(fields))) };
      case TASK_TYPES.timer: return { payload: sharedFixedPayload(el.type, undefined, () => fixedPayload(undefined)) };
      default: return {};
    }
  }
}

const cache = new WeakMap<FlowSource, { version: number; graph: FlowGraph }>();

/** The version flow results are cached by. */
export function flowVersionOf(src: FlowSource): number {
  return src.flowVersion ?? src.version;
}

/** Hands the graph built for a freshly loaded index over to the index that adopted its records. */
export function carryFlowGraph(from: FlowSource, to: FlowSource): void {
  const c = cache.get(from);
  if (!c || c.version !== flowVersionOf(from)) return;
  c.graph.src = to;
  cache.set(to, { version: flowVersionOf(to), graph: c.graph });
}

/**
 * Brings the graph of the previous flow version up to the current one after `touched` changed
 * (undefined when there is none: the next `flowGraph` builds it from scratch).
 */
export function updateFlowGraph(src: FlowSource, fromVersion: number, touched: Iterable<string>): FlowUpdate | undefined {
  const c = cache.get(src);
  if (!c || c.version !== fromVersion) return undefined;
  const u = c.graph.update(touched);
  c.version = flowVersionOf(src);
  return u;
}

/** The flow graph of the index at its current flow version (built once per version). */
export function flowGraph(src: FlowSource): FlowGraph {
  const c = cache.get(src);
  const v = flowVersionOf(src);
  if (c && c.version === v) return c.graph;
  const graph = new FlowGraph(src);
  cache.set(src, { version: v, graph });
  return graph;
}

/**
 * What of a Python file the flow graph uses from other files' point of view: publish calls (sender,
 * place, payload, enclosing function) and functions with their parameters and calls. Payload reads
 * are left out: they only matter to the file itself, which is checked again anyway.
 */
export function pythonFlowSignature(py: PythonRecord | undefined): string {
  if (!py) return '';
  const fn = (f: PyFunctionDef) => [f.name, f.params.map((p) => `${p.kind}:${p.name}`), f.flow?.calls ?? []];
  return JSON.stringify([
    py.scan.publishCalls.map((c) => [c.sender?.value, c.sender?.contentRange.start, c.enclosingFunction, c.payload]),
    py.scan.functions.map(fn), py.scan.classes.map((c) => [c.name, c.methods.map(fn), c.attributes?.map((a) => a.name)]),
  ]);
}

/** What of an e.json the flow graph uses: kind, Type, what it listens to and how its handler is found. */
export function elementFlowSignature(el: ElementRecord | undefined): string {
  if (!el) return '';
  const v = (k: string) => { const x = el.json.props.get(k); return x && (x.kind === 'string' || x.kind === 'boolean') ? x.value : undefined; };
  // Where the sender sits matters too: loop warnings are reported on it.
  const at = isListener(el) ? listenTarget(el)?.contentRange.start : undefined;
  return JSON.stringify([el.kind, el.type, v('sender'), v('model'), v('modelPath'), v('func'), v('taskFunc'), v('funcType'), v('objMode'), at]);
}

/** The current definition of a graph function in its file's latest scan (the graph may hold an older record of an edited file). */
export function currentFunction(src: Pick<FlowSource, 'python'>, f: FlowFunction): PyFunctionDef | undefined {
  const py = src.python(f.py.path);
  if (!py) return undefined;
  return f.cls ? py.scan.classes.find((c) => c.name === f.cls!.name)?.methods.find((m) => m.name === f.fn.name) : py.scan.functions.find((x) => x.name === f.fn.name);
}
