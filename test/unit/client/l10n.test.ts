/** The l10n bundle against the code: every runtime string translated, no orphaned translation, manifest strings and commands. */
import test from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { formatMessage, loadBundle, plural } from '../../../shared/src/l10n';
import { Commands, ContextKeys, Views } from '../../../client/src/ids';

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

/** Folders whose runtime strings go through l10n/bundle.l10n.*.json (the engine's diagnostics have their own table). */
const LOCALIZED_SOURCES = ['client/src', 'shared/src', 'server/src/cli'];

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/**
 * Runtime strings: literal first arguments of t(...) / vscode.l10n.t(...) / io.t(...) and the two forms
 * of plural(...), with the file each was found in.
 */
function runtimeStrings(): Map<string, string> {
  const literal = String.raw`'((?:[^'\\]|\\.)*)'`;
  const res = [new RegExp(String.raw`\bt\(\s*` + literal, 'g'), new RegExp(String.raw`\bplural\([^,]+,\s*` + literal + String.raw`\s*,\s*` + literal, 'g')];
  const found = new Map<string, string>();
  for (const file of LOCALIZED_SOURCES.flatMap((d) => tsFiles(join(root, d)))) {
    const text = readFileSync(file, 'utf8');
    for (const re of res) {
      for (const m of text.matchAll(re)) {
        for (const s of m.slice(1)) if (s !== undefined) found.set(s.replace(/\\'/g, "'"), relative(root, file));
      }
    }
  }
  return found;
}

test('every runtime string of the client, the shared code and the CLI has a Simplified Chinese translation with the same placeholders', () => {
  const bundle = readJson('l10n/bundle.l10n.zh-cn.json') as Record<string, string>;
  const found = runtimeStrings();
  const strings = [...found.keys()];
  assert.ok(strings.length > 150, `found only ${strings.length} strings: the extraction is broken`);
  for (const dir of LOCALIZED_SOURCES) assert.ok([...found.values()].some((f) => f.startsWith(dir)), `no string found in ${dir}`);
  assert.deepEqual(strings.filter((s) => !(s in bundle)).map((s) => `${found.get(s)}: ${s}`), [], 'missing in l10n/bundle.l10n.zh-cn.json');
  for (const s of strings) assert.deepEqual(placeholders(bundle[s]), placeholders(s), `placeholders of "${s}"`);
  for (const s of strings) assert.match(bundle[s], /[\u4e00-\u9fff]|^[\w .{}()，：]+$/, `"${s}" → "${bundle[s]}" is not translated`);
});

test('no translation is orphaned: every key of the zh-cn bundle is used by the code', () => {
  const bundle = readJson('l10n/bundle.l10n.zh-cn.json');
  const used = runtimeStrings();
  assert.deepEqual(Object.keys(bundle).filter((k) => !used.has(k)), [], 'keys of l10n/bundle.l10n.zh-cn.json no code uses');
});

test('loadBundle finds the l10n folder and translates; English and unknown locales keep the English text', () => {
  const zh = loadBundle('zh-cn');
  assert.equal(zh('Return value'), '返回值');
  assert.equal(zh('Published events ({0}):', 3), '发布的事件（3 个）：');
  assert.equal(loadBundle('zh-CN')('Return value'), '返回值', 'tags are case-insensitive');
  assert.equal(loadBundle('zh')('Return value'), '返回值', 'a language finds its regional bundle');
  for (const t of [loadBundle('en'), loadBundle(undefined), loadBundle('fr')]) {
    assert.equal(t('Published events ({0}):', 3), 'Published events (3):');
    assert.equal(t('not a key {0} {1}', 'a'), 'not a key a {1}');
  }
  assert.equal(plural(1, '{0} app', '{0} apps', zh), '1 个应用');
  assert.equal(plural(2, '{0} app', '{0} apps', formatMessage), '2 apps');
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

test('the manifest declares exactly the command ids of client/src/ids.ts, each registered from the command table, with category JitAi and a localized title', () => {
  const pkg = readJson('package.json') as { contributes: { commands: Array<{ command: string; title: string; category: string }> } };
  const declared = pkg.contributes.commands.map((c) => c.command).sort();
  assert.deepEqual(Object.values(Commands).sort(), declared);
  // Rows of the table: `[Commands.x]:` keys in commands.ts and tree/treeCommands.ts; no registerCommand with a literal id.
  const rows = new Set<string>();
  for (const file of tsFiles(join(root, 'client/src'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\[Commands\.(\w+)\]:/g)) rows.add((Commands as Record<string, string>)[m[1]]);
    assert.doesNotMatch(text, /registerCommand\('/, `${relative(root, file)} registers a command by a literal id`);
  }
  assert.deepEqual([...rows].sort(), declared);
  for (const c of pkg.contributes.commands) {
    assert.equal(c.category, 'JitAi');
    assert.match(c.title, /^%command\.\w+%$/);
  }
});

test('view ids and context keys of client/src/ids.ts are the ones package.json uses', () => {
  const manifest = readFileSync(join(root, 'package.json'), 'utf8');
  const pkg = JSON.parse(manifest) as { contributes: { views: Record<string, Array<{ id: string }>>; viewsContainers: { activitybar: Array<{ id: string }> } } };
  assert.deepEqual(pkg.contributes.views[Views.container].map((v) => v.id), [Views.events]);
  assert.deepEqual(pkg.contributes.viewsContainers.activitybar.map((v) => v.id), [Views.container]);
  const used = new Set([...manifest.matchAll(/\b(jitaiEvents\.[a-zA-Z]+)\b/g)].map((m) => m[1]).filter((k) => !Object.values(Commands).includes(k as never)));
  for (const key of Object.values(ContextKeys)) assert.ok(used.has(key), `${key} is used by a when clause`);
});
