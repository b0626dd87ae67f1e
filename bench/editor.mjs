// `npm run bench:editor`: the extension in the real editor (code-server = VS Code 1.100.3, headless
// Chromium, the packaged .vsix) on a generated app (bench/generate.mjs, 10k elements by default).
// Prints every figure next to its target, with the floors taken in the same run, and writes
// bench/results/editor-latest.json and the "In the real editor" section of bench/RESULTS.md.
// Not part of `npm test` (minutes long; prints figures, asserts nothing).
//
// usage: node bench/editor.mjs [--n 10000] [--reps 20] [--first 10] [--no-package] [--keep]
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, codeServerBin, makeSandbox, installVsix, startServer, stopServer, launchChromium, workbenchUrl, onInterrupt, seconds }
  from '../scripts/vscode/harness.mjs';
import { Workbench, WAIT } from '../test/e2e/workbench.mjs';
import { ensureApp } from './generate.mjs';
import { latency, round, summary } from './stats.mjs';
import {
  expandLatency, findExtensionLog, installProbe, logTime, problemsShown, senderEnd, setChannelLogLevel, tracedResponses, typingBurst,
} from './editor-steps.mjs';

const argv = process.argv.slice(2);
const opt = (name, dflt) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? Number(argv[i + 1]) : dflt; };
const N = opt('n', 10000);
const REPS = opt('reps', 20);
const FIRST = opt('first', 10);
const WARMUP = 2;
const T0 = Date.now();
const log = (...a) => console.log(`[bench:editor ${seconds(Date.now() - T0)}s]`, ...a);
const load = () => os.loadavg().map((x) => round(x, 2));

// ---- build, app, CLI cold check (the reference for Problems) ---------------------------------------
if (!argv.includes('--no-package') || !fs.existsSync(path.join(ROOT, 'dist', 'jitai-events.vsix'))) {
  log('npm run package …');
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: 'pipe' });
}
const { dir, manifest } = ensureApp(N, 42, { log });
const loadStart = load();
const cli = [];
let cliStats;
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'check', '--format', 'json', dir], { encoding: 'utf8', maxBuffer: 1 << 28 });
  cli.push(performance.now() - t);
  cliStats = JSON.parse(r.stdout).stats;
}
log(`CLI cold check: ${cli.map((x) => Math.round(x)).join(', ')} ms; ${cliStats.errors} errors, ${cliStats.warnings} warnings`);

// ---- the workbench ----------------------------------------------------------------------------------
const sb = makeSandbox({
  prefix: 'jitai-bench-editor-', workspaceFrom: dir,
  settings: { 'editor.quickSuggestions': { other: 'on', comments: 'off', strings: 'on' }, 'jitaiEvents.trace.server': 'messages' },
});
const words = ['hotEventAlpha', 'hotEventBeta', 'hotEventGamma', 'hotter', 'hotspot', 'hotel'];
fs.writeFileSync(path.join(sb.workspace, 'notes.txt'), `${words.join(' ')}\nhotEvent`);
const cs = codeServerBin();
installVsix(cs, sb, path.join(ROOT, 'dist', 'jitai-events.vsix'));
const server = await startServer(cs, sb);
const browser = await launchChromium();
onInterrupt(async () => { await browser.close().catch(() => {}); await stopServer(server); });
const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
const wb = new Workbench(page);
const results = { n: N, reps: REPS, date: new Date().toISOString(), cores: os.cpus().length, load: { start: loadStart } };
try {
  await page.goto(workbenchUrl(server.baseUrl, sb.workspace));
  const shown = problemsShown(page, cliStats.errors, cliStats.warnings, 10 * WAIT.long);
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'app.json' }).waitFor({ timeout: WAIT.first });
  const problemsAt = await shown;
  const extLog = findExtensionLog(sb.userData);
  const logText = extLog ? fs.readFileSync(extLog, 'utf8') : '';
  const activatedAt = logTime(logText, '(VS Code ');
  results.problemsMs = activatedAt ? problemsAt - activatedAt : NaN;
  results.firstIndexLine = logText.split('\n').find((l) => l.includes('First index'))?.replace(/^\S+ \S+ \[\w+\] /, '');
  log(`Problems complete ${Math.round(results.problemsMs)} ms after activation; ${results.firstIndexLine ?? 'no first-index line'}`);
  await installProbe(page);
  await setChannelLogLevel(wb, page, 'JitAi Events', 'Trace').catch((e) => log(`could not set the log level: ${e.message}`));

  // Expand a service node (the tree visible, its 1,000 services collapsed).
  await wb.openActivity('JitAi');
  const services = fs.readdirSync(path.join(sb.workspace, 'services')).sort(new Intl.Collator('en', { numeric: true }).compare)
    .map((name) => ({ name, events: JSON.parse(fs.readFileSync(path.join(sb.workspace, 'services', name, 'e.json'), 'utf8')).eventDescs ?? [] }))
    .filter((s) => s.events.length).slice(0, REPS + WARMUP);
  const expand = [];
  for (const s of services) expand.push(await expandLatency(page, s.name, s.events[0].name));
  results.expand = latency(expand.slice(WARMUP));
  log(`expand a service: ${fmt(results.expand)}`);

  // Floor: VS Code's word completion in a plain-text file.
  await wb.openFile('notes.txt');
  await wb.goTo(2, 9);
  const floor = [];
  for (let i = 0; i < REPS + WARMUP; i++) floor.push(await typingBurst(page, 'hotEvent', 'hotEventAlpha'));
  results.floor = latency(floor.slice(WARMUP));
  log(`floor (word completion in notes.txt): ${fmt(results.floor)}`);

  // Ours: the sender string of a subscriber, the events tree visible (every edit re-checks and signals the tree).
  const hot = manifest.hot.subscribers;
  const first = path.join(sb.workspace, hot[0], 'e.json');
  await wb.openFile(`${hot[0]}/e.json`);
  const at = senderEnd(first);
  await wb.goTo(at.line, at.column);
  const sender = [];
  for (let i = 0; i < REPS + WARMUP; i++) sender.push(await typingBurst(page, manifest.hot.event, manifest.hot.event));
  results.sender = latency(sender.slice(WARMUP));
  log(`sender completion: ${fmt(results.sender)}`);

  // The first completion after opening a file.
  const firsts = [];
  for (const rel of hot.slice(1, 1 + FIRST)) {
    await wb.openFile(`${rel}/e.json`);
    const p = senderEnd(path.join(sb.workspace, rel, 'e.json'));
    await wb.goTo(p.line, p.column);
    firsts.push(await typingBurst(page, manifest.hot.event, manifest.hot.event, 1));
  }
  results.firstCompletion = latency(firsts);
  log(`first completion after opening: ${fmt(results.firstCompletion)}`);

  // jitai/eventTree answers as the language client traced them (every request of the run).
  await page.keyboard.press('Escape');
  const traced = extLog ? fs.readFileSync(findExtensionLog(sb.userData) ?? extLog, 'utf8') : '';
  results.eventTree = latency(tracedResponses(traced, 'jitai/eventTree'));
  results.completionTraced = latency(tracedResponses(traced, 'textDocument/completion'));
  log(`jitai/eventTree answers (trace): ${fmt(results.eventTree)}; completion answers (trace): ${fmt(results.completionTraced)}`);
} finally {
  await browser.close().catch(() => {});
  await stopServer(server);
  if (!argv.includes('--keep')) fs.rmSync(sb.tmp, { recursive: true, force: true });
  else log('kept', sb.tmp);
}
results.load.end = load();
results.cli = summary(cli);
results.cliStats = cliStats;
report(results);

