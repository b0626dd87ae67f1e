import test from 'node:test';
import assert from 'node:assert/strict';
import type { EventTreeResult, Location, TreeSubscriber } from '../../../shared/src/protocol/types';
import { formatMessage } from '../../../shared/src/l10n';
import { buildEventTree, childrenOf, COLLAPSE_SERVICES_ABOVE, fileAndLine, findNode, outline, type TreeNode } from '../../../client/src/tree/treeModel';
import { eventPhrase } from '../../../client/src/tree/treeNodes';

const ROOT = 'file:///work/crm';
const loc = (rel: string, line: number, character = 0): Location => ({
  uri: `${ROOT}/${rel}`, range: { start: { line, character }, end: { line, character: character + 5 } },
});

const sub = (over: Partial<TreeSubscriber> & { fullName: string }): TreeSubscriber => ({
  kind: 'custom', type: 'events.NormalType', enabled: true, asyncType: false, runnable: true,
  location: loc(`events/${over.fullName.split('.').pop()}/e.json`, 2, 12), ...over,
});

function crmTree(): EventTreeResult {
  return {
    version: 7,
    apps: [{
      name: 'crm', title: 'CRM Demo', rootUri: ROOT,
      services: [
        {
          fullName: 'services.CustomerBatchService', title: 'Customer batch', location: loc('services/CustomerBatchService/e.json', 0),
          events: [
            {
              name: 'dataProcessed', title: 'Data processed', desc: 'After a *batch* run', sender: 'services.CustomerBatchService.dataProcessed',
              location: loc('services/CustomerBatchService/e.json', 30, 16),
              publishers: [{ location: loc('services/CustomerBatchService/service.py', 21, 8), inFunction: 'CustomerBatchService.run',
                argsText: '({"processedCount": 100},)', kwargsText: '{}' }],
              subscribers: [
                sub({ fullName: 'events.ArchiveStatistics', title: 'Archive statistics', listensTo: 'services.CustomerBatchService.dataProcessed',
                  handler: { funcType: 'Inner', label: 'inner.py customFunc', location: loc('events/ArchiveStatistics/inner.py', 3, 4) } }),
                sub({ fullName: 'events.NotifyOnProcessed', listensTo: 'services.CustomerBatchService.dataProcessed', asyncType: true, enabled: false,
                  handler: { funcType: 'Global', label: 'services.NotifySvc.send_email' } }),
              ],
            },
            { name: 'neverUsed', sender: 'services.CustomerBatchService.neverUsed', location: loc('services/CustomerBatchService/e.json', 40),
              publishers: [], subscribers: [] },
            { name: 'onlyPublished', sender: 'services.CustomerBatchService.onlyPublished', location: loc('services/CustomerBatchService/e.json', 44),
              publishers: [{ location: loc('services/CustomerBatchService/service.py', 30) }], subscribers: [] },
          ],
        },
        { fullName: 'services.Empty', location: loc('services/Empty/e.json', 0), events: [] },
      ],
      groups: [
        { kind: 'task', target: 'timer', subscribers: [sub({ fullName: 'tasks.Nightly', kind: 'task', type: 'tasks.NormalType' })] },
        { kind: 'model', target: 'models.CustomerModel', targetTitle: 'Customer', targetLocation: loc('models/CustomerModel/e.json', 0),
          subscribers: [sub({ fullName: 'events.CustomerAudit', kind: 'model', type: 'events.ModelType', listensTo: 'models.CustomerModel', timing: 'AddAfter',
            handler: { funcType: 'Inner', label: 'inner.py customFunc', location: loc('events/CustomerAudit/inner.py', 1) } })] },
      ],
      unresolved: [sub({ fullName: 'events.Typo', listensTo: 'services.CustomerBatchService.dataProcesed', runnable: false })],
      unresolvedPublishers: [{ location: loc('services/Other/service.py', 9), sender: 'services.Nope.evt' }],
    }],
  };
}

