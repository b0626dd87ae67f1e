import test from 'node:test';
import assert from 'node:assert/strict';
import {
  HISTORY_LIMIT, canonicalPayload, describePayload, historyKey, parsePayloadJson, payloadChoices, payloadToJson, recentPayloads,
  rememberPayload, type Payload, type PayloadHistory,
} from '../../../client/src/run/payload';

const errorOf = (text: string): string => {
  const r = parsePayloadJson(text);
  assert.equal(r.ok, false, `expected ${text} to be rejected`);
  return (r as { error: string }).error;
};

test('a valid payload is read; missing args/kwargs default to empty', () => {
  assert.deepEqual(parsePayloadJson('{ "args": [{"processedCount": 100}], "kwargs": {"orderId": 7} }'),
    { ok: true, payload: { args: [{ processedCount: 100 }], kwargs: { orderId: 7 } } });
  assert.deepEqual(parsePayloadJson('{}'), { ok: true, payload: { args: [], kwargs: {} } });
  assert.deepEqual(parsePayloadJson('{"kwargs": {"x": null}}'), { ok: true, payload: { args: [], kwargs: { x: null } } });
});

test('the editor text round-trips through payloadToJson', () => {
  const p: Payload = { args: [1, 'two', { three: [3] }], kwargs: { flag: true } };
  assert.deepEqual(parsePayloadJson(payloadToJson(p)), { ok: true, payload: p });
  assert.match(payloadToJson({ args: [], kwargs: {} }), /^\{\n {2}"args": \[\],\n {2}"kwargs": \{\}\n\}\n$/);
});

test('invalid JSON: the error names line and column', () => {
  const error = errorOf('{\n  "args": [1,],\n  "kwargs": {}\n}');
  assert.equal(error, 'The payload is not valid JSON (line 2, column 14): a value is expected (no trailing commas in JSON)');
  assert.equal(errorOf('{"args": [1] "kwargs": {}}'), 'The payload is not valid JSON (line 1, column 14): "," is expected');
  assert.equal(errorOf("{'args': []}"), 'The payload is not valid JSON (line 1, column 2): JSON strings and property names use double quotes');
});

test('wrong shapes: clear messages saying what would be right', () => {
  assert.match(errorOf('[1, 2]'), /must be a JSON object like \{ "args": \[\], "kwargs": \{\} \}, not array/);
  assert.match(errorOf('null'), /not null/);
  assert.match(errorOf('{"args": {"a": 1}}'), /^"args" must be a JSON array \(the positional arguments\), not object\.$/);
  assert.match(errorOf('{"args": "x"}'), /not string/);
  assert.match(errorOf('{"kwargs": [1]}'), /^"kwargs" must be a JSON object \(the keyword arguments\), not array\.$/);
  assert.match(errorOf('{"args": [], "kw": {}}'), /Unknown key "kw" in the payload: only "args" \(a list\) and "kwargs" \(an object\) are allowed/);
  assert.match(errorOf('{"kwargs": {"order-id": 1}}'), /"kwargs" key "order-id" is not a valid Python argument name/);
  assert.match(errorOf('   \n'), /The payload is empty/);
});

test('errors are localized through the given formatter', () => {
  const r = parsePayloadJson('{"args": 1}', (m, ...a) => `ZH:${m.replace('{0}', String(a[0]))}`);
  assert.deepEqual(r, { ok: false, error: 'ZH:"args" must be a JSON array (the positional arguments), not number.' });
});

test('history: newest first, an equal payload moves to the front (key order ignored), at most 10 per handler', () => {
  const key = historyKey('/work/crm', 'events.ArchiveStatistics');
  let h: PayloadHistory = {};
  h = rememberPayload(h, key, { args: [1], kwargs: { a: 1, b: 2 } });
  h = rememberPayload(h, key, { args: [2], kwargs: {} });
  h = rememberPayload(h, key, { args: [1], kwargs: { b: 2, a: 1 } });
  assert.deepEqual(recentPayloads(h, key).map((p) => p.args[0]), [1, 2]);
  for (let i = 0; i < 15; i++) h = rememberPayload(h, key, { args: [100 + i], kwargs: {} });
  const recent = recentPayloads(h, key);
  assert.equal(recent.length, HISTORY_LIMIT);
  assert.equal(recent[0].args[0], 114);
  assert.equal(recent[9].args[0], 105);
});

test('history is per handler and tolerates a corrupt store', () => {
  const a = historyKey('/work/crm', 'events.A');
  const b = historyKey('/work/crm', 'events.B');
  const h = rememberPayload({}, a, { args: ['x'], kwargs: {} });
  assert.deepEqual(recentPayloads(h, b), []);
  assert.deepEqual(recentPayloads(undefined, a), []);
  assert.deepEqual(recentPayloads({ [a]: 'oops' } as unknown as PayloadHistory, a), []);
  assert.deepEqual(recentPayloads({ [a]: [null, { args: [1], kwargs: {} }, { args: 'no' }] } as unknown as PayloadHistory, a),
    [{ args: [1], kwargs: {} }]);
});

test('payload choices: publish-site literals, then used before, then the empty payload, without duplicates', () => {
  const choices = payloadChoices(
    [{ label: 'service.py:22 CustomerBatchService.run', args: [{ processedCount: 100 }], kwargs: {} }],
    [{ args: [{ processedCount: 100 }], kwargs: {} }, { args: [{ processedCount: 5 }], kwargs: {} }],
  );
  assert.deepEqual(choices.map((c) => `${c.source}: ${c.label}`), [
    'publish: service.py:22 CustomerBatchService.run',
    'history: args=[{"processedCount":5}] kwargs={}',
    'empty: Empty payload',
  ]);
  assert.equal(choices[0].detail, 'args=[{"processedCount":100}] kwargs={}');
});

test('describePayload shortens long payloads; canonicalPayload ignores key order', () => {
  const long = describePayload({ args: ['x'.repeat(500)], kwargs: {} }, 50);
  assert.equal(long.length, 50);
  assert.ok(long.endsWith('…'));
  assert.equal(canonicalPayload({ args: [{ b: 1, a: 2 }], kwargs: { z: 1, y: 2 } }),
    canonicalPayload({ args: [{ a: 2, b: 1 }], kwargs: { y: 2, z: 1 } }));
});

test('payload choices: the skeleton from the payload shape comes after the publish-site literals, before history', () => {
  const choices = payloadChoices(
    [
      { label: 'Skeleton from the payload shape', args: [{ orderId: 0, note: '' }], kwargs: { by: '' }, source: 'skeleton' },
      { label: 'service.py:5 OrderService.pay', args: [{ orderId: 42 }], kwargs: { by: 'web' }, source: 'publish' },
    ],
    [{ args: [{ orderId: 7 }], kwargs: {} }],
  );
  assert.deepEqual(choices.map((c) => `${c.source}: ${c.label}`), [
    'publish: service.py:5 OrderService.pay',
    'skeleton: Skeleton from the payload shape',
    'history: args=[{"orderId":7}] kwargs={}',
    'empty: Empty payload',
  ]);
  assert.deepEqual(choices[1].payload, { args: [{ orderId: 0, note: '' }], kwargs: { by: '' } });
});
