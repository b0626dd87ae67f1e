/**
 * The flow-graph webview's pure parts and its HTML: dagre layout (left-to-right order, no overlap,
 * routes ending at their boxes), the text filter, the Content-Security-Policy, the command
 * argument, and the size budget of the bundled webview script.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEngine } from '../../../server/src/engine';
import { layoutGraph, textWidth } from '../../../client/src/graph/webview/layout';
import { filterGraph } from '../../../client/src/graph/webview/filter';
import { contentSecurityPolicy, flowGraphHtml } from '../../../client/src/graph/flowGraphHtml';
import { flowScopeLabel, flowViewStrings } from '../../../client/src/graph/flowGraphStrings';
import { loadBundle } from '../../../shared/src/l10n';
import type { FlowGraph } from '../../../shared/src/protocol/types';
import { repoRoot } from '../../helpers/repo';

/** The webview script may not grow past this (dagre is ~49 KB of it). */
const BUNDLE_BUDGET_BYTES = 80 * 1024;

async function pingPong(): Promise<FlowGraph> {
  const engine = createEngine();
  engine.setFolders([path.join(repoRoot(), 'test/fixtures-flow/ping-pong')]);
  await engine.indexAll();
  return engine.flowGraph()[0];
}

describe('flow view layout (dagre)', () => {
  it('places services left of their events, events left of their handlers, boxes never overlapping', async () => {
    const g = await pingPong();
    const l = layoutGraph(g.nodes, g.edges);
    const box = (id: string) => l.nodes.find((n) => n.node.id === id)!;
    assert.equal(l.nodes.length, 8);
    assert.equal(l.edges.length, 10);
    const svc = box('service:services.PingService'), done = box('event:services.PingService.done'), onPong = box('handler:events.OnPong');
    assert.ok(svc.x + svc.width <= done.x, 'service left of its event');
    assert.ok(box('source:models.OrderModel').x + box('source:models.OrderModel').width <= box('handler:events.OrderLog').x, 'model left of its listener');
    assert.ok(onPong.x + onPong.width <= done.x, 'handler left of the event it publishes (not in a loop)');
    for (const a of l.nodes) {
      assert.ok(a.x >= 0 && a.y >= 0 && a.x + a.width <= l.width && a.y + a.height <= l.height, `${a.node.id} inside the drawing`);
      for (const b of l.nodes) {
        if (a === b) continue;
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        assert.ok(apart, `${a.node.id} overlaps ${b.node.id}`);
      }
    }
    for (const e of l.edges) {
      const end = e.points.at(-1)!, to = box(e.edge.to);
      assert.ok(end.x >= to.x - 1 && end.x <= to.x + to.width + 1 && end.y >= to.y - 1 && end.y <= to.y + to.height + 1, `${e.edge.from} -> ${e.edge.to} ends at its box`);
    }
  });

  it('sizes boxes to their lines; Chinese characters count double', async () => {
    assert.equal(textWidth('乒乓'), textWidth('abcd'));
    const g = await pingPong();
    const l = layoutGraph(g.nodes, g.edges);
    const onPing = l.nodes.find((n) => n.node.id === 'handler:events.OnPing')!;
    assert.deepEqual(onPing.lines, ['events.OnPing', '收到乒', 'Inner → inner.py customFunc']);
    assert.ok(onPing.width >= textWidth('Inner → inner.py customFunc'));
  });

  it('lays out an empty graph and a graph with edges to nodes it does not have', () => {
    assert.deepEqual(layoutGraph([], []).nodes, []);
    const l = layoutGraph([{ id: 'a', kind: 'event', label: 'a' }], [{ from: 'a', to: 'gone', kind: 'subscribes' }]);
    assert.equal(l.nodes.length, 1);
    assert.equal(l.edges.length, 0);
  });
});

describe('flow view filter', () => {
  it('keeps the matching nodes (label, title, detail, case-insensitive) and their direct neighbours', async () => {
    const g = await pingPong();
    const f = filterGraph(g.nodes, g.edges, '收到');
    assert.deepEqual([...f.matched], ['handler:events.OnPing']);
    assert.deepEqual(f.nodes.map((n) => n.id), ['event:services.PingService.ping', 'event:services.PingService.pong', 'handler:events.OnPing']);
    assert.deepEqual(f.edges.map((e) => `${e.from}>${e.to}`), ['event:services.PingService.ping>handler:events.OnPing', 'handler:events.OnPing>event:services.PingService.pong']);
    assert.equal(filterGraph(g.nodes, g.edges, 'ORDERMODEL').matched.size, 1);
    assert.equal(filterGraph(g.nodes, g.edges, '  ').nodes.length, g.nodes.length);
    assert.equal(filterGraph(g.nodes, g.edges, 'zzz').nodes.length, 0);
  });
});

describe('flow view HTML and strings', () => {
  it('has a strict CSP: nothing by default, the script only by nonce, styles only from the extension', () => {
    const html = flowGraphHtml({ cspSource: 'https://ext.example', nonce: 'abc123', scriptUri: 'https://ext.example/dist/flowGraphView.js', styleUri: 'https://ext.example/dist/flowGraph.css', lang: 'zh-cn', title: 'JitAi <事件流>' });
    assert.equal(contentSecurityPolicy('https://ext.example', 'abc123'),
      "default-src 'none'; style-src https://ext.example; font-src https://ext.example; img-src https://ext.example data:; script-src 'nonce-abc123'");
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; [^"]*script-src &#39;nonce-abc123&#39;">/);
    assert.match(html, /<script nonce="abc123" src="https:\/\/ext\.example\/dist\/flowGraphView\.js"><\/script>/);
    assert.equal((html.match(/<script/g) ?? []).length, 1, 'one script element');
    assert.doesNotMatch(html, /<style|style=|onclick|unsafe-inline|unsafe-eval/);
    assert.match(html, /<html lang="zh-cn">/);
    assert.match(html, /<title>JitAi &#60;事件流&#62;<\/title>/);
  });

  it('has every text in Simplified Chinese', () => {
    const s = flowViewStrings(loadBundle('zh-cn'));
    assert.equal(s.legend.handler, '处理函数');
    assert.equal(s.edges.publishes, '发布');
    assert.equal(s.loops.replace('{0}', '1'), '已高亮 1 个循环');
    assert.equal(flowScopeLabel(loadBundle('zh-cn'), 'services.A.b', 2), 'services.A.b 及其周围 2 跳');
  });

  it(`the webview bundle stays within its budget (${BUNDLE_BUDGET_BYTES / 1024} KB) and loads no other file`, () => {
    const file = path.join(repoRoot(), 'dist', 'flowGraphView.js');
    const size = fs.statSync(file).size;
    console.log(`dist/flowGraphView.js: ${(size / 1024).toFixed(1)} KB (budget ${BUNDLE_BUDGET_BYTES / 1024} KB)`);
    assert.ok(size <= BUNDLE_BUDGET_BYTES, `${size} bytes`);
    const text = fs.readFileSync(file, 'utf8');
    assert.doesNotMatch(text, /\brequire\(|import\(|eval\(|new Function/);
  });
});
