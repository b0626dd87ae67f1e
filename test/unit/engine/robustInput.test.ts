/**
 * The engine under hostile input: only regular files are read (FIFOs, devices and symbolic links
 * never, in the first index and on change events alike), folders named like files, unreadable
 * folders reported, CRLF-only files, problems capped per code, large Python files noted once,
 * cursor features on 100k-deep documents, and "did you mean" hints that follow renames.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createEngine, nodeFileHost, type FileHost } from '../../../server/src/engine';
import { BASE_APP, indexOf, problems } from '../../helpers/engineWorkspace';

const SUB = (sender: string) => ({ title: 'S', type: 'events.NormalType', sender, funcType: 'Inner', backendBundleEntry: '.' });
const INNER = 'def customFunc(*args, **kwargs):\n    pass\n';

test('a FIFO named e.json and /dev/zero are never read: no record, a clear error, no hang', async () => {
  const { engine, dir, cleanup } = await indexOf(BASE_APP);
  try {
    const fifo = path.join(dir, 'events/Fifo/e.json');
    fs.mkdirSync(path.dirname(fifo));
    execFileSync('mkfifo', [fifo]);
    assert.deepEqual(engine.applyChanges([fifo]), []);
    assert.equal(engine.index.elementAt(fifo), undefined);
    assert.deepEqual(engine.read(fifo), { error: 'unreadable', detail: 'not a regular file' });
    assert.deepEqual(engine.read('/dev/zero'), { error: 'unreadable', detail: 'not a regular file' });
    const fresh = createEngine();
    fresh.setFolders([dir]);
    await fresh.indexAll();
    assert.equal(fresh.index.elementAt(fifo), undefined);
  } finally { cleanup(); }
});

test('symbolic links are not followed: not by the first index, not by a change event (ln -s .. events/loop)', async () => {
  const { engine, dir, cleanup } = await indexOf(BASE_APP);
  try {
    const before = engine.stats().elements;
    const loop = path.join(dir, 'events/loop');
    fs.symlinkSync('..', loop);
    const linkedJson = path.join(dir, 'events/Linked/e.json');
    fs.mkdirSync(path.dirname(linkedJson));
    fs.symlinkSync(path.join(dir, 'events/NotifyPaid/e.json'), linkedJson);
    engine.applyChanges([loop, path.dirname(linkedJson), linkedJson]);
    assert.equal(engine.stats().elements, before);
    assert.equal(engine.index.elementAt(linkedJson), undefined);
    const fresh = createEngine();
    fresh.setFolders([dir]);
    await fresh.indexAll();
    assert.equal(fresh.stats().elements, before);
  } finally { cleanup(); }
});

test('a folder named like a Python file (Weird.py/) arriving by change event is indexed like the first index does', async () => {
  const { engine, dir, cleanup } = await indexOf(BASE_APP);
  try {
    const weird = path.join(dir, 'events/Weird.py');
    fs.mkdirSync(weird);
    fs.writeFileSync(path.join(weird, 'e.json'), JSON.stringify(SUB('services.OrderService.orderPayd')));
    fs.writeFileSync(path.join(weird, 'inner.py'), INNER);
    fs.writeFileSync(path.join(weird, '__init__.py'), 'from .inner import customFunc\n');
    engine.applyChanges([weird]);
    assert.deepEqual(problems(engine.index, dir).filter(([f]) => f.startsWith('events/Weird.py')), [['events/Weird.py/e.json', 'unknown-event', 1]]);
    fs.rmSync(weird, { recursive: true });
    engine.applyChanges([weird]);
    assert.deepEqual(problems(engine.index, dir), []);
  } finally { cleanup(); }
});

test('folders that cannot be listed are reported by path and reason', async () => {
  const { dir, cleanup } = await indexOf(BASE_APP);
  try {
    const locked = path.join(dir, 'events');
    const host: FileHost = {
      ...nodeFileHost,
      list: (root, exclude, onUnreadable) => {
        onUnreadable?.(locked, 'EACCES');
        return nodeFileHost.list(root, exclude).filter((p) => !p.startsWith(`${locked}/`));
      },
    };
    const engine = createEngine({ host });
    engine.setFolders([dir]);
    await engine.indexAll();
    assert.deepEqual([...engine.unreadable()], [[locked, 'EACCES']]);
  } finally { cleanup(); }
});

test('an e.json of only \\r\\n gets a range that does not end between \\r and \\n', async () => {
  const { engine, dir, cleanup } = await indexOf({ ...BASE_APP, 'events/Crlf/e.json': '\r\n' });
  try {
    const [d] = engine.diagnosticsOf(path.join(dir, 'events/Crlf/e.json'));
    assert.equal(d.code, 'root-not-object');
    assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  } finally { cleanup(); }
});

test('problems are capped at 100 per code and file, plus one "N more" note (en and zh)', async () => {
  const calls = Array.from({ length: 150 }, (_, i) => `        app.event.publish(sender="services.OrderService.gone${i % 3}", args=(1,))`);
  const py = ['class OrderService(NormalService):', '    def pay(self):', ...calls, ''].join('\n');
  for (const locale of ['en', 'zh-cn']) {
    const { engine, dir, cleanup } = await indexOf({ ...BASE_APP, 'services/OrderService/service.py': py }, { locale });
    try {
      const list = engine.diagnosticsOf(path.join(dir, 'services/OrderService/service.py'));
      assert.equal(list.filter((d) => d.code === 'unknown-event').length, 100);
      const more = list.filter((d) => d.code === 'more-problems');
      assert.equal(more.length, 1);
      assert.equal(more[0].severity, 3);
      assert.equal(more[0].range.start.line, 102, 'at the first problem left out (the 101st call, line 103)');
      assert.equal(more[0].message, locale === 'en'
        ? '50 more problems of this kind (unknown-event) in this file are not listed; fix the ones above first.'
        : '此文件中还有 50 个同类问题（unknown-event）未列出；请先修复上面列出的问题。');
    } finally { cleanup(); }
  }
});

test('a Python file over 1 MB is not scanned and says so once; completion and hover on 100k-deep text answer at once', async () => {
  const big = `x = 1\n${'app.event.publish(sender="services.Nope.gone", args=(1,))\n'.repeat(20000)}`;
  const { engine, dir, cleanup } = await indexOf({ ...BASE_APP, 'services/OrderService/big.py': big });
  try {
    const list = engine.diagnosticsOf(path.join(dir, 'services/OrderService/big.py'));
    assert.deepEqual(list.map((d) => [d.code, d.severity, d.range.start.line]), [['file-not-scanned', 3, 0]]);
    assert.match(list[0].message, new RegExp(`^This file is ${Buffer.byteLength(big)} bytes \\(over 1048576\\)`));
    const deep = `{"sender": ${'['.repeat(100000)}`;
    const e = path.join(dir, 'events/NotifyPaid/e.json');
    assert.equal(engine.complete(e, deep, 20), null);
    assert.equal(engine.hover(e, deep, 20), undefined);
    assert.deepEqual(engine.definition(e, deep, 20), []);
    const deepPy = `x = ${'('.repeat(100000)}`;
    assert.equal(engine.complete(path.join(dir, 'events/ArchivePaid/inner.py'), deepPy, 10), null);
  } finally { cleanup(); }
});

/** The sender's problem among the element's diagnostics (others, e.g. a missing __init__.py, may come first). */
const senderProblem = (list: { code: string; message: string; fix?: { newText: string } }[]) => list.find((d) => d.code.startsWith('sender-') || d.code === 'unknown-event')!;

