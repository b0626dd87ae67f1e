// The server's CodeLenses as VS Code shows them: every lens has a command; the count lens above an
// eventDescs entry opens the references peek of that event; Restricted Mode drops the Run lens;
// "Run Handler…" in the editor context menu only where there is something to run; F2 on the
// service part of a sender is refused with a message.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../client/src/ids';
import { adaptLenses } from '../../client/src/lsp/middleware';
import { activateExtension, appFile, appUri, positionInString, textAt, type JitaiEventsApi } from './helpers';

const SERVICE = 'services/CustomerBatchService/e.json';

async function lensesOf(rel: string): Promise<vscode.CodeLens[]> {
  const doc = await vscode.workspace.openTextDocument(appUri(rel));
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 100)) ?? [];
}

suite('lenses, Run in the editor, rename refusal', () => {
  let api: JitaiEventsApi;
  suiteSetup(async () => { api = await activateExtension(); });

  test('every lens of a service e.json does something; the count lens opens the references of its event', async () => {
    const lenses = await lensesOf(SERVICE);
    assert.ok(lenses.length >= 2, `lenses: ${lenses.map((l) => l.command?.title).join(' | ')}`);
    for (const l of lenses) assert.ok(l.command?.command, `lens "${l.command?.title}" has a command`);
    const count = lenses.find((l) => /dataProcessed/.test(textAt(appFile(SERVICE), new vscode.Range(l.range.start, l.range.start.translate(4, 0)))));
    assert.ok(count, 'a lens above the dataProcessed entry');
    assert.equal(count.command!.title, '2 subscribers · 1 publish site');
    assert.equal(count.command!.command, Commands.showEventReferences);
    const [uri, position] = count.command!.arguments as [vscode.Uri, vscode.Position];
    assert.equal(uri.fsPath, appFile(SERVICE));
    const line = textAt(appFile(SERVICE), new vscode.Range(position.line, 0, position.line, 200));
    assert.match(line, /"name":\s*"dataProcessed"/, 'the position is on the event name');
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', uri, position);
    const files = [...new Set(refs.map((r) => vscode.workspace.asRelativePath(r.uri, false)))].sort();
    assert.deepEqual(files, ['events/ArchiveStatistics/e.json', 'events/NotifySalesOnProcessed/e.json', SERVICE, 'services/CustomerBatchService/service.py'].sort());
    await vscode.commands.executeCommand(count.command!.command, ...count.command!.arguments!);
  });

  test('a trusted workspace shows the Run lens; Restricted Mode drops it and keeps the count lens', async () => {
    const rel = 'events/ArchiveStatistics/e.json';
    const lenses = await lensesOf(rel);
    assert.ok(lenses.some((l) => l.command?.command === Commands.runHandler), 'Run lens while trusted');
    const doc = await vscode.workspace.openTextDocument(appUri(rel));
    assert.deepEqual(adaptLenses(doc, lenses, false).filter((l) => l.command?.command === Commands.runHandler), []);
    const service = await vscode.workspace.openTextDocument(appUri(SERVICE));
    const counts = await lensesOf(SERVICE);
    assert.equal(adaptLenses(service, counts, false).length, counts.length, 'count lenses stay in Restricted Mode');
  });

  test('jitaiEvents.editorRunnable: true in an event element\'s files, false in a service', async () => {
    for (const [rel, expected] of [['events/ArchiveStatistics/inner.py', true], ['events/NotifySalesOnProcessed/e.json', true],
      [SERVICE, false], ['services/CustomerBatchService/service.py', false]] as const) {
      await vscode.window.showTextDocument(appUri(rel));
      assert.equal(await api.editorRunnable(), expected, rel);
    }
  });

  test('F2 on the service part of a sender is refused with "Rename the service folder to rename a service."', async () => {
    const rel = 'events/NotifySalesOnProcessed/e.json';
    const onService = positionInString(appFile(rel), '"sender"', 12).position;
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('vscode.prepareRename', appUri(rel), onService)),
      (e: Error) => { assert.match(e.message, /Rename the service folder to rename a service\./); return true; });
    const onEvent = positionInString(appFile(rel), '"sender"', 40).position;
    const ok = await vscode.commands.executeCommand<{ range: vscode.Range; placeholder: string }>('vscode.prepareRename', appUri(rel), onEvent);
    assert.equal(ok?.placeholder, 'dataProcessed');
  });
});
