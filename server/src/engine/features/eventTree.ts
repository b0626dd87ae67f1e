/** The sidebar events tree, whole or filtered: app -> service -> event -> publishers / listeners, other listener groups, unresolved ones. */
import type { EventTreeResult, TreeApp, TreeEvent, TreeGroup, TreePublisher, TreeService, TreeSubscriber } from '../../../../shared/src/protocol/types';
import type { AppRecord, ElementRecord } from '../model/records';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { stringProp } from '../elements/elementJson';
import { funcProp, innerHandler, runFuncType } from '../domain/handlers';
import { isCustomSubscriber, isListener, listenTarget, subscriberKind } from '../domain/elementTypes';
import { listenersOf, publishSitesOf, publishedSenders, type PublishSite } from './eventGraph';
import { pathToUri, toLocation } from './locations';
import { funcLocation } from './definition';


export function treeSubscriber(index: Pick<WorkspaceIndex, 'element' | 'python'>, el: ElementRecord): TreeSubscriber {
  const target = listenTarget(el);
  const timing = stringProp(el.json, 'operate')?.value ?? stringProp(el.json, 'stage')?.value;
  const enable = el.json.props.get('enable');
  const ft = runFuncType(el);
  const sub: TreeSubscriber = {
    fullName: el.fullName, title: el.title, kind: subscriberKind(el), type: el.type ?? '',
    listensTo: target?.value, timing,
    enabled: !(enable && (enable.value === 0 || enable.value === false)),
    asyncType: el.json.props.get('asyncType')?.value === true,
    location: target ? toLocation(el.path, el.lines, target.contentRange.start, target.contentRange.end) : toLocation(el.path, el.lines, 0, 0),
    runnable: false,
  };
  if (ft === 'Inner') {
    const h = innerHandler(index, el);
    const py = h.status !== 'no-file' ? index.python(h.file) : undefined;
    sub.handler = {
      funcType: 'Inner', label: 'inner.py customFunc',
      location: h.status === 'ok' && py ? toLocation(py.path, py.lines, h.fn.nameRange.start, h.fn.nameRange.end) : undefined,
    };
    sub.runnable = h.status === 'ok';
  } else {
    const func = funcProp(el)?.value;
    if (func) {
      const loc = funcLocation(index, el.appRoot, func);
      sub.handler = { funcType: 'Global', label: func, location: loc };
      sub.runnable = !!loc && loc.uri.endsWith('.py');
    }
  }
  return sub;
}

/** A publish call as a tree row. */
export function publisher(site: PublishSite): TreePublisher {
  const p: TreePublisher = { location: toLocation(site.py.path, site.py.lines, site.call.range.start, site.call.range.end) };
  if (site.call.enclosingFunction) p.inFunction = site.call.enclosingFunction;
  if (site.call.args) p.argsText = site.call.args.text;
  if (site.call.kwargs) p.kwargsText = site.call.kwargs.text;
  return p;
}

function matches(filter: string | undefined, ...texts: (string | undefined)[]): boolean {
  if (!filter) return true;
  const f = filter.toLowerCase();
  return texts.some((t) => t?.toLowerCase().includes(f));
}

const GROUP_KINDS = new Set(['model', 'workflow', 'assistant', 'agent', 'task']);
const byFullName = (a: { fullName: string }, b: { fullName: string }) => (a.fullName < b.fullName ? -1 : 1);

/** An app's name as the tree shows it: appId from app.json, else the folder name. */
export function treeAppHeader(app: AppRecord): Pick<TreeApp, 'name' | 'title' | 'rootUri'> {
  return { name: app.appId ?? app.root.slice(app.root.lastIndexOf('/') + 1), title: app.title, rootUri: pathToUri(app.root) };
}

/** The services of an app by fullName. */
export function sortedServices(index: WorkspaceIndex, appRoot: string): ElementRecord[] {
  return index.elementsOfKind(appRoot, 'service').sort(byFullName);
}

/** The declared events of a service: name entry, sender, title and desc (entries without a name are skipped). */
export function declaredEvents(svc: ElementRecord) {
  const out = [];
  for (const e of svc.json.eventDescs?.entries ?? []) {
    const name = e.name?.value;
    if (typeof name !== 'string' || !name) continue;
    out.push({
      name, sender: `${svc.fullName}.${name}`, nameRange: e.name!.contentRange,
      title: typeof e.title?.value === 'string' ? e.title.value : undefined,
      desc: typeof e.desc?.value === 'string' ? e.desc.value : undefined,
    });
  }
  return out;
}

/** Every sender an app declares (`<service>.<event>`). */
export function declaredSenders(services: ElementRecord[]): Set<string> {
  const out = new Set<string>();
  for (const svc of services) for (const e of declaredEvents(svc)) out.add(e.sender);
  return out;
}

