/** Where the Python harness is: next to the bundle (dist/python) or, in a checkout, shared/python. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

const HARNESS = 'jitai_run.py';

export function defaultHarnessPath(): string {
  const bundled = join(__dirname, 'python', HARNESS);
  if (existsSync(bundled)) return bundled;
  // Tests and unbundled runs: walk up to the repository root and use the source copy.
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    for (const candidate of [join(dir, 'shared', 'python', HARNESS), join(dir, 'dist', 'python', HARNESS)]) {
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return bundled;
}
