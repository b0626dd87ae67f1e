/**
 * The positions parse of the fast path (positionsParse: JSON.parse plus one pass writing offsets,
 * jsonPositions) gives every view of an e.json the same ranges as jsonc-parser does: escapes, unicode,
 * nested arrays, duplicate keys (last wins; `args` entries from the first `args`), deep nesting, and
 * random documents.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { parseElementJson, usePositionsParser } from '../../../server/src/engine/elements/fastElementJson';
import { parsePositions } from '../../../server/src/engine/elements/positionsParse';
import { parseElementJsonWithPositions, type ElementJson, type JsonValue, type DescEntry } from '../../../server/src/engine/elements/elementJson';

type Dump = (string | number)[];

function dumpValue(v: JsonValue | undefined, path: string, out: Dump): void {
  if (!v) { out.push(`${path}:none`); return; }
  const r = v.range, c = v.contentRange, k = v.keyRange;
  out.push(`${path}:${v.kind}`, r.start, r.end, c.start, c.end, k ? `${k.start}-${k.end}` : '-');
  v.items?.forEach((it, i) => dumpValue(it, `${path}[${i}]`, out));
  if (v.props) for (const [key, p] of v.props) dumpValue(p, `${path}.${key}`, out);
}

function dumpEntry(e: DescEntry, path: string, out: Dump): void {
  out.push(path, e.range.start, e.range.end);
  for (const key of ['name', 'title', 'desc', 'returnType', 'generic'] as const) if (e[key]) dumpValue(e[key], `${path}.${key}`, out);
  if (e.args) {
    dumpValue(e.args.value, `${path}.args`, out);
    e.args.entries.forEach((a, j) => {
      out.push(`${path}.args[${j}]`, a.range.start, a.range.end);
      for (const key of ['name', 'title', 'dataType', 'generic'] as const) if (a[key]) dumpValue(a[key], `${path}.args[${j}].${key}`, out);
    });
  }
}

function dump(doc: ElementJson): Dump {
  const out: Dump = ['root', doc.rootRange.start, doc.rootRange.end];
  for (const [k, v] of doc.props) dumpValue(v, k, out);
  for (const key of ['eventDescs', 'functionList'] as const) doc[key]?.entries.forEach((e, i) => dumpEntry(e, `${key}[${i}]`, out));
  return out;
}

/** The ranges every view answers: positions by one pass (the default) against positions by jsonc-parser. */
function viewsWith(first: string, later: string, parser?: (text: string) => ElementJson): Dump {
  const restore = parser ? usePositionsParser(parser) : () => {};
  try { return dump(parseElementJson(first, { text: () => later }, `/app/${Math.random()}/e.json`)); } finally { restore(); }
}
function same(text: string, later = text): void {
  assert.deepEqual(viewsWith(text, later), viewsWith(text, later, parseElementJsonWithPositions), text);
}

test('positions of simple, escaped and unicode values match the full parse', () => {
  same('{"type":"events.NormalType","title":"T"}');
  same('  \r\n\t{ "type" : "a\\"b\\\\" , "title": "\\u00e9t\\u00E9 \\ud83d\\ude00", "n": -1.5e+10, "t": true, "f": false, "z": null }  \n');
  same('{"ключ":"значение 😀","a\\nb":"x","\\u0041":1}');
  same('{"emoji😀key":{"inner😀":["😀",{"x":"y"}]}}');
  same('{}');
  same('{"a":"\\\\","b":"\\\\\\"","c":"x\\\\\\\\","d":["\\\\",{"e":"\\""}]}');
  same('{"a":[],"b":{},"c":[[]],"d":[{}]}');
});

test('nested arrays and objects down to the kept depth and beyond', () => {
  same('{"timerCfg":{"repeat":{"repeatType":"day","period":[1,[2,[3,[4,[5,[6]]]]]]},"startOffset":{"offsetType":"x"}}}');
  same(`{"deep":${'['.repeat(5000)}1${']'.repeat(5000)},"after":"x"}`);
  same(`{"deepObj":${'{"a":'.repeat(300)}1${'}'.repeat(300)},"after":"x"}`);
  same('{"a":[1,"two",{"three":[3,{"four":[4,{"five":5}]}]}],"s":"]}{[\\"}"}');
});

