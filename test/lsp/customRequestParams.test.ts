/**
 * The jitai/* requests check their parameters: null, missing fields, wrong types and non-file
 * URIs are answered with InvalidParams and a message naming what was expected, and the server
 * keeps answering afterwards.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ErrorCodes } from 'vscode-languageserver-protocol';
import { uriOf, useServerOn } from '../helpers/lspClient';
import {
  EventTreeRequest, HandlerInfoRequest, ListHandlersRequest, ReindexRequest, SubscribersOfRequest,
} from '../../shared/src/protocol/messages';

type RpcError = Error & { code?: number };

describe('jitai/* requests with bad parameters', () => {
  const server = useServerOn('test/fixtures/valid-app');

  /** Sends `params` as they are (the typed constants would not let us) and expects InvalidParams. */
  async function rejected(method: string, params: unknown, message: RegExp): Promise<void> {
    await assert.rejects(server.client.request(method, params), (e: RpcError) => {
      assert.equal(e.code, ErrorCodes.InvalidParams, `${method} ${JSON.stringify(params)}: ${e.message}`);
      assert.match(e.message, message);
      return true;
    });
  }

  it('jitai/eventTree: null, an array, a number, a filter that is not a string', async () => {
    const m = EventTreeRequest.method;
    await rejected(m, null, /^jitai\/eventTree: expected \{ filter\?: string \}, got null$/);
    await rejected(m, [1, 2], /^jitai\/eventTree: expected \{ filter\?: string \}, got an array$/);
    await rejected(m, 7, /^jitai\/eventTree: expected \{ filter\?: string \}, got number 7$/);
    await rejected(m, { filter: 3 }, /^jitai\/eventTree: expected \{ filter\?: string \}, got \{"filter":3\}$/);
  });

  it('jitai/handlerInfo: null, {}, half a target, a uri that is not a file: URI', async () => {
    const m = HandlerInfoRequest.method;
    const expected = /^jitai\/handlerInfo: expected \{ uri: string \} or \{ appRootUri: string; fullName: string \}, got /;
    await rejected(m, null, expected);
    await rejected(m, {}, expected);
    await rejected(m, { appRootUri: uriOf(server.dir) }, expected);
    await rejected(m, { uri: 42 }, expected);
    await rejected(m, { uri: 'untitled:Untitled-1' }, /^jitai\/handlerInfo: uri must be a file: URI, got "untitled:Untitled-1"$/);
    await rejected(m, { appRootUri: '/a/path/not/a/uri', fullName: 'events.X' }, /^jitai\/handlerInfo: appRootUri must be a file: URI/);
  });

  it('jitai/subscribersOf: null, the old { appRoot } shape, a sender that is not a string', async () => {
    const m = SubscribersOfRequest.method;
    const expected = /^jitai\/subscribersOf: expected \{ appRootUri: string; sender: string \}, got /;
    await rejected(m, null, expected);
    await rejected(m, { appRoot: server.dir, sender: 'services.X.e' }, expected);
    await rejected(m, { appRootUri: uriOf(server.dir), sender: ['services.X.e'] }, expected);
  });

  it('a huge bad value is cut short in the message', async () => {
    await assert.rejects(server.client.request(EventTreeRequest.method, { filter: 'x'.repeat(10_000).split('') }), (e: RpcError) => {
      assert.equal(e.code, ErrorCodes.InvalidParams);
      assert.ok(e.message.length < 400, `message of ${e.message.length} characters`);
      return true;
    });
  });

  it('keeps answering every jitai/* request after the bad ones', async () => {
    assert.ok((await server.client.request(EventTreeRequest, {})).apps.length >= 1);
    assert.ok(Array.isArray((await server.client.request(ListHandlersRequest)).handlers));
    assert.deepEqual(await server.client.request(SubscribersOfRequest, { appRootUri: uriOf(server.dir), sender: 'services.Nope.nothing' }), { fullNames: [] });
    assert.equal(await server.client.request(HandlerInfoRequest, { appRootUri: uriOf(server.dir), fullName: 'events.Nope' }), null);
    assert.equal((await server.client.request(ReindexRequest)).state, 'ready');
    assert.ok(server.client.isRunning);
  });
});
