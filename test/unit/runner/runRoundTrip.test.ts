import test from 'node:test';
import assert from 'node:assert/strict';
import { runHandler } from '../../../shared/src/runner';
import { innerHandler, testPython } from './fixtureHandlers';

// Measures a full Run round trip (spawn python, harness, stand-ins, handler, result parsing).
test('Run round trip: 10 runs of an Inner handler, median reported', async (t) => {
  const pythonPath = await testPython();
  const times: number[] = [];
  for (let i = 0; i < 10; i++) {
    const started = performance.now();
    const r = await runHandler({
      handler: innerHandler('ArchiveStatistics'), args: [{ processedCount: i }], kwargs: {}, pythonPath, timeoutMs: 30_000,
    });
    times.push(performance.now() - started);
    assert.equal(r.status, 'ok');
    assert.equal(r.published.length, 1);
  }
  times.sort((a, b) => a - b);
  const median = (times[4]! + times[5]!) / 2;
  t.diagnostic(`run round trip: median ${median.toFixed(1)} ms, min ${times[0]!.toFixed(1)} ms, max ${times[9]!.toFixed(1)} ms (python ${pythonPath})`);
});
