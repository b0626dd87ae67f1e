import test from 'node:test';
import assert from 'node:assert/strict';
import { scanPython } from '../../../server/src/engine/python/index.js';
import type { OffsetRange, PyParam } from '../../../server/src/engine/python/index.js';

const at = (src: string, r: OffsetRange) => src.slice(r.start, r.end);
const p = (name: string, kind: PyParam['kind'] = 'positional', hasDefault = false): PyParam => ({ name, kind, hasDefault });
/** Parameters without their ranges (ranges are asserted separately). */
const names = (ps: PyParam[]): PyParam[] => ps.map(({ name, kind, hasDefault }) => ({ name, kind, hasDefault }));

const SERVICE = `from datatypes.Meta import datatypes
from services.NormalType import NormalService


class CustomerBatchService(NormalService):
    """Docstring with def fake(self): and class Fake: inside."""

    def processCustomers(self, batchSize):
        count = 100
        return {"processed": count}

    def onProcessed(self, *args, **kwargs):
        def nested(x):
            return x
        class Inner:
            def innerMethod(self):
                pass
        return None

    @staticmethod
    @some.decorator("arg")
    async def logChange(self, eventOutData):
        return None

    # def commented(self):
    x = 1
`;

test('service.py: top-level class with its direct methods only', () => {
  const scan = scanPython(SERVICE);
  assert.equal(scan.classes.length, 1);
  const cls = scan.classes[0];
  assert.equal(cls.name, 'CustomerBatchService');
  assert.equal(at(SERVICE, cls.nameRange), 'CustomerBatchService');
  assert.deepEqual(cls.bases, ['NormalService']);
  assert.deepEqual(cls.methods.map((m) => m.name), ['processCustomers', 'onProcessed', 'logChange']);
  assert.deepEqual(scan.functions, [], 'methods and nested defs are not top-level functions');
});

test('method details: params, async, decorators, ranges', () => {
  const [processCustomers, onProcessed, logChange] = scanPython(SERVICE).classes[0].methods;
  assert.deepEqual(names(processCustomers.params), [p('self'), p('batchSize')]);
  assert.equal(at(SERVICE, processCustomers.nameRange), 'processCustomers');
  assert.deepEqual(processCustomers.params.map((x) => SERVICE.slice(x.nameStart, x.nameStart! + x.name.length)), ['self', 'batchSize']);
  assert.deepEqual(onProcessed.params.map((x) => SERVICE.slice(x.nameStart, x.nameStart! + x.name.length)), ['self', 'args', 'kwargs']);
  assert.equal(at(SERVICE, processCustomers.defRange), 'def processCustomers(self, batchSize):');
  assert.deepEqual(names(onProcessed.params), [p('self'), p('args', 'varargs'), p('kwargs', 'varkw')]);
  assert.equal(onProcessed.isAsync, false);
  assert.equal(logChange.isAsync, true);
  assert.equal(at(SERVICE, logChange.defRange), 'async def logChange(self, eventOutData):');
  assert.deepEqual(logChange.decorators, ['staticmethod', 'some.decorator("arg")']);
  assert.deepEqual(processCustomers.decorators, []);
});

test('inner.py: customFunc signatures', () => {
  const forms: [string, PyParam[]][] = [
    ['def customFunc(*args, **kwargs):\n    pass\n', [p('args', 'varargs'), p('kwargs', 'varkw')]],
    ['def customFunc(eventOutData):\n    return True\n', [p('eventOutData')]],
    ['def customFunc(obj):\n    pass\n', [p('obj')]],
    ['def customFunc():\n    pass\n', []],
    ['def customFunc(rowData=None, /, *, flag: bool = False, **kw) -> None:\n    pass\n', [p('rowData', 'positional', true), p('flag', 'keyword-only', true), p('kw', 'varkw')]],
  ];
  for (const [src, params] of forms) {
    const scan = scanPython(src);
    assert.equal(scan.functions.length, 1, src);
    assert.equal(scan.functions[0].name, 'customFunc');
    assert.deepEqual(names(scan.functions[0].params), params, src);
  }
  const annotated = 'def customFunc(a: Dict[str, int] = {"x": (1, 2)}, *rest: int) -> Tuple[int, str]:\n    pass';
  const fn = scanPython(annotated).functions[0];
  assert.deepEqual(names(fn.params), [p('a', 'positional', true), p('rest', 'varargs')]);
  assert.equal(at(annotated, fn.defRange), annotated.slice(0, annotated.indexOf('\n')));
});

test('multi-line def header', () => {
  const src = 'def customFunc(\n    a,\n    b=1,  # comment\n):\n    pass\n';
  const fn = scanPython(src).functions[0];
  assert.deepEqual(names(fn.params), [p('a'), p('b', 'positional', true)]);
  assert.equal(at(src, fn.defRange), 'def customFunc(\n    a,\n    b=1,  # comment\n):');
});

test('top-level functions: async, decorated, inside if/try blocks; nested ones excluded', () => {
  const src = [
    '@register',
    'async def a(): pass',
    'def b():',
    '    def nested(): pass',
    'if TYPE_CHECKING:',
    '    def c(): pass',
    'try:',
    '    import fast',
    'except ImportError:',
    '    def d(x): return x',
    'lambda_ = lambda: 0',
  ].join('\n');
  const fns = scanPython(src).functions;
  assert.deepEqual(fns.map((f) => [f.name, f.isAsync, f.decorators]), [
    ['a', true, ['register']],
    ['b', false, []],
    ['c', false, []],
    ['d', false, []],
  ]);
});

