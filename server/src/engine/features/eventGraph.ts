import type { ElementRecord, PythonRecord } from '../model/records';
import type { PublishCall } from '../python/types';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { stringProp, type StringValue } from '../elements/elementJson';

/** What an event or task element listens to: `sender`, else `model` (approval), else `modelPath` (date task). */
export function listenTarget(el: ElementRecord): StringValue | undefined {
  return stringProp(el.json, 'sender') ?? stringProp(el.json, 'model') ?? stringProp(el.json, 'modelPath');
}

export interface PublishSite { py: PythonRecord; call: PublishCall }

/**
 * Who publishes and who subscribes to which sender, per app. Built on demand from the index and
 * cached by index version, so tree, references, rename and hover share one pass.
 */
export class EventGraph {
  readonly publishers = new Map<string, PublishSite[]>();
  readonly subscribers = new Map<string, ElementRecord[]>();
  /** Listeners of non-custom senders (models, assistants, agents) keyed like subscribers. */
  constructor(index: WorkspaceIndex) {
    for (const py of index.allPython()) {
      for (const call of py.scan.publishCalls) {
        const v = call.sender?.value;
        if (v === undefined) continue;
        push(this.publishers, `${py.appRoot}|${v}`, { py, call });
      }
    }
    for (const el of index.allElements()) {
      if (el.kind !== 'event' && el.kind !== 'task') continue;
      const target = listenTarget(el);
      push(this.subscribers, `${el.appRoot}|${target?.value ?? ''}`, el);
    }
  }
}

function push<T>(m: Map<string, T[]>, k: string, v: T): void {
  const list = m.get(k);
  if (list) list.push(v); else m.set(k, [v]);
}

const cache = new WeakMap<WorkspaceIndex, { version: number; graph: EventGraph }>();

export function eventGraph(index: WorkspaceIndex): EventGraph {
  const c = cache.get(index);
  if (c && c.version === index.version) return c.graph;
  const graph = new EventGraph(index);
  cache.set(index, { version: index.version, graph });
  return graph;
}

export function publishSitesOf(index: WorkspaceIndex, appRoot: string, sender: string): PublishSite[] {
  return eventGraph(index).publishers.get(`${appRoot}|${sender}`) ?? [];
}

export function subscribersOf(index: WorkspaceIndex, appRoot: string, sender: string): ElementRecord[] {
  return eventGraph(index).subscribers.get(`${appRoot}|${sender}`) ?? [];
}
