// Figure (b): churn. A generated app of N elements (bench/generate.mjs) is copied to a temp folder and
// served by dist/server.js; right after `initialized` (while the first index runs) and on, OPS disk
// operations are made in a few seconds (subscriber senders rewritten, events renamed in services,
// service folders deleted and restored, event folders created and deleted), each batch announced by
// workspace/didChangeWatchedFiles. Requests (completion, hover, definition) are sent throughout.
// Prints: request latency during the churn, unanswered requests (5 s), time from the last operation
// until the server settles, and the final problems against a fresh `dist/cli.js check --format json`.
//
//   node bench/churn.mjs [--n 5000] [--ops 5000] [--seconds 4.5] [--seed 7]
import { cpSync, mkdtempSync, readFileSync, rmSync, existsSync, readdirSync, realpathSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { join, dirname } from 'node:path';
import { tmpdir, loadavg } from 'node:os';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureApp } from './generate.mjs';
import { LspSession, now, positionAt, uriOf } from './lsp-client.mjs';
import { latency, round } from './stats.mjs';
import { problemLines, serverProblemLines, compareProblems } from './problems.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const opt = (k, d) => { const i = argv.indexOf(`--${k}`); return i >= 0 ? Number(argv[i + 1]) : d; };
const N = opt('n', 5000), OPS = opt('ops', 5000), SECONDS = opt('seconds', 4.5), seed = opt('seed', 7);
const REQUEST_TIMEOUT = 5000;

