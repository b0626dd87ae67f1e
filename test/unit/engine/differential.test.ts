/**
 * Incremental checking equals a fresh index: seeded random sequences of editor edits, disk writes,
 * creates, deletes, folder renames and app.json changes (test/helpers/differential.ts); after each
 * step every diagnostic (file, code, range, severity, message, quick fix) must match. The long run
 * is `node bench/differential.mjs --steps 2000 --seed N`.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { runDifferential } from '../../helpers/differential';

const SEEDS = [1, 2, 3, 4, 5, 6];
const STEPS = 60;

for (const seed of SEEDS) {
  test(`differential seed ${seed}: ${STEPS} random steps, incremental diagnostics equal a fresh index after each`, async () => {
    const r = await runDifferential({ seed, steps: STEPS });
    assert.deepEqual(r.mismatches, []);
    assert.equal(r.steps, STEPS);
    assert.ok(r.diagnosticsCompared > 0, 'the generated app has problems to compare');
  });
}