const byLabel = (nodes: TreeNode[], label: string): TreeNode => {
  const n = nodes.find((x) => x.label === label);
  assert.ok(n, `no node "${label}" among ${nodes.map((x) => x.label).join(', ')}`);
  return n;
};

test('top level: one node per app, title as label, counts in the description, expanded when alone', () => {
  const [app, ...rest] = buildEventTree(crmTree());
  assert.equal(rest.length, 0);
  assert.equal(app.label, 'CRM Demo');
  assert.equal(app.description, 'crm · 3 events · 4 listeners');
  assert.equal(app.expanded, true);
  assert.equal(app.resourceUri, ROOT);
  assert.match(app.contextValue, /^jitai\.app\b.*\breveal\b/);
});

test('app children: services with events (name first, title after), then listener categories in a fixed order, then Unresolved', () => {
  const [app] = buildEventTree(crmTree());
  assert.deepEqual(app.children.map((n) => n.label), ['CustomerBatchService', 'Model events', 'Tasks', 'Unresolved']);
  assert.equal(app.children[0].description, 'Customer batch');
  assert.equal(app.children[0].expanded, true);
});

test('event node: name first, then title and counts; tooltip with the description; opens its declaration', () => {
  const [app] = buildEventTree(crmTree());
  const event = byLabel(app.children[0].children, 'dataProcessed');
  assert.equal(event.description, 'Data processed · 1 publisher · 2 handlers');
  assert.match(event.tooltip!, /After a \\\*batch\\\* run/);
  assert.equal(event.sender, 'services.CustomerBatchService.dataProcessed');
  assert.deepEqual(event.location, loc('services/CustomerBatchService/e.json', 30, 16));
  assert.equal(event.icon, 'symbol-event');
  assert.deepEqual(event.children.map((n) => `${n.label} ${n.description}`), ['Published by 1', 'Handled by 2']);
});

test('publisher nodes show the enclosing function first, then file:line relative to the app', () => {
  const [app] = buildEventTree(crmTree());
  const event = byLabel(app.children[0].children, 'dataProcessed');
  const [pub] = event.children[0].children;
  assert.equal(pub.label, 'CustomerBatchService.run');
  assert.equal(pub.description, 'services/CustomerBatchService/service.py:22');
  assert.match(pub.tooltip!, /args=\(\{"processedCount": 100\},\)/);
  assert.deepEqual(pub.declaration, event.location);
});

test('subscriber nodes: element name first, its path after; the handler is the one child row; async/disabled marked; runnable in context', () => {
  const [app] = buildEventTree(crmTree());
  const event = byLabel(app.children[0].children, 'dataProcessed');
  const [inner, global] = event.children[1].children;
  assert.equal(inner.label, 'ArchiveStatistics');
  assert.equal(inner.description, 'events');
  assert.deepEqual(inner.children.map((c) => `${c.label} | ${c.description}`), ['inner.py customFunc | Inner']);
  assert.match(inner.contextValue, /^jitai\.subscriber\b/);
  assert.match(inner.contextValue, /\brunnable\b/);
  assert.deepEqual(inner.run, { appRootUri: ROOT, fullName: 'events.ArchiveStatistics' });
  assert.equal(inner.children[0].label, 'inner.py customFunc');
  assert.deepEqual(inner.children[0].location, loc('events/ArchiveStatistics/inner.py', 3, 4));
  assert.equal(global.label, 'NotifyOnProcessed');
  assert.equal(global.description, 'events · async · disabled');
  assert.deepEqual(global.children.map((c) => `${c.label} | ${c.description}`), ['services.NotifySvc.send_email | Global']);
  assert.equal(global.children[0].iconColor, 'problemsWarningIcon.foreground', 'a handler whose code is not found is flagged');
});

