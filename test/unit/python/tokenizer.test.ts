import test from 'node:test';
import assert from 'node:assert/strict';
import { StringFlag, TokenKind, tokenizePython } from '../../../server/src/engine/python/index.js';
import { opCode } from '../../../server/src/engine/python/tokenizer.js';

const KIND_NAME: Record<number, string> = { 1: 'NAME', 2: 'NUMBER', 3: 'STRING', 4: 'OP', 5: 'NEWLINE', 6: 'ERROR' };

/** `KIND:text` for every token except NEWLINE (shown as `NL`). */
function show(src: string): string[] {
  return tokenizePython(src).tokens.map((t) => (t.kind === TokenKind.Newline ? 'NL' : `${KIND_NAME[t.kind]}:${src.slice(t.start, t.end)}`));
}

function onlyString(src: string) {
  const strings = tokenizePython(src).tokens.filter((t) => t.kind === TokenKind.String);
  assert.equal(strings.length, 1, `one string token in ${JSON.stringify(src)}`);
  return strings[0];
}

test('names, numbers and operators', () => {
  assert.deepEqual(show('x = a.b(1, **kw) ** 2'), [
    'NAME:x', 'OP:=', 'NAME:a', 'OP:.', 'NAME:b', 'OP:(', 'NUMBER:1', 'OP:,', 'OP:**', 'NAME:kw', 'OP:)', 'OP:**', 'NUMBER:2', 'NL',
  ]);
  assert.deepEqual(show('a == b != c -> d := e ... //= f'), [
    'NAME:a', 'OP:==', 'NAME:b', 'OP:!=', 'NAME:c', 'OP:->', 'NAME:d', 'OP::=', 'NAME:e', 'OP:...', 'OP://=', 'NAME:f', 'NL',
  ]);
});

test('number forms', () => {
  assert.deepEqual(show('1_000 0x1F 0o17 0b101 1.5e-3 .5 3j 1E+9'), [
    'NUMBER:1_000', 'NUMBER:0x1F', 'NUMBER:0o17', 'NUMBER:0b101', 'NUMBER:1.5e-3', 'NUMBER:.5', 'NUMBER:3j', 'NUMBER:1E+9', 'NL',
  ]);
});

test('non-ASCII identifiers are names', () => {
  assert.deepEqual(show('名字 = "值"'), ['NAME:名字', 'OP:=', 'STRING:"值"', 'NL']);
});

test('every quote form is one string token', () => {
  for (const s of ["'a'", '"a"', "'''a\n'b'\n'''", '"""a\n"b"\n"""', '""', "''", '""""""']) {
    const t = onlyString(s);
    assert.equal(t.start, 0);
    assert.equal(t.end, s.length, s);
    assert.equal(t.code & StringFlag.Unterminated, 0, s);
  }
});

test('prefixes in any case are part of the string token', () => {
  for (const p of ['r', 'b', 'u', 'f', 'R', 'B', 'U', 'F', 'rb', 'br', 'Rb', 'bR', 'fr', 'rf', 'FR', 'rF', 't', 'tr']) {
    const src = `${p}"x"`;
    const t = onlyString(src);
    assert.equal(src.slice(t.start, t.end), src, p);
    assert.equal(t.aux, p.length + 1, `content starts after ${p}"`);
  }
  assert.ok(onlyString('rb"x"').code & StringFlag.Raw);
  assert.ok(onlyString('rb"x"').code & StringFlag.Bytes);
  assert.ok(onlyString('F"x"').code & StringFlag.Format);
});

test('invalid prefixes are names followed by a string', () => {
  assert.deepEqual(show('ub"x"'), ['NAME:ub', 'STRING:"x"', 'NL']);
  assert.deepEqual(show('bf"x"'), ['NAME:bf', 'STRING:"x"', 'NL']);
  assert.deepEqual(show('rr"x"'), ['NAME:rr', 'STRING:"x"', 'NL']);
  assert.deepEqual(show('sender"x"'), ['NAME:sender', 'STRING:"x"', 'NL']);
});

test('escaped quotes and backslashes do not end a string', () => {
  assert.deepEqual(show(String.raw`"a\"b" 'c\'d' "e\\" x`), [String.raw`STRING:"a\"b"`, String.raw`STRING:'c\'d'`, String.raw`STRING:"e\\"`, 'NAME:x', 'NL']);
  assert.deepEqual(show(String.raw`r"a\"b" x`), [String.raw`STRING:r"a\"b"`, 'NAME:x', 'NL']);
  assert.deepEqual(show('"a\\\nb" x'), ['STRING:"a\\\nb"', 'NAME:x', 'NL'], 'backslash-newline continues a single-quoted string');
});

test('triple-quoted strings may contain the other quotes and lone quotes', () => {
  const src = `"""it's "quoted" ""not yet"""\nx`;
  assert.deepEqual(show(src), ['STRING:"""it\'s "quoted" ""not yet"""', 'NL', 'NAME:x', 'NL']);
});

test('unterminated strings are flagged and end at the line end', () => {
  const t = onlyString('x = "abc\ny = 1');
  assert.ok(t.code & StringFlag.Unterminated);
  assert.deepEqual(show('x = "abc\ny = 1'), ['NAME:x', 'OP:=', 'STRING:"abc', 'NL', 'NAME:y', 'OP:=', 'NUMBER:1', 'NL']);
  const triple = onlyString("s = '''abc\nmore");
  assert.ok(triple.code & StringFlag.Unterminated);
  assert.ok(triple.code & StringFlag.Triple);
  assert.equal(triple.end, "s = '''abc\nmore".length);
});

