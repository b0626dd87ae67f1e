/** The sidebar events tree: app -> service -> event -> publishers / listeners, other listener groups, unresolved ones. */
import type { EventTreeResult, TreeApp, TreeGroup, TreePublisher, TreeService, TreeSubscriber } from '../../../../shared/src/protocol/types';
import type { ElementRecord } from '../model/records';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { stringProp } from '../elements/elementJson';
import { funcProp, innerHandler, runFuncType } from '../domain/handlers';
import { isCustomSubscriber, isListener, listenTarget, subscriberKind } from '../domain/elementTypes';
import { listenersOf, publishSitesOf, publishedSenders, type PublishSite } from './eventGraph';
import { pathToUri, toLocation } from './locations';
import { funcLocation } from './definition';


export function treeSubscriber(index: WorkspaceIndex, el: ElementRecord): TreeSubscriber {
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

function publisher(site: PublishSite): TreePublisher {
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

/** The sidebar tree: app -> service -> event -> publishers / subscribers, plus other listeners and unresolved ones. */
export function buildEventTree(index: WorkspaceIndex, filter?: string): EventTreeResult {
  const apps: TreeApp[] = [];
  for (const app of index.allApps().sort((a, b) => (a.root < b.root ? -1 : 1))) {
    const services: TreeService[] = [];
    const groups = new Map<string, TreeGroup>();
    const unresolved: TreeSubscriber[] = [];
    const resolvedSenders = new Set<string>();
    const svcs = index.elementsOfKind(app.root, 'service').sort((a, b) => (a.fullName < b.fullName ? -1 : 1));
    for (const svc of svcs) {
      const events = [];
      for (const e of svc.json.eventDescs?.entries ?? []) {
        const name = e.name?.value;
        if (typeof name !== 'string' || !name) continue;
        const sender = `${svc.fullName}.${name}`;
        resolvedSenders.add(sender);
        const title = typeof e.title?.value === 'string' ? e.title.value : undefined;
        const desc = typeof e.desc?.value === 'string' ? e.desc.value : undefined;
        const subs = listenersOf(index, app.root, sender).map((l) => l.el);
        if (!matches(filter, sender, title, desc, svc.title, ...subs.map((s) => s.fullName))) continue;
        events.push({
          name, title, desc, sender,
          location: toLocation(svc.path, svc.lines, e.name!.contentRange.start, e.name!.contentRange.end),
          publishers: publishSitesOf(index, app.root, sender).map(publisher),
          subscribers: subs.map((s) => treeSubscriber(index, s)).sort((a, b) => (a.fullName < b.fullName ? -1 : 1)),
        });
      }
      if (events.length || (!filter && svc.json.eventDescs)) {
        services.push({ fullName: svc.fullName, title: svc.title, location: toLocation(svc.path, svc.lines, 0, 0), events });
      }
    }
    for (const el of index.elementsOfApp(app.root)) {
      if (!isListener(el)) continue;
      const kind = subscriberKind(el);
      const target = listenTarget(el)?.value;
      // Custom subscribers were listed under their service's event; here only those whose event is not declared.
      if (isCustomSubscriber(el) && (kind === 'custom' || target !== undefined)) {
        if (target === undefined || !resolvedSenders.has(target)) {
          if (matches(filter, el.fullName, el.title, target)) unresolved.push(treeSubscriber(index, el));
        }
        continue;
      }
      const groupTarget = target ?? (kind === 'task' ? 'timer' : '');
      if (!matches(filter, el.fullName, el.title, groupTarget)) continue;
      const gk = `${GROUP_KINDS.has(kind) ? kind : 'other'}|${groupTarget}`;
      let g = groups.get(gk);
      if (!g) {
        const targetEl = target ? index.element(app.root, target) : undefined;
        g = { kind: GROUP_KINDS.has(kind) ? kind : 'other', target: groupTarget, targetTitle: targetEl?.title, subscribers: [] };
        if (targetEl) g.targetLocation = toLocation(targetEl.path, targetEl.lines, 0, 0);
        groups.set(gk, g);
      }
      g.subscribers.push(treeSubscriber(index, el));
    }
    const unresolvedPublishers: (TreePublisher & { sender: string })[] = [];
    for (const [sender, sites] of publishedSenders(index, app.root)) {
      if (resolvedSenders.has(sender) || !matches(filter, sender)) continue;
      for (const s of sites) unresolvedPublishers.push({ ...publisher(s), sender });
    }
    const sortSubs = (a: TreeSubscriber, b: TreeSubscriber) => (a.fullName < b.fullName ? -1 : 1);
    unresolved.sort(sortSubs);
    const groupList = [...groups.values()].sort((a, b) => (a.kind + a.target < b.kind + b.target ? -1 : 1));
    for (const g of groupList) g.subscribers.sort(sortSubs);
    if (filter && !services.length && !groupList.length && !unresolved.length && !unresolvedPublishers.length) continue;
    apps.push({
      name: app.appId ?? app.root.slice(app.root.lastIndexOf('/') + 1), title: app.title,
      rootUri: pathToUri(app.root),
      services, groups: groupList, unresolved, unresolvedPublishers,
    });
  }
  return { apps, version: index.version };
}

