/**
 * Entry of the flow-graph webview (bundled as dist/flowGraphView.js, loaded under a nonce-only
 * Content-Security-Policy): toolbar with the filter and the loop count, one drawing per app, and
 * messages to the extension host to open places.
 */
import type { Location } from '../../../../shared/src/protocol/types';
import { filterGraph } from './filter';
import { layoutGraph } from './layout';
import type { FromWebview, ShowGraphMessage, ToWebview } from './messages';
import { renderGraph } from './render';

interface VsCodeApi { postMessage(m: FromWebview): void; getState(): unknown; setState(s: unknown): void }
declare function acquireVsCodeApi(): VsCodeApi;

/**
 * The most boxes drawn at once. dagre's layout grows much faster than linearly with crossings (a
 * dense 300-node graph takes seconds), and hundreds of boxes are not readable anyway.
 */
const MAX_DRAWN_NODES = 300;

const vscode = acquireVsCodeApi();
const saved = (vscode.getState() ?? {}) as { filter?: string };
let current: ShowGraphMessage | undefined;
let filterText = saved.filter ?? '';

const toolbar = document.getElementById('toolbar')!;
const graphsEl = document.getElementById('graphs')!;
const input = document.createElement('input');
input.type = 'search';
input.id = 'filter';
input.value = filterText;
const scopeEl = document.createElement('span');
scopeEl.className = 'scope';
const loopsEl = document.createElement('span');
loopsEl.className = 'loops';
const legendEl = document.createElement('span');
legendEl.className = 'legend';
toolbar.append(input, scopeEl, loopsEl, legendEl);

const open = (location: Location) => vscode.postMessage({ type: 'open', location });

function legend(m: ShowGraphMessage): void {
  legendEl.replaceChildren(...(['service', 'event', 'handler', 'source', 'publisher', 'loop'] as const).map((k) => {
    const item = document.createElement('span');
    item.className = `key key-${k}`;
    item.textContent = m.strings.legend[k];
    return item;
  }));
}

function draw(): void {
  const m = current;
  if (!m) return;
  input.placeholder = m.strings.filterPlaceholder;
  input.setAttribute('aria-label', m.strings.filterPlaceholder);
  scopeEl.textContent = m.scope;
  const loops = m.graphs.reduce((n, g) => n + g.cycles.length, 0);
  loopsEl.textContent = loops ? m.strings.loops.replace('{0}', String(loops)) : m.strings.noLoops;
  loopsEl.classList.toggle('has-loops', loops > 0);
  legend(m);
  const parts: Element[] = [];
  const message = (text: string) => {
    const p = document.createElement('p');
    p.className = 'empty';
    p.textContent = text;
    parts.push(p);
  };
  const shown = m.graphs.map((g) => ({ app: g.app, f: filterGraph(g.nodes, g.edges, filterText) })).filter((x) => x.f.nodes.length);
  let nodes = shown.reduce((n, x) => n + x.f.nodes.length, 0), edges = 0;
  if (nodes > MAX_DRAWN_NODES) {
    message(m.strings.tooMany.replace('{0}', String(nodes)).replace('{1}', String(MAX_DRAWN_NODES)));
    nodes = 0;
  } else {
    for (const { app, f } of shown) {
      edges += f.edges.length;
      const section = document.createElement('section');
      const h = document.createElement('h2');
      h.textContent = app;
      section.append(h, renderGraph(layoutGraph(f.nodes, f.edges), m.strings, f.matched, open));
      parts.push(section);
    }
  }
  if (!parts.length) message(m.graphs.some((g) => g.nodes.length) ? m.strings.noMatch : m.strings.empty);
  graphsEl.replaceChildren(...parts);
  vscode.postMessage({ type: 'rendered', nodes, edges, loops, filter: filterText });
}

input.addEventListener('input', () => {
  filterText = input.value;
  vscode.setState({ filter: filterText });
  draw();
});

window.addEventListener('message', (ev: MessageEvent<ToWebview>) => {
  const m = ev.data;
  if (m.type !== 'graph') return;
  current = m;
  if (m.filter !== undefined) { filterText = m.filter; input.value = m.filter; vscode.setState({ filter: filterText }); }
  draw();
});

vscode.postMessage({ type: 'ready' });
