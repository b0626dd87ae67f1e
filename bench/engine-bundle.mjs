// Bundles the engine facade (server/src/engine) and, optionally, test helpers into bench/.cache/<name>/
// for the benchmark scripts that drive the engine directly (no server process). Returns the module.
import { mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..');

/** `exports`: TypeScript export lines relative to the repository root, e.g. `export { createEngine } from 'server/src/engine'`. */
export async function bundleEngine(name, exportLines) {
  const outDir = join(here, '.cache', name);
  mkdirSync(outDir, { recursive: true });
  await esbuild.build({
    stdin: { contents: exportLines.join('\n'), resolveDir: repo, sourcefile: join(outDir, 'entry.ts'), loader: 'ts' },
    bundle: true, platform: 'node', format: 'esm', target: 'node20', mainFields: ['module', 'main'],
    outfile: join(outDir, 'bundle.mjs'), logLevel: 'error', absWorkingDir: repo,
  });
  return import(pathToFileURL(join(outDir, 'bundle.mjs')).href + `?t=${Date.now()}`);
}
