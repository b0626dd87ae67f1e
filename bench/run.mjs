// The benchmark of issue 5.  `npm run bench` (1k + 10k fully, 100k cold index + memory) or
// `npm run bench:quick` (1k + 10k).  Options: --sizes 1000,10000  --runs 5  --seed 42  --dist <dir>  --profile|--no-profile  --verbose  --report-only
//   --server-node-args "<flags>"
import { existsSync, mkdirSync, writeFileSync, rmSync, cpSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execSync } from 'node:child_process';
import os from 'node:os';
import { ensureApp } from './generate.mjs';
import { floorRun, cliRun } from './process-figures.mjs';
import { serverCold, editFigure, completionFigure, definitionFigure, transportFigure } from './server-figures.mjs';
import { graphFigure } from './graph-figures.mjs';
import { summary, machineInfo, round } from './stats.mjs';
import { evaluateTargets, formatStdout, formatMarkdown } from './report.mjs';
import { runProfiles } from './profile-run.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..');
const argv = process.argv.slice(2);
const opt = (name, def) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : def; };
const quick = argv.includes('--quick');
const sizes = (opt('sizes', quick ? '1000,10000' : '1000,10000,100000')).split(',').map(Number);
const seed = Number(opt('seed', 42));
const verbose = argv.includes('--verbose');
// --server-node-args "--max-semi-space-size=4": node flags for the server process (mirror the client's execArgv).
// Default: the flags the VS Code client starts the server with (client/src/languageClient.ts execArgv).
const serverNodeArgs = (opt('server-node-args', '--max-semi-space-size=4') ?? '').split(' ').filter(Boolean);
const runsFor = (n) => Number(opt('runs', n >= 100000 ? 3 : 5));
const FULL_MAX_N = 10000; // figures 2–4 run at N <= this; 100k gets cold index + memory only
// --dist: benchmark another build (e.g. a before/after comparison). Without it, dist/ is copied first so a
// rebuild by someone else during the (long) run cannot swap the code under test.
const distDir = opt('dist', snapshotDist(join(repo, 'dist')));
const cliPath = join(distDir, 'cli.js');
const serverPath = join(distDir, 'server.js');

function snapshotDist(dist) {
  const to = join(here, '.cache', 'dist-under-test');
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  for (const f of ['cli.js', 'cli.js.map', 'server.js', 'server.js.map', 'readWorker.js', 'readWorker.js.map']) if (existsSync(join(dist, f))) cpSync(join(dist, f), join(to, f));
  if (existsSync(join(dist, 'python'))) cpSync(join(dist, 'python'), join(to, 'python'), { recursive: true });
  return to;
}
const log = (...a) => console.error('[bench]', ...a);

if (argv.includes('--report-only')) {
  const file = join(here, 'results', quick ? 'latest-quick.json' : 'latest.json');
  const old = JSON.parse(readFileSync(file, 'utf8'));
  old.targets = evaluateTargets(old);
  writeFileSync(file, JSON.stringify(old, null, 1) + '\n');
  writeFileSync(join(here, quick ? 'RESULTS-quick.md' : 'RESULTS.md'), formatMarkdown(old));
  console.log(formatStdout(old));
  process.exit(0);
}

const notes = [];
const res = { date: new Date().toISOString(), quick, seed, machine: machineInfo(), commit: undefined, sizes: {}, notes };
try {
  res.commit = execSync('git rev-parse --short HEAD', { cwd: repo, encoding: 'utf8' }).trim();
  const dirty = execSync('git status --porcelain -- server', { cwd: repo, encoding: 'utf8' }).trim();
  if (dirty) res.commit += ' + uncommitted server/ changes';
} catch { /* not a checkout */ }
res.dist = distDir;
res.serverNodeArgs = serverNodeArgs;
if (serverNodeArgs.length) notes.push(`server started with node flags: ${serverNodeArgs.join(' ')}`);
const haveCli = existsSync(cliPath), haveServer = existsSync(serverPath);
if (!haveCli) notes.push('dist/cli.js missing (run `npm run bundle`): CLI figures skipped');
if (!haveServer) notes.push('dist/server.js missing (run `npm run bundle`): server figures skipped');
notes.push('"cold" = fresh process each run; the OS page cache is warm (one untimed floor pass first), for the floor and for the tools alike.');
notes.push('The machine is shared with other jobs: wall times are noisy. CPU time (user+sys of the whole process, 10 ms ticks) is reported next to them and is the steadier comparison; each tool run is paired with a floor run taken just before it.');
notes.push('Server figures are measured in the benchmark process (client side), so each includes the stdio JSON-RPC transport; its round trip is reported separately.');

