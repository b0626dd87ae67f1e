import test from 'node:test';
import assert from 'node:assert/strict';
import { publishSenderContextAt } from '../../../server/src/engine/python/index.js';

/** Context at the `|` in `marked` (the bar is removed). */
function ctxAt(marked: string) {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'cursor marker');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const ctx = publishSenderContextAt(text, offset);
  return { ctx, text, offset };
}

test('keyword sender: prefix, value, content range, quote', () => {
  const { ctx, text } = ctxAt('app.event.publish(sender="services.Or|derSvc.created", args=())');
  assert.ok(ctx);
  assert.equal(ctx.prefix, 'services.Or');
  assert.equal(ctx.value, 'services.OrderSvc.created');
  assert.equal(text.slice(ctx.contentRange.start, ctx.contentRange.end), 'services.OrderSvc.created');
  assert.equal(ctx.quote, '"');
});

test('positional sender with single quotes', () => {
  const { ctx } = ctxAt("JitEvent.publish('a.b|')");
  assert.deepEqual(ctx && { prefix: ctx.prefix, value: ctx.value, quote: ctx.quote }, { prefix: 'a.b', value: 'a.b', quote: "'" });
});

test('cursor at the very start and end of the content', () => {
  assert.equal(ctxAt('app.event.publish(sender="|abc")').ctx?.prefix, '');
  assert.equal(ctxAt('app.event.publish(sender="abc|")').ctx?.prefix, 'abc');
  assert.equal(ctxAt('app.event.publish(sender=|"abc")').ctx, undefined, 'before the opening quote');
  assert.equal(ctxAt('app.event.publish(sender="abc"|)').ctx, undefined, 'after the closing quote');
});

test('empty string', () => {
  const { ctx, offset } = ctxAt('app.event.publish(sender="|")');
  assert.deepEqual(ctx, { prefix: '', value: '', contentRange: { start: offset, end: offset }, quote: '"' });
});

test('unterminated while typing, at the end of the text', () => {
  const { ctx, text } = ctxAt('class S:\n    def f(self):\n        app.event.publish(sender="servi|');
  assert.ok(ctx);
  assert.equal(ctx.prefix, 'servi');
  assert.equal(ctx.value, 'servi');
  assert.equal(ctx.contentRange.end, text.length);
});

test('unterminated while typing, followed by more lines', () => {
  const { ctx } = ctxAt('def f():\n    app.event.publish(sender="services.X|\n    return 1\n\ndef g():\n    pass\n');
  assert.equal(ctx?.prefix, 'services.X');
  assert.equal(ctx?.value, 'services.X');
  const { ctx: positional } = ctxAt('def f():\n    app.event.publish("serv|\n    x = 2\n');
  assert.equal(positional?.prefix, 'serv');
});

test('multi-line call and triple quotes', () => {
  const { ctx } = ctxAt('app.event.publish(\n    args=(1,),\n    sender="""a.|b""",\n)');
  assert.equal(ctx?.prefix, 'a.');
  assert.equal(ctx?.quote, '"""');
});

test('piece of an implicit concatenation', () => {
  const { ctx } = ctxAt('app.event.publish(sender="services." "ev|t")');
  assert.equal(ctx?.prefix, 'ev');
  assert.equal(ctx?.value, 'evt');
});

test('undefined outside the sender literal', () => {
  const outside = [
    'app.event.publish(sender="a.b.c", args=("x|",))',
    'app.event.publish(sender="a.b.c", kwargs={"k|": 1})',
    'app.event.publish("a.b.c", "ar|gs")',
    'app.event.publish(sender=f(|"x"))',
    'app.event.publish(sender=f("x|"))',
    'app.event.publish(sender=["x|"])',
    'other.call(sender="a.b|")',
    'print("app.event.publish(sender=\'a.b|\')")',
    '# app.event.publish(sender="a.b|")',
    'app.event.publish(sender="a.b.c")  # "x|"',
    'x = "a.b|"',
    'app.event.pub|lish(sender="a")',
    '|',
  ];
  for (const src of outside) assert.equal(ctxAt(src).ctx, undefined, src);
});

test('offsets out of range and garbage never throw', () => {
  assert.equal(publishSenderContextAt('app.event.publish("x")', -5), undefined);
  assert.equal(publishSenderContextAt('app.event.publish("x")', 1e9), undefined);
  assert.equal(publishSenderContextAt('', 0), undefined);
  assert.equal(publishSenderContextAt('\u0000"\u0000(', 2), undefined);
});

test('no context inside an f-string sender with fields; plain f-string is fine', () => {
  assert.equal(ctxAt('app.event.publish(sender=f"services.{na|me}.x")').ctx, undefined);
  assert.equal(ctxAt('app.event.publish(sender=f"services.a|")').ctx?.prefix, 'services.a');
});
