/**
 * Draws one laid-out flow graph as SVG: boxes per node kind, edges with arrows and their meaning on
 * hover, loops in the error colour, unresolved events dashed. Clicking a box (or Enter on it) opens
 * its place; a handler's second line opens its `def`; a `publishes` edge opens the publish call.
 * Colours come from the stylesheet (VS Code theme variables), never from inline styles.
 */
import type { FlowEdge, Location } from '../../../../shared/src/protocol/types';
import { LINE_HEIGHT, type Layout, type Point } from './layout';
import type { FlowViewStrings } from './messages';

const SVG = 'http://www.w3.org/2000/svg';

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, parent?: Element): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  parent?.appendChild(e);
  return e;
}

function pathOf(points: Point[]): string {
  return points.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
}

/** Makes an element act like a link: click, Enter or Space opens the place. */
function clickable(e: Element, location: Location | undefined, label: string, open: (l: Location) => void): void {
  if (!location) return;
  e.setAttribute('tabindex', '0');
  e.setAttribute('role', 'link');
  e.setAttribute('aria-label', label);
  e.classList.add('clickable');
  e.addEventListener('click', (ev) => { ev.stopPropagation(); open(location); });
  e.addEventListener('keydown', (ev) => {
    const k = (ev as KeyboardEvent).key;
    if (k === 'Enter' || k === ' ') { ev.preventDefault(); ev.stopPropagation(); open(location); }
  });
}

function edgeTitle(e: FlowEdge, s: FlowViewStrings): string {
  return s.edges[e.kind];
}

/** An `<svg>` for the layout; `matched` nodes (the filter's hits) are emphasised. */
export function renderGraph(layout: Layout, s: FlowViewStrings, matched: Set<string>, open: (l: Location) => void): SVGSVGElement {
  const svg = el('svg', { width: layout.width, height: layout.height, viewBox: `0 0 ${layout.width} ${layout.height}`, class: 'flow' });
  const defs = el('defs', {}, svg);
  for (const id of ['arrow', 'arrow-loop']) {
    const m = el('marker', { id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, defs);
    el('path', { d: 'M0,0 L10,5 L0,10 z', class: id }, m);
  }
  const edges = el('g', { class: 'edges' }, svg);
  for (const { edge, points } of layout.edges) {
    const g = el('g', { class: `edge edge-${edge.kind}${edge.inLoop ? ' loop' : ''}` }, edges);
    el('title', {}, g).textContent = edgeTitle(edge, s);
    el('path', { d: pathOf(points), class: 'line', 'marker-end': `url(#${edge.inLoop ? 'arrow-loop' : 'arrow'})` }, g);
    // A wider transparent twin makes the thin line easy to hit.
    el('path', { d: pathOf(points), class: 'hit' }, g);
    clickable(g, edge.location, edgeTitle(edge, s), open);
  }
  const nodes = el('g', { class: 'nodes' }, svg);
  for (const n of layout.nodes) {
    const k = n.node;
    const cls = ['node', `node-${k.kind}`, k.inLoop && 'loop', k.unresolved && 'unresolved', matched.has(k.id) && 'matched'].filter(Boolean).join(' ');
    const g = el('g', { class: cls, transform: `translate(${n.x.toFixed(1)},${n.y.toFixed(1)})`, 'data-id': k.id }, nodes);
    el('title', {}, g).textContent = [k.id, ...(k.unresolved ? [s.legend.unresolved] : []), ...(k.inLoop ? [s.legend.loop] : [])].join('\n');
    const rx = k.kind === 'event' ? n.height / 2 : k.kind === 'source' ? 10 : 3;
    el('rect', { width: n.width, height: n.height, rx, ry: rx, class: 'box' }, g);
    n.lines.forEach((line, i) => {
      const t = el('text', { x: 10, y: 7 + LINE_HEIGHT * i + 12, class: i === 0 ? 'label' : 'sub' }, g);
      t.textContent = line;
      // The handler's function line opens the `def`.
      if (k.kind === 'handler' && i === n.lines.length - 1 && i > 0 && k.handlerLocation) {
        clickable(t, k.handlerLocation, `${s.openDefinition}: ${line}`, open);
      }
    });
    clickable(g, k.location, k.label, open);
  }
  return svg;
}