for (const n of sizes) {
  const app = ensureApp(n, seed, { log });
  const runs = runsFor(n);
  const m = app.manifest;
  const s = {
    app: { dir: app.dir, services: m.serviceCount, models: m.counts.models, subscribers: m.counts.customEvents + m.counts.modelEvents + m.counts.tasks + 20,
      declaredEvents: m.declaredEvents, broken: m.broken.length },
    runs,
    loadAverage: { start: os.loadavg().map((x) => round(x)) },
  };
  res.sizes[n] = s;
  log(`N=${n}: ${runs} runs`);
  floorRun(app.dir); // warm the page cache; not timed
  const floors = [], clis = [], servers = [];
  let live;
  for (let i = 0; i < runs; i++) {
    const f = floorRun(app.dir);
    floors.push(f);
    if (haveCli) clis.push({ ...cliRun(cliPath, app.dir), floorWallMs: f.wallMs, floorCpuMs: f.cpuMs });
    if (haveServer) {
      // The last run's server stays up: every figure at N <= FULL_MAX_N, the event-graph figure at larger N.
      const keep = i === runs - 1;
      const r = await serverCold({ serverPath, app, keep, verbose, nodeArgs: serverNodeArgs });
      servers.push({ ...r.result, floorMs: f.inProcessMs, floorCpuMs: f.cpuMs });
      if (keep) live = r.session;
    }
    log(`  run ${i + 1}: floor ${round(f.inProcessMs, 0)} ms` + (clis[i] ? `, cli ${round(clis[i].wallMs, 0)} ms` : '') +
      (servers[i] ? `, server ${round(servers[i].firstIndexMs, 0)} ms, RSS ${round(servers[i].memory.vmHWMMB, 0)} MB` : ''));
  }
  s.app.files = floors[0].files;
  s.app.bytes = floors[0].bytes;
  s.floor = { inProcessMs: summary(floors.map((f) => f.inProcessMs)), wallMs: summary(floors.map((f) => f.wallMs)),
    inProcessCpuMs: summary(floors.map((f) => f.inProcessCpuMs)), cpuMs: summary(floors.map((f) => f.cpuMs)) };
  s.ratios = {};
  if (clis.length) {
    s.cli = {
      wallMs: summary(clis.map((c) => c.wallMs)), cpuMs: summary(clis.map((c) => c.cpuMs)), reportedMs: summary(clis.map((c) => c.reportedMs)), reportedKey: clis[0].reportedKey,
      peakRssMB: summary(clis.map((c) => c.peakRssMB)), exitCode: clis[0].exitCode, diagnostics: clis[0].diagnostics, parseError: clis[0].parseError,
    };
    s.ratios.cliWall = summary(clis.map((c) => c.wallMs / c.floorWallMs));
    s.ratios.cliCpu = summary(clis.map((c) => c.cpuMs / c.floorCpuMs));
    if (clis[0].diagnostics && clis[0].diagnostics.files !== m.broken.length) {
      notes.push(`N=${n}: CLI reported diagnostics in ${clis[0].diagnostics.files} files (${clis[0].diagnostics.errors} errors, ${clis[0].diagnostics.warnings} warnings); the generator broke exactly ${m.broken.length}`);
    }
  }
  if (servers.length) {
    const pick = (f) => summary(servers.map(f));
    s.server = {
      firstIndexMs: pick((r) => r.firstIndexMs), readyMs: pick((r) => r.readyMs), reportedIndexMs: pick((r) => r.reportedIndexMs),
      startupMs: pick((r) => r.startupMs), cpuMs: pick((r) => r.cpuMs), spawnToCompleteMs: pick((r) => r.spawnToCompleteMs),
      vmHWMMB: pick((r) => r.memory.vmHWMMB), vmRSSMB: pick((r) => r.memory.vmRSSMB),
      heapUsedMB: pick((r) => r.heap?.heapUsedMB), liveHeapMB: pick((r) => r.heap?.liveHeapMB), heapLimitMB: servers[0].heap?.heapLimitMB,
      status: servers[0].status, publishes: servers[0].publishes, filesWithDiagnostics: servers[0].filesWithDiagnostics,
      unexpectedFilesWithDiagnostics: servers[0].unexpectedFilesWithDiagnostics, unexpectedExamples: servers[0].unexpectedExamples,
      diagnosticCodes: servers[0].diagnosticCodes, watcherRegistrations: servers[0].watcherRegistrations,
    };
    s.ratios.serverFirstIndex = summary(servers.map((r) => r.firstIndexMs / r.floorMs));
    s.ratios.serverCpu = summary(servers.map((r) => r.cpuMs / r.floorCpuMs));
    if (servers[0].unexpectedFilesWithDiagnostics) {
      notes.push(`N=${n}: the server flagged ${servers[0].unexpectedFilesWithDiagnostics} files the generator did not break, e.g. ${JSON.stringify(servers[0].unexpectedExamples.slice(0, 2))}`);
    }
  }
  if (live && n > FULL_MAX_N) {
    try {
      log('  figure 6: event graph after an edit'); s.graph = await graphFigure(live, app, { reps: 20 });
      s.transport = await transportFigure(live);
      s.server.afterInteractions = live.memory();
    } catch (e) {
      notes.push(`N=${n}: event-graph figures failed: ${e.message.split('\n')[0]}`);
      log(e);
    } finally {
      await live.stop();
    }
  } else if (live) {
    try {
      log('  figure 2: edit'); s.edit = await editFigure(live, app, 5);
      notes.push(...s.edit.notes.map((x) => `N=${n} edit: ${x}`));
      log('  figure 3: completion'); s.completion = await completionFigure(live, app);
      log('  figure 4: definition'); s.definition = await definitionFigure(live, app);
      log('  figure 6: event graph after an edit'); s.graph = await graphFigure(live, app, { reps: 20 });
      s.transport = await transportFigure(live);
      s.server.afterInteractions = live.memory();
    } catch (e) {
      notes.push(`N=${n}: interactive figures failed: ${e.message.split('\n')[0]}`);
      log(e);
    } finally {
      await live.stop();
    }
  }
  s.loadAverage.end = os.loadavg().map((x) => round(x));
  if (n >= 100000) notes.push(`N=${n}: ${runs} runs (fewer than at smaller N); only cold index, memory and the event-graph figure (6) are measured there.`);
}