test('events nobody handles or publishes are marked with a description and an icon', () => {
  const [app] = buildEventTree(crmTree());
  const never = byLabel(app.children[0].children, 'neverUsed');
  assert.equal(never.description, 'unused');
  assert.equal(never.icon, 'circle-slash');
  assert.match(never.contextValue, /\bunsubscribed\b.*\bunpublished\b/);
  assert.equal(never.children.length, 0);
  const onlyPublished = byLabel(app.children[0].children, 'onlyPublished');
  assert.equal(onlyPublished.description, '1 publisher · no handlers');
  assert.equal(onlyPublished.icon, 'bell-slash');
});

test('other listeners are grouped by kind, then by what they listen to, with the timing shown', () => {
  const [app] = buildEventTree(crmTree());
  const models = byLabel(app.children, 'Model events');
  const [target] = models.children;
  assert.equal(target.label, 'CustomerModel');
  assert.equal(target.description, 'Customer');
  assert.equal(target.sender, 'models.CustomerModel');
  const [audit] = target.children;
  assert.equal(audit.description, 'events · AddAfter');
  assert.deepEqual(audit.declaration, loc('models/CustomerModel/e.json', 0));
  const tasks = byLabel(app.children, 'Tasks');
  assert.equal(tasks.children[0].label, 'Timer (timerCfg)');
  assert.doesNotMatch(tasks.children[0].contextValue, /\bsender\b/);
  assert.equal(tasks.children[0].children[0].description, 'tasks · no handler');
});

test('unresolved subscribers and publish calls appear under a warning node', () => {
  const [app] = buildEventTree(crmTree());
  const unresolved = byLabel(app.children, 'Unresolved');
  assert.equal(unresolved.icon, 'warning');
  assert.equal(unresolved.description, '2');
  assert.deepEqual(unresolved.children.map((n) => `${n.label} | ${n.description}`), [
    'Typo | sender services.CustomerBatchService.dataProcesed resolves to nothing',
    'services/Other/service.py:10 | publishes services.Nope.evt, which resolves to nothing',
  ]);
  assert.doesNotMatch(unresolved.children[0].contextValue, /\brunnable\b/);
  assert.equal(unresolved.children[0].declaration, undefined);
});

test('node ids are unique and stable across builds', () => {
  const ids = (nodes: TreeNode[]): string[] => nodes.flatMap((n) => [n.id, ...ids(n.children)]);
  const first = ids(buildEventTree(crmTree()));
  assert.equal(new Set(first).size, first.length);
  assert.deepEqual(ids(buildEventTree(crmTree())), first);
});

test('every node with a location can open it; empty apps get a message node; several apps start collapsed', () => {
  const tree = crmTree();
  tree.apps.push({ name: 'empty', rootUri: 'file:///work/empty', services: [], groups: [], unresolved: [], unresolvedPublishers: [] });
  const nodes = buildEventTree(tree);
  assert.deepEqual(nodes.map((n) => n.expanded), [false, false]);
  assert.deepEqual(nodes[1].children.map((n) => n.label), ['No events or tasks in this app']);
  const withoutLocation = (list: TreeNode[]): string[] => list.flatMap((n) =>
    [...(n.location || ['app', 'publishers', 'subscribers', 'category', 'unresolved', 'message', 'handler'].includes(n.kind)
      || (n.kind === 'target' && n.label === 'Timer (timerCfg)') ? [] : [n.id]), ...withoutLocation(n.children)]);
  assert.deepEqual(withoutLocation(nodes), []);
});

test('labels go through the localizer', () => {
  const t = (m: string, ...a: Array<string | number | boolean>) => '«' + m.replace(/\{(\d+)\}/g, (_, i) => String(a[Number(i)])) + '»';
  const [app] = buildEventTree(crmTree(), t);
  assert.ok(app.children.some((n) => n.label === '«Unresolved»'));
  assert.equal(app.description, 'crm · «3 events» · «4 listeners»');
});