const src = ensureApp(N, 42, { log: (m) => console.error(m) }).dir;
const dir = realpathSync(mkdtempSync(join(tmpdir(), 'jitai-churn-')));
cpSync(src, dir, { recursive: true });
const events = readdirSync(join(dir, 'events')).filter((n) => existsSync(join(dir, 'events', n, 'e.json')));
const nodeArgs = process.env.CHURN_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.CHURN_PROFILE}`] : [];
const server = new LspSession({ serverPath: join(here, '..', 'dist', 'server.js'), rootDir: dir, nodeArgs });
let lastChangeNote = 0;
await server.start();
server.conn.onNotification('jitai/indexChanged', () => { lastChangeNote = now(); server.wake(); });
const errors = [];
server.conn.onNotification('window/logMessage', (p) => { if (p.type === 1) errors.push(p.message.split('\n')[0]); });

// Requests on a few subscriber files, all along. Not opened: an open document's text would win over
// the disk, and the final comparison is with a check of the disk.
const probes = events.slice(0, 10).map((e) => join(dir, 'events', e, 'e.json')).filter((p) => existsSync(p));
const texts = new Map(probes.map((p) => [p, readFileSync(p, 'utf8')]));
const lat = { during: [], after: [] };
const unansweredMethods = [];
const byMethod = {};
let unanswered = 0, phase = 'during', stopRequests = false;
async function requestLoop() {
  let k = 0;
  while (!stopRequests) {
    const p = probes[k % probes.length], text = texts.get(p);
    const at = text.indexOf('"sender"');
    const position = positionAt(text, at >= 0 ? at + 20 : 0);
    const method = ['textDocument/completion', 'textDocument/hover', 'textDocument/definition'][k++ % 3];
    const t0 = now();
    const ph = phase;
    const answered = await Promise.race([server.conn.sendRequest(method, { textDocument: { uri: uriOf(p) }, position }).then(() => true, () => true),
      new Promise((r) => setTimeout(() => r(false), REQUEST_TIMEOUT))]);
    if (answered) { lat[ph].push(now() - t0); (byMethod[`${ph} ${method}`] ??= []).push(now() - t0); } else { unanswered++; unansweredMethods.push(method); }
    await new Promise((r) => setTimeout(r, 50));
  }
}
const requests = requestLoop();

// The churn: OPS operations in batches over SECONDS, made by a worker thread; each batch is forwarded at once.
const t0 = now();
const { opsMs } = await new Promise((resolve, reject) => {
  const w = new Worker(new URL('./churn-ops.mjs', import.meta.url), { workerData: { dir, seed, OPS, SECONDS } });
  w.on('message', (m) => {
    if (m.done) { resolve(m); return; }
    if (m.changes.length) server.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: m.changes.map(([p, type]) => ({ uri: uriOf(p), type })) });
  });
  w.on('error', reject);
});
const lastOp = now();
phase = 'after';
const churnMs = lastOp - t0;

// Settled: the server's problems equal a fresh `dist/cli.js check --format json` of the final disk (run
// meanwhile); the settle time is when the last publication before that equality arrived.
const cliRun = new Promise((resolve) => {
  const child = spawn(process.execPath, [join(here, '..', 'dist', 'cli.js'), 'check', '--format', 'json', dir], { stdio: ['ignore', 'pipe', 'ignore'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d) => { out += d; });
  child.on('close', () => resolve(JSON.parse(out || '{}')));
});
const want = problemLines(await cliRun, dir);
const SETTLE_TIMEOUT = 120000;
let cmp = compareProblems(serverProblemLines(server, dir), want);
const tWait = now();
while ((cmp.stale.length || cmp.missing.length) && now() - tWait < SETTLE_TIMEOUT) {
  await new Promise((r) => setTimeout(r, 200));
  cmp = compareProblems(serverProblemLines(server, dir), want);
}
const lastPublish = Math.max(lastChangeNote, ...server.publishLog.slice(-1).map((x) => x.t));
const settleMs = Math.max(0, lastPublish - lastOp);
const settled = !cmp.stale.length && !cmp.missing.length;
stopRequests = true;
await requests;
const rss = server.memory();
await server.stop();
if (process.env.CHURN_DEBUG) for (const l of [...cmp.stale, ...cmp.missing].slice(0, 5)) {
  const rel = l.split(' ')[0];
  console.log('DEBUG', rel, '\n disk:', readFileSync(join(dir, rel), 'utf8'));
}
rmSync(dir, { recursive: true, force: true });

const d = latency(lat.during), a = latency(lat.after);
const fmt = (l) => `p50 ${round(l.p50)} ms, p95 ${round(l.p95)} ms, p99 ${round(l.p99)} ms, max ${round(l.max)} ms (${l.count} requests)`;
console.log(`churn: ${N} elements, ${OPS} disk operations in ${round(churnMs / 1000, 1)} s (seed ${seed}), while the server indexes and after; load average ${loadavg().map((x) => round(x, 1)).join(' ')}`);
console.log(`  (this process spent ${round(opsMs / 1000, 1)} s making the disk operations)`);
console.log(`  requests during churn: ${fmt(d)}; over 1 s: ${lat.during.filter((x) => x > 1000).length}`);
console.log(`  requests after churn:  ${fmt(a)}`);
for (const [k, v] of Object.entries(byMethod)) console.log(`    ${k}: max ${round(Math.max(...v))} ms, p50 ${round(latency(v).p50)} ms (${v.length})`);
console.log(`  unanswered (5 s): ${unanswered}${unanswered ? ` (${unansweredMethods.join(", ")})` : ""}; errors logged by the server: ${errors.length}${errors.length ? ` (${errors[0]})` : ''}`);
console.log(`  ${settled ? 'settled' : 'NOT settled (120 s)'}: last publication ${round(settleMs / 1000, 2)} s after the last operation (target <= 10 s: ${settled && settleMs <= 10000 ? 'PASS' : 'MISS'}); server RSS ${round(rss.vmRSSMB, 0)} MB (peak ${round(rss.vmHWMMB, 0)} MB)`);
console.log(`  final problems vs fresh dist/cli.js check: ${cmp.same} equal, ${cmp.stale.length} stale, ${cmp.missing.length} missing${cmp.stale.length + cmp.missing.length ? `\n    e.g. ${[...cmp.stale.slice(0, 2), ...cmp.missing.slice(0, 2)].join('\n    ')}` : ''}`);
