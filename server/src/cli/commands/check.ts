/** `jitai-events check`: the engine over folders, problems printed as text, JSON or SARIF; exit 1 when errors exist. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEngine, type Engine } from '../../engine';
import { readAheadHost } from '../../engine/files/readAhead';
import type { CheckOptions } from '../args';
import { formatCheckStats, formatJson, formatSarif, formatText, type FileDiagnostics } from '../formatters';
import type { CliIo } from '../output';

/** The engine for the globs, or a message naming the first glob it could not read (e.g. `[z-a]`). */
function engineFor(o: CheckOptions, io: CliIo): Engine | string {
  // Read once, never updated: no re-check bookkeeping, and files read ahead on a second thread
  // (dist/readWorker.js next to this bundle; without it, files are read here).
  const host = readAheadHost(path.join(__dirname, 'readWorker.js'));
  const engine = createEngine({ locale: o.locale, exclude: o.exclude, severity: o.severity, oneShot: true, host });
  const [bad] = engine.invalidExcludes();
  return bad ? io.t('--exclude {0} is not a valid glob ({1})', JSON.stringify(bad), io.t('a [...] class or {...} group that does not compile')) : engine;
}

/** Exit code when part of the app could not be read (its problems are unknown), whatever else was found. */
export const EXIT_UNREADABLE = 3;

/** Runs the engine over the folders; returns the exit code (1 when errors exist, 2 on usage errors, 3 when part of the app could not be read). */
export async function checkCommand(o: CheckOptions, io: CliIo): Promise<number> {
  const folders = o.folders.length ? o.folders : [process.cwd()];
  for (const f of folders) {
    if (!fs.existsSync(f) || !fs.statSync(f).isDirectory()) {
      io.err(`jitai-events: ${io.t('not a folder: {0}', f)}\n`);
      return 2;
    }
  }
  const t0 = performance.now();
  const engine = engineFor(o, io);
  if (typeof engine === 'string') { io.err(`jitai-events: ${engine}\n`); return 2; }
  engine.setFolders(folders.map((f) => fs.realpathSync(path.resolve(f))));
  await engine.indexAll(undefined, Number.MAX_SAFE_INTEGER);
  const ms = performance.now() - t0;
  const files: FileDiagnostics[] = [...engine.allDiagnostics()]
    .map(([p, diagnostics]) => ({ path: p, diagnostics: [...diagnostics].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const stats = { ...engine.stats(), ms: Math.round(ms) };
  const cwd = process.cwd();
  if (o.format === 'json') io.out(formatJson(files, cwd, stats));
  else if (o.format === 'sarif') io.out(formatSarif(files, cwd, o.version));
  else {
    io.out(formatText(files, cwd, o.color, io.t));
    io.err(formatCheckStats(stats, io.t));
  }
  const unreadable = engine.unreadable();
  if (unreadable.size) {
    for (const [p, why] of unreadable) io.err(`jitai-events: ${io.t('could not read {0} ({1})', path.relative(cwd, p) || '.', why)}\n`);
    io.err(`jitai-events: ${io.t('{0} files or folders could not be read; their problems are unknown', unreadable.size)}\n`);
    return EXIT_UNREADABLE;
  }
  return stats.errors > 0 ? 1 : 0;
}
