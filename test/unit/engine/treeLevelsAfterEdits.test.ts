/**
 * The events tree's app level after edits: listener rows kept between answers still follow every
 * file they show (the handler's Python file, the listener's e.json), and group rows left unchanged
 * by an edit stay the same while changed counts show.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { indexOf } from '../../helpers/engineWorkspace';

const APP: Record<string, string | object> = {
  'app.json': { appId: 'acme.TreeEdits', title: 'Tree edits', version: '1.0.0' },
  'services/Orders/e.json': {
    title: 'Orders', type: 'services.NormalType', backendBundleEntry: '.',
    functionList: [{ name: 'onEvent', title: 'On event', args: [] }],
    eventDescs: [{ name: 'paid', title: 'Paid' }, { name: 'shipped', title: 'Shipped' }],
  },
  'services/Orders/service.py': 'class Orders(NormalService):\n    def onEvent(self, *args, **kwargs):\n        return None\n',
  'models/Order/e.json': { title: 'Order', type: 'models.NormalType', backendBundleEntry: '.' },
  'models/Invoice/e.json': { title: 'Invoice', type: 'models.NormalType', backendBundleEntry: '.' },
  // A custom subscriber of a sender no service declares: listed under the app's Unresolved node.
  'events/Lost/e.json': { title: 'Lost', type: 'events.NormalType', sender: 'services.Orders.refunded', funcType: 'Inner', backendBundleEntry: '.' },
  'events/Lost/inner.py': 'def customFunc(*args, **kwargs):\n    return None\n',
  'events/Lost/__init__.py': 'from .inner import customFunc\n',
  'events/OnPaid/e.json': { title: 'On paid', type: 'events.NormalType', sender: 'services.Orders.paid', funcType: 'Global', func: 'services.Orders.onEvent', backendBundleEntry: '.' },
  'events/OnOrder/e.json': { title: 'On order', type: 'events.ModelType', sender: 'models.Order', operate: 'AddAfter', funcType: 'Global', func: 'services.Orders.onEvent', backendBundleEntry: '.' },
};

test('an unresolved listener row follows edits of its handler file and of its own e.json', async () => {
  const { engine, dir, cleanup } = await indexOf(APP);
  try {
    const appLevel = () => engine.eventTreeLevel({ appRoot: dir }).apps[0];
    const row = () => appLevel().unresolved.find((s) => s.fullName === 'events.Lost')!;
    assert.equal(row().handler?.location?.range.start.line, 0);
    assert.equal(row().runnable, true);
    const inner = path.join(dir, 'events/Lost/inner.py');
    engine.setOverlay(inner, '\n\n\ndef customFunc(*args, **kwargs):\n    return None\n');
    assert.equal(row().handler?.location?.range.start.line, 3);
    engine.setOverlay(inner, 'def otherFunc():\n    return None\n');
    assert.equal(row().handler?.location, undefined);
    assert.equal(row().runnable, false);
    engine.setOverlay(inner, undefined);
    assert.equal(row().handler?.location?.range.start.line, 0);
    const ejson = path.join(dir, 'events/Lost/e.json');
    engine.setOverlay(ejson, JSON.stringify({ title: 'Lost again', type: 'events.NormalType', sender: 'services.Orders.refunded', funcType: 'Inner', backendBundleEntry: '.' }));
    assert.equal(row().title, 'Lost again');
  } finally { cleanup(); }
});

test('a listener moved between declared events leaves the app level as it was; a moved model listener shows in the counts', async () => {
  const { engine, dir, cleanup } = await indexOf(APP);
  try {
    const appLevel = () => { const { version: _v, ...rest } = engine.eventTreeLevel({ appRoot: dir }); return rest; };
    const modelLevel = () => { const { version: _v, ...rest } = engine.eventTreeLevel({ appRoot: dir, kind: 'model' }); return rest; };
    const before = appLevel();
    const modelsBefore = modelLevel();
    const onPaid = path.join(dir, 'events/OnPaid/e.json');
    engine.setOverlay(onPaid, JSON.stringify({ title: 'On paid', type: 'events.NormalType', sender: 'services.Orders.shipped', funcType: 'Global', func: 'services.Orders.onEvent', backendBundleEntry: '.' }));
    assert.deepEqual(appLevel(), before);
    assert.deepEqual(modelLevel(), modelsBefore);
    const svc = engine.eventTreeLevel({ appRoot: dir, service: 'services.Orders' }).apps[0].services[0];
    assert.deepEqual(svc.events.map((e) => [e.name, e.subscribers.map((s) => s.fullName)]), [['paid', []], ['shipped', ['events.OnPaid']]]);

    const counts = () => appLevel().apps[0].groups.map((g) => [g.kind, g.target, g.subscriberCount]);
    assert.deepEqual(counts(), [['model', 'models.Order', 1]]);
    const onOrder = path.join(dir, 'events/OnOrder/e.json');
    engine.setOverlay(onOrder, JSON.stringify({ title: 'On order', type: 'events.ModelType', sender: 'models.Invoice', operate: 'AddAfter', funcType: 'Global', func: 'services.Orders.onEvent', backendBundleEntry: '.' }));
    assert.deepEqual(counts(), [['model', 'models.Invoice', 1]]);
    engine.setOverlay(onOrder, undefined);
    assert.deepEqual(counts(), [['model', 'models.Order', 1]]);
  } finally { cleanup(); }
});
