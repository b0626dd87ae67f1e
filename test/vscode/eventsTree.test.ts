// The events tree's data, read through the extension's API: services -> events -> publishers and
// subscribers, grouped listeners, and the unresolved subscribers.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../client/src/ids';
import type { EventTreeResult, TreeApp, TreeEvent } from '../../shared/src/protocol/types';
import { activateExtension, nodeKind, type JitaiEventsApi, type NodeOutline } from './helpers';

function event(app: TreeApp, service: string, name: string): TreeEvent {
  const s = app.services.find((x) => x.fullName === service);
  assert.ok(s, `service ${service} in the tree; got ${app.services.map((x) => x.fullName).join(', ')}`);
  const e = s.events.find((x) => x.name === name);
  assert.ok(e, `event ${name} under ${service}; got ${s.events.map((x) => x.name).join(', ')}`);
  return e;
}
function find(nodes: NodeOutline[] | undefined, pred: (n: NodeOutline) => boolean): NodeOutline | undefined {
  if (!nodes) return undefined;
  for (const n of nodes) { if (pred(n)) return n; const c = find(n.children, pred); if (c) return c; }
  return undefined;
}

suite('events tree', () => {
  let api: JitaiEventsApi;
  let tree: EventTreeResult;
  suiteSetup(async () => { api = await activateExtension(); tree = await api.getEventTree(); });

  test('lists the app with its services and their declared events', () => {
    assert.equal(tree.apps.length, 1);
    const app = tree.apps[0];
    const services = app.services.map((s) => s.fullName).sort();
    for (const s of ['services.CustomerBatchService', 'services.NotifyService', 'services.OrderService']) assert.ok(services.includes(s), `${s} in ${services}`);
    const e = event(app, 'services.CustomerBatchService', 'dataProcessed');
    assert.equal(e.sender, 'services.CustomerBatchService.dataProcessed');
    assert.equal(e.title, 'Batch finished');
  });

  test('an event lists its publish sites and its subscribers', () => {
    const e = event(tree.apps[0], 'services.CustomerBatchService', 'dataProcessed');
    assert.equal(e.publishers.length, 1, `publishers: ${JSON.stringify(e.publishers)}`);
    assert.ok(e.publishers[0].location.uri.endsWith('/services/CustomerBatchService/service.py'));
    const line = e.publishers[0].location.range.start.line + 1;
    assert.ok(line === 14 || line === 15, `the multi-line publish call (service.py:14-15), got line ${line}`);
    const subs = e.subscribers.map((s) => s.fullName).sort();
    assert.deepEqual(subs, ['events.ArchiveStatistics', 'events.NotifySalesOnProcessed']);
    const global = e.subscribers.find((s) => s.fullName === 'events.NotifySalesOnProcessed')!;
    assert.equal(global.handler?.funcType, 'Global');
    assert.match(global.handler?.label ?? '', /services\.NotifyService\.notifySales/);
    const inner = e.subscribers.find((s) => s.fullName === 'events.ArchiveStatistics')!;
    assert.equal(inner.handler?.funcType, 'Inner');
    assert.equal(inner.runnable, true);
  });

  test('model, approval, assistant, agent events and tasks are grouped by what they listen to', () => {
    const groups = tree.apps[0].groups.map((g) => `${g.kind}:${g.target}`);
    for (const g of ['model:models.CustomerModel', 'model:models.OrderModel', 'assistant:aiassistants.CustomerHelper', 'agent:aiagents.SalesAgent']) {
      assert.ok(groups.includes(g), `group ${g} in ${groups.join(', ')}`);
    }
    assert.ok(groups.some((g) => g.startsWith('workflow:')), `an approval group in ${groups.join(', ')}`);
    assert.ok(groups.some((g) => g.startsWith('task:')), `a task group in ${groups.join(', ')}`);
  });

  test('subscribers whose sender resolves to nothing are listed as unresolved', () => {
    const unresolved = tree.apps[0].unresolved.map((s) => s.fullName).sort();
    assert.ok(unresolved.includes('events.deliberateMistakes.TypoSender'), `unresolved: ${unresolved}`);
    assert.ok(unresolved.includes('events.deliberateMistakes.MissingService'), `unresolved: ${unresolved}`);
    const py = tree.apps[0].unresolvedPublishers.map((p) => p.sender);
    assert.ok(py.includes('services.MistakesDemoService.reportGenerated'), `unresolved publishers: ${py}`);
  });

  test('the filter narrows the tree to matching events', async () => {
    const filtered = await api.getEventTree('emailSent');
    const names = filtered.apps.flatMap((a) => a.services.flatMap((s) => s.events.map((e) => e.sender)));
    assert.deepEqual(names, ['services.NotifyService.emailSent']);
  });

  test('the tree nodes users see: app -> service -> event -> publishers / subscribers', async () => {
    const nodes = await api.getTreeNodes();
    const service = find(nodes, (n) => nodeKind(n) === 'service' && /CustomerBatchService/.test(`${n.label} ${n.description ?? ''}`));
    assert.ok(service, 'a service node for CustomerBatchService');
    const ev = find(service.children, (n) => nodeKind(n) === 'event' && /dataProcessed/.test(`${n.label} ${n.description ?? ''}`));
    assert.ok(ev, 'an event node for dataProcessed under its service');
    const kinds = (ev.children ?? []).map(nodeKind);
    assert.ok(kinds.includes('publishers') && kinds.includes('subscribers'), `event children: ${kinds}`);
    const subs = ev.children!.find((c) => nodeKind(c) === 'subscribers')!;
    assert.ok(find(subs.children, (n) => /NotifySalesOnProcessed|Tell sales/.test(`${n.label} ${n.description ?? ''}`)), 'handled by NotifySalesOnProcessed');
    assert.ok(find(subs.children, (n) => /\brunnable\b/.test(n.contextValue)), 'subscribers can be run (context menu "Run handler")');
  });

  test('rows read at a glance: service and event names first, subscriber names with their path, publish sites by function', async () => {
    const nodes = await api.getTreeNodes();
    const service = find(nodes, (n) => nodeKind(n) === 'service' && n.label === 'CustomerBatchService');
    assert.ok(service, `a service row labelled CustomerBatchService; rows: ${nodes[0].children?.map((n) => n.label).join(', ')}`);
    const ev = find(service.children, (n) => nodeKind(n) === 'event' && n.label === 'dataProcessed')!;
    assert.equal(ev.description, 'Batch finished · 1 publisher · 2 handlers');
    const handled = ev.children!.find((c) => nodeKind(c) === 'subscribers')!;
    assert.deepEqual(handled.children!.map((n) => `${n.label} | ${n.description}`), ['ArchiveStatistics | events', 'NotifySalesOnProcessed | events · async']);
    for (const sub of handled.children!) assert.equal(sub.children?.length, 1, `${sub.label} has one child: its handler`);
    const published = ev.children!.find((c) => nodeKind(c) === 'publishers')!;
    assert.match(`${published.children![0].label} | ${published.children![0].description}`, /^CustomerBatchService\.\w+ \| services\/CustomerBatchService\/service\.py:\d+$/);
    const services = nodes[0].children!.filter((n) => nodeKind(n) === 'service').map((n) => n.label);
    assert.deepEqual(services, [...services].sort((a, b) => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' })), 'services in natural order');
  });

  test('an event row expanded by the user stays expanded after filtering and clearing the filter', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.jitai');
    const nodes = await api.getTreeNodes();
    const ev = find(nodes, (n) => nodeKind(n) === 'event' && n.label === 'emailSent')!;
    assert.equal(ev.expanded, false, 'events start collapsed');
    assert.equal(await api.revealTreeNode(ev.id, true), true);
    await vscode.commands.executeCommand(Commands.filterTree, 'orderCreated');
    const filtered = await api.getTreeNodes();
    assert.equal(find(filtered, (n) => n.id === ev.id), undefined, 'the filter hides emailSent');
    await vscode.commands.executeCommand(Commands.clearFilter);
    const again = find(await api.getTreeNodes(), (n) => n.id === ev.id);
    assert.ok(again, 'emailSent is back with the same id');
    assert.equal(again.expanded, true, 'and still expanded');
  });
});
