/**
 * Quick fixes that create what a diagnostic says is missing: each is applied to the files of a temp
 * workspace, the app re-checked, and the problem must be gone with no new problem anywhere.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Engine, type EngineCodeAction } from '../../../server/src/engine';
import { BASE_APP, indexOf, problems, writeChanges } from '../../helpers/engineWorkspace';

type Files = Record<string, string | object>;


function actionsFor(engine: Engine, file: string, code: string): EngineCodeAction[] {
  const diags = engine.diagnosticsOf(file).filter((d) => d.code === code);
  assert.equal(diags.length, 1, `one ${code} in ${file}: ${JSON.stringify(engine.diagnosticsOf(file))}`);
  const text = fs.readFileSync(file, 'utf8');
  return engine.codeActions(file, text, diags[0].range, diags.map((d) => ({ code: d.code, range: d.range, fix: d.fix })));
}

/** Applies the action titled `title` for the one `code` diagnostic in `rel`; returns the problems after, and the texts. */
async function fixAndRecheck(files: Files, rel: string, code: string, title: RegExp, locale?: string) {
  // The half-wired-event hint (event-unused, information) describes wiring the fix leaves to the user (a new
  // event is declared with its subscriber but nobody publishes it yet): the fixes are judged on everything else.
  const { engine, dir, cleanup } = await indexOf(files, { locale, severity: { 'event-unused': 'off' } });
  try {
    const before = problems(engine.index, dir);
    const actions = actionsFor(engine, path.join(dir, rel), code);
    const action = actions.find((a) => title.test(a.title));
    assert.ok(action, `no action ${title} among ${actions.map((a) => a.title).join(' | ')}`);
    writeChanges(action.changes);
    await engine.indexAll();
    const after = problems(engine.index, dir);
    const snapshot = new Map<string, string>();
    for (const f of fs.readdirSync(dir, { recursive: true }) as string[]) {
      const full = path.join(dir, f);
      if (fs.statSync(full).isFile()) snapshot.set(f.split(path.sep).join('/'), fs.readFileSync(full, 'utf8'));
    }
    const read = (r: string) => { const t = snapshot.get(r); assert.ok(t !== undefined, `${r} exists`); return t; };
    return { before, after, action, read };
  } finally { cleanup(); }
}

const innerEvent = (extra: object = {}) => ({ title: 'Archive', type: 'events.NormalType', sender: 'services.OrderService.orderPaid', funcType: 'Inner', backendBundleEntry: '.', ...extra });

describe('create inner.py (inner-file-missing)', () => {
  it('creates inner.py with customFunc(*args, **kwargs) and __init__.py re-exporting it; no problem is left', async () => {
    const files: Files = { ...BASE_APP, 'events/Archive/e.json': innerEvent() };
    let innerText = '', initText = '';
    const r = await fixAndRecheck(files, 'events/Archive/e.json', 'inner-file-missing', /^Create inner\.py with customFunc$/);
    assert.deepEqual(r.before, [['events/Archive/e.json', 'inner-file-missing', 5]]);
    assert.deepEqual(r.after, []);
    assert.equal(r.action.createsFiles, true);
    assert.deepEqual(r.action.changes.map((c) => [c.kind, path.basename(c.path)]), [['create', 'inner.py'], ['create', '__init__.py']]);
    innerText = (r.action.changes[0] as { text: string }).text;
    initText = (r.action.changes[1] as { text: string }).text;
    assert.equal(initText, 'from .inner import customFunc\n');
    assert.equal(innerText, [
      'def customFunc(*args, **kwargs):',
      '    """',
      '    Handler of events.Archive (Archive).',
      '    Sender: services.OrderService.orderPaid',
      '    Published as: app.event.publish(sender="services.OrderService.orderPaid", args=({"orderId": 42},), kwargs={"by": "test"})',
      '    args/kwargs: what app.event.publish(sender=..., args=(...), kwargs={...}) passes.',
      '    """',
      '    pass',
      '',
    ].join('\n'));
  });

  const shapes: [string, Files, string][] = [
    ['objMode custom event', { 'events/Archive/e.json': innerEvent({ objMode: true }) }, 'def customFunc(obj):'],
    ['model event', { 'events/Archive/e.json': { title: 'M', type: 'events.ModelType', sender: 'models.OrderModel', operate: 'AddAfter', funcType: 'Inner', backendBundleEntry: '.' } }, 'def customFunc(eventOutData):'],
    ['timer task', { 'tasks/Nightly/e.json': { title: 'T', type: 'tasks.NormalType', funcType: 'Inner', enable: 1, backendBundleEntry: '.', timerCfg: { startTime: '2025-01-01 00:00:00', repeat: { repeatType: 'day', period: 1 } } } }, 'def customFunc():'],
  ];
  for (const [what, extra, def] of shapes) {
    it(`fits the signature to the Type: ${what} gets ${def}`, async () => {
      const rel = Object.keys(extra)[0];
      const r = await fixAndRecheck({ ...BASE_APP, ...extra }, rel, 'inner-file-missing', /inner\.py/);
      assert.equal(r.read(rel.replace('e.json', 'inner.py')).split('\n')[0], def);
      assert.deepEqual(r.after, []);
    });
  }

  it('adds the re-export to an existing __init__.py that lacks it', async () => {
    const files: Files = { ...BASE_APP, 'events/Archive/e.json': innerEvent(), 'events/Archive/__init__.py': 'import logging\n' };
    const r = await fixAndRecheck(files, 'events/Archive/e.json', 'inner-file-missing', /inner\.py/);
    assert.equal(r.read('events/Archive/__init__.py'), 'import logging\nfrom .inner import customFunc\n');
    assert.deepEqual(r.after, []);
  });

  it('titles come from the message table in Chinese', async () => {
    const r = await fixAndRecheck({ ...BASE_APP, 'events/Archive/e.json': innerEvent() }, 'events/Archive/e.json', 'inner-file-missing', /^创建包含 customFunc 的 inner\.py$/, 'zh-cn');
    assert.match(r.read('events/Archive/inner.py'), /events\.Archive（Archive）的处理函数/);
  });
});

