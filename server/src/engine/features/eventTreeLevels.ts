/**
 * The events tree one level at a time (what the sidebar asks as the user expands rows): the apps
 * with their counts, an app's services and listener groups without their rows, one service's events,
 * one kind's groups. Each answer touches one app (or one service), never the whole tree.
 */
import type { EventTreeResult, SubscriberKind, TreeApp } from '../../../../shared/src/protocol/types';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { serviceEvents, treeAppHeader, treeService, treeSubscriber } from './eventTree';
import { byFullName, declarations, listening, serviceRows, undeclaredPublisherRows } from './treeShape';

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
  if (level.service !== undefined) {
    const el = index.element(app.root, level.service);
    const svc = el?.kind === 'service' ? el : undefined;
    return { apps: svc ? [{ ...header, ...emptyRows, services: [treeService(svc, serviceEvents(index, app.root, svc))] }] : [], version };
  }
  const heard = listening(index, app.root);
  if (level.kind !== undefined) {
    const groups = heard.groups.filter((g) => g.group.kind === level.kind).map(({ group, parts }) => {
      const { subscriberCount: _count, ...rest } = group;
      const subscribers = parts.flat().map((el) => treeSubscriber(index, el)).sort(byFullName);
      return { ...rest, subscribers };
    });
    return { apps: [{ ...header, ...emptyRows, groups }], version };
  }
  // Service and publisher rows are cached with the declarations / publish sites they show (shared, never changed).
  const out: TreeApp = {
    ...header, services: serviceRows(index, app.root), groups: heard.groups.map((g) => ({ ...g.group, subscribers: [] })),
    unresolved: heard.unresolved.map((el) => treeSubscriber(index, el)), unresolvedPublishers: undeclaredPublisherRows(index, app.root),
  };
  return { apps: [out], version };
}

/** Declared events and their listeners (custom subscribers of declared events plus grouped listeners) of an app. */
function appCounts(index: WorkspaceIndex, appRoot: string): { events: number; listeners: number } {
  return { events: declarations(index, appRoot).events, listeners: listening(index, appRoot).listeners };
}
