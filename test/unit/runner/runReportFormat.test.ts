import test from 'node:test';
import assert from 'node:assert/strict';
import { formatRunResult, runExitCode, runResultToJson } from '../../../server/src/cli/runCommand';
import { parseHarnessChannel, parseHarnessResult, type RunResult } from '../../../shared/src/runner';

const base: RunResult = {
  status: 'ok', stdout: 'hello\n', stderr: '', published: [], standIns: [], durationMs: 42,
  pythonPath: '/usr/bin/python3', pythonVersion: '3.11.7',
};

test('text report of a successful run: status, duration, stdout, return value, published events, stand-ins', () => {
  const text = formatRunResult({
    ...base,
    returnValue: { archived: 5 },
    published: [{ sender: 'services.S.done', args: [{ n: 1 }], kwargs: { k: '中' }, file: '/app/events/E/inner.py', line: 12 }],
    standIns: ['app.event.publish', 'datatypes.Meta'],
  }, { color: false, cwd: '/app' });
  assert.equal(text, [
    'ok: OK · 42 ms · Python 3.11.7 (/usr/bin/python3)',
    '── stdout ──',
    'hello',
    'Return value: {"archived":5}',
    'Published events (1):',
    '  services.S.done  args=[{"n":1}] kwargs={"k":"中"}',
    '    at events/E/inner.py:12',
    'Stand-ins used (JitAi runtime emulated locally): app.event.publish, datatypes.Meta',
    '',
  ].join('\n'));
});

test('text report of an exception: innermost frame first as clickable file:line, then the Python traceback', () => {
  const text = formatRunResult({
    ...base, status: 'error', stdout: '',
    error: {
      type: 'ValueError', message: 'orderId is required',
      traceback: 'Traceback (most recent call last):\n  File "/app/events/F/inner.py", line 8, in customFunc\nValueError: orderId is required\n',
      frames: [{ file: '/app/events/F/inner.py', line: 8, name: 'customFunc' }, { file: '/app/events/F/inner.py', line: 3, name: 'check' }],
    },
  }, { color: false, cwd: '/app' });
  const lines = text.split('\n');
  assert.equal(lines[0], 'error: handler raised an exception · 42 ms · Python 3.11.7 (/usr/bin/python3)');
  assert.ok(lines.includes('Error: ValueError: orderId is required'));
  const at = lines.filter((l) => l.startsWith('  at '));
  assert.deepEqual(at, ['  at events/F/inner.py:3 (check)', '  at events/F/inner.py:8 (customFunc)']);
  assert.ok(lines.includes('Python traceback:'));
  assert.ok(!text.includes('Return value'));
});

test('Chinese labels and ANSI colour on request', () => {
  const text = formatRunResult({ ...base, status: 'timeout', stdout: '' }, { color: true, locale: 'zh-cn' });
  assert.match(text, /^\x1b\[31mtimeout: 超时，已终止整个进程树\x1b\[0m/);
  assert.match(text, /使用的替身：无/);
});

test('JSON report is the RunResult as a plain object; exit codes: ok 0, raised 1, otherwise 2', () => {
  const r: RunResult = { ...base, returnValue: { 回显: '🎉' }, returnRepr: undefined };
  const json = runResultToJson(r);
  assert.deepEqual(JSON.parse(JSON.stringify(json, null, 2)), { ...base, returnValue: { 回显: '🎉' } });
  assert.ok(!('returnRepr' in json));
  assert.equal(runExitCode(r), 0);
  assert.equal(runExitCode({ ...r, status: 'error' }), 1);
  assert.equal(runExitCode({ ...r, status: 'timeout' }), 2);
  assert.equal(runExitCode({ ...r, status: 'crashed' }), 2);
});

test('harness results that are empty, not JSON, without status or with a wrong token are refused', () => {
  assert.deepEqual(parseHarnessResult(''), { ok: false, reason: 'the harness wrote no result' });
  assert.equal(parseHarnessResult('{oops').ok, false);
  assert.equal(parseHarnessResult('{"status": "maybe"}').ok, false);
  assert.deepEqual(parseHarnessResult('{"status": "ok", "token": "a"}', 'b'),
    { ok: false, reason: 'the result does not carry the run token' });
  const ok = parseHarnessResult('{"status": "ok", "token": "t", "returnValue": null, "published": [{"sender": "s", "args": [1]}, 5], "standIns": ["app", 3]}', 't');
  assert.deepEqual(ok, { ok: true, outcome: { status: 'ok', returnValue: null, published: [{ sender: 's', args: [1], kwargs: {} }], standIns: ['app'] } });
});

test('the result channel: streamed event lines with the right token, then the final result line', () => {
  const text = [
    '{"token": "t", "published": {"sender": "a.b.c", "args": [1], "kwargs": {}}}',
    '{"token": "other", "published": {"sender": "forged", "args": [], "kwargs": {}}}',
    '{"token": "t", "status": "ok", "returnValue": 2, "published": [{"sender": "a.b.c", "args": [1], "kwargs": {}}], "standIns": []}',
    '',
  ].join('\n');
  const channel = parseHarnessChannel(text, 't');
  assert.deepEqual(channel.streamed, [{ sender: 'a.b.c', args: [1], kwargs: {} }]);
  assert.ok(channel.result.ok && channel.result.outcome.returnValue === 2);
  const cut = parseHarnessChannel(text.split('\n')[0]!, 't');
  assert.equal(cut.streamed.length, 1);
  assert.deepEqual(cut.result, { ok: false, reason: 'the harness wrote no result' });
});
