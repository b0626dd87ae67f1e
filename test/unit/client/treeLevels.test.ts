// The tree's fetched levels and their re-sync (client/src/tree/treeLevels.ts): rows fetched once per
// node, a sync re-asks only the shown levels and reports only the nodes whose answer changed, a newer
// sync cancels an older one, levels of rows that disappeared are dropped.
import test from 'node:test';
import assert from 'node:assert/strict';
import type { EventTreeParent } from '../../../shared/src/protocol/types';
import { TreeLevels, type LevelAnswer, type TokenSource } from '../../../client/src/tree/treeLevels';
import type { TreeNode } from '../../../client/src/tree/treeNodes';

interface Token { isCancellationRequested: boolean }
const source = (): TokenSource<Token> => {
  const token = { isCancellationRequested: false };
  return { token, cancel: () => { token.isCancellationRequested = true; }, dispose: () => undefined };
};
const node = (id: string, lazy?: EventTreeParent, children: TreeNode[] = []): TreeNode =>
  ({ id, kind: 'service', label: id, icon: 'x', contextValue: 'jitai.service', expanded: false, lazy, children });

/** A fake server: the rows of each level by key, and a log of what was asked. */
function fakeServer() {
  const rows = new Map<string, string[]>([['', ['A', 'B']], ['A', ['a1']], ['B', ['b1', 'b2']]]);
  const asked: string[] = [];
  const gates: (() => void)[] = [];
  let hold = false;
  const fetch = async (parent: EventTreeParent | undefined, token: Token): Promise<LevelAnswer> => {
    const key = parent?.service ?? '';
    asked.push(key);
    if (hold) await new Promise<void>((r) => gates.push(r));
    if (token.isCancellationRequested) throw new Error('cancelled');
    const labels = rows.get(key) ?? [];
    const nodes = labels.map((l) => (key === '' ? node(l, { appRootUri: 'file:///a', service: l }) : node(`${key}/${l}`)));
    return { key: JSON.stringify(labels), nodes };
  };
  return { rows, asked, fetch, holdRequests: (on: boolean) => { hold = on; }, release: () => { for (const g of gates.splice(0)) g(); } };
}

test('rows are fetched once per node; a sync re-asks only the shown levels', async () => {
  const s = fakeServer();
  const levels = new TreeLevels(s.fetch, source);
  assert.equal(await levels.sync(), 'root');
  assert.deepEqual(levels.roots.map((n) => n.id), ['A', 'B']);
  const [a] = levels.roots;
  const [kids, again] = await Promise.all([levels.childrenOf(a), levels.childrenOf(a)]);
  assert.equal(kids, again);
  assert.deepEqual(kids.map((n) => n.id), ['A/a1']);
  assert.equal(levels.parentOf(kids[0]), a);
  assert.deepEqual(s.asked, ['', 'A']);
  s.asked.length = 0;
  assert.equal(await levels.sync(), undefined, 'nothing changed: nothing to redraw');
  assert.deepEqual(s.asked.sort(), ['', 'A'], 'B was never expanded: not asked');
});

/** A synced tree whose two root rows A and B have both been expanded (their levels fetched). */
async function bothAppsExpanded() {
  const s = fakeServer();
  const levels = new TreeLevels(s.fetch, source);
  await levels.sync();
  const [a, b] = levels.roots;
  await levels.childrenOf(a);
  await levels.childrenOf(b);
  return { s, levels, a, b };
}

test('a sync reports only the nodes whose rows changed, and redraws all when the apps changed', async () => {
  const { s, levels, a, b } = await bothAppsExpanded();
  s.rows.set('B', ['b1', 'b2', 'b3']);
  const changed = await levels.sync();
  assert.ok(Array.isArray(changed));
  assert.deepEqual(changed.map((n) => n.id), ['B']);
  assert.equal(changed[0], b, 'the node object VS Code already holds');
  assert.deepEqual((await levels.childrenOf(b)).map((n) => n.id), ['B/b1', 'B/b2', 'B/b3']);
  s.rows.set('', ['A']);
  assert.equal(await levels.sync(), 'root');
  s.asked.length = 0;
  await levels.sync();
  assert.deepEqual(s.asked.sort(), ['', 'A'], 'the level of the removed row B is dropped');
});