test('outline() gives labels down to a depth; findNode searches the tree; fileAndLine is 1-based', () => {
  const nodes = buildEventTree(crmTree());
  const top = outline(nodes, 2);
  assert.equal(top[0].label, 'CRM Demo');
  assert.deepEqual(top[0].children!.map((c) => c.label), ['CustomerBatchService', 'Model events', 'Tasks', 'Unresolved']);
  assert.equal(top[0].children![0].children, undefined);
  const found = findNode(nodes, (n) => n.run?.fullName === 'events.CustomerAudit');
  assert.equal(found?.label, 'CustomerAudit');
  assert.equal(fileAndLine(loc('a%20b/x.py', 0), ROOT), 'a b/x.py:1');
});

test('an empty result gives no nodes (the welcome view shows instead)', () => {
  assert.deepEqual(buildEventTree({ apps: [], version: 1 }), []);
});

test('services, targets and subscribers sort naturally: 2 before 10 before 100', () => {
  const tree = crmTree();
  const app = tree.apps[0];
  const template = app.services[0];
  app.services = ['Svc100', 'Svc10', 'Svc2', 'svc1'].map((n) => ({ ...template, fullName: `services.${n}`, title: undefined,
    location: loc(`services/${n}/e.json`, 0) }));
  const event = app.services[0].events[0];
  event.subscribers = ['H10', 'H2', 'H100'].map((n) => sub({ fullName: `events.${n}`, listensTo: event.sender }));
  const [root] = buildEventTree(tree);
  assert.deepEqual(root.children.slice(0, 4).map((n) => n.label), ['svc1', 'Svc2', 'Svc10', 'Svc100']);
  const handled = byLabel(root.children[0].children, 'dataProcessed').children.find((c) => c.kind === 'subscribers')!;
  assert.deepEqual(handled.children.map((n) => n.label), ['H2', 'H10', 'H100']);
});

test('two different elements with the same name get their folder first in the description', () => {
  const tree = crmTree();
  tree.apps[0].unresolved = [
    sub({ fullName: 'events.a.Dup', listensTo: 'x.y', location: loc('events/a/Dup/e.json', 1) }),
    sub({ fullName: 'events.b.Dup', listensTo: 'x.z', location: loc('events/b/Dup/e.json', 1) }),
  ];
  const [app] = buildEventTree(tree);
  const unresolved = byLabel(app.children, 'Unresolved');
  assert.deepEqual(unresolved.children.slice(0, 2).map((n) => `${n.label} | ${n.description}`), [
    'Dup | events/a/Dup · sender x.y resolves to nothing',
    'Dup | events/b/Dup · sender x.z resolves to nothing',
  ]);
});

test('an app with more than 50 services starts with its services collapsed', () => {
  const tree = crmTree();
  const template = tree.apps[0].services[0];
  tree.apps[0].services = Array.from({ length: COLLAPSE_SERVICES_ABOVE + 1 }, (_, i) => ({ ...template, fullName: `services.S${i}` }));
  const [app] = buildEventTree(tree);
  const services = app.children.filter((n) => n.kind === 'service');
  assert.equal(services.length, COLLAPSE_SERVICES_ABOVE + 1);
  assert.deepEqual([...new Set(services.map((n) => n.expanded))], [false]);
  assert.equal(buildEventTree(crmTree())[0].children[0].expanded, true, 'a small app keeps them expanded');
});

test('the event phrase is one short phrase per case', () => {
  assert.deepEqual([[0, 0], [0, 2], [1, 0], [2, 1]].map(([p, s]) => eventPhrase(p, s, formatMessage)),
    ['unused', 'never published · 2 handlers', '1 publisher · no handlers', '2 publishers · 1 handler']);
});

test('an unresolved publish call inside a function keeps its file:line first in the description', () => {
  const tree = crmTree();
  tree.apps[0].unresolvedPublishers = [9, 12].map((line) => ({ location: loc('services/Other/service.py', line), sender: 'services.Nope.evt', inFunction: 'Other.run' }));
  const unresolved = byLabel(buildEventTree(tree)[0].children, 'Unresolved');
  assert.deepEqual(unresolved.children.slice(1).map((n) => `${n.label} | ${n.description}`), [
    'Other.run | services/Other/service.py:10 · publishes services.Nope.evt, which resolves to nothing',
    'Other.run | services/Other/service.py:13 · publishes services.Nope.evt, which resolves to nothing',
  ]);
});