/** The events of one service with their publish sites and subscribers (those matching the filter). */
export function serviceEvents(index: WorkspaceIndex, appRoot: string, svc: ElementRecord, filter?: string): TreeEvent[] {
  const events: TreeEvent[] = [];
  for (const e of declaredEvents(svc)) {
    const subs = listenersOf(index, appRoot, e.sender).map((l) => l.el);
    if (!matches(filter, e.sender, e.title, e.desc, svc.title, ...subs.map((s) => s.fullName))) continue;
    events.push({
      name: e.name, title: e.title, desc: e.desc, sender: e.sender,
      location: toLocation(svc.path, svc.lines, e.nameRange.start, e.nameRange.end),
      publishers: publishSitesOf(index, appRoot, e.sender).map(publisher),
      subscribers: subs.map((s) => treeSubscriber(index, s)).sort(byFullName),
    });
  }
  return events;
}

/** A service row (its events given or left to a later request). */
export function treeService(svc: ElementRecord, events: TreeEvent[]): TreeService {
  return { fullName: svc.fullName, title: svc.title, location: toLocation(svc.path, svc.lines, 0, 0), events };
}

/** Listeners that are not custom subscribers of a declared event: grouped by target, and the unresolved custom ones. */
export interface OtherListeners { groups: Map<string, TreeGroup>; unresolved: TreeSubscriber[] }

/**
 * One pass over an app's listeners. `subscriber` builds a group's row (or returns undefined to count
 * it only: the group's `subscriberCount` grows); unresolved custom subscribers are listed when `unresolved`.
 */
export function otherListeners(index: WorkspaceIndex, appRoot: string, resolvedSenders: Set<string>, opts: {
  filter?: string; subscribers: boolean; unresolved: boolean; kind?: string;
}): OtherListeners {
  const groups = new Map<string, TreeGroup>();
  const unresolved: TreeSubscriber[] = [];
  for (const el of index.elementsOfApp(appRoot)) {
    if (!isListener(el)) continue;
    const kind = subscriberKind(el);
    const target = listenTarget(el)?.value;
    // Custom subscribers were listed under their service's event; here only those whose event is not declared.
    if (isCustomSubscriber(el) && (kind === 'custom' || target !== undefined)) {
      if (opts.unresolved && (target === undefined || !resolvedSenders.has(target))) {
        if (matches(opts.filter, el.fullName, el.title, target)) unresolved.push(treeSubscriber(index, el));
      }
      continue;
    }
    const groupKind = GROUP_KINDS.has(kind) ? kind as TreeGroup['kind'] : 'other';
    if (opts.kind !== undefined && groupKind !== opts.kind) continue;
    const groupTarget = target ?? (kind === 'task' ? 'timer' : '');
    if (!matches(opts.filter, el.fullName, el.title, groupTarget)) continue;
    const gk = `${groupKind}|${groupTarget}`;
    let g = groups.get(gk);
    if (!g) {
      const targetEl = target ? index.element(appRoot, target) : undefined;
      g = { kind: groupKind, target: groupTarget, targetTitle: targetEl?.title, subscribers: [] };
      if (targetEl) g.targetLocation = toLocation(targetEl.path, targetEl.lines, 0, 0);
      if (!opts.subscribers) g.subscriberCount = 0;
      groups.set(gk, g);
    }
    if (opts.subscribers) g.subscribers.push(treeSubscriber(index, el));
    else g.subscriberCount!++;
  }
  unresolved.sort(byFullName);
  return { groups, unresolved };
}

/** Groups in the tree's order, their subscribers sorted. */
export function sortedGroups(groups: Map<string, TreeGroup>): TreeGroup[] {
  const list = [...groups.values()].sort((a, b) => (a.kind + a.target < b.kind + b.target ? -1 : 1));
  for (const g of list) g.subscribers.sort(byFullName);
  return list;
}

/** Publish calls of an app whose sender is not declared (those matching the filter). */
export function unresolvedPublishers(index: WorkspaceIndex, appRoot: string, resolvedSenders: Set<string>, filter?: string) {
  const out: (TreePublisher & { sender: string })[] = [];
  for (const [sender, sites] of publishedSenders(index, appRoot)) {
    if (resolvedSenders.has(sender) || !matches(filter, sender)) continue;
    for (const s of sites) out.push({ ...publisher(s), sender });
  }
  return out;
}

/** The sidebar tree: app -> service -> event -> publishers / subscribers, plus other listeners and unresolved ones. */
export function buildEventTree(index: WorkspaceIndex, filter?: string): EventTreeResult {
  const apps: TreeApp[] = [];
  for (const app of index.allApps().sort((a, b) => (a.root < b.root ? -1 : 1))) {
    const services: TreeService[] = [];
    const svcs = sortedServices(index, app.root);
    const resolvedSenders = declaredSenders(svcs);
    for (const svc of svcs) {
      const events = serviceEvents(index, app.root, svc, filter);
      if (events.length || (!filter && svc.json.eventDescs)) services.push(treeService(svc, events));
    }
    const other = otherListeners(index, app.root, resolvedSenders, { filter, subscribers: true, unresolved: true });
    const groupList = sortedGroups(other.groups);
    const pubs = unresolvedPublishers(index, app.root, resolvedSenders, filter);
    if (filter && !services.length && !groupList.length && !other.unresolved.length && !pubs.length) continue;
    apps.push({ ...treeAppHeader(app), services, groups: groupList, unresolved: other.unresolved, unresolvedPublishers: pubs });
  }
  return { apps, version: index.version };
}
