// Quick fixes that create files and "New Event Subscriber…" in a real VS Code: the subscriber flow
// runs with stubbed answers (JitaiEventsApi.newSubscriber), the "Create inner.py" fix is applied
// through VS Code's own code-action API; each leaves the files on disk and zero problems. The files
// are removed afterwards so later suites see the example app unchanged.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { Commands } from '../../client/src/ids';
import { activateExtension, appFile, appUri, codeOf, waitForDiagnostics, waitUntil, type JitaiEventsApi } from './helpers';

const SENDER = 'services.MistakesDemoService.reportRequested';

suite('quick fixes that create files, New Event Subscriber', () => {
  let api: JitaiEventsApi;
  const created: string[] = [];
  suiteSetup(async () => { api = await activateExtension(); });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const f of created) fs.rmSync(f, { recursive: true, force: true });
  });

  test('the command is registered and the lens above an unsubscribed event runs it', async () => {
    assert.ok((await vscode.commands.getCommands(true)).includes(Commands.newSubscriber));
    const doc = await vscode.workspace.openTextDocument(appUri('services/MistakesDemoService/e.json'));
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 100)) ?? [];
    const add = lenses.filter((l) => l.command?.command === Commands.newSubscriber);
    assert.deepEqual(add.map((l) => [l.command?.title, (l.command?.arguments?.[0] as { sender: string }).sender]), [['＋ Add subscriber', SENDER]]);
  });

  test('New Event Subscriber (Inner) creates e.json, inner.py and __init__.py, opens customFunc, no problems', async () => {
    const asked: string[] = [];
    const outcome = await api.newSubscriber(undefined, {
      pickEvent: async (events) => { asked.push(`event:${events.length}`); return events.find((e) => e.sender === SENDER); },
      pickKind: async () => { asked.push('kind'); return 'Inner'; },
      inputName: async (def, validate) => {
        asked.push(`name:${def}`);
        assert.equal(validate('9lives'), 'Use letters, digits and _, not starting with a digit.');
        assert.equal(validate('notifysalesonprocessed'), 'An event element named notifysalesonprocessed already exists.');
        assert.equal(validate(def), undefined);
        return def;
      },
    });
    assert.ok(outcome, 'created');
    const dir = appFile('events/OnReportRequested');
    created.push(dir);
    assert.ok(asked[0].startsWith('event:'));
    assert.deepEqual(asked.slice(1), ['kind', 'name:OnReportRequested']);
    assert.deepEqual(outcome.files.map((f) => path.relative(appFile('.'), f)).sort(), ['events/OnReportRequested/__init__.py', 'events/OnReportRequested/e.json', 'events/OnReportRequested/inner.py']);
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(dir, 'e.json'), 'utf8')), {
      title: 'On report requested', type: 'events.NormalType', sender: SENDER, funcType: 'Inner', asyncType: false, enable: 1, backendBundleEntry: '.',
    });
    assert.match(fs.readFileSync(path.join(dir, 'inner.py'), 'utf8'), /^def customFunc\(\*args, \*\*kwargs\):\n {4}"""\n {4}Handler of events\.OnReportRequested \(On report requested\)\.\n {4}Sender: services\.MistakesDemoService\.reportRequested\n/);
    assert.equal(fs.readFileSync(path.join(dir, '__init__.py'), 'utf8'), 'from .inner import customFunc\n');
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.fsPath, path.join(dir, 'inner.py'));
    assert.equal(editor?.document.getText(editor.selection), 'customFunc');
    assert.equal(editor?.document.isDirty, false, 'saved');
    for (const f of ['e.json', 'inner.py', '__init__.py']) {
      await waitForDiagnostics(vscode.Uri.file(path.join(dir, f)), (ds) => ds.length === 0, `no problems in ${f}`);
    }
    const tree = await api.getEventTree(SENDER);
    const ev = tree.apps.flatMap((a) => a.services).flatMap((s) => s.events).find((e) => e.sender === SENDER);
    assert.deepEqual(ev?.subscribers.map((s) => s.fullName), ['events.OnReportRequested']);
  });

  test('"Create inner.py with customFunc" applied through VS Code: inner.py exists, the problem is gone', async () => {
    const rel = 'events/deliberateMistakes/InnerWithoutFile/e.json';
    const uri = appUri(rel);
    await vscode.window.showTextDocument(uri); // the code-action command needs the document's model
    const diag = (await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'inner-file-missing'), 'inner-file-missing'))
      .find((d) => codeOf(d) === 'inner-file-missing')!;
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diag.range)) ?? [];
    const fix = actions.find((a) => a.title === 'Create inner.py with customFunc');
    assert.ok(fix?.edit, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    const dir = path.dirname(appFile(rel));
    created.push(path.join(dir, 'inner.py'), path.join(dir, '__init__.py'));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.ok(fs.existsSync(path.join(dir, 'inner.py')), 'CreateFile created inner.py on disk');
    const handler = /^def customFunc\(\*args, \*\*kwargs\):\n/;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(dir, 'inner.py')));
    assert.match(doc.getText(), handler);
    if (doc.isDirty) await doc.save();
    // files.refactoring.autoSave may be saving it already: wait for the text on disk.
    await waitUntil(() => handler.test(fs.readFileSync(path.join(dir, 'inner.py'), 'utf8')), vscode.workspace.onDidSaveTextDocument, 15_000, () => 'inner.py saved with customFunc');
    await waitForDiagnostics(uri, (ds) => ds.length === 0, 'no problem left in the e.json');
    await waitForDiagnostics(vscode.Uri.file(path.join(dir, 'inner.py')), (ds) => ds.length === 0, 'no problem in the new inner.py');
  });
});
