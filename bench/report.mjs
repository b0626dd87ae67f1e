// Turns the benchmark results into target verdicts, the stdout table and bench/RESULTS.md.
import { round } from './stats.mjs';

const fmt = (x, d = 1) => (Number.isFinite(x) ? String(round(x, d)) : '—');
const k = (n) => (n >= 1000 ? `${n / 1000}k` : String(n));

/** The issue's targets, evaluated against the results. */
export function evaluateTargets(res) {
  const t = [];
  const s10 = res.sizes['10000'], s100 = res.sizes['100000'];
  const add = (id, label, value, limit, unit, note) =>
    t.push({ id, label, value: round(value, 2), limit, unit, pass: Number.isFinite(value) ? value <= limit : null, note });
  if (s10?.server) add('cold10k-server', 'server first index + diagnostics at 10k ÷ floor (paired runs, median)', s10.ratios.serverFirstIndex.median, 1.5, '×');
  if (s10?.server) add('cold10k-server-cpu', 'server process CPU time up to complete diagnostics at 10k ÷ floor process CPU time (paired, median)', s10.ratios.serverCpu.median, 1.5, '×');
  if (s10?.cli) add('cold10k-cli', 'CLI check wall time at 10k ÷ floor process wall time (paired, median)', s10.ratios.cliWall.median, 1.5, '×');
  if (s10?.cli) add('cold10k-cli-cpu', 'CLI check CPU time at 10k ÷ floor process CPU time (paired, median)', s10.ratios.cliCpu.median, 1.5, '×');
  if (s10?.server && s100?.server) add('scale100k-server', 'server first index 100k ÷ 10k', s100.server.firstIndexMs.median / s10.server.firstIndexMs.median, 12, '×');
  if (s10?.server && s100?.server) add('scale100k-server-cpu', 'server process CPU time 100k ÷ 10k', s100.server.cpuMs.median / s10.server.cpuMs.median, 12, '×');
  if (s10?.cli && s100?.cli) add('scale100k-cli', 'CLI check 100k ÷ 10k (wall)', s100.cli.wallMs.median / s10.cli.wallMs.median, 12, '×');
  if (s10?.cli && s100?.cli) add('scale100k-cli-cpu', 'CLI check CPU time 100k ÷ 10k', s100.cli.cpuMs.median / s10.cli.cpuMs.median, 12, '×');
  // The heap the index keeps (after a full GC); the raw heapUsed (garbage included, varies with GC timing) is in the table.
  if (s100?.server?.liveHeapMB?.median) add('heap100k', `server heap after the 100k index, live after a full GC (V8 limit ${fmt(s100.server.heapLimitMB, 0)} MB; heap used before that GC ${fmt(s100.server.heapUsedMB.median, 0)} MB), median`,
    s100.server.liveHeapMB.median, 500, 'MB');
  else if (s100?.server?.heapUsedMB) add('heap100k', `server heap used after the 100k index (V8 limit ${fmt(s100.server.heapLimitMB, 0)} MB), median`,
    s100.server.heapUsedMB.median, 500, 'MB');
  // Figure 6: event-graph queries right after an edit that changes flow facts (each edit is followed by one request).
  const g = s100?.graph ?? s10?.graph, gn = s100?.graph ? '100k' : '10k';
  if (g) {
    const base = (name) => `same request without an edit p50 ${fmt(g.static[name]?.p50, 2)} ms (baseline, same run); transport p50 ${fmt((s100?.graph ? s100 : s10).transport?.p50, 2)} ms included`;
    add(`graph${gn}-hover`, `hover on a sender right after an edit of its publish call at ${gn}, p95`, g.afterPublisherEdit.hover.p95, 20, 'ms', base('hover'));
    add(`graph${gn}-lens`, `code lenses of the publishing service right after an edit of its publish call at ${gn}, p95`, g.afterPublisherEdit.lens.p95, 20, 'ms', base('lens'));
    add(`graph${gn}-listeners`, `jitai/subscribersOf (listenersOf) right after a subscriber moved to another event at ${gn}, p95`, g.afterSubscriberEdit.subscribersOf.p95, 20, 'ms', base('subscribersOf'));
    add(`graph${gn}-hover-sub`, `hover right after a subscriber moved to another event at ${gn}, p95`, g.afterSubscriberEdit.hover.p95, 20, 'ms', base('hover'));
    // The tree: the slowest of the levels the sidebar asks again after an index change (each with ifChanged).
    const levels = Object.keys(g.afterPublisherEdit).filter((k) => k.startsWith('tree '));
    if (levels.length) {
      const worst = (bucket) => levels.reduce((w, k) => (bucket[k].p95 > (bucket[w]?.p95 ?? -1) ? k : w), undefined);
      for (const [bucket, what] of [[g.afterPublisherEdit, 'an edit of its publish call'], [g.afterSubscriberEdit, 'a subscriber moved to another event']]) {
        const w = worst(bucket);
        add(`graph${gn}-${what === 'an edit of its publish call' ? 'tree' : 'tree-sub'}`, `jitai/eventTree level the sidebar asks (slowest of ${levels.map((k) => k.slice(5)).join(', ')}: ${w.slice(5)}) right after ${what} at ${gn}, p95`, bucket[w].p95, 20, 'ms', base(w));
      }
    }
  }
  if (s10?.edit) {
    add('edit10k', 'rename an eventDesc with 20 subscribers -> 21 files republished (didChange), median', s10.edit.didChange.p50, 20, 'ms',
      `min ${fmt(s10.edit.didChange.min, 1)} ms; ${s10.edit.didChange.maxPublishesPerEdit} publishes per edit; transport round trip p50 ${fmt(s10.transport?.p50, 2)} ms is included`);
  }
  if (s10?.completion) add('completion10k', 'completion in a sender string, p95 (cursor moves, document unchanged)', s10.completion.static.p95, 10, 'ms');
  if (s10?.completion) add('completion10k-keystroke', 'completion right after a keystroke (didChange + completion), p95', s10.completion.keystroke.p95, 10, 'ms');
  if (s10?.definition) add('definition10k', 'go-to-definition p95', s10.definition.p95, 5, 'ms');
  if (s10?.server) add('rss10k', 'server peak RSS (VmHWM) after the 10k index, median', s10.server.vmHWMMB.median, 150, 'MB');
  return t;
}

