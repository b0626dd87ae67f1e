/**
 * Turns the server's EventTreeResult into the nodes of the events tree: labels, descriptions,
 * tooltips, icons, context values and the locations each node opens. Pure (no vscode import) so
 * the shape users see is unit-tested; eventsTree.ts only maps these to vscode.TreeItems.
 */
import type {
  EventTreeResult, HandlerTarget, Location, SubscriberKind, TreeApp, TreeEvent, TreeGroup, TreePublisher, TreeService, TreeSubscriber,
} from '../../../shared/src/protocol/types';
import { formatMessage, type Localize } from '../../../shared/src/l10n';

export type TreeNodeKind =
  | 'app' | 'service' | 'event' | 'publishers' | 'subscribers' | 'publisher' | 'subscriber' | 'handler'
  | 'category' | 'target' | 'unresolved' | 'message';

/** What "Run handler" needs to identify an event/task element. */

export interface TreeNode {
  /** Stable across refreshes (keeps expansion state). */
  id: string;
  kind: TreeNodeKind;
  label: string;
  description?: string;
  /** Markdown. */
  tooltip?: string;
  /** Codicon id. */
  icon: string;
  /** Theme color id for the icon. */
  iconColor?: string;
  /** `jitai.<kind>` plus flags used by menus: runnable, sender, declaration, reveal, unsubscribed, unpublished. */
  contextValue: string;
  /** What a click opens. */
  location?: Location;
  /** Where "Go to declaration" goes (the declared event, the listened model…). */
  declaration?: Location;
  /** File or folder for "Reveal in Explorer". */
  resourceUri?: string;
  /** Text "Copy sender" copies. */
  sender?: string;
  run?: HandlerTarget;
  expanded: boolean;
  children: TreeNode[];
}

const WARNING_COLOR = 'problemsWarningIcon.foreground';
const MUTED_COLOR = 'disabledForeground';

const KIND_ICONS: Record<SubscriberKind, string> = {
  custom: 'zap', model: 'database', workflow: 'checklist', assistant: 'hubot', agent: 'robot', task: 'clock', other: 'symbol-misc',
};

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

function contextValue(kind: TreeNodeKind, flags: Array<string | false | undefined>): string {
  return ['jitai.' + kind, ...flags.filter((f): f is string => !!f)].join(' ');
}

/** Markdown-escapes user text shown in tooltips. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => '\\' + c);
}

/** `events/Foo/e.json` for a uri inside the app root, else the uri's last path segments. */
export function relativeToApp(uri: string, rootUri: string): string {
  const root = rootUri.endsWith('/') ? rootUri : rootUri + '/';
  const rel = uri.startsWith(root) ? uri.slice(root.length) : uri.replace(/^[a-z][\w+.-]*:\/\/[^/]*/i, '');
  try { return decodeURIComponent(rel); } catch { return rel; }
}

/** `file:line` (1-based line) of a location, relative to the app root. */
export function fileAndLine(location: Location, rootUri: string): string {
  return `${relativeToApp(location.uri, rootUri)}:${location.range.start.line + 1}`;
}

function plural(count: number, one: string, many: string, t: Localize): string {
  return count === 1 ? t(one, count) : t(many, count);
}

function handlerDescription(s: TreeSubscriber): string | undefined {
  if (!s.handler) return undefined;
  return `${s.handler.funcType} → ${s.handler.label}`;
}

function subscriberNode(
  s: TreeSubscriber, parentId: string, rootUri: string, declaration: Location | undefined, t: Localize,
  extra?: string,
): TreeNode {
  const id = `${parentId}/sub:${s.fullName}`;
  const parts = [extra, s.timing, handlerDescription(s) ?? t('no handler'), s.asyncType ? t('async') : undefined,
    s.enabled ? undefined : t('disabled')].filter((p): p is string => !!p);
  const tooltip = [
    `**${escapeMarkdown(s.title ?? s.fullName)}**`,
    '',
    `\`${s.fullName}\` · \`${s.type}\``,
    s.listensTo ? '\n' + t('Listens to: {0}', '`' + s.listensTo + '`') : '',
    s.timing ? '\n' + t('Timing: {0}', '`' + s.timing + '`') : '',
    s.handler ? '\n' + t('Handler: {0}', `${s.handler.funcType} → \`${s.handler.label}\``) : '\n' + t('No handler resolved'),
    '\n' + (s.asyncType ? t('Runs asynchronously') : t('Runs synchronously')) + (s.enabled ? '' : ' · ' + t('disabled')),
  ].join('\n');
  const children: TreeNode[] = [];
  if (s.handler) {
    children.push({
      id: `${id}/handler`, kind: 'handler', label: s.handler.label, description: s.handler.funcType,
      tooltip: s.handler.location ? fileAndLine(s.handler.location, rootUri) : t('The handler code was not found'),
      icon: 'symbol-method', iconColor: s.handler.location ? undefined : WARNING_COLOR,
      contextValue: contextValue('handler', [s.handler.location && 'reveal']),
      location: s.handler.location, resourceUri: s.handler.location?.uri, expanded: false, children: [],
    });
  }
  return {
    id, kind: 'subscriber', label: s.title ?? s.fullName, description: parts.join(' · '), tooltip,
    icon: KIND_ICONS[s.kind] ?? 'zap', iconColor: s.enabled ? undefined : MUTED_COLOR,
    contextValue: contextValue('subscriber', [s.runnable && 'runnable', s.listensTo && 'sender', declaration && 'declaration', 'reveal']),
    location: s.location, declaration, resourceUri: s.location.uri, sender: s.listensTo,
    run: s.runnable ? { appRootUri: rootUri, fullName: s.fullName } : undefined,
    expanded: false, children,
  };
}

