// The runner end to end with the test Python (statuses, output, published events, errors, crashes) and its harness request.
import test from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { harnessRequest, runHandler } from '../../../shared/src/runner';
import { pathToUri } from '../../../shared/src/protocol/uris';
import { APP, globalHandler, innerHandler, testPython } from './fixtureHandlers';

const TIMEOUT = 30_000;

test('Inner handler: stdout, stderr and return value are captured separately', async () => {
  const r = await runHandler({
    handler: innerHandler('ArchiveStatistics'), args: [{ processedCount: 5 }], kwargs: { batchSize: 3 },
    pythonPath: await testPython(), timeoutMs: TIMEOUT,
  });
  assert.equal(r.status, 'ok', r.stderr);
  assert.equal(r.stdout, 'processed 5 customers\n');
  assert.equal(r.stderr, 'warning: archive is a dry run\n');
  assert.deepEqual(r.returnValue, { archived: 5, batch: 3 });
  assert.equal(r.returnRepr, "{'archived': 5, 'batch': 3}");
  assert.match(r.pythonVersion ?? '', /^3\.\d+\.\d+$/);
  assert.ok(r.durationMs > 0);
});

test('Inner handler: events published with app.event.publish are recorded with args, kwargs and file:line', async () => {
  const r = await runHandler({
    handler: innerHandler('ArchiveStatistics'), args: [{ processedCount: 4 }], kwargs: {},
    pythonPath: await testPython(), timeoutMs: TIMEOUT,
  });
  assert.equal(r.status, 'ok', r.stderr);
  assert.deepEqual(r.published, [{
    sender: 'services.CustomerBatchService.summaryReady',
    args: [{ total: 8 }],
    kwargs: { source: 'archive' },
    file: join(APP, 'events', 'ArchiveStatistics', 'inner.py'),
    line: 12,
  }]);
  assert.deepEqual(r.standIns, ['app.event.publish']);
});

test('Global handler: the service method runs on an instance of the service class', async () => {
  const r = await runHandler({
    handler: globalHandler('NotifyOnProcessed', 'services.CustomerBatchService', 'onProcessed'),
    args: [{ processedCount: 7 }], kwargs: { batchSize: 2 }, pythonPath: await testPython(), timeoutMs: TIMEOUT,
  });
  assert.equal(r.status, 'ok', r.stderr);
  assert.deepEqual(r.returnValue, { handledBy: 'CustomerBatchService', count: 7, title: 'Customer batch service' });
  assert.equal(r.stdout, 'service services.CustomerBatchService got 7 batch 2\n');
  assert.equal(r.stderr, '[log.INFO] onProcessed called\n');
  // service.py imports datatypes.Meta, services.NormalType and the logger: all emulated here.
  assert.deepEqual(r.standIns, ['datatypes.Meta', 'services.NormalType', 'jit.commons.utils.logger']);
});

test('a handler that raises: status error, traceback frames point at the inner.py lines', async () => {
  const r = await runHandler({
    handler: innerHandler('FailingHandler'), args: [{}], kwargs: {}, pythonPath: await testPython(), timeoutMs: TIMEOUT,
  });
  assert.equal(r.status, 'error');
  assert.equal(r.error?.type, 'ValueError');
  assert.equal(r.error?.message, 'orderId is required');
  const file = join(APP, 'events', 'FailingHandler', 'inner.py');
  assert.deepEqual(r.error?.frames, [
    { file, line: 8, name: 'customFunc' },
    { file, line: 3, name: 'check' },
  ]);
  assert.match(r.error?.traceback ?? '', /^Traceback \(most recent call last\):\n {2}File ".*FailingHandler\/inner\.py", line 8/);
  assert.doesNotMatch(r.error?.traceback ?? '', /jitai_run\.py/, 'harness frames are not shown');
  assert.equal(r.returnValue, undefined);
});

