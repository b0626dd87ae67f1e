import test from 'node:test';
import assert from 'node:assert/strict';
import { TokenKind, tokenizePython, decodeStringToken } from '../../../server/src/engine/python/index.js';
import { literalArg } from '../../../server/src/engine/python/literal.js';

/** Evaluates the first logical line of `src` as one expression. */
function lit(src: string) {
  const { tokens, lines } = tokenizePython(src);
  return literalArg(src, tokens, lines[0].first, lines[0].newline);
}

/** Decoded value of the only string token in `src`. */
function decode(src: string): string | undefined {
  const tok = tokenizePython(src).tokens.find((t) => t.kind === TokenKind.String)!;
  return decodeStringToken(src, tok);
}

test('tuples become arrays; ("x") is a str and ("x",) a tuple', () => {
  assert.deepEqual(lit('("x")'), { text: '("x")', range: { start: 0, end: 5 }, kind: 'str', value: 'x' });
  assert.deepEqual(lit('("x",)'), { text: '("x",)', range: { start: 0, end: 6 }, kind: 'tuple', value: ['x'] });
  assert.deepEqual(lit('()').value, []);
  assert.equal(lit('()').kind, 'tuple');
  assert.deepEqual(lit('(1, "a", (2, 3))').value, [1, 'a', [2, 3]]);
  assert.equal(lit('((("x")))').kind, 'str');
  assert.equal(lit('(1)').kind, 'number');
});

test('lists, dicts with string keys, nested', () => {
  assert.deepEqual(lit('[1, [2], {"a": (None,)}]').value, [1, [2], { a: [null] }]);
  assert.equal(lit('[]').kind, 'list');
  assert.deepEqual(lit('{}'), { text: '{}', range: { start: 0, end: 2 }, kind: 'dict', value: {} });
  assert.deepEqual(lit('{"orderId": 12345, \'ok\': True, "n": {"x": -1.5},}').value, { orderId: 12345, ok: true, n: { x: -1.5 } });
  assert.deepEqual(lit('{"a" "b": 1}').value, { ab: 1 }, 'implicitly concatenated key');
});

test('multi-line literal with comments inside', () => {
  const src = '{\n  "a": 1,  # one\n  "b": [\n    2,\n  ],\n}';
  assert.deepEqual(lit(src).value, { a: 1, b: [2] });
  assert.equal(lit(src).text, src);
});

test('scalars', () => {
  assert.deepEqual([lit('True').value, lit('False').value, lit('None').value], [true, false, null]);
  assert.deepEqual([lit('True').kind, lit('None').kind], ['bool', 'none']);
  assert.deepEqual(['42', '-7', '+3', '1_000', '0x1f', '0o17', '0b101', '1.5e3', '.5'].map((s) => lit(s).value), [42, -7, 3, 1000, 31, 15, 5, 1500, 0.5]);
  assert.equal(lit('3j').kind, 'number');
  assert.equal(lit('3j').value, undefined, 'complex numbers have no JSON value');
});

test('shapes with non-literal parts keep their kind but no value', () => {
  const t = lit('({"processedCount": count},)');
  assert.equal(t.kind, 'tuple');
  assert.equal('value' in t, false);
  assert.equal(lit('{"batchSize": batchSize.value}').kind, 'dict');
  assert.equal(lit('{"batchSize": batchSize.value}').value, undefined);
  assert.equal(lit('{1: "a"}').kind, 'dict');
  assert.equal(lit('{1: "a"}').value, undefined, 'non-string keys are not JSON objects');
  assert.equal(lit('{**base, "a": 1}').kind, 'dict');
  assert.equal(lit('{**base, "a": 1}').value, undefined);
  assert.equal(lit('[x for x in y]').kind, 'list');
  assert.equal(lit('[x for x in y]').value, undefined);
  assert.equal(lit('{k: v for k, v in y}').kind, 'dict');
});

test('anything else is an expr', () => {
  for (const src of ['x', 'a.b', 'f(1)', '(1, 2)[0]', '1 + 2', '{1, 2}', '(x for x in y)', '"a".upper()', '-x', 'not True', 'lambda: 1', '...']) {
    const r = lit(src);
    assert.equal(r.kind, 'expr', src);
    assert.equal(r.value, undefined, src);
    assert.equal(r.text, src);
  }
});

test('string decoding: escapes', () => {
  assert.equal(decode(String.raw`"a\nb\t\\\"\'"`), 'a\nb\t\\"\'');
  assert.equal(decode(String.raw`"\x41\u00e9\U0001F600\101\0"`), 'Aé😀A\0');
  assert.equal(decode(String.raw`"\q\d"`), String.raw`\q\d`, 'unknown escapes stay as written');
  assert.equal(decode(String.raw`"\N{BULLET}"`), undefined, 'named escapes are not resolved, so no value');
  assert.equal(decode(String.raw`b"\N{BULLET}"`), String.raw`\N{BULLET}`, 'no \N escape in bytes');
  assert.equal(decode('"a\\\nb"'), 'ab', 'backslash-newline is removed');
  assert.equal(decode(String.raw`b"\u0041\x41"`), String.raw`\u0041A`, 'no \\u escape in bytes');
});

test('string decoding: raw, triple, prefixes, f-strings', () => {
  assert.equal(decode(String.raw`r"a\nb\""`), String.raw`a\nb\"`);
  assert.equal(decode(String.raw`R'\d+'`), String.raw`\d+`);
  assert.equal(decode('"""line1\nline2"""'), 'line1\nline2');
  assert.equal(decode("u'x'"), 'x');
  assert.equal(decode('f"plain {{braces}}"'), 'plain {braces}');
  assert.equal(decode('f"has {field}"'), undefined);
  assert.equal(decode('rf"{{x}}\\n"'), '{x}\\n');
});

test('string decoding: unterminated strings decode what is there', () => {
  assert.equal(decode('"abc'), 'abc');
  assert.equal(decode("'''abc\n"), 'abc\n');
});

test('concatenated strings with an f-string field are str without value', () => {
  const r = lit('"a" f"{b}"');
  assert.equal(r.kind, 'str');
  assert.equal(r.value, undefined);
  assert.equal(lit('"a" \'b\' """c"""').value, 'abc');
  assert.equal(lit('"a" x').kind, 'expr');
});

test('deep nesting does not overflow the stack', () => {
  const src = '('.repeat(5000) + '1' + ')'.repeat(5000);
  assert.equal(lit(src).kind, 'expr');
  const list = '['.repeat(20) + ']'.repeat(20);
  assert.equal(lit(list).kind, 'list');
});

test('partly literal containers carry a template with unknown parts as null', () => {
  const t = lit('({"processedCount": count, "ok": True}, [x, 1], "s")');
  assert.equal(t.kind, 'tuple');
  assert.equal(t.value, undefined);
  assert.deepEqual(t.template, [{ processedCount: null, ok: true }, [null, 1], 's']);
  assert.deepEqual(lit('{"batchSize": batchSize.value, key: 1, **rest, "n": {"m": f()}}').template, { batchSize: null, n: { m: null } });
  assert.deepEqual(lit('[f"{a}", ("x",)]').template, [null, ['x']]);
  assert.equal(lit('(1, 2)').template, undefined, 'fully literal: value only');
  assert.equal(lit('payload').template, undefined, 'no container: no template');
  assert.equal(lit('[x for x in y]').template, undefined, 'comprehensions have no shape');
});
