import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BASE_APP, indexOf, problems } from '../../helpers/engineWorkspace';

const ev = (o: object) => JSON.stringify({ title: 'E', type: 'events.NormalType', backendBundleEntry: '.', ...o }, null, 2);

test('a clean app has no diagnostics', async () => {
  const { index, dir, cleanup } = await indexOf(BASE_APP);
  try { assert.deepEqual(problems(index, dir), []); } finally { cleanup(); }
});

test('unknown event: error on the event part of the sender, with did-you-mean, declared list and a fix', async () => {
  const { index, dir, cleanup } = await indexOf({ ...BASE_APP, 'events/Typo/e.json': ev({ sender: 'services.OrderService.orderPayed', funcType: 'Inner' }), 'events/Typo/inner.py': 'def customFunc(*a, **k): pass\n', 'events/Typo/__init__.py': 'from .inner import customFunc\n' });
  try {
    const [d] = index.diagnosticsOf(path.join(dir, 'events/Typo/e.json'));
    assert.equal(d.code, 'unknown-event');
    assert.equal(d.severity, 1);
    assert.match(d.message, /declares no event "orderPayed"/);
    assert.match(d.message, /Did you mean "orderPaid"\?/);
    assert.match(d.message, /Declared events: orderPaid, orderCancelled/);
    const text = fs.readFileSync(path.join(dir, 'events/Typo/e.json'), 'utf8');
    const line = text.split('\n')[d.range.start.line];
    assert.equal(line.slice(d.range.start.character, d.range.end.character), 'orderPayed');
    assert.equal(d.fix?.newText, 'services.OrderService.orderPaid');
    assert.equal(d.related?.[0].path, path.join(dir, 'services/OrderService/e.json'));
  } finally { cleanup(); }
});

test('service not found: error without extends, warning with extends, range on the service part', async () => {
  const files = { ...BASE_APP, 'events/X/e.json': ev({ sender: 'services.OrderServce.orderPaid', func: 'services.OrderService.onPaid' }) };
  let r = await indexOf(files);
  try {
    const [d] = r.index.diagnosticsOf(path.join(r.dir, 'events/X/e.json'));
    assert.equal(d.code, 'sender-service-not-found');
    assert.equal(d.severity, 1);
    assert.match(d.message, /Did you mean "services.OrderService.orderPaid"/);
    assert.equal(d.range.end.character - d.range.start.character, 'services.OrderServce'.length);
  } finally { r.cleanup(); }
  r = await indexOf({ ...files, 'app.json': { appId: 'a.B', extends: [{ appId: 'p.Q', version: '1.0.0' }] } });
  try {
    const [d] = r.index.diagnosticsOf(path.join(r.dir, 'events/X/e.json'));
    assert.equal(d.code, 'sender-service-not-found');
    assert.equal(d.severity, 2);
    assert.match(d.message, /parent app/);
  } finally { r.cleanup(); }
});

test('malformed senders and non-service senders', async () => {
  const { index, dir, cleanup } = await indexOf({
    ...BASE_APP,
    'events/A/e.json': ev({ sender: 'orderPaid', func: 'services.OrderService.onPaid' }),
    'events/B/e.json': ev({ sender: 'models.OrderModel.orderPaid', func: 'services.OrderService.onPaid' }),
    'events/C/e.json': ev({ sender: 42, func: 'services.OrderService.onPaid' }),
    'events/D/e.json': ev({ func: 'services.OrderService.onPaid' }),
  });
  try {
    assert.deepEqual(problems(index, dir).map(([f, c]) => [f, c]), [
      ['events/A/e.json', 'sender-malformed'],
      ['events/B/e.json', 'sender-not-a-service'],
      ['events/C/e.json', 'wrong-json-type'],
      ['events/D/e.json', 'missing-sender'],
    ]);
  } finally { cleanup(); }
});

