/**
 * jitai/eventTree one level at a time (what the sidebar asks as rows are expanded): composed level by
 * level the rows are exactly those of the whole tree; each level answers one app or one service;
 * unknown apps and services answer nothing; bad `parent` values are InvalidParams.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ErrorCodes } from 'vscode-jsonrpc';
import { uriOf, useServerOn } from '../helpers/lspClient';
import { EventTreeRequest } from '../../shared/src/protocol/messages';
import type { EventTreeParent } from '../../shared/src/protocol/types';
import { buildEventTree, childrenOf, outline, type TreeNode } from '../../client/src/tree/treeModel';

interface RpcError { code: number; message: string }

describe('jitai/eventTree by level on a copy of crm-demo', () => {
  const server = useServerOn('examples/crm-demo');
  const level = (parent: EventTreeParent) => server.client.request(EventTreeRequest, { parent });

  /** Every lazy node's rows fetched, as the tree view does when the user expands everything. */
  async function expandAll(nodes: TreeNode[]): Promise<TreeNode[]> {
    return Promise.all(nodes.map(async (n) => {
      const children = n.lazy ? childrenOf(await level(n.lazy), n.lazy) : n.children;
      const { lazy: _lazy, ...rest } = n;
      return { ...rest, children: await expandAll(children) };
    }));
  }

  it('composed level by level, the rows are exactly those of the whole tree', async () => {
    const whole = outline(buildEventTree(await server.client.request(EventTreeRequest, {})));
    const lazy = outline(await expandAll(childrenOf(await level({}), {})));
    assert.deepEqual(lazy, whole);
    assert.equal(whole[0].label, 'CRM demo');
    assert.ok(whole[0].children!.some((n) => n.label === 'CustomerBatchService'), JSON.stringify(whole[0].children!.map((n) => n.label)));
  });

  it('the root level carries counts and no rows; an app level services with their event counts but no events', async () => {
    const root = await level({});
    assert.equal(root.apps.length, 1);
    const [app] = root.apps;
    assert.equal(app.name, 'acme.CrmDemo');
    assert.deepEqual([app.services, app.groups, app.unresolved], [[], [], []]);
    const whole = (await server.client.request(EventTreeRequest, {})).apps[0];
    const events = whole.services.reduce((n, s) => n + s.events.length, 0);
    const listeners = whole.groups.reduce((n, g) => n + g.subscribers.length, 0)
      + whole.services.reduce((n, s) => n + s.events.reduce((m, e) => m + e.subscribers.length, 0), 0);
    assert.deepEqual(app.counts, { events, listeners });
    const appLevel = (await level({ appRootUri: app.rootUri })).apps[0];
    const batch = appLevel.services.find((s) => s.fullName === 'services.CustomerBatchService')!;
    assert.deepEqual([batch.events, batch.eventCount], [[], whole.services.find((s) => s.fullName === batch.fullName)!.events.length]);
    assert.ok(appLevel.groups.every((g) => g.subscribers.length === 0 && (g.subscriberCount ?? 0) > 0), JSON.stringify(appLevel.groups));
    assert.deepEqual(appLevel.unresolved.map((s) => s.fullName), whole.unresolved.map((s) => s.fullName));
  });

  it('a service level answers that service only; a kind level that kind only', async () => {
    const appRootUri = uriOf(server.dir);
    const svc = await level({ appRootUri, service: 'services.CustomerBatchService' });
    assert.deepEqual(svc.apps[0].services.map((s) => s.fullName), ['services.CustomerBatchService']);
    assert.ok(svc.apps[0].services[0].events.some((e) => e.name === 'dataProcessed'));
    const models = await level({ appRootUri, kind: 'model' });
    assert.ok(models.apps[0].groups.length > 0);
    assert.deepEqual([...new Set(models.apps[0].groups.map((g) => g.kind))], ['model']);
    assert.deepEqual(models.apps[0].services, []);
  });

  it('a level answer carries a tag; asked again with it, an unchanged level answers "unchanged" and no rows', async () => {
    const appRootUri = uriOf(server.dir);
    const first = await level({ appRootUri });
    assert.ok(first.tag && first.apps.length === 1);
    const again = await server.client.request(EventTreeRequest, { parent: { appRootUri }, ifChanged: first.tag });
    assert.deepEqual(again, { apps: [], version: first.version, tag: first.tag, unchanged: true });
    const other = await server.client.request(EventTreeRequest, { parent: { appRootUri }, ifChanged: 'stale' });
    assert.equal(other.unchanged, undefined);
    assert.deepEqual(other.apps, first.apps);
  });

  it('unknown apps and services answer no app; an edit shows in the next answer of its level', async () => {
    assert.deepEqual((await level({ appRootUri: 'file:///no/such/app' })).apps, []);
    assert.deepEqual((await level({ appRootUri: uriOf(server.dir), service: 'services.Nope' })).apps, []);
    const file = server.p('services/CustomerBatchService/e.json');
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    json.eventDescs.push({ name: 'addedByTest', title: 'Added' });
    const mark = server.client.mark();
    fs.writeFileSync(file, JSON.stringify(json, null, 2));
    await server.client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(file), type: 2 }] });
    await server.client.waitForIndexChanged(mark);
    const svc = await level({ appRootUri: uriOf(server.dir), service: 'services.CustomerBatchService' });
    assert.ok(svc.apps[0].services[0].events.some((e) => e.name === 'addedByTest'));
  });

  it('bad parents are InvalidParams naming the shape', async () => {
    const expected = /^jitai\/eventTree: expected \{ filter\?: string; parent\?: \{ appRootUri\?: string; service\?: string; kind\?: string; target\?: string \} \}, got /;
    for (const parent of [7, [1], { appRootUri: 3 }, { kind: 'nonsense', appRootUri: uriOf(server.dir) }, { service: 'services.X' },
      { appRootUri: uriOf(server.dir), target: 'models.CustomerModel' }, { appRootUri: uriOf(server.dir), kind: 'model', target: 5 }]) {
      await assert.rejects(server.client.request(EventTreeRequest.method, { parent }), (e: RpcError) => {
        assert.equal(e.code, ErrorCodes.InvalidParams, JSON.stringify(parent));
        assert.match(e.message, expected);
        return true;
      });
    }
    await assert.rejects(server.client.request(EventTreeRequest.method, { parent: { appRootUri: '/not/a/uri' } }),
      (e: RpcError) => /parent\.appRootUri must be a file: URI/.test(e.message));
  });
});

