/**
 * The contract test app (test/fixtures/contract-a): every rule of the identity, element, service,
 * Python-reference and model-field checks violated at least once and used correctly at least once.
 * Exactly the problems of expected-problems.json (code, range, message), and every quick fix offered
 * leaves its spot free of problems.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEngine, severityName, type Engine, type EngineDiagnostic } from '../../../server/src/engine';
import { repoRoot } from '../../helpers/repo';

interface Row { file: string; line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string }

const dir = fs.realpathSync(path.join(repoRoot(), 'test/fixtures/contract-a'));

async function engineOn(folder: string): Promise<Engine> {
  const engine = createEngine();
  engine.setFolders([folder]);
  await engine.indexAll();
  return engine;
}

function rows(engine: Engine): Row[] {
  const out: Row[] = [];
  for (const [p, list] of engine.allDiagnostics()) {
    for (const d of list) {
      out.push({
        file: p.slice(dir.length + 1), line: d.range.start.line + 1, column: d.range.start.character + 1,
        endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1, severity: severityName(d.severity), code: d.code, message: d.message,
      });
    }
  }
  return sortRows(out);
}

const rowKey = (r: Row) => `${r.file}:${String(r.line).padStart(4)}:${String(r.column).padStart(4)}:${r.code}`;
const sortRows = (l: Row[]) => [...l].sort((a, b) => (rowKey(a) < rowKey(b) ? -1 : 1));

test('contract-a: exactly the problems of expected-problems.json (code, range, severity, message)', async () => {
  const engine = await engineOn(dir);
  const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected-problems.json'), 'utf8')) as Row[];
  assert.deepEqual(rows(engine), sortRows(expected));
});

test('contract-a: every rule of this part is violated at least once', async () => {
  const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected-problems.json'), 'utf8')) as Row[];
  const codes = new Set(expected.map((r) => r.code));
  for (const code of ['duplicate-full-name', 'extends-entry-incomplete', 'missing-title', 'unknown-type', 'missing-backend-entry', 'invalid-setting',
    'missing-init-py', 'service-class-mismatch', 'service-not-exported', 'missing-name', 'missing-data-type', 'unknown-data-type', 'missing-generic',
    'params-mismatch', 'event-unused', 'publish-kwargs-not-dict', 'element-ref-not-found', 'model-field-name-mismatch', 'reserved-field-name']) {
    assert.ok(codes.has(code), code);
  }
});

function offsetOf(text: string, pos: { line: number; character: number }): number {
  let off = 0;
  for (let l = 0; l < pos.line; l++) off = text.indexOf('\n', off) + 1;
  return off + pos.character;
}

const overlaps = (a: EngineDiagnostic['range'], b: EngineDiagnostic['range']) =>
  !(a.end.line < b.start.line || (a.end.line === b.start.line && a.end.character < b.start.character)
    || b.end.line < a.start.line || (b.end.line === a.start.line && b.end.character < a.start.character));

test('contract-a: each quick fix leaves its spot free of problems', async () => {
  const engine = await engineOn(dir);
  const fixes: [string, EngineDiagnostic][] = [];
  for (const [p, list] of engine.allDiagnostics()) for (const d of list) if (d.fix) fixes.push([p, d]);
  assert.deepEqual([...new Set(fixes.map(([, d]) => d.code))].sort(),
    ['element-not-found', 'element-ref-not-found', 'invalid-setting', 'model-field-name-mismatch', 'unknown-data-type', 'unknown-type']);
  for (const [p, d] of fixes) {
    const text = fs.readFileSync(p, 'utf8');
    const start = offsetOf(text, d.fix!.range.start), end = offsetOf(text, d.fix!.range.end);
    engine.setOverlay(p, text.slice(0, start) + d.fix!.newText + text.slice(end));
    const after = engine.diagnosticsOf(p).filter((x) => overlaps(x.range, d.fix!.range));
    assert.deepEqual(after.map((x) => `${x.code}: ${x.message}`), [], `${path.relative(dir, p)}: fix "${d.fix!.newText}" for ${d.code}`);
    engine.setOverlay(p, undefined);
  }
});

test('contract-a: a misspelled Type is checked as the Type it names (model event rules run on events.ModleType)', async () => {
  const engine = await engineOn(dir);
  const list = engine.diagnosticsOf(path.join(dir, 'events/LeaveAudit/e.json'));
  assert.deepEqual(list.map((d) => d.code), ['unknown-type', 'invalid-value']);
  assert.equal(list[0].fix?.newText, 'events.ModelType');
});

test('contract-a in Chinese: the new messages are localized', async () => {
  const engine = createEngine({ locale: 'zh-cn' });
  engine.setFolders([dir]);
  await engine.indexAll();
  for (const [, list] of engine.allDiagnostics()) for (const d of list) assert.match(d.message, /[\u4e00-\u9fff]/, `${d.code}: ${d.message}`);
});
