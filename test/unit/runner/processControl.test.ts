import test from 'node:test';
import assert from 'node:assert/strict';
import { runHandler } from '../../../shared/src/runner';
import { innerHandler, processEnds, testPython } from './fixtureHandlers';

function childPid(stdout: string): number {
  const m = /child pid (\d+)/.exec(stdout);
  assert.ok(m, `the handler reported its child: ${JSON.stringify(stdout)}`);
  return Number(m[1]);
}

test('timeout kills the whole process tree, including a child process the handler started', async () => {
  const r = await runHandler({
    handler: innerHandler('SlowChildHandler'), args: [], kwargs: {}, pythonPath: await testPython(), timeoutMs: 1500,
  });
  assert.equal(r.status, 'timeout');
  assert.ok(r.durationMs >= 1400 && r.durationMs < 10_000, `duration ${r.durationMs}`);
  const pid = childPid(r.stdout);
  assert.ok(await processEnds(pid), `the handler's child "sleep 60" (pid ${pid}) is still running`);
  // What it published before it hung is still reported.
  assert.deepEqual(r.published.map((e) => [e.sender, e.args, e.line]), [['services.CustomerBatchService.summaryReady', [{ stage: 'before sleep' }], 7]]);
});

test('cancel through AbortSignal kills the run while it is running', async () => {
  const controller = new AbortController();
  let seen = '';
  const r = await runHandler({
    handler: innerHandler('SlowChildHandler'), args: [], kwargs: {}, pythonPath: await testPython(), timeoutMs: 60_000,
    signal: controller.signal,
    onOutput: (stream, text) => {
      seen += text;
      if (stream === 'stdout' && seen.includes('ready\n')) controller.abort();
    },
  });
  assert.equal(r.status, 'cancelled');
  assert.ok(r.durationMs < 30_000, `duration ${r.durationMs}`);
  assert.ok(await processEnds(childPid(r.stdout)), 'the child process is gone after cancel');
  assert.equal(r.error, undefined);
});

test('an already aborted signal does not start Python at all', async () => {
  const controller = new AbortController();
  controller.abort();
  const r = await runHandler({
    handler: innerHandler('ArchiveStatistics'), args: [], kwargs: {}, pythonPath: '/nonexistent/python', timeoutMs: 1000,
    signal: controller.signal,
  });
  assert.equal(r.status, 'cancelled');
  assert.equal(r.stdout, '');
});

test('output beyond 1 MB is cut and says so', async () => {
  // python -c as the "harness": floods stdout, then exits without a result (crashed, but output capped).
  const { writeFileSync, mkdtempSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'jitai-flood-'));
  const flood = join(dir, 'flood.py');
  writeFileSync(flood, 'import sys\nsys.stdout.write("x" * (3 * 1024 * 1024))\n');
  const r = await runHandler({
    handler: innerHandler('ArchiveStatistics'), args: [], kwargs: {}, pythonPath: await testPython(), timeoutMs: 30_000,
    harnessPath: flood,
  });
  assert.equal(r.status, 'crashed');
  assert.ok(r.stdout.startsWith('x'.repeat(1024 * 1024) + '\n[jitai-events: output truncated, 2097152 more bytes not shown'));
});

test('a handler that returns while its child process still runs: the run ends promptly and the child is ended', async () => {
  const r = await runHandler({
    handler: innerHandler('BackgroundChild'), args: [], kwargs: {}, pythonPath: await testPython(), timeoutMs: 60_000,
  });
  assert.equal(r.status, 'ok', r.stderr);
  assert.equal(r.returnValue, 'returned while a child still runs');
  assert.ok(r.durationMs < 20_000, `duration ${r.durationMs}`);
  assert.ok(await processEnds(childPid(r.stdout)), 'the background child was ended with the run');
});
