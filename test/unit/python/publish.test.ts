import test from 'node:test';
import assert from 'node:assert/strict';
import { scanPython } from '../../../server/src/engine/python/index.js';
import type { OffsetRange, PublishCall } from '../../../server/src/engine/python/index.js';

function calls(src: string): PublishCall[] {
  return scanPython(src).publishCalls;
}
function one(src: string): PublishCall {
  const all = calls(src);
  assert.equal(all.length, 1, `exactly one publish call in:\n${src}`);
  return all[0];
}
const at = (src: string, r: OffsetRange | undefined) => (r ? src.slice(r.start, r.end) : undefined);

test('keyword sender: value, exact ranges, callee', () => {
  const src = 'app.event.publish(sender="services.S.done", args=(1,), kwargs={"a": 1})\n';
  const c = one(src);
  assert.equal(c.callee, 'app.event.publish');
  assert.equal(at(src, c.range), src.trimEnd());
  assert.equal(c.sender?.value, 'services.S.done');
  assert.equal(at(src, c.sender?.range), '"services.S.done"');
  assert.equal(at(src, c.sender?.contentRange), 'services.S.done');
  assert.equal(c.sender?.unterminated, false);
  assert.equal(c.senderExpr, undefined);
  assert.deepEqual(c.args, { text: '(1,)', range: { start: src.indexOf('(1,)'), end: src.indexOf('(1,)') + 4 }, kind: 'tuple', value: [1] });
  assert.deepEqual(c.kwargs?.value, { a: 1 });
  assert.equal(c.enclosingFunction, undefined);
});

test('positional sender, args and kwargs', () => {
  const src = "app.event.publish('services.S.e', ('x',), {'k': None})";
  const c = one(src);
  assert.equal(c.sender?.value, 'services.S.e');
  assert.equal(at(src, c.sender?.contentRange), 'services.S.e');
  assert.deepEqual(c.args?.value, ['x']);
  assert.deepEqual(c.kwargs?.value, { k: null });
});

test('keyword arguments in any order with a positional sender', () => {
  const c = one('app.event.publish("a.b.c", kwargs={}, args=())');
  assert.equal(c.sender?.value, 'a.b.c');
  assert.deepEqual(c.args?.value, []);
  assert.deepEqual(c.kwargs?.value, {});
});

test('JitEvent.publish and self.app.event.publish are publish calls', () => {
  assert.equal(one('JitEvent.publish(sender="x.y")').callee, 'JitEvent.publish');
  assert.equal(one('self.app.event.publish(sender="x.y")').callee, 'self.app.event.publish');
  assert.equal(one('app . event . publish ("x.y")').callee, 'app.event.publish');
});

test('other calls are not publish calls', () => {
  for (const src of ['app.event.publishX("a")', 'publish("a")', 'app.events.publish("a")', 'app.event.publish', 'app.event.subscribe("a")', 'def publish(sender): pass']) {
    assert.deepEqual(calls(src), [], src);
  }
});

test('publish calls in comments and strings are ignored', () => {
  const src = [
    '# app.event.publish(sender="fake.one")',
    'x = "app.event.publish(sender=\'fake.two\')"',
    "y = '''",
    'app.event.publish(sender="fake.three")',
    "'''",
    'app.event.publish(sender="real.one")  # app.event.publish("fake.four")',
  ].join('\n');
  assert.deepEqual(calls(src).map((c) => c.sender?.value), ['real.one']);
});

test('multi-line call with comments and nested brackets', () => {
  const src = [
    'def run():',
    '    app.event.publish(',
    '        # which event',
    '        sender="services.S.dataProcessed",',
    '        args=({"processedCount": count, "items": [f(1), (2, 3)]},),',
    '        kwargs={"batchSize": {"n": (1, 2)}},',
    '    )',
  ].join('\n');
  const c = one(src);
  assert.equal(c.sender?.value, 'services.S.dataProcessed');
  assert.equal(at(src, c.sender?.range), '"services.S.dataProcessed"');
  assert.equal(c.args?.kind, 'tuple');
  assert.equal(c.args?.text, '({"processedCount": count, "items": [f(1), (2, 3)]},)');
  assert.deepEqual(c.kwargs?.value, { batchSize: { n: [1, 2] } });
  assert.equal(at(src, c.range), src.slice(src.indexOf('app.'), src.length));
  assert.equal(c.enclosingFunction, 'run');
});

test('backslash continuation lines', () => {
  const src = 'app.event.publish \\\n    (sender= \\\n     "a.b.c")';
  const c = one(src);
  assert.equal(c.sender?.value, 'a.b.c');
  assert.equal(at(src, c.sender?.range), '"a.b.c"');
});

test('implicit concatenation across lines, parenthesized sender', () => {
  const src = 'app.event.publish(sender=("services.Svc."\n    "evt"))';
  const c = one(src);
  assert.equal(c.sender?.value, 'services.Svc.evt');
  assert.equal(at(src, c.sender?.range), '"services.Svc."\n    "evt"');
  const c2 = one('app.event.publish(sender="services.Svc." \'evt\')');
  assert.equal(c2.sender?.value, 'services.Svc.evt');
});

test('f-string sender: literal without fields, expression with fields', () => {
  const plain = one('app.event.publish(sender=f"a.b.c")');
  assert.equal(plain.sender?.value, 'a.b.c');
  assert.equal(plain.senderExpr, undefined);
  const src = 'app.event.publish(sender=f"services.{name}.done")';
  const c = one(src);
  assert.equal(c.sender?.value, undefined);
  assert.equal(at(src, c.senderExpr), 'f"services.{name}.done"');
});

