/**
 * The event flow of the workspace, built in one pass per index version: publish sites by sender,
 * each event/task element's handler function and payload, the handlers living in each Python
 * file, and functions by id for following calls. Payload checks, loop detection, hover,
 * completion and Run handler all read it.
 */
import type { ElementRecord, PythonRecord } from '../model/records';
import type { PyClassDef, PyFunctionDef } from '../python/types';
import type { EventWiring, PublishSite } from '../workspace/eventWiring';
import { EVENT_TYPES, TASK_TYPES, isCustomSubscriber, isListener, listenTarget } from './elementTypes';
import { findMethod, funcProp, implementationClass, modelFields, runFuncType, splitFunc } from './handlers';
import { agentEventShape, fixedPayload, mergePayload, modelEventShape, rowShape, workflowEventShape, type Payload } from './payloads';

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
}

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

/** Merged payloads by the publish-site list they come from (a list never changes, see EventWiring). */
const mergedPayloads = new WeakMap<readonly PublishSite[], Payload>();

/** The merged payload of a list of publish sites (undefined when empty), computed once per list. */
export function payloadOfSites(sites: readonly PublishSite[]): Payload | undefined {
  if (!sites.length) return undefined;
  let p = mergedPayloads.get(sites);
  if (!p) mergedPayloads.set(sites, (p = mergePayload(sites.map((s) => s.call.payload ?? {}))));
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
  readonly handlersByFile = new Map<string, Handler[]>();
  /** Handlers by their e.json path. */
  readonly handlersByEl = new Map<string, Handler>();
  /** Custom subscribers by `appRoot|sender`. */
  readonly subscribers = new Map<string, Handler[]>();

  constructor(private readonly src: FlowSource) {
    for (const el of src.allElements()) {
      if (!isListener(el)) continue;
      const fn = this.handlerFunction(el);
      if (!fn) continue;
      const h = this.handler(el, fn);
      this.handlersByEl.set(el.path, h);
      push(this.handlersByFile, fn.py.path, h);
      if (h.sender !== undefined) push(this.subscribers, `${el.appRoot}|${h.sender}`, h);
    }
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

  private handlerFunction(el: ElementRecord): FlowFunction | undefined {
    if (runFuncType(el) === 'Inner') {
      const py = this.src.python(`${el.dir}/inner.py`);
      return py ? this.functionIn(py, 'customFunc') : undefined;
    }
    const func = funcProp(el)?.value;
    const parts = func ? splitFunc(func) : undefined;
    const target = parts ? this.src.element(el.appRoot, parts.element) : undefined;
    const impl = target ? implementationClass(this.src, target) : undefined;
    if (!impl || !findMethod(impl, parts!.fn)) return undefined;
    const py = this.src.python(impl.file)!;
    return this.functionIn(py, `${impl.cls.name}.${parts!.fn}`);
  }

  /** A handler record; a custom event's payload is merged on first use (most are never asked for). */
  private handler(el: ElementRecord, fn: FlowFunction): Handler {
    const target = listenTarget(el)?.value;
    if (!isCustomSubscriber(el)) return { el, fn, ...this.fixedPayloadOf(el, target) };
    if (!target) return { el, fn };
    const objMode = el.json.props.get('objMode');
    if (objMode?.kind === 'boolean' && objMode.value === true) return { el, fn, sender: target };
    const graph = this;
    return { el, fn, sender: target, get payload() { return graph.customPayload(el.appRoot, target); } };
  }

  private fixedPayloadOf(el: ElementRecord, target: string | undefined): { payload?: Payload } {
    const model = target ? this.src.element(el.appRoot, target) : undefined;
    const fields = model && model.kind === 'model' ? modelFields(this.src, model) : undefined;
    switch (el.type) {
      case EVENT_TYPES.model: return { payload: fixedPayload(modelEventShape(fields)) };
      case EVENT_TYPES.workflow: return { payload: fixedPayload(workflowEventShape(fields)) };
      case EVENT_TYPES.agent: return { payload: fixedPayload(agentEventShape()) };
      case TASK_TYPES.dateField: return { payload: fixedPayload(rowShape(fields)) };
      case TASK_TYPES.timer: return { payload: fixedPayload(undefined) };
      default: return {};
    }
  }
}

function push<T>(m: Map<string, T[]>, k: string, v: T): void {
  const list = m.get(k);
  if (list) list.push(v); else m.set(k, [v]);
}

const cache = new WeakMap<FlowSource, { version: number; graph: FlowGraph }>();

/** The version flow results are cached by. */
export function flowVersionOf(src: FlowSource): number {
  return src.flowVersion ?? src.version;
}

/** Hands the graph built for a freshly loaded index over to the index that adopted its records. */
export function carryFlowGraph(from: FlowSource, to: FlowSource): void {
  const c = cache.get(from);
  if (c && c.version === flowVersionOf(from)) cache.set(to, { version: flowVersionOf(to), graph: c.graph });
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