test('funcType and func rules', async () => {
  const { index, dir, cleanup } = await indexOf({
    ...BASE_APP,
    'events/A/e.json': ev({ sender: 'services.OrderService.orderPaid', funcType: 'Globl', func: 'services.OrderService.onPaid' }),
    'events/B/e.json': ev({ sender: 'services.OrderService.orderPaid', funcType: 'global', func: 'services.OrderService.onPaid' }),
    'events/C/e.json': ev({ sender: 'services.OrderService.orderPaid', func: 'OrderService' }),
    'events/D/e.json': ev({ sender: 'services.OrderService.orderPaid', func: 'services.NoSvc.onPaid' }),
    'events/E/e.json': ev({ sender: 'services.OrderService.orderPaid', func: 'services.OrderService.onPayed' }),
    'events/F/e.json': ev({ sender: 'services.OrderService.orderPaid', func: 'services.OrderService.helper' }),
    'services/OrderService/service.py': (BASE_APP['services/OrderService/service.py'] as string) + '    def helper(self, *args, **kwargs):\n        pass\n',
  });
  try {
    assert.deepEqual(problems(index, dir).map(([f, c]) => [f, c]), [
      ['events/A/e.json', 'invalid-func-type'],
      ['events/B/e.json', 'invalid-func-type'],
      ['events/C/e.json', 'func-malformed'],
      ['events/D/e.json', 'func-element-not-found'],
      ['events/E/e.json', 'func-not-found'],
      ['events/F/e.json', 'func-not-in-function-list'],
    ]);
    const b = index.diagnosticsOf(path.join(dir, 'events/B/e.json'))[0];
    assert.equal(b.severity, 2, 'lowercase legacy spelling is only a warning');
    const e = index.diagnosticsOf(path.join(dir, 'events/E/e.json'))[0];
    assert.match(e.message, /Did you mean "onPaid"/);
  } finally { cleanup(); }
});

test('service entries: missing name, duplicates, functions not implemented', async () => {
  const svc = JSON.parse(JSON.stringify(BASE_APP['services/OrderService/e.json']));
  svc.eventDescs.push({ title: 'no name' }, { name: 'orderPaid', title: 'again' });
  svc.functionList.push({ name: 'refund', title: 'Refund' }, { name: 'pay', title: 'dup' });
  const { index, dir, cleanup } = await indexOf({ ...BASE_APP, 'services/OrderService/e.json': svc });
  try {
    const codes = problems(index, dir).map(([, c]) => c).sort();
    assert.deepEqual(codes, ['duplicate-event-name', 'duplicate-function-name', 'function-not-implemented', 'missing-name']);
  } finally { cleanup(); }
});

test('bad input never throws: binary, empty, array root, half-typed, wrong types', async () => {
  const { index, dir, cleanup } = await indexOf({
    ...BASE_APP,
    'events/Bin/e.json': '\u0000\u0001\u0002binary',
    'events/Empty/e.json': '',
    'events/Arr/e.json': '[1, 2]',
    'events/Half/e.json': '{ "type": "events.NormalType", "sender": "services.Order',
    'events/Types/e.json': ev({ sender: 'services.OrderService.orderPaid', func: 'services.OrderService.onPaid', asyncType: 'yes', enable: 2 }),
    'services/Broken/service.py': 'def (((\n"""unterminated',
  });
  try {
    const byFile = new Map(problems(index, dir).map(([f, c]) => [f + ':' + c, true]));
    assert.ok(byFile.has('events/Bin/e.json:json-syntax'));
    assert.ok(byFile.has('events/Empty/e.json:json-syntax') || byFile.has('events/Empty/e.json:root-not-object'));
    assert.ok(byFile.has('events/Arr/e.json:root-not-object'));
    assert.ok(byFile.has('events/Half/e.json:json-syntax'));
    assert.ok(byFile.has('events/Types/e.json:wrong-json-type'));
    const bin = index.diagnosticsOf(path.join(dir, 'events/Bin/e.json'))[0];
    assert.match(bin.message, /binary/);
  } finally { cleanup(); }
});