describe('jitai/eventTree: a kind with more listeners than one answer lists', () => {
  // 230 model events on CustomerModel and 3 on OrderModel: more than TREE_LIST_LIMIT (200) in the kind.
  const server = useServerOn('examples/crm-demo', {
    prepare: ([dir]) => {
      for (let i = 0; i < 233; i++) {
        const model = i < 230 ? 'models.CustomerModel' : 'models.OrderModel';
        const folder = path.join(dir, 'events', `Audit${String(i).padStart(3, '0')}`);
        fs.mkdirSync(folder, { recursive: true });
        fs.writeFileSync(path.join(folder, 'e.json'), JSON.stringify({
          type: 'events.ModelType', title: `Audit ${i}`, sender: model, operate: 'AddAfter', funcType: 'Global',
          func: 'services.OrderService.auditOrderChange', asyncType: false, enable: 1, backendBundleEntry: '.',
        }));
      }
    },
  });
  const level = (parent: EventTreeParent) => server.client.request(EventTreeRequest, { parent });

  it('the kind level answers its groups with counts only; a group level answers that group\'s rows, cut at 200 with the rest counted', async () => {
    const appRootUri = uriOf(server.dir);
    const kind = (await level({ appRootUri, kind: 'model' })).apps[0];
    assert.deepEqual(kind.groups.map((g) => [g.target, g.subscribers.length, g.subscriberCount]),
      [['models.CustomerModel', 0, 231], ['models.OrderModel', 0, 4]]);
    const customer = (await level({ appRootUri, kind: 'model', target: 'models.CustomerModel' })).apps[0].groups;
    assert.equal(customer.length, 1);
    assert.equal(customer[0].subscribers.length, 200);
    assert.equal(customer[0].moreSubscribers, 31);
    assert.equal(customer[0].subscribers[0].fullName, 'events.Audit000');
    const order = (await level({ appRootUri, kind: 'model', target: 'models.OrderModel' })).apps[0].groups;
    assert.deepEqual(order[0].subscribers.map((s) => s.fullName), ['events.Audit230', 'events.Audit231', 'events.Audit232', 'events.OrderCreatedLog']);
    assert.deepEqual((await level({ appRootUri, kind: 'model', target: 'models.Nope' })).apps[0].groups, []);
  });

  it('in the client, the groups start collapsed and lazy; expanded, they show the rows of the group level', async () => {
    const appRootUri = uriOf(server.dir);
    const targets = childrenOf(await level({ appRootUri, kind: 'model' }), { appRootUri, kind: 'model' });
    assert.deepEqual(targets.map((n) => [n.label, n.expanded, n.children.length]), [['CustomerModel', false, 0], ['OrderModel', false, 0]]);
    assert.deepEqual(targets[1].lazy, { appRootUri, kind: 'model', target: 'models.OrderModel' });
    const rows = childrenOf(await level(targets[1].lazy!), targets[1].lazy!);
    assert.deepEqual(rows.map((n) => n.label), ['Audit230', 'Audit231', 'Audit232', 'OrderCreatedLog']);
    assert.ok(rows.every((n) => n.id.startsWith(`${targets[1].id}/`)), rows.map((n) => n.id).join(', '));
  });
});
