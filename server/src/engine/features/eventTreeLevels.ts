/**
 * The events tree one level at a time (what the sidebar asks as the user expands rows): the apps
 * with their counts, an app's services and listener groups without their rows, one service's events,
 * one kind's groups. Each answer touches one app (or one service), never the whole tree.
 */
import type { EventTreeResult, SubscriberKind, TreeApp } from '../../../../shared/src/protocol/types';
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
  const svcs = sortedServices(index, app.root);
  if (level.service !== undefined) {
    const svc = svcs.find((s) => s.fullName === level.service);
    return { apps: svc ? [{ ...header, ...emptyRows, services: [treeService(svc, serviceEvents(index, app.root, svc))] }] : [], version };
  }
  const resolved = declaredSenders(svcs);
  if (level.kind !== undefined) {
    const other = otherListeners(index, app.root, resolved, { subscribers: true, unresolved: false, kind: level.kind });
    return { apps: [{ ...header, ...emptyRows, groups: sortedGroups(other.groups) }], version };
  }
  const other = otherListeners(index, app.root, resolved, { subscribers: false, unresolved: true });
  const services = svcs.filter((s) => s.json.eventDescs).map((s) => ({ ...treeService(s, []), eventCount: declaredEvents(s).length }));
  const out: TreeApp = {
    ...header, services, groups: sortedGroups(other.groups), unresolved: other.unresolved,
    unresolvedPublishers: unresolvedPublishers(index, app.root, resolved),
  };
  return { apps: [out], version };
}

/** Declared events and their listeners (custom subscribers of declared events plus grouped listeners) of an app. */
function appCounts(index: WorkspaceIndex, appRoot: string): { events: number; listeners: number } {
  const svcs = sortedServices(index, appRoot);
  let events = 0;
  let listeners = 0;
  for (const svc of svcs) {
    for (const e of declaredEvents(svc)) {
      events++;
      listeners += listenersOf(index, appRoot, e.sender).length;
    }
  }
  const other = otherListeners(index, appRoot, declaredSenders(svcs), { subscribers: false, unresolved: false });
  for (const g of other.groups.values()) listeners += g.subscriberCount ?? 0;
  return { events, listeners };
}
