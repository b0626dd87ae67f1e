/**
 * Differential test: our tokenizer, definition scan and literal evaluator against CPython's own
 * `tokenize`, `ast` and `ast.literal_eval` on tricky snippets. Skipped when no python3 is on PATH.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { scanPython, tokenizePython } from '../../../server/src/engine/python/index.js';
import { literalArg } from '../../../server/src/engine/python/literal.js';

const SNIPPETS = [
  'x = 1\n',
  'def f(a, b=2, *args, c, d=4, **kw):\n    return a\n',
  'async def g(x, /, y, *, z=None): pass\n',
  'class A(B, metaclass=M):\n    @staticmethod\n    def m(self): pass\n    class N:\n        def nm(self): pass\n    def n(self):\n        def inner(): pass\n',
  's = """a\n"b" \'c\'\n""" + r\'\\d\' + b"\\x00" + Rb\'x\' + u"\\u00e9"\n',
  'y = f"{a!r:>{width}} {{literal}} {b[\'k\']}"\n',
  'z = (1,\n     2,  # comment\n     3)\n',
  'w = 1 + \\\n    2\n',
  'if a:\n\tpass\nelif b:\n        pass\n',
  'n = [0x1F, 0o17, 0b1, 1_000, 1.5e-3, .5, 3j, 1E+9, 10.]\n',
  'a **= 2; b //= 3; c >>= 1; d @= e; (f := 1)\n',
  'print(*args, **{"k": (1, 2)}, sep="")\n',
  '@dec(1)\n@other.dec\nclass C:\n    x: int = 0\n    async def am(self, *, k): ...\n',
  'def customFunc(*args, **kwargs):\n    payload = args[0] if args else {}\n    return payload.get("processedCount", 0)\n',
  'lambda_ = lambda x, *y, **z: (x, y, z)\n',
  '# only a comment\n\n\n',
  'x = [\n  1,\n\n  # c\n  2,\n]\ny = {\n}\n',
  'try:\n    import a.b as c\nexcept ImportError:\n    from . import d\nfinally:\n    pass\n',
  "s = 'it\\'s' \"q\\\"q\" '''t'''\n",
  'def h(a: "Dict[str, int]" = {"x": [1, (2,)]}) -> "X":\n    pass\n',
];

const LITERALS = ['("x")', '("x",)', '()', '[1, [2, (3,)]]', '{"a": {"b": None}, "c": True}', '-1.5', '0x10', '"a" \'b\' """c"""', 'r"\\n"', '"\\t\\x41\\101"', '{}', '[]', '(1)'];

const PY = String.raw`
import ast, io, json, sys, tokenize
req = json.load(sys.stdin)
def toks(src):
    starts = [0]
    for i, ch in enumerate(src):
        if ch == '\n': starts.append(i + 1)
    off = lambda rc: starts[rc[0] - 1] + rc[1] if rc[0] - 1 < len(starts) else len(src)
    out, depth, fstart = [], 0, None
    for t in tokenize.generate_tokens(io.StringIO(src).readline):
        name = tokenize.tok_name[t.type]
        if name == 'FSTRING_START':
            if depth == 0: fstart = off(t.start)
            depth += 1; continue
        if name == 'FSTRING_END':
            depth -= 1
            if depth == 0: out.append([3, fstart, off(t.end)])
            continue
        if depth: continue
        kind = {'NAME': 1, 'NUMBER': 2, 'STRING': 3, 'OP': 4, 'NEWLINE': 5}.get(name)
        if kind is None: continue
        if kind == 5 and t.string == '': out.append([5, len(src), len(src)]); continue
        out.append([kind, off(t.start), off(t.end)])
    return out
def params(f):
    a = f.args; nd = len(a.defaults); pos = a.posonlyargs + a.args; r = []
    for i, p in enumerate(pos): r.append([p.arg, 'positional', i >= len(pos) - nd])
    if a.vararg: r.append([a.vararg.arg, 'varargs', False])
    for p, d in zip(a.kwonlyargs, a.kw_defaults): r.append([p.arg, 'keyword-only', d is not None])
    if a.kwarg: r.append([a.kwarg.arg, 'varkw', False])
    return r
def fdesc(f): return [f.name, isinstance(f, ast.AsyncFunctionDef), params(f), len(f.decorator_list)]
def defs(src):
    tree = ast.parse(src)
    funcs = [fdesc(n) for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    classes = [[n.name, [fdesc(m) for m in n.body if isinstance(m, (ast.FunctionDef, ast.AsyncFunctionDef))]] for n in tree.body if isinstance(n, ast.ClassDef)]
    return {'functions': funcs, 'classes': classes}
def lit(v):
    if isinstance(v, tuple): return [lit(x) for x in v]
    if isinstance(v, list): return [lit(x) for x in v]
    if isinstance(v, dict): return {k: lit(x) for k, x in v.items()}
    return v
print(json.dumps({'tokens': [toks(s) for s in req['snippets']], 'defs': [defs(s) for s in req['snippets']],
                  'literals': [lit(ast.literal_eval(s)) for s in req['literals']]}))
`;

const python = spawnSync('python3', ['-c', PY], { input: JSON.stringify({ snippets: SNIPPETS, literals: LITERALS }), encoding: 'utf8' });
// Skip only when there is no python3 at all; a failing reference script is a test failure.
const skip = python.error ? `python3 not available: ${python.error.message}` : false;
const expected = skip ? undefined : JSON.parse(python.status === 0 ? python.stdout : 'null');

test('the CPython reference script runs', { skip }, () => {
  assert.equal(python.status, 0, python.stderr);
});

test('tokens match CPython tokenize (NAME/NUMBER/STRING/OP/NEWLINE kinds and ranges)', { skip }, () => {
  SNIPPETS.forEach((src, i) => {
    const ours = tokenizePython(src).tokens.map((t) => [t.kind, t.start, t.end]);
    assert.deepEqual(ours, expected.tokens[i], src);
  });
});

test('functions, classes and methods match CPython ast', { skip }, () => {
  SNIPPETS.forEach((src, i) => {
    const scan = scanPython(src);
    const f = (d: (typeof scan.functions)[number]) => [d.name, d.isAsync, d.params.map((p) => [p.name, p.kind, p.hasDefault]), d.decorators.length];
    // CPython's lists only direct module/class bodies; these snippets keep definitions out of if/try blocks.
    assert.deepEqual({ functions: scan.functions.map(f), classes: scan.classes.map((c) => [c.name, c.methods.map(f)]) }, expected.defs[i], src);
  });
});

test('literal values match ast.literal_eval', { skip }, () => {
  LITERALS.forEach((src, i) => {
    const { tokens, lines } = tokenizePython(src);
    assert.deepEqual(literalArg(src, tokens, lines[0].first, lines[0].newline).value, expected.literals[i], src);
  });
});
