// Figures measured through the real language server process (figures 1 server-side, 2, 3, 4, 5).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LspSession, now, positionAt, uriOf } from './lsp-client.mjs';
import { latency } from './stats.mjs';

const brokenPaths = (app) => app.manifest.broken.map((b) => join(app.dir, b.dir, 'e.json'));

/**
 * Figure 1 (server) + 5: spawn the server, time its first index up to `indexStatus: ready` and the
 * diagnostics of every deliberately broken file, then read peak RSS. Returns the live session when keep.
 */
export async function serverCold({ serverPath, app, keep = false, verbose = false, nodeArgs = [] }) {
  const s = new LspSession({ serverPath, rootDir: app.dir, verbose, nodeArgs });
  const expected = brokenPaths(app);
  const timeout = 60_000 + app.manifest.n * 3;
  try {
    await s.start();
    await s.waitFor(() => s.ready() && expected.every((p) => s.diagnostics.get(p)?.diagnostics.length), timeout,
      `ready + diagnostics of ${expected.length} broken files`);
    const tComplete = now();
    const ready = s.ready();
    const cpuMs = s.cpuMs();
    const memory = s.memory();
    const heap = await s.heap();
    const flagged = [...s.diagnostics].filter(([, d]) => d.diagnostics.length);
    const expectedSet = new Set(expected);
    const unexpected = flagged.filter(([p]) => !expectedSet.has(p));
    const codes = {};
    for (const [, d] of flagged) for (const x of d.diagnostics) codes[x.code ?? '?'] = (codes[x.code ?? '?'] ?? 0) + 1;
    const result = {
      startupMs: s.t.initDone - s.t.spawn,
      firstIndexMs: tComplete - s.t.initialized,
      readyMs: ready.t - s.t.initialized,
      lastDiagnosticMs: Math.max(...s.publishLog.map((x) => x.t)) - s.t.initialized,
      reportedIndexMs: ready.indexMs,
      spawnToCompleteMs: tComplete - s.t.spawn,
      cpuMs,
      status: { apps: ready.apps, elements: ready.elements, events: ready.events, subscribers: ready.subscribers, errors: ready.errors, warnings: ready.warnings },
      publishes: s.publishLog.length,
      filesWithDiagnostics: flagged.length,
      expectedBrokenFiles: expected.length,
      unexpectedFilesWithDiagnostics: unexpected.length,
      unexpectedExamples: unexpected.slice(0, 5).map(([p, d]) => ({ file: p.slice(app.dir.length + 1), diagnostics: d.diagnostics.slice(0, 2).map((x) => `${x.code}: ${x.message}`) })),
      diagnosticCodes: codes,
      memory,
      heap,
      watcherRegistrations: (s.registrations ?? []).map((r) => r.method),
    };
    if (keep) return { result, session: s };
    await s.stop();
    return { result };
  } catch (e) {
    await s.stop().catch(() => {});
    throw e;
  }
}

/** Waits until every path got a publish after t0 that satisfies ok(count); on timeout returns what arrived. */
async function waitPublished(s, paths, t0, ok, timeoutMs) {
  const arrived = () => paths.map((p) => s.publishLog.find((x) => x.t > t0 && x.path === p && ok(x.count)));
  try {
    await s.waitFor(() => arrived().every(Boolean), timeoutMs, 'affected diagnostics');
  } catch (e) {
    if (!/timeout/.test(e.message)) throw e;
  }
  const got = arrived();
  const times = got.filter(Boolean).map((x) => x.t);
  const last = times.length ? Math.max(...times) : NaN;
  return {
    ms: last - t0,
    missing: paths.filter((_, i) => !got[i]),
    publishesInWindow: s.publishLog.filter((x) => x.t > t0 && x.t <= last).length,
  };
}

/**
 * Figure 2: rename the hot service's eventDesc used by exactly 20 subscribers and wait for the 21 affected
 * files (20 subscriber e.json + the service.py publishing it) to be republished; then rename it back.
 * Two transports: didChange on the open e.json, and a disk write + workspace/didChangeWatchedFiles.
 */
export async function editFigure(s, app, runs) {
  const { hot } = app.manifest;
  const svcPath = join(app.dir, hot.service, 'e.json');
  let affected = [...hot.subscribers.map((d) => join(app.dir, d, 'e.json')), join(app.dir, hot.publisher)];
  const original = readFileSync(svcPath, 'utf8');
  const needle = `"name": "${hot.event}",`;
  if (original.split(needle).length !== 2) throw new Error('hot eventDesc not found exactly once');
  const renamed = original.replace(needle, `"name": "${hot.event}Renamed",`);
  const out = { affectedFiles: affected.length, didChange: { break: [], fix: [] }, disk: { break: [], fix: [] }, notes: [] };
  const timeout = 10_000;

  const measure = async (apply, revert, bucket) => {
    for (let i = 0; i < runs; i++) {
      let t0 = now();
      apply();
      const b = await waitPublished(s, affected, t0, (c) => c > 0, timeout);
      if (b.missing.length) {
        out.notes.push(`${b.missing.length} affected file(s) never got a diagnostic after the rename: ${b.missing.map((p) => p.slice(app.dir.length + 1)).join(', ')} — measured without them`);
        affected = affected.filter((p) => !b.missing.includes(p));
      }
      bucket.break.push(b);
      t0 = now();
      revert();
      const f = await waitPublished(s, affected, t0, (c) => c === 0, timeout);
      bucket.fix.push(f);
      if (f.missing.length) out.notes.push(`${f.missing.length} file(s) kept diagnostics after the rename was undone`);
    }
  };

  s.open(svcPath, original);
  await s.ping();
  await measure(() => s.change(svcPath, renamed), () => s.change(svcPath, original), out.didChange);
  s.close(svcPath);
  await s.ping();
  try {
    await measure(() => { writeFileSync(svcPath, renamed); s.watchedChanged([svcPath]); },
      () => { writeFileSync(svcPath, original); s.watchedChanged([svcPath]); }, out.disk);
  } finally {
    writeFileSync(svcPath, original);
  }
  const sum = (b) => {
    const all = [...b.break, ...b.fix];
    return { ...latency(all.map((x) => x.ms)), breakMedianMs: latency(b.break.map((x) => x.ms)).p50, fixMedianMs: latency(b.fix.map((x) => x.ms)).p50,
      maxPublishesPerEdit: Math.max(...all.map((x) => x.publishesInWindow)) };
  };
  out.affectedMeasured = affected.length;
  out.didChange = sum(out.didChange);
  out.disk = sum(out.disk);
  return out;
}

