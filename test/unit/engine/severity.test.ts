/**
 * The user's severity per diagnostic code, applied by the engine: 'off' drops a code, other levels
 * replace its default; unknown codes and levels are reported with the closest code. package.json
 * declares the setting with every registered code.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_DIAGNOSTIC_CODES, Severity, createEngine } from '../../../server/src/engine';
import { repoRoot } from '../../helpers/repo';

const crm = fs.realpathSync(path.join(repoRoot(), 'examples/crm-demo'));
const file = (rel: string) => path.join(crm, rel);

test('Engine option severity: off drops a code, a level replaces the default', async () => {
  const engine = createEngine({ severity: { 'event-unused': 'off', 'params-mismatch': 'error', 'unknown-event': 'info' } });
  engine.setFolders([crm]);
  await engine.indexAll();
  const codes = [...engine.allDiagnostics().values()].flat().map((d) => d.code);
  assert.ok(!codes.includes('event-unused'));
  const py = engine.diagnosticsOf(file('services/MistakesDemoService/service.py'));
  assert.equal(py.find((d) => d.code === 'params-mismatch')?.severity, Severity.Error);
  assert.equal(py.find((d) => d.code === 'unknown-event')?.severity, Severity.Information);
  assert.equal(engine.stats().errors, 7 - 2 + 1, 'counts follow the mapped severities (two unknown-event now info, one params-mismatch now error)');
});

test('setSeverity re-checks and returns the files whose problems changed; undoing restores the defaults', async () => {
  const engine = createEngine();
  engine.setFolders([crm]);
  await engine.indexAll();
  const svc = file('services/OrderService/e.json');
  assert.deepEqual(engine.diagnosticsOf(svc).map((d) => [d.code, d.severity]), [['event-unused', Severity.Information]]);
  let r = engine.setSeverity({ 'event-unused': 'off' });
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.changed.sort(), [file('services/MistakesDemoService/e.json'), svc].sort());
  assert.deepEqual(engine.diagnosticsOf(svc), []);
  assert.deepEqual(engine.setSeverity({ 'event-unused': 'off' }).changed, [], 'the same map changes nothing');
  r = engine.setSeverity({});
  assert.equal(r.changed.length, 2);
  assert.deepEqual(engine.diagnosticsOf(svc).map((d) => d.code), ['event-unused']);
});

test('the severity map survives a full re-index', async () => {
  const engine = createEngine({ severity: { 'event-unused': 'warning' } });
  engine.setFolders([crm]);
  await engine.indexAll();
  await engine.indexAll();
  assert.equal(engine.diagnosticsOf(file('services/OrderService/e.json'))[0].severity, Severity.Warning);
});

test('unknown codes (with the closest code) and unknown levels are reported and ignored', () => {
  const engine = createEngine();
  const r = engine.setSeverity({ 'event-unsued': 'off', 'missing-title': 'loud', 'missing-type': 'warning' });
  assert.deepEqual(r.problems, [
    { code: 'event-unsued', kind: 'unknown-code', suggestion: 'event-unused' },
    { code: 'missing-title', kind: 'bad-level', level: 'loud' },
  ]);
});

test('package.json declares jitaiEvents.diagnostics.severity with every registered code, en and zh descriptions', () => {
  const root = repoRoot();
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const prop = pkg.contributes.configuration.properties['jitaiEvents.diagnostics.severity'];
  assert.equal(prop.type, 'object');
  assert.equal(prop.additionalProperties, false);
  assert.ok(['window', 'resource'].includes(prop.scope));
  assert.deepEqual(Object.keys(prop.properties), [...ALL_DIAGNOSTIC_CODES]);
  for (const c of ALL_DIAGNOSTIC_CODES) assert.deepEqual(prop.properties[c].enum, ['off', 'info', 'warning', 'error'], c);
  const key = prop.markdownDescription.replace(/^%|%$/g, '');
  for (const nls of ['package.nls.json', 'package.nls.zh-cn.json']) {
    assert.ok(JSON.parse(fs.readFileSync(path.join(root, nls), 'utf8'))[key], `${nls} has ${key}`);
  }
});