test('fullNames follow folders; nested elements; no app.json → the folder is the app', async () => {
  const { index, dir, cleanup } = await indexOf({
    'services/group/Svc/e.json': { title: 'S', type: 'services.NormalType', backendBundleEntry: '.', eventDescs: [{ name: 'done', title: 'Done' }] },
    'services/group/Svc/service.py': 'from services.NormalType import NormalService\nclass Svc(NormalService):\n    def run(self):\n        app.event.publish(sender="services.group.Svc.done")\n',
    'services/group/Svc/__init__.py': 'from .service import Svc\n',
    'events/E/e.json': ev({ sender: 'services.group.Svc.done', funcType: 'Inner' }),
    'events/E/inner.py': 'def customFunc(*args, **kwargs):\n    pass\n',
    'events/E/__init__.py': 'from .inner import customFunc\n',
  });
  try {
    assert.deepEqual(problems(index, dir), []);
    const el = index.elementAt(path.join(dir, 'services/group/Svc/e.json'));
    assert.equal(el?.fullName, 'services.group.Svc');
    assert.equal(index.allApps()[0].implicit, true);
  } finally { cleanup(); }
});

test('several apps in one folder resolve senders within their own app', async () => {
  const files: Record<string, string | object> = {};
  for (const [k, v] of Object.entries(BASE_APP)) { files[`appA/${k}`] = v; }
  files['appB/app.json'] = { appId: 'acme.B' };
  files['appB/events/X/e.json'] = ev({ sender: 'services.OrderService.orderPaid', funcType: 'Inner' });
  files['appB/events/X/inner.py'] = 'def customFunc(*a, **k): pass\n';
  files['appB/events/X/__init__.py'] = 'from .inner import customFunc\n';
  const { index, dir, cleanup } = await indexOf(files);
  try {
    assert.deepEqual(problems(index, dir), [['appB/events/X/e.json', 'sender-service-not-found', 5]]);
  } finally { cleanup(); }
});

test('model event rules: sender kind, operate, fields', async () => {
  const { index, dir, cleanup } = await indexOf({
    ...BASE_APP,
    'events/M/e.json': JSON.stringify({ title: 'M', type: 'events.ModelType', backendBundleEntry: '.', sender: 'models.OrderModel', operate: 'UpdateAftr', fields: ['amount', 'amout'], func: 'services.OrderService.onPaid' }, null, 2),
    'events/N/e.json': JSON.stringify({ title: 'N', type: 'events.ModelType', backendBundleEntry: '.', sender: 'services.OrderService', operate: 'AddAfter', func: 'services.OrderService.onPaid' }, null, 2),
  });
  try {
    assert.deepEqual(problems(index, dir).map(([f, c]) => [f, c]), [
      ['events/M/e.json', 'invalid-value'],
      ['events/M/e.json', 'unknown-model-field'],
      ['events/N/e.json', 'wrong-element-kind'],
    ]);
    const d = index.diagnosticsOf(path.join(dir, 'events/M/e.json')).find((x) => x.code === 'invalid-value')!;
    assert.match(d.message, /Did you mean "UpdateAfter"/);
  } finally { cleanup(); }
});

test('Python publish: undeclared event at the literal, args not a tuple', async () => {
  const { index, dir, cleanup } = await indexOf({
    ...BASE_APP,
    'services/OrderService/extra.py': [
      'def later():',
      '    app.event.publish(',
      '        sender="services.OrderService.orderShipped",',
      '        args=("x"))',
      '',
    ].join('\n'),
  });
  try {
    const list = index.diagnosticsOf(path.join(dir, 'services/OrderService/extra.py'));
    assert.deepEqual(list.map((d) => [d.code, d.range.start.line + 1]), [['unknown-event', 3], ['publish-args-not-tuple', 4]]);
    assert.equal(list[0].range.start.character, '        sender="services.OrderService.'.length);
    assert.equal(list[1].fix?.newText, '("x",)');
  } finally { cleanup(); }
});

test('Chinese messages when the locale is zh-cn', async () => {
  const { index, dir, cleanup } = await indexOf({ ...BASE_APP, 'events/T/e.json': ev({ sender: 'services.OrderService.orderPayed', func: 'services.OrderService.onPaid' }) }, { locale: 'zh-cn' });
  try {
    const [d] = index.diagnosticsOf(path.join(dir, 'events/T/e.json'));
    assert.match(d.message, /没有声明事件 "orderPayed"/);
    assert.match(d.message, /是否想写 "orderPaid"/);
  } finally { cleanup(); }
});
