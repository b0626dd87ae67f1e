/**
 * The node shape of the events tree and the builders of its lower rows: events, their publish sites
 * and subscribers (with the handler row). The distinguishing part of each row comes first (event
 * name, element name, enclosing function); a row never repeats its parent. Pure (no vscode import).
 */
import { plural, type Localize } from '../../../shared/src/l10n';
import type { EventTreeParent, HandlerTarget, Location, SubscriberKind, TreeEvent, TreePublisher, TreeSubscriber } from '../../../shared/src/protocol/types';

export type TreeNodeKind =
  | 'app' | 'service' | 'event' | 'publishers' | 'subscribers' | 'publisher' | 'subscriber' | 'handler'
  | 'category' | 'target' | 'unresolved' | 'message';

export interface TreeNode {
  /** Stable across refreshes and filters (keeps expansion state). */
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
  /** Rows fetched when the node is expanded (`children` is then empty): the `parent` of that jitai/eventTree request. */
  lazy?: EventTreeParent;
  children: TreeNode[];
}

export const WARNING_COLOR = 'problemsWarningIcon.foreground';
const MUTED_COLOR = 'disabledForeground';

export const KIND_ICONS: Record<SubscriberKind, string> = {
  custom: 'zap', model: 'database', workflow: 'checklist', assistant: 'hubot', agent: 'robot', task: 'clock', other: 'symbol-misc',
};

