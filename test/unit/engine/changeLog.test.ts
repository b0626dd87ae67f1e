/** The change log the tree's aggregates catch up from: what changed since a version, or "rebuild" once it no longer reaches back. */
import test from 'node:test';
import assert from 'node:assert/strict';
import { ChangeLog } from '../../../server/src/engine/workspace/changeLog';

test('since(v) gives the keys recorded after v, in order, with repeats', () => {
  const log = new ChangeLog(100);
  log.record('a'); const v = log.version;
  log.record('b'); log.record('a');
  assert.deepEqual(log.since(v), ['b', 'a']);
  assert.deepEqual(log.since(log.version), []);
  assert.deepEqual(log.since(0), ['a', 'b', 'a']);
});

test('a reader further behind than the log keeps is told to rebuild; recent readers still catch up', () => {
  const log = new ChangeLog(10);
  for (let i = 0; i < 25; i++) log.record(`k${i}`);
  assert.equal(log.version, 25);
  assert.equal(log.since(0), undefined);
  assert.deepEqual(log.since(22), ['k22', 'k23', 'k24']);
  assert.equal(log.since(26), undefined, 'a version from another log');
});
