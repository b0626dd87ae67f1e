/** Payload features: hover on senders and handler functions, key completion in handlers, and the rules on small apps (violating and valid). */
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BASE_APP, indexCopy, indexOf } from '../../helpers/engineWorkspace';

/** The payload and loop rules alone: the half-wired-event hint (event-unused) would follow every publisher edit too. */
const FLOW_ONLY = { 'event-unused': 'off' };
const flowApp = () => indexCopy('test/fixtures/flow', { severity: FLOW_ONLY });

const ORDER_PLACED_PAYLOAD = [
  '**Payload** (2 publish site(s))',
  [
    '- `args[0]`: dict — always',
    '  - `orderId`: ? — always',
    '  - `amount`: float | int — always',
    '  - `currency`: str — sometimes',
    '- `kwargs`:',
    '  - `source`: str — always',
    '  - `operator`: str — sometimes',
  ].join('\n'),
  ['Published at:', '- services/OrderService/service.py:6 (OrderService.place)', '- services/OrderService/service.py:11 (OrderService.placeByPhone)'].join('\n'),
].join('\n\n');

test('hover on a sender (e.json and publish call) shows the payload shape and the publish sites', async () => {
  const { engine, dir, cleanup } = await flowApp();
  try {
    const ej = path.join(dir, 'events/ArchiveOrder/e.json');
    const text = fs.readFileSync(ej, 'utf8');
    const h = engine.hover(ej, text, text.indexOf('orderPlaced'));
    assert.equal(h?.markdown, ['Event **orderPlaced** of `services.OrderService` — Order placed', 'Published at 2 site(s) · 1 subscriber(s)', ORDER_PLACED_PAYLOAD].join('\n\n'));
    const svc = path.join(dir, 'services/OrderService/service.py');
    const py = fs.readFileSync(svc, 'utf8');
    assert.equal(engine.hover(svc, py, py.indexOf('orderPlaced'))?.markdown, h?.markdown);
    // A variable payload: nothing is claimed about its keys.
    const ship = engine.hover(svc, py, py.indexOf('orderShipped'))?.markdown ?? '';
    assert.match(ship, /- `args\[0\]`: \? — always/);
    assert.doesNotMatch(ship, /trackingNo/);
  } finally { cleanup(); }
});

test('hover on a handler function names the events it handles and their payloads', async () => {
  const { engine, dir, cleanup } = await flowApp();
  try {
    const inner = path.join(dir, 'events/ArchiveOrder/inner.py');
    const text = fs.readFileSync(inner, 'utf8');
    const h = engine.hover(inner, text, text.indexOf('customFunc') + 2);
    assert.equal(h?.markdown, ['Handles `events.ArchiveOrder`', '**services.OrderService.orderPlaced**', ORDER_PLACED_PAYLOAD].join('\n\n'));
    assert.deepEqual(h?.range, { start: text.indexOf('customFunc'), end: text.indexOf('customFunc') + 'customFunc'.length });
    const svc = path.join(dir, 'services/OrderService/service.py');
    const py = fs.readFileSync(svc, 'utf8');
    const low = engine.hover(svc, py, py.indexOf('def onStockLow') + 5)?.markdown ?? '';
    assert.match(low, /^Handles `events.StockLowRestock`\n\n\*\*services.OrderService.stockLow\*\*/);
    assert.match(low, /- `kwargs`:\n {2}- `sku`: \? — always\n {2}- `qty`: int — always/);
    assert.equal(engine.hover(svc, py, py.indexOf('def recheck') + 5), undefined, 'not a handler');
  } finally { cleanup(); }
});

test('completion of payload keys inside a handler: data["|"] and .get("|"), with types and always/sometimes', async () => {
  const { engine, dir, cleanup } = await flowApp();
  try {
    const inner = path.join(dir, 'events/ArchiveOrder/inner.py');
    const text = fs.readFileSync(inner, 'utf8').replace('order["orderID"]', 'order[""]');
    const at = text.indexOf('order[""]') + 'order["'.length;
    const items = engine.complete(inner, text, at) ?? [];
    assert.deepEqual(items.map((i) => [i.label, i.detail, i.kind, i.sortText]), [
      ['orderId', '? — always', 'field', '0orderId'], ['amount', 'float | int — always', 'field', '0amount'], ['currency', 'str — sometimes', 'field', '1currency'],
    ]);
    assert.deepEqual(items[0].replace, { start: at, end: at });
    // kwargs.get("|") while typing (unterminated string)
    const typing = text.replace('kwargs.get("operator")', 'kwargs.get("op');
    const at2 = typing.indexOf('kwargs.get("op') + 'kwargs.get("op'.length;
    const kw = engine.complete(inner, typing, at2) ?? [];
    assert.deepEqual(kw.map((i) => i.label), ['source', 'operator']);
    assert.deepEqual(kw[0].replace, { start: at2 - 2, end: at2 });
    // Not in a handler, or not in a key: nothing.
    const svc = path.join(dir, 'services/OrderService/service.py');
    assert.equal(engine.complete(svc, 'x = 1\n', 3), null);
  } finally { cleanup(); }
});

