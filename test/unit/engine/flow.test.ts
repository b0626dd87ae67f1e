/** Payload contracts and event loops on the flow fixture app: exact diagnostics, fixes, related places, incremental updates. */
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { severityName, type Engine } from '../../../server/src/engine';
import { indexCopy } from '../../helpers/engineWorkspace';

/** The payload and loop rules alone: the half-wired-event hint (event-unused) would follow every publisher edit too. */
const FLOW_ONLY = { 'event-unused': 'off' };
const flowApp = (locale?: string) => indexCopy('test/fixtures/flow', { locale, severity: FLOW_ONLY });

/** [file, code, severity, "line:col-endLine:endCol" (1-based), message] of every diagnostic, sorted by file and position. */
function rows(engine: Engine, dir: string): [string, string, string, string, string][] {
  const out: [string, string, string, string, string][] = [];
  for (const [p, list] of engine.allDiagnostics()) {
    for (const d of list) {
      const r = d.range;
      out.push([p.slice(dir.length + 1), d.code, severityName(d.severity), `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`, d.message]);
    }
  }
  const key = (x: typeof out[number]) => `${x[0]}:${x[3].split('-')[0].split(':').map((n) => n.padStart(4, '0')).join(':')}`;
  return out.sort((a, b) => (key(a) < key(b) ? -1 : 1));
}

const LOW = 'services.OrderService.stockLow', CHECKED = 'services.OrderService.stockChecked', AUDIT = 'services.OrderService.auditLogged';
const LOW_CHAIN = `${LOW} → events.StockLowRestock (OrderService.onStockLow → OrderService.recheck) → ${CHECKED} → events.StockCheckedAgain (OrderService.onStockChecked → OrderService.lowStock) → ${LOW}`;
const CHECKED_CHAIN = `${CHECKED} → events.StockCheckedAgain (OrderService.onStockChecked → OrderService.lowStock) → ${LOW} → events.StockLowRestock (OrderService.onStockLow → OrderService.recheck) → ${CHECKED}`;
const AUDIT_CHAIN = `${AUDIT} → events.AuditRepeat → ${AUDIT}`;

const EXPECTED: [string, string, string, string, string][] = [
  ['events/ArchiveOrder/inner.py', 'payload-key-sometimes', 'info', '3:27-3:35', '"currency" is sent by 1 of 2 publish sites of "services.OrderService.orderPlaced"; it may be missing.'],
  ['events/ArchiveOrder/inner.py', 'payload-key-not-sent', 'warning', '4:22-4:29', 'No publisher of "services.OrderService.orderPlaced" sends "orderID" here, so it is always missing. Did you mean "orderId"? Sent: orderId, amount, currency.'],
  ['events/ArchiveOrder/inner.py', 'payload-key-sometimes', 'info', '5:28-5:36', '"operator" is sent by 1 of 2 publish sites of "services.OrderService.orderPlaced"; it may be missing.'],
  ['events/AuditRepeat/e.json', 'event-loop', 'warning', '4:14-4:47', `Event loop: ${AUDIT_CHAIN}. This handler publishes events that lead back to "${AUDIT}", so it runs again without end.`],
  ['events/AuditRepeat/inner.py', 'event-loop', 'warning', '3:31-3:64', `Event loop: ${AUDIT_CHAIN}. This publish of "${AUDIT}" runs handlers that come back here, without end.`],
  ['events/ReportMail/inner.py', 'payload-key-not-sent', 'warning', '3:41-3:45', 'No publisher of "services.OrderService.reportReady" sends "totl" here, so it is always missing. Did you mean "total"? Sent: orderId, total.'],
  ['events/StockCheckedAgain/e.json', 'event-loop', 'warning', '4:14-4:48', `Event loop: ${CHECKED_CHAIN}. This handler publishes events that lead back to "${CHECKED}", so it runs again without end.`],
  ['events/StockLowRestock/e.json', 'event-loop', 'warning', '4:14-4:44', `Event loop: ${LOW_CHAIN}. This handler publishes events that lead back to "${LOW}", so it runs again without end.`],
  ['services/OrderService/service.py', 'event-loop', 'warning', '23:35-23:65', `Event loop: ${CHECKED_CHAIN}. This publish of "${LOW}" runs handlers that come back here, without end.`],
  ['services/OrderService/service.py', 'payload-key-not-sent', 'warning', '27:28-27:32', 'No publisher of "services.OrderService.stockLow" sends "qtty" here, so it is always missing. Did you mean "qty"? Sent: sku, qty.'],
  ['services/OrderService/service.py', 'event-loop', 'warning', '30:35-30:69', `Event loop: ${LOW_CHAIN}. This publish of "${CHECKED}" runs handlers that come back here, without end.`],
];

