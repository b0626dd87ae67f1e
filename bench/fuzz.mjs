// Figure (a): LSP fuzz with huge inputs. One dist/server.js process on a copy of examples/crm-demo
// gets mutated e.json and Python documents (random edits, truncation, binary bytes, CRLF-only,
// 100k-deep nesting, 5 MB documents, 5 MB service.py with tens of thousands of publish calls), as
// open documents and as files written to disk, with requests at random positions after each.
// Prints request latency percentiles, requests over 1 s, unanswered requests (5 s), exceptions the
// server caught and logged (window/logMessage errors), and the server's RSS.
//
//   node bench/fuzz.mjs [--docs 300] [--seed 1] [--requests 6]
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync, mkdirSync, realpathSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { prng } from './generate.mjs';
import { LspSession, now, uriOf, positionAt } from './lsp-client.mjs';
import { latency, round } from './stats.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const opt = (k, d) => { const i = argv.indexOf(`--${k}`); return i >= 0 ? Number(argv[i + 1]) : d; };
const DOCS = opt('docs', 300), seed = opt('seed', 1), PER_DOC = opt('requests', 6);
const TIMEOUT = 5000, MB = 1024 * 1024;

const dir = realpathSync(mkdtempSync(join(tmpdir(), 'jitai-fuzz-')));
cpSync(join(here, '..', 'examples', 'crm-demo'), dir, { recursive: true });
const rnd = prng(seed);
const pick = (l) => l[Math.floor(rnd() * l.length)];
const int = (n) => Math.floor(rnd() * n);

const seeds = [
  'events/NotifySalesOnProcessed/e.json', 'events/ArchiveStatistics/e.json', 'events/ArchiveStatistics/inner.py',
  'services/CustomerBatchService/e.json', 'services/CustomerBatchService/service.py', 'services/NotifyService/service.py',
].map((rel) => [rel, readFileSync(join(dir, rel), 'utf8')]);

function mutate(text) {
  let t = text;
  for (let k = 1 + int(6); k > 0; k--) {
    const at = int(t.length + 1), r = rnd();
    if (r < 0.3) t = t.slice(0, at) + t.slice(at + 1 + int(20));
    else if (r < 0.6) t = t.slice(0, at) + pick(['"', '{', '}', '[', ']', ',', ':', '\\', '\n', '\r\n', '(', ')', "'", '.', 'é', '😀', '\0']) + t.slice(at);
    else if (r < 0.8) t = t.slice(0, at);
    else t = t.slice(0, at) + t.slice(int(t.length));
  }
  return t;
}

/** A hostile document for a path: [relative path, text]. */
function hostile() {
  const [rel, text] = pick(seeds);
  const r = rnd();
  if (r < 0.55) return [rel, mutate(text)];
  if (r < 0.62) return [rel, '\r\n'];
  if (r < 0.69) return [rel, `{"sender": ${'['.repeat(100000)}`];
  if (r < 0.74) return [rel.replace(/e\.json$/, 'inner.py'), `x = ${'('.repeat(100000)}`];
  if (r < 0.80) return [rel, Buffer.from(Array.from({ length: 4096 }, () => int(256))).toString('latin1')];
  if (r < 0.88) { // 5 MB e.json: a huge eventDescs list
    const entries = []; let size = 0;
    for (let i = 0; size < 5 * MB; i++) { const e = `{"name": "evt${i}", "title": "Event ${i} ${'x'.repeat(40)}"}`; entries.push(e); size += e.length + 2; }
    return ['services/CustomerBatchService/e.json', `{"title": "Big", "type": "services.NormalType", "eventDescs": [${entries.join(',\n')}]}`];
  }
  // 5 MB service.py: publish calls of an event that does not exist
  const line = '        app.event.publish(sender="services.CustomerBatchService.vanished", args=({"a": 1},))\n';
  return ['services/CustomerBatchService/service.py', `class CustomerBatchService(NormalService):\n    def run(self):\n${line.repeat(Math.ceil((5 * MB) / line.length))}`];
}

const server = new LspSession({ serverPath: join(here, '..', 'dist', 'server.js'), rootDir: dir });
await server.start();
const errors = [];
server.conn.onNotification('window/logMessage', (p) => { if (p.type === 1) errors.push(p.message.split('\n')[0]); });
await server.waitFor(() => server.ready(), 60000, 'first index');
const rss0 = server.memory();

const lat = [], slow = {}, unanswered = {};
let peakRss = rss0.vmRSSMB;
async function request(method, params) {
  const t0 = now();
  const ok = await Promise.race([server.conn.sendRequest(method, params).then(() => true, () => true), new Promise((r) => setTimeout(() => r(false), TIMEOUT))]);
  const ms = now() - t0;
  if (!ok) { unanswered[method] = (unanswered[method] ?? 0) + 1; return; }
  lat.push(ms);
  if (ms > 1000) slow[method] = (slow[method] ?? 0) + 1;
}

const open = new Set();
const t0 = now();
for (let i = 0; i < DOCS; i++) {
  const [rel, text] = hostile();
  const path = join(dir, rel), uri = uriOf(path);
  if (rnd() < 0.3) { // on disk, announced by a watched-file event
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    server.watchedChanged([path], 2);
  } else if (open.has(path)) server.change(path, text);
  else { server.open(path, text); open.add(path); }
  const reqs = [];
  for (let k = 0; k < PER_DOC; k++) {
    const position = positionAt(text, int(Math.min(text.length, 200000) + 1));
    const m = pick(['textDocument/completion', 'textDocument/hover', 'textDocument/definition', 'textDocument/references',
      'textDocument/codeLens', 'textDocument/prepareRename', 'textDocument/codeAction', 'jitai/eventTree']);
    const params = m === 'jitai/eventTree' ? {} : m === 'textDocument/codeLens' ? { textDocument: { uri } }
      : m === 'textDocument/references' ? { textDocument: { uri }, position, context: { includeDeclaration: true } }
      : m === 'textDocument/codeAction' ? { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } }
      : { textDocument: { uri }, position };
    reqs.push(request(m, params));
  }
  await Promise.all(reqs);
  if (rnd() < 0.2 && open.has(path)) { server.close(path); open.delete(path); }
  if (i % 10 === 0) peakRss = Math.max(peakRss, server.memory().vmRSSMB);
}
const totalS = (now() - t0) / 1000;
const rss1 = server.memory();
const alive = server.exitCode === undefined;
await server.stop();
rmSync(dir, { recursive: true, force: true });

const l = latency(lat);
const sum = (o) => Object.values(o).reduce((a, b) => a + b, 0);
console.log(`fuzz: ${DOCS} hostile documents, ${lat.length + sum(unanswered)} requests in ${round(totalS, 1)} s (seed ${seed}); load average ${loadavg().map((x) => round(x, 1)).join(' ')}`);
console.log(`  latency: p50 ${round(l.p50)} ms, p95 ${round(l.p95)} ms, p99 ${round(l.p99)} ms, max ${round(l.max)} ms`);
console.log(`  over 1 s: ${sum(slow)} ${JSON.stringify(slow)}; unanswered (5 s): ${sum(unanswered)} ${JSON.stringify(unanswered)}`);
console.log(`  exceptions caught and logged by the server: ${errors.length}${errors.length ? ` (first: ${errors[0]})` : ''}; server alive at the end: ${alive}`);
console.log(`  RSS: ${round(rss0.vmRSSMB, 0)} MB after the first index, peak ${round(Math.max(peakRss, rss1.vmHWMMB), 0)} MB, ${round(rss1.vmRSSMB, 0)} MB at the end`);