const SENDER_KEY = '"sender": "';

/** Offsets of the sender value's content in an event e.json. */
function senderValue(text) {
  const start = text.indexOf(SENDER_KEY) + SENDER_KEY.length;
  return { start, end: text.indexOf('"', start) };
}
const itemCount = (r) => (Array.isArray(r) ? r.length : r?.items?.length ?? 0);

/**
 * Figure 3: completion inside the sender string of open subscriber e.json files.
 * static: the document is unchanged, the cursor moves; keystroke: each request follows a didChange that
 * leaves only a prefix in the string (what typing does; the server sees the change first).
 */
export async function completionFigure(s, app, { requests = 200, warmup = 20, budgetMs = 90_000 } = {}) {
  const files = app.manifest.sampleSubscribers.slice(0, 10).map((d) => join(app.dir, d, 'e.json'));
  const texts = files.map((p) => s.open(p));
  await s.ping();
  const cursor = (text, i) => {
    const { start, end } = senderValue(text);
    const value = text.slice(start, end);
    const svcEnd = value.indexOf('.', 'services.'.length) + 1;
    const cuts = [0, 'services.'.length, 'services.'.length + 3, svcEnd, svcEnd + 2, value.length];
    return start + cuts[i % cuts.length];
  };
  const run = async (keystroke) => {
    const ms = [], items = [];
    const tStart = now();
    for (let i = 0; i < warmup + requests; i++) {
      // A slow server must not stall the whole benchmark: stop after the time budget (>= 50 samples kept).
      if (ms.length >= 50 && now() - tStart > budgetMs) break;
      const k = i % files.length;
      let text = texts[k];
      const off = cursor(text, Math.floor(i / files.length));
      if (keystroke) {
        const { end } = senderValue(text);
        text = text.slice(0, off) + text.slice(end);
        s.change(files[k], text);
      }
      const r = await s.timed('textDocument/completion', { textDocument: { uri: uriOf(files[k]) }, position: positionAt(text, off) });
      if (i >= warmup) { ms.push(r.ms); items.push(itemCount(r.result)); }
    }
    if (keystroke) files.forEach((p, k) => s.change(p, texts[k]));
    return { ...latency(ms), itemsMedian: latency(items).p50, itemsMax: Math.max(...items), emptyResults: items.filter((x) => x === 0).length };
  };
  const first = await s.timed('textDocument/completion', { textDocument: { uri: uriOf(files[0]) }, position: positionAt(texts[0], cursor(texts[0], 0)) });
  const out = { firstRequestMs: first.ms, firstResponseBytes: JSON.stringify(first.result ?? null).length, firstResponseItems: itemCount(first.result), warmup, static: await run(false), keystroke: await run(true) };
  for (const p of files) s.close(p);
  return out;
}

/** Figure 4: go-to-definition on sender values (e.json), func values, and publish-site senders (service.py). */
export async function definitionFigure(s, app, { requests = 200, warmup = 20 } = {}) {
  const targets = [];
  for (const d of app.manifest.sampleSubscribers.slice(0, 10)) {
    const p = join(app.dir, d, 'e.json');
    const text = s.open(p);
    const { start, end } = senderValue(text);
    targets.push({ kind: 'sender', path: p, position: positionAt(text, (start + end) >> 1) });
    const fi = text.indexOf('"func": "');
    if (fi >= 0) targets.push({ kind: 'func', path: p, position: positionAt(text, fi + 9 + 12) });
  }
  const svcDirs = [...new Set(app.manifest.broken.map((b) => b.intended.split('.').slice(0, 2).join('/')))].slice(0, 5);
  for (const d of svcDirs) {
    const p = join(app.dir, d, 'service.py');
    const text = s.open(p);
    const i = text.indexOf('sender="') + 8;
    targets.push({ kind: 'publish', path: p, position: positionAt(text, i + 12) });
  }
  await s.ping();
  const ms = [], byKind = {};
  for (let i = 0; i < warmup + requests; i++) {
    const t = targets[i % targets.length];
    const r = await s.timed('textDocument/definition', { textDocument: { uri: uriOf(t.path) }, position: t.position });
    if (i < warmup) continue;
    ms.push(r.ms);
    const k = (byKind[t.kind] ??= { requests: 0, empty: 0 });
    k.requests++;
    if (!r.result || (Array.isArray(r.result) && !r.result.length)) k.empty++;
  }
  for (const t of targets) s.close(t.path);
  return { ...latency(ms), warmup, byKind };
}

/** Round trip of an unknown request: what the transport alone adds to every figure above. */
export async function transportFigure(s, n = 200) {
  const ms = [];
  for (let i = 0; i < n; i++) ms.push(await s.ping());
  return latency(ms.slice(20));
}