test('a syntax error in inner.py is reported with its file and line', async () => {
  const r = await runHandler({
    handler: innerHandler('BrokenSyntax'), args: [], kwargs: {}, pythonPath: await testPython(), timeoutMs: TIMEOUT,
  });
  assert.equal(r.status, 'error');
  assert.equal(r.error?.type, 'SyntaxError');
  const last = r.error?.frames.at(-1);
  assert.equal(last?.file, join(APP, 'events', 'BrokenSyntax', 'inner.py'));
  assert.ok(last && last.line >= 2 && last.line <= 3, `line ${last?.line}`);
});

test('app.getElement, app.services sugar, models, Q and Code stand-ins; nested publish from a service', async () => {
  const r = await runHandler({
    handler: innerHandler('ServiceLookup'), args: [], kwargs: { batchSize: 9 }, pythonPath: await testPython(), timeoutMs: TIMEOUT,
  });
  assert.equal(r.status, 'ok', r.error?.traceback);
  assert.deepEqual(r.returnValue, {
    same: true, result: { processed: 100 }, model: 'CustomerModel',
    filter: "Q('status', '=', 'active')", code: 'code=1 reason=x',
  });
  assert.equal(r.published.length, 1);
  assert.equal(r.published[0]!.sender, 'services.CustomerBatchService.dataProcessed');
  assert.deepEqual(r.published[0]!.kwargs, { batchSize: 9 });
  assert.equal(r.published[0]!.file, join(APP, 'services', 'CustomerBatchService', 'service.py'));
  assert.equal(r.published[0]!.line, 9);
  assert.deepEqual([...r.standIns].sort(), [
    'Q', 'app.event.publish', 'app.getElement', 'app.services', 'datatypes.Meta', 'jit.commons.utils.logger',
    'jit.errcode', 'models.NormalType', 'services.NormalType',
  ]);
});

test('model event: the payload behaves like JitDict/RowData (.value, attribute access); model queries fail clearly', async () => {
  const r = await runHandler({
    handler: innerHandler('CustomerAudit', 'model'),
    args: [{ model: 'models.CustomerModel', prevData: { name: 'A', status: 'new' }, postData: { name: 'A', status: 'active' } }],
    kwargs: {}, pythonPath: await testPython(), timeoutMs: TIMEOUT,
  });
  assert.equal(r.status, 'ok', r.error?.traceback);
  assert.deepEqual(r.returnValue, { model: 'models.CustomerModel', changed: ['status'] });
  assert.match(r.stdout, /^status new -> active\n/);
  assert.match(r.stdout, /query: CustomerModel\.query\(\) is not available outside a JitAi node/);
  assert.ok(r.standIns.includes('JitDict (event data)'));
});

test('a handler printing protocol-looking text (and writing to fds 1-5) does not disturb the result', async () => {
  const r = await runHandler({
    handler: innerHandler('MarkerPrinter'), args: [], kwargs: {}, pythonPath: await testPython(), timeoutMs: TIMEOUT,
  });
  assert.equal(r.status, 'ok', r.stderr);
  assert.equal(r.returnValue, 'real');
  const fake = '{"status": "ok", "returnValue": "FAKE", "published": [], "standIns": []}';
  assert.equal(r.stdout, `__JITAI_RUN_RESULT__\n${fake}\n${fake}\nfd 3 closed\nfd 4 closed\nfd 5 closed\n`);
  assert.equal(r.stderr, `${fake}\n`);
});

test('the file result channel (used on Windows) gives the same result', async () => {
  const r = await runHandler({
    handler: innerHandler('MarkerPrinter'), args: [], kwargs: {}, pythonPath: await testPython(), timeoutMs: TIMEOUT,
  }, { resultChannel: 'file' });
  assert.equal(r.status, 'ok', r.stderr);
  assert.equal(r.returnValue, 'real');
  assert.match(r.stdout, /^__JITAI_RUN_RESULT__\n/);
});

test('unicode payload (中文) round-trips through stdin, stdout and the return value', async () => {
  const r = await runHandler({
    handler: innerHandler('UnicodeEcho'), args: [{ 客户: '张三' }], kwargs: { 备注: '你好，世界' },
    pythonPath: await testPython(), timeoutMs: TIMEOUT, env: { ...process.env, LANG: 'C', LC_ALL: 'C' },
  });
  assert.equal(r.status, 'ok', r.stderr);
  assert.equal(r.stdout, '收到: 张三 你好，世界\n');
  assert.deepEqual(r.returnValue, { 回显: { 客户: '张三' }, 备注: '你好，世界', emoji: '🎉' });
});

