/**
 * The node ids of a workflow element: the `name` (or `id`) of each `nodeList` entry, from the
 * element's e.json when it holds a nodeList, else from its config.json (where the visual editor keeps it).
 */
import { parse } from 'jsonc-parser';
import type { ElementRecord } from '../model/records';
import type { ReadResult } from '../files/fileHost';

/** Node ids of a workflow; undefined when neither file has a readable nodeList (nothing to check against). */
export function workflowNodes(el: ElementRecord, read: (path: string) => ReadResult | { text: string }): string[] | undefined {
  const inline = el.json.props.get('nodeList');
  if (inline?.items) return namesOf(inline.items.map((i) => ({ name: i.props?.get('name')?.value, id: i.props?.get('id')?.value })));
  const r = read(`${el.dir}/config.json`);
  if (!('text' in r)) return undefined;
  let cfg: unknown;
  try { cfg = parse(r.text, [], { allowTrailingComma: true }); } catch { return undefined; }
  const list = (cfg as { nodeList?: unknown } | undefined)?.nodeList;
  return Array.isArray(list) ? namesOf(list as { name?: unknown; id?: unknown }[]) : undefined;
}

function namesOf(list: ({ name?: unknown; id?: unknown } | null | undefined)[]): string[] {
  const out: string[] = [];
  for (const n of list) {
    if (!n || typeof n !== 'object') continue;
    if (typeof n.name === 'string') out.push(n.name);
    if (typeof n.id === 'string' && n.id !== n.name) out.push(n.id);
  }
  return out;
}
