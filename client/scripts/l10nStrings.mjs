// Lists the runtime strings of client/src (arguments of vscode.l10n.t / t(...) and plural(...)) and
// which of them l10n/bundle.l10n.zh-cn.json lacks. Run: node client/scripts/l10nStrings.mjs
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

export function runtimeStrings() {
  const dir = join(root, 'client/src');
  const found = new Set();
  const literal = String.raw`'((?:[^'\\]|\\.)*)'`;
  const patterns = [
    new RegExp(String.raw`\bt\(\s*` + literal, 'g'),
    new RegExp(String.raw`\bplural\([^,]+,\s*` + literal + String.raw`\s*,\s*` + literal, 'g'),
  ];
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.ts')) continue;
    const text = readFileSync(join(dir, name), 'utf8');
    for (const re of patterns) {
      for (const m of text.matchAll(re)) {
        for (const s of m.slice(1)) if (s !== undefined) found.add(s.replace(/\\'/g, "'").replace(/\\\\/g, '\\'));
      }
    }
  }
  return [...found].sort();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const bundleFile = join(root, 'l10n/bundle.l10n.zh-cn.json');
  const bundle = existsSync(bundleFile) ? JSON.parse(readFileSync(bundleFile, 'utf8')) : {};
  const strings = runtimeStrings();
  const missing = strings.filter((s) => !(s in bundle));
  console.log(JSON.stringify(process.argv.includes('--missing') ? missing : strings, null, 2));
}