function publisherNode(p: TreePublisher, parentId: string, index: number, rootUri: string, sender: string,
  declaration: Location | undefined, t: Localize): TreeNode {
  const where = fileAndLine(p.location, rootUri);
  const payload = [p.argsText !== undefined ? `args=${p.argsText}` : '', p.kwargsText !== undefined ? `kwargs=${p.kwargsText}` : '']
    .filter(Boolean).join(', ');
  return {
    id: `${parentId}/pub:${index}:${where}`, kind: 'publisher', label: where, description: p.inFunction,
    tooltip: [t('Publishes {0}', '`' + sender + '`'), p.inFunction ? t('in {0}', '`' + p.inFunction + '`') : '',
      payload ? '```python\n' + payload + '\n```' : ''].filter(Boolean).join('\n\n'),
    icon: 'broadcast',
    contextValue: contextValue('publisher', ['sender', declaration && 'declaration', 'reveal']),
    location: p.location, declaration, resourceUri: p.location.uri, sender, expanded: false, children: [],
  };
}

function eventNode(e: TreeEvent, parentId: string, rootUri: string, t: Localize): TreeNode {
  const id = `${parentId}/event:${e.name}`;
  const pubs = e.publishers.length;
  const subs = e.subscribers.length;
  const marks: string[] = [];
  if (subs === 0) marks.push(t('no handlers'));
  if (pubs === 0) marks.push(t('never published'));
  const counts = [plural(pubs, '{0} publisher', '{0} publishers', t), plural(subs, '{0} handler', '{0} handlers', t)].join(' · ');
  const children: TreeNode[] = [];
  if (pubs > 0) {
    const groupId = `${id}/published`;
    children.push({
      id: groupId, kind: 'publishers', label: t('Published by'), description: String(pubs), icon: 'broadcast',
      contextValue: contextValue('publishers', []), expanded: true,
      children: e.publishers.map((p, i) => publisherNode(p, groupId, i, rootUri, e.sender, e.location, t)),
    });
  }
  if (subs > 0) {
    const groupId = `${id}/handled`;
    children.push({
      id: groupId, kind: 'subscribers', label: t('Handled by'), description: String(subs), icon: 'inbox',
      contextValue: contextValue('subscribers', []), expanded: true,
      children: e.subscribers.map((s) => subscriberNode(s, groupId, rootUri, e.location, t)),
    });
  }
  const icon = subs === 0 && pubs === 0 ? 'circle-slash' : subs === 0 ? 'bell-slash' : pubs === 0 ? 'debug-disconnect' : 'symbol-event';
  return {
    id, kind: 'event', label: e.title && e.title !== e.name ? `${e.title} (${e.name})` : e.name,
    description: marks.length ? `${marks.join(' · ')} · ${counts}` : counts,
    tooltip: [`**${escapeMarkdown(e.title ?? e.name)}** \`${e.sender}\``, e.desc ? escapeMarkdown(e.desc) : '', counts,
      marks.length ? '$(warning) ' + marks.join(' · ') : ''].filter(Boolean).join('\n\n'),
    icon, iconColor: marks.length ? WARNING_COLOR : undefined,
    contextValue: contextValue('event', ['sender', 'declaration', 'reveal', subs === 0 && 'unsubscribed', pubs === 0 && 'unpublished']),
    location: e.location, declaration: e.location, resourceUri: e.location.uri, sender: e.sender,
    expanded: false, children,
  };
}

function serviceNode(s: TreeService, parentId: string, rootUri: string, t: Localize): TreeNode {
  const id = `${parentId}/service:${s.fullName}`;
  const count = plural(s.events.length, '{0} event', '{0} events', t);
  return {
    id, kind: 'service', label: s.title ?? s.fullName,
    description: s.title && s.title !== s.fullName ? `${s.fullName} · ${count}` : count,
    tooltip: `**${escapeMarkdown(s.title ?? s.fullName)}**\n\n\`${s.fullName}\` · ${count}`,
    icon: 'symbol-class', contextValue: contextValue('service', ['declaration', 'reveal']),
    location: s.location, declaration: s.location, resourceUri: s.location.uri, expanded: true,
    children: s.events.map((e) => eventNode(e, id, rootUri, t)),
  };
}

