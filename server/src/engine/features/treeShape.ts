/**
 * What the events tree's top levels are built from, per app: the sorted services and declared
 * senders (rebuilt when a declaration changes), and a summary of each listener list of the index's
 * event wiring (lists are copy-on-write, so a summary is cached by its list). treeListening.ts and
 * treePublishing.ts keep the aggregates up to date from these.
 */
import type { TreeGroup, TreeService } from '../../../../shared/src/protocol/types';
import type { ElementRecord } from '../model/records';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { isCustomSubscriber, listenTarget, subscriberKind } from '../domain/elementTypes';
import { treeService } from './eventTree';

const GROUP_KINDS = new Set(['model', 'workflow', 'assistant', 'agent', 'task']);
export const byFullName = (a: { fullName: string }, b: { fullName: string }) => (a.fullName < b.fullName ? -1 : 1);

/** Listeners of one group (`kind|target`) found in one listener list. */
export interface GroupPart { key: string; kind: TreeGroup['kind']; groupTarget: string; target?: string; els: ElementRecord[] }

/** One listener list (all listeners naming the same target) summarised. */
export interface ListSummary {
  /** Custom subscribers: unresolved unless their target is a declared sender. */
  custom: ElementRecord[];
  /** Custom-subscriber count (isCustomSubscriber), for listener totals. */
  customCount: number;
  /** Listeners in the list. */
  size: number;
  /** The other listeners, by group. */
  parts: GroupPart[];
}

const summaries = new WeakMap<readonly ElementRecord[], ListSummary>();
const NO_PARTS: GroupPart[] = [];

export function summarise(list: readonly ElementRecord[]): ListSummary {
  let s = summaries.get(list);
  if (s) return s;
  s = { custom: [], customCount: 0, size: list.length, parts: NO_PARTS };
  let parts: Map<string, GroupPart> | undefined;
  for (const el of list) {
    const kind = subscriberKind(el);
    const target = listenTarget(el)?.value;
    const custom = isCustomSubscriber(el);
    if (custom) s.customCount++;
    // Custom subscribers are listed under their service's event, or as unresolved.
    if (custom && (kind === 'custom' || target !== undefined)) { s.custom.push(el); continue; }
    const groupKind = GROUP_KINDS.has(kind) ? kind as TreeGroup['kind'] : 'other';
    const groupTarget = target ?? (kind === 'task' ? 'timer' : '');
    const key = `${groupKind}|${groupTarget}`;
    parts ??= new Map();
    let p = parts.get(key);
    if (!p) parts.set(key, (p = { key, kind: groupKind, groupTarget, target, els: [] }));
    p.els.push(el);
  }
  if (parts) s.parts = [...parts.values()];
  summaries.set(list, s);
  return s;
}

/** The declarations of an app: sorted services, declared senders (with how often each is declared). */
export interface Declarations {
  version: number; wiring: object; services: ElementRecord[]; declared: Map<string, number>; events: number;
  /** The app level's service rows (built on first use; shared by answers, never changed). */
  rows?: (TreeService & { eventCount: number })[];
}

/** Per index and app, what the tree's levels keep between requests (each part checks its own versions). */
export interface AppCache { decl?: Declarations; listening?: unknown; publishing?: unknown }
const caches = new WeakMap<WorkspaceIndex, Map<string, AppCache>>();

export function cacheOf(index: WorkspaceIndex, appRoot: string): AppCache {
  let m = caches.get(index);
  if (!m) caches.set(index, (m = new Map()));
  let c = m.get(appRoot);
  if (!c) m.set(appRoot, (c = {}));
  return c;
}

/** The named eventDescs entries of a service. */
export function declaredNames(svc: ElementRecord): string[] {
  const out: string[] = [];
  for (const e of svc.json.eventDescs?.entries ?? []) {
    const name = e.name?.value;
    if (typeof name === 'string' && name) out.push(name);
  }
  return out;
}

/** An app's services by fullName and its declared senders `<service>.<event>`. */
export function declarations(index: WorkspaceIndex, appRoot: string): Declarations {
  const c = cacheOf(index, appRoot);
  const wiring = index.wiring;
  if (c.decl && c.decl.wiring === wiring && c.decl.version === wiring.declarationsVersion) return c.decl;
  const services = index.elementsOfKind(appRoot, 'service').sort(byFullName);
  const declared = new Map<string, number>();
  let events = 0;
  for (const svc of services) {
    for (const name of declaredNames(svc)) {
      const sender = `${svc.fullName}.${name}`;
      declared.set(sender, (declared.get(sender) ?? 0) + 1);
      events++;
    }
  }
  return c.decl = { version: wiring.declarationsVersion, wiring, services, declared, events };
}

/** The rows of an app's services that declare events (what the app level lists), by fullName. */
export function serviceRows(index: WorkspaceIndex, appRoot: string): (TreeService & { eventCount: number })[] {
  const d = declarations(index, appRoot);
  return d.rows ??= d.services.filter((s) => s.json.eventDescs).map((s) => ({ ...treeService(s, []), eventCount: declaredNames(s).length }));
}
