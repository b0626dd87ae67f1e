// Where the cold index's time goes beyond the floor: each engine phase alone, in one process, on the same files.
// A diagnostic tool for issue 5 (not part of `npm run bench`); uses the engine's internals, so it may need
// updating when they change.
//
//   node bench/phases.mjs [N=10000] [--rounds 3]
// Prints, per phase, the median over rounds (each round runs every phase once, in this order):
//   list (readdir walk), read (readFileSync utf8), JSON.parse, parseElementJson (jsonc-parser with ranges),
//   scanPython (tokenizer + scanner), full CheckedIndex.indexAll (everything, incl. validation).
import { readFileSync, readdirSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { ensureApp } from './generate.mjs';
import { summary, round } from './stats.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..');
const argv = process.argv.slice(2);
const n = Number(argv.find((a) => /^\d+$/.test(a)) ?? 10000);
const ri = argv.indexOf('--rounds');
const rounds = ri >= 0 ? Number(argv[ri + 1]) : 3;

// Bundle the engine entry points this tool needs (ESM, into the cache dir).
const outDir = join(here, '.cache', 'phases');
mkdirSync(outDir, { recursive: true });
const entry = join(outDir, 'entry.ts');
await esbuild.build({
  stdin: {
    contents: `export { CheckedIndex, nodeFileHost } from '../../../server/src/engine';
export { ExcludeMatcher } from '../../../server/src/engine/files/globs';
export { parseElementJson } from '../../../server/src/engine/elements/fastElementJson';
export { scanPython } from '../../../server/src/engine/python/scanner';`,
    resolveDir: outDir, sourcefile: entry, loader: 'ts',
  },
  bundle: true, platform: 'node', format: 'esm', target: 'node20', mainFields: ['module', 'main'],
  outfile: join(outDir, 'engine.mjs'), logLevel: 'error', absWorkingDir: repo,
});
const engine = await import(pathToFileURL(join(outDir, 'engine.mjs')).href + `?t=${Date.now()}`);

const app = ensureApp(n);
function list(root) {
  const out = [];
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop();
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) { if (e.name[0] !== '.') stack.push(p); } else if (e.name === 'e.json' || e.name.endsWith('.py')) out.push(p);
    }
  }
  return out;
}

const time = (fn) => { const c0 = process.cpuUsage(); const t0 = performance.now(); const r = fn(); const c = process.cpuUsage(c0); return { ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, r }; };
const results = {};
const add = (k, t) => ((results[k] ??= []).push(t));
for (let i = 0; i < rounds; i++) {
  const l = time(() => list(app.dir));
  add('list: readdir walk', l);
  const files = l.r;
  const rd = time(() => files.map((p) => [p, readFileSync(p, 'utf8')]));
  add('read: readFileSync utf8', rd);
  const texts = rd.r;
  const jsons = texts.filter(([p]) => p.endsWith('e.json'));
  const pys = texts.filter(([p]) => p.endsWith('.py'));
  add('engine nodeFileHost.list', time(() => engine.nodeFileHost.list(app.dir, new engine.ExcludeMatcher([]))));
  add('engine nodeFileHost.read every file', time(() => { for (const p of files) engine.nodeFileHost.read(p); }));
  add('JSON.parse every e.json', time(() => { for (const [, t] of jsons) JSON.parse(t); }));
  add('parseElementJson every e.json (JSON.parse + lazy positions)', time(() => { for (const [p, t] of jsons) engine.parseElementJson(t, () => t); }));
  add('scanPython every .py', time(() => { for (const [, t] of pys) engine.scanPython(t); }));
  const c0 = process.cpuUsage(); const t0 = performance.now();
  const index = new engine.CheckedIndex({});
  index.setFolders([app.dir]);
  await index.indexAll(undefined, Number.MAX_SAFE_INTEGER);
  const c = process.cpuUsage(c0);
  add('CheckedIndex.indexAll (all of the above + validation)', { ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000 });
}
const floor = summary(['list: readdir walk', 'read: readFileSync utf8', 'JSON.parse every e.json']
  .map((k) => results[k]).reduce((acc, arr) => arr.map((t, i) => (acc[i] ?? 0) + t.ms), []));
console.log(`N=${n}, ${rounds} rounds in one process (rounds after the first are JIT-warm); median wall (cpu) ms:`);
for (const [k, ts] of Object.entries(results)) {
  const w = summary(ts.map((t) => t.ms)), c = summary(ts.map((t) => t.cpuMs));
  console.log(`  ${String(round(w.median, 0)).padStart(7)} (${String(round(c.median, 0)).padStart(6)})  ${(w.median / floor.median).toFixed(2).padStart(5)}× floor  ${k}`);
}
console.log(`  floor = list + read + JSON.parse = ${round(floor.median, 0)} ms`);
