// Figure (c): one service folder deleted from an app of 1,667 services where 300 subscribers name
// services that do not exist (each one's "did you mean" depends on the set of services).
// Times engine.applyChanges for the deletion (records + every re-check it causes), and restores the
// folder between samples.
//
//   node bench/deletion.mjs [--services 1667] [--missing 300] [--samples 20]
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, cpSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { bundleEngine } from './engine-bundle.mjs';
import { summary, round } from './stats.mjs';

const argv = process.argv.slice(2);
const opt = (k, d) => { const i = argv.indexOf(`--${k}`); return i >= 0 ? Number(argv[i + 1]) : d; };
const nServices = opt('services', 1667), nMissing = opt('missing', 300), samples = opt('samples', 20);

const { createEngine } = await bundleEngine('deletion', [`export { createEngine } from './server/src/engine';`]);
const dir = realpathSync(mkdtempSync(join(tmpdir(), 'jitai-deletion-')));
const write = (rel, o) => { mkdirSync(join(dir, rel, '..'), { recursive: true }); writeFileSync(join(dir, rel), typeof o === 'string' ? o : JSON.stringify(o, null, 2)); };
write('app.json', { appId: 'bench.Deletion', title: 'Deletion' });
const svcName = (i) => `Service${String(i).padStart(4, '0')}Billing`;
for (let i = 0; i < nServices; i++) {
  write(`services/${svcName(i)}/e.json`, { title: `S${i}`, type: 'services.NormalType', backendBundleEntry: '.', functionList: [{ name: 'run', title: 'Run', args: [] }], eventDescs: [{ name: 'done', title: 'Done' }, { name: 'failed', title: 'Failed' }] });
  write(`services/${svcName(i)}/service.py`, `class ${svcName(i)}(NormalService):\n    def run(self):\n        app.event.publish(sender="services.${svcName(i)}.done", args=(1,))\n`);
}
for (let i = 0; i < nMissing; i++) {
  // Senders naming services that do not exist: a typo of a real one for a third, unrelated names for the rest.
  const svc = i % 3 === 0 ? `Service${String(i * 5).padStart(4, '0')}Biling` : `Gone${i}Thing`;
  write(`events/Missing${i}/e.json`, { title: `M${i}`, type: 'events.NormalType', sender: `services.${svc}.done`, funcType: 'Inner', backendBundleEntry: '.' });
  write(`events/Missing${i}/inner.py`, 'def customFunc(*args, **kwargs):\n    pass\n');
}
const engine = createEngine();
engine.setFolders([dir]);
let t0 = performance.now();
await engine.indexAll();
const indexMs = performance.now() - t0;

const ms = [], changedCounts = [];
const backup = join(dir, '..', `${dir.split('/').pop()}-backup`);
for (let s = 0; s < samples; s++) {
  const name = svcName(Math.floor((s + 0.5) * nServices / samples));
  const folder = join(dir, 'services', name);
  cpSync(folder, backup, { recursive: true });
  rmSync(folder, { recursive: true });
  t0 = performance.now();
  const changed = engine.applyChanges([folder]);
  ms.push(performance.now() - t0);
  changedCounts.push(changed.length);
  cpSync(backup, folder, { recursive: true });
  rmSync(backup, { recursive: true });
  engine.applyChanges([folder]);
}
rmSync(dir, { recursive: true, force: true });
const s = summary(ms);
console.log(`one service folder deletion: ${nServices} services, ${nMissing} subscribers of missing services, ${samples} samples`);
console.log(`  first index ${round(indexMs)} ms`);
console.log(`  applyChanges(deleted folder): median ${round(s.median)} ms, max ${round(s.max)} ms (target <= 100 ms: ${s.max <= 100 ? 'PASS' : 'MISS'})`);
console.log(`  files whose problems changed per deletion: median ${summary(changedCounts).median}, max ${Math.max(...changedCounts)}`);
