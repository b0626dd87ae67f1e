/** The one run-report renderer (shared/src/runReport.ts): output-channel lines, CLI colours and locale, notification summaries. */
import test from 'node:test';
import assert from 'node:assert/strict';
import type { HandlerInfo } from '../../../shared/src/protocol/types';
import type { RunResult } from '../../../shared/src/runner';
import { loadBundle } from '../../../shared/src/l10n';
import { formatRunHeader, formatRunOutcome, formatRunReport, runLabel, summarizeRun } from '../../../shared/src/runReport';
import { ansiPaint } from '../../../server/src/cli/output';

const base: RunResult = {
  status: 'ok', stdout: '', stderr: '', published: [], standIns: [], durationMs: 84.4, pythonPath: '/usr/bin/python3', pythonVersion: '3.11.2',
};
const label = { fullName: 'events.ArchiveStatistics', handler: 'Inner → inner.py customFunc', appRoot: '/work/crm' };
const payload = { args: [{ processedCount: 100 }], kwargs: {} };

test('an ok run: payload, interpreter, stand-ins, output, return value, published events with clickable path:line', () => {
  const lines = formatRunReport(label, payload, {
    ...base, stdout: 'archived 100\n', returnValue: { archived: 100 }, returnRepr: "{'archived': 100}",
    standIns: ['app', 'datatypes.Meta'],
    published: [{ sender: 'services.StatsSvc.archived', args: [1], kwargs: { at: 'now' }, file: '/work/crm/events/ArchiveStatistics/inner.py', line: 7 }],
  });
  assert.deepEqual(lines, [
    '▶ events.ArchiveStatistics  (Inner → inner.py customFunc)',
    '  App: /work/crm',
    '  Payload: args=[{"processedCount":100}] kwargs={}',
    '  Python: /usr/bin/python3 (3.11.2)',
    '  Stand-ins (the JitAi runtime is not importable here): app, datatypes.Meta',
    '── stdout ──',
    'archived 100',
    "Return value: {'archived': 100}",
    'Published events (1):',
    '  services.StatsSvc.archived  args=[1] kwargs={"at":"now"}  at /work/crm/events/ArchiveStatistics/inner.py:7',
    '✔ events.ArchiveStatistics finished in 84 ms',
  ]);
});

test('an exception: type, message and every user frame as path:line; no return value', () => {
  const lines = formatRunReport(label, payload, {
    ...base, status: 'error', stderr: 'warning: x\n',
    error: { type: 'KeyError', message: "'processedCount'", traceback: 'Traceback…', frames: [
      { file: '/work/crm/events/ArchiveStatistics/inner.py', line: 4, name: 'customFunc' },
      { file: '/work/crm/services/StatsSvc/service.py', line: 12, name: 'archive' },
    ] },
  });
  assert.ok(!lines.some((l) => l.startsWith('Return value')));
  assert.ok(lines.includes('── stderr ──'));
  const i = lines.indexOf("KeyError: 'processedCount'");
  assert.ok(i > 0, lines.join('\n'));
  assert.deepEqual(lines.slice(i + 1, i + 3), [
    '  at /work/crm/events/ArchiveStatistics/inner.py:4  customFunc',
    '  at /work/crm/services/StatsSvc/service.py:12  archive',
  ]);
  assert.equal(lines.at(-1), '✖ events.ArchiveStatistics raised an exception in 84 ms');
});

test('summaries for each outcome', () => {
  assert.equal(summarizeRun('events.A', { ...base, returnRepr: 'None' }), 'events.A returned None in 84 ms.');
  assert.equal(summarizeRun('events.A', { ...base, returnRepr: '42', standIns: ['app'],
    published: [{ sender: 's.e', args: [], kwargs: {} }, { sender: 's.f', args: [], kwargs: {} }] }),
  'events.A returned 42 in 84 ms. Published 2 events. (JitAi stand-ins used)');
  assert.equal(summarizeRun('events.A', { ...base, status: 'error', error: { type: 'ValueError', message: 'bad', traceback: '', frames: [] } }),
    'events.A raised ValueError: bad');
  assert.equal(summarizeRun('events.A', { ...base, status: 'timeout', durationMs: 30_012 }), 'events.A timed out after 30 s and was stopped.');
  assert.equal(summarizeRun('events.A', { ...base, status: 'cancelled' }), 'events.A was cancelled.');
  assert.equal(summarizeRun('events.A', { ...base, status: 'crashed', stderr: 'Fatal\nSegmentation fault\n' }),
    'The Python process running events.A crashed: Segmentation fault');
  assert.match(summarizeRun('events.A', { ...base, returnRepr: 'x'.repeat(200) }), /^events\.A returned x{59}… in 84 ms\.$/);
});