test('duplicate keys: the last occurrence wins, at every level and for the lists', () => {
  same('{"type":"a","type":"b","title":"x"}');
  same('{"a":{"x":1,"y":[1,2,3]},"a":{"x":2}}');
  same('{"a":[1,2,3],"a":{"k":1},"a":[9]}');
  same('{"o":{"k":[1,{"q":1,"q":[2,3]}],"k":[4,{"q":5}]}}');
  same('{"eventDescs":[{"name":"A"},{"name":"B","title":"t"}],"eventDescs":[{"name":"C","name":"D"}]}');
  same('{"eventDescs":[{"name":"C"}],"x":1,"eventDescs":[{"name":"A","title":"T"},{"name":"B"}]}');
  same('{"functionList":[{"name":"f","args":[{"name":"a","dataType":"Stext"}]}],"functionList":[{"name":"g"}]}');
});

test('eventDescs and functionList entries, args taken from the first "args"', () => {
  same(JSON.stringify({
    type: 'services.NormalType', title: 'S',
    eventDescs: [{ name: 'Created', title: 'C', desc: 'd', args: [1] }, 'not an object', { name: 1 }, [], {}],
    functionList: [
      { name: 'f', title: 'F', returnType: 'JitList', generic: 'Stext', args: [{ name: 'a', title: 'A', dataType: 'Stext', generic: 'x' }, 7, { name: 'b' }] },
      { name: 'g', args: 'not a list' },
      5,
    ],
  }, null, 2));
  same('{"functionList":[{"name":"f","args":[{"name":"a"}],"args":[{"name":"b"},{"name":"c"}]}]}');
  same('{"functionList":[{"name":"f","args":"x","args":[{"name":"b"}]}]}');
  same('{"functionList":[{"name":"f","args":[{"name":"a","name":"a2","dataType":"Stext"},{"name":"z"}],"args":[{"name":"b"}]}]}');
  same('{"eventDescs":"text","functionList":{"a":1}}');
  same('{"eventDescs":null,"functionList":[]}');
});

/** A random JSON value (seeded, so a failure repeats). */
function randomJson(seed: number): string {
  let s = seed;
  const rnd = (n: number) => { s = (s * 1103515245 + 12345) & 0x7fffffff; return s % n; };
  const names = ['name', 'title', 'desc', 'args', 'dataType', 'generic', 'returnType', 'type', 'a', 'b', 'é', '"q"', 'x\\y', '😀'];
  const ws = () => [' ', '', '\n  ', '\t', '\r\n'][rnd(5)];
  const str = () => JSON.stringify(['', 'v', 'a"b', 'back\\slash', 'üñí', '😀x', '\u2028', '\u0001'][rnd(8)]);
  const val = (d: number): string => {
    const k = d > 6 ? rnd(4) : rnd(7);
    if (k === 0) return str();
    if (k === 1) return ['0', '-1.5', '2e10', '123456789012345678901234567890'][rnd(4)];
    if (k === 2) return ['true', 'false', 'null'][rnd(3)];
    if (k === 3) return str();
    if (k === 4 || k === 5) {
      const n = rnd(5);
      return `{${ws()}${Array.from({ length: n }, () => `${JSON.stringify(names[rnd(names.length)])}${ws()}:${ws()}${val(d + 1)}`).join(`,${ws()}`)}${ws()}}`;
    }
    return `[${ws()}${Array.from({ length: rnd(5) }, () => val(d + 1)).join(`${ws()},`)}${ws()}]`;
  };
  const top = ['eventDescs', 'functionList', 'type', 'title', 'timerCfg', 'eventDescs', 'sender'];
  const n = rnd(6);
  return `${ws()}{${Array.from({ length: n }, () => `${JSON.stringify(top[rnd(top.length)])}:${ws()}${rnd(2) ? `[${Array.from({ length: rnd(4) }, () => val(1)).join(',')}]` : val(1)}`).join(',')}}${ws()}`;
}

test('random documents: positions match the full parse', () => {
  for (let seed = 1; seed <= 3000; seed++) same(randomJson(seed));
});

test('a text that is no longer strict JSON (changed since) takes the full parse', () => {
  same('{"type":"a","title":"b"}', '// comment\n{"type":"a", "title":"b",}');
  const half = parsePositions('{"type": "a", "title": "b');
  assert.ok(half.syntaxErrors.length > 0, 'a broken text keeps its syntax errors');
  assert.equal(parsePositions('[1, 2]').rootKind, 'array');
});
