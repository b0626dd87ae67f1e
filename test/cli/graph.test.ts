/**
 * `jitai-events graph`: exact Mermaid, DOT and JSON output on test/fixtures-flow/ping-pong (a loop),
 * the neighbourhood of one event, zh-CN labels, and the usage errors.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runCli, show } from './cliUtil';

const APP = 'test/fixtures-flow/ping-pong';

const MERMAID = `flowchart LR
  subgraph a0["acme.PingPong"]
    a0n0(["done<br/>Finished"])
    a0n1(["ping<br/>发出乒"]):::loop
    a0n2(["pong<br/>回应乓"]):::loop
    a0n3["events.OnPing<br/>收到乒<br/>Inner → inner.py customFunc"]:::loop
    a0n4["events.OnPong<br/>Answer pong<br/>Global → services.PingService.onPong"]:::loop
    a0n5["events.OrderLog<br/>Log orders<br/>Global → services.PingService.start"]
    a0n6[["services.PingService<br/>乒乓服务"]]
    a0n7[("models.OrderModel<br/>订单")]
    a0n1 ==>|subscribes| a0n3
    a0n2 ==>|subscribes| a0n4
    a0n3 ==>|publishes| a0n2
    a0n4 -->|publishes| a0n0
    a0n4 ==>|publishes| a0n1
    a0n5 -->|publishes| a0n1
    a0n6 -->|declares| a0n0
    a0n6 -->|declares| a0n1
    a0n6 -->|declares| a0n2
    a0n7 -->|listens| a0n5
  end
  classDef loop stroke:#e5484d,stroke-width:3px
  classDef unresolved stroke-dasharray:4 3
  linkStyle 0,1,2,4 stroke:#e5484d,stroke-width:3px
`;

const DOT_AROUND_PONG = `digraph "jitai-events" {
  rankdir=LR;
  node [fontname="sans-serif", fontsize=11];
  edge [fontname="sans-serif", fontsize=9];
  subgraph "cluster_0" {
    label="acme.PingPong";
    "0:event:services.PingService.pong" [label="pong\\n回应乓", shape=ellipse, color="#e5484d", penwidth=2];
    "0:handler:events.OnPing" [label="events.OnPing\\n收到乒\\nInner → inner.py customFunc", shape=box, color="#e5484d", penwidth=2];
    "0:handler:events.OnPong" [label="events.OnPong\\nAnswer pong\\nGlobal → services.PingService.onPong", shape=box, color="#e5484d", penwidth=2];
    "0:service:services.PingService" [label="services.PingService\\n乒乓服务", shape=box3d];
    "0:event:services.PingService.pong" -> "0:handler:events.OnPong" [label="subscribes", color="#e5484d", penwidth=2];
    "0:handler:events.OnPing" -> "0:event:services.PingService.pong" [label="publishes", color="#e5484d", penwidth=2];
    "0:service:services.PingService" -> "0:event:services.PingService.pong" [label="declares"];
  }
}
`;

describe('jitai-events graph', () => {
  it('prints the whole app as Mermaid by default, loops drawn thick and red; exit 0', async () => {
    const r = await runCli(['graph', APP]);
    assert.equal(r.code, 0, show(r));
    assert.equal(r.stdout, MERMAID);
    assert.equal(r.stderr, '');
  });

  it('prints the same text every time (sorted output)', async () => {
    const [a, b] = await Promise.all([runCli(['graph', APP, '--format', 'json']), runCli(['graph', APP, '--format', 'json'])]);
    assert.equal(a.stdout, b.stdout);
  });

  it('--event with --depth: Graphviz DOT of the event and the nodes one hop away', async () => {
    const r = await runCli(['graph', APP, '--event', 'services.PingService.pong', '--depth', '1', '--format', 'dot']);
    assert.equal(r.code, 0, show(r));
    assert.equal(r.stdout, DOT_AROUND_PONG);
  });

  it('--format json: nodes and edges with app-relative places, the loop listed', async () => {
    const r = await runCli(['graph', APP, '--event', 'services.PingService.done', '--depth', '1', '--format', 'json']);
    assert.equal(r.code, 0, show(r));
    assert.deepEqual(JSON.parse(r.stdout), { apps: [{
      app: 'acme.PingPong',
      nodes: [
        { id: 'event:services.PingService.done', kind: 'event', label: 'done', title: 'Finished', detail: 'services.PingService.done', at: 'services/PingService/e.json:12' },
        { id: 'handler:events.OnPong', kind: 'handler', label: 'events.OnPong', title: 'Answer pong', detail: 'Global → services.PingService.onPong',
          inLoop: true, at: 'events/OnPong/e.json:1', handlerAt: 'services/PingService/service.py:8' },
        { id: 'service:services.PingService', kind: 'service', label: 'services.PingService', title: '乒乓服务', at: 'services/PingService/e.json:1' },
      ],
      edges: [
        { from: 'handler:events.OnPong', to: 'event:services.PingService.done', kind: 'publishes', at: 'services/PingService/service.py:11' },
        { from: 'service:services.PingService', to: 'event:services.PingService.done', kind: 'declares' },
      ],
      cycles: [['handler:events.OnPong']],
    }] });
  });

  it('--locale zh-cn labels the edges in Chinese', async () => {
    const r = await runCli(['graph', APP, '--locale', 'zh-cn', '--event', 'services.PingService.done', '--depth', '1']);
    assert.equal(r.code, 0, show(r));
    assert.match(r.stdout, /a0n1 -->\|发布\| a0n0\n {4}a0n2 -->\|声明\| a0n0\n/);
  });

  it('crm-demo: unresolved senders are dashed, the deliberate loop is marked', async () => {
    const r = await runCli(['graph', 'examples/crm-demo']);
    assert.equal(r.code, 0, show(r));
    assert.match(r.stdout, /\(\["services\.OrderServce\.orderPaid"\]\):::unresolved\n/);
    assert.match(r.stdout, /\(\["reportQueued[^\n]*:::loop\n/);
    assert.equal((r.stdout.match(/:::loop/g) ?? []).length, 2, 'the event and its handler');
  });

  for (const [args, message] of [
    [['--format', 'svg'], /--format must be mermaid, dot or json/],
    [['--depth', '0', '--event', 'services.PingService.ping'], /--depth must be a whole number of at least 1/],
    [['--depth', '2'], /--depth needs --event/],
    [['--event', 'services.PingService.nope'], /no event "services\.PingService\.nope" in test\/fixtures-flow\/ping-pong/],
  ] as const) {
    it(`${args.join(' ')}: a one-line message, exit 2`, async () => {
      const r = await runCli(['graph', APP, ...args]);
      assert.equal(r.code, 2, show(r));
      assert.match(r.stderr, message);
      assert.equal(r.stdout, '');
    });
  }

  it('a missing folder or a folder without an app: exit 2 with the reason', async () => {
    const missing = await runCli(['graph', 'no/such/folder']);
    assert.equal(missing.code, 2, show(missing));
    assert.match(missing.stderr, /^jitai-events graph: not a folder: no\/such\/folder\n$/);
    const empty = await runCli(['graph', 'schemas']);
    assert.equal(empty.code, 2, show(empty));
    assert.match(empty.stderr, /no JitAi app/);
  });

  it('the usage text lists the command', async () => {
    const r = await runCli(['--help']);
    assert.match(r.stdout, /jitai-events graph \[app folder\] \[--event SENDER\] \[--depth N\] \[--format mermaid\|dot\|json\]/);
  });
});
