import test from 'node:test';
import assert from 'node:assert/strict';
import { toCompletionList, MAX_COMPLETION_ITEMS } from '../../../server/src/lsp/completionList';
import type { EngineCompletion } from '../../../server/src/engine/features/completion';

const range = { start: { line: 0, character: 10 }, end: { line: 0, character: 20 } };
const item = (label: string): EngineCompletion => ({ label, kind: 'event', replace: { start: 10, end: 20 }, insertText: label, documentation: 'doc' });

test('small lists go whole (the editor filters), with documentation and per-item edits', () => {
  const list = toCompletionList([item('services.A.x'), item('services.B.y')], 'services.B', range, false);
  assert.equal(list.isIncomplete, false);
  assert.deepEqual(list.items.map((i) => i.label), ['services.A.x', 'services.B.y']);
  assert.deepEqual(list.items[0].textEdit, { range, newText: 'services.A.x' });
  assert.ok(list.items[0].documentation);
});

test('big lists are filtered by the typed text, best matches first, capped and incomplete', () => {
  const items: EngineCompletion[] = [];
  for (let i = 0; i < 3000; i++) items.push(item(`services.Svc${i}.event${i}`));
  items.push(item('services.Orders.orderPaid'));
  const list = toCompletionList(items, 'services.ord', range, true);
  assert.equal(list.isIncomplete, true);
  assert.equal(list.items[0].label, 'services.Orders.orderPaid');
  assert.ok(list.items.length <= MAX_COMPLETION_ITEMS);
  assert.ok(list.items.every((i) => i.textEdit === undefined));
  assert.deepEqual(list.itemDefaults, { editRange: range });
  const all = toCompletionList(items, '', range, true);
  assert.equal(all.items.length, MAX_COMPLETION_ITEMS);
  assert.ok(all.items.every((i) => i.documentation === undefined), 'no per-item documentation in long lists');
  const none = toCompletionList(items, 'zzzz', range, true);
  assert.equal(none.items.length, 0);
});
