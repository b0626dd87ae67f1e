// Summarises a V8 .cpuprofile: top functions by self time, and self time by source file,
// mapped back to the TypeScript sources through the bundle's source map when present.
//
//   node bench/profile.mjs <file.cpuprofile> [--top 25]
import { readFileSync, existsSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';
import { relative, dirname, resolve } from 'node:path';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const maps = new Map();

function sourceMapFor(url) {
  if (maps.has(url)) return maps.get(url);
  let map;
  try {
    const file = url.startsWith('file://') ? fileURLToPath(url) : url;
    if (file.endsWith('.js') && existsSync(file + '.map')) {
      const payload = JSON.parse(readFileSync(file + '.map', 'utf8'));
      map = { sm: new SourceMap(payload), base: dirname(file) };
    }
  } catch { /* no map */ }
  maps.set(url, map);
  return map;
}

/** "function (file:line)" with the original source position when the bundle has a map. */
function where(cf) {
  const url = cf.url || '';
  let file = url.startsWith('file://') ? fileURLToPath(url) : url;
  let line = cf.lineNumber + 1;
  const m = sourceMapFor(url);
  if (m && cf.lineNumber >= 0) {
    const e = m.sm.findEntry(cf.lineNumber, cf.columnNumber);
    if (e && e.originalSource) {
      file = e.originalSource.startsWith('file://') ? fileURLToPath(e.originalSource) : resolve(m.base, e.originalSource);
      line = e.originalLine + 1;
    }
  }
  if (file.startsWith(repo)) file = relative(repo, file);
  // Bundles copied elsewhere (bench/.cache/dist-under-test, /tmp builds) still name the project's sources.
  const own = file.match(/(?:^|\/)((?:server|client)\/src\/.*|node_modules\/.*)$/);
  if (own) file = own[1];
  return { file: file || '(native)', line };
}

export function summariseProfile(path, top = 25) {
  const prof = JSON.parse(readFileSync(path, 'utf8'));
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  for (let i = 0; i < prof.samples.length; i++) {
    const id = prof.samples[i];
    selfUs.set(id, (selfUs.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0));
  }
  const totalUs = prof.endTime - prof.startTime;
  const fns = new Map(), files = new Map();
  for (const [id, us] of selfUs) {
    const cf = byId.get(id).callFrame;
    const w = where(cf);
    const name = cf.functionName || '(anonymous)';
    const key = `${name} ${w.file}:${w.line}`;
    fns.set(key, { fn: name, at: `${w.file}:${w.line}`, selfMs: (fns.get(key)?.selfMs ?? 0) + us / 1000 });
    files.set(w.file, (files.get(w.file) ?? 0) + us / 1000);
  }
  // Inclusive time: each sample counts once for every distinct function on its stack.
  const parent = new Map();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = new Map();
  const nodeKey = (id) => {
    if (!keyOf.has(id)) {
      const cf = byId.get(id).callFrame;
      const w = where(cf);
      keyOf.set(id, { key: `${cf.functionName || '(anonymous)'} ${w.file}:${w.line}`, fn: cf.functionName || '(anonymous)', at: `${w.file}:${w.line}` });
    }
    return keyOf.get(id);
  };
  const incl = new Map();
  for (let i = 0; i < prof.samples.length; i++) {
    const seen = new Set();
    for (let id = prof.samples[i]; id !== undefined; id = parent.get(id)) {
      const k = nodeKey(id);
      if (seen.has(k.key)) continue;
      seen.add(k.key);
      const e = incl.get(k.key) ?? { fn: k.fn, at: k.at, totalMs: 0 };
      e.totalMs += (prof.timeDeltas[i] ?? 0) / 1000;
      incl.set(k.key, e);
    }
  }
  const pct = (ms) => Math.round((ms * 1000 / totalUs) * 1000) / 10;
  return {
    profile: path,
    totalMs: totalUs / 1000,
    topFunctions: [...fns.values()].sort((a, b) => b.selfMs - a.selfMs).slice(0, top).map((f) => ({ ...f, selfMs: Math.round(f.selfMs * 10) / 10, pct: pct(f.selfMs) })),
    inclusive: [...incl.values()].filter((f) => !f.fn.startsWith('(') && f.at.startsWith('server/'))
      .sort((a, b) => b.totalMs - a.totalMs).slice(0, top).map((f) => ({ ...f, totalMs: Math.round(f.totalMs * 10) / 10, pct: pct(f.totalMs) })),
    byFile: [...files].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([file, ms]) => ({ file, selfMs: Math.round(ms * 10) / 10, pct: pct(ms) })),
  };
}

export function formatProfile(s) {
  const lines = [`profile ${s.profile} — ${Math.round(s.totalMs)} ms`, 'top functions by self time:'];
  for (const f of s.topFunctions) lines.push(`  ${String(f.selfMs).padStart(8)} ms ${String(f.pct).padStart(5)}%  ${f.fn}  ${f.at}`);
  lines.push('inclusive (total) time of the project\'s functions:');
  for (const f of s.inclusive) lines.push(`  ${String(f.totalMs).padStart(8)} ms ${String(f.pct).padStart(5)}%  ${f.fn}  ${f.at}`);
  lines.push('self time by file:');
  for (const f of s.byFile) lines.push(`  ${String(f.selfMs).padStart(8)} ms ${String(f.pct).padStart(5)}%  ${f.file}`);
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  const ti = process.argv.indexOf('--top');
  console.log(formatProfile(summariseProfile(file, ti > 0 ? Number(process.argv[ti + 1]) : 25)));
}
