// Figures measured as whole fresh processes: the floor script and the CLI `check`.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { now } from './lsp-client.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Runs `node <args>` once: wall time around the spawn; peak RSS and CPU time (user+sys, 10 ms resolution) via /usr/bin/time. */
function runNode(args, { timeoutMs = 600_000 } = {}) {
  const rssFile = join('/tmp', `jitai-bench-rss-${process.pid}.txt`);
  const cmd = TIME ? TIME : process.execPath;
  const argv = TIME ? ['-f', '%M %U %S', '-o', rssFile, process.execPath, ...args] : args;
  const t0 = now();
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 30, timeout: timeoutMs });
  const wallMs = now() - t0;
  let peakRssMB, cpuMs;
  if (TIME && existsSync(rssFile)) {
    const [kb, user, sys] = readFileSync(rssFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    peakRssMB = kb / 1024;
    cpuMs = (user + sys) * 1000;
    rmSync(rssFile, { force: true });
  }
  if (r.error) throw r.error;
  return { wallMs, cpuMs, peakRssMB, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The floor in a fresh process: in-process time of walk+read+parse, and the process's wall time. */
export function floorRun(dir) {
  const r = runNode([join(here, 'floor.mjs'), dir]);
  if (r.status !== 0) throw new Error(`floor failed: ${r.stderr}`);
  const f = JSON.parse(r.stdout);
  return { inProcessMs: f.ms, inProcessCpuMs: f.cpuMs, wallMs: r.wallMs, cpuMs: r.cpuMs, peakRssMB: r.peakRssMB, files: f.files, bytes: f.bytes };
}

/** Finds a self-reported duration in the CLI's JSON output (any numeric key ending in Ms / ms). */
function reportedMs(out) {
  let found;
  const visit = (o, depth) => {
    if (found !== undefined || !o || typeof o !== 'object' || depth > 3) return;
    for (const [k, v] of Object.entries(o)) {
      if (typeof v === 'number' && /^ms$|Ms$/.test(k)) { found = { key: k, ms: v }; return; }
    }
    for (const v of Object.values(o)) if (!Array.isArray(v)) visit(v, depth + 1);
  };
  visit(out, 0);
  return found;
}

/** Counts diagnostics in the CLI JSON output whatever its exact shape (array of files or of diagnostics). */
function countDiagnostics(out) {
  let errors = 0, warnings = 0, total = 0;
  const files = new Set();
  const visit = (o, file) => {
    if (Array.isArray(o)) { for (const x of o) visit(x, file); return; }
    if (!o || typeof o !== 'object') return;
    const f = o.file ?? o.path ?? o.uri ?? file;
    if (typeof o.code === 'string' && (o.severity !== undefined || o.message !== undefined)) {
      total++;
      files.add(f);
      const sev = String(o.severity).toLowerCase();
      if (sev === 'error' || sev === '1') errors++;
      else if (sev === 'warning' || sev === '2') warnings++;
      return;
    }
    for (const v of Object.values(o)) if (v && typeof v === 'object') visit(v, f);
  };
  visit(out);
  return { total, errors, warnings, files: files.size };
}

/** One cold `check` run (fresh process). Exit status 1 is expected: the app has deliberate errors. */
export function cliRun(cliPath, dir) {
  const r = runNode([cliPath, 'check', dir, '--format', 'json']);
  if (r.status !== 0 && r.status !== 1) throw new Error(`cli check exited ${r.status}: ${r.stderr.slice(-2000)}`);
  let out, parseError;
  try { out = JSON.parse(r.stdout); } catch (e) { parseError = e.message; }
  const rep = out ? reportedMs(out) : (r.stdout.match(/(\d+(?:\.\d+)?)\s*ms/) ? { key: 'text', ms: Number(RegExp.$1) } : undefined);
  return {
    wallMs: r.wallMs, cpuMs: r.cpuMs, peakRssMB: r.peakRssMB, exitCode: r.status, reportedMs: rep?.ms, reportedKey: rep?.key,
    diagnostics: out ? countDiagnostics(out) : undefined, parseError, stdoutBytes: r.stdout.length,
  };
}

/** Profiles one CLI check with --cpu-prof; returns the .cpuprofile path. */
export function cliProfile(cliPath, dir, outDir) {
  const r = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', outDir, '--cpu-prof-interval', '200', cliPath, 'check', dir, '--format', 'json'],
    { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`profiled check exited ${r.status}: ${r.stderr.slice(-1000)}`);
}
