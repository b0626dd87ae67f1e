import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BASE_APP, indexOf } from '../../helpers/engineWorkspace';
import { cursor } from '../../helpers/repo';
import { completeAt } from '../../../server/src/engine/features/completion';
import { definitionAt } from '../../../server/src/engine/features/definition';
import { eventReferences, renameEvent } from '../../../server/src/engine/features/eventReferences';
import { buildEventTree } from '../../../server/src/engine/features/eventTree';
import { handlerInfo } from '../../../server/src/engine/features/handlerInfo';
import { hoverAt } from '../../../server/src/engine/features/hover';
import { codeLenses } from '../../../server/src/engine/features/codeLenses';

const EVENTS = ['services.OrderService.orderCancelled', 'services.OrderService.orderPaid'];

test('sender completion in e.json replaces the whole string content, with or without a prefix', async () => {
  const { index, dir, cleanup } = await indexOf(BASE_APP);
  try {
    const p = path.join(dir, 'events/New/e.json');
    for (const src of ['{ "type": "events.NormalType", "sender": "|" }', '{ "type": "events.NormalType", "sender": "services.Ord|erService.x" }', '{ "type": "events.NormalType", "sender": "serv|']) {
      const { text, offset } = cursor(src);
      const items = completeAt(index, p, text, offset)!;
      assert.deepEqual(items.map((i) => i.label), EVENTS, src);
      const start = text.indexOf('"sender": "') + '"sender": "'.length;
      assert.equal(items[0].replace.start, start);
      const end = text.indexOf('"', start) >= 0 ? text.indexOf('"', start) : text.length;
      assert.equal(items[0].replace.end, Math.min(end, text.length), src);
      assert.equal(items.find((i) => i.label.endsWith('orderPaid'))!.detail, 'Order paid — Orders');
    }
  } finally { cleanup(); }
});

test('func, funcType and model-event completions', async () => {
  const { index, dir, cleanup } = await indexOf(BASE_APP);
  try {
    const p = path.join(dir, 'events/New/e.json');
    let c = cursor('{ "type": "events.NormalType", "func": "|" }');
    assert.deepEqual(completeAt(index, p, c.text, c.offset)!.map((i) => i.label), ['services.OrderService.pay', 'services.OrderService.onPaid']);
    c = cursor('{ "type": "events.NormalType", "funcType": "|" }');
    assert.deepEqual(completeAt(index, p, c.text, c.offset)!.map((i) => i.label), ['Global', 'Inner']);
    assert.equal(completeAt(index, p, c.text, c.offset, { schemaEnums: true }), null);
    c = cursor('{ "type": "events.ModelType", "sender": "|" }');
    assert.deepEqual(completeAt(index, p, c.text, c.offset)!.map((i) => i.label), ['models.OrderModel']);
    c = cursor('{ "type": "events.NormalType", "sender": | }');
    assert.equal(completeAt(index, p, c.text, c.offset)![0].insertText, '"services.OrderService.orderCancelled"');
  } finally { cleanup(); }
});

test('sender completion in Python publish calls only', async () => {
  const { index, dir, cleanup } = await indexOf(BASE_APP);
  try {
    const p = path.join(dir, 'services/OrderService/service.py');
    let c = cursor('def f():\n    app.event.publish(sender="serv|", args=())\n');
    assert.deepEqual(completeAt(index, p, c.text, c.offset)!.map((i) => i.label), EVENTS);
    c = cursor('def f():\n    print("serv|")\n');
    assert.equal(completeAt(index, p, c.text, c.offset), null);
  } finally { cleanup(); }
});

test('definition: sender → eventDescs name, func → def, Inner funcType → customFunc, Python sender → eventDescs', async () => {
  const { index, dir, cleanup } = await indexOf(BASE_APP);
  try {
    const svcJson = fs.readFileSync(path.join(dir, 'services/OrderService/e.json'), 'utf8');
    const at = (rel: string, needle: string, delta = 2) => {
      const p = path.join(dir, rel);
      const text = fs.readFileSync(p, 'utf8');
      return definitionAt(index, p, text, text.indexOf(needle) + delta);
    };
    let [loc] = at('events/NotifyPaid/e.json', 'services.OrderService.orderPaid');
    assert.ok(loc.uri.endsWith('/services/OrderService/e.json'));
    const nameLine = svcJson.split('\n').findIndex((l) => l.includes('"orderPaid"'));
    assert.equal(loc.range.start.line, nameLine);
    [loc] = at('events/NotifyPaid/e.json', 'services.OrderService.onPaid');
    assert.ok(loc.uri.endsWith('/services/OrderService/service.py'));
    assert.equal(loc.range.start.line, 6);
    [loc] = at('events/ArchivePaid/e.json', '"Inner"');
    assert.ok(loc.uri.endsWith('/events/ArchivePaid/inner.py'));
    [loc] = at('services/OrderService/service.py', 'services.OrderService.orderPaid');
    assert.equal(loc.range.start.line, nameLine);
  } finally { cleanup(); }
});

