/**
 * Python element references as editor features: completion of fullNames inside app.getElement("…")
 * and of names after app.models. / app.services., and go-to-definition from them to the element's e.json.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { BASE_APP, indexOf } from '../../helpers/engineWorkspace';
import { cursor } from '../../helpers/repo';
import { pathToUri } from '../../../shared/src/protocol/uris';

const FILE = 'services/OrderService/extra.py';

test('completion inside app.getElement("…"): every fullName of the app, replacing the string content', async () => {
  const { engine, dir, cleanup } = await indexOf(BASE_APP);
  try {
    const { text, offset } = cursor('x = app.getElement("models.Or|")\n');
    const items = engine.complete(path.join(dir, FILE), text, offset)!;
    assert.deepEqual(items.map((i) => i.label), ['events.ArchivePaid', 'events.NotifyPaid', 'models.OrderModel', 'services.OrderService']);
    const m = items.find((i) => i.label === 'models.OrderModel')!;
    assert.equal(text.slice(m.replace.start, m.replace.end), 'models.Or');
    assert.equal(m.detail, 'Order');
  } finally { cleanup(); }
});

test('completion after app.models. and app.services. (with or without a typed prefix)', async () => {
  const { engine, dir, cleanup } = await indexOf(BASE_APP);
  try {
    let { text, offset } = cursor('rows = app.models.|\n');
    assert.deepEqual(engine.complete(path.join(dir, FILE), text, offset)!.map((i) => i.label), ['OrderModel']);
    ({ text, offset } = cursor('app.services.Ord|.pay()\n'));
    const [item] = engine.complete(path.join(dir, FILE), text, offset)!;
    assert.equal(item.label, 'OrderService');
    assert.equal(text.slice(item.replace.start, item.replace.end), 'Ord');
    ({ text, offset } = cursor('app.event.|\n'));
    assert.equal(engine.complete(path.join(dir, FILE), text, offset), null, 'app.event is not an element namespace');
    ({ text, offset } = cursor('other.models.|\n'));
    assert.equal(engine.complete(path.join(dir, FILE), text, offset), null, 'only chains on app');
  } finally { cleanup(); }
});

test('go to definition from app.getElement("…") and app.models.X to the element e.json; nothing for unknown names', async () => {
  const src = 'a = app.getElement("models.OrderModel")\nb = app.models.OrderModel.query()\nc = app.getElement("models.Nope")\n';
  const { engine, dir, cleanup } = await indexOf({ ...BASE_APP, [FILE]: src });
  try {
    const target = path.join(dir, 'models/OrderModel/e.json');
    const at = (needle: string, delta = 2) => src.indexOf(needle) + delta;
    assert.deepEqual(engine.definition(path.join(dir, FILE), src, at('models.OrderModel")')).map((l) => l.uri), [pathToUri(target)]);
    assert.deepEqual(engine.definition(path.join(dir, FILE), src, at('OrderModel.query')).map((l) => l.uri), [pathToUri(target)]);
    assert.deepEqual(engine.definition(path.join(dir, FILE), src, at('models.Nope')), []);
  } finally { cleanup(); }
});
