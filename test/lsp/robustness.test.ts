/**
 * Bad input never takes the server down: malformed, binary and huge e.json files get a clear
 * diagnostic, unknown requests and bad params are answered, and shutdown exits cleanly.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ErrorCodes, type CompletionList } from 'vscode-languageserver-protocol';
import { LspClient, startServer, uriOf, useServerOn } from '../helpers/lspClient';
import { EventTreeRequest, HandlerInfoRequest, SubscribersOfRequest } from '../../shared/src/protocol/messages';
import { tempCopy } from '../helpers/repo';
import { positionOf } from './lspTestUtil';

const CREATED = 1;

describe('robustness on a copy of crm-demo', () => {
  const server = useServerOn('examples/crm-demo');
  const { p } = server;

  /** The server still answers a real request correctly. */
  async function assertAlive(): Promise<void> {
    const file = p('events/OpsAlertOnBatchFailed/e.json');
    const text = fs.readFileSync(file, 'utf8');
    const r = await server.client.request<CompletionList | null>('textDocument/completion', {
      textDocument: { uri: uriOf(file) }, position: positionOf(text, 'batchFailed'),
    });
    assert.ok(r && r.items.some((i) => i.label === 'services.CustomerBatchService.dataProcessed'), 'completion after the bad input');
    assert.ok(server.client.isRunning, server.client.serverOutput);
  }

  it('malformed JSON in an open e.json gives json-syntax at the error, and completion keeps working', async () => {
    const file = p('events/EmailSentCounter/e.json');
    const good = fs.readFileSync(file, 'utf8');
    await server.client.open(file);
    const broken = good.replace('"funcType": "Inner",', '"funcType": "Inner" "oops": ,');
    assert.notEqual(broken, good);
    const mark = server.client.mark();
    await server.client.change(file, broken);
    const d = await server.client.waitForDiagnostics(uriOf(file), (x) => x.some((y) => y.code === 'json-syntax'), { since: mark });
    const syntax = d.filter((x) => x.code === 'json-syntax');
    assert.ok(syntax.length >= 1 && syntax.length <= 10);
    assert.equal(syntax[0].range.start.line, positionOf(broken, '"oops"').line, 'on the line of the error');
    assert.match(syntax[0].message, /not valid JSON/);
    // Completion in the broken document itself still answers.
    const r = await server.client.request<CompletionList | null>('textDocument/completion', {
      textDocument: { uri: uriOf(file) }, position: positionOf(broken, 'services.NotifyService.emailSent', 3),
    });
    assert.ok(r && r.items.length > 0, 'completion in the half-typed document');
    await assertAlive();
    const m2 = server.client.mark();
    await server.client.change(file, good);
    await server.client.waitForDiagnostics(uriOf(file), (x) => x.length === 0, { since: m2 });
    await server.client.close(file);
  });

  it('half-typed documents (empty, a lone brace, a root array) never crash the server', async () => {
    const file = p('events/OrderCreatedLog/e.json');
    const good = fs.readFileSync(file, 'utf8');
    await server.client.open(file);
    for (const [text, code] of [['', 'root-not-object'], ['{', 'json-syntax'], ['[1, 2]', 'root-not-object'], ['{"sender": 5}', 'missing-type']] as const) {
      const mark = server.client.mark();
      await server.client.change(file, text);
      const d = await server.client.waitForDiagnostics(uriOf(file), (x) => x.some((y) => y.code === code), { since: mark });
      assert.ok(d.length >= 1, `${JSON.stringify(text)} -> ${code}`);
    }
    const mark = server.client.mark();
    await server.client.change(file, good);
    await server.client.waitForDiagnostics(uriOf(file), (x) => x.length === 0, { since: mark });
    await server.client.close(file);
    await assertAlive();
  });

  it('a binary e.json on disk gets a clear diagnostic', async () => {
    const file = p('events/BinaryJunk/e.json');
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(file, Buffer.from([0x7b, 0x00, 0x01, 0xff, 0xfe, 0x00, 0x22, 0x7d]));
    const mark = server.client.mark();
    await server.client.filesChanged([{ path: file, type: CREATED }]);
    const [d] = await server.client.waitForDiagnostics(uriOf(file), (x) => x.length > 0, { since: mark });
    assert.equal(d.code, 'json-syntax');
    assert.match(d.message, /binary/);
    await assertAlive();
  });

  it('a 5 MB e.json on disk is not parsed and says why', async () => {
    const file = p('events/HugeFile/e.json');
    fs.mkdirSync(path.dirname(file));
    const big = JSON.stringify({ type: 'events.NormalType', sender: 'services.OrderService.orderPaid', padding: 'x'.repeat(5 * 1024 * 1024) });
    fs.writeFileSync(file, big);
    const mark = server.client.mark();
    await server.client.filesChanged([{ path: file, type: CREATED }]);
    const [d] = await server.client.waitForDiagnostics(uriOf(file), (x) => x.length > 0, { since: mark });
    assert.equal(d.code, 'json-syntax');
    assert.match(d.message, new RegExp(`${fs.statSync(file).size} bytes`));
    await assertAlive();
  });

  it('a 5 MB document opened in the editor is handled without a crash', async () => {
    const file = p('events/HugeFile/e.json');
    const junk = '{"type": "events.NormalType", "title": "' + 'ab\\u0000 '.repeat(700_000) + '", oops }';
    assert.ok(junk.length > 5 * 1024 * 1024);
    const mark = server.client.mark();
    await server.client.open(file, junk);
    const d = await server.client.waitForDiagnostics(uriOf(file), (x) => x.length > 0, { since: mark, timeoutMs: 60_000 });
    assert.ok(d.length <= 20, `a bounded number of diagnostics, got ${d.length}`);
    await server.client.close(file);
    await assertAlive();
  });

  it('hover on a FIFO named e.json (watched-file event first) and on /dev/zero answers null at once, never read', async () => {
    const fifo = p('events/Fifo/e.json');
    fs.mkdirSync(path.dirname(fifo));
    execFileSync('mkfifo', [fifo]);
    await server.client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(fifo), type: CREATED }, { uri: uriOf(path.dirname(fifo)), type: CREATED }] });
    for (const uri of [uriOf(fifo), 'file:///dev/zero']) {
      assert.equal(await server.client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }, 5000), null);
    }
    fs.rmSync(path.dirname(fifo), { recursive: true });
    await assertAlive();
  });

  it('completion and hover in an open 100k-deep document answer null (no stack overflow)', async () => {
    const file = p('events/Deep/e.json');
    const deep = `{"sender": ${'['.repeat(100000)}`;
    await server.client.open(file, deep);
    for (const method of ['textDocument/completion', 'textDocument/hover']) {
      assert.equal(await server.client.request(method, { textDocument: { uri: uriOf(file) }, position: { line: 0, character: 30 } }, 5000), null);
    }
    await server.client.close(file);
    assert.doesNotMatch(server.client.serverOutput, /Maximum call stack/);
    await assertAlive();
  });

  it('an unknown request is answered with MethodNotFound and the server lives on', async () => {
    await assert.rejects(server.client.request('jitai/noSuchRequest', {}), (e: Error & { code?: number }) => e.code === -32601);
    await server.client.notify('jitai/noSuchNotification', { x: 1 });
    await assertAlive();
  });

  it('bad params are answered (null or empty), never fatal', async () => {
    const nowhere = uriOf(p('no/such/file/e.json'));
    assert.equal(await server.client.request('textDocument/completion', { textDocument: { uri: nowhere }, position: { line: 0, character: 0 } }), null);
    assert.deepEqual(await server.client.request('textDocument/definition', { textDocument: { uri: 'untitled:Untitled-1' }, position: { line: 0, character: 0 } }), []);
    assert.equal(await server.client.request('textDocument/hover', { textDocument: { uri: uriOf(p('app.json')) }, position: { line: 999, character: 999 } }), null);
    // Missing or wrong fields of jitai/* requests: InvalidParams (every case: customRequestParams.test.ts).
    const invalidParams = (e: Error & { code?: number }) => e.code === ErrorCodes.InvalidParams;
    await assert.rejects(server.client.request(HandlerInfoRequest.method, {}), invalidParams);
    await assert.rejects(server.client.request(SubscribersOfRequest.method, {}), invalidParams);
    await assert.rejects(server.client.request(EventTreeRequest.method, null), invalidParams);
    assert.equal((await server.client.request(EventTreeRequest, {})).apps.length, 1);
    await server.client.request('textDocument/codeAction', { textDocument: { uri: nowhere }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } });
    await server.client.filesChanged([{ path: p('not/a/watched/file.txt'), type: CREATED }]);
    await server.client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: 'not a uri', type: 2 }] });
    await assertAlive();
  });
});