test('f-strings: fields with nested quotes, doubled braces, format specs', () => {
  assert.deepEqual(show('f"{x["a"]}" y'), ['STRING:f"{x["a"]}"', 'NAME:y', 'NL']);
  assert.deepEqual(show("f'{a:>{w}}' y"), ["STRING:f'{a:>{w}}'", 'NAME:y', 'NL']);
  assert.deepEqual(show('f"{{not a field}}" y'), ['STRING:f"{{not a field}}"', 'NAME:y', 'NL']);
  assert.ok(onlyString('f"a{b}c"').code & StringFlag.HasFields);
  assert.equal(onlyString('f"a{{b}}c"').code & StringFlag.HasFields, 0);
  assert.equal(onlyString('"a{b}c"').code & StringFlag.HasFields, 0, 'plain strings have no fields');
  assert.deepEqual(show('f"{f\'{1}\'}" y'), ['STRING:f"{f\'{1}\'}"', 'NAME:y', 'NL']);
  assert.deepEqual(show('f"""{\nx\n}""" y'), ['STRING:f"""{\nx\n}"""', 'NAME:y', 'NL']);
});

test('comments are collected apart from the tokens', () => {
  const src = 'x = 1  # app.event.publish("no")\n# whole line\ny';
  const { tokens, comments } = tokenizePython(src);
  assert.deepEqual(comments.map((c) => src.slice(c.start, c.end)), ['# app.event.publish("no")', '# whole line']);
  assert.ok(tokens.every((t) => !src.slice(t.start, t.end).includes('#')));
  assert.deepEqual(show('"# not a comment"'), ['STRING:"# not a comment"', 'NL']);
});

test('logical lines: brackets and backslashes join physical lines; blank and comment lines are skipped', () => {
  const src = 'a = (1,\n  2)\nb = 1 + \\\n  2\n\n   # c\n\nc = [\n# inside\n]\n';
  const { tokens, lines } = tokenizePython(src);
  const lineTexts = lines.map((l) => src.slice(tokens[l.first].start, tokens[l.newline - 1].end));
  assert.deepEqual(lineTexts, ['a = (1,\n  2)', 'b = 1 + \\\n  2', 'c = [\n# inside\n]']);
});

test('indentation columns, tabs counting to the next multiple of 8', () => {
  const src = 'class A:\n    def f(self):\n\tpass\n  \tx\ny';
  const { lines } = tokenizePython(src);
  assert.deepEqual(lines.map((l) => l.indent), [0, 4, 8, 8, 0]);
});

test('CRLF and CR line ends', () => {
  assert.deepEqual(show('a\r\nb\rc'), ['NAME:a', 'NL', 'NAME:b', 'NL', 'NAME:c', 'NL']);
  const src = 'a = (1,\r\n 2)\r\n';
  const { tokens, lines } = tokenizePython(src);
  assert.equal(lines.length, 1);
  assert.equal(src.slice(tokens[lines[0].newline].start, tokens[lines[0].newline].end), '\r\n');
});

test('brackets know their depth and partner', () => {
  const src = 'f(a[1], {2: (3)})';
  const { tokens } = tokenizePython(src);
  const open = tokens[1];
  assert.equal(src.slice(tokens[open.aux].start, tokens[open.aux].end), ')');
  assert.equal(tokens[open.aux].start, src.length - 1);
  const inner = tokens.find((t) => src.slice(t.start, t.end) === '3')!;
  assert.equal(inner.depth, 3);
  assert.equal(open.depth, 0);
  assert.equal(tokens[open.aux].depth, 0);
});

test('op codes are distinct per operator', () => {
  const { tokens } = tokenizePython('* ** ... .');
  assert.deepEqual(tokens.slice(0, 4).map((t) => t.code), [opCode('*'), opCode('**'), opCode('...'), opCode('.')]);
});

test('an unclosed bracket does not swallow a following def', () => {
  const src = 'class A:\n    def f(self):\n        x = g(1,\n    def h(self):\n        pass\n';
  const { tokens, lines } = tokenizePython(src);
  const starts = lines.map((l) => src.slice(tokens[l.first].start, tokens[l.first].end));
  assert.deepEqual(starts, ['class', 'def', 'x', 'def', 'pass']);
  assert.deepEqual(lines.map((l) => l.indent), [0, 4, 8, 4, 8]);
});

test('an unterminated string inside brackets closes them at the end of its line', () => {
  const src = 'f(sender="abc\nx = 1\n';
  const { tokens, lines } = tokenizePython(src);
  assert.equal(lines.length, 2);
  assert.equal(src.slice(tokens[lines[1].first].start, tokens[lines[1].first].end), 'x');
  assert.equal(tokens[lines[1].first].depth, 0);
});

test('unknown characters become single-character error tokens', () => {
  assert.deepEqual(show('a $ ? `'), ['NAME:a', 'ERROR:$', 'ERROR:?', 'ERROR:`', 'NL']);
  assert.deepEqual(show('a \\ b'), ['NAME:a', 'ERROR:\\', 'NAME:b', 'NL']);
});

test('empty and whitespace-only input', () => {
  assert.deepEqual(tokenizePython('').tokens, []);
  assert.deepEqual(tokenizePython('  \n\t\n# c\n').lines, []);
});

test('recovery words: async def ends a broken line, async for inside brackets does not', () => {
  const broken = 'class A:\n    def f(self):\n        g(1,\n    async def h(self):\n        pass\n';
  const t1 = tokenizePython(broken);
  assert.deepEqual(t1.lines.map((l) => broken.slice(t1.tokens[l.first].start, t1.tokens[l.first].end)), ['class', 'def', 'g', 'async', 'pass']);
  const fine = 'async def f():\n    x = [y\nasync for y in z]\n';
  const t2 = tokenizePython(fine);
  assert.equal(t2.lines.length, 2);
});
