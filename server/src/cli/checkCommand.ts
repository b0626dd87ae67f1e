import * as fs from 'node:fs';
import * as path from 'node:path';
import { WorkspaceIndex } from '../engine';
import { formatJson, formatSarif, formatText, type FileDiagnostics } from './formatters';

export interface CheckOptions { folders: string[]; format: 'text' | 'json' | 'sarif'; locale?: string; exclude: string[]; color: boolean; version: string }

/** Runs the engine over folders; returns the exit code (1 when errors exist). */
export async function checkCommand(o: CheckOptions, write: (s: string) => void, writeErr: (s: string) => void): Promise<number> {
  const folders = o.folders.length ? o.folders : [process.cwd()];
  for (const f of folders) {
    if (!fs.existsSync(f) || !fs.statSync(f).isDirectory()) {
      writeErr(`jitai-events: not a folder: ${f}\n`);
      return 2;
    }
  }
  const t0 = performance.now();
  const index = new WorkspaceIndex({ locale: o.locale, exclude: o.exclude });
  index.setFolders(folders.map((f) => fs.realpathSync(path.resolve(f))));
  await index.indexAll(undefined, Number.MAX_SAFE_INTEGER);
  const ms = performance.now() - t0;
  const files: FileDiagnostics[] = [...index.allDiagnostics()]
    .map(([p, diagnostics]) => ({ path: p, diagnostics: [...diagnostics].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const stats = { ...index.stats(), ms: Math.round(ms) };
  const cwd = process.cwd();
  if (o.format === 'json') write(formatJson(files, cwd, stats));
  else if (o.format === 'sarif') write(formatSarif(files, cwd, o.version));
  else {
    write(formatText(files, cwd, o.color));
    writeErr(`checked ${stats.elements} elements and ${stats.pythonFiles} Python files in ${stats.apps} app(s) in ${stats.ms} ms\n`);
  }
  return stats.errors > 0 ? 1 : 0;
}
