/** `jitai-events run --format json`: the RunResult as a plain JSON object (server/src/cli/commands/run.ts). */
import test from 'node:test';
import assert from 'node:assert/strict';
import { runResultToJson } from '../../server/src/cli/commands/run';
import type { RunResult } from '../../shared/src/runner';

const base: RunResult = {
  status: 'ok', stdout: 'hello\n', stderr: '', published: [], standIns: [], durationMs: 42,
  pythonPath: '/usr/bin/python3', pythonVersion: '3.11.7',
};

test('JSON report is the RunResult as a plain object, undefined fields dropped', () => {
  const r: RunResult = { ...base, returnValue: { 回显: '🎉' }, returnRepr: undefined };
  const json = runResultToJson(r);
  assert.deepEqual(JSON.parse(JSON.stringify(json, null, 2)), { ...base, returnValue: { 回显: '🎉' } });
  assert.ok(!('returnRepr' in json));
});
