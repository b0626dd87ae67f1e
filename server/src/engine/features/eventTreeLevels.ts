/**
 * The events tree one level at a time (what the sidebar asks as the user expands rows): the apps
 * with their counts, an app's services and listener groups without their rows, one service's events,
 * one kind's groups. Each answer touches one app (or one service), never the whole tree.
 */
import { TREE_LIST_LIMIT, type EventTreeResult, type SubscriberKind, type TreeApp, type TreeSubscriber } from '../../../../shared/src/protocol/types';
import type { ElementRecord } from '../model/records';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { serviceEvents, treeAppHeader, treeService } from './eventTree';
import { subscriberRow } from './treeRows';
import { byFullName, declarations, serviceRows } from './treeShape';
import { groupRows, kindGroupRows, listening, sortedGroups, unresolvedSubscribers } from './treeListening';
import { undeclaredPublisherRows } from './treePublishing';

/** Which node's children are asked for: none = the apps; an app root; with a service fullName, a listener kind, or a kind's group (`target`). */
export interface EventTreeLevel { appRoot?: string; service?: string; kind?: SubscriberKind; target?: string }

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
    // A kind with many listeners lists its groups with counts (rows shared between answers); each group's rows come when it is expanded.
    const counted = level.target === undefined ? kindGroupRows(heard, level.kind) : [];
    if (counted.reduce((n, g) => n + g.subscriberCount!, 0) > TREE_LIST_LIMIT) return { apps: [{ ...header, ...emptyRows, groups: counted }], version };
    const ofKind = sortedGroups(heard).filter((g) => g.group.kind === level.kind && (level.target === undefined || g.group.target === level.target));
    const groups = ofKind.map(({ group, parts }) => {
      const { subscriberCount: _count, ...rest } = group;
      const [subscribers, more] = firstRows(index, [...parts.values()].flat().sort(byFullName));
      return more ? { ...rest, subscribers, moreSubscribers: more } : { ...rest, subscribers };
    });
    return { apps: [{ ...header, ...emptyRows, groups }], version };
  }
  // Service, group and publisher rows are cached with what they show (shared between answers, never changed).
  const [unresolved, moreUnresolved] = firstRows(index, unresolvedSubscribers(heard));
  const pubs = undeclaredPublisherRows(index, app.root);
  const out: TreeApp = {
    ...header, services: serviceRows(index, app.root), groups: groupRows(heard), unresolved, unresolvedPublishers: pubs.rows,
  };
  if (moreUnresolved) out.moreUnresolved = moreUnresolved;
  if (pubs.more) out.moreUnresolvedPublishers = pubs.more;
  return { apps: [out], version };
}

/**
 * Rows of the first TREE_LIST_LIMIT listeners (already in the tree's order) and how many more there
 * are: a row looks up the handler, so a group of thousands builds only what the answer carries.
 */
function firstRows(index: WorkspaceIndex, els: ElementRecord[]): [TreeSubscriber[], number | undefined] {
  const rows = els.slice(0, TREE_LIST_LIMIT).map((el) => subscriberRow(index, el));
  return [rows, els.length > TREE_LIST_LIMIT ? els.length - TREE_LIST_LIMIT : undefined];
}

/** Declared events and their listeners (custom subscribers of declared events plus grouped listeners) of an app. */
function appCounts(index: WorkspaceIndex, appRoot: string): { events: number; listeners: number } {
  return { events: declarations(index, appRoot).events, listeners: listening(index, appRoot).listeners };
}