const SVC = (publish: string) => ({
  ...BASE_APP,
  'services/OrderService/service.py': [
    'from services.NormalType import NormalService',
    '',
    'class OrderService(NormalService):',
    '    def pay(self, orderId):',
    `        ${publish}`,
    '',
    '    def onPaid(self, *args, **kwargs):',
    '        return None',
    '',
  ].join('\n'),
});

test('keyword-only parameters are kwargs reads: flagged on the parameter name when not sent, quiet when sent', async () => {
  const files = { ...SVC('app.event.publish(sender="services.OrderService.orderPaid", kwargs={"orderId": 1})'), 'events/ArchivePaid/inner.py': 'def customFunc(*args, orderID=None, **kwargs):\n    return orderID\n' };
  let r = await indexOf(files);
  try {
    const [d] = r.index.diagnosticsOf(path.join(r.dir, 'events/ArchivePaid/inner.py'));
    assert.deepEqual([d.code, d.range, d.message, d.fix?.newText], ['payload-key-not-sent', { start: { line: 0, character: 22 }, end: { line: 0, character: 29 } },
      'No publisher of "services.OrderService.orderPaid" sends "orderID" here, so it is always missing. Did you mean "orderId"? Sent: orderId.', 'orderId']);
  } finally { r.cleanup(); }
  r = await indexOf({ ...files, 'events/ArchivePaid/inner.py': 'def customFunc(*args, orderId=None, **kwargs):\n    return orderId\n' });
  try { assert.deepEqual(r.index.diagnosticsOf(path.join(r.dir, 'events/ArchivePaid/inner.py')), []); } finally { r.cleanup(); }
});

test('no payload diagnostic when a publisher hides keys: kwargs variable, **spread, args variable', async () => {
  const reader = 'def customFunc(*args, **kwargs):\n    return kwargs["nope"], args[0]["nope"]\n';
  for (const publish of [
    'app.event.publish(sender="services.OrderService.orderPaid", args=(data,), kwargs=extra)',
    'app.event.publish(sender="services.OrderService.orderPaid", args=({**base},), kwargs={"a": 1, **extra})',
  ]) {
    const r = await indexOf({ ...SVC(publish), 'events/ArchivePaid/inner.py': reader });
    try { assert.deepEqual(r.index.diagnosticsOf(path.join(r.dir, 'events/ArchivePaid/inner.py')), [], publish); } finally { r.cleanup(); }
  }
  // The same reads against literal payloads are flagged, twice.
  const r = await indexOf({ ...SVC('app.event.publish(sender="services.OrderService.orderPaid", args=({"a": 1},), kwargs={"a": 1})'), 'events/ArchivePaid/inner.py': reader });
  try {
    assert.deepEqual(r.index.diagnosticsOf(path.join(r.dir, 'events/ArchivePaid/inner.py')).map((d) => [d.code, d.range.start.character]), [['payload-key-not-sent', 19], ['payload-key-not-sent', 36]]);
  } finally { r.cleanup(); }
});

test('loops through a module-level function called by the handler; no loop when the chain ends', async () => {
  const loop = 'def customFunc(*args, **kwargs):\n    again()\n\ndef again():\n    app.event.publish(sender="services.OrderService.orderPaid", args=({"orderId": 1},))\n';
  let r = await indexOf({ ...BASE_APP, 'events/ArchivePaid/inner.py': loop });
  try {
    const [d] = r.index.diagnosticsOf(path.join(r.dir, 'events/ArchivePaid/e.json'));
    assert.equal(d.code, 'event-loop');
    assert.equal(d.message, 'Event loop: services.OrderService.orderPaid → events.ArchivePaid (customFunc → again) → services.OrderService.orderPaid. This handler publishes events that lead back to "services.OrderService.orderPaid", so it runs again without end.');
    assert.equal(r.index.diagnosticsOf(path.join(r.dir, 'events/ArchivePaid/inner.py'))[0].code, 'event-loop');
  } finally { r.cleanup(); }
  // Publishing another event nobody loops back from is fine.
  r = await indexOf({ ...BASE_APP, 'events/ArchivePaid/inner.py': loop.replace('orderPaid", args=({"orderId": 1},)', 'orderCancelled"') }, { severity: FLOW_ONLY });
  try { assert.deepEqual([...r.index.allDiagnostics().keys()], []); } finally { r.cleanup(); }
});
