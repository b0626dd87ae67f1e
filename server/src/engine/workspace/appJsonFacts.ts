/** What the app.json check needs beyond the parsed values: the shape of `extends` and its incomplete entries. */
import { parseTree, type Node } from 'jsonc-parser';
import type { JsonValue } from '../elements/elementJson';
import type { AppJsonRecord } from '../model/records';

type Facts = Pick<AppJsonRecord, 'extendsNotArray' | 'extendsIncomplete'>;

/** `extends` must be an array of `{ appId, version }` objects; says where it is not. */
export function appJsonFacts(text: string, ext: JsonValue | undefined): Facts {
  const facts: Facts = { extendsIncomplete: [] };
  if (!ext) return facts;
  if (ext.kind !== 'array') { facts.extendsNotArray = ext.range; return facts; }
  let root: Node | undefined;
  try { root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false }); } catch { return facts; }
  const prop = root?.children?.find((p) => p.children?.[0]?.value === 'extends');
  for (const item of prop?.children?.[1]?.children ?? []) {
    const range = { start: item.offset, end: item.offset + item.length };
    if (item.type !== 'object') { facts.extendsIncomplete.push({ ...range, missing: ['appId', 'version'] }); continue; }
    const has = (k: string) => item.children?.some((p) => p.children?.[0]?.value === k && p.children?.[1]?.type === 'string' && p.children[1].value);
    const missing = ['appId', 'version'].filter((k) => !has(k));
    if (missing.length) facts.extendsIncomplete.push({ ...range, missing });
  }
  return facts;
}
