/** The payload parser (shared/src/runner/payloadJson.ts) refuses payloads nested deeper than MAX_PAYLOAD_DEPTH instead of overflowing the stack. */
import test from 'node:test';
import assert from 'node:assert/strict';
import { MAX_PAYLOAD_DEPTH, jsonNestingDepth, parsePayloadJson } from '../../../shared/src/runner/payloadJson';
import { loadBundle } from '../../../shared/src/l10n';

const nested = (depth: number) => `{"args": ${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;

test('nesting depth counts brackets outside strings only', () => {
  assert.equal(jsonNestingDepth('{"a": [1, {"b": []}]}'), 4);
  assert.equal(jsonNestingDepth('{"a": "[[[{{{", "b": "\\\\\\"[["}'), 1);
  assert.equal(jsonNestingDepth('42'), 0);
});

test('a payload at the limit parses; one level deeper and a 5,000-deep one are refused with a message', () => {
  assert.equal(jsonNestingDepth(nested(MAX_PAYLOAD_DEPTH)), MAX_PAYLOAD_DEPTH);
  assert.ok(parsePayloadJson(nested(MAX_PAYLOAD_DEPTH)).ok);
  for (const depth of [MAX_PAYLOAD_DEPTH + 1, 5000]) {
    const r = parsePayloadJson(nested(depth));
    assert.deepEqual(r, { ok: false, error: `The payload is nested too deeply: at most ${MAX_PAYLOAD_DEPTH} levels of arrays and objects are allowed.` });
  }
  const unclosed = parsePayloadJson('{"args": ' + '['.repeat(5000));
  assert.ok(!unclosed.ok && /nested too deeply/.test(unclosed.error));
  const zh = parsePayloadJson(nested(5000), loadBundle('zh-cn'));
  assert.ok(!zh.ok && zh.error.startsWith('参数嵌套过深'), JSON.stringify(zh));
});