export function contextValue(kind: TreeNodeKind, flags: Array<string | false | undefined>): string {
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

/** The last segment of a dotted fullName (`events.sub.Foo` → `Foo`). */
export const shortName = (fullName: string): string => fullName.slice(fullName.lastIndexOf('.') + 1) || fullName;

/** The folder path of a fullName without its last segment (`events.sub.Foo` → `events/sub`). */
const parentPath = (fullName: string): string => fullName.split('.').slice(0, -1).join('/');

/** Natural order: "Service2" before "Service10" before "Service100"; case-insensitive. */
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
export const naturalCompare = (a: string, b: string): number => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
export function sortNatural<T>(list: readonly T[], key: (x: T) => string): T[] {
  return [...list].sort((a, b) => naturalCompare(key(a), key(b)));
}

/**
 * Siblings with the same label get their folder (relative to the app) first in the description, so
 * two different elements never look identical.
 */
export function disambiguate(nodes: TreeNode[], rootUri: string): TreeNode[] {
  const counts = new Map<string, number>();
  for (const n of nodes) counts.set(n.label, (counts.get(n.label) ?? 0) + 1);
  for (const n of nodes) {
    const where = n.location ?? (n.resourceUri ? { uri: n.resourceUri } : undefined);
    if ((counts.get(n.label) ?? 0) < 2 || !where) continue;
    const folder = relativeToApp(where.uri, rootUri).replace(/\/e\.json$/, '');
    if (!n.description?.startsWith(folder)) n.description = [folder, n.description].filter(Boolean).join(' · ');
  }
  return nodes;
}

export function subscriberNode(
  s: TreeSubscriber, parentId: string, rootUri: string, declaration: Location | undefined, t: Localize,
): TreeNode {
  const id = `${parentId}/sub:${s.fullName}`;
  const parts = [parentPath(s.fullName), s.timing, s.handler ? undefined : t('no handler'), s.asyncType ? t('async') : undefined,
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
    id, kind: 'subscriber', label: shortName(s.fullName), description: parts.join(' · '), tooltip,
    icon: KIND_ICONS[s.kind] ?? 'zap', iconColor: s.enabled ? undefined : MUTED_COLOR,
    contextValue: contextValue('subscriber', [s.runnable && 'runnable', s.listensTo && 'sender', declaration && 'declaration', 'reveal']),
    location: s.location, declaration, resourceUri: s.location.uri, sender: s.listensTo,
    run: s.runnable ? { appRootUri: rootUri, fullName: s.fullName } : undefined,
    expanded: false, children,
  };
}

/** A publish site: the enclosing function first, then file:line (module-level calls show file:line only). */
export function publisherNode(p: TreePublisher, parentId: string, rootUri: string, sender: string,
  declaration: Location | undefined, t: Localize): TreeNode {
  const where = fileAndLine(p.location, rootUri);
  const payload = [p.argsText !== undefined ? `args=${p.argsText}` : '', p.kwargsText !== undefined ? `kwargs=${p.kwargsText}` : '']
    .filter(Boolean).join(', ');
  return {
    id: `${parentId}/pub:${where}:${p.location.range.start.character}`, kind: 'publisher',
    label: p.inFunction ?? where, description: p.inFunction ? where : undefined,
    tooltip: [t('Publishes {0}', '`' + sender + '`'), p.inFunction ? t('in {0}', '`' + p.inFunction + '`') : '',
      payload ? '```python\n' + payload + '\n```' : ''].filter(Boolean).join('\n\n'),
    icon: 'broadcast',
    contextValue: contextValue('publisher', ['sender', declaration && 'declaration', 'reveal']),
    location: p.location, declaration, resourceUri: p.location.uri, sender, expanded: false, children: [],
  };
}

/** One short phrase about who publishes and handles an event. */
export function eventPhrase(pubs: number, subs: number, t: Localize): string {
  if (pubs === 0 && subs === 0) return t('unused');
  const published = pubs === 0 ? t('never published') : plural(pubs, '{0} publisher', '{0} publishers', t);
  const handled = subs === 0 ? t('no handlers') : plural(subs, '{0} handler', '{0} handlers', t);
  return `${published} · ${handled}`;
}

export function eventNode(e: TreeEvent, parentId: string, rootUri: string, t: Localize): TreeNode {
  const id = `${parentId}/event:${e.name}`;
  const pubs = e.publishers.length;
  const subs = e.subscribers.length;
  const phrase = eventPhrase(pubs, subs, t);
  const children: TreeNode[] = [];
  if (pubs > 0) {
    const groupId = `${id}/published`;
    const sites = [...e.publishers].sort((a, b) => naturalCompare(fileAndLine(a.location, rootUri), fileAndLine(b.location, rootUri)));
    children.push({
      id: groupId, kind: 'publishers', label: t('Published by'), description: String(pubs), icon: 'broadcast',
      contextValue: contextValue('publishers', []), expanded: true,
      children: sites.map((p) => publisherNode(p, groupId, rootUri, e.sender, e.location, t)),
    });
  }
  if (subs > 0) {
    const groupId = `${id}/handled`;
    children.push({
      id: groupId, kind: 'subscribers', label: t('Handled by'), description: String(subs), icon: 'inbox',
      contextValue: contextValue('subscribers', []), expanded: true,
      children: disambiguate(sortNatural(e.subscribers, (s) => shortName(s.fullName)).map((s) => subscriberNode(s, groupId, rootUri, e.location, t)), rootUri),
    });
  }
  const icon = subs === 0 && pubs === 0 ? 'circle-slash' : subs === 0 ? 'bell-slash' : pubs === 0 ? 'debug-disconnect' : 'symbol-event';
  const warn = subs === 0 || pubs === 0;
  return {
    id, kind: 'event', label: e.name,
    description: [e.title && e.title !== e.name ? e.title : undefined, phrase].filter(Boolean).join(' · '),
    tooltip: [`**${escapeMarkdown(e.title ?? e.name)}** \`${e.sender}\``, e.desc ? escapeMarkdown(e.desc) : '',
      (warn ? '$(warning) ' : '') + phrase].filter(Boolean).join('\n\n'),
    icon, iconColor: warn ? WARNING_COLOR : undefined,
    contextValue: contextValue('event', ['sender', 'declaration', 'reveal', subs === 0 && 'unsubscribed', pubs === 0 && 'unpublished']),
    location: e.location, declaration: e.location, resourceUri: e.location.uri, sender: e.sender,
    expanded: false, children,
  };
}
