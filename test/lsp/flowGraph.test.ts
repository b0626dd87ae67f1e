/**
 * jitai/flowGraph over a real server process: the whole app, the neighbourhood of one event, a uri
 * scope, the graph following an edit on disk, and bad parameters answered with InvalidParams.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { ErrorCodes } from 'vscode-languageserver-protocol';
import { uriOf, useServerOn } from '../helpers/lspClient';
import { FlowGraphRequest } from '../../shared/src/protocol/messages';
import type { FlowGraph } from '../../shared/src/protocol/types';

type RpcError = Error & { code?: number };
const edges = (g: FlowGraph) => g.edges.map((e) => `${e.from} -${e.kind}-> ${e.to}`);

describe('jitai/flowGraph on a copy of the ping-pong fixture', () => {
  const server = useServerOn('test/fixtures-flow/ping-pong');
  const { p } = server;

  it('answers the whole app with URIs on the wire and the loop', async () => {
    const { graphs, version } = await server.client.request(FlowGraphRequest, {});
    assert.ok(version >= 0);
    assert.equal(graphs.length, 1);
    const [g] = graphs;
    assert.equal(g.rootUri, uriOf(server.dir));
    assert.equal(g.nodes.length, 8);
    assert.deepEqual(g.cycles, [['event:services.PingService.ping', 'event:services.PingService.pong', 'handler:events.OnPing', 'handler:events.OnPong']]);
    const onPing = g.nodes.find((n) => n.id === 'handler:events.OnPing')!;
    assert.equal(onPing.location?.uri, uriOf(p('events/OnPing/e.json')));
    assert.deepEqual(onPing.handlerLocation, { uri: uriOf(p('events/OnPing/inner.py')), range: { start: { line: 0, character: 4 }, end: { line: 0, character: 14 } } });
  });

  it('sender + depth: the neighbourhood; uri: the app the file is in', async () => {
    const { graphs } = await server.client.request(FlowGraphRequest, { sender: 'services.PingService.done', depth: 1, uri: uriOf(p('events/OnPong/e.json')) });
    assert.deepEqual(edges(graphs[0]), [
      'handler:events.OnPong -publishes-> event:services.PingService.done',
      'service:services.PingService -declares-> event:services.PingService.done',
    ]);
    const none = await server.client.request(FlowGraphRequest, { sender: 'services.PingService.nope' });
    assert.deepEqual(none.graphs, []);
  });

  it('follows the disk: a handler that stops publishing breaks the loop', async () => {
    const mark = server.client.mark();
    fs.writeFileSync(p('events/OnPing/inner.py'), 'def customFunc(*args, **kwargs):\n    return None\n');
    await server.client.filesChanged([{ path: p('events/OnPing/inner.py'), type: 2 }]);
    await server.client.waitForIndexChanged(mark);
    const { graphs } = await server.client.request(FlowGraphRequest, {});
    assert.deepEqual(graphs[0].cycles, []);
    assert.ok(!edges(graphs[0]).includes('handler:events.OnPing -publishes-> event:services.PingService.pong'));
  });

  it('rejects bad parameters with InvalidParams naming the expected shape, and keeps answering', async () => {
    const m = FlowGraphRequest.method;
    for (const bad of [null, { depth: 0 }, { depth: 1.5 }, { sender: 3 }, { uri: 'https://example.com/x' }]) {
      await assert.rejects(server.client.request(m, bad), (e: RpcError) => {
        assert.equal(e.code, ErrorCodes.InvalidParams, JSON.stringify(bad));
        assert.match(e.message, /^jitai\/flowGraph: /);
        return true;
      });
    }
    assert.equal((await server.client.request(FlowGraphRequest, {})).graphs.length, 1);
  });
});