test('flow fixture: exactly the payload and loop diagnostics (code, severity, range, message)', async () => {
  const { engine, dir, cleanup } = await flowApp();
  try {
    assert.deepEqual(rows(engine, dir), EXPECTED);
    // Not flagged: keys every publisher sends (amount, source, sku, entry, total), reads of a payload a
    // publisher passes as a variable (ShipNotify: data["trackingNo"]), reads of an event nobody publishes
    // (CancelAudit: args[0]["reason"]), and the chain orderPlaced -> ArchiveOrder -> reportReady -> ReportMail.
    assert.deepEqual(engine.diagnosticsOf(path.join(dir, 'events/CancelAudit/inner.py')), []);
    assert.deepEqual(engine.diagnosticsOf(path.join(dir, 'events/ArchiveOrder/e.json')), []);
    assert.deepEqual(engine.diagnosticsOf(path.join(dir, 'events/ReportMail/e.json')), []);
  } finally { cleanup(); }
});

test('a missing key gets a quick fix to the closest sent key; a key sent sometimes has none', async () => {
  const { engine, dir, cleanup } = await flowApp();
  try {
    const [sometimes, missing] = engine.diagnosticsOf(path.join(dir, 'events/ArchiveOrder/inner.py'));
    assert.deepEqual(missing.fix, { range: missing.range, newText: 'orderId' });
    assert.equal(sometimes.fix, undefined);
  } finally { cleanup(); }
});

test('a loop lists every step as related information: each subscriber sender and each publish site', async () => {
  const { engine, dir, cleanup } = await flowApp();
  try {
    const [d] = engine.diagnosticsOf(path.join(dir, 'events/StockLowRestock/e.json'));
    assert.deepEqual(d.related?.map((r) => [r.path.slice(dir.length + 1), r.range.start.line + 1, r.message]), [
      ['events/StockLowRestock/e.json', 4, `events.StockLowRestock subscribes to ${LOW}`],
      ['services/OrderService/service.py', 30, `publishes ${CHECKED}`],
      ['events/StockCheckedAgain/e.json', 4, `events.StockCheckedAgain subscribes to ${CHECKED}`],
      ['services/OrderService/service.py', 23, `publishes ${LOW}`],
    ]);
  } finally { cleanup(); }
});

test('Chinese messages for payload and loop diagnostics', async () => {
  const { engine, dir, cleanup } = await flowApp('zh-cn');
  try {
    const msgs = (f: string) => engine.diagnosticsOf(path.join(dir, f)).map((d) => d.message);
    assert.deepEqual(msgs('events/ReportMail/inner.py'), ['"services.OrderService.reportReady" 的发布方都没有在此发送 "totl"，它总是缺失。是否想写 "total"？已发送：orderId, total。']);
    assert.deepEqual(msgs('events/AuditRepeat/e.json'), [`事件循环：${AUDIT_CHAIN}。该处理函数发布的事件最终又回到 "${AUDIT}"，会无休止地再次执行。`]);
    assert.deepEqual(msgs('events/ArchiveOrder/inner.py')[0], '"services.OrderService.orderPlaced" 的 2 处发布中只有 1 处发送了 "currency"；它可能缺失。');
  } finally { cleanup(); }
});

