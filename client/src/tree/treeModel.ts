/**
 * Turns the server's EventTreeResult into the nodes of the events tree: apps, services (natural
 * order), listener categories and Unresolved; the lower rows are built in treeNodes.ts. Pure (no
 * vscode import) so the shape users see is unit-tested; eventsTree.ts only maps these to TreeItems.
 * A lazy answer (counts instead of rows) gives nodes whose rows come with the next request (`lazy`).
 */
import { formatMessage, plural, type Localize } from '../../../shared/src/l10n';
import type { EventTreeParent, EventTreeResult, SubscriberKind, TreeApp, TreeGroup, TreeService } from '../../../shared/src/protocol/types';
import {
  contextValue, disambiguate, escapeMarkdown, eventNode, KIND_ICONS, publisherNode, relativeToApp, shortName, sortNatural,
  subscriberNode, WARNING_COLOR, type TreeNode,
} from './treeNodes';

export { fileAndLine, relativeToApp, type TreeNode, type TreeNodeKind } from './treeNodes';

/** Apps with more services than this start with their services collapsed. */
export const COLLAPSE_SERVICES_ABOVE = 50;

function kindLabel(kind: SubscriberKind, t: Localize): string {
  switch (kind) {
    case 'custom': return t('Custom event listeners');
    case 'model': return t('Model events');
    case 'workflow': return t('Approval events');
    case 'assistant': return t('AI assistant events');
    case 'agent': return t('AI agent events');
    case 'task': return t('Tasks');
    default: return t('Other listeners');
  }
}

/** Order of listener categories under an app. */
const KIND_ORDER: SubscriberKind[] = ['model', 'workflow', 'assistant', 'agent', 'task', 'custom', 'other'];

/** `services.sub.Orders` → `sub.Orders`: the part after the type folder. */
const withoutTypeFolder = (fullName: string): string => fullName.slice(fullName.indexOf('.') + 1) || fullName;

function serviceNode(s: TreeService, parentId: string, rootUri: string, expanded: boolean, t: Localize): TreeNode {
  const id = `${parentId}/service:${s.fullName}`;
  const label = withoutTypeFolder(s.fullName);
  return {
    id, kind: 'service', label, description: s.title && s.title !== label ? s.title : undefined,
    tooltip: `**${escapeMarkdown(s.title ?? s.fullName)}**\n\n\`${s.fullName}\` · ${plural(eventCount(s), '{0} event', '{0} events', t)}`,
    icon: 'symbol-class', contextValue: contextValue('service', ['declaration', 'reveal']),
    location: s.location, declaration: s.location, resourceUri: s.location.uri, expanded,
    ...(s.eventCount !== undefined ? { lazy: { appRootUri: rootUri, service: s.fullName } } : {}),
    children: serviceChildren(s, id, rootUri, t),
  };
}

const eventCount = (s: TreeService): number => s.eventCount ?? s.events.length;
/** A group's listeners: its count (lazy), else its rows plus those the server left out. */
const subscriberCount = (g: TreeGroup): number => g.subscriberCount ?? g.subscribers.length + (g.moreSubscribers ?? 0);

function serviceChildren(s: TreeService, id: string, rootUri: string, t: Localize): TreeNode[] {
  return s.events.map((e) => eventNode(e, id, rootUri, t));
}

function targetNode(g: TreeGroup, parentId: string, rootUri: string, t: Localize): TreeNode {
  const id = `${parentId}/target:${g.target}`;
  // Counts only (a kind with many listeners): the rows come when the group is expanded.
  const lazy = g.subscriberCount !== undefined;
  const count = plural(subscriberCount(g), '{0} listener', '{0} listeners', t);
  const timer = g.kind === 'task' && g.target === 'timer' && !g.targetLocation;
  const label = timer ? t('Timer (timerCfg)') : withoutTypeFolder(g.target);
  return {
    id, kind: 'target', label, description: !timer && g.targetTitle && g.targetTitle !== label ? g.targetTitle : undefined,
    tooltip: timer ? t('Scheduled by their own timerCfg') + ` · ${count}` : `\`${g.target}\` · ${count}`,
    icon: timer ? 'watch' : g.targetLocation ? 'symbol-field' : 'question', iconColor: undefined,
    contextValue: contextValue('target', [!timer && 'sender', g.targetLocation && 'declaration', g.targetLocation && 'reveal']),
    location: g.targetLocation, declaration: g.targetLocation, resourceUri: g.targetLocation?.uri, sender: timer ? undefined : g.target,
    expanded: !lazy,
    ...(lazy ? { lazy: { appRootUri: rootUri, kind: g.kind, target: g.target } } : {}),
    children: lazy ? [] : groupChildren(g, id, rootUri, t),
  };
}

