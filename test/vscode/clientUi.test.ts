// What the client shows besides the tree: commands registered from the table, the status item, the
// start log, the payload editor (named after the handler, never asks to save), the localized schema
// and the first-index progress counter.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../client/src/ids';
import { counterText, IndexProgress } from '../../client/src/status/indexProgress';
import { EXTENSION_ID, activateExtension, appFile, appRoot, appUri, positionInString, withTimeout, type JitaiEventsApi } from './helpers';

suite('client UI', () => {
  let api: JitaiEventsApi;
  suiteSetup(async () => { api = await activateExtension(); });

  test('every command id of the table is registered', async () => {
    const all = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(Object.values(Commands).filter((c) => !all.has(c)), []);
  });

  test('the status item: "JitAi: 1 app · N events", plural-correct detail, "Show log" command', async () => {
    // Earlier suites may have left a re-index running: the Re-index command resolves once the status is updated.
    await vscode.commands.executeCommand(Commands.reindex);
    const status = api.indexStatus()!;
    const shown = api.statusShown();
    assert.equal(shown.text, `JitAi: 1 app · ${status.events} events`);
    assert.ok(shown.detail, 'a detail line');
    assert.doesNotMatch(shown.detail, /\(s\)|\b1 errors\b|\b1 warnings\b/);
    assert.match(shown.detail, new RegExp(`^${status.errors} errors? · ${status.warnings} warnings? · \\S`));
    assert.equal(shown.command, Commands.showOutput);
  });

  test('the log says at start: version, workspace folder, apps and files found with the index time, Python', async () => {
    const lines = await withTimeout(api.startLog(), 60_000, 'the start log');
    const version = String(vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.version);
    assert.match(lines[0], new RegExp(`^JitAi Events ${version.replace(/\./g, '\\.')} \\(VS Code `));
    assert.equal(lines[1], `Workspace folders: ${appRoot()}`);
    const status = api.indexStatus()!;
    assert.match(lines[2], new RegExp(`^First index done in \\d+ ms: 1 app, ${status.elements} elements(, \\d+ files read)?; `));
    assert.match(lines[3], /^(Python for Run handler: \S+|No Python for Run handler: )/);
  });

  test('the first index of a small app shows no progress notification; the counter has its unit and grouped numbers', () => {
    assert.deepEqual(api.progressShown(), []);
    assert.equal(counterText('1234/21000 files', 'en', (m, ...a) => m.replace(/\{(\d)\}/g, (_, i) => a[Number(i)])), '1,234 / 21,000 files');
    assert.equal(counterText('JitAi: indexing', 'en', (m) => m), undefined);
  });

  test('a slow index opens a progress notification that counts files with grouped numbers', async () => {
    const progress = new IndexProgress(0);
    try {
      const shown = new Promise<void>((resolve) => progress.onDidShow(() => resolve()));
      progress.handle({ kind: 'begin', message: '0/21000 files' });
      await withTimeout(shown, 10_000, 'the progress notification');
      progress.handle({ kind: 'report', message: '1234/21000 files' });
      progress.handle({ kind: 'end' });
      assert.deepEqual(progress.shownMessages, ['0 / 21,000 files', '1,234 / 21,000 files']);
    } finally { progress.dispose(); }
  });

  test('the payload editor is named after the handler, runs it, and closing it never asks to save', async () => {
    const target = { appRootUri: vscode.Uri.file(appRoot()).toString(), fullName: 'events.ArchiveStatistics' };
    const doc = await api.openPayloadEditor(target, { args: [{ processedCount: 3 }] });
    assert.equal(doc.uri.scheme, 'jitai-payload');
    assert.equal(doc.uri.path, '/ArchiveStatistics.payload.json');
    assert.equal(doc.languageId, 'json');
    assert.deepEqual(JSON.parse(doc.getText()), { args: [{ processedCount: 3 }], kwargs: {} });
    const saved = new Promise<void>((resolve) => {
      const sub = vscode.workspace.onDidSaveTextDocument((d) => { if (d.uri.toString() === doc.uri.toString()) { sub.dispose(); resolve(); } });
    });
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), '{ "args": [{ "processedCount": 5 }], "kwargs": {} }\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await withTimeout(saved, 10_000, 'the payload document to be saved (to memory)');
    assert.equal(doc.isDirty, false);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    assert.equal(vscode.workspace.textDocuments.some((d) => d.uri.scheme === 'jitai-payload' && d.isDirty), false);
  });

  test('e.json hovers come from the schema of the display language (English here)', async () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { jsonValidation: Array<{ url: string }> } };
    assert.equal(pkg.contributes.jsonValidation[0].url, './schemas/e.schema.json');
    const rel = 'events/NotifySalesOnProcessed/e.json';
    const doc = await vscode.workspace.openTextDocument(appUri(rel));
    const at = positionInString(appFile(rel), '"title"', 0);
    const key = new vscode.Position(at.position.line, doc.lineAt(at.position.line).text.indexOf('"title"') + 3);
    await vscode.window.showTextDocument(doc);
    await vscode.extensions.getExtension('vscode.json-language-features')?.activate();
    // The JSON language server starts on demand: ask again (each request waits for it) a bounded number of times.
    let all = '';
    for (let attempt = 0; attempt < 40 && !/Display name of the element/.test(all); attempt++) {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, key);
      all = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    }
    assert.match(all, /Display name of the element/);
  });
});
