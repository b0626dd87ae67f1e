/**
 * Quick fixes that create files, the "＋ Add subscriber" lens and the New Event Subscriber requests
 * over the protocol: CreateFile + TextDocumentEdit for a client announcing resource operations,
 * and the lens only for a client that said it handles the command.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClientCapabilities, CodeAction, CodeLens, CreateFile, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { uriOf, useServerOn } from '../helpers/lspClient';
import { NewSubscriberEditRequest, SubscriberChoicesRequest } from '../../shared/src/protocol/messages';
import { NEW_SUBSCRIBER_COMMAND, type NewSubscriberEditResult, type SubscriberChoicesResult } from '../../shared/src/protocol/subscriber';

const CAPABILITIES: ClientCapabilities = {
  workspace: {
    didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true, configuration: false,
    workspaceEdit: { documentChanges: true, resourceOperations: ['create' as const] },
  },
  textDocument: { publishDiagnostics: { relatedInformation: true } },
};

/** Applies a documentChanges edit to disk as an editor would; returns the paths written. */
function applyToDisk(edit: WorkspaceEdit): string[] {
  const written: string[] = [];
  for (const c of edit.documentChanges ?? []) {
    if ('kind' in c) {
      assert.equal(c.kind, 'create');
      const p = fileURLToPath((c as CreateFile).uri);
      assert.equal(fs.existsSync(p), false, `${p} must not exist yet`);
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, '');
      continue;
    }
    const e = c as TextDocumentEdit;
    const p = fileURLToPath(e.textDocument.uri);
    const text = fs.readFileSync(p, 'utf8');
    const lines = text.split('\n');
    const off = (pos: { line: number; character: number }) => lines.slice(0, pos.line).reduce((n, l) => n + l.length + 1, 0) + pos.character;
    const sorted = [...e.edits].sort((a, b) => off(b.range.start) - off(a.range.start));
    let out = text;
    for (const x of sorted) out = out.slice(0, off(x.range.start)) + (x as { newText: string }).newText + out.slice(off(x.range.end));
    fs.writeFileSync(p, out);
    written.push(p);
  }
  return written;
}