function groupChildren(g: TreeGroup, id: string, rootUri: string, t: Localize): TreeNode[] {
  return disambiguate(sortNatural(g.subscribers, (s) => shortName(s.fullName)).map((s) => subscriberNode(s, id, rootUri, g.targetLocation, t)), rootUri);
}

function categoryNodes(groups: TreeGroup[], parentId: string, rootUri: string, t: Localize): TreeNode[] {
  const byKind = new Map<SubscriberKind, TreeGroup[]>();
  for (const g of groups) {
    const list = byKind.get(g.kind) ?? [];
    list.push(g);
    byKind.set(g.kind, list);
  }
  const kinds = [...byKind.keys()].sort((a, b) => KIND_ORDER.indexOf(a) - KIND_ORDER.indexOf(b));
  return kinds.map((kind) => {
    const list = byKind.get(kind)!;
    const id = `${parentId}/kind:${kind}`;
    const total = list.reduce((n, g) => n + subscriberCount(g), 0);
    const lazy = list.some((g) => g.subscriberCount !== undefined);
    return {
      id, kind: 'category' as const, label: kindLabel(kind, t), description: String(total), icon: KIND_ICONS[kind] ?? 'symbol-misc',
      contextValue: contextValue('category', []), expanded: false,
      ...(lazy ? { lazy: { appRootUri: rootUri, kind } } : {}),
      children: lazy ? [] : targetNodes(list, id, rootUri, t),
    };
  });
}

function targetNodes(groups: TreeGroup[], parentId: string, rootUri: string, t: Localize): TreeNode[] {
  return sortNatural(groups, (g) => withoutTypeFolder(g.target)).map((g) => targetNode(g, parentId, rootUri, t));
}

function unresolvedNode(app: TreeApp, parentId: string, t: Localize): TreeNode | undefined {
  const count = app.unresolved.length + app.unresolvedPublishers.length;
  if (count === 0) return undefined;
  const id = `${parentId}/unresolved`;
  const children: TreeNode[] = [
    ...sortNatural(app.unresolved, (s) => shortName(s.fullName)).map((s) => {
      const node = subscriberNode(s, id, app.rootUri, undefined, t);
      node.description = t('sender {0} resolves to nothing', s.listensTo ?? '?');
      node.icon = 'warning';
      node.iconColor = WARNING_COLOR;
      return node;
    }),
    ...app.unresolvedPublishers.map((p) => {
      const node = publisherNode(p, id, app.rootUri, p.sender, undefined, t);
      // The function is the label: the file:line stays first in the description (two calls in one function differ there).
      node.description = [p.inFunction ? node.description : undefined, t('publishes {0}, which resolves to nothing', p.sender)]
        .filter(Boolean).join(' · ');
      node.icon = 'warning';
      node.iconColor = WARNING_COLOR;
      return node;
    }),
  ];
  return {
    id, kind: 'unresolved', label: t('Unresolved'), description: String(count),
    tooltip: t('Subscribers and publish calls whose sender resolves to no declared event, service, model, assistant or agent'),
    icon: 'warning', iconColor: WARNING_COLOR, contextValue: contextValue('unresolved', []), expanded: true,
    children: disambiguate(children, app.rootUri),
  };
}

