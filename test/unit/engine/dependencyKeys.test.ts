/**
 * Dependency keys are short and stable: a path's key is the same before and during a full re-index
 * (edits applied while a re-index runs re-check the files that looked the path up), distinct per
 * prefix and path, and the same for equal app roots and names.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { forgetOldKeyIds, keys, resetInternedKeys } from '../../../server/src/engine/workspace/dependencyKeys';

const long = '/home/dev/projects/some-company/a-very-long-workspace-folder/app/events/OnSomething';

test('keys are distinct per prefix and part, equal for equal parts, and much shorter than the paths they name', () => {
  const py = keys.python(`${long}/inner.py`);
  assert.equal(keys.python(`${long}/inner.py`), py);
  assert.notEqual(keys.handlers(`${long}/inner.py`), py);
  assert.notEqual(keys.python(`${long}/__init__.py`), py);
  assert.ok(py.length < 12, py);
  const e = keys.element('/ws/app', 'events.OnPaid');
  assert.equal(keys.element('/ws/app', 'events.OnPaid'), e);
  assert.notEqual(keys.element('/ws/other', 'events.OnPaid'), e);
  assert.notEqual(keys.payload('/ws/app', 'events.OnPaid'), e);
});

test('a path keeps its key through a re-index until that index is adopted, also across a re-index that was cancelled', () => {
  const before = keys.python(`${long}/service.py`);
  const first = resetInternedKeys();
  const second = resetInternedKeys(); // the first re-index was overtaken by a newer one
  assert.equal(keys.python(`${long}/service.py`), before);
  forgetOldKeyIds(first); // the overtaken one never adopts; a late call changes nothing
  assert.equal(keys.python(`${long}/service.py`), before);
  forgetOldKeyIds(second);
  assert.equal(keys.python(`${long}/service.py`), before, 'keys asked during the re-index stay');
  assert.notEqual(keys.python(`${long}/model.py`), before);
});
