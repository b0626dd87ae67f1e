// Makes schemas/e.schema.json describe without rejecting (run once per schema change; the schema test checks it):
// every value check sits in `anyOf: [<check>, {}]`, so VS Code's JSON support still completes enum values and
// booleans and shows hovers, but never reports a problem the language server reports too (one problem, one
// diagnostic). Objects keep their properties inside the check, so key completion and hovers still work; `oneOf`
// becomes `anyOf` (two always-matching branches would fail a oneOf).
//   node scripts/schema-permissive.mjs [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const file = join(root, 'schemas/e.schema.json');
/** Keywords that only describe (hover, completion, snippets): they stay on the outer node. */
const ANNOTATIONS = new Set(['$schema', '$id', '$comment', 'title', 'description', 'markdownDescription', 'default', 'examples',
  'defaultSnippets', 'deprecationMessage', 'doNotSuggest', 'errorMessage', 'patternErrorMessage', 'definitions']);

/** True when a node already is `anyOf: [check, {}]`. */
const isWrapped = (n) => Array.isArray(n.anyOf) && n.anyOf.length === 2 && n.anyOf[1] && Object.keys(n.anyOf[1]).length === 0;

function transform(node, inCondition) {
  if (Array.isArray(node)) return node.map((x) => transform(x, inCondition));
  if (!node || typeof node !== 'object') return node;
  if (isWrapped(node)) return node; // already `anyOf: [check, {}]`: the check stays a check
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'defaultSnippets' || k === 'examples' || k === 'default') { out[k] = v; continue; }
    // Maps of names to schemas: each value is a schema, the map itself is not.
    if ((k === 'properties' || k === 'definitions' || k === 'patternProperties') && v && typeof v === 'object' && !Array.isArray(v)) {
      out[k] = Object.fromEntries(Object.entries(v).map(([name, sub]) =>
        [name, transform(sub, inCondition || (k === 'definitions' && conditionRefs.has(name)))]));
      continue;
    }
    // `if` only selects a branch: its checks must stay as they are.
    out[k] = transform(v, inCondition || k === 'if');
  }
  if (inCondition) return out;
  if (Array.isArray(out.oneOf)) { out.anyOf = out.oneOf; delete out.oneOf; }
  const checks = Object.keys(out).filter((k) => !ANNOTATIONS.has(k) && k !== '$ref');
  if (!checks.length) return out;
  const check = {};
  for (const c of checks) { check[c] = out[c]; delete out[c]; }
  out.anyOf = [check, {}];
  return out;
}

const before = readFileSync(file, 'utf8');
const schema = JSON.parse(before);

/** Definitions an `if` refers to: they select branches, so their checks stay as they are. */
const conditionRefs = new Set();
(function collect(node, inIf) {
  if (Array.isArray(node)) { node.forEach((x) => collect(x, inIf)); return; }
  if (!node || typeof node !== 'object') return;
  for (const [k, v] of Object.entries(node)) {
    if (k === '$ref' && inIf && typeof v === 'string') conditionRefs.add(v.replace('#/definitions/', ''));
    collect(v, inIf || k === 'if');
  }
})(schema, false);
const after = JSON.stringify({ ...transform(schema, false), $schema: schema.$schema }, null, 2) + '\n';
if (process.argv.includes('--check')) {
  if (after !== before) { console.error('schemas/e.schema.json rejects values: run node scripts/schema-permissive.mjs'); process.exit(1); }
  console.log('schemas/e.schema.json describes without rejecting');
} else {
  writeFileSync(file, after);
  console.log('wrote schemas/e.schema.json');
}