function targetNode(g: TreeGroup, parentId: string, rootUri: string, t: Localize): TreeNode {
  const id = `${parentId}/target:${g.target}`;
  const count = plural(g.subscribers.length, '{0} listener', '{0} listeners', t);
  const timer = g.kind === 'task' && g.target === 'timer' && !g.targetLocation;
  const label = timer ? t('Timer (timerCfg)') : g.targetTitle && g.targetTitle !== g.target ? `${g.targetTitle} (${g.target})` : g.target;
  return {
    id, kind: 'target', label, description: count, tooltip: timer ? t('Scheduled by their own timerCfg') + ` · ${count}` : `\`${g.target}\` · ${count}`,
    icon: timer ? 'watch' : g.targetLocation ? 'symbol-field' : 'question', iconColor: undefined,
    contextValue: contextValue('target', [!timer && 'sender', g.targetLocation && 'declaration', g.targetLocation && 'reveal']),
    location: g.targetLocation, declaration: g.targetLocation, resourceUri: g.targetLocation?.uri, sender: timer ? undefined : g.target,
    expanded: true,
    children: g.subscribers.map((s) => subscriberNode(s, id, rootUri, g.targetLocation, t)),
  };
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
    const total = list.reduce((n, g) => n + g.subscribers.length, 0);
    return {
      id, kind: 'category' as const, label: kindLabel(kind, t), description: String(total), icon: KIND_ICONS[kind] ?? 'symbol-misc',
      contextValue: contextValue('category', []), expanded: false,
      children: list.map((g) => targetNode(g, id, rootUri, t)),
    };
  });
}

function unresolvedNode(app: TreeApp, parentId: string, t: Localize): TreeNode | undefined {
  const count = app.unresolved.length + app.unresolvedPublishers.length;
  if (count === 0) return undefined;
  const id = `${parentId}/unresolved`;
  const children: TreeNode[] = [
    ...app.unresolved.map((s) => {
      const node = subscriberNode(s, id, app.rootUri, undefined, t);
      node.description = t('sender {0} resolves to nothing', s.listensTo ?? '?');
      node.icon = 'warning';
      node.iconColor = WARNING_COLOR;
      return node;
    }),
    ...app.unresolvedPublishers.map((p, i) => {
      const node = publisherNode(p, id, i, app.rootUri, p.sender, undefined, t);
      node.description = t('publishes {0}, which resolves to nothing', p.sender);
      node.icon = 'warning';
      node.iconColor = WARNING_COLOR;
      return node;
    }),
  ];
  return {
    id, kind: 'unresolved', label: t('Unresolved'), description: String(count),
    tooltip: t('Subscribers and publish calls whose sender resolves to no declared event, service, model, assistant or agent'),
    icon: 'warning', iconColor: WARNING_COLOR, contextValue: contextValue('unresolved', []), expanded: true, children,
  };
}

function appNode(app: TreeApp, single: boolean, t: Localize): TreeNode {
  const id = `app:${app.rootUri}`;
  const services = app.services.filter((s) => s.events.length > 0);
  const events = services.reduce((n, s) => n + s.events.length, 0);
  const listeners = app.groups.reduce((n, g) => n + g.subscribers.length, 0)
    + services.reduce((n, s) => n + s.events.reduce((m, e) => m + e.subscribers.length, 0), 0);
  const children: TreeNode[] = [
    ...services.map((s) => serviceNode(s, id, app.rootUri, t)),
    ...categoryNodes(app.groups, id, app.rootUri, t),
  ];
  const unresolved = unresolvedNode(app, id, t);
  if (unresolved) children.push(unresolved);
  if (children.length === 0) {
    children.push({ id: `${id}/empty`, kind: 'message', label: t('No events or tasks in this app'), icon: 'info',
      contextValue: contextValue('message', []), expanded: false, children: [] });
  }
  const summary = [plural(events, '{0} event', '{0} events', t), plural(listeners, '{0} listener', '{0} listeners', t)].join(' · ');
  return {
    id, kind: 'app', label: app.title ?? app.name,
    description: app.title && app.title !== app.name ? `${app.name} · ${summary}` : summary,
    tooltip: `**${escapeMarkdown(app.title ?? app.name)}**\n\n\`${relativeToApp(app.rootUri, '')}\``,
    icon: 'package', contextValue: contextValue('app', ['reveal']), resourceUri: app.rootUri, expanded: single, children,
  };
}

/** The whole tree (it is small: one node per event, publish site and subscriber). */
export function buildEventTree(result: EventTreeResult, t: Localize = formatMessage): TreeNode[] {
  return result.apps.map((app) => appNode(app, result.apps.length === 1, t));
}

/** Plain outline of nodes (labels, descriptions, context values) down to `depth` levels, for tests and the API. */
export interface NodeOutline { label: string; description?: string; contextValue: string; children?: NodeOutline[] }
export function outline(nodes: TreeNode[], depth = Infinity): NodeOutline[] {
  return nodes.map((n) => ({
    label: n.label, description: n.description, contextValue: n.contextValue,
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