test('lazy answers: apps, services and categories carry counts and fetch their rows when expanded', () => {
  const full = crmTree();
  const app = full.apps[0];
  const rootAnswer: EventTreeResult = { version: 7, apps: [{ ...app, services: [], groups: [], unresolved: [], unresolvedPublishers: [], counts: { events: 3, listeners: 4 } }] };
  const [lazyApp] = childrenOf(rootAnswer, {});
  const [fullApp] = buildEventTree(full);
  assert.deepEqual([lazyApp.label, lazyApp.description, lazyApp.expanded, lazyApp.children], [fullApp.label, fullApp.description, true, []]);
  assert.deepEqual(lazyApp.lazy, { appRootUri: ROOT });
  const appAnswer: EventTreeResult = { version: 7, apps: [{
    ...app, services: app.services.map((s) => ({ ...s, events: [], eventCount: s.events.length })),
    groups: app.groups.map((g) => ({ ...g, subscribers: [], subscriberCount: g.subscribers.length })),
  }] };
  const rows = childrenOf(appAnswer, { appRootUri: ROOT });
  assert.deepEqual(rows.map((n) => [n.label, n.description]), fullApp.children.map((n) => [n.label, n.description]));
  const svc = byLabel(rows, 'CustomerBatchService');
  assert.deepEqual([svc.lazy, svc.children, svc.tooltip], [{ appRootUri: ROOT, service: 'services.CustomerBatchService' }, [], byLabel(fullApp.children, 'CustomerBatchService').tooltip]);
  const models = byLabel(rows, 'Model events');
  assert.deepEqual(models.lazy, { appRootUri: ROOT, kind: 'model' });
  const events = childrenOf({ version: 7, apps: [{ ...app, services: [app.services[0]] }] }, svc.lazy!);
  assert.deepEqual(outline(events), outline(byLabel(fullApp.children, 'CustomerBatchService').children));
  const targets = childrenOf({ version: 7, apps: [{ ...app, groups: [app.groups[1]] }] }, models.lazy!);
  assert.deepEqual(outline(targets), outline(byLabel(fullApp.children, 'Model events').children));
  assert.deepEqual(childrenOf({ version: 7, apps: [] }, { appRootUri: ROOT }), []);
});

test('a kind answered with counts only: its groups are collapsed, lazy per target, and show the same rows when expanded', () => {
  const app = crmTree().apps[0];
  const [fullApp] = buildEventTree(crmTree());
  const fullTarget = byLabel(byLabel(fullApp.children, 'Model events').children, 'CustomerModel');
  const g = app.groups[1];
  const kindAnswer: EventTreeResult = { version: 7, apps: [{ ...app, groups: [{ ...g, subscribers: [], subscriberCount: 1 }] }] };
  const [target] = childrenOf(kindAnswer, { appRootUri: ROOT, kind: 'model' });
  assert.deepEqual([target.label, target.description, target.expanded, target.children, target.tooltip],
    [fullTarget.label, fullTarget.description, false, [], fullTarget.tooltip]);
  assert.deepEqual(target.lazy, { appRootUri: ROOT, kind: 'model', target: 'models.CustomerModel' });
  const rows = childrenOf({ version: 7, apps: [{ ...app, groups: [g] }] }, target.lazy!);
  assert.deepEqual(outline(rows), outline(fullTarget.children));
  assert.deepEqual(rows.map((n) => n.id), fullTarget.children.map((n) => n.id));
});

test('a group the server cut short counts its left-out listeners too', () => {
  const app = crmTree().apps[0];
  const g = { ...app.groups[1], moreSubscribers: 250 };
  const [models] = childrenOf({ version: 7, apps: [{ ...app, services: [], groups: [g], unresolved: [], unresolvedPublishers: [] }] }, { appRootUri: ROOT });
  assert.equal(models.description, '251');
});