test('variable or computed sender is a senderExpr', () => {
  const src = 'app.event.publish(SENDER, args=())';
  const c = one(src);
  assert.equal(c.sender, undefined);
  assert.equal(at(src, c.senderExpr), 'SENDER');
  const src2 = 'app.event.publish(sender=self.prefix + ".done")';
  assert.equal(at(src2, one(src2).senderExpr), 'self.prefix + ".done"');
});

test('args kinds: tuple, parenthesized string, non-literal', () => {
  assert.equal(one('app.event.publish(sender="a.b.c", args=("paramValue"))').args?.kind, 'str');
  assert.equal(one('app.event.publish(sender="a.b.c", args=("paramValue"))').args?.value, 'paramValue');
  assert.equal(one('app.event.publish(sender="a.b.c", args=("paramValue",))').args?.kind, 'tuple');
  assert.equal(one('app.event.publish(sender="a.b.c", args=[1])').args?.kind, 'list');
  const e = one('app.event.publish(sender="a.b.c", args=payload)').args;
  assert.equal(e?.kind, 'expr');
  assert.equal(e?.text, 'payload');
});

test('star arguments make later positions unknown', () => {
  const c = one('app.event.publish("a.b.c", *rest, ("x",))');
  assert.equal(c.sender?.value, 'a.b.c');
  assert.equal(c.args, undefined);
});

test('nested publish calls and several per line are all found', () => {
  const src = 'f(app.event.publish("a.b.c")); JitEvent.publish("d.e.f")';
  assert.deepEqual(calls(src).map((c) => c.sender?.value), ['a.b.c', 'd.e.f']);
});

test('enclosingFunction: method, function, nested def, class body, module', () => {
  const src = [
    'app.event.publish("m.o.d")',
    'class Svc(NormalService):',
    '    x = app.event.publish("c.l.s")',
    '    def method(self):',
    '        app.event.publish("m.e.t")',
    '        def helper():',
    '            app.event.publish("h.e.l")',
    '        return 1',
    '    async def other(self): app.event.publish("o.t.h")',
    'def func():',
    '    if True:',
    '        app.event.publish("f.u.n")',
    'app.event.publish("e.n.d")',
  ].join('\n');
  assert.deepEqual(
    calls(src).map((c) => [c.sender?.value, c.enclosingFunction]),
    [
      ['m.o.d', undefined],
      ['c.l.s', undefined],
      ['m.e.t', 'Svc.method'],
      ['h.e.l', 'Svc.method'],
      ['o.t.h', 'Svc.other'],
      ['f.u.n', 'func'],
      ['e.n.d', undefined],
    ],
  );
});

test('unclosed call at the end of the text: unterminated sender', () => {
  const src = 'class S:\n    def f(self):\n        app.event.publish(sender="servi';
  const c = one(src);
  assert.equal(c.sender?.value, 'servi');
  assert.equal(c.sender?.unterminated, true);
  assert.equal(at(src, c.sender?.range), '"servi');
  assert.equal(at(src, c.sender?.contentRange), 'servi');
  assert.equal(c.range.end, src.length);
  assert.equal(c.enclosingFunction, 'S.f');
});

test('unclosed call followed by more lines: later methods are still scanned', () => {
  const src = [
    'class S(NormalService):',
    '    def f(self):',
    '        app.event.publish(sender="servi',
    '        count = 1',
    '        app.event.publish(sender="x.y.z")',
    '    def g(self):',
    '        pass',
  ].join('\n');
  const scan = scanPython(src);
  assert.deepEqual(scan.publishCalls.map((c) => [c.sender?.value, c.sender?.unterminated, c.enclosingFunction]), [
    ['servi', true, 'S.f'],
    ['x.y.z', false, 'S.f'],
  ]);
  assert.equal(at(src, scan.publishCalls[0].range), 'app.event.publish(sender="servi');
  assert.deepEqual(scan.classes[0].methods.map((m) => m.name), ['f', 'g']);
});

test('unclosed call without a string keeps the following def', () => {
  const src = 'def f():\n    app.event.publish(sender=x,\ndef g():\n    pass\n';
  const scan = scanPython(src);
  assert.equal(scan.publishCalls.length, 1);
  assert.deepEqual(scan.functions.map((f) => f.name), ['f', 'g']);
});

test('empty sender string and empty call', () => {
  const c = one('app.event.publish(sender="")');
  assert.equal(c.sender?.value, '');
  assert.deepEqual(c.sender?.contentRange, { start: 26, end: 26 });
  const e = one('app.event.publish()');
  assert.equal(e.sender, undefined);
  assert.equal(e.senderExpr, undefined);
});

test('UTF-16 offsets with non-BMP characters before the call', () => {
  const src = '# 😀 emoji\ns = "😀"\napp.event.publish(sender="a.😀.b")';
  const c = one(src);
  assert.equal(at(src, c.sender?.contentRange), 'a.😀.b');
  assert.equal(c.sender?.value, 'a.😀.b');
});

test('unclosed call followed by a decorated method keeps the decorator', () => {
  const src = 'class S:\n    def f(self):\n        app.event.publish(sender=x,\n    @staticmethod\n    def g():\n        pass\n';
  const scan = scanPython(src);
  assert.deepEqual(scan.classes[0].methods.map((m) => [m.name, m.decorators]), [['f', []], ['g', ['staticmethod']]]);
});

test('lambda arguments do not shift later positions', () => {
  const c = one('app.event.publish("a.b.c", lambda x, y: x, {"k": 1})');
  assert.equal(c.args?.kind, 'expr');
  assert.equal(c.args?.text, 'lambda x, y: x');
  assert.deepEqual(c.kwargs?.value, { k: 1 });
});
