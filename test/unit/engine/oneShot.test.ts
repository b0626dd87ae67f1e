/**
 * A one-shot engine (the CLI's: no dependency or reverse edges kept) reports exactly what the
 * tracking engine the server uses reports, on every fixture app and the example app.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEngine } from '../../../server/src/engine';
import { repoRoot } from '../../helpers/repo';

async function diagnostics(dir: string, oneShot: boolean) {
  const engine = createEngine({ oneShot });
  engine.setFolders([dir]);
  await engine.indexAll();
  return { all: [...engine.allDiagnostics()].sort((a, b) => (a[0] < b[0] ? -1 : 1)), stats: engine.stats() };
}

test('one-shot and tracking engines give the same diagnostics on every fixture and example', async () => {
  const root = repoRoot();
  const dirs = [
    ...fs.readdirSync(path.join(root, 'test/fixtures')).map((d) => path.join(root, 'test/fixtures', d)),
    ...fs.readdirSync(path.join(root, 'examples')).map((d) => path.join(root, 'examples', d)),
  ].filter((d) => fs.statSync(d).isDirectory());
  assert.ok(dirs.length > 10);
  let total = 0;
  for (const dir of dirs) {
    const a = await diagnostics(dir, false), b = await diagnostics(dir, true);
    assert.deepEqual(b, a, dir);
    total += a.all.length;
  }
  assert.ok(total > 10, 'the fixtures have problems to compare');
});
