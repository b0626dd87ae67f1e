/**
 * The custom requests and notifications of shared/src/protocol: jitai/eventTree, jitai/handlerInfo,
 * jitai/listHandlers, jitai/subscribersOf, jitai/reindex, jitai/indexStatus and jitai/indexChanged.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { uriOf, useServerOn } from '../helpers/lspClient';
import { EventTreeRequest, HandlerInfoRequest, ListHandlersRequest, ReindexRequest, SubscribersOfRequest } from '../../shared/src/protocol/messages';
import type {
  EventTreeResult, TreeEvent,
} from '../../shared/src/protocol/types';

/** A publish call with literal args/kwargs, added to the copy so handlerInfo has a payload to offer. */
const LITERAL_PUBLISH = `
    def replayLastBatch(self):
        app.event.publish(sender="services.CustomerBatchService.dataProcessed",
                          args=({"processedCount": 3, "skipped": 1},), kwargs={"batchSize": 4})
`;

describe('custom requests on a copy of crm-demo', () => {
  const server = useServerOn('examples/crm-demo', {
    prepare: () => {
      fs.appendFileSync(p('services/CustomerBatchService/service.py'), LITERAL_PUBLISH);
    },
  });
  const { p } = server;

  const findEvent = (tree: EventTreeResult, sender: string): TreeEvent | undefined =>
    tree.apps.flatMap((a) => a.services).flatMap((s) => s.events).find((e) => e.sender === sender);

  it('jitai/indexStatus: indexing first, then ready with the counts', async () => {
    assert.equal(server.client.statuses[0]?.state, 'indexing', JSON.stringify(server.client.statuses.map((s) => s.state)));
    assert.equal(server.status.state, 'ready');
    assert.equal(server.status.apps, 1);
    assert.equal(server.status.events, 9);
    assert.equal(server.status.errors, 7);
    assert.equal(server.status.warnings, 12);
    // jitai/indexChanged follows the first index.
    await server.client.waitForIndexChanged(-1);
  });

  it('jitai/eventTree: services -> events -> publishers and subscribers', async () => {
    const tree = await server.client.request(EventTreeRequest, {});
    assert.equal(tree.apps.length, 1);
    const [crm] = tree.apps;
    assert.equal(crm.name, 'acme.CrmDemo');
    assert.equal(crm.rootUri, uriOf(server.dir));
    assert.deepEqual(crm.services.map((s) => s.fullName).sort(), [
      'services.CustomerBatchService', 'services.MistakesDemoService', 'services.NotifyService', 'services.OrderService',
    ]);
    const dp = findEvent(tree, 'services.CustomerBatchService.dataProcessed');
    assert.ok(dp);
    assert.equal(dp.name, 'dataProcessed');
    assert.equal(dp.title, 'Batch finished');
    assert.deepEqual(dp.subscribers.map((s) => s.fullName).sort(), ['events.ArchiveStatistics', 'events.NotifySalesOnProcessed']);
    const archive = dp.subscribers.find((s) => s.fullName === 'events.ArchiveStatistics')!;
    assert.equal(archive.handler?.funcType, 'Inner');
    assert.equal(archive.runnable, true);
    assert.equal(archive.location.uri, uriOf(p('events/ArchiveStatistics/e.json')));
    const notify = dp.subscribers.find((s) => s.fullName === 'events.NotifySalesOnProcessed')!;
    assert.equal(notify.handler?.funcType, 'Global');
    assert.match(notify.handler?.label ?? '', /services\.NotifyService\.notifySales/);
    assert.equal(dp.publishers.length, 2, 'the multi-line publish and the added literal one');
    assert.ok(dp.publishers.every((x) => x.location.uri === uriOf(p('services/CustomerBatchService/service.py'))));
    assert.ok(dp.publishers.some((x) => /processedCount/.test(x.argsText ?? '')));
    // Declared, published, nobody subscribes.
    const cancelled = findEvent(tree, 'services.OrderService.orderCancelled');
    assert.equal(cancelled?.subscribers.length, 0);
    assert.equal(cancelled?.publishers.length, 1);
    // The typo and the missing service are listed as unresolved subscribers.
    assert.deepEqual(crm.unresolved.map((s) => s.fullName).sort(),
      ['events.deliberateMistakes.MissingService', 'events.deliberateMistakes.TypoSender']);
    assert.ok(crm.unresolvedPublishers.some((x) => x.sender === 'services.OrderServce.orderPaid'));
    // Model, workflow, assistant, agent listeners are grouped by what they listen to.
    const groups = crm.groups.map((g) => `${g.kind}:${g.target}`);
    assert.ok(groups.includes('model:models.OrderModel') && groups.includes('model:models.CustomerModel'), groups.join(', '));
    assert.ok(groups.some((g) => g.startsWith('assistant:')) && groups.some((g) => g.startsWith('agent:')), groups.join(', '));
  });

  it('jitai/eventTree with a filter keeps the matching events', async () => {
    const tree = await server.client.request(EventTreeRequest, { filter: 'emailsent' });
    const events = tree.apps.flatMap((a) => a.services).flatMap((s) => s.events).map((e) => e.sender);
    assert.deepEqual(events, ['services.NotifyService.emailSent']);
  });

  it('jitai/handlerInfo by uri (Inner) offers the literal publish payloads', async () => {
    const info = await server.client.request(HandlerInfoRequest, { uri: uriOf(p('events/ArchiveStatistics/inner.py')) });
    assert.ok(info);
    assert.equal(info.fullName, 'events.ArchiveStatistics');
    assert.equal(info.funcType, 'Inner');
    assert.equal(info.functionName, 'customFunc');
    assert.equal(info.moduleUri, uriOf(p('events/ArchiveStatistics/inner.py')));
    assert.equal(info.appRootUri, uriOf(server.dir));
    assert.equal(info.problem, undefined);
    assert.ok(info.payloads.length >= 1, JSON.stringify(info.payloads));
    const literal = info.payloads.find((x) => !x.partial);
    assert.ok(literal, JSON.stringify(info.payloads));
    assert.deepEqual(literal.args, [{ processedCount: 3, skipped: 1 }]);
    assert.deepEqual(literal.kwargs, { batchSize: 4 });
    assert.match(literal.label, /services\/CustomerBatchService\/service\.py:\d+ \(CustomerBatchService\.replayLastBatch\)/);
    // The multi-line publish passes variables: when it is offered, its variables are null and it is marked partial.
    for (const other of info.payloads.filter((x) => x !== literal && x.source === 'publish')) {
      assert.equal(other.partial, true, JSON.stringify(other));
      assert.deepEqual(other.args, [{ processedCount: null, skipped: null }]);
    }
    // Last, a skeleton from the merged payload shape: placeholders by type.
    const skeleton = info.payloads.filter((x) => x.source === 'skeleton');
    assert.deepEqual(skeleton.map((x) => [x.args, x.kwargs]), [[[{ processedCount: 0, skipped: 0 }], { batchSize: 0 }]]);
    assert.ok(info.payloadShape?.some((k) => k.path === 'args[0].processedCount' && k.type === 'int' && k.always), JSON.stringify(info.payloadShape));
  });

  it('jitai/handlerInfo offers a partly literal publish (variables as null) as a partial payload', async () => {
      const info = await server.client.request(HandlerInfoRequest, { uri: uriOf(p('events/ArchiveStatistics/inner.py')) });
      const partial = info?.payloads.find((x) => x.partial);
      assert.ok(partial, JSON.stringify(info?.payloads));
      assert.deepEqual(partial.args, [{ processedCount: null, skipped: null }]);
      assert.deepEqual(partial.kwargs, { batchSize: null });
    });

  it('jitai/handlerInfo by app root and fullName (Global)', async () => {
    const info = await server.client.request(HandlerInfoRequest, { appRootUri: uriOf(server.dir), fullName: 'events.NotifySalesOnProcessed' });
    assert.ok(info);
    assert.equal(info.funcType, 'Global');
    assert.equal(info.functionName, 'notifySales');
    assert.equal(info.serviceFullName, 'services.NotifyService');
    assert.equal(info.className, 'NotifyService');
    assert.equal(info.moduleUri, uriOf(p('services/NotifyService/service.py')));
  });

  it('jitai/handlerInfo explains why a handler cannot run, and is null for unknown elements', async () => {
    const broken = await server.client.request(HandlerInfoRequest, { appRootUri: uriOf(server.dir), fullName: 'events.deliberateMistakes.InnerWithoutFile' });
    assert.ok(broken?.problem, JSON.stringify(broken));
    assert.match(broken.problem, /inner\.py/);
    assert.equal(await server.client.request(HandlerInfoRequest, { appRootUri: uriOf(server.dir), fullName: 'events.DoesNotExist' }), null);
    assert.equal(await server.client.request(HandlerInfoRequest, { uri: uriOf(p('models/OrderModel/e.json')) }), null);
  });

  it('jitai/listHandlers lists runnable handlers only', async () => {
    const { handlers } = await server.client.request(ListHandlersRequest);
    const names = handlers.map((h) => h.fullName);
    for (const n of ['events.ArchiveStatistics', 'events.NotifySalesOnProcessed', 'events.WelcomeOnOrderCreated', 'tasks.DailyDigest']) {
      assert.ok(names.includes(n), `${n} missing from ${names}`);
    }
    assert.ok(!names.includes('events.deliberateMistakes.InnerWithoutFile'));
    const archive = handlers.find((h) => h.fullName === 'events.ArchiveStatistics')!;
    assert.equal(archive.label, 'inner.py customFunc');
    assert.equal(archive.location.uri, uriOf(p('events/ArchiveStatistics/e.json')));
  });

  it('jitai/subscribersOf lists the custom events listening to a sender', async () => {
    const r = await server.client.request(SubscribersOfRequest, { appRootUri: uriOf(server.dir), sender: 'services.CustomerBatchService.dataProcessed' });
    assert.deepEqual([...r.fullNames].sort(), ['events.ArchiveStatistics', 'events.NotifySalesOnProcessed']);
  });

  it('jitai/reindex re-reads the disk and answers the new status; indexStatus and indexChanged follow', async () => {
    // A new subscriber written without any watched-file event is only seen by a re-index.
    fs.mkdirSync(p('events/LateSubscriber'));
    fs.writeFileSync(p('events/LateSubscriber/e.json'), JSON.stringify({
      type: 'events.NormalType', sender: 'services.OrderService.orderCancelled', funcType: 'Global', func: 'services.NotifyService.alertOps',
    }));
    const mark = server.client.mark();
    const status = await server.client.request(ReindexRequest);
    assert.equal(status.state, 'ready');
    assert.equal(status.subscribers, server.status.subscribers + 1);
    await server.client.waitForStatus((x) => x.state === 'ready' && x.subscribers === status.subscribers, mark);
    await server.client.waitForIndexChanged(mark);
    const tree = await server.client.request(EventTreeRequest, {});
    assert.deepEqual(findEvent(tree, 'services.OrderService.orderCancelled')?.subscribers.map((s) => s.fullName), ['events.LateSubscriber']);
  });

  it('an edit pushes jitai/indexChanged and an updated jitai/indexStatus', async () => {
    const file = p('events/deliberateMistakes/TypoSender/e.json');
    const mark = server.client.mark();
    await server.client.open(file);
    await server.client.change(file, fs.readFileSync(file, 'utf8').replace('dataProcesed', 'dataProcessed'));
    await server.client.waitForDiagnostics(uriOf(file), (d) => d.length === 0, { since: mark });
    await server.client.waitForIndexChanged(mark);
    const fixed = await server.client.waitForStatus((x) => x.state === 'ready' && x.errors === 6, mark);
    assert.equal(fixed.errors, 6);
  });
});