function appChildren(app: TreeApp, id: string, t: Localize): TreeNode[] {
  const services = sortNatural(app.services.filter((s) => eventCount(s) > 0), (s) => withoutTypeFolder(s.fullName));
  const expandServices = services.length <= COLLAPSE_SERVICES_ABOVE;
  const children: TreeNode[] = [
    ...services.map((s) => serviceNode(s, id, app.rootUri, expandServices, t)),
    ...categoryNodes(app.groups, id, app.rootUri, t),
  ];
  const unresolved = unresolvedNode(app, id, t);
  if (unresolved) children.push(unresolved);
  if (children.length === 0) {
    children.push({ id: `${id}/empty`, kind: 'message', label: t('No events or tasks in this app'), icon: 'info',
      contextValue: contextValue('message', []), expanded: false, children: [] });
  }
  return children;
}

function appNode(app: TreeApp, single: boolean, t: Localize): TreeNode {
  const id = `app:${app.rootUri}`;
  const services = app.services.filter((s) => s.events.length > 0);
  const events = app.counts?.events ?? services.reduce((n, s) => n + s.events.length, 0);
  const listeners = app.counts?.listeners ?? (app.groups.reduce((n, g) => n + g.subscribers.length, 0)
    + services.reduce((n, s) => n + s.events.reduce((m, e) => m + e.subscribers.length, 0), 0));
  const summary = [plural(events, '{0} event', '{0} events', t), plural(listeners, '{0} listener', '{0} listeners', t)].join(' · ');
  return {
    id, kind: 'app', label: app.title ?? app.name,
    description: app.title && app.title !== app.name ? `${app.name} · ${summary}` : summary,
    tooltip: `**${escapeMarkdown(app.title ?? app.name)}**\n\n\`${relativeToApp(app.rootUri, '')}\``,
    icon: 'package', contextValue: contextValue('app', ['reveal']), resourceUri: app.rootUri, expanded: single,
    ...(app.counts ? { lazy: { appRootUri: app.rootUri } } : {}),
    children: app.counts ? [] : appChildren(app, id, t),
  };
}

/** The whole tree (it is small: one node per event, publish site and subscriber). */
export function buildEventTree(result: EventTreeResult, t: Localize = formatMessage): TreeNode[] {
  return disambiguate(result.apps.map((app) => appNode(app, result.apps.length === 1, t)), '');
}

/**
 * The rows of a lazy answer: the apps for `parent` `{}`, else the children of the node whose
 * `lazy` was `parent` (an app's services, categories and Unresolved; a service's events; a kind's targets).
 */
export function childrenOf(result: EventTreeResult, parent: EventTreeParent, t: Localize = formatMessage): TreeNode[] {
  if (parent.appRootUri === undefined) return buildEventTree(result, t);
  const app = result.apps[0];
  if (!app) return [];
  const appId = `app:${app.rootUri}`;
  if (parent.service !== undefined) {
    const s = app.services[0];
    return s ? serviceChildren(s, `${appId}/service:${s.fullName}`, app.rootUri, t) : [];
  }
  if (parent.kind !== undefined && parent.target !== undefined) {
    const g = app.groups[0];
    return g ? groupChildren(g, `${appId}/kind:${parent.kind}/target:${g.target}`, app.rootUri, t) : [];
  }
  if (parent.kind !== undefined) return targetNodes(app.groups, `${appId}/kind:${parent.kind}`, app.rootUri, t);
  return appChildren(app, appId, t);
}

/** Plain outline of nodes (labels, descriptions, context values) down to `depth` levels, for tests and the API. */
export interface NodeOutline { id: string; label: string; description?: string; contextValue: string; expanded: boolean; children?: NodeOutline[] }
export function outline(nodes: TreeNode[], depth = Infinity): NodeOutline[] {
  return nodes.map((n) => ({
    id: n.id, label: n.label, description: n.description, contextValue: n.contextValue, expanded: n.expanded,
    ...(depth > 1 && n.children.length ? { children: outline(n.children, depth - 1) } : {}),
  }));
}

/** Depth-first search for a node (e.g. to reveal it). */
export function findNode(nodes: TreeNode[], predicate: (n: TreeNode) => boolean): TreeNode | undefined {
  for (const n of nodes) {
    if (predicate(n)) return n;
    const found = findNode(n.children, predicate);
    if (found) return found;
  }
  return undefined;
}