test('the harness dying without a result (os._exit) is reported as crashed with its stderr', async () => {
  const r = await runHandler({
    handler: innerHandler('HardExit'), args: [], kwargs: {}, pythonPath: await testPython(), timeoutMs: TIMEOUT,
  });
  assert.equal(r.status, 'crashed');
  assert.equal(r.stderr, 'about to exit hard\n');
  assert.equal(r.error?.type, 'HarnessCrashed');
  assert.match(r.error?.message ?? '', /exited with code 3/);
});

test('a missing inner.py is an error naming the module, not a crash', async () => {
  const handler = innerHandler('NotifyOnProcessed'); // a Global event: it has no inner.py
  const r = await runHandler({ handler, args: [], kwargs: {}, pythonPath: await testPython(), timeoutMs: TIMEOUT });
  assert.equal(r.status, 'error');
  assert.equal(r.error?.type, 'ModuleNotFoundError');
  assert.match(r.error?.message ?? '', /events\.NotifyOnProcessed\.inner/);
});

test('a python path that does not exist ends as crashed with a clear message', async () => {
  const r = await runHandler({
    handler: innerHandler('ArchiveStatistics'), args: [], kwargs: {}, pythonPath: '/nonexistent/python3', timeoutMs: TIMEOUT,
  });
  assert.equal(r.status, 'crashed');
  assert.equal(r.error?.type, 'PythonNotStarted');
  assert.match(r.error?.message ?? '', /ENOENT/);
});

test('an app folder that does not exist is reported as such (not as a missing Python)', async () => {
  const handler = { ...innerHandler('ArchiveStatistics'), appRootUri: pathToUri(join(APP, 'no-such-app')) };
  const r = await runHandler({ handler, args: [], kwargs: {}, pythonPath: await testPython(), timeoutMs: TIMEOUT });
  assert.equal(r.status, 'crashed');
  assert.equal(r.error?.type, 'AppRootNotFound');
  assert.match(r.error?.message ?? '', /App folder not found: .*no-such-app/);
});

test('a payload that does not fit the signature: TypeError pointing at the handler definition', async () => {
  const r = await runHandler({
    handler: innerHandler('CustomerAudit', 'model'), args: [], kwargs: {}, pythonPath: await testPython(), timeoutMs: TIMEOUT,
  });
  assert.equal(r.status, 'error');
  assert.equal(r.error?.type, 'TypeError');
  assert.match(r.error?.message ?? '', /missing 1 required positional argument: 'eventOutData'/);
  assert.deepEqual(r.error?.frames, [{ file: join(APP, 'events', 'CustomerAudit', 'inner.py'), line: 1, name: 'customFunc' }]);
});

test('an empty python path is a clear "not started" result, not an exception', async () => {
  const r = await runHandler({ handler: innerHandler('ArchiveStatistics'), args: [], kwargs: {}, pythonPath: '', timeoutMs: TIMEOUT });
  assert.equal(r.status, 'crashed');
  assert.equal(r.error?.type, 'PythonNotStarted');
});

test('the harness request carries paths: the wire HandlerInfo\'s URIs are converted at the runner\'s edge', () => {
  const req = harnessRequest({ handler: innerHandler('ArchiveStatistics'), args: [1], kwargs: { k: 'v' }, pythonPath: 'python3', timeoutMs: 0 }, 'tok');
  assert.equal(req.appRoot, APP);
  assert.equal(req.modulePath, join(APP, 'events', 'ArchiveStatistics', 'inner.py'));
  assert.deepEqual({ token: req.token, fullName: req.fullName, funcType: req.funcType, args: req.args, kwargs: req.kwargs },
    { token: 'tok', fullName: 'events.ArchiveStatistics', funcType: 'Inner', args: [1], kwargs: { k: 'v' } });
});
