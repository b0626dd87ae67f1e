/**
 * Every quick fix the engine offers, on every fixture app and the example app, leaves its spot
 * free of problems: the fix is applied to a copy, the app re-checked, and no problem of that file
 * may touch the replaced text.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CheckedIndex, type EngineDiagnostic } from '../../../server/src/engine';
import { repoRoot, tempCopy } from '../../helpers/repo';

const root = repoRoot();
const apps = [
  ...fs.readdirSync(path.join(root, 'test/fixtures')).filter((n) => fs.statSync(path.join(root, 'test/fixtures', n)).isDirectory()).map((n) => `test/fixtures/${n}`),
  'examples/crm-demo',
];

async function check(dir: string): Promise<ReadonlyMap<string, EngineDiagnostic[]>> {
  const index = new CheckedIndex();
  index.setFolders([dir]);
  await index.indexAll();
  return index.allDiagnostics();
}

function offsetOf(text: string, pos: { line: number; character: number }): number {
  let off = 0;
  for (let l = 0; l < pos.line; l++) off = text.indexOf('\n', off) + 1;
  return off + pos.character;
}

let applied = 0;
for (const rel of apps) {
  test(`every quick fix in ${rel} leaves its spot free of problems`, async () => {
    const { dir, cleanup } = tempCopy(rel);
    try {
      const fixes = [...(await check(dir))].flatMap(([file, list]) => list.filter((d) => d.fix).map((d) => ({ file, d })));
      for (const { file, d } of fixes) {
        const original = fs.readFileSync(file, 'utf8');
        const start = offsetOf(original, d.fix!.range.start);
        const end = offsetOf(original, d.fix!.range.end);
        fs.writeFileSync(file, original.slice(0, start) + d.fix!.newText + original.slice(end));
        try {
          const after = (await check(dir)).get(file) ?? [];
          const fixedText = fs.readFileSync(file, 'utf8');
          const left = after.filter((x) => offsetOf(fixedText, x.range.start) <= start + d.fix!.newText.length && offsetOf(fixedText, x.range.end) >= start);
          assert.deepEqual(left.map((x) => `${x.code}: ${x.message}`), [], `${path.relative(dir, file)}: ${d.code} fixed with "${d.fix!.newText}"`);
          applied++;
        } finally {
          fs.writeFileSync(file, original);
        }
      }
    } finally { cleanup(); }
  });
}

test('quick fixes were applied at all', () => {
  assert.ok(applied >= 10, `${applied} fixes applied`);
});