describe('add customFunc (custom-func-missing)', () => {
  it('appends customFunc after the existing code; __init__ untouched when it already re-exports', async () => {
    const files: Files = { ...BASE_APP, 'events/Archive/e.json': innerEvent(), 'events/Archive/inner.py': 'import json\n\ndef helper():\n    return 1\n', 'events/Archive/__init__.py': 'from .inner import customFunc\n' };
    const r = await fixAndRecheck(files, 'events/Archive/e.json', 'custom-func-missing', /^Add customFunc to inner\.py$/);
    assert.deepEqual(r.before, [['events/Archive/e.json', 'custom-func-missing', 5]]);
    assert.deepEqual(r.after, []);
    assert.equal(r.action.createsFiles, false);
    assert.match(r.read('events/Archive/inner.py'), /^import json\n\ndef helper\(\):\n    return 1\n\n\ndef customFunc\(\*args, \*\*kwargs\):\n    """\n/);
    assert.equal(r.read('events/Archive/__init__.py'), 'from .inner import customFunc\n');
  });
});

describe('declare an undeclared event (unknown-event)', () => {
  it('from an e.json sender: appended to eventDescs keeping the two-space indentation', async () => {
    const files: Files = { ...BASE_APP, 'events/OnShipped/e.json': { title: 'S', type: 'events.NormalType', sender: 'services.OrderService.orderShipped', funcType: 'Global', func: 'services.OrderService.onPaid', backendBundleEntry: '.' } };
    const r = await fixAndRecheck(files, 'events/OnShipped/e.json', 'unknown-event', /^Declare "orderShipped" in eventDescs of services\.OrderService$/);
    assert.deepEqual(r.after, []);
    const svc = JSON.parse(r.read('services/OrderService/e.json'));
    assert.deepEqual(svc.eventDescs.at(-1), { name: 'orderShipped', title: 'Order shipped' });
    assert.match(r.read('services/OrderService/e.json'), /\n {4}\{\n {6}"name": "orderShipped",\n {6}"title": "Order shipped"\n {4}\}\n {2}\]/);
  });

  it('from a Python publish call, creating eventDescs when the service has none (tab-indented file)', async () => {
    const files: Files = {
      ...BASE_APP,
      'services/StockService/e.json': '{\n\t"title": "Stock",\n\t"type": "services.NormalType",\n\t"backendBundleEntry": "."\n}\n',
      'services/StockService/service.py': 'from services.NormalType import NormalService\n\nclass StockService(NormalService):\n    def low(self):\n        app.event.publish(sender="services.StockService.stockLow", args=())\n',
      'services/StockService/__init__.py': 'from .service import StockService\n',
    };
    const r = await fixAndRecheck(files, 'services/StockService/service.py', 'unknown-event', /^Declare "stockLow"/);
    assert.deepEqual(r.after, []);
    assert.equal(r.read('services/StockService/e.json'), '{\n\t"title": "Stock",\n\t"type": "services.NormalType",\n\t"backendBundleEntry": ".",\n\t"eventDescs": [\n\t\t{\n\t\t\t"name": "stockLow",\n\t\t\t"title": "Stock low"\n\t\t}\n\t]\n}\n');
  });
});

describe('add a missing service function (func-not-found)', () => {
  it('declares it in functionList and adds a method stub with the handler signature', async () => {
    const files: Files = { ...BASE_APP, 'events/NotifyPaid/e.json': { title: 'Notify', type: 'events.ModelType', sender: 'models.OrderModel', operate: 'AddAfter', funcType: 'Global', func: 'services.OrderService.auditOrder', backendBundleEntry: '.' } };
    const r = await fixAndRecheck(files, 'events/NotifyPaid/e.json', 'func-not-found', /^Add function "auditOrder" to services\.OrderService/);
    assert.deepEqual(r.after, []);
    const svc = JSON.parse(r.read('services/OrderService/e.json'));
    assert.deepEqual(svc.functionList.at(-1), { name: 'auditOrder', title: 'Audit order', args: [{ name: 'eventOutData', title: 'Event data', dataType: 'JitDict' }], returnType: 'None' });
    const py = r.read('services/OrderService/service.py');
    assert.match(py, /\n {4}def onPaid\(self, \*args, \*\*kwargs\):\n {8}return None\n\n {4}def auditOrder\(self, eventOutData\):\n {8}"""\n {8}Handler of events\.NotifyPaid \(Notify\)\.\n/);
    assert.match(py, /eventOutData: JitDict with model, optType, prevData, postData/);
  });

  it('declares an existing method in functionList (func-not-in-function-list)', async () => {
    const files: Files = { ...BASE_APP, 'services/OrderService/service.py': `${BASE_APP['services/OrderService/service.py'] as string}\n    def helper(self, *args, **kwargs):\n        pass\n`, 'events/NotifyPaid/e.json': { title: 'N', type: 'events.NormalType', sender: 'services.OrderService.orderPaid', funcType: 'Global', func: 'services.OrderService.helper', backendBundleEntry: '.' } };
    const r = await fixAndRecheck(files, 'events/NotifyPaid/e.json', 'func-not-in-function-list', /^Declare "helper" in functionList/);
    assert.deepEqual(r.after, []);
  });

  it('adds the method a functionList entry declares (function-not-implemented), with its declared args', async () => {
    const ej = { ...(BASE_APP['services/OrderService/e.json'] as object), functionList: [...(BASE_APP['services/OrderService/e.json'] as { functionList: object[] }).functionList, { name: 'refund', title: 'Refund', args: [{ name: 'orderId', title: 'Order', dataType: 'Numeric' }] }] };
    const r = await fixAndRecheck({ ...BASE_APP, 'services/OrderService/e.json': ej }, 'services/OrderService/e.json', 'function-not-implemented', /^Add method "refund" to class OrderService/);
    assert.deepEqual(r.after, []);
    assert.match(r.read('services/OrderService/service.py'), /\n {4}def refund\(self, orderId\):\n {8}"""Refund\."""\n {8}pass\n$/);
  });
});

