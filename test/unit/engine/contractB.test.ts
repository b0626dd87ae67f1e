/**
 * The contract-b fixture app (events of every Type, approvals with a real workflow, timer and
 * date-field tasks, handlers): exactly the problems in its expected-problems.json — code, severity,
 * range and message — so every rule of the event/approval/task contract is shown violated and every
 * valid element shown clean.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../../helpers/repo';
import { problemRows } from '../../helpers/problemList';

const dir = fs.realpathSync(path.join(repoRoot(), 'test/fixtures/contract-b'));

test('contract-b: exactly the problems of expected-problems.json (code, severity, range, message)', async () => {
  const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected-problems.json'), 'utf8'));
  assert.deepEqual(await problemRows(dir), expected);
});

test('contract-b: every rule of the contract is violated at least once', async () => {
  const codes = new Set((await problemRows(dir)).map((p) => p.code));
  for (const c of ['handler-signature-fails', 'handler-signature-unusual', 'init-import-missing', 'element-import-unresolved', 'inner-unused',
    'unknown-key', 'fields-ignored', 'filter-unknown-field', 'update-loop', 'workflow-option-misplaced', 'workflow-item-invalid',
    'workflow-node-unknown', 'workflow-not-bound', 'task-timer-invalid', 'task-date-field', 'wrong-json-type', 'element-not-found']) {
    assert.ok(codes.has(c), c);
  }
});

test('contract-b: every message has a Simplified Chinese text', async () => {
  const zh = await problemRows(dir, 'zh-cn');
  assert.equal(zh.length, (await problemRows(dir)).length);
  for (const p of zh) assert.match(p.message, /[\u4e00-\u9fff]/, `${p.file} ${p.code}: ${p.message}`);
});
