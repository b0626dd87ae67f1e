// Locates the repository at test time (tests run from the bundle in out/tests/unit/schema/) and
// lists fixture files, so schema tests read the real files rather than copies.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The nearest folder above the running bundle that contains package.json. */
export function findRepoRoot(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
}

/** Every file named `fileName` below `dir`, sorted, as absolute paths. */
export function findFilesNamed(dir: string, fileName: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...findFilesNamed(path, fileName));
    else if (name === fileName) out.push(path);
  }
  return out;
}

/** Immediate sub-folders of `dir` (names), sorted. */
export function subFolders(dir: string): string[] {
  return readdirSync(dir).filter((n) => statSync(join(dir, n)).isDirectory()).sort();
}

export interface ExpectedProblem { file: string; code: string; severity: 'error' | 'warning' | 'info'; line: number }
