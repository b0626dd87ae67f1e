/**
 * Typing is debounced with the default settings (one publish for a burst of edits), and a cancelled
 * request is answered with RequestCancelled without harming the server.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CancellationTokenSource } from 'vscode-languageserver-protocol/node';
import { LspClient, uriOf, useServerOn } from '../helpers/lspClient';
import { positionOf } from './lspTestUtil';

describe('debounced typing with the default settings', () => {
  // No settings: the server's default debounce applies.
  const server = useServerOn('examples/crm-demo', { settings: {} });

  it('a burst of edits is validated once, on the final text', async () => {
    const file = path.join(server.dir, 'events/NotifySalesOnProcessed/e.json');
    const uri = uriOf(file);
    const good = fs.readFileSync(file, 'utf8');
    await server.client.open(file);
    const mark = server.client.mark();
    // Typing "dataProcessedX" one character at a time, without waiting in between.
    const typed = 'Xyz';
    for (let i = 1; i <= typed.length; i++) {
      void server.client.change(file, good.replace('dataProcessed"', `dataProcessed${typed.slice(0, i)}"`));
    }
    const d = await server.client.waitForDiagnostics(uri, (x) => x.some((y) => y.message.includes('dataProcessedXyz')), { since: mark });
    assert.equal(d[0].code, 'unknown-event');
    const publishes = server.client.publishLog.filter((x) => x.uri === uri && x.seq > mark);
    assert.equal(publishes.length, 1, `intermediate texts were validated: ${JSON.stringify(publishes.map((x) => x.diagnostics.map((y) => y.message)))}`);
    const m2 = server.client.mark();
    await server.client.change(file, good);
    await server.client.waitForDiagnostics(uri, (x) => x.length === 0, { since: m2 });
    assert.ok(!server.client.logs.some((l) => /failed/.test(l)), server.client.logs.join('\n'));
  });
});

describe('cancellation', () => {
  const server = useServerOn('examples/crm-demo');

  it('a request cancelled while it waits for the first index is answered with RequestCancelled', async () => {
    // A second server, asked before its first index is done: definition waits for the index, so
    // the cancellation arrives while the request is pending (no race with a fast answer).
    const fresh = new LspClient();
    try {
      await fresh.initialize([server.dir]);
      const file = path.join(server.dir, 'events/NotifySalesOnProcessed/e.json');
      const source = new CancellationTokenSource();
      const pending = fresh.connection.sendRequest('textDocument/definition', {
        textDocument: { uri: uriOf(file) }, position: positionOf(fs.readFileSync(file, 'utf8'), 'dataProcessed'),
      }, source.token);
      source.cancel();
      await assert.rejects(pending, (e: Error & { code?: number }) => e.code === -32800);
      await fresh.waitForIndexReady();
    } finally {
      await fresh.dispose();
    }
    const file = path.join(server.dir, 'events/NotifySalesOnProcessed/e.json');
    // The server still answers the same request afterwards.
    const r = await server.client.request<{ items: unknown[] } | null>('textDocument/completion', {
      textDocument: { uri: uriOf(file) }, position: positionOf(fs.readFileSync(file, 'utf8'), 'dataProcessed'),
    });
    assert.ok(r && r.items.length > 0);
  });
});