describe('lowercase funcType', () => {
  it('keeps the "Change to" fix of the diagnostic itself, preferred', async () => {
    const files: Files = { ...BASE_APP, 'events/ArchivePaid/e.json': { ...(BASE_APP['events/ArchivePaid/e.json'] as object), funcType: 'inner' } };
    const r = await fixAndRecheck(files, 'events/ArchivePaid/e.json', 'invalid-func-type', /^Change to "Inner"$/);
    assert.equal(r.action.preferred, true);
    assert.deepEqual(r.after, []);
  });
});

describe('no action where nothing can be created', () => {
  it('an unknown event of a service whose e.json is not an object gets no declare fix', async () => {
    const { engine, dir, cleanup } = await indexOf({ ...BASE_APP, 'events/X/e.json': { title: 'X', type: 'events.NormalType', sender: 'services.OrderService.nope', funcType: 'Global', func: 'services.OrderService.onPaid', backendBundleEntry: '.' } });
    try {
      fs.writeFileSync(path.join(dir, 'services/OrderService/e.json'), fs.readFileSync(path.join(dir, 'services/OrderService/e.json'), 'utf8').replace('"eventDescs": [', '"eventDescs": 7, "x": ['));
      const file = path.join(dir, 'events/X/e.json');
      const d = engine.diagnosticsOf(file).find((x) => x.code === 'unknown-event')!;
      assert.deepEqual(engine.codeActions(file, fs.readFileSync(file, 'utf8'), d.range, [{ code: d.code, range: d.range }]).map((a) => a.title), []);
    } finally { cleanup(); }
  });
});
