import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BASE_APP, indexOf, problems } from '../../helpers/engineWorkspace';
import type { CheckedIndex } from '../../../server/src/engine';

/** The status counts kept up to date incrementally equal a full recount. */
function assertCountsMatch(index: CheckedIndex): void {
  let events = 0, subscribers = 0, errors = 0, warnings = 0;
  for (const el of index.allElements()) {
    events += el.json.eventDescs?.entries.length ?? 0;
    if (el.kind === 'event' || el.kind === 'task') subscribers++;
  }
  for (const list of index.allDiagnostics().values()) for (const d of list) { if (d.severity === 1) errors++; else if (d.severity === 2) warnings++; }
  const s = index.stats();
  assert.deepEqual({ events: s.events, subscribers: s.subscribers, errors: s.errors, warnings: s.warnings }, { events, subscribers, errors, warnings });
}

test('renaming an eventDesc on disk flags every subscriber; renaming back clears them; nothing else revalidated', async () => {
  const { index, dir, cleanup } = await indexOf({
    ...BASE_APP,
    'events/Other/e.json': { title: 'O', type: 'events.NormalType', sender: 'services.OrderService.orderCancelled', funcType: 'Inner', backendBundleEntry: '.' },
    'events/Other/inner.py': 'def customFunc(*a, **k): pass\n',
    'events/Other/__init__.py': 'from .inner import customFunc\n',
    'services/OrderService/cancel.py': 'app.event.publish(sender="services.OrderService.orderCancelled")\n',
  });
  try {
    const svcPath = path.join(dir, 'services/OrderService/e.json');
    const original = fs.readFileSync(svcPath, 'utf8');
    fs.writeFileSync(svcPath, original.replace('"orderPaid"', '"orderWasPaid"'));
    const changed = index.applyChanges([svcPath]).map((p) => p.slice(dir.length + 1)).sort();
    assert.deepEqual(changed, ['events/ArchivePaid/e.json', 'events/NotifyPaid/e.json', 'services/OrderService/service.py']);
    assert.deepEqual(problems(index, dir).map(([f, c]) => [f, c]), [
      ['events/ArchivePaid/e.json', 'unknown-event'],
      ['events/NotifyPaid/e.json', 'unknown-event'],
      ['services/OrderService/service.py', 'unknown-event'],
    ]);
    assertCountsMatch(index);
    assert.equal(index.stats().errors, 3);
    fs.writeFileSync(svcPath, original);
    const cleared = index.applyChanges([svcPath]).length;
    assert.equal(cleared, 3);
    assert.deepEqual(problems(index, dir), []);
  } finally { cleanup(); }
});

test('unsaved editor text (overlay) wins over disk, and closing falls back to disk', async () => {
  const { index, dir, cleanup } = await indexOf(BASE_APP);
  try {
    const p = path.join(dir, 'events/NotifyPaid/e.json');
    const disk = fs.readFileSync(p, 'utf8');
    const changed = index.setOverlay(p, disk.replace('orderPaid', 'orderPai'));
    assert.deepEqual(changed, [p]);
    assert.equal(index.diagnosticsOf(p)[0].code, 'unknown-event');
    index.setOverlay(p, undefined);
    assert.deepEqual(index.diagnosticsOf(p), []);
  } finally { cleanup(); }
});

test('deleting inner.py, then creating it again', async () => {
  const { index, dir, cleanup } = await indexOf(BASE_APP);
  try {
    const inner = path.join(dir, 'events/ArchivePaid/inner.py');
    const e = path.join(dir, 'events/ArchivePaid/e.json');
    fs.rmSync(inner);
    assert.deepEqual(index.applyChanges([inner]), [e]);
    assert.equal(index.diagnosticsOf(e)[0].code, 'inner-file-missing');
    fs.writeFileSync(inner, 'def handle():\n    pass\n');
    index.applyChanges([inner]);
    assert.equal(index.diagnosticsOf(e)[0].code, 'custom-func-missing');
    fs.writeFileSync(inner, 'def customFunc(*args, **kwargs):\n    pass\n');
    index.applyChanges([inner]);
    assert.deepEqual(index.diagnosticsOf(e), []);
  } finally { cleanup(); }
});

