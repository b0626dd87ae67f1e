// Packages dist/jitai-events.vsix from a staging folder that holds only what ships.
// vsce lists every file under its working folder before applying .vscodeignore; in a checkout
// with benchmark apps or the real-VS-Code test install that is hundreds of thousands of files.
// The staging folder gets exactly the .vscodeignore allowlist, so the result is the same.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const stage = join(root, 'out', 'vsix-stage');
const allow = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n')
  .map((l) => l.trim()).filter((l) => l.startsWith('!')).map((l) => l.slice(1).replace(/\/\*\*$/, ''));

rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
for (const rel of [...allow, '.vscodeignore']) {
  const src = join(root, rel);
  if (!existsSync(src)) continue;
  mkdirSync(dirname(join(stage, rel)), { recursive: true });
  cpSync(src, join(stage, rel), { recursive: true, filter: (p) => !p.includes('__pycache__') });
}
const out = join(root, 'dist', 'jitai-events.vsix');
const vsce = join(root, 'node_modules', '.bin', 'vsce');
const r = spawnSync(vsce, ['package', '--no-dependencies', '--no-rewrite-relative-links', '--out', out], { cwd: stage, stdio: ['ignore', 'inherit', 'inherit'] });
if (r.status !== 0) process.exit(r.status ?? 1);
console.log(`packaged ${out}`);
