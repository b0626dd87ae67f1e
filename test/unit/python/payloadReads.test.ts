/** The scanner's payload facts: shapes of publish args/kwargs, payload reads in function bodies, calls, parameter ranges. */
import test from 'node:test';
import assert from 'node:assert/strict';
import { scanPython } from '../../../server/src/engine/python';

const reads = (src: string, fn = 0) => scanPython(src).functions[fn].flow?.reads.map((r) => [r.root, r.path, r.key, src.slice(r.range.start, r.range.end)]);

test('publish payload shapes: dict keys with literal types, positions, variables as any, ** and * make them open', () => {
  const [call] = scanPython('app.event.publish(sender="s.A.e", args=({"id": 1, "amt": 2.5, "name": "x", "ok": True, "no": None, "n": len(x), "v": v, "sub": {"k": [1]}}, v2), kwargs={"by": "web", **extra})\n').publishCalls;
  assert.deepEqual(call.payload, {
    args: { t: 'tuple', items: [
      { t: 'dict', keys: { id: { t: 'int' }, amt: { t: 'float' }, name: { t: 'str' }, ok: { t: 'bool' }, no: { t: 'none' }, n: { t: 'int' }, v: { t: 'any' }, sub: { t: 'dict', keys: { k: { t: 'list', items: [{ t: 'int' }] } } } } },
      { t: 'any' },
    ] },
    kwargs: { t: 'dict', keys: { by: { t: 'str' } }, open: true },
  });
  assert.deepEqual(scanPython('app.event.publish("s.A.e", (*rest,), kw)\n').publishCalls[0].payload, { args: { t: 'tuple', items: [], open: true }, kwargs: { t: 'any' } });
  assert.deepEqual(scanPython('app.event.publish("s.A.e", args=({k: 1},))\n').publishCalls[0].payload, { args: { t: 'tuple', items: [{ t: 'dict', keys: {}, open: true }] } });
});

test('reads: subscripts and .get on *args, **kwargs, parameters and local names assigned from them', () => {
  const src = [
    'def customFunc(order, *args, orderId=None, **kwargs):',
    '    a = order["amount"]',
    '    data = args[0] if args else {}',
    '    b = data.get("total", 0)["x"]',
    '    c = kwargs["by"]',
    '    info = kwargs.get("info")',
    '    d = info["level"]',
    '    data = compute()',
    '    e = data["notTracked"]',
    '    return args[1]["deep"]["er"]',
  ].join('\n');
  assert.deepEqual(reads(src), [
    ['order', [], 'amount', 'amount'],
    ['args', [0], 'total', 'total'],
    ['args', [0, 'total'], 'x', 'x'],
    ['kwargs', [], 'by', 'by'],
    ['kwargs', [], 'info', 'info'],
    ['kwargs', ['info'], 'level', 'level'],
    ['args', [1], 'deep', 'deep'],
    ['args', [1, 'deep'], 'er', 'er'],
  ]);
  const fn = scanPython(src).functions[0];
  assert.deepEqual(fn.params.map((p) => [p.name, src.slice(p.range!.start, p.range!.end)]), [['order', 'order'], ['args', 'args'], ['orderId', 'orderId'], ['kwargs', 'kwargs']]);
});

test('reads in methods skip self; calls record self.m() and bare f(), once each', () => {
  const src = [
    'class S(NormalService):',
    '    def h(self, *args, **kwargs):',
    '        self.other(kwargs["sku"])',
    '        helper(1); helper(2)',
    '        app.getElement("x").far()',
    '        return self["notAPayload"]',
  ].join('\n');
  const m = scanPython(src).classes[0].methods[0];
  assert.deepEqual(m.flow?.reads.map((r) => [r.root, r.key]), [['kwargs', 'sku']]);
  // app.getElement("x").far() is a call on another object: not followed.
  assert.deepEqual(m.flow?.calls, [{ name: 'other', self: true }, { name: 'helper', self: false }]);
});

test('an unterminated key string while typing is still a read (for completion); no flow for functions without any', () => {
  const src = 'def customFunc(*args, **kwargs):\n    x = args[0]["\n';
  assert.deepEqual(reads(src), [['args', [0], '', '']]);
  assert.equal(scanPython('def f(a):\n    return a + 1\n').functions[0].flow, undefined);
});
