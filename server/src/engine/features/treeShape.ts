/**
 * What the events tree's top levels show of one app, kept cheap after an edit: the app's sorted
 * services and declared senders (rebuilt when a declaration changes), and its listener groups,
 * unresolved subscribers and totals, aggregated from one summary per listener list of the index's
 * event wiring. Those lists are copy-on-write, so a summary is cached by its list and an edit
 * re-summarises only the lists it changed; a Python edit (the common case) reuses everything.
 */
import type { TreeGroup, TreePublisher, TreeService } from '../../../../shared/src/protocol/types';
import type { ElementRecord } from '../model/records';
import type { PublishSite } from '../workspace/eventWiring';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { isCustomSubscriber, listenTarget, subscriberKind } from '../domain/elementTypes';
import { toLocation } from './locations';
import { publisher, treeService } from './eventTree';

const GROUP_KINDS = new Set(['model', 'workflow', 'assistant', 'agent', 'task']);
export const byFullName = (a: { fullName: string }, b: { fullName: string }) => (a.fullName < b.fullName ? -1 : 1);

/** Listeners of one group (`kind|target`) found in one listener list. */
interface GroupPart { key: string; kind: TreeGroup['kind']; groupTarget: string; target?: string; els: ElementRecord[] }

/** One listener list (all listeners naming the same target) summarised. */
interface ListSummary {
  /** Custom subscribers: unresolved unless their target is a declared sender. */
  custom: ElementRecord[];
  /** Custom-subscriber count (isCustomSubscriber), for listener totals. */
  customCount: number;
  /** The other listeners, by group. */
  parts: GroupPart[];
}

const summaries = new WeakMap<readonly ElementRecord[], ListSummary>();

function summarise(list: readonly ElementRecord[]): ListSummary {
  let s = summaries.get(list);
  if (s) return s;
  s = { custom: [], customCount: 0, parts: [] };
  const parts = new Map<string, GroupPart>();
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
    let p = parts.get(key);
    if (!p) parts.set(key, (p = { key, kind: groupKind, groupTarget, target, els: [] }));
    p.els.push(el);
  }
  s.parts = [...parts.values()];
  summaries.set(list, s);
  return s;
}

/** A listener group with its parts (the rows are built when the group's kind is expanded). */
export interface ShapeGroup { group: TreeGroup; parts: ElementRecord[][] }

/** The declarations of an app: sorted services, declared senders (with how often each is declared). */
interface Declarations {
  version: number; wiring: object; services: ElementRecord[]; declared: Map<string, number>; events: number;
  /** The app level's service rows (built on first use; shared by answers, never changed). */
  rows?: (TreeService & { eventCount: number })[];
}
/** The listener side of an app. */
interface Listening {
  version: number; wiringVersion: number; wiring: object;
  groups: ShapeGroup[]; unresolved: ElementRecord[]; listeners: number;
  /** The app level's group rows (counts, no subscriber rows; built on first use; shared, never changed). */
  rows?: TreeGroup[];
}
interface Publishing {
  version: number; wiringVersion: number; wiring: object; unresolved: [string, readonly PublishSite[]][];
  /** Their tree rows (built on first use; shared by answers, never changed). */
  rows?: (TreePublisher & { sender: string })[];
}

interface AppCache { decl?: Declarations; listening?: Listening; publishing?: Publishing }
const caches = new WeakMap<WorkspaceIndex, Map<string, AppCache>>();

function cacheOf(index: WorkspaceIndex, appRoot: string): AppCache {
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

/** Listener groups (counts), unresolved custom subscribers and the number of listeners of declared events plus grouped ones. */
export function listening(index: WorkspaceIndex, appRoot: string): Listening {
  const c = cacheOf(index, appRoot);
  const wiring = index.wiring;
  const l = c.listening;
  if (l && l.wiring === wiring && l.version === wiring.declarationsVersion && l.wiringVersion === wiring.listenersVersion) return l;
  const { declared } = declarations(index, appRoot);
  const groups = new Map<string, ShapeGroup>();
  const unresolved: ElementRecord[] = [];
  let listeners = 0;
  for (const [key, list] of wiring.listeners.ofApp(appRoot)) {
    const s = summarise(list);
    const times = declared.get(key) ?? 0;
    if (times) listeners += times * (index.element(appRoot, key) === undefined ? s.customCount : list.length - s.customCount);
    if (s.custom.length && !(key !== '' && times)) for (const el of s.custom) unresolved.push(el);
    for (const p of s.parts) {
      let g = groups.get(p.key);
      if (!g) {
        const targetEl = p.target ? index.element(appRoot, p.target) : undefined;
        const group: TreeGroup = { kind: p.kind, target: p.groupTarget, targetTitle: targetEl?.title, subscribers: [], subscriberCount: 0 };
        if (targetEl) group.targetLocation = toLocation(targetEl.path, targetEl.lines, 0, 0);
        groups.set(p.key, (g = { group, parts: [] }));
      }
      g.group.subscriberCount! += p.els.length;
      g.parts.push(p.els);
      listeners += p.els.length;
    }
  }
  unresolved.sort(byFullName);
  const sorted = [...groups.values()].sort((a, b) => (a.group.kind + a.group.target < b.group.kind + b.group.target ? -1 : 1));
  return c.listening = {
    version: wiring.declarationsVersion, wiring, wiringVersion: wiring.listenersVersion, groups: sorted, unresolved, listeners,
  };
}

/** The rows of an app's services that declare events (what the app level lists), by fullName. */
export function serviceRows(index: WorkspaceIndex, appRoot: string): (TreeService & { eventCount: number })[] {
  const d = declarations(index, appRoot);
  return d.rows ??= d.services.filter((s) => s.json.eventDescs).map((s) => ({ ...treeService(s, []), eventCount: declaredNames(s).length }));
}

/** The rows of an app's listener groups with their counts (what the app level lists). */
export function groupRows(index: WorkspaceIndex, appRoot: string): TreeGroup[] {
  const l = listening(index, appRoot);
  return l.rows ??= l.groups.map((g) => ({ ...g.group, subscribers: [] }));
}

/** The rows of an app's publish calls whose sender no service declares. */
export function undeclaredPublisherRows(index: WorkspaceIndex, appRoot: string): (TreePublisher & { sender: string })[] {
  const p = publishing(index, appRoot);
  if (!p.rows) {
    p.rows = [];
    for (const [sender, sites] of p.unresolved) for (const site of sites) p.rows.push({ ...publisher(site), sender });
  }
  return p.rows;
}

/** Published senders of an app that no service declares, by sender, with their publish sites. */
export function undeclaredPublished(index: WorkspaceIndex, appRoot: string): [string, readonly PublishSite[]][] {
  return publishing(index, appRoot).unresolved;
}

function publishing(index: WorkspaceIndex, appRoot: string): Publishing {
  const c = cacheOf(index, appRoot);
  const wiring = index.wiring;
  const p = c.publishing;
  if (p && p.wiring === wiring && p.version === wiring.declarationsVersion && p.wiringVersion === wiring.publishersVersion) return p;
  const { declared } = declarations(index, appRoot);
  const unresolved: [string, readonly PublishSite[]][] = [];
  for (const [sender, sites] of wiring.publishers.ofApp(appRoot)) if (!declared.has(sender)) unresolved.push([sender, sites]);
  // By sender: the wiring's own order depends on the order files changed in.
  unresolved.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return c.publishing = { version: wiring.declarationsVersion, wiring, wiringVersion: wiring.publishersVersion, unresolved };
}