test('decorators only attach to the def or class right after them', () => {
  const src = '@first\nx = 1\ndef f(): pass\n@second\n\n# comment\nclass C: pass\n';
  const scan = scanPython(src);
  assert.deepEqual(scan.functions[0].decorators, []);
  assert.equal(scan.classes[0].name, 'C');
});

test('classes: several, bases, keyword arguments excluded, no bases, nested classes excluded', () => {
  const src = [
    'class A(Base, mixins.M, metaclass=Meta):',
    '    class Nested:',
    '        def nm(self): pass',
    '    def am(self): pass',
    'class B:',
    '    pass',
    'class C(): ...',
    'class D(Generic[T]):',
    '    def dm(self, /, x, *, y): pass',
  ].join('\n');
  const classes = scanPython(src).classes;
  assert.deepEqual(classes.map((c) => [c.name, c.bases, c.methods.map((m) => m.name)]), [
    ['A', ['Base', 'mixins.M'], ['am']],
    ['B', [], []],
    ['C', [], []],
    ['D', ['Generic[T]'], ['dm']],
  ]);
  assert.deepEqual(names(classes[3].methods[0].params), [p('self'), p('x'), p('y', 'keyword-only')]);
});

test('methods inside if blocks of a class body are methods; after a dedent they are not', () => {
  const src = 'class A:\n    if X:\n        def m(self): pass\n    else:\n        def m2(self): pass\ndef top(): pass\n';
  const scan = scanPython(src);
  assert.deepEqual(scan.classes[0].methods.map((m) => m.name), ['m', 'm2']);
  assert.deepEqual(scan.functions.map((f) => f.name), ['top']);
});

test('tabs and mixed indentation', () => {
  const src = 'class A:\n\tdef m(self):\n\t\tdef inner(): pass\n\tdef n(self): pass\n';
  assert.deepEqual(scanPython(src).classes[0].methods.map((m) => m.name), ['m', 'n']);
});

test('imports: from-relative, dotted, aliases, parenthesized, star', () => {
  const src = [
    'from .inner import customFunc',
    'import os.path, sys as system',
    'from . import inner',
    'from ..pkg.mod import (a,',
    '    b as bee,  # comment',
    ')',
    'from ... import x',
    'from models.X import *',
    'import a; from b import c',
    'def f():',
    '    from lazy import thing',
  ].join('\n');
  const imports = scanPython(src).imports;
  assert.deepEqual(
    imports.map((i) => [i.module, i.names.map((n) => (n.alias ? `${n.name} as ${n.alias}` : n.name))]),
    [
      ['.inner', ['customFunc']],
      ['os.path', []],
      ['sys', []],
      ['.', ['inner']],
      ['..pkg.mod', ['a', 'b as bee']],
      ['...', ['x']],
      ['models.X', ['*']],
      ['a', []],
      ['b', ['c']],
      ['lazy', ['thing']],
    ],
  );
  assert.equal(at(src, imports[0].range), 'from .inner import customFunc');
  assert.equal(at(src, imports[0].names[0].range), 'customFunc');
  assert.equal(at(src, imports[2].range), 'sys as system');
  assert.equal(at(src, imports[4].names[1].range), 'b');
});

test('words inside strings and comments are not definitions or imports', () => {
  const src = '"""\ndef fake(): pass\nimport fake\n"""\n# class Fake:\nx = "def also_fake():"\n';
  assert.deepEqual(scanPython(src), { functions: [], classes: [], publishCalls: [], imports: [], boundNames: ['x'] });
});

test('half-typed definitions do not break the scan', () => {
  for (const src of ['def', 'def (', 'def f(', 'def f(a, *', 'class', 'class (', 'class A(B', 'from', 'from .', 'from x import', 'import', '@', 'async', 'async def']) {
    const scan = scanPython(src);
    assert.ok(Array.isArray(scan.functions), src);
  }
  assert.deepEqual(scanPython('def f(a, b').functions[0].params.map((x) => x.name), ['a', 'b']);
  assert.deepEqual(scanPython('from .inner import').imports.map((i) => i.module), ['.inner']);
});

test('CRLF source', () => {
  const src = 'class A(B):\r\n    def m(self):\r\n        app.event.publish("a.b.c")\r\n';
  const scan = scanPython(src);
  assert.deepEqual(scan.classes[0].methods.map((m) => m.name), ['m']);
  assert.equal(scan.publishCalls[0].enclosingFunction, 'A.m');
});

test('lambda defaults: commas inside the lambda do not split parameters', () => {
  const src = 'def f(a, key=lambda x, y: (x, y), *, flag=lambda: 0, other: int = 1): pass';
  assert.deepEqual(names(scanPython(src).functions[0].params), [p('a'), p('key', 'positional', true), p('flag', 'keyword-only', true), p('other', 'keyword-only', true)]);
});

test('class attributes: model fields with ranges, annotations, non-call values; not in methods or nested classes', () => {
  const src = [
    'class CustomerModel(NormalModel):',
    '    id = datatypes.AutoInt(name="id", title="id", primaryKey=True)',
    '    email: str = datatypes.Stext(',
    '        name="email")',
    '    LIMIT = 10',
    '    x: int',
    '    a == b',
    '    class Meta:',
    '        dbTable = "CustomerModel"',
    '    def m(self):',
    '        local = f()',
    '    status = datatypes.Dropdown(name="status")',
  ].join('\n');
  const cls = scanPython(src).classes[0];
  assert.deepEqual(cls.attributes?.map((a) => [a.name, a.isCall, at(src, a.nameRange)]), [
    ['id', true, 'id'],
    ['email', true, 'email'],
    ['LIMIT', false, 'LIMIT'],
    ['status', true, 'status'],
  ]);
  assert.equal(scanPython('class A:\n    def m(self): pass\n').classes[0].attributes, undefined);
});
