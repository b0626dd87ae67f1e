/** The argument of "JitAi: Show Event Flow": an events-tree event node, `{ sender, uri?, depth? }`, or nothing. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { flowParamsOf } from '../../../client/src/graph/flowParams';

describe('Show Event Flow argument', () => {
  it('an event node of the tree: its sender, its file as scope, the configured depth', () => {
    const node = { id: 'x', kind: 'event', sender: 'services.A.b', location: { uri: 'file:///app/services/A/e.json', range: {} }, children: [] };
    assert.deepEqual(flowParamsOf(node, 3), { sender: 'services.A.b', depth: 3, uri: 'file:///app/services/A/e.json' });
  });
  it('an explicit object wins over the setting; bad depths fall back to it', () => {
    assert.deepEqual(flowParamsOf({ sender: 's', depth: 1, uri: 'file:///a' }, 3), { sender: 's', depth: 1, uri: 'file:///a' });
    assert.deepEqual(flowParamsOf({ sender: 's', depth: 0 }, 2), { sender: 's', depth: 2 });
    assert.deepEqual(flowParamsOf({ sender: 's', depth: 'x' }, 2), { sender: 's', depth: 2 });
  });
  it('nothing, a node without sender or junk: the whole workspace', () => {
    for (const a of [undefined, null, 7, 'text', { id: 'app' }, { sender: 5 }]) assert.deepEqual(flowParamsOf(a, 2), {});
  });
});