test('a newer sync cancels the older one; both callers get the newer answer', async () => {
  const s = fakeServer();
  const levels = new TreeLevels(s.fetch, source);
  await levels.sync();
  s.rows.set('', ['A', 'B', 'C']);
  s.holdRequests(true);
  const first = levels.sync();
  const second = levels.sync();
  s.holdRequests(false);
  s.release();
  assert.deepEqual([await first, await second], ['root', 'root']);
  assert.deepEqual(levels.roots.map((n) => n.id), ['A', 'B', 'C']);
});

test('clear forgets every level (a new filter)', async () => {
  const s = fakeServer();
  const levels = new TreeLevels(s.fetch, source);
  await levels.sync();
  await levels.childrenOf(levels.roots[0]);
  levels.clear();
  assert.deepEqual(levels.roots, []);
  s.asked.length = 0;
  assert.equal(await levels.sync(), 'root');
  assert.deepEqual(s.asked, ['']);
});

test('only levels on screen are asked again; a collapsed one is stale and asked when expanded', async () => {
  const { s, levels, a, b } = await bothAppsExpanded();
  s.rows.set('B', ['b9']);
  s.asked.length = 0;
  assert.equal(await levels.sync((n) => n.id !== 'B'), undefined, 'B is collapsed: nothing on screen changed');
  assert.deepEqual(s.asked, ['', 'A'], 'one request after the other, the collapsed B not asked');
  assert.equal(levels.isStale(b), true);
  assert.equal(levels.isStale(a), false);
  assert.equal(await levels.revalidate(b), true, 'expanding B asks again and finds new rows');
  assert.deepEqual((await levels.childrenOf(b)).map((n) => n.id), ['B/b9']);
  assert.equal(levels.isStale(b), false);
  assert.equal(await levels.revalidate(b), false, 'not stale any more');
});

test('cancel stops a running sync: it reports "cancelled" and changes nothing', async () => {
  const s = fakeServer();
  const levels = new TreeLevels(s.fetch, source);
  await levels.sync();
  s.rows.set('', ['A', 'B', 'C']);
  s.holdRequests(true);
  const running = levels.sync();
  levels.cancel();
  s.holdRequests(false);
  s.release();
  assert.equal(await running, 'cancelled');
  assert.deepEqual(levels.roots.map((n) => n.id), ['A', 'B']);
  assert.equal(await levels.sync(), 'root');
});

test('a sync sends the key of the rows shown; an "unchanged" answer keeps them', async () => {
  const known: (string | undefined)[] = [];
  const rows = node('A', { appRootUri: 'file:///a', service: 'A' });
  let unchanged = false;
  const fetch = async (parent: EventTreeParent | undefined, _t: Token, k?: string): Promise<LevelAnswer> => {
    known.push(k);
    if (unchanged) return { key: k ?? '', unchanged: true };
    return parent ? { key: 'kids-1', nodes: [node('A/a1')] } : { key: 'root-1', nodes: [rows] };
  };
  const levels = new TreeLevels(fetch, source);
  assert.equal(await levels.sync(), 'root');
  await levels.childrenOf(levels.roots[0]);
  unchanged = true;
  known.length = 0;
  assert.equal(await levels.sync(), undefined);
  assert.deepEqual(known, ['root-1', 'kids-1']);
  assert.deepEqual((await levels.childrenOf(levels.roots[0])).map((n) => n.id), ['A/a1']);
});

test('syncing: true while a sync waits for its answers, false once answered or cancelled', async () => {
  const s = fakeServer();
  const levels = new TreeLevels(s.fetch, source);
  assert.equal(levels.syncing, false);
  s.holdRequests(true);
  const first = levels.sync();
  assert.equal(levels.syncing, true);
  levels.cancel();
  assert.equal(levels.syncing, false, 'cancelled (an edit puts the refresh off)');
  s.release();
  assert.equal(await first, 'cancelled');
  const second = levels.sync();
  assert.equal(levels.syncing, true);
  s.release();
  await new Promise((r) => setImmediate(r));
  s.release();
  assert.equal(await second, 'root');
  assert.equal(levels.syncing, false);
});
