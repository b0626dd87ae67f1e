/**
 * Typing is debounced with the default settings (one publish for a burst of edits), and a cancelled
 * request is answered with RequestCancelled without harming the server.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CancellationTokenSource } from 'vscode-languageserver-protocol/node';
import { LspClient, startServer, uriOf } from '../helpers/lspClient';
import { tempCopy } from '../helpers/repo';
import { positionOf } from './lspTestUtil';

describe('debounced typing with the default settings', () => {
  let client: LspClient;
  let app: { dir: string; cleanup: () => void };

  before(async () => {
    app = tempCopy('examples/crm-demo');
    // No settings: the server's default debounce applies.
    ({ client } = await startServer([app.dir], { settings: {} }));
  });
  after(async () => {
    await client?.dispose();
    app?.cleanup();
  });

  it('a burst of edits is validated once, on the final text', async () => {
    const file = path.join(app.dir, 'events/NotifySalesOnProcessed/e.json');
    const uri = uriOf(file);
    const good = fs.readFileSync(file, 'utf8');
    await client.open(file);
    const mark = client.mark();
    // Typing "dataProcessedX" one character at a time, without waiting in between.
    const typed = 'Xyz';
    for (let i = 1; i <= typed.length; i++) {
      void client.change(file, good.replace('dataProcessed"', `dataProcessed${typed.slice(0, i)}"`));
    }
    const d = await client.waitForDiagnostics(uri, (x) => x.some((y) => y.message.includes('dataProcessedXyz')), { since: mark });
    assert.equal(d[0].code, 'unknown-event');
    const publishes = client.publishLog.filter((x) => x.uri === uri && x.seq > mark);
    assert.equal(publishes.length, 1, `intermediate texts were validated: ${JSON.stringify(publishes.map((x) => x.diagnostics.map((y) => y.message)))}`);
    const m2 = client.mark();
    await client.change(file, good);
    await client.waitForDiagnostics(uri, (x) => x.length === 0, { since: m2 });
    assert.ok(!client.logs.some((l) => /failed/.test(l)), client.logs.join('\n'));
  });
});

describe('cancellation', () => {
  let client: LspClient;
  let app: { dir: string; cleanup: () => void };

  before(async () => {
    app = tempCopy('examples/crm-demo');
    ({ client } = await startServer([app.dir]));
  });
  after(async () => {
    await client?.dispose();
    app?.cleanup();
  });

  it('a request cancelled while it waits for the first index is answered with RequestCancelled', async () => {
    // A second server, asked before its first index is done: definition waits for the index, so
    // the cancellation arrives while the request is pending (no race with a fast answer).
    const fresh = new LspClient();
    try {
      await fresh.initialize([app.dir]);
      const file = path.join(app.dir, 'events/NotifySalesOnProcessed/e.json');
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
    const file = path.join(app.dir, 'events/NotifySalesOnProcessed/e.json');
    // The server still answers the same request afterwards.
    const r = await client.request<{ items: unknown[] } | null>('textDocument/completion', {
      textDocument: { uri: uriOf(file) }, position: positionOf(fs.readFileSync(file, 'utf8'), 'dataProcessed'),
    });
    assert.ok(r && r.items.length > 0);
  });
});