res.targets = evaluateTargets(res);
const missed = (prefix) => res.targets.some((t) => t.id.startsWith(prefix) && t.pass === false);
const forced = argv.includes('--profile');
if (!argv.includes('--no-profile') && (forced || res.targets.some((t) => t.pass === false))) {
  const n = sizes.includes(10000) ? 10000 : sizes[sizes.length - 1];
  const which = {
    cli: haveCli && (forced || missed('cold') || missed('scale')),
    serverIndex: haveServer && (forced || missed('cold') || missed('scale') || missed('rss') || missed('heap')),
    completion: haveServer && (forced || missed('completion')),
  };
  log(`profiling at N=${n}: ${Object.keys(which).filter((k) => which[k]).join(', ')}`);
  try {
    res.profiles = { n, ...(await runProfiles({ cliPath: haveCli && cliPath, serverPath: haveServer && serverPath, app: ensureApp(n, seed), outDir: join(here, 'profiles'), which })) };
  } catch (e) {
    notes.push(`profiling failed: ${e.message.split('\n')[0]}`);
  }
}

mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', quick ? 'latest-quick.json' : 'latest.json'), JSON.stringify(res, null, 1) + '\n');
writeFileSync(join(here, quick ? 'RESULTS-quick.md' : 'RESULTS.md'), formatMarkdown(res));
console.log(formatStdout(res));
for (const [k, p] of Object.entries(res.profiles ?? {})) if (p?.text) console.log(`\n[${k}] ${p.text}`);
