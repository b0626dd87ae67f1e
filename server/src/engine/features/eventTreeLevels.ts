/**
 * The events tree one level at a time (what the sidebar asks as the user expands rows): the apps
 * with their counts, an app's services and listener groups without their rows, one service's events,
 * one kind's groups. Each answer touches one app (or one service), never the whole tree.
 */
import type { EventTreeResult, SubscriberKind, TreeApp, TreeGroup, TreeSubscriber } from '../../../../shared/src/protocol/types';
import type { ElementRecord } from '../model/records';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { listenersOf } from './eventGraph';
import {
  declaredEvents, declaredSenders, otherListeners, serviceEvents, sortedGroups, sortedServices, treeAppHeader, treeService,
  unresolvedPublishers,
} from './eventTree';

/** Which node's children are asked for: none = the apps; an app root; with a service fullName or a listener kind. */
export interface EventTreeLevel { appRoot?: string; service?: string; kind?: SubscriberKind }

const emptyRows = { services: [], groups: [], unresolved: [], unresolvedPublishers: [] };

/** The children of one node of the events tree (unknown apps or services answer no app). */
export function eventTreeLevel(index: WorkspaceIndex, level: EventTreeLevel): EventTreeResult {
  const version = index.version;
  if (level.appRoot === undefined) {
    const apps = index.allApps().sort((a, b) => (a.root < b.root ? -1 : 1));
    return { apps: apps.map((app) => ({ ...treeAppHeader(app), ...emptyRows, counts: appCounts(index, app.root) })), version };
  }
  const app = index.app(level.appRoot);
  if (!app) return { apps: [], version };
  const header = treeAppHeader(app);
  const { svcs, resolved, groups, unresolved } = skeleton(index, app.root);
  if (level.service !== undefined) {
    const svc = svcs.find((s) => s.fullName === level.service);
    return { apps: svc ? [{ ...header, ...emptyRows, services: [treeService(svc, serviceEvents(index, app.root, svc))] }] : [], version };
  }
  if (level.kind !== undefined) {
    const other = otherListeners(index, app.root, resolved, { subscribers: true, unresolved: false, kind: level.kind });
    return { apps: [{ ...header, ...emptyRows, groups: sortedGroups(other.groups) }], version };
  }
  const services = svcs.filter((s) => s.json.eventDescs).map((s) => ({ ...treeService(s, []), eventCount: declaredEvents(s).length }));
  const out: TreeApp = {
    ...header, services, groups: groups.map((g) => ({ ...g, subscribers: [] })), unresolved: [...unresolved],
    unresolvedPublishers: unresolvedPublishers(index, app.root, resolved),
  };
  return { apps: [out], version };
}

/** What the root and app levels of one app share, computed once per index version. */
interface AppSkeleton { svcs: ElementRecord[]; resolved: Set<string>; groups: TreeGroup[]; unresolved: TreeSubscriber[]; counts?: { events: number; listeners: number } }
const skeletons = new WeakMap<WorkspaceIndex, { version: number; apps: Map<string, AppSkeleton> }>();

function skeleton(index: WorkspaceIndex, appRoot: string): AppSkeleton {
  let cached = skeletons.get(index);
  if (!cached || cached.version !== index.version) skeletons.set(index, cached = { version: index.version, apps: new Map() });
  let sk = cached.apps.get(appRoot);
  if (!sk) {
    const svcs = sortedServices(index, appRoot);
    const resolved = declaredSenders(svcs);
    const other = otherListeners(index, appRoot, resolved, { subscribers: false, unresolved: true });
    sk = { svcs, resolved, groups: sortedGroups(other.groups), unresolved: other.unresolved };
    cached.apps.set(appRoot, sk);
  }
  return sk;
}

/** Declared events and their listeners (custom subscribers of declared events plus grouped listeners) of an app. */
function appCounts(index: WorkspaceIndex, appRoot: string): { events: number; listeners: number } {
  const sk = skeleton(index, appRoot);
  if (sk.counts) return sk.counts;
  let events = 0;
  let listeners = 0;
  for (const svc of sk.svcs) {
    for (const e of declaredEvents(svc)) {
      events++;
      listeners += listenersOf(index, appRoot, e.sender).length;
    }
  }
  for (const g of sk.groups) listeners += g.subscriberCount ?? 0;
  return sk.counts = { events, listeners };
}