describe('quick fixes that create files (client with resourceOperations create)', () => {
  const server = useServerOn('examples/crm-demo', { capabilities: CAPABILITIES, initializationOptions: { commands: [NEW_SUBSCRIBER_COMMAND] } });
  const { p } = server;

  it('inner-file-missing: "Create inner.py with customFunc" as CreateFile + TextDocumentEdit; applied, the problem is gone', async () => {
    const file = p('events/deliberateMistakes/InnerWithoutFile/e.json');
    const diag = (server.client.diagnostics.get(uriOf(file)) ?? []).find((d) => d.code === 'inner-file-missing');
    assert.ok(diag);
    const actions = await server.client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uriOf(file) }, range: diag.range, context: { diagnostics: [diag] },
    });
    assert.deepEqual(actions.map((a) => [a.title, a.kind, a.isPreferred]), [['Create inner.py with customFunc', 'quickfix', true]]);
    const changes = actions[0].edit?.documentChanges ?? [];
    const dirUri = uriOf(p('events/deliberateMistakes/InnerWithoutFile'));
    assert.deepEqual(changes.map((c) => ('kind' in c ? `${c.kind} ${(c as CreateFile).uri.slice(dirUri.length)}` : `edit ${(c as TextDocumentEdit).textDocument.uri.slice(dirUri.length)}`)),
      ['create /inner.py', 'edit /inner.py', 'create /__init__.py', 'edit /__init__.py']);
    assert.equal(actions[0].edit?.changes, undefined);
    const mark = server.client.mark();
    const written = applyToDisk(actions[0].edit!);
    assert.match(fs.readFileSync(written[0], 'utf8'), /^def customFunc\(\*args, \*\*kwargs\):\n {4}"""\n {4}Handler of events\.deliberateMistakes\.InnerWithoutFile/);
    await server.client.filesChanged(written.map((w) => ({ path: w, type: 1 as const })));
    const after = await server.client.waitForDiagnostics(uriOf(file), (d) => !d.some((x) => x.code === 'inner-file-missing'), { since: mark });
    assert.deepEqual(after.map((d) => d.code), []);
  });

  it('func-not-found: "Add function" edits functionList and service.py in one edit (plus the "Change to" suggestion)', async () => {
    const file = p('events/deliberateMistakes/UnknownGlobalFunc/e.json');
    const diag = (server.client.diagnostics.get(uriOf(file)) ?? []).find((d) => d.code === 'func-not-found');
    assert.ok(diag);
    const actions = await server.client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uriOf(file) }, range: diag.range, context: { diagnostics: [diag] },
    });
    const add = actions.find((a) => a.title.startsWith('Add function "sendSms"'));
    assert.ok(add, JSON.stringify(actions.map((a) => a.title)));
    const uris = (add.edit?.documentChanges ?? []).map((c) => (c as TextDocumentEdit).textDocument.uri);
    assert.deepEqual(uris, [uriOf(p('services/NotifyService/e.json')), uriOf(p('services/NotifyService/service.py'))]);
  });

  it('"＋ Add subscriber" lens above an eventDescs entry nobody subscribes to, with the command and its event', async () => {
    const lenses = await server.client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf(p('services/MistakesDemoService/e.json')) } });
    const add = lenses.filter((l) => l.command?.command === NEW_SUBSCRIBER_COMMAND);
    assert.deepEqual(add.map((l) => [l.command?.title, l.command?.arguments]), [
      ['＋ Add subscriber', [{ appRootUri: uriOf(server.dir), sender: 'services.MistakesDemoService.reportRequested' }]],
    ]);
  });

  it('jitai/subscriberChoices and jitai/newSubscriberEdit: the element is created as one edit and checked clean', async () => {
    const choices = await server.client.request(SubscriberChoicesRequest, {}) as SubscriberChoicesResult;
    const ev = choices.events.find((e) => e.sender === 'services.MistakesDemoService.reportRequested');
    assert.deepEqual(ev && [ev.title, ev.service, ev.subscribers, ev.defaultName, ev.appRootUri], ['Report requested', 'services.MistakesDemoService', 0, 'OnReportRequested', uriOf(server.dir)]);
    const r = await server.client.request(NewSubscriberEditRequest, { appRootUri: uriOf(server.dir), sender: ev!.sender, name: ev!.defaultName, funcType: 'Inner' }) as NewSubscriberEditResult;
    assert.ok(!('error' in r), JSON.stringify(r));
    assert.equal(r.open.uri, uriOf(p('events/OnReportRequested/inner.py')));
    const mark = server.client.mark();
    const written = applyToDisk(r.edit);
    assert.deepEqual(written.map((w) => path.relative(server.dir, w)).sort(), ['events/OnReportRequested/__init__.py', 'events/OnReportRequested/e.json', 'events/OnReportRequested/inner.py']);
    await server.client.filesChanged(written.map((w) => ({ path: w, type: 1 as const })));
    await server.client.waitForIndexChanged(mark);
    const again = await server.client.request(SubscriberChoicesRequest, {}) as SubscriberChoicesResult;
    assert.equal(again.events.find((e) => e.sender === ev!.sender)?.subscribers, 1);
    for (const w of written) assert.deepEqual(server.client.diagnostics.get(uriOf(w)) ?? [], [], w);
    const taken = await server.client.request(NewSubscriberEditRequest, { appRootUri: uriOf(server.dir), sender: ev!.sender, name: 'OnReportRequested', funcType: 'Inner' });
    assert.deepEqual(taken, { error: 'An element "events.OnReportRequested" already exists.' });
  });

  it('jitai/newSubscriberEdit answers InvalidParams for a wrong funcType', async () => {
    await assert.rejects(server.client.request(NewSubscriberEditRequest.method, { appRootUri: uriOf(server.dir), sender: 'a.b', name: 'X', funcType: 'inner' }), /jitai\/newSubscriberEdit: expected/);
  });
});

describe('a client without resource operations and without the command', () => {
  const server = useServerOn('examples/crm-demo');
  const { p } = server;

  it('gets edit-only fixes as plain changes (Declare in eventDescs from Python), and no create fixes', async () => {
    const file = p('services/MistakesDemoService/service.py');
    const diag = (server.client.diagnostics.get(uriOf(file)) ?? []).find((d) => d.code === 'unknown-event');
    assert.ok(diag);
    const actions = await server.client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uriOf(file) }, range: diag.range, context: { diagnostics: [diag] },
    });
    assert.deepEqual(actions.map((a) => a.title), ['Declare "reportGenerated" in eventDescs of services.MistakesDemoService']);
    assert.equal(actions[0].edit?.documentChanges, undefined);
    assert.deepEqual(Object.keys(actions[0].edit?.changes ?? {}), [uriOf(p('services/MistakesDemoService/e.json'))]);
  });

  it('gets no "＋ Add subscriber" lens', async () => {
    const lenses = await server.client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf(p('services/MistakesDemoService/e.json')) } });
    assert.deepEqual(lenses.filter((l) => l.command?.command === NEW_SUBSCRIBER_COMMAND), []);
    assert.ok(lenses.length > 0);
  });
});
