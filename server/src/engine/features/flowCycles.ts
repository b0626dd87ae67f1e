/**
 * Graph algorithms of the event flow graph: loops as strongly connected parts (Tarjan's algorithm,
 * iterative so a long chain cannot overflow the stack) and the neighbourhood of one node.
 */

/** Every strongly connected part that is a loop (two or more nodes, or one node with an edge to itself). */
export function loopsOf(nodes: readonly string[], edges: readonly { from: string; to: string }[]): string[][] {
  const out = new Map<string, string[]>();
  for (const id of nodes) out.set(id, []);
  const selfLoop = new Set<string>();
  for (const e of edges) {
    out.get(e.from)?.push(e.to);
    if (e.from === e.to) selfLoop.add(e.from);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const loops: string[][] = [];
  let next = 0;
  for (const start of nodes) {
    if (index.has(start)) continue;
    // Each frame: a node and how many of its successors were looked at.
    const frames: [string, number][] = [[start, 0]];
    index.set(start, next); low.set(start, next); next++;
    stack.push(start); onStack.add(start);
    while (frames.length) {
      const frame = frames[frames.length - 1];
      const [v, i] = frame;
      const succ = out.get(v) ?? [];
      if (i < succ.length) {
        frame[1]++;
        const w = succ[i];
        if (!out.has(w)) continue;
        if (!index.has(w)) {
          index.set(w, next); low.set(w, next); next++;
          stack.push(w); onStack.add(w);
          frames.push([w, 0]);
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
        continue;
      }
      frames.pop();
      if (frames.length) {
        const parent = frames[frames.length - 1][0];
        low.set(parent, Math.min(low.get(parent)!, low.get(v)!));
      }
      if (low.get(v) === index.get(v)) {
        const part: string[] = [];
        let w: string;
        do { w = stack.pop()!; onStack.delete(w); part.push(w); } while (w !== v);
        if (part.length > 1 || selfLoop.has(v)) loops.push(part.sort());
      }
    }
  }
  return loops.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** The nodes at most `depth` edges away from `start`, following edges both ways. */
export function neighbourhood(start: string, depth: number, edges: readonly { from: string; to: string }[]): Set<string> {
  const adj = new Map<string, string[]>();
  const link = (a: string, b: string) => { const l = adj.get(a); if (l) l.push(b); else adj.set(a, [b]); };
  for (const e of edges) { link(e.from, e.to); link(e.to, e.from); }
  const seen = new Set([start]);
  let frontier = [start];
  for (let d = 0; d < depth && frontier.length; d++) {
    const nextFrontier: string[] = [];
    for (const v of frontier) {
      for (const w of adj.get(v) ?? []) if (!seen.has(w)) { seen.add(w); nextFrontier.push(w); }
    }
    frontier = nextFrontier;
  }
  return seen;
}
