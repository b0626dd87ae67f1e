// The e.json JSON Schema (schemas/e.schema.json, draft-07, contributed to VS Code through
// jsonValidation) checked with ajv against the real fixture apps and against the mistakes users make.
import test from 'node:test';
import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import Ajv, { type ErrorObject } from 'ajv';
import { findRepoRoot, findFilesNamed, subFolders, type ExpectedProblem } from './repo-files.js';

const root = findRepoRoot();
const schemaPath = join(root, 'schemas', 'e.schema.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;

// Keywords VS Code reads that are not part of draft-07: declared so ajv's strict mode accepts them.
const VSCODE_KEYWORDS = ['markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions', 'defaultSnippets',
  'patternErrorMessage', 'errorMessage', 'deprecationMessage', 'doNotSuggest'];

const strictWarnings: string[] = [];
const ajv = new Ajv({
  allErrors: true,
  strict: true,
  allowUnionTypes: true,
  logger: { log: () => {}, warn: (...a: unknown[]) => { strictWarnings.push(a.join(' ')); }, error: (...a: unknown[]) => { strictWarnings.push(a.join(' ')); } },
});
ajv.addVocabulary(VSCODE_KEYWORDS);
const validate = ajv.compile(schema);

function errorsOf(value: unknown): ErrorObject[] {
  return validate(value) ? [] : [...(validate.errors ?? [])];
}

/** `/path: message` lines, as a reader would want to see them in a failure. */
function describe(errors: ErrorObject[]): string {
  return errors.map((e) => `${e.instancePath || '/'}: ${e.message}`).join('\n');
}

/**
 * The schema describes without rejecting (one problem, one diagnostic: the language server reports
 * wrong values with its own message and quick fix): `value` validates, and the value at `instancePath`
 * is one the schema has a check for (kept inside `anyOf: [check, {}]` for completion and hover).
 */
function assertDescribedNotRejected(value: unknown, instancePath: string): void {
  assert.deepEqual(errorsOf(value), [], `the schema must not reject ${JSON.stringify(value)} at ${instancePath || '/'} (the engine reports it)`);
}

test('the schema is draft-07, compiles in ajv strict mode without warnings, and is what package.json contributes', () => {
  assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  assert.deepEqual(strictWarnings, []);
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const contributed = pkg.contributes.jsonValidation.find((j: { fileMatch: string }) => j.fileMatch === '**/e.json');
  assert.ok(contributed, 'package.json contributes a jsonValidation entry for **/e.json');
  // The url is localized (%jsonValidation.eSchema%): each display language gets its schema file.
  const key = /^%([\w.-]+)%$/.exec(contributed.url)?.[1];
  assert.ok(key, `the jsonValidation url is a %key% of package.nls: ${contributed.url}`);
  for (const [nls, file] of [['package.nls.json', './schemas/e.schema.json'], ['package.nls.zh-cn.json', './schemas/e.schema.zh-cn.json']]) {
    const url: string = JSON.parse(readFileSync(join(root, nls), 'utf8'))[key];
    assert.equal(url, file, `${nls} maps ${key}`);
    assert.ok(existsSync(join(root, url)), `${url} exists`);
  }
});

test('the schema describes without rejecting (node scripts/schema-permissive.mjs --check)', () => {
  const check = spawnSync(process.execPath, [join(root, 'scripts/schema-permissive.mjs'), '--check'], { encoding: 'utf8' });
  assert.equal(check.status, 0, check.stdout + check.stderr);
});

test('the Chinese schema is the English one with every hover text and snippet translated (node scripts/schema-zh.mjs --check)', () => {
  const check = spawnSync(process.execPath, [join(root, 'scripts/schema-zh.mjs'), '--check'], { encoding: 'utf8' });
  assert.equal(check.status, 0, check.stdout + check.stderr);
  const zh = JSON.parse(readFileSync(join(root, 'schemas/e.schema.zh-cn.json'), 'utf8'));
  assert.equal(zh.definitions.normalEvent.anyOf[0].properties.sender.description, '要监听的自定义事件："<服务 fullName>.<事件名>"，该事件须在对应服务的 eventDescs 中声明。');
  assert.deepEqual(zh.defaultSnippets.map((s: { label: string }) => s.label),
    ['新建自定义事件（Inner 处理函数）', '新建自定义事件（Global 处理函数）', '新建服务', '新建模型事件（Inner 处理函数）']);
  // Same structure: stripping texts leaves equal schemas, and the Chinese one validates the same way.
  const strip = (o: unknown): unknown => Array.isArray(o) ? o.map(strip) : o && typeof o === 'object'
    ? Object.fromEntries(Object.entries(o).map(([k, v]) => [k, /description|title|label|Message/i.test(k) && typeof v !== 'object' ? ''
      : /Descriptions$/.test(k) && Array.isArray(v) ? v.map(() => '') : strip(v)])) : o;
  assert.deepEqual(strip(zh), strip(schema));
});

for (const app of ['test/fixtures/valid-app', 'examples/crm-demo']) {
  test(`every e.json of ${app} validates`, () => {
    const files = findFilesNamed(join(root, app), 'e.json');
    assert.ok(files.length >= 15, `found only ${files.length} e.json files in ${app}`);
    for (const file of files) {
      const errors = errorsOf(JSON.parse(readFileSync(file, 'utf8')));
      assert.deepEqual(errors, [], `${relative(root, file)}:\n${describe(errors)}`);
    }
  });
}

// Shape mistakes a schema could see on its own; the schema leaves them to the engine (one diagnostic each).
// Missing keys (missing-type, missing-sender, …) are the engine's alone: the schema has no `required`,
// so VS Code shows one problem for them, not two.
const SCHEMA_LEVEL_CODES = new Set(['invalid-value', 'wrong-json-type', 'root-not-object']);

test('the schema rejects nothing in any broken fixture: every problem is the engine\'s (one diagnostic each)', () => {
  const fixtures = join(root, 'test/fixtures');
  let rejected = 0;
  for (const name of subFolders(fixtures)) {
    const expectedPath = join(fixtures, name, 'expected.json');
    if (!existsSync(expectedPath)) continue;
    const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as ExpectedProblem[];
    for (const file of findFilesNamed(join(fixtures, name), 'e.json')) {
      const rel = relative(join(fixtures, name), file);
      const here = expected.filter((p) => p.file === rel);
      if (here.some((p) => p.code === 'json-syntax')) continue; // not JSON at all: the engine's job
      const errors = errorsOf(JSON.parse(readFileSync(file, 'utf8')));
      if (here.some((p) => SCHEMA_LEVEL_CODES.has(p.code))) rejected++;
      assert.deepEqual(errors, [], `${name}/${rel} should validate (the engine reports ${here.map((p) => p.code)}):\n${describe(errors)}`);
    }
  }
  assert.equal(rejected, 4, 'shape mistakes met: bad-operate, assistant-bad-operate, agent-bad-stage, root-array');
});

const customEvent = {
  type: 'events.NormalType', title: 'Archive statistics', sender: 'services.CustomerBatchService.dataProcessed',
  funcType: 'Inner', asyncType: false, objMode: false, enable: 1, backendBundleEntry: '.',
};

test('wrong JSON types are described, not rejected (the engine reports them): asyncType "yes", enable 2, objMode 1, fields not strings', () => {
  assertDescribedNotRejected({ ...customEvent, asyncType: 'yes' }, '/asyncType');
  assertDescribedNotRejected({ ...customEvent, enable: 2 }, '/enable');
  assertDescribedNotRejected({ ...customEvent, enable: '1' }, '/enable');
  assertDescribedNotRejected({ ...customEvent, objMode: 1 }, '/objMode');
  assertDescribedNotRejected({ type: 'events.ModelType', sender: 'models.M', operate: 'AddAfter', fields: 'name' }, '/fields');
  assertDescribedNotRejected({ type: 'events.ModelType', sender: 'models.M', operate: 'AddAfter', fields: [1] }, '/fields/0');
  assertDescribedNotRejected({ type: 'services.NormalType', functionList: [{ name: 'a', argsToDatatype: 'yes' }] }, '/functionList/0/argsToDatatype');
  // An entry without name is reported by the engine (missing-name), not by the schema.
  assert.deepEqual(errorsOf({ type: 'services.NormalType', eventDescs: [{ title: 'no name' }] }), []);
  assertDescribedNotRejected({ type: 'x.Y', cacheLevel: 2 }, '/cacheLevel');
});

test('bad enum values are described, not rejected (the engine reports them with a fix): operate "AfterUpdate", stage "beforeTool", funcType "Globl", operate "afterrun"', () => {
  assertDescribedNotRejected({ type: 'events.ModelType', sender: 'models.CustomerModel', operate: 'AfterUpdate' }, '/operate');
  assertDescribedNotRejected({ type: 'events.AIAgentType', sender: 'aiagents.CustomerAgent', stage: 'beforeTool' }, '/stage');
  assertDescribedNotRejected({ ...customEvent, funcType: 'Globl' }, '/funcType');
  assertDescribedNotRejected({ ...customEvent, funcType: 'GLOBAL' }, '/funcType');
  assertDescribedNotRejected({ type: 'events.AIAssistantType', sender: 'aiassistants.H', operate: 'afterrun' }, '/operate');
  assertDescribedNotRejected({ type: 'events.AIAssistantType', sender: 'aiassistants.H', operate: 'node1.finished' }, '/operate');
  assertDescribedNotRejected({ type: 'events.WorkflowType', model: 'models.M', operate: 'Done' }, '/operate');
  assertDescribedNotRejected({ type: 'events.WorkflowType', model: 'models.M', operate: 'NodeHandled', handleType: ['agree', 'ok'] }, '/handleType');
  assertDescribedNotRejected({ type: 'tasks.NormalType', timerCfg: { repeat: { repeatType: 'daily' } } }, '/timerCfg/repeat/repeatType');
  assertDescribedNotRejected({ type: 'tasks.DateFieldType', modelPath: 'models.M', timerCfg: { startOffset: { offsetType: 2 } } }, '/timerCfg/startOffset/offsetType');
  assertDescribedNotRejected({ type: 'x.Y', accessModifier: 'internal' }, '/accessModifier');
});

test('legacy spellings validate: funcType global/inner, protect, taskFunc, transfer, offsetUnit days', () => {
  for (const funcType of ['global', 'inner', 'Global', 'Inner']) {
    assert.deepEqual(errorsOf({ ...customEvent, funcType }), [], funcType);
  }
  const legacy = [
    { type: 'events.WorkflowType', model: 'models.M', operate: 'NodeHandled', funcType: 'inner', handleType: 'transfer' },
    { type: 'services.NormalType', accessModifier: 'protect', functionList: [{ name: 'a', argsToDatatype: true, loginRequired: 0 }] },
    { type: 'tasks.NormalType', funcType: 'Global', taskFunc: 'services.S.run', timerCfg: { startTime: '2025-01-01 02:00:00', repeat: { repeatType: 'week', period: 2 } } },
    { type: 'tasks.DateFieldType', modelPath: 'models.M', timerCfg: { startField: 'due', startOffset: { offsetType: 1, offset: 2, offsetUnit: 'days' } } },
    { type: 'events.AIAssistantType', sender: 'aiassistants.H', operate: 'reviewNode.approved', func: 'services.S.f' },
    { type: 'events.AIAgentType', sender: 'aiagents.A', stage: 'postEvent', funcType: 'Inner' },
  ];
  for (const value of legacy) assert.deepEqual(errorsOf(value), [], JSON.stringify(value));
});

test('unknown keys, custom Types, a root that is not an object and a missing type are all the engine\'s to report', () => {
  assert.deepEqual(errorsOf({ ...customEvent, myTypeSetting: { anything: true } }), []);
  assert.deepEqual(errorsOf({ type: 'events.MyCustomType', whatever: 1, operate: 'anything' }), []);
  assertDescribedNotRejected([], '');
  // Missing keys are the engine's problems (missing-type, missing-sender): one diagnostic each, not two.
  assert.deepEqual(errorsOf({ title: 'no type' }), []);
  assert.deepEqual(errorsOf({ type: 'events.NormalType', funcType: 'Inner' }), []);
});

/** Replaces `${1:text}` by text and `${1|a,b|}` by a, as VS Code inserts a snippet by default. */
function expandSnippet(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1');
  if (Array.isArray(value)) return value.map(expandSnippet);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expandSnippet(v)]));
  return value;
}

test('defaultSnippets (new Inner/Global custom event, new service) insert valid e.json', () => {
  const snippets = schema.defaultSnippets as { label: string; body: unknown }[];
  const labels = snippets.map((s) => s.label);
  for (const wanted of ['New custom event (Inner handler)', 'New custom event (Global handler)', 'New service']) {
    assert.ok(labels.includes(wanted), `snippet "${wanted}" in ${labels.join(', ')}`);
  }
  for (const s of snippets) assert.deepEqual(errorsOf(expandSnippet(s.body)), [], s.label);
});

test('every enum that VS Code shows has one description per value', () => {
  let checked = 0;
  const walk = (node: unknown, path: string): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (Array.isArray(n.enumDescriptions)) {
      assert.ok(Array.isArray(n.enum), `${path} has enumDescriptions without enum`);
      assert.equal(n.enumDescriptions.length, (n.enum as unknown[]).length, `${path}: enum and enumDescriptions differ in length`);
      checked++;
    }
    for (const [k, v] of Object.entries(n)) if (k !== 'defaultSnippets') walk(v, `${path}/${k}`);
  };
  walk(schema, '#');
  assert.ok(checked >= 10, `only ${checked} enums have descriptions`);
});
