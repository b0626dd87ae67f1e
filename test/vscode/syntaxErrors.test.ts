// One problem, one diagnostic: an open e.json with a missing comma shows exactly one problem in the
// Problems view — VS Code's JSON support reports the syntax error, the JitAi server leaves it alone
// (initializationOptions.jsonSyntaxErrors = "client") and reports nothing else for the broken text; and
// a wrong value is reported once, by the server: the schema describes values without rejecting them.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, appFile, appUri, codeOf, describeDiagnostics, waitForDiagnostics, waitUntil } from './helpers';

const PROBE = 'events/SyntaxProbe/e.json';

suite('JSON syntax errors of open files', () => {
  suiteSetup(async () => { await activateExtension(); });
  suiteTeardown(() => fs.rmSync(path.dirname(appFile(PROBE)), { recursive: true, force: true }));

  test('an open e.json with a missing comma has exactly one problem', async () => {
    fs.mkdirSync(path.dirname(appFile(PROBE)), { recursive: true });
    const text = JSON.stringify({
      type: 'events.NormalType', title: 'Syntax probe', sender: 'services.OrderService.orderCreatd',
      funcType: 'Global', func: 'services.NotifyService.notifySales', asyncType: false, enable: 1, backendBundleEntry: '.',
    }, null, 2) + '\n';
    fs.writeFileSync(appFile(PROBE), text);
    const uri = appUri(PROBE);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    // The server has seen the file once it reports the sender typo.
    await waitForDiagnostics(uri, (all) => all.some((d) => codeOf(d) === 'unknown-event'), 'unknown-event on the probe');
    // One edit: fix the typo and drop the comma after "title".
    const broken = doc.getText().replace('orderCreatd', 'orderCreated').replace('"Syntax probe",', '"Syntax probe"');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), broken);
    assert.ok(await vscode.workspace.applyEdit(edit));
    // The server has checked the broken text once unknown-event is gone; VS Code's JSON support reports the comma.
    const ds = await waitUntil(() => {
      const all = vscode.languages.getDiagnostics(uri);
      return !all.some((d) => codeOf(d) === 'unknown-event') && all.length >= 1 ? all : undefined;
    }, vscode.languages.onDidChangeDiagnostics, 30_000, () => describeDiagnostics(uri));
    assert.equal(ds.length, 1, describeDiagnostics(uri));
    assert.notEqual(ds[0].source, 'jitai', 'the syntax error comes from VS Code\'s JSON support');
    assert.equal(ds[0].range.start.line, 3, 'on the property after the missing comma');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('a wrong enum value in an open e.json has exactly one problem: the server\'s, with its quick fix', async () => {
    const file = 'events/EnumProbe/e.json';
    fs.mkdirSync(path.dirname(appFile(file)), { recursive: true });
    // Starts with a missing comma, so VS Code's JSON support has a problem of its own to report (and clear).
    const text = '{\n  "type": "events.ModelType",\n  "title": "Enum probe"\n  "sender": "models.CustomerModel",\n  "operate": "UpdateAftr",\n'
      + '  "funcType": "Global",\n  "func": "services.NotifyService.notifySales",\n  "backendBundleEntry": "."\n}\n';
    fs.writeFileSync(appFile(file), text);
    const uri = appUri(file);
    try {
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      await waitUntil(() => vscode.languages.getDiagnostics(uri).some((d) => d.source !== 'jitai') || undefined,
        vscode.languages.onDidChangeDiagnostics, 30_000, () => describeDiagnostics(uri));
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, doc.positionAt(doc.getText().indexOf('"Enum probe"') + '"Enum probe"'.length), ',');
      assert.ok(await vscode.workspace.applyEdit(edit));
      // JSON support re-validated the fixed text (its syntax error is gone) and the server reported the operate value.
      const ds = await waitUntil(() => {
        const all = vscode.languages.getDiagnostics(uri);
        // The server's answer to the fixed text: no syntax problem of its own (the closed file's index had one).
        const settled = !all.some((d) => d.source !== 'jitai' && /comma|expected/i.test(d.message)) && !all.some((d) => codeOf(d) === 'json-syntax');
        return settled && all.some((d) => codeOf(d) === 'invalid-value') ? all : undefined;
      }, vscode.languages.onDidChangeDiagnostics, 30_000, () => describeDiagnostics(uri));
      assert.equal(ds.length, 1, describeDiagnostics(uri));
      assert.equal(ds[0].source, 'jitai');
      assert.match(ds[0].message, /Did you mean "UpdateAfter"\?/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      fs.rmSync(path.dirname(appFile(file)), { recursive: true, force: true });
    }
  });
});