test('references and rename of an event cover the declaration, subscribers and publish sites', async () => {
  const { index, dir, cleanup } = await indexOf(BASE_APP);
  try {
    const p = path.join(dir, 'services/OrderService/e.json');
    const text = fs.readFileSync(p, 'utf8');
    const off = text.indexOf('"orderPaid"') + 3;
    const refs = eventReferences(index, p, text, off, true).map((l) => l.uri.slice(l.uri.indexOf(path.basename(dir)) + path.basename(dir).length + 1)).sort();
    assert.deepEqual(refs, ['events/ArchivePaid/e.json', 'events/NotifyPaid/e.json', 'services/OrderService/e.json', 'services/OrderService/service.py']);
    const edits = renameEvent(index, p, text, off, 'orderSettled');
    assert.ok(Array.isArray(edits));
    assert.equal(edits.reduce((n, f) => n + f.edits.length, 0), 4);
    assert.ok(edits.every((f) => f.edits.every((e) => e.newText === 'orderSettled')));
    assert.deepEqual(renameEvent(index, p, text, off, 'not valid'), { error: 'invalid' });
  } finally { cleanup(); }
});

test('hover and code lenses', async () => {
  const { index, dir, cleanup } = await indexOf(BASE_APP);
  try {
    const p = path.join(dir, 'events/NotifyPaid/e.json');
    const text = fs.readFileSync(p, 'utf8');
    const h = hoverAt(index, p, text, text.indexOf('orderPaid'))!;
    assert.match(h.markdown, /Order paid/);
    assert.match(h.markdown, /Published at 1 site\(s\) · 2 subscriber\(s\)/);
    const lens = codeLenses(index, path.join(dir, 'events/ArchivePaid/inner.py'));
    assert.deepEqual(lens.map((l) => l.run), [{ appRoot: dir, fullName: 'events.ArchivePaid' }]);
    const svcLens = codeLenses(index, path.join(dir, 'services/OrderService/e.json')).map((l) => l.title);
    assert.deepEqual(svcLens, ['2 subscribers · 1 publish site', '0 subscribers · 0 publish sites']);
  } finally { cleanup(); }
});

test('event tree: services, events, publishers, subscribers, unresolved', async () => {
  const { index, dir, cleanup } = await indexOf({ ...BASE_APP, 'events/Lost/e.json': { title: 'Lost', type: 'events.NormalType', sender: 'services.OrderService.nope', funcType: 'Inner' } });
  try {
    const tree = buildEventTree(index);
    assert.equal(tree.apps.length, 1);
    const [svc] = tree.apps[0].services;
    assert.equal(svc.fullName, 'services.OrderService');
    const paid = svc.events.find((e) => e.name === 'orderPaid')!;
    assert.equal(paid.publishers.length, 1);
    assert.equal(paid.publishers[0].inFunction, 'OrderService.pay');
    assert.deepEqual(paid.subscribers.map((s) => [s.fullName, s.handler?.funcType, s.runnable]), [['events.ArchivePaid', 'Inner', true], ['events.NotifyPaid', 'Global', true]]);
    assert.deepEqual(tree.apps[0].unresolved.map((s) => s.fullName), ['events.Lost']);
    assert.equal(buildEventTree(index, 'cancel').apps[0].services[0].events.length, 1);
  } finally { cleanup(); }
});

test('handler info: Inner and Global targets, payloads from publish literals', async () => {
  const { index, dir, cleanup } = await indexOf(BASE_APP);
  try {
    const inner = handlerInfo(index, index.element(dir, 'events.ArchivePaid')!)!;
    assert.equal(inner.funcType, 'Inner');
    assert.equal(inner.modulePath, path.join(dir, 'events/ArchivePaid/inner.py'));
    assert.deepEqual(inner.payloads.filter((p) => p.source === 'publish').map((p) => [p.args, p.kwargs]), [[[{ orderId: 42 }], { by: 'test' }]]);
    // The skeleton from the payload shape comes last: every key with a placeholder by type.
    assert.deepEqual(inner.payloads.filter((p) => p.source === 'skeleton').map((p) => [p.label, p.args, p.kwargs]), [['Skeleton from the payload shape', [{ orderId: 0 }], { by: '' }]]);
    assert.deepEqual(inner.payloadShape, [
      { path: 'args[0]', type: 'dict', always: true }, { path: 'args[0].orderId', type: 'int', always: true }, { path: 'kwargs.by', type: 'str', always: true },
    ]);
    assert.match(inner.payloads[0].label, /^services\/OrderService\/service.py:5 \(OrderService.pay\)$/);
    const global = handlerInfo(index, index.element(dir, 'events.NotifyPaid')!)!;
    assert.equal(global.className, 'OrderService');
    assert.equal(global.functionName, 'onPaid');
    assert.equal(global.modulePath, path.join(dir, 'services/OrderService/service.py'));
    assert.equal(global.problem, undefined);
  } finally { cleanup(); }
});
