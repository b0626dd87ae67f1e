import test from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { probePython, runHandler } from '../../../shared/src/runner';
import { APP, globalHandler, innerHandler } from './fixtureHandlers';

// The harness promises Python 3.8+: run it on 3.8 when this machine has one (pyenv or python3.8 on PATH).
async function python38(): Promise<string | undefined> {
  for (const candidate of ['python3.8', join(process.env.HOME ?? '/root', '.pyenv', 'versions', '3.8.18', 'bin', 'python3')]) {
    const probe = await probePython(candidate);
    if (probe.ok && probe.version.startsWith('3.8.')) return probe.executable || candidate;
  }
  return undefined;
}

test('the harness works on Python 3.8: Global handler, publish, error frames', async (t) => {
  const py = await python38();
  if (!py) { t.skip('no Python 3.8 on this machine'); return; }
  const ok = await runHandler({
    handler: innerHandler('ServiceLookup'), args: [], kwargs: { batchSize: 1 }, pythonPath: py, timeoutMs: 30_000,
  });
  assert.equal(ok.status, 'ok', ok.error?.traceback);
  assert.match(ok.pythonVersion ?? '', /^3\.8\./);
  assert.equal(ok.published[0]?.line, 9);
  const g = await runHandler({
    handler: globalHandler('NotifyOnProcessed', 'services.CustomerBatchService', 'onProcessed'),
    args: [{ processedCount: 1 }], kwargs: {}, pythonPath: py, timeoutMs: 30_000,
  });
  assert.equal(g.status, 'ok', g.error?.traceback);
  const err = await runHandler({ handler: innerHandler('FailingHandler'), args: [{}], kwargs: {}, pythonPath: py, timeoutMs: 30_000 });
  assert.deepEqual(err.error?.frames.map((f) => [f.file, f.line]), [
    [join(APP, 'events', 'FailingHandler', 'inner.py'), 8], [join(APP, 'events', 'FailingHandler', 'inner.py'), 3],
  ]);
});
