/**
 * Who publishes and who listens to which sender, per app: the one answer the events tree, code
 * lenses, hover, references, rename and the Run chain share.
 */
import type { SubscriberKind } from '../../../../shared/src/protocol/types';
import type { ElementRecord, PythonRecord } from '../model/records';
import type { PublishCall } from '../python/types';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { isCustomSubscriber, isListener, listenTarget, subscriberKind } from '../domain/elementTypes';

export interface PublishSite { py: PythonRecord; call: PublishCall }

/** An event or task element listening to a sender, and what kind of listener it is. */
export interface Listener { el: ElementRecord; kind: SubscriberKind }

/** Publish sites and listeners by `appRoot|target`, built in one pass and cached by index version. */
class EventGraph {
  readonly publishers = new Map<string, PublishSite[]>();
  /** Every event/task element by what it names as its target (`sender`, `model` or `modelPath`). */
  readonly byTarget = new Map<string, ElementRecord[]>();
  constructor(index: WorkspaceIndex) {
    for (const py of index.allPython()) {
      for (const call of py.scan.publishCalls) {
        const v = call.sender?.value;
        if (v === undefined) continue;
        push(this.publishers, `${py.appRoot}|${v}`, { py, call });
      }
    }
    for (const el of index.allElements()) {
      if (!isListener(el)) continue;
      push(this.byTarget, `${el.appRoot}|${listenTarget(el)?.value ?? ''}`, el);
    }
  }
}

function push<T>(m: Map<string, T[]>, k: string, v: T): void {
  const list = m.get(k);
  if (list) list.push(v); else m.set(k, [v]);
}

const cache = new WeakMap<WorkspaceIndex, { version: number; graph: EventGraph }>();

function eventGraph(index: WorkspaceIndex): EventGraph {
  const c = cache.get(index);
  if (c && c.version === index.version) return c.graph;
  const graph = new EventGraph(index);
  cache.set(index, { version: index.version, graph });
  return graph;
}

/** `publish` calls whose sender literal is `sender`. */
export function publishSitesOf(index: WorkspaceIndex, appRoot: string, sender: string): PublishSite[] {
  return eventGraph(index).publishers.get(`${appRoot}|${sender}`) ?? [];
}

/** Every sender literal published in an app, with its publish sites. */
export function publishedSenders(index: WorkspaceIndex, appRoot: string): [sender: string, sites: PublishSite[]][] {
  const out: [string, PublishSite[]][] = [];
  const prefix = `${appRoot}|`;
  for (const [key, sites] of eventGraph(index).publishers) if (key.startsWith(prefix)) out.push([key.slice(prefix.length), sites]);
  return out;
}

/**
 * Who listens to `sender` in an app. What the sender names decides it: an element (a model, an AI
 * assistant or agent) is listened to by the events and tasks that reference it (model, approval,
 * assistant, agent events, date-field tasks); anything else is a custom event
 * `<service>.<event>`, listened to by custom subscribers only.
 */
export function listenersOf(index: WorkspaceIndex, appRoot: string, sender: string): Listener[] {
  const all = eventGraph(index).byTarget.get(`${appRoot}|${sender}`);
  if (!all) return [];
  const custom = index.element(appRoot, sender) === undefined;
  const out: Listener[] = [];
  for (const el of all) if (isCustomSubscriber(el) === custom) out.push({ el, kind: subscriberKind(el) });
  return out;
}

/** fullNames of the custom subscribers of a custom event (what Run chain dispatches a published event to). */
export function customSubscribers(index: WorkspaceIndex, appRoot: string, sender: string): string[] {
  return listenersOf(index, appRoot, sender).filter((l) => isCustomSubscriber(l.el)).map((l) => l.el.fullName);
}
