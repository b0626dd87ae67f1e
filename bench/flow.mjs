// Payload facts and the loop graph at N elements, next to the cold index time.
//
//   node bench/flow.mjs [--sizes 1000,10000] [--runs 5] [--seed 42] [--prebuilt]
//
// Bundles the engine (server/src/engine) with esbuild into bench/.cache/, generates (or reuses) the
// synthetic app of bench/generate.mjs, then per size: the cold index (indexAll, includes every rule)
// and, on that index, the time to build the flow graph (publish sites, handlers, merged payload of
// every published event) and the event-loop analysis from scratch, plus one publisher edit
// (setOverlay: re-reads the file, recomputes the flow facts, re-checks what changed). Medians.
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import { ensureApp, HOT_SERVICE } from './generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const opt = (name, def) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : def; };
const sizes = opt('sizes', '1000,10000').split(',').map(Number);
const runs = Number(opt('runs', 5));
const seed = Number(opt('seed', 42));

const out = join(here, '.cache', 'flow-engine.mjs');
// --prebuilt: reuse the bundle of an earlier run (no esbuild needed).
if (!argv.includes('--prebuilt')) await (await import('esbuild')).build({
  entryPoints: [join(here, 'flow-entry.ts')], bundle: true, platform: 'node', format: 'esm', outfile: out,
  mainFields: ['module', 'main'], logLevel: 'warning', define: { __VERSION__: '"bench"' },
});
const { createEngine, flowGraph, eventLoops } = await import(pathToFileURL(out).href);

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const ms = (t0) => performance.now() - t0;

for (const n of sizes) {
  const { dir } = ensureApp(n, seed, { log: (...a) => console.error('[flow-bench]', ...a) });
  const cold = [], facts = [], loops = [], edit = [];
  let summary;
  for (let r = 0; r < runs; r++) {
    const engine = createEngine();
    engine.setFolders([dir]);
    let t0 = performance.now();
    await engine.indexAll();
    cold.push(ms(t0));
    // From scratch on the indexed workspace: a fresh version makes both caches rebuild.
    const index = engine.index;
    index.flowVersion++;
    t0 = performance.now();
    const graph = flowGraph(index);
    let keys = 0;
    let published = 0;
    for (const [root, sender] of index.wiring.publishers.all()) { published++; keys += graph.customPayload(root, sender)?.kwargs.keys.size ?? 0; }
    facts.push(ms(t0));
    t0 = performance.now();
    const analysis = eventLoops(index);
    loops.push(ms(t0));
    const svc = join(dir, 'services', HOT_SERVICE, 'service.py');
    const text = readFileSync(svc, 'utf8');
    t0 = performance.now();
    engine.setOverlay(svc, text.replace('"batch": ', '"batch2": 1, "batch": '));
    edit.push(ms(t0));
    summary = { publishedEvents: published, handlers: graph.handlersByEl.size, kwargsKeys: keys, filesWithLoops: analysis.byPath.size, stats: engine.stats() };
  }
  console.log(`N=${n}: cold index ${median(cold).toFixed(1)} ms | payload facts (flow graph + merged payloads) ${median(facts).toFixed(1)} ms | loop graph ${median(loops).toFixed(1)} ms | publisher edit (setOverlay) ${median(edit).toFixed(1)} ms  [median of ${runs}]`);
  console.log(`        ${summary.publishedEvents} published events, ${summary.handlers} handlers, ${summary.filesWithLoops} files on loops; ${summary.stats.elements} elements, ${summary.stats.pythonFiles} Python files, ${summary.stats.warnings} warnings`);
}
