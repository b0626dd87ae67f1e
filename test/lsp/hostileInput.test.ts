/**
 * The server under hostile input and plain clients: hover on a FIFO named e.json or on /dev/zero
 * answers at once (never read), a FIFO announced by a watched-file event is skipped, a 100k-deep
 * document gets quick empty answers, and a client that declares no commands gets no code lens.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { CodeLens, CompletionList } from 'vscode-languageserver-protocol';
import { uriOf, useServerOn } from '../helpers/lspClient';
import { positionOf } from './lspTestUtil';

const CREATED = 1;

describe('hostile files and documents on a copy of crm-demo', () => {
  const server = useServerOn('examples/crm-demo');
  const { p } = server;

  async function assertAlive(): Promise<void> {
    const file = p('events/OpsAlertOnBatchFailed/e.json');
    const text = fs.readFileSync(file, 'utf8');
    const r = await server.client.request<CompletionList | null>('textDocument/completion', { textDocument: { uri: uriOf(file) }, position: positionOf(text, 'batchFailed') });
    assert.ok(r && r.items.some((i) => i.label === 'services.CustomerBatchService.dataProcessed'), server.client.serverOutput);
  }

  it('hover on a FIFO named e.json (watched-file event first) and on /dev/zero answers null and the server lives', async () => {
    const fifo = p('events/Fifo/e.json');
    fs.mkdirSync(path.dirname(fifo));
    execFileSync('mkfifo', [fifo]);
    await server.client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(fifo), type: CREATED }, { uri: uriOf(path.dirname(fifo)), type: CREATED }] });
    for (const uri of [uriOf(fifo), 'file:///dev/zero']) {
      assert.equal(await server.client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }, 5000), null);
    }
    await assertAlive();
  });

  it('completion and hover in an open 100k-deep document answer null quickly', async () => {
    const file = p('events/Deep/e.json');
    const deep = `{"sender": "${'['.repeat(100000)}`.replace('"[', '[');
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(file, deep);
    await server.client.open(file);
    assert.equal(await server.client.request('textDocument/completion', { textDocument: { uri: uriOf(file) }, position: { line: 0, character: 30 } }, 5000), null);
    assert.equal(await server.client.request('textDocument/hover', { textDocument: { uri: uriOf(file) }, position: { line: 0, character: 30 } }, 5000), null);
    await assertAlive();
  });
});

describe('a client that declares no commands', () => {
  const server = useServerOn('examples/crm-demo', { initializationOptions: { commands: undefined, titleOnlyLenses: undefined } });
  it('gets no Run lens and no count lens (it could not execute them)', async () => {
    for (const rel of ['events/ArchiveStatistics/inner.py', 'events/NotifySalesOnProcessed/e.json', 'services/CustomerBatchService/e.json']) {
      assert.deepEqual(await server.client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf(server.p(rel)) } }), [], rel);
    }
  });
});
