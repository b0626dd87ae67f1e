// Generates schemas/e.schema.zh-cn.json from schemas/e.schema.json and the translation table
// schemas/e.schema.zh-cn.strings.json (English text -> Simplified Chinese). The texts translated are
// what VS Code shows: description, markdownDescription, title, deprecationMessage, errorMessage,
// enumDescriptions, markdownEnumDescriptions and defaultSnippets labels/descriptions/body titles.
//
// usage: node scripts/schema-zh.mjs          write the Chinese schema
//        node scripts/schema-zh.mjs --check  exit 1 (listing the strings) when a text has no
//                                            translation or the file on disk is out of date
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const SOURCE = join(root, 'schemas/e.schema.json');
const TARGET = join(root, 'schemas/e.schema.zh-cn.json');
const TABLE = join(root, 'schemas/e.schema.zh-cn.strings.json');
const TEXT_KEYS = new Set(['description', 'markdownDescription', 'title', 'deprecationMessage', 'errorMessage', 'label']);
const LIST_KEYS = new Set(['enumDescriptions', 'markdownEnumDescriptions']);

/** A copy of `node` with every user-visible text passed through `tr`; property names are kept. */
function translate(node, tr, inProperties = false) {
  if (Array.isArray(node)) return node.map((v) => translate(v, tr));
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (!inProperties && TEXT_KEYS.has(key) && typeof value === 'string') out[key] = tr(value);
    else if (!inProperties && LIST_KEYS.has(key) && Array.isArray(value)) out[key] = value.map((v) => (typeof v === 'string' ? tr(v) : v));
    else out[key] = translate(value, tr, key === 'properties' || key === 'patternProperties' || key === 'definitions');
  }
  return out;
}

const schema = JSON.parse(readFileSync(SOURCE, 'utf8'));
const table = JSON.parse(readFileSync(TABLE, 'utf8'));
const missing = new Set();
const used = new Set();
const zh = translate(schema, (text) => {
  if (!(text in table)) { missing.add(text); return text; }
  used.add(text);
  return table[text];
});
const text = JSON.stringify(zh, null, 2) + '\n';
const unused = Object.keys(table).filter((k) => !used.has(k));

if (process.argv.includes('--check')) {
  const problems = [
    ...[...missing].map((s) => `no translation: ${JSON.stringify(s)}`),
    ...unused.map((s) => `translation of a text the schema no longer has: ${JSON.stringify(s)}`),
    ...(!existsSync(TARGET) || readFileSync(TARGET, 'utf8') !== text ? ['schemas/e.schema.zh-cn.json is out of date: run node scripts/schema-zh.mjs'] : []),
  ];
  for (const p of problems) console.log(p);
  console.log(`${used.size} texts translated, ${problems.length} problems`);
  process.exit(problems.length ? 1 : 0);
}
if (missing.size) {
  for (const s of missing) console.error(`no translation: ${JSON.stringify(s)}`);
  process.exit(1);
}
writeFileSync(TARGET, text);
console.log(`wrote schemas/e.schema.zh-cn.json (${used.size} texts translated)`);