/** Rows: [figure, N, median, min, max, runs, × floor]. */
export function tableRows(res) {
  const rows = [];
  for (const [n, s] of Object.entries(res.sizes)) {
    const floorMs = s.floor.inProcessMs.median;
    // ratio: true = ÷ in-process floor; a number = ÷ that; false = none.
    const row = (label, sum, unit = 'ms', ratio = true) =>
      rows.push([label, k(Number(n)), `${fmt(sum.median)} ${unit}`, fmt(sum.min), fmt(sum.max), String(sum.runs),
        ratio === false ? '' : fmt(sum.median / (ratio === true ? floorMs : ratio), 2)]);
    const floorCpu = s.floor.cpuMs.median, floorWall = s.floor.wallMs.median;
    row('floor: walk + read + JSON.parse (in process)', s.floor.inProcessMs);
    row('floor: same, whole process wall', s.floor.wallMs, 'ms', floorWall);
    row('floor: whole process CPU time', s.floor.cpuMs, 'ms', floorCpu);
    if (s.cli) {
      row('cold CLI check: process wall (× floor process wall)', s.cli.wallMs, 'ms', floorWall);
      row('cold CLI check: process CPU time (× floor process CPU)', s.cli.cpuMs, 'ms', floorCpu);
      if (s.cli.reportedMs?.runs) row('cold CLI check: self-reported', s.cli.reportedMs);
      row('cold CLI check: peak RSS', s.cli.peakRssMB, 'MB', false);
    }
    if (s.server) {
      row('cold server: initialized -> ready + all diagnostics', s.server.firstIndexMs);
      row('cold server: indexMs it reports', s.server.reportedIndexMs);
      row('cold server: process CPU time up to then (× floor process CPU)', s.server.cpuMs, 'ms', floorCpu);
      row('server peak RSS (VmHWM) after index', s.server.vmHWMMB, 'MB', false);
      if (s.server.heapUsedMB?.runs) row('server heap used after index', s.server.heapUsedMB, 'MB', false);
      if (s.server.liveHeapMB?.runs) row('server heap after index, live after a full GC', s.server.liveHeapMB, 'MB', false);
      if (s.server.afterInteractions) rows.push(['server peak RSS (VmHWM) after figures 2–4', k(Number(n)), `${fmt(s.server.afterInteractions.vmHWMMB)} MB`, '', '', '1', '']);
    }
    const lat = (label, l, unit = 'ms') => rows.push([label, k(Number(n)), `p50 ${fmt(l.p50, 2)} ${unit}`, `p95 ${fmt(l.p95, 2)}`, `p99 ${fmt(l.p99, 2)}`, String(l.count), fmt(l.p50 / floorMs, 4)]);
    if (s.edit) {
      const e = s.edit.didChange;
      rows.push(['edit: rename hot eventDesc (didChange) -> 21 files', k(Number(n)), `${fmt(e.p50, 2)} ms`, fmt(e.min, 2), fmt(e.max, 2), String(e.count), fmt(e.p50 / floorMs, 4)]);
      const d = s.edit.disk;
      rows.push(['edit: same via disk write + didChangeWatchedFiles', k(Number(n)), `${fmt(d.p50, 2)} ms`, fmt(d.min, 2), fmt(d.max, 2), String(d.count), fmt(d.p50 / floorMs, 4)]);
    }
    if (s.completion) {
      lat('completion in sender string (static)', s.completion.static);
      lat('completion after keystroke (didChange first)', s.completion.keystroke);
    }
    if (s.definition) lat('go-to-definition', s.definition);
    if (s.transport) lat('transport round trip (unknown request)', s.transport);
    if (s.graph) {
      for (const [label, bucket] of [['no edit (baseline)', s.graph.static], ['right after a publish-call edit', s.graph.afterPublisherEdit], ['right after a subscriber moved', s.graph.afterSubscriberEdit]]) {
        for (const [name, l] of Object.entries(bucket)) lat(`event graph: ${name}, ${label}`, l);
      }
      if (s.graph.editToHover?.count) lat('event graph: didChange of a publish call -> hover showing the new key', s.graph.editToHover);
    }
    if (s.completion) rows.push(['completion response size (first request)', k(Number(n)), `${fmt(s.completion.firstResponseBytes / 1024, 0)} KB`, `${s.completion.firstResponseItems} items`, '', '', '']);
    rows.push(['load average (1 min) at start / end of this N', k(Number(n)), `${s.loadAverage.start[0]} / ${s.loadAverage.end?.[0]}`, '', '', '', '']);
  }
  return rows;
}

