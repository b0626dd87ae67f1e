/** The harness's result channel (shared/src/runner/harnessResult.ts): what counts as the run's result, in English or localized. */
import test from 'node:test';
import assert from 'node:assert/strict';
import { parseHarnessChannel, parseHarnessResult } from '../../../shared/src/runner';
import { loadBundle } from '../../../shared/src/l10n';

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

test('the reasons are localized by the t passed in', () => {
  const zh = loadBundle('zh-cn');
  const empty = parseHarnessResult('', undefined, zh);
  assert.ok(!empty.ok && /[\u4e00-\u9fff]/.test(empty.reason), JSON.stringify(empty));
  const forged = parseHarnessChannel('{"status": "ok", "token": "a"}', 'b', zh).result;
  assert.ok(!forged.ok && /[\u4e00-\u9fff]/.test(forged.reason), JSON.stringify(forged));
});