test('did-you-mean follows the suggested service: renaming its event updates the hint and the quick fix', async () => {
  const { engine, dir, cleanup } = await indexOf({ ...BASE_APP, 'events/Typo/e.json': SUB('services.OrderServise.orderPaid'), 'events/Typo/inner.py': INNER });
  try {
    const typo = path.join(dir, 'events/Typo/e.json');
    assert.equal(senderProblem(engine.diagnosticsOf(typo)).fix?.newText, 'services.OrderService.orderPaid');
    const svc = path.join(dir, 'services/OrderService/e.json');
    fs.writeFileSync(svc, fs.readFileSync(svc, 'utf8').replace('"orderPaid"', '"orderSettled"'));
    const changed = engine.applyChanges([svc]);
    assert.ok(changed.includes(typo), changed.join(', '));
    assert.equal(senderProblem(engine.diagnosticsOf(typo)).fix?.newText, undefined, 'no event of OrderService is close to orderPaid any more');
    assert.doesNotMatch(senderProblem(engine.diagnosticsOf(typo)).message, /Did you mean/);
  } finally { cleanup(); }
});

test('a service added or removed re-checks only subscribers whose missing name is close to it', async () => {
  const files: Record<string, string | object> = { ...BASE_APP };
  for (let i = 0; i < 40; i++) {
    files[`events/Far${i}/e.json`] = SUB(`services.Unrelated${i}Thing.evt`);
    files[`events/Far${i}/inner.py`] = INNER;
  }
  files['events/Near/e.json'] = SUB('services.PaymentServise.done');
  files['events/Near/inner.py'] = INNER;
  const { engine, dir, cleanup } = await indexOf(files);
  try {
    const svc = path.join(dir, 'services/PaymentService');
    fs.mkdirSync(svc);
    fs.writeFileSync(path.join(svc, 'e.json'), JSON.stringify({ title: 'P', type: 'services.NormalType', eventDescs: [{ name: 'done' }] }));
    engine.applyRecords([svc]);
    assert.equal(engine.pendingChecks, 2, 'the new e.json and the one subscriber whose name is close');
    engine.checkPending();
    assert.equal(senderProblem(engine.diagnosticsOf(path.join(dir, 'events/Near/e.json'))).fix?.newText, 'services.PaymentService.done');
    fs.rmSync(svc, { recursive: true });
    engine.applyRecords([svc]);
    assert.equal(engine.pendingChecks, 2);
    engine.checkPending();
    assert.equal(senderProblem(engine.diagnosticsOf(path.join(dir, 'events/Near/e.json'))).fix, undefined);
  } finally { cleanup(); }
});
