// Preloaded into the benchmarked server (`node --require bench/heap-probe.cjs dist/server.js`).
// On SIGUSR2 writes the process's heap figures to $BENCH_HEAP_FILE. Never touches stdout (the LSP channel).
const v8 = require('node:v8');
const vm = require('node:vm');
const fs = require('node:fs');
// A full GC on demand without starting the server with --expose-gc (which would differ from how VS Code starts it).
v8.setFlagsFromString('--expose-gc');
const fullGc = vm.runInNewContext('gc');
const file = process.env.BENCH_HEAP_FILE;
let maxHeapUsed = 0;
const sample = () => { const u = process.memoryUsage().heapUsed; if (u > maxHeapUsed) maxHeapUsed = u; };
// Samples only when the event loop is free: a long synchronous index is seen at its end.
setInterval(sample, 100).unref();
if (file) {
  process.on('SIGUSR2', () => {
    sample();
    // Figures are taken before the optional snapshot (which allocates).
    const m = process.memoryUsage();
    const h = v8.getHeapStatistics();
    // What the index keeps alive: heap used after a full collection (the figure above also holds garbage
    // a collection has not reached yet, so it varies with GC timing).
    fullGc();
    const live = process.memoryUsage().heapUsed;
    const tmp = file + '.tmp';
    fs.writeFileSync(tmp, JSON.stringify({
      heapUsedMB: m.heapUsed / 2 ** 20, liveHeapMB: live / 2 ** 20, heapTotalMB: m.heapTotal / 2 ** 20, externalMB: m.external / 2 ** 20,
      rssMB: m.rss / 2 ** 20, maxSampledHeapUsedMB: maxHeapUsed / 2 ** 20, heapLimitMB: h.heap_size_limit / 2 ** 20,
    }));
    // Optional: a heap snapshot for bench/heap-summary.mjs (slow; only when asked), written before the answer.
    if (process.env.BENCH_HEAP_SNAPSHOT) v8.writeHeapSnapshot(process.env.BENCH_HEAP_SNAPSHOT);
    fs.renameSync(tmp, file);
  });
}
