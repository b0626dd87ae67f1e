/**
 * The engine's event flow graph (features/flowGraph.ts): nodes, edges, loops and the neighbourhood
 * of one event, compared exactly on test/fixtures-flow/ping-pong (a loop ping -> OnPing -> pong ->
 * OnPong -> ping) and on crm-demo (no loop, unresolved events, model/AI sources); broken input.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { createEngine, type Engine } from '../../../server/src/engine';
import { loopsOf, neighbourhood } from '../../../server/src/engine/features/flowCycles';
import type { FlowGraph } from '../../../shared/src/protocol/types';
import { repoRoot } from '../../helpers/repo';
import { indexOf } from '../../helpers/engineWorkspace';

async function engineOn(rel: string): Promise<{ engine: Engine; dir: string }> {
  const dir = path.join(repoRoot(), rel);
  const engine = createEngine();
  engine.setFolders([dir]);
  await engine.indexAll();
  return { engine, dir };
}

const edgesOf = (g: FlowGraph) => g.edges.map((e) => `${e.from} -${e.kind}${e.inLoop ? '!' : ''}-> ${e.to}`);
const at = (g: FlowGraph, loc: { uri: string; range: { start: { line: number } } } | undefined) =>
  loc && `${decodeURIComponent(loc.uri.slice(g.rootUri.length + 1))}:${loc.range.start.line + 1}`;

describe('flow graph of the ping-pong fixture', () => {
  let engine: Engine;
  before(async () => { ({ engine } = await engineOn('test/fixtures-flow/ping-pong')); });

  it('services -> events -> handlers -> published events, sorted, the loop marked', () => {
    const [g, ...rest] = engine.flowGraph();
    assert.equal(rest.length, 0);
    assert.equal(g.app, 'acme.PingPong');
    assert.deepEqual(g.nodes.map((n) => [n.id, n.kind, n.label, n.title, n.detail, !!n.inLoop, !!n.unresolved]), [
      ['event:services.PingService.done', 'event', 'done', 'Finished', 'services.PingService.done', false, false],
      ['event:services.PingService.ping', 'event', 'ping', '发出乒', 'services.PingService.ping', true, false],
      ['event:services.PingService.pong', 'event', 'pong', '回应乓', 'services.PingService.pong', true, false],
      ['handler:events.OnPing', 'handler', 'events.OnPing', '收到乒', 'Inner → inner.py customFunc', true, false],
      ['handler:events.OnPong', 'handler', 'events.OnPong', 'Answer pong', 'Global → services.PingService.onPong', true, false],
      ['handler:events.OrderLog', 'handler', 'events.OrderLog', 'Log orders', 'Global → services.PingService.start', false, false],
      ['service:services.PingService', 'service', 'services.PingService', '乒乓服务', undefined, false, false],
      ['source:models.OrderModel', 'source', 'models.OrderModel', '订单', undefined, false, false],
    ]);
    assert.deepEqual(edgesOf(g), [
      'event:services.PingService.ping -subscribes!-> handler:events.OnPing',
      'event:services.PingService.pong -subscribes!-> handler:events.OnPong',
      'handler:events.OnPing -publishes!-> event:services.PingService.pong',
      'handler:events.OnPong -publishes-> event:services.PingService.done',
      'handler:events.OnPong -publishes!-> event:services.PingService.ping',
      'handler:events.OrderLog -publishes-> event:services.PingService.ping',
      'service:services.PingService -declares-> event:services.PingService.done',
      'service:services.PingService -declares-> event:services.PingService.ping',
      'service:services.PingService -declares-> event:services.PingService.pong',
      'source:models.OrderModel -listens-> handler:events.OrderLog',
    ]);
    assert.deepEqual(g.cycles, [[
      'event:services.PingService.ping', 'event:services.PingService.pong', 'handler:events.OnPing', 'handler:events.OnPong',
    ]]);
  });

  it('every node and publish edge knows where to navigate: e.json, the eventDescs entry, the def line, the publish call', () => {
    const [g] = engine.flowGraph();
    const node = (id: string) => g.nodes.find((n) => n.id === id)!;
    assert.equal(at(g, node('service:services.PingService').location), 'services/PingService/e.json:1');
    assert.equal(at(g, node('event:services.PingService.pong').location), 'services/PingService/e.json:11');
    assert.equal(at(g, node('handler:events.OnPing').location), 'events/OnPing/e.json:1');
    assert.equal(at(g, node('handler:events.OnPing').handlerLocation), 'events/OnPing/inner.py:1');
    assert.equal(at(g, node('handler:events.OnPong').handlerLocation), 'services/PingService/service.py:8');
    assert.equal(at(g, node('source:models.OrderModel').location), 'models/OrderModel/e.json:1');
    const publish = (from: string, to: string) => g.edges.find((e) => e.from === from && e.to === to && e.kind === 'publishes')!;
    assert.equal(at(g, publish('handler:events.OnPing', 'event:services.PingService.pong').location), 'events/OnPing/inner.py:5');
    assert.equal(at(g, publish('handler:events.OnPong', 'event:services.PingService.ping').location), 'services/PingService/service.py:13');
    assert.equal(at(g, publish('handler:events.OrderLog', 'event:services.PingService.ping').location), 'services/PingService/service.py:6');
  });

  it('around one event: only the nodes within N hops (both ways)', () => {
    const [one] = engine.flowGraph({ sender: 'services.PingService.done', depth: 1 });
    assert.deepEqual(one.nodes.map((n) => n.id), ['event:services.PingService.done', 'handler:events.OnPong', 'service:services.PingService']);
    assert.deepEqual(edgesOf(one), [
      'handler:events.OnPong -publishes-> event:services.PingService.done',
      'service:services.PingService -declares-> event:services.PingService.done',
    ]);
    // The loop stays marked and lists its visible members.
    assert.deepEqual(one.cycles, [['handler:events.OnPong']]);
    const [two] = engine.flowGraph({ sender: 'services.PingService.done', depth: 2 });
    assert.deepEqual(two.nodes.map((n) => n.id), [
      'event:services.PingService.done', 'event:services.PingService.ping', 'event:services.PingService.pong',
      'handler:events.OnPong', 'service:services.PingService',
    ]);
  });

  it('an event nobody declares gives no graph; a scope outside the app neither', () => {
    assert.deepEqual(engine.flowGraph({ sender: 'services.PingService.nope' }), []);
    assert.deepEqual(engine.flowGraph({ scope: '/nonexistent/elsewhere' }), []);
    assert.equal(engine.flowGraph({ scope: path.join(repoRoot(), 'test/fixtures-flow/ping-pong/events/OnPing/inner.py') }).length, 1);
    assert.equal(engine.flowGraph({ scope: path.join(repoRoot(), 'test/fixtures-flow') }).length, 1);
  });
});

describe('flow graph of crm-demo', () => {
  let g: FlowGraph;
  before(async () => { [g] = (await engineOn('examples/crm-demo')).engine.flowGraph(); });

  it('has exactly the deliberate loop (reportQueued -> RequeueReport -> reportQueued)', () => {
    assert.deepEqual(g.cycles, [['event:services.MistakesDemoService.reportQueued', 'handler:events.deliberateMistakes.RequeueReport']]);
    assert.deepEqual(g.nodes.filter((n) => n.inLoop).map((n) => n.id).sort(),
      ['event:services.MistakesDemoService.reportQueued', 'handler:events.deliberateMistakes.RequeueReport']);
  });

  it('shows senders no service declares as unresolved events (the deliberate typos)', () => {
    assert.deepEqual(g.nodes.filter((n) => n.unresolved).map((n) => n.id), [
      'event:services.CustomerBatchService.dataProcesed', 'event:services.InvoiceService.invoicePaid',
      'event:services.MistakesDemoService.reportGenerated', 'event:services.OrderServce.orderPaid',
    ]);
  });

  it('an Inner handler publishes what its inner.py publishes; a service method outside any handler is a publisher', () => {
    assert.ok(g.edges.some((e) => e.from === 'handler:events.WelcomeOnOrderCreated' && e.to === 'event:services.NotifyService.emailSent' && e.kind === 'publishes'));
    assert.ok(g.edges.some((e) => e.from === 'publisher:services/OrderService/service.py#OrderService.createOrder' && e.to === 'event:services.OrderService.orderCreated'));
    assert.deepEqual(g.nodes.filter((n) => n.kind === 'source').map((n) => n.id), [
      'source:aiagents.SalesAgent', 'source:aiassistants.CustomerHelper', 'source:models.CustomerModel', 'source:models.OrderModel',
    ]);
  });
});

describe('flow graph on broken input', () => {
  let ws: Awaited<ReturnType<typeof indexOf>>;
  before(async () => {
    ws = await indexOf({
      'app.json': { appId: 'acme.Broken' },
      'services/S/e.json': '{ "type": "services.NormalType", "eventDescs": [ { "name": 42 }, { "name": "ok" }, {',
      'services/T/e.json': { type: 'services.NormalType', eventDescs: 'not a list' },
      'events/Self/e.json': { type: 'events.NormalType', sender: 'services.U.loop', funcType: 'Inner' },
      'events/Self/inner.py': 'def customFunc(*a):\n    app.event.publish(sender="services.U.loop")\n    app.event.publish(sender=name)\n',
      'events/NoSender/e.json': { type: 'events.NormalType', funcType: 'Global' },
      'services/U/service.py': '\x00\x01 binary',
    });
  });
  after(() => ws?.cleanup());

  it('never throws; a handler publishing the event it handles is a loop of its own', () => {
    const [g] = ws.engine.flowGraph();
    assert.ok(g.nodes.some((n) => n.id === 'handler:events.NoSender'));
    assert.deepEqual(g.cycles, [['event:services.U.loop', 'handler:events.Self']]);
    assert.ok(g.nodes.find((n) => n.id === 'event:services.U.loop')?.unresolved);
  });
});

describe('loops and neighbourhoods', () => {
  it('finds each strongly connected part once, self loops included, and nothing in a DAG', () => {
    assert.deepEqual(loopsOf(['a', 'b', 'c', 'd'], [{ from: 'a', to: 'b' }, { from: 'b', to: 'a' }, { from: 'c', to: 'c' }, { from: 'b', to: 'd' }]), [['a', 'b'], ['c']]);
    assert.deepEqual(loopsOf(['a', 'b', 'c'], [{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }, { from: 'a', to: 'c' }]), []);
  });
  it('handles a 20 000-node chain closed into one loop without overflowing the stack', () => {
    const n = 20_000;
    const ids = Array.from({ length: n }, (_, i) => `n${i}`);
    const edges = ids.map((id, i) => ({ from: id, to: ids[(i + 1) % n] }));
    const loops = loopsOf(ids, edges);
    assert.equal(loops.length, 1);
    assert.equal(loops[0].length, n);
  });
  it('neighbourhood follows edges both ways up to the depth', () => {
    const edges = [{ from: 'a', to: 'b' }, { from: 'c', to: 'b' }, { from: 'c', to: 'd' }];
    assert.deepEqual([...neighbourhood('b', 1, edges)].sort(), ['a', 'b', 'c']);
    assert.deepEqual([...neighbourhood('b', 2, edges)].sort(), ['a', 'b', 'c', 'd']);
  });
});