function fmt(l) {
  return l.count ? `p50 ${Math.round(l.p50)} ms, p95 ${Math.round(l.p95)} ms, max ${Math.round(l.max)} ms (${l.count})` : 'no samples';
}

function report(r) {
  const rows = [
    ['keystroke in a sender string -> suggestion list (p95)', r.sender.p95, `≤ floor + 50 = ${Math.round(r.floor.p95 + 50)} ms`, r.sender.p95 <= r.floor.p95 + 50,
      `p50 ${Math.round(r.sender.p50)} ms; floor (word completion, .txt) p50 ${Math.round(r.floor.p50)} / p95 ${Math.round(r.floor.p95)} ms`],
    ['first completion after opening a file (max)', r.firstCompletion.max, '≤ 200 ms', r.firstCompletion.max <= 200, `p50 ${Math.round(r.firstCompletion.p50)} ms`],
    ['jitai/eventTree answer (p95, client trace)', r.eventTree.p95, '≤ 50 ms', r.eventTree.p95 <= 50, `${r.eventTree.count} requests, max ${Math.round(r.eventTree.max)} ms`],
    ['expand a service node (p95)', r.expand.p95, '≤ 50 ms', r.expand.p95 <= 50, `p50 ${Math.round(r.expand.p50)} ms`],
    ['Problems complete after activation', r.problemsMs, `≤ 1.5 × CLI = ${Math.round(1.5 * r.cli.median)} ms`, r.problemsMs <= 1.5 * r.cli.median,
      `CLI cold check median ${Math.round(r.cli.median)} ms (${r.cliStats.errors} errors, ${r.cliStats.warnings} warnings)`],
  ];
  r.rows = rows.map(([figure, value, target, pass, note]) => ({ figure, value: round(value, 1), target, pass, note }));
  const table = ['| figure | measured | target | | notes |', '|---|---|---|---|---|',
    ...r.rows.map((x) => `| ${x.figure} | ${Number.isFinite(x.value) ? `${Math.round(x.value)} ms` : 'n/a'} | ${x.target} | ${x.pass ? 'PASS' : 'MISS'} | ${x.note} |`)];
  const text = [`${r.n.toLocaleString('en')} elements, ${r.reps} repetitions, ${r.cores} cores, load average ${r.load.start.join(' / ')} at the start, `
    + `${r.load.end.join(' / ')} at the end (${r.date}).`, '', ...table].join('\n');
  console.log('\n' + text + '\n');
  fs.mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'bench', 'results', 'editor-latest.json'), JSON.stringify(r, null, 2));
  const file = path.join(ROOT, 'bench', 'RESULTS.md');
  const md = fs.readFileSync(file, 'utf8');
  const section = `<!-- editor:begin -->\n## In the real editor\n\n\`npm run bench:editor\` (bench/editor.mjs): code-server 4.100.3 (VS Code 1.100.3), headless Chromium, `
    + `the packaged .vsix. Times are taken in the page, from the keydown / mousedown to the first frame showing the result.\n\n${text}\n<!-- editor:end -->`;
  const re = /<!-- editor:begin -->[\s\S]*<!-- editor:end -->/;
  fs.writeFileSync(file, re.test(md) ? md.replace(re, section) : `${md.trimEnd()}\n\n${section}\n`);
  log('wrote bench/results/editor-latest.json and the "In the real editor" section of bench/RESULTS.md');
}
