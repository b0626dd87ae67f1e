/**
 * "New Event Subscriber…" in the engine: the choices offered, the files of a new Inner or Global
 * subscriber (compared exactly), the element checked clean after they are written, refusals, and
 * the "＋ Add subscriber" lens offered only when asked for and only above events nobody subscribes to.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultSubscriberName } from '../../../server/src/engine/features/newSubscriber';
import { BASE_APP, indexOf, problems, writeChanges } from '../../helpers/engineWorkspace';


describe('New Event Subscriber (engine)', () => {
  it('offers declared events with title, service, subscriber count and a free default name', async () => {
    const { engine, dir, cleanup } = await indexOf({ ...BASE_APP, 'events/OnOrderCancelled/e.json': { title: 'x', type: 'events.NormalType', sender: 'services.OrderService.orderPaid', funcType: 'Global', func: 'services.OrderService.onPaid', backendBundleEntry: '.' } });
    try {
      const c = engine.subscriberChoices();
      assert.deepEqual(c.events.map((e) => [e.sender, e.title, e.service, e.subscribers, e.defaultName]), [
        ['services.OrderService.orderCancelled', 'Order cancelled', 'services.OrderService', 0, 'OnOrderCancelled2'],
        ['services.OrderService.orderPaid', 'Order paid', 'services.OrderService', 3, 'OnOrderPaid'],
      ]);
      assert.deepEqual(c.events[0].appRoot, dir);
      assert.deepEqual(c.functions.map((f) => `${f.service}.${f.name}`), ['services.OrderService.pay', 'services.OrderService.onPaid']);
      assert.deepEqual(c.taken[0].names.sort(), ['ArchivePaid', 'NotifyPaid', 'OnOrderCancelled']);
    } finally { cleanup(); }
  });

  it('default names: On + capitalised event, numbered when taken (case-insensitively)', () => {
    assert.equal(defaultSubscriberName('orderPaid', []), 'OnOrderPaid');
    assert.equal(defaultSubscriberName('orderPaid', ['onorderpaid', 'OnOrderPaid2']), 'OnOrderPaid3');
  });

  it('Inner: e.json, inner.py and __init__.py as the IDE writes them; the new element has no problems', async () => {
    const { engine, dir, cleanup } = await indexOf(BASE_APP);
    try {
      const r = engine.newSubscriber({ appRoot: dir, sender: 'services.OrderService.orderCancelled', name: 'OnOrderCancelled', funcType: 'Inner' });
      assert.ok(!('error' in r), JSON.stringify(r));
      assert.deepEqual(r.changes.map((c) => [c.kind, path.relative(dir, c.path)]), [
        ['create', 'events/OnOrderCancelled/e.json'], ['create', 'events/OnOrderCancelled/inner.py'], ['create', 'events/OnOrderCancelled/__init__.py'],
      ]);
      const text = (i: number) => (r.changes[i] as { text: string }).text;
      assert.equal(text(0), `${JSON.stringify({ title: 'On order cancelled', type: 'events.NormalType', sender: 'services.OrderService.orderCancelled', funcType: 'Inner', asyncType: false, enable: 1, backendBundleEntry: '.' }, null, 2)}\n`);
      assert.equal(text(1), 'def customFunc(*args, **kwargs):\n    """\n    Handler of events.OnOrderCancelled (On order cancelled).\n    Sender: services.OrderService.orderCancelled\n    args/kwargs: what app.event.publish(sender=..., args=(...), kwargs={...}) passes.\n    """\n    pass\n');
      assert.equal(text(2), 'from .inner import customFunc\n');
      assert.deepEqual(r.open, { path: `${dir}/events/OnOrderCancelled/inner.py`, range: { start: { line: 0, character: 4 }, end: { line: 0, character: 14 } } });
      writeChanges(r.changes);
      await engine.indexAll();
      // The new element is clean; the only note left is the hint that nothing publishes orderCancelled yet.
      assert.deepEqual(problems(engine.index, dir), [['services/OrderService/e.json', 'event-unused', 30]]);
      assert.deepEqual(engine.subscriberChoices().events.find((e) => e.event === 'orderCancelled')?.subscribers, 1);
    } finally { cleanup(); }
  });

  it('Global with a new function: e.json with func, functionList entry and method stub; opens the method; no problems', async () => {
    const { engine, dir, cleanup } = await indexOf(BASE_APP);
    try {
      const r = engine.newSubscriber({ appRoot: dir, sender: 'services.OrderService.orderPaid', name: 'OnOrderPaid', funcType: 'Global', func: 'services.OrderService.handlePaid', title: 'Handle paid orders' });
      assert.ok(!('error' in r), JSON.stringify(r));
      assert.deepEqual(r.changes.map((c) => [c.kind, path.relative(dir, c.path)]), [
        ['create', 'events/OnOrderPaid/e.json'], ['edit', 'services/OrderService/e.json'], ['edit', 'services/OrderService/service.py'],
      ]);
      assert.deepEqual(JSON.parse((r.changes[0] as { text: string }).text), { title: 'Handle paid orders', type: 'events.NormalType', sender: 'services.OrderService.orderPaid', funcType: 'Global', func: 'services.OrderService.handlePaid', asyncType: false, enable: 1, backendBundleEntry: '.' });
      writeChanges(r.changes);
      const py = fs.readFileSync(`${dir}/services/OrderService/service.py`, 'utf8');
      const lines = py.split('\n');
      assert.equal(lines[r.open.range.start.line], '    def handlePaid(self, *args, **kwargs):');
      assert.equal(lines[r.open.range.start.line].slice(r.open.range.start.character, r.open.range.end.character), 'handlePaid');
      assert.match(py, /Published as: app\.event\.publish\(sender="services\.OrderService\.orderPaid"/);
      await engine.indexAll();
      assert.deepEqual(problems(engine.index, dir), []);
    } finally { cleanup(); }
  });

  it('Global with an existing function: only e.json, opening the method', async () => {
    const { engine, dir, cleanup } = await indexOf(BASE_APP);
    try {
      const r = engine.newSubscriber({ appRoot: dir, sender: 'services.OrderService.orderPaid', name: 'OnPaidToo', funcType: 'Global', func: 'services.OrderService.onPaid' });
      assert.ok(!('error' in r));
      assert.deepEqual(r.changes.map((c) => c.kind), ['create']);
      assert.deepEqual(r.open, { path: `${dir}/services/OrderService/service.py`, range: { start: { line: 6, character: 8 }, end: { line: 6, character: 14 } } });
      writeChanges(r.changes);
      await engine.indexAll();
      assert.deepEqual(problems(engine.index, dir), []);
    } finally { cleanup(); }
  });

  it('refuses invalid or taken names, undeclared events and bad functions with a message', async () => {
    const { engine, dir, cleanup } = await indexOf(BASE_APP);
    try {
      const ask = (o: object) => engine.newSubscriber({ appRoot: dir, sender: 'services.OrderService.orderPaid', name: 'OnX', funcType: 'Inner', ...o });
      assert.deepEqual(ask({ name: '9lives' }), { error: '"9lives" is not a valid element name: use letters, digits and _, not starting with a digit.' });
      assert.deepEqual(ask({ name: 'a/b' }), { error: '"a/b" is not a valid element name: use letters, digits and _, not starting with a digit.' });
      assert.deepEqual(ask({ name: 'archivepaid' }), { error: 'An element "events.archivepaid" already exists.' });
      assert.deepEqual(ask({ sender: 'services.OrderService.nope' }), { error: 'No declared event "services.OrderService.nope" in this app.' });
      assert.deepEqual(ask({ funcType: 'Global', func: 'services.Missing.fn' }), { error: '"services.Missing.fn" is not a valid function name.' });
    } finally { cleanup(); }
  });

  it('"＋ Add subscriber" lens: only when asked for, only above events without subscribers', async () => {
    const { engine, dir, cleanup } = await indexOf(BASE_APP);
    try {
      const file = `${dir}/services/OrderService/e.json`;
      assert.deepEqual(engine.codeLenses(file).filter((l) => l.addSubscriber), []);
      const add = engine.codeLenses(file, { addSubscriber: true }).filter((l) => l.addSubscriber);
      assert.deepEqual(add.map((l) => [l.title, l.addSubscriber]), [['＋ Add subscriber', { appRoot: dir, sender: 'services.OrderService.orderCancelled' }]]);
      const line = fs.readFileSync(file, 'utf8').split('\n')[add[0].range.start.line];
      assert.match(line, /^\s*\{$/);
    } finally { cleanup(); }
  });
});