describe('a minimal editor (rootUri only, no dynamic registration, no progress, no options)', () => {
  it('indexes the root, publishes diagnostics and asks for nothing it cannot get', async () => {
    const app = tempCopy('test/fixtures/bad-sender-event');
    const client = new LspClient();
    try {
      await client.request('initialize', { processId: null, rootUri: uriOf(app.dir), capabilities: {} });
      await client.notify('initialized', {});
      const status = await client.waitForIndexReady();
      assert.equal(status.apps, 1);
      const [d] = await client.waitForDiagnostics(uriOf(path.join(app.dir, 'events/ArchiveStatistics/e.json')), (x) => x.length > 0);
      assert.equal(d.code, 'unknown-event');
      assert.deepEqual(client.registrations, [], 'no client/registerCapability without dynamicRegistration');
      assert.deepEqual(client.progress, [], 'no work-done progress without window.workDoneProgress');
      assert.equal(await client.shutdown(), 0);
    } finally {
      await client.dispose();
      app.cleanup();
    }
  });
});

describe('shutdown', () => {
  it('shutdown + exit ends the process with code 0', async () => {
    const app = tempCopy('test/fixtures/valid-app');
    try {
      const { client } = await startServer([app.dir]);
      const code = await client.shutdown();
      assert.equal(code, 0, client.serverOutput);
      assert.equal(client.isRunning, false);
    } finally {
      app.cleanup();
    }
  });

  it('started without any transport flag (plain `jitai-events-language-server`), it speaks LSP over stdio', async () => {
    const client = new LspClient({ args: [] });
    try {
      const init = await client.initialize([]);
      assert.equal(init.serverInfo?.name, 'jitai-events-language-server');
      assert.equal(await client.shutdown(), 0);
    } finally {
      await client.dispose();
    }
  });

  it('the server exits by itself when the editor goes away (stdin closed without shutdown)', async () => {
    const client = new LspClient();
    try {
      await client.initialize([]);
      await client.waitForIndexReady();
      const exited = new Promise<number | null>((resolve) => client.process.once('exit', (code) => resolve(code)));
      client.process.stdin!.end();
      let timer: NodeJS.Timeout | undefined;
      const r = await Promise.race([exited, new Promise<'still running'>((res) => { timer = setTimeout(() => res('still running'), 10_000); })]);
      clearTimeout(timer);
      assert.notEqual(r, 'still running', client.serverOutput);
    } finally {
      await client.dispose();
    }
  });

  it('a server without any workspace folder still initializes and shuts down', async () => {
    const client = new LspClient();
    try {
      const init = await client.initialize([]);
      assert.ok(init.capabilities.completionProvider);
      const status = await client.waitForIndexReady();
      assert.equal(status.apps, 0);
      assert.equal(await client.shutdown(), 0);
    } finally {
      await client.dispose();
    }
  });
});

describe('an exclude glob that does not compile', () => {
  const server = useServerOn('examples/crm-demo', { settings: { exclude: ['[z-a]', '**/deliberateMistakes/**'] } });
  it('starts anyway, applies the valid globs and tells the user which glob is ignored', () => {
    assert.equal(server.status.state, 'ready');
    const uris = [...server.client.diagnostics.keys()];
    assert.ok(!uris.some((u) => u.includes('deliberateMistakes')), 'the valid glob still excludes');
    assert.ok(uris.some((u) => u.includes('MistakesDemoService')), 'other problems are reported');
    assert.deepEqual(server.client.shownMessages.map((m) => m.message),
      ['jitaiEvents.exclude: "[z-a]" is not a valid glob and is ignored.']);
  });
});
