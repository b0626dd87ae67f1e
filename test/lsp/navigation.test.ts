/**
 * Definition, references, rename, hover, code lenses and quick fixes over the protocol, on files the
 * editor has not opened (the server reads them from disk) and on open ones.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, CodeLens, Hover, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { uriOf, useServerOn } from '../helpers/lspClient';
import { RUN_HANDLER_COMMAND } from '../../shared/src/protocol/messages';
import { applyEdits, asLocations, positionInFile, textInFileRange } from './lspTestUtil';

describe('navigation and edits on a copy of crm-demo', () => {
  const server = useServerOn('examples/crm-demo');
  const { p } = server;
  const at = (rel: string, needle: string, delta = 0, occurrence = 0) =>
    ({ textDocument: { uri: uriOf(p(rel)) }, position: positionInFile(p(rel), needle, delta, occurrence) });
  const rel = (uri: string) => path.relative(server.dir, new URL(uri).pathname).split(path.sep).join('/');

  it('definition from an e.json sender goes to the eventDescs name in the service e.json', async () => {
    const locs = asLocations(await server.client.request('textDocument/definition', at('events/NotifySalesOnProcessed/e.json', 'dataProcessed', 3)));
    assert.equal(locs.length, 1);
    assert.equal(rel(locs[0].uri), 'services/CustomerBatchService/e.json');
    assert.match(textInFileRange(p('services/CustomerBatchService/e.json'), locs[0].range), /^"?dataProcessed"?$/);
    assert.equal(locs[0].range.start.line, 23);
  });

  it('definition from a Python publish sender goes to the same declaration', async () => {
    const locs = asLocations(await server.client.request('textDocument/definition', at('services/CustomerBatchService/service.py', 'CustomerBatchService.dataProcessed', 25)));
    assert.equal(locs.length, 1);
    assert.equal(rel(locs[0].uri), 'services/CustomerBatchService/e.json');
    assert.equal(locs[0].range.start.line, 23);
  });

  it('definition from func goes to the def in service.py', async () => {
    const locs = asLocations(await server.client.request('textDocument/definition', at('events/NotifySalesOnProcessed/e.json', 'notifySales', 2)));
    assert.equal(locs.length, 1);
    assert.equal(rel(locs[0].uri), 'services/NotifyService/service.py');
    assert.equal(locs[0].range.start.line, 5, 'line of "def notifySales"');
    assert.match(textInFileRange(p('services/NotifyService/service.py'), locs[0].range), /notifySales/);
  });

  it('definition from an Inner funcType goes to customFunc in inner.py', async () => {
    const locs = asLocations(await server.client.request('textDocument/definition', at('events/ArchiveStatistics/e.json', '"Inner"', 2)));
    assert.equal(locs.length, 1);
    assert.equal(rel(locs[0].uri), 'events/ArchiveStatistics/inner.py');
    assert.equal(locs[0].range.start.line, 0);
  });

  it('definition on a typo sender finds nothing (and does not fail)', async () => {
    const locs = asLocations(await server.client.request('textDocument/definition', at('events/deliberateMistakes/TypoSender/e.json', 'dataProcesed', 2)));
    assert.deepEqual(locs, []);
  });

  it('references of an event: the declaration, every subscriber sender and every publish literal', async () => {
    const refs = asLocations(await server.client.request('textDocument/references', {
      ...at('services/CustomerBatchService/e.json', '"dataProcessed"', 3), context: { includeDeclaration: true },
    }));
    const found = refs.map((r) => `${rel(r.uri)}:${r.range.start.line + 1}`).sort();
    assert.deepEqual(found, [
      'events/ArchiveStatistics/e.json:4',
      'events/NotifySalesOnProcessed/e.json:4',
      'services/CustomerBatchService/e.json:24',
      'services/CustomerBatchService/service.py:15',
    ]);
    const without = asLocations(await server.client.request('textDocument/references', {
      ...at('events/ArchiveStatistics/e.json', 'dataProcessed', 1), context: { includeDeclaration: false },
    }));
    assert.equal(without.length, 3);
  });

  it('prepareRename on a sender selects exactly the event name', async () => {
    const r = await server.client.request<{ range: Range; placeholder: string } | null>('textDocument/prepareRename', at('events/NotifySalesOnProcessed/e.json', 'dataProcessed', 4));
    assert.ok(r);
    assert.equal(r.placeholder, 'dataProcessed');
    assert.equal(textInFileRange(p('events/NotifySalesOnProcessed/e.json'), r.range), 'dataProcessed');
  });

  it('prepareRename on the service part of a sender refuses with a clear message (the service is a folder)', async () => {
    for (const [file, needle] of [['events/NotifySalesOnProcessed/e.json', 'CustomerBatchService'], ['services/CustomerBatchService/service.py', 'CustomerBatchService.dataProcessed']]) {
      await assert.rejects(server.client.request('textDocument/prepareRename', at(file, needle, 3)), (e: Error & { code?: number }) => {
        assert.equal(e.code, -32600);
        assert.equal(e.message, 'Rename the service folder to rename a service.');
        return true;
      }, `${file} at ${needle}`);
    }
  });

  it('prepareRename outside an event name returns null', async () => {
    const r = await server.client.request('textDocument/prepareRename', at('events/NotifySalesOnProcessed/e.json', '"title"', 2));
    assert.equal(r, null);
  });

  it('rename of an event edits the declaration, every sender and every publish literal', async () => {
    const edit = await server.client.request<WorkspaceEdit>('textDocument/rename', { ...at('events/ArchiveStatistics/e.json', 'dataProcessed', 2), newName: 'batchProcessed' });
    const changes = edit.changes ?? {};
    assert.deepEqual(Object.keys(changes).map(rel).sort(), [
      'events/ArchiveStatistics/e.json',
      'events/NotifySalesOnProcessed/e.json',
      'services/CustomerBatchService/e.json',
      'services/CustomerBatchService/service.py',
    ]);
    for (const [uri, edits] of Object.entries(changes)) {
      const file = p(rel(uri));
      const before = fs.readFileSync(file, 'utf8');
      for (const e of edits as TextEdit[]) {
        assert.equal(textInFileRange(file, e.range), 'dataProcessed', `${rel(uri)} edit range`);
        assert.equal(e.newText, 'batchProcessed');
      }
      const after = applyEdits(before, edits as TextEdit[]);
      assert.ok(!/"(services\.CustomerBatchService\.)?dataProcessed"/.test(after), `${rel(uri)} still names the event:\n${after}`);
    }
    // The typo subscriber is not a reference of dataProcessed.
    assert.ok(!Object.keys(changes).some((u) => u.includes('TypoSender')));
  });

  it('rename to an invalid name is refused with an error', async () => {
    await assert.rejects(
      server.client.request('textDocument/rename', { ...at('events/ArchiveStatistics/e.json', 'dataProcessed', 2), newName: 'not a name' }),
      (e: Error & { code?: number }) => { assert.equal(e.code, -32602); assert.ok(e.message.length > 5); return true; },
    );
  });

  it('hover on a sender shows the event, its title, description and counts', async () => {
    const h = await server.client.request<Hover | null>('textDocument/hover', at('events/NotifySalesOnProcessed/e.json', 'dataProcessed', 1));
    assert.ok(h);
    const md = typeof h.contents === 'string' ? h.contents : 'value' in h.contents ? h.contents.value : '';
    assert.match(md, /dataProcessed/);
    assert.match(md, /services\.CustomerBatchService/);
    assert.match(md, /Batch finished/);
    assert.match(md, /processedCount/);
    assert.ok(h.range);
    assert.equal(textInFileRange(p('events/NotifySalesOnProcessed/e.json'), h.range), 'services.CustomerBatchService.dataProcessed');
  });

  it('hover on a Python publish sender works too; hover on plain text gives null', async () => {
    const h = await server.client.request<Hover | null>('textDocument/hover', at('services/NotifyService/service.py', 'emailSent', 1));
    assert.ok(h);
    assert.match(JSON.stringify(h.contents), /emailSent/);
    assert.equal(await server.client.request('textDocument/hover', at('services/NotifyService/service.py', 'class NotifyService', 2)), null);
  });

  it('code lens in an inner.py runs the handler with appRootUri and fullName', async () => {
    const lenses = await server.client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf(p('events/ArchiveStatistics/inner.py')) } });
    assert.equal(lenses.length, 1);
    const [lens] = lenses;
    assert.equal(lens.range.start.line, 0);
    assert.equal(lens.command?.command, RUN_HANDLER_COMMAND);
    assert.deepEqual(lens.command?.arguments, [{ appRootUri: uriOf(server.dir), fullName: 'events.ArchiveStatistics' }]);
    assert.ok(lens.command?.title);
  });

  it('code lenses in a service e.json count subscribers and publishers per event', async () => {
    const lenses = await server.client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf(p('services/CustomerBatchService/e.json')) } });
    const onDataProcessed = lenses.find((l) => l.range.start.line === 23);
    assert.ok(onDataProcessed, JSON.stringify(lenses));
    assert.match(onDataProcessed.command?.title ?? '', /2\D+1/, onDataProcessed.command?.title);
  });

  it('code lens above the sender of a runnable event e.json; none for one that cannot run', async () => {
    const ok = await server.client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf(p('events/NotifySalesOnProcessed/e.json')) } });
    const run = ok.filter((l) => l.command?.command === RUN_HANDLER_COMMAND);
    assert.equal(run.length, 1);
    assert.equal(run[0].range.start.line, 3, 'on the sender line');
    assert.deepEqual(run[0].command?.arguments, [{ appRootUri: uriOf(server.dir), fullName: 'events.NotifySalesOnProcessed' }]);
    const broken = await server.client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf(p('events/deliberateMistakes/InnerWithoutFile/e.json')) } });
    assert.deepEqual(broken.filter((l) => l.command?.command === RUN_HANDLER_COMMAND), []);
  });

  it('references and rename also start from a Python publish literal', async () => {
    const py = 'services/NotifyService/service.py';
    const refs = asLocations(await server.client.request('textDocument/references', { ...at(py, 'emailSent', 2), context: { includeDeclaration: true } }));
    assert.deepEqual(refs.map((r) => rel(r.uri)).sort(), [
      'events/EmailSentCounter/e.json', 'events/WelcomeOnOrderCreated/inner.py', 'services/NotifyService/e.json', 'services/NotifyService/service.py',
    ]);
    const prep = await server.client.request<{ range: Range; placeholder: string }>('textDocument/prepareRename', at(py, 'emailSent', 2));
    assert.equal(prep.placeholder, 'emailSent');
    assert.equal(textInFileRange(p(py), prep.range), 'emailSent');
    const edit = await server.client.request<WorkspaceEdit>('textDocument/rename', { ...at(py, 'emailSent', 2), newName: 'mailSent' });
    assert.equal(Object.keys(edit.changes ?? {}).length, 4);
  });

  it('hover on an eventDescs name in the service e.json', async () => {
    const h = await server.client.request<Hover | null>('textDocument/hover', at('services/OrderService/e.json', '"orderCancelled"', 3));
    assert.ok(h);
    assert.match(JSON.stringify(h.contents), /orderCancelled/);
    assert.match(JSON.stringify(h.contents), /0 subscriber/);
  });

  it('a quick fix replaces the misspelled event with the suggestion', async () => {
    const file = p('events/deliberateMistakes/TypoSender/e.json');
    const [diag] = server.client.diagnostics.get(uriOf(file)) ?? [];
    assert.equal(diag?.code, 'unknown-event');
    const actions = await server.client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uriOf(file) }, range: diag.range, context: { diagnostics: [diag] },
    });
    // "Change to" the suggestion (preferred), then "Declare … in eventDescs" (an edit of the service e.json).
    assert.equal(actions.length, 2);
    const [a, declare] = actions;
    assert.equal(a.kind, 'quickfix');
    assert.equal(a.isPreferred, true);
    assert.match(a.title, /dataProcessed/);
    assert.match(declare.title, /^Declare "dataProcesed" in eventDescs of services\.CustomerBatchService$/);
    assert.ok(declare.edit?.changes?.[uriOf(p('services/CustomerBatchService/e.json'))]);
    const edits = a.edit?.changes?.[uriOf(file)] ?? [];
    const fixed = applyEdits(fs.readFileSync(file, 'utf8'), edits);
    assert.match(fixed, /"sender": "services\.CustomerBatchService\.dataProcessed"/);
  });

  it('a quick fix in Python replaces the sender literal of a publish call', async () => {
    const file = p('services/MistakesDemoService/service.py');
    const diag = (server.client.diagnostics.get(uriOf(file)) ?? []).find((d) => d.code === 'sender-service-not-found');
    assert.ok(diag);
    const actions = await server.client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uriOf(file) }, range: diag.range, context: { diagnostics: [diag] },
    });
    assert.equal(actions.length, 1, JSON.stringify(actions));
    const fixed = applyEdits(fs.readFileSync(file, 'utf8'), actions[0].edit?.changes?.[uriOf(file)] ?? []);
    assert.match(fixed, /sender="services\.OrderService\.orderPaid",/);
  });

  it('no quick fix for inner-file-missing when the client cannot create files (no resourceOperations)', async () => {
    const file = p('events/deliberateMistakes/InnerWithoutFile/e.json');
    const [diag] = server.client.diagnostics.get(uriOf(file)) ?? [];
    assert.ok(diag);
    const actions = await server.client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uriOf(file) }, range: diag.range, context: { diagnostics: [diag] },
    });
    assert.deepEqual(actions, []);
  });
});
