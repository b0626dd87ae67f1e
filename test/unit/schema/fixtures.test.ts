// Integrity of the fixture apps and of the example app's expected problems: the engine tests compare
// against these files, so a wrong path or line here would make a correct engine look broken.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot, findFilesNamed, subFolders, type ExpectedProblem } from './repo-files.js';

const root = findRepoRoot();
const fixtures = join(root, 'test/fixtures');
const crmDemo = join(root, 'examples/crm-demo');

// Every code the engine may emit (BRIEF "Diagnostic codes").
const BRIEF_CODES = new Set(['json-syntax', 'root-not-object', 'missing-type', 'wrong-json-type', 'invalid-value',
  'sender-malformed', 'sender-service-not-found', 'sender-not-a-service', 'unknown-event', 'publish-args-not-tuple',
  'invalid-func-type', 'missing-func', 'func-malformed', 'func-element-not-found', 'func-not-found',
  'func-not-in-function-list', 'function-not-implemented', 'inner-file-missing', 'custom-func-missing', 'missing-name',
  'duplicate-event-name', 'duplicate-function-name', 'element-not-found', 'wrong-element-kind', 'unknown-model-field',
  'handler-signature-fails', 'handler-signature-unusual', 'init-import-missing', 'element-import-unresolved', 'inner-unused',
  'unknown-key', 'fields-ignored', 'filter-unknown-field', 'update-loop', 'workflow-option-misplaced', 'workflow-item-invalid',
  'workflow-node-unknown', 'workflow-not-bound', 'task-timer-invalid', 'task-date-field',
  'payload-key-not-sent', 'payload-key-sometimes', 'event-loop',
  // Identity, element basics, service contract, Python element references, model fields.
  'missing-title', 'unknown-type', 'missing-backend-entry', 'invalid-setting', 'missing-init-py', 'duplicate-full-name',
  'app-json-invalid', 'extends-entry-incomplete', 'missing-data-type', 'unknown-data-type', 'missing-generic',
  'service-class-mismatch', 'service-not-exported', 'params-mismatch', 'event-unused', 'publish-kwargs-not-dict',
  'element-ref-not-found', 'model-field-name-mismatch', 'reserved-field-name']);

function readExpected(path: string): ExpectedProblem[] {
  return JSON.parse(readFileSync(path, 'utf8')) as ExpectedProblem[];
}

function assertWellFormed(appRoot: string, problems: ExpectedProblem[], label: string): void {
  for (const p of problems) {
    assert.deepEqual(Object.keys(p).sort(), ['code', 'file', 'line', 'severity'], `${label}: keys of ${JSON.stringify(p)}`);
    assert.ok(BRIEF_CODES.has(p.code), `${label}: unknown code ${p.code}`);
    assert.ok(p.severity === 'error' || p.severity === 'warning' || p.severity === 'info', `${label}: severity ${p.severity}`);
    const path = join(appRoot, p.file);
    assert.ok(existsSync(path), `${label}: ${p.file} does not exist`);
    const lines = readFileSync(path, 'utf8').split('\n');
    assert.ok(Number.isInteger(p.line) && p.line >= 1 && p.line <= lines.length, `${label}: line ${p.line} of ${p.file}`);
  }
}

const EXPECTED_VARIANTS = ['agent-bad-stage', 'assistant-bad-operate', 'bad-field', 'bad-operate', 'bad-sender-event',
  'bad-sender-service', 'bad-sender-service-no-extends', 'dup-event-name', 'fn-not-implemented', 'global-no-func',
  'global-unknown-func', 'inner-no-file', 'inner-wrong-name', 'malformed-json', 'missing-type', 'model-sender-service',
  'no-app-json', 'publish-args-not-tuple', 'publish-undeclared', 'root-array', 'sender-not-service', 'valid-app'];

test('every fixture folder exists with an expected.json naming one BRIEF code at a real line', () => {
  const folders = subFolders(fixtures).filter((n) => existsSync(join(fixtures, n, 'expected.json')));
  assert.deepEqual(folders, EXPECTED_VARIANTS);
  for (const name of folders) {
    const expected = readExpected(join(fixtures, name, 'expected.json'));
    const clean = name === 'valid-app' || name === 'no-app-json';
    assert.equal(expected.length, clean ? 0 : 1, `${name} expects ${expected.length} diagnostics`);
    assertWellFormed(join(fixtures, name), expected, name);
  }
});

