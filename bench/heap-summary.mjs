// Summarises a .heapsnapshot: retained-by-nobody-in-particular "self size" grouped by node type and
// constructor name, to see what the server keeps per element.
//
//   node bench/heap-summary.mjs <file.heapsnapshot> [--top 30]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function summariseHeap(path, top = 30) {
  const snap = JSON.parse(readFileSync(path, 'utf8'));
  const meta = snap.snapshot.meta;
  const nf = meta.node_fields.length;
  const iType = meta.node_fields.indexOf('type'), iName = meta.node_fields.indexOf('name'), iSize = meta.node_fields.indexOf('self_size');
  const types = meta.node_types[0];
  const groups = new Map();
  let total = 0;
  for (let i = 0; i < snap.nodes.length; i += nf) {
    const type = types[snap.nodes[i + iType]];
    const size = snap.nodes[i + iSize];
    total += size;
    let key = type;
    if (type === 'object' || type === 'closure') key = `${type} ${snap.strings[snap.nodes[i + iName]]}`;
    else if (type === 'array' || type === 'hidden' || type === 'code') key = `${type} ${snap.strings[snap.nodes[i + iName]].slice(0, 40)}`;
    const g = groups.get(key) ?? { key, count: 0, bytes: 0 };
    g.count++;
    g.bytes += size;
    groups.set(key, g);
  }
  // Plain objects grouped by their property names (what kind of record they are).
  const ef = meta.edge_fields.length, eType = meta.edge_fields.indexOf('type'), eName = meta.edge_fields.indexOf('name_or_index');
  const edgeTypes = meta.edge_types[0];
  const iEdges = meta.node_fields.indexOf('edge_count');
  const shapes = new Map();
  for (let i = 0, e = 0; i < snap.nodes.length; i += nf) {
    const count = snap.nodes[i + iEdges];
    if (types[snap.nodes[i + iType]] === 'object' && snap.strings[snap.nodes[i + iName]] === 'Object') {
      const keys = [];
      for (let j = 0; j < count; j++) {
        const k = e + j * ef;
        if (edgeTypes[snap.edges[k + eType]] === 'property') keys.push(snap.strings[snap.edges[k + eName]]);
      }
      const key = '{' + keys.filter((x) => x !== '__proto__').slice(0, 8).join(',') + '}';
      const g = shapes.get(key) ?? { key, count: 0, bytes: 0 };
      g.count++;
      g.bytes += snap.nodes[i + iSize];
      shapes.set(key, g);
    }
    e += count * ef;
  }
  return { totalMB: total / 2 ** 20, objectShapes: [...shapes.values()].sort((a, b) => b.bytes - a.bytes).slice(0, top), groups: [...groups.values()].sort((a, b) => b.bytes - a.bytes).slice(0, top) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const ti = process.argv.indexOf('--top');
  const s = summariseHeap(process.argv[2], ti > 0 ? Number(process.argv[ti + 1]) : 30);
  console.log(`heap self size total ${s.totalMB.toFixed(1)} MB`);
  for (const g of s.groups) console.log(`${(g.bytes / 2 ** 20).toFixed(2).padStart(8)} MB ${String(g.count).padStart(9)}  ${g.key}`);
  console.log('plain objects by property names:');
  for (const g of s.objectShapes) console.log(`${(g.bytes / 2 ** 20).toFixed(2).padStart(8)} MB ${String(g.count).padStart(9)}  ${g.key}`);
}
