/** The Python tokenizer and scanner never throw or hang on random and hostile input (seeded). */
import test from 'node:test';
import assert from 'node:assert/strict';
import { publishSenderContextAt, scanPython, tokenizePython } from '../../../server/src/engine/python/index.js';
import { prng } from '../../helpers/prng';

/** Deterministic pseudo-random numbers so failures reproduce. */
const rng = prng;

/** Checks the tokenizer's invariants: ranges in bounds, ordered, non-empty except NEWLINE. */
function checkTokens(src: string): void {
  const { tokens, lines } = tokenizePython(src);
  let prevEnd = 0;
  for (const t of tokens) {
    if (!(t.start >= prevEnd && t.end <= src.length && t.start <= t.end)) assert.fail(`token range ${t.start}-${t.end} after ${prevEnd}`);
    if (t.kind !== 5 && t.end === t.start) assert.fail(`empty token at ${t.start}`);
    prevEnd = t.end;
  }
  for (const l of lines) if (!(l.first <= l.newline && tokens[l.newline].kind === 5)) assert.fail('logical line without NEWLINE');
}

const PY_PIECES = ['app', '.', 'event', 'publish', '(', ')', '[', ']', '{', '}', '"', "'", '"""', "'''", 'f"', 'rb\'', '{', '\\', '\n', '\r\n', '    ', '\t', '#', 'def ', 'class ', 'async ', 'import ', 'from ', '=', ',', ':', '*', '**', 'sender=', '@', '0x', '1.5e', ';', '\0', '😀', '\uFEFF'];

test('random byte strings never throw and keep token invariants', () => {
  const next = rng(12345);
  for (let round = 0; round < 300; round++) {
    const len = Math.floor(next() * 400);
    let src = '';
    for (let i = 0; i < len; i++) src += String.fromCharCode(Math.floor(next() * 256));
    checkTokens(src);
    scanPython(src);
    publishSenderContextAt(src, Math.floor(next() * (len + 1)));
  }
});

test('random Python-like fragments never throw', () => {
  const next = rng(777);
  for (let round = 0; round < 400; round++) {
    const count = Math.floor(next() * 80);
    let src = '';
    for (let i = 0; i < count; i++) src += PY_PIECES[Math.floor(next() * PY_PIECES.length)];
    checkTokens(src);
    const scan = scanPython(src);
    for (const c of scan.publishCalls) assert.ok(c.range.start <= c.range.end && c.range.end <= src.length);
    for (let k = 0; k <= src.length; k += 7) publishSenderContextAt(src, k);
  }
});

test('NUL bytes, lone surrogates and binary headers', () => {
  const inputs = ['\0\0\0', '\uD800', 'x = "\uDC00"', '\x89PNG\r\n\x1a\n\0\0\0\rIHDR', 'def \0f(a\0):\n  pass', '\u2028\u2029'];
  for (const src of inputs) {
    checkTokens(src);
    assert.doesNotThrow(() => scanPython(src));
  }
});

test('pathological nesting and long inputs finish', () => {
  const inputs = [
    '('.repeat(100000),
    ')'.repeat(100000),
    'f"{'.repeat(20000),
    'f"{x:{'.repeat(20000),
    '"'.repeat(100001),
    "'''" + 'a'.repeat(200000),
    'app.event.publish('.repeat(20000),
    '\\\n'.repeat(50000),
    'x' + ' '.repeat(100000) + 'y',
    '[' + '1,'.repeat(100000) + ']',
  ];
  for (const src of inputs) {
    checkTokens(src);
    assert.doesNotThrow(() => scanPython(src));
    assert.doesNotThrow(() => publishSenderContextAt(src, src.length >> 1));
  }
  assert.equal(scanPython('app.event.publish('.repeat(20000)).publishCalls.length, 20000);
});