test('the line in each fixture points at the changed value', () => {
  const lineText = (name: string) => {
    const [p] = readExpected(join(fixtures, name, 'expected.json'));
    return readFileSync(join(fixtures, name, p.file), 'utf8').split('\n')[p.line - 1];
  };
  assert.match(lineText('bad-sender-event'), /"sender": "services\.CustomerBatchService\.dataProcesed"/);
  assert.match(lineText('bad-operate'), /"operate": "AfterUpdate"/);
  assert.match(lineText('bad-field'), /"nmae"/);
  assert.match(lineText('global-unknown-func'), /"func": "services\.CustomerBatchService\.nope"/);
  assert.match(lineText('global-no-func'), /"funcType": "Global"/);
  assert.match(lineText('publish-undeclared'), /sender="services\.CustomerBatchService\.unknownEvt"/);
  assert.match(lineText('publish-args-not-tuple'), /args=\(\{"processedCount": count\}\)/);
  assert.match(lineText('fn-not-implemented'), /"name": "processCustomers"/);
  assert.match(lineText('dup-event-name'), /"name": "dataProcessed", "title": "Batch failed"/);
});

test('valid-app and its copies differ only by the intended change (spot checks)', () => {
  assert.ok(!existsSync(join(fixtures, 'no-app-json/app.json')));
  assert.ok(!existsSync(join(fixtures, 'inner-no-file/events/ArchiveStatistics/inner.py')));
  assert.doesNotMatch(readFileSync(join(fixtures, 'bad-sender-service-no-extends/app.json'), 'utf8'), /extends/);
  assert.match(readFileSync(join(fixtures, 'bad-sender-service/app.json'), 'utf8'), /extends/);
  assert.doesNotMatch(readFileSync(join(fixtures, 'inner-wrong-name/events/ArchiveStatistics/inner.py'), 'utf8'), /customFunc/);
  const count = (dir: string) => findFilesNamed(join(fixtures, dir), 'e.json').length;
  assert.equal(count('valid-app'), 16);
  for (const name of EXPECTED_VARIANTS) assert.equal(count(name), 16, name);
});

test('crm-demo: expected problems are well formed and all sit in the clearly named mistakes places', () => {
  const expected = readExpected(join(crmDemo, 'expected-problems.json'));
  assert.equal(expected.length, 21);
  assertWellFormed(crmDemo, expected, 'crm-demo');
  for (const p of expected) {
    // The one hint outside: OrderService publishes orderCancelled that nobody subscribes to, on purpose (README).
    const hint = p.file === 'services/OrderService/e.json' && p.code === 'event-unused' && p.severity === 'info';
    assert.ok(hint || p.file.startsWith('events/deliberateMistakes/') || p.file.startsWith('services/MistakesDemoService/'),
      `${p.file} is outside the deliberate-mistakes places`);
  }
  const readme = readFileSync(join(crmDemo, 'README.md'), 'utf8');
  for (const p of expected) {
    assert.ok(readme.includes(p.file) && readme.includes(p.code), `README lists ${p.file} ${p.code}`);
  }
});

test('crm-demo: every functionList entry has a method in service.py and every Inner element has customFunc', () => {
  for (const file of findFilesNamed(crmDemo, 'e.json')) {
    const e = JSON.parse(readFileSync(file, 'utf8'));
    const dir = file.slice(0, -'/e.json'.length);
    if (e.type === 'services.NormalType') {
      const py = readFileSync(join(dir, 'service.py'), 'utf8');
      for (const fn of e.functionList ?? []) assert.match(py, new RegExp(`def ${fn.name}\\(self`), `${dir}: ${fn.name}`);
    }
    if (e.funcType === 'Inner' && !dir.includes('deliberateMistakes')) {
      assert.match(readFileSync(join(dir, 'inner.py'), 'utf8'), /^def customFunc\(/m, dir);
      assert.match(readFileSync(join(dir, '__init__.py'), 'utf8'), /from \.inner import customFunc/, dir);
    }
  }
});
