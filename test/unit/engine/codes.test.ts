/** The diagnostic code registry: complete texts in both languages, and the README table generated from it. */
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../../helpers/repo';
import { ALL_DIAGNOSTIC_CODES, codeInfo, severityName } from '../../../server/src/engine';

test('every registered code has a rule id, a severity and an English and Chinese title and help', () => {
  assert.ok(ALL_DIAGNOSTIC_CODES.length >= 26);
  for (const code of ALL_DIAGNOSTIC_CODES) {
    const info = codeInfo(code);
    assert.match(code, /^[a-z]+(-[a-z]+)*$/);
    assert.ok(info.rules.length > 0 && info.rules.every((r) => /^R-[A-Z]+-\d+$/.test(r)), code);
    assert.ok(['error', 'warning', 'info'].includes(severityName(info.severity)), code);
    for (const lang of ['en', 'zh'] as const) {
      assert.ok(info[lang].title.trim(), `${code} ${lang} title`);
      assert.ok(info[lang].help.trim().length > info[lang].title.length, `${code} ${lang} help`);
    }
    assert.match(info.zh.title + info.zh.help, /[\u4e00-\u9fff]/, `${code}: zh text is Chinese`);
  }
});

/** The README's "## Diagnostic codes" table, as the registry says it should be. */
function expectedTable(): string {
  const rows = ALL_DIAGNOSTIC_CODES.map((code) => {
    const i = codeInfo(code);
    return `| \`${code}\` | ${severityName(i.severity)} | ${i.rules.join(', ')} | ${i.en.title} |`;
  });
  return ['| Code | Default severity | Rules | Meaning |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

test('README "Diagnostic codes" lists exactly the registry\'s codes (table generated from the registry)', () => {
  const readme = fs.readFileSync(path.join(repoRoot(), 'README.md'), 'utf8');
  const start = readme.indexOf('## Diagnostic codes');
  assert.ok(start >= 0, 'README has a "## Diagnostic codes" section');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  const table = section.split('\n').filter((l) => l.startsWith('|')).join('\n');
  const expected = expectedTable();
  if (table !== expected) console.log(`README.md "## Diagnostic codes" should hold this table:\n\n${expected}\n`);
  const listed = [...table.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]);
  assert.deepEqual(listed, [...ALL_DIAGNOSTIC_CODES]);
  assert.equal(table, expected);
});
