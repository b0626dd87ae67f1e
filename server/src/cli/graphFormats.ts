/**
 * Text forms of the event flow graph for `jitai-events graph`: Mermaid (renders in GitHub/GitLab
 * Markdown), Graphviz DOT and JSON with app-relative `file:line` places. Input order is kept (the
 * engine sorts nodes and edges), so the same app always prints the same text.
 */
import type { FlowEdge, FlowEdgeKind, FlowGraph, FlowNode, FlowNodeKind, Location } from '../../../shared/src/protocol/types';
import { uriToPath } from '../../../shared/src/protocol/uris';
import type { Localize } from '../../../shared/src/l10n';
import { flowNodeLines } from '../../../shared/src/flowNodeLines';

/** What an edge means, in the reader's language. */
export function edgeLabel(kind: FlowEdgeKind, t: Localize): string {
  switch (kind) {
    case 'declares': return t('declares');
    case 'subscribes': return t('subscribes');
    case 'listens': return t('listens');
    default: return t('publishes');
  }
}


const MERMAID_SHAPE: Record<FlowNodeKind, [string, string]> = {
  service: ['[[', ']]'], event: ['([', '])'], handler: ['[', ']'], source: ['[(', ')]'], publisher: ['[/', '/]'],
};

const mermaidText = (s: string) => s.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');

/** `flowchart LR` with one subgraph per app; loops drawn thick and red, unresolved events dashed. */
export function formatMermaid(graphs: FlowGraph[], t: Localize): string {
  const out = ['flowchart LR'];
  const loopLinks: number[] = [];
  let link = 0;
  graphs.forEach((g, gi) => {
    const ids = new Map(g.nodes.map((n, i) => [n.id, `a${gi}n${i}`]));
    out.push(`  subgraph a${gi}["${mermaidText(g.app)}"]`);
    for (const n of g.nodes) {
      const [open, close] = MERMAID_SHAPE[n.kind];
      const cls = [n.inLoop && 'loop', n.unresolved && 'unresolved'].filter(Boolean).join(',');
      out.push(`    ${ids.get(n.id)}${open}"${flowNodeLines(n).map(mermaidText).join('<br/>')}"${close}${cls ? `:::${cls}` : ''}`);
    }
    for (const e of g.edges) {
      out.push(`    ${ids.get(e.from)} ${e.inLoop ? '==>' : '-->'}|${mermaidText(edgeLabel(e.kind, t))}| ${ids.get(e.to)}`);
      if (e.inLoop) loopLinks.push(link);
      link++;
    }
    out.push('  end');
  });
  out.push('  classDef loop stroke:#e5484d,stroke-width:3px');
  out.push('  classDef unresolved stroke-dasharray:4 3');
  if (loopLinks.length) out.push(`  linkStyle ${loopLinks.join(',')} stroke:#e5484d,stroke-width:3px`);
  return out.join('\n') + '\n';
}

const DOT_SHAPE: Record<FlowNodeKind, string> = { service: 'box3d', event: 'ellipse', handler: 'box', source: 'cylinder', publisher: 'parallelogram' };
const dotText = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

/** `digraph` left to right, one cluster per app; loops red, unresolved events dashed. */
export function formatDot(graphs: FlowGraph[], t: Localize): string {
  const out = ['digraph "jitai-events" {', '  rankdir=LR;', '  node [fontname="sans-serif", fontsize=11];', '  edge [fontname="sans-serif", fontsize=9];'];
  graphs.forEach((g, gi) => {
    const id = (nodeId: string) => dotText(`${gi}:${nodeId}`);
    out.push(`  subgraph ${dotText(`cluster_${gi}`)} {`, `    label=${dotText(g.app)};`);
    for (const n of g.nodes) {
      const attrs = [`label=${dotText(flowNodeLines(n).join('\n'))}`, `shape=${DOT_SHAPE[n.kind]}`];
      if (n.inLoop) attrs.push('color="#e5484d"', 'penwidth=2');
      if (n.unresolved) attrs.push('style=dashed');
      out.push(`    ${id(n.id)} [${attrs.join(', ')}];`);
    }
    for (const e of g.edges) {
      const attrs = [`label=${dotText(edgeLabel(e.kind, t))}`, ...(e.inLoop ? ['color="#e5484d"', 'penwidth=2'] : [])];
      out.push(`    ${id(e.from)} -> ${id(e.to)} [${attrs.join(', ')}];`);
    }
    out.push('  }');
  });
  out.push('}');
  return out.join('\n') + '\n';
}

/** `events/X/e.json:3` relative to the app root (1-based line), or undefined. */
function place(loc: Location | undefined, rootUri: string): string | undefined {
  if (!loc) return undefined;
  const file = uriToPath(loc.uri) ?? loc.uri;
  const root = uriToPath(rootUri) ?? rootUri;
  const rel = file.startsWith(`${root}/`) ? file.slice(root.length + 1) : file;
  return `${rel}:${loc.range.start.line + 1}`;
}

function jsonNode(n: FlowNode, rootUri: string): Record<string, unknown> {
  const { location, handlerLocation, ...rest } = n;
  return { ...rest, at: place(location, rootUri), handlerAt: place(handlerLocation, rootUri) };
}

function jsonEdge(e: FlowEdge, rootUri: string): Record<string, unknown> {
  const { location, ...rest } = e;
  return { ...rest, at: place(location, rootUri) };
}

/** The graphs as JSON: places as app-relative `file:line`, no absolute paths (stable across machines). */
export function formatFlowJson(graphs: FlowGraph[]): string {
  return JSON.stringify({
    apps: graphs.map((g) => ({
      app: g.app, nodes: g.nodes.map((n) => jsonNode(n, g.rootUri)), edges: g.edges.map((e) => jsonEdge(e, g.rootUri)), cycles: g.cycles,
    })),
  }, null, 2) + '\n';
}
