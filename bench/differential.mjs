// The long differential run: random steps on a generated app (editor edits, disk writes, creates,
// deletes, folder renames, app.json changes; test/helpers/differential.ts), and after each step the
// incremental diagnostics must equal a fresh full index. The unit suite runs a short seed set; this
// runs as many steps and seeds as asked and prints figures.
//
//   node bench/differential.mjs [--steps 2000] [--seed 1] [--seeds 1]
import { bundleEngine } from './engine-bundle.mjs';
import { round } from './stats.mjs';

const argv = process.argv.slice(2);
const opt = (k, d) => { const i = argv.indexOf(`--${k}`); return i >= 0 ? Number(argv[i + 1]) : d; };
const steps = opt('steps', 2000), first = opt('seed', 1), seeds = opt('seeds', 1);

const { runDifferential } = await bundleEngine('differential', [`export { runDifferential } from './test/helpers/differential';`]);
let failed = 0;
for (let seed = first; seed < first + seeds; seed++) {
  const t0 = performance.now();
  const r = await runDifferential({ seed, steps, log: (line) => console.log(`  ${line}`) });
  const ms = performance.now() - t0;
  failed += r.mismatches.length ? 1 : 0;
  const ops = Object.entries(r.ops).sort().map(([k, v]) => `${k} ${v}`).join(', ');
  console.log(`seed ${seed}: ${r.steps} steps, ${r.mismatches.length} mismatching steps, ${r.diagnosticsCompared} diagnostics compared, ${round(ms / 1000, 1)} s`
    + ` (incremental ${round(r.incrementalMs / r.steps, 3)} ms/step, fresh index ${round(r.freshMs / r.steps, 2)} ms/step)`);
  console.log(`  steps: ${ops}`);
}
console.log(failed ? `${failed} of ${seeds} seeds found a difference` : `all ${seeds} seeds: incremental == fresh after every step`);
process.exitCode = failed ? 1 : 0;