test('streamed runs: the header comes first, the outcome leaves out the output already shown live', () => {
  const header = formatRunHeader(label, payload, { path: '/usr/bin/python3', version: '3.11.2' });
  assert.deepEqual(header, [
    '▶ events.ArchiveStatistics  (Inner → inner.py customFunc)',
    '  App: /work/crm',
    '  Payload: args=[{"processedCount":100}] kwargs={}',
    '  Python: /usr/bin/python3 (3.11.2)',
  ]);
  const outcome = formatRunOutcome(label, { ...base, stdout: 'archived 100\n', stderr: 'warn\n', returnRepr: '1' }, undefined, { includeOutput: false });
  assert.deepEqual(outcome, ['Return value: 1', 'Published events: none', '✔ events.ArchiveStatistics finished in 84 ms']);
});

test('a JSON return value without repr, unicode kwargs, stand-ins and a published event with its file:line', () => {
  const lines = formatRunReport(label, { args: [], kwargs: {} }, {
    ...base, stdout: 'hello\n', returnValue: { archived: 5 },
    published: [{ sender: 'services.S.done', args: [{ n: 1 }], kwargs: { k: '中' }, file: '/app/events/E/inner.py', line: 12 }],
    standIns: ['app.event.publish', 'datatypes.Meta'],
  });
  assert.deepEqual(lines.slice(3), [
    '  Python: /usr/bin/python3 (3.11.2)',
    '  Stand-ins (the JitAi runtime is not importable here): app.event.publish, datatypes.Meta',
    '── stdout ──',
    'hello',
    'Return value: {"archived":5}',
    'Published events (1):',
    '  services.S.done  args=[{"n":1}] kwargs={"k":"中"}  at /app/events/E/inner.py:12',
    '✔ events.ArchiveStatistics finished in 84 ms',
  ]);
});

test('an exception without user frames shows the Python traceback instead', () => {
  const lines = formatRunOutcome(label, {
    ...base, status: 'crashed',
    error: { type: 'HarnessCrashed', message: 'Python exited with code 1 before reporting a result', traceback: 'Fatal Python error\n', frames: [] },
  });
  assert.deepEqual(lines.slice(-4), [
    'HarnessCrashed: Python exited with code 1 before reporting a result',
    '── Traceback ──',
    'Fatal Python error',
    '✖ events.ArchiveStatistics crashed in 84 ms',
  ]);
});

test('Chinese labels (the zh-cn bundle) and ANSI colour on request, as `jitai-events run --locale zh-cn --color` prints', () => {
  const lines = formatRunReport(label, payload, { ...base, status: 'timeout', durationMs: 42 }, loadBundle('zh-cn'), { paint: ansiPaint(true) });
  assert.equal(lines[0], '\x1b[1m▶ events.ArchiveStatistics  (Inner → inner.py customFunc)\x1b[0m');
  assert.equal(lines[1], '  应用: /work/crm');
  assert.ok(lines.includes('发布的事件：无'), lines.join('\n'));
  assert.equal(lines.at(-1), '\x1b[33m⏱ events.ArchiveStatistics 超时 （耗时 42 ms）\x1b[0m');
  const plain = formatRunReport(label, payload, { ...base, status: 'timeout' }, loadBundle('zh-cn'), { paint: ansiPaint(false) });
  assert.doesNotMatch(plain.join('\n'), /\x1b\[/, 'no ANSI codes with colour off');
});

test('runLabel: what runs for Inner and Global handlers', () => {
  const info: HandlerInfo = { appRootUri: 'file:///work/crm', fullName: 'events.A', type: 'events.NormalType', kind: 'custom', funcType: 'Inner', functionName: 'customFunc', payloads: [] };
  assert.deepEqual(runLabel(info), { fullName: 'events.A', handler: 'Inner → inner.py customFunc', appRoot: '/work/crm' });
  assert.equal(runLabel({ ...info, funcType: 'Global', serviceFullName: 'services.S', functionName: 'go' }).handler, 'Global → services.S.go');
});