test('deleting a whole service folder (one event for the folder) flags subscribers; restoring clears', async () => {
  const { index, dir, cleanup } = await indexOf(BASE_APP);
  try {
    const svcDir = path.join(dir, 'services/OrderService');
    const backup = path.join(dir, '..', path.basename(dir) + '-bak');
    fs.cpSync(svcDir, backup, { recursive: true });
    fs.rmSync(svcDir, { recursive: true });
    index.applyChanges([svcDir]);
    assert.deepEqual(problems(index, dir).map(([f, c]) => [f, c]), [
      ['events/ArchivePaid/e.json', 'sender-service-not-found'],
      ['events/NotifyPaid/e.json', 'func-element-not-found'],
      ['events/NotifyPaid/e.json', 'sender-service-not-found'],
    ]);
    assertCountsMatch(index);
    assert.equal(index.stats().events, 0);
    fs.cpSync(backup, svcDir, { recursive: true });
    fs.rmSync(backup, { recursive: true });
    index.applyChanges([svcDir]);
    assert.deepEqual(problems(index, dir), []);
    assertCountsMatch(index);
    assert.equal(index.stats().events, 2);
  } finally { cleanup(); }
});

test('adding app.json above loose elements re-roots fullNames', async () => {
  const files: Record<string, string | object> = {};
  for (const [k, v] of Object.entries(BASE_APP)) if (k !== 'app.json') files[`myapp/${k}`] = v;
  const { index, dir, cleanup } = await indexOf(files);
  try {
    // Without app.json the workspace folder is the app: fullNames start with "myapp." and senders break.
    assert.ok(problems(index, dir).length > 0);
    fs.writeFileSync(path.join(dir, 'myapp/app.json'), '{"appId": "acme.My"}');
    index.applyChanges([path.join(dir, 'myapp/app.json')]);
    assert.deepEqual(problems(index, dir), []);
    assertCountsMatch(index);
    assert.equal(index.elementAt(path.join(dir, 'myapp/services/OrderService/e.json'))?.fullName, 'services.OrderService');
  } finally { cleanup(); }
});

test('excluded folders are not indexed', async () => {
  const { index, dir, cleanup } = await indexOf({ ...BASE_APP, 'node_modules/x/e.json': '{', 'dist/y/e.json': '{' });
  try {
    assert.deepEqual(problems(index, dir), []);
    index.setExclude(['events/Archive*']);
    await index.indexAll();
    assert.equal(index.elementAt(path.join(dir, 'events/ArchivePaid/e.json')), undefined);
  } finally { cleanup(); }
});

test('contract dependencies: a new subscriber clears the "published, nobody subscribes" hint; __init__.py and a clashing folder update their e.json', async () => {
  const { index, dir, cleanup } = await indexOf(BASE_APP);
  try {
    const svc = path.join(dir, 'services/OrderService/e.json');
    // orderCancelled is declared, not published, not subscribed: no hint. Publishing it makes it half wired.
    const extra = path.join(dir, 'services/OrderService/cancel.py');
    fs.writeFileSync(extra, 'app.event.publish(sender="services.OrderService.orderCancelled")\n');
    assert.deepEqual(index.applyChanges([extra]).map((p) => p.slice(dir.length + 1)), ['services/OrderService/e.json']);
    assert.deepEqual(index.diagnosticsOf(svc).map((d) => d.code), ['event-unused']);
    const sub = path.join(dir, 'events/OnCancel/e.json');
    fs.mkdirSync(path.dirname(sub));
    fs.writeFileSync(sub, JSON.stringify({ title: 'C', type: 'events.NormalType', sender: 'services.OrderService.orderCancelled', func: 'services.OrderService.onPaid', backendBundleEntry: '.' }));
    assert.ok(index.applyChanges([sub]).includes(svc));
    assert.deepEqual(index.diagnosticsOf(svc), []);

    const init = path.join(dir, 'events/ArchivePaid/__init__.py');
    const archive = path.join(dir, 'events/ArchivePaid/e.json');
    fs.rmSync(init);
    assert.ok(index.applyChanges([init]).includes(archive));
    assert.deepEqual(index.diagnosticsOf(archive).map((d) => d.code), ['missing-init-py']);
    fs.writeFileSync(init, 'from .inner import customFunc\n');
    index.applyChanges([init]);
    assert.deepEqual(index.diagnosticsOf(archive), []);

    const twin = path.join(dir, 'models/Ordermodel/e.json');
    const model = path.join(dir, 'models/OrderModel/e.json');
    fs.mkdirSync(path.dirname(twin));
    fs.writeFileSync(twin, JSON.stringify({ title: 'T', type: 'models.NormalType', backendBundleEntry: '.' }));
    assert.deepEqual(index.applyChanges([twin]).sort(), [model, twin].sort());
    assert.deepEqual(index.diagnosticsOf(model).map((d) => d.code), ['duplicate-full-name']);
    fs.rmSync(path.dirname(twin), { recursive: true });
    assert.deepEqual(index.applyChanges([path.dirname(twin)]).sort(), [model, twin].sort());
    assert.deepEqual(problems(index, dir), []);
    assertCountsMatch(index);
  } finally { cleanup(); }
});