function pad(rows, header) {
  const all = [header, ...rows];
  const w = header.map((_, i) => Math.max(...all.map((r) => String(r[i] ?? '').length)));
  return all.map((r) => r.map((c, i) => String(c ?? '').padEnd(w[i])).join('  ')).join('\n');
}

const HEADER = ['figure', 'N', 'median', 'min', 'max', 'runs', '× floor'];
const verdict = (t) => (t.pass === null ? 'n/a' : t.pass ? 'PASS' : 'MISS');

export function formatStdout(res) {
  const lines = [pad(tableRows(res), HEADER), '', 'targets (issue 5):'];
  for (const t of res.targets) lines.push(`  ${verdict(t).padEnd(4)}  ${t.id.padEnd(24)} ${fmt(t.value, 2)} ${t.unit} (<= ${fmt(t.limit, 1)} ${t.unit})  ${t.label}${t.note ? ` — ${t.note}` : ''}`);
  if (res.notes.length) lines.push('', 'notes:', ...res.notes.map((n) => `  - ${n}`));
  return lines.join('\n');
}

export function formatMarkdown(res) {
  const m = res.machine;
  const mdRow = (r) => `| ${r.map((c) => String(c ?? '').replace(/\|/g, '\\|')).join(' | ')} |`;
  const lines = [
    '# Benchmark results',
    '',
    `Generated by \`npm run ${res.quick ? 'bench:quick' : 'bench'}\` on ${res.date} (commit ${res.commit ?? 'unknown'}).`,
    '',
    `Machine: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGB} GB RAM, Node ${m.node}, ${m.platform}; load average at start ${m.loadAverageAtStart.join(' / ')} (the machine is shared, so figures are noisy; every cold figure is paired with a floor run taken right before it).`,
    '',
    'Apps: synthetic, seeded (`bench/generate.mjs`, seed ' + res.seed + '):',
    '',
    mdRow(['N', 'services', 'models', 'events + tasks', 'declared events', 'files (e.json + .py)', 'MB read', 'broken senders']),
    mdRow(['---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
    ...Object.entries(res.sizes).map(([n, s]) => mdRow([k(Number(n)), s.app.services, s.app.models, s.app.subscribers, s.app.declaredEvents, s.app.files, fmt(s.app.bytes / 2 ** 20, 1), s.app.broken])),
    '',
    '## Targets',
    '',
    mdRow(['', 'target', 'measured', 'limit']),
    mdRow(['---', '---', '---:', '---:']),
    ...res.targets.map((t) => mdRow([verdict(t), t.label + (t.note ? ` (${t.note})` : ''), `${fmt(t.value, 2)} ${t.unit}`, `${fmt(t.limit, 1)} ${t.unit}`])),
    '',
    '## All figures',
    '',
    '`× floor` divides the median (or p50) by the in-process floor (walk + read every e.json/.py + JSON.parse) of the same N.',
    '',
    mdRow(HEADER),
    mdRow(HEADER.map((_, i) => (i < 2 ? '---' : '---:'))),
    ...tableRows(res).map(mdRow),
    '',
  ];
  if (res.notes.length) lines.push('## Notes', '', ...res.notes.map((n) => `- ${n}`), '');
  const titles = { cli: '`check` (CLI)', serverIndex: 'the server\'s first index', serverCompletion: 'the server: first index + 100 completions' };
  for (const [key, p] of Object.entries(res.profiles ?? {})) {
    if (!p?.text) continue;
    lines.push(`## CPU profile of ${titles[key] ?? key} at ${k(res.profiles.n)}`, '', '```', p.text, '```', '');
  }
  lines.push('Raw data: `bench/results/latest.json`.', '');
  return lines.join('\n');
}
