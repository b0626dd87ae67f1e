// The floor every benchmark figure is divided by: walk the app tree, read every e.json and .py file,
// JSON.parse every e.json — and nothing else. Synchronous, single thread, like a straightforward indexer.
//
//   node bench/floor.mjs <appDir>   -> prints {"ms":…,"files":…,"bytes":…} for one run in a fresh process
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function floorOnce(root) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let eJson = 0, py = 0, bytes = 0, dirs = 0;
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop();
    dirs++;
    for (const ent of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, ent.name);
      if (ent.isDirectory()) {
        if (ent.name !== 'node_modules' && ent.name[0] !== '.') stack.push(p);
      } else if (ent.name === 'e.json') {
        const text = readFileSync(p, 'utf8');
        bytes += text.length;
        JSON.parse(text);
        eJson++;
      } else if (ent.name.endsWith('.py')) {
        bytes += readFileSync(p, 'utf8').length;
        py++;
      }
    }
  }
  const cpu = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, eJson, py, files: eJson + py, dirs, bytes };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node bench/floor.mjs <appDir>');
    process.exit(2);
  }
  console.log(JSON.stringify(floorOnce(dir)));
}
