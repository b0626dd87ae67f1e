// Run chain orchestration (client/src/run/chainRunner.ts) with injected runs and subscriber lookups.
import test from 'node:test';
import assert from 'node:assert/strict';
import type { RunResult } from '../../../shared/src/runner';
import { chainSteps, formatChain, runChain } from '../../../client/src/run/chainRunner';
import type { HandlerTarget } from '../../../shared/src/protocol/types';
import type { Payload } from '../../../client/src/run/payload';

const APP = 'file:///work/crm';
const ok = (published: Array<{ sender: string; args?: unknown[]; kwargs?: Record<string, unknown> }> = []): RunResult => ({
  status: 'ok', stdout: '', stderr: '', standIns: [], durationMs: 10, pythonPath: 'python3',
  published: published.map((p) => ({ sender: p.sender, args: p.args ?? [], kwargs: p.kwargs ?? {} })),
});

/** A tiny app: A publishes s.x -> B and C; B publishes s.y -> D; D publishes s.x again (a loop); C publishes s.none. */
function app() {
  const runs: Array<{ fullName: string; payload: Payload }> = [];
  const results: Record<string, RunResult> = {
    'events.A': ok([{ sender: 's.x', args: [1], kwargs: { k: 'v' } }]),
    'events.B': ok([{ sender: 's.y' }]),
    'events.C': ok([{ sender: 's.none' }]),
    'events.D': ok([{ sender: 's.x' }]),
  };
  const subscribers: Record<string, string[]> = { 's.x': ['events.B', 'events.C'], 's.y': ['events.D'] };
  return {
    runs,
    deps: (maxDepth: number, extra: Partial<Parameters<typeof runChain>[2]> = {}) => ({
      maxDepth,
      run: async (target: HandlerTarget, payload: Payload) => {
        runs.push({ fullName: target.fullName, payload });
        if (target.fullName === 'events.Broken') throw new Error('inner.py is missing');
        return results[target.fullName] ?? ok();
      },
      subscribersOf: async (appRootUri: string, sender: string) => { assert.equal(appRootUri, APP); return subscribers[sender] ?? []; },
      ...extra,
    }),
  };
}

test('dispatches published events to local subscribers with the published args/kwargs, level by level', async () => {
  const a = app();
  const root = await runChain({ appRootUri: APP, fullName: 'events.A' }, { args: [], kwargs: {} }, a.deps(2));
  assert.deepEqual(a.runs.map((r) => r.fullName), ['events.A', 'events.B', 'events.C', 'events.D']);
  assert.deepEqual(a.runs[1].payload, { args: [1], kwargs: { k: 'v' } });
  assert.deepEqual(root.children.map((c) => [c.target.fullName, c.trigger?.sender, c.depth]), [['events.B', 's.x', 1], ['events.C', 's.x', 1]]);
  assert.deepEqual(root.children[1].unhandled, ['s.none']);
  const d = root.children[0].children[0];
  assert.equal(d.target.fullName, 'events.D');
  assert.equal(d.truncated, true, 'D published s.x again but the depth limit stops the loop');
});

test('depth 1 runs only the direct subscribers', async () => {
  const a = app();
  const root = await runChain({ appRootUri: APP, fullName: 'events.A' }, { args: [], kwargs: {} }, a.deps(1));
  assert.deepEqual(a.runs.map((r) => r.fullName), ['events.A', 'events.B', 'events.C']);
  assert.equal(root.children[0].truncated, true);
  assert.equal(chainSteps(root).length, 3);
});

test('starting from an earlier result does not run the first handler again', async () => {
  const a = app();
  await runChain({ appRootUri: APP, fullName: 'events.A' }, { args: [], kwargs: {} }, a.deps(1), ok([{ sender: 's.y' }]));
  assert.deepEqual(a.runs.map((r) => r.fullName), ['events.D']);
});

test('a subscriber that cannot run is recorded, the rest of the chain goes on; maxRuns caps fan-out', async () => {
  const a = app();
  const deps = a.deps(3, {
    subscribersOf: async (_: string, sender: string) => (sender === 's.x' ? ['events.Broken', 'events.B'] : []),
  });
  const root = await runChain({ appRootUri: APP, fullName: 'events.A' }, { args: [], kwargs: {} }, deps);
  assert.equal(root.children[0].error, 'inner.py is missing');
  assert.equal(root.children[1].result?.status, 'ok');
  const b = app();
  const capped = await runChain({ appRootUri: APP, fullName: 'events.A' }, { args: [], kwargs: {} }, b.deps(5, { maxRuns: 2 }));
  assert.deepEqual(b.runs.map((r) => r.fullName), ['events.A', 'events.B'], 'maxRuns counts every handler run, the first included');
  assert.equal(capped.truncated, true);
});

test('formatChain shows the chain as an outline', async () => {
  const a = app();
  const root = await runChain({ appRootUri: APP, fullName: 'events.A' }, { args: [], kwargs: {} }, a.deps(2));
  assert.deepEqual(formatChain(root, 2), [
    'Chain from events.A (depth limit 2):',
    '  └ events.A  ok · 10 ms · published 1',
    '    └ s.x → events.B  ok · 10 ms · published 1',
    '      └ s.y → events.D  ok · 10 ms · published 1',
    '          … not dispatched further (limit reached)',
    '    └ s.x → events.C  ok · 10 ms · published 1',
    '        s.none → no local subscriber',
  ]);
});
