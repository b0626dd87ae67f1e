/** The flow view's text filter: the nodes whose texts match, with their direct neighbours for context. Pure. */
import type { FlowEdge, FlowNode } from '../../../../shared/src/protocol/types';

export interface Filtered { nodes: FlowNode[]; edges: FlowEdge[]; matched: Set<string> }

/** Case-insensitive match on label, title, detail and id; empty text keeps everything (nothing is `matched`). */
export function filterGraph(nodes: readonly FlowNode[], edges: readonly FlowEdge[], text: string): Filtered {
  const q = text.trim().toLowerCase();
  if (!q) return { nodes: [...nodes], edges: [...edges], matched: new Set() };
  const matched = new Set(nodes.filter((n) => [n.id, n.label, n.title, n.detail].some((s) => s?.toLowerCase().includes(q))).map((n) => n.id));
  const keep = new Set(matched);
  for (const e of edges) {
    if (matched.has(e.from)) keep.add(e.to);
    if (matched.has(e.to)) keep.add(e.from);
  }
  return { nodes: nodes.filter((n) => keep.has(n.id)), edges: edges.filter((e) => keep.has(e.from) && keep.has(e.to)), matched };
}