test('a publisher edit re-checks the handlers of that event only; breaking a loop clears both ends', async () => {
  const { engine, dir, cleanup } = await flowApp();
  try {
    const svc = path.join(dir, 'services/OrderService/service.py');
    const text = fs.readFileSync(svc, 'utf8');
    // The phone publisher now also sends "currency": ArchiveOrder's currency read is no longer "sometimes".
    const changed = engine.setOverlay(svc, text.replace('"amount": 3}', '"amount": 3, "currency": "USD"}'));
    assert.deepEqual(changed.map((p) => p.slice(dir.length + 1)), ['events/ArchiveOrder/inner.py']);
    assert.deepEqual(engine.diagnosticsOf(path.join(dir, 'events/ArchiveOrder/inner.py')).map((d) => d.message.split(' ')[0]), ['No', '"operator"']);
    // The only reportReady publisher now sends "totl" too: ReportMail's read is fine (the edited file's own problems are unchanged).
    const inner = path.join(dir, 'events/ArchiveOrder/inner.py');
    const innerText = fs.readFileSync(inner, 'utf8');
    const changed2 = engine.setOverlay(inner, innerText.replace('"total": total}', '"total": total, "totl": 0}'));
    assert.deepEqual(changed2.map((p) => p.slice(dir.length + 1)), ['events/ReportMail/inner.py']);
    assert.deepEqual(engine.diagnosticsOf(path.join(dir, 'events/ReportMail/inner.py')), []);
    // AuditRepeat stops publishing its own event: the loop warnings on its e.json and inner.py disappear.
    const audit = path.join(dir, 'events/AuditRepeat/inner.py');
    const changed3 = engine.setOverlay(audit, 'def customFunc(*args, **kwargs):\n    return kwargs.get("entry")\n');
    assert.deepEqual(changed3.map((p) => p.slice(dir.length + 1)).sort(), ['events/AuditRepeat/e.json', 'events/AuditRepeat/inner.py']);
    assert.deepEqual(engine.diagnosticsOf(path.join(dir, 'events/AuditRepeat/e.json')), []);
    // An edit that changes no flow fact re-checks only the edited file.
    const mail = path.join(dir, 'events/ReportMail/inner.py');
    assert.deepEqual(engine.setOverlay(mail, `${fs.readFileSync(mail, 'utf8')}\n# note\n`), []);
  } finally { cleanup(); }
});

test('a handler re-pointed by its e.json is judged against the new event', async () => {
  const { engine, dir, cleanup } = await flowApp();
  try {
    const ej = path.join(dir, 'events/ReportMail/e.json');
    const changed = engine.setOverlay(ej, fs.readFileSync(ej, 'utf8').replace('reportReady', 'orderPlaced'));
    assert.ok(changed.includes(path.join(dir, 'events/ReportMail/inner.py')), changed.join('\n'));
    // orderPlaced's args[0] has orderId/amount/currency: "total" and "totl" are both missing now.
    assert.deepEqual(engine.diagnosticsOf(path.join(dir, 'events/ReportMail/inner.py')).map((d) => [d.code, d.message.match(/"(\w+)" here/)?.[1]]),
      [['payload-key-not-sent', 'total'], ['payload-key-not-sent', 'totl']]);
  } finally { cleanup(); }
});

test('expected-problems.json of the flow fixture lists the same problems (file, code, severity, line)', async () => {
  const { engine, dir, cleanup } = await flowApp();
  try {
    const listed = JSON.parse(fs.readFileSync(path.join(dir, 'expected-problems.json'), 'utf8')) as { file: string; code: string; severity: string; line: number }[];
    assert.deepEqual(listed.map((p) => [p.file, p.code, p.severity, p.line]), rows(engine, dir).map(([f, c, s, r]) => [f, c, s, Number(r.split(':')[0])]));
  } finally { cleanup(); }
});

test('edits that change no flow fact keep the flow graph and still judge the new reads; handler info follows', async () => {
  const { engine, dir, cleanup } = await flowApp();
  try {
    const inner = path.join(dir, 'events/ArchiveOrder/inner.py');
    const before = engine.index.flowVersion;
    const changed = engine.setOverlay(inner, fs.readFileSync(inner, 'utf8').replace('order["orderID"]', 'order["orderId"]'));
    assert.equal(engine.index.flowVersion, before, 'reads only: the flow graph is kept');
    assert.deepEqual(changed, [inner]);
    assert.deepEqual(engine.diagnosticsOf(inner).map((d) => d.code), ['payload-key-sometimes', 'payload-key-sometimes']);
    // An edit after the subscriber's sender ("enable") keeps the graph too; Run handler still gets the payload shape.
    const ej = path.join(dir, 'events/ArchiveOrder/e.json');
    engine.setOverlay(ej, fs.readFileSync(ej, 'utf8').replace('"enable": 1', '"enable": 0'));
    assert.equal(engine.index.flowVersion, before);
    const info = engine.handlerInfoAt(ej);
    assert.deepEqual(info?.payloadShape?.map((k) => `${k.path}:${k.type}:${k.always ? 'always' : 'sometimes'}`), [
      'args[0]:dict:always', 'args[0].orderId:?:always', 'args[0].amount:float | int:always', 'args[0].currency:str:sometimes',
      'kwargs.source:str:always', 'kwargs.operator:str:sometimes',
    ]);
    assert.deepEqual(info?.payloads.at(-1), { source: 'skeleton', label: 'Skeleton from the payload shape', args: [{ orderId: null, amount: 0, currency: '' }], kwargs: { source: '', operator: '' } });
  } finally { cleanup(); }
});
