import test from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root (this file runs from out/tests/unit/client/ after bundling). */
function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.nls.json'))) {
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
  return dir;
}
const root = repoRoot();
const readJson = (rel: string): Record<string, unknown> => JSON.parse(readFileSync(join(root, rel), 'utf8'));
const placeholders = (s: string): string[] => (s.match(/\{\d+\}/g) ?? []).sort();

/** Runtime strings: literal first arguments of t(...) / vscode.l10n.t(...) and the two forms of plural(...). */
function runtimeStrings(): string[] {
  const dir = join(root, 'client/src');
  const literal = String.raw`'((?:[^'\\]|\\.)*)'`;
  const res = [new RegExp(String.raw`\bt\(\s*` + literal, 'g'), new RegExp(String.raw`\bplural\([^,]+,\s*` + literal + String.raw`\s*,\s*` + literal, 'g')];
  const found = new Set<string>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
    const text = readFileSync(join(dir, name), 'utf8');
    for (const re of res) for (const m of text.matchAll(re)) for (const s of m.slice(1)) if (s !== undefined) found.add(s.replace(/\\'/g, "'"));
  }
  return [...found];
}

test('every runtime string of the client has a Simplified Chinese translation with the same placeholders', () => {
  const bundle = readJson('l10n/bundle.l10n.zh-cn.json') as Record<string, string>;
  const strings = runtimeStrings();
  assert.ok(strings.length > 80, `found only ${strings.length} strings: the extraction is broken`);
  assert.deepEqual(strings.filter((s) => !(s in bundle)), [], 'missing in l10n/bundle.l10n.zh-cn.json');
  for (const s of strings) assert.deepEqual(placeholders(bundle[s]), placeholders(s), `placeholders of "${s}"`);
  for (const s of strings) assert.match(bundle[s], /[\u4e00-\u9fff]|^[\w .{}()]+$/, `"${s}" → "${bundle[s]}" is not translated`);
});

test('every %key% of package.json exists in package.nls.json and package.nls.zh-cn.json (and no stale keys)', () => {
  const manifest = readFileSync(join(root, 'package.json'), 'utf8');
  const keys = [...new Set([...manifest.matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]))];
  const en = readJson('package.nls.json');
  const zh = readJson('package.nls.zh-cn.json');
  assert.deepEqual(keys.filter((k) => !(k in en)), [], 'missing in package.nls.json');
  assert.deepEqual(keys.filter((k) => !(k in zh)), [], 'missing in package.nls.zh-cn.json');
  assert.deepEqual(Object.keys(en).sort(), Object.keys(zh).sort(), 'both NLS files have the same keys');
  assert.deepEqual(Object.keys(en).filter((k) => !keys.includes(k)), [], 'NLS keys package.json no longer uses');
});

test('the manifest declares every command the client registers, with category JitAi and a localized title', () => {
  const pkg = readJson('package.json') as { contributes: { commands: Array<{ command: string; title: string; category: string }> } };
  const declared = pkg.contributes.commands.map((c) => c.command).sort();
  const registered = new Set<string>();
  for (const name of readdirSync(join(root, 'client/src')).filter((n) => n.endsWith('.ts'))) {
    const text = readFileSync(join(root, 'client/src', name), 'utf8');
    for (const m of text.matchAll(/registerCommand\('([\w.]+)'/g)) registered.add(m[1]);
  }
  assert.deepEqual([...registered].sort(), declared);
  for (const c of pkg.contributes.commands) {
    assert.equal(c.category, 'JitAi');
    assert.match(c.title, /^%command\.\w+%$/);
  }
});
