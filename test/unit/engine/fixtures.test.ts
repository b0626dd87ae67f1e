import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CheckedIndex, severityName } from '../../../server/src/engine';
import { repoRoot } from '../../helpers/repo';

interface Expected { file: string; code: string; severity: string; line: number }

async function actual(dir: string): Promise<Expected[]> {
  const index = new CheckedIndex();
  index.setFolders([dir]);
  await index.indexAll();
  const out: Expected[] = [];
  for (const [p, list] of index.allDiagnostics()) {
    for (const d of list) out.push({ file: p.slice(dir.length + 1), code: d.code, severity: severityName(d.severity), line: d.range.start.line + 1 });
  }
  return sort(out);
}

const sort = (l: Expected[]) => [...l].sort((a, b) => (`${a.file}:${a.line}:${a.code}` < `${b.file}:${b.line}:${b.code}` ? -1 : 1));

const root = repoRoot();
const fixtures = path.join(root, 'test/fixtures');
for (const name of fs.readdirSync(fixtures).sort()) {
  const dir = path.join(fixtures, name);
  const exp = path.join(dir, 'expected.json');
  if (!fs.existsSync(exp)) continue;
  test(`fixture ${name}: exactly the expected diagnostics`, async () => {
    const expected = sort(JSON.parse(fs.readFileSync(exp, 'utf8')) as Expected[]);
    assert.deepEqual(await actual(fs.realpathSync(dir)), expected);
  });
}

test('examples/crm-demo: exactly the problems listed in expected-problems.json', async () => {
  const dir = fs.realpathSync(path.join(root, 'examples/crm-demo'));
  const expected = sort(JSON.parse(fs.readFileSync(path.join(dir, 'expected-problems.json'), 'utf8')) as Expected[]);
  assert.deepEqual(await actual(dir), expected);
});
