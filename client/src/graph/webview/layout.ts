/**
 * Positions of the flow graph's boxes and edge routes, computed with @dagrejs/dagre. Pure (no DOM),
 * so it is unit-tested in Node.
 *
 * Why dagre: a layered (Sugiyama) layout is what a left-to-right flow of services -> events ->
 * handlers -> events wants; @dagrejs/dagre is maintained, has no DOM dependency and bundles to about
 * 50 KB minified. elkjs lays out as well but ships ~1.4 MB (a GWT build); cytoscape brings its own
 * renderer and ~400 KB, of which this view would use only the layout.
 */
import dagre from '@dagrejs/dagre';
import type { FlowEdge, FlowNode } from '../../../../shared/src/protocol/types';
import { flowNodeLines } from '../../../../shared/src/flowNodeLines';

export interface Point { x: number; y: number }
export interface LaidNode { node: FlowNode; lines: string[]; x: number; y: number; width: number; height: number }
export interface LaidEdge { edge: FlowEdge; points: Point[] }
export interface Layout { width: number; height: number; nodes: LaidNode[]; edges: LaidEdge[] }

export const LINE_HEIGHT = 16;
const PAD_X = 10;
const PAD_Y = 7;
const MAX_CHARS = 48;

/** Width of a line of 12 px text: wide (CJK, fullwidth) characters count double. */
export function textWidth(text: string): number {
  let units = 0;
  for (const ch of text) units += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return units * 6.6;
}


/** Lays out one graph left to right; positions are top-left corners, the whole fits in width x height. */
export function layoutGraph(nodes: readonly FlowNode[], edges: readonly FlowEdge[]): Layout {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 14, ranksep: 56, edgesep: 8, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  const lines = new Map<string, string[]>();
  for (const n of nodes) {
    const l = flowNodeLines(n, MAX_CHARS);
    lines.set(n.id, l);
    g.setNode(n.id, { width: Math.ceil(Math.max(...l.map(textWidth)) + 2 * PAD_X), height: l.length * LINE_HEIGHT + 2 * PAD_Y });
  }
  edges.forEach((e, i) => { if (g.hasNode(e.from) && g.hasNode(e.to)) g.setEdge(e.from, e.to, {}, String(i)); });
  dagre.layout(g);
  const laidNodes = nodes.map((n) => {
    const p = g.node(n.id);
    return { node: n, lines: lines.get(n.id)!, x: p.x - p.width / 2, y: p.y - p.height / 2, width: p.width, height: p.height };
  });
  const laidEdges: LaidEdge[] = [];
  edges.forEach((e, i) => {
    const d = g.hasNode(e.from) && g.hasNode(e.to) ? g.edge({ v: e.from, w: e.to, name: String(i) }) : undefined;
    if (d?.points) laidEdges.push({ edge: e, points: d.points.map((p: Point) => ({ x: p.x, y: p.y })) });
  });
  const size = g.graph();
  return { width: Math.ceil(size.width ?? 0), height: Math.ceil(size.height ?? 0), nodes: laidNodes, edges: laidEdges };
}
