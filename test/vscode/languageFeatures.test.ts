// Completion and go-to-definition on senders, through VS Code's own command API (the same providers the
// editor calls when a user types or presses F12).
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, appFile, appUri, definitionTarget, labelOf, positionInString, replaceRangeOf, textAt } from './helpers';

const DECLARED = ['services.CustomerBatchService.dataProcessed', 'services.CustomerBatchService.batchFailed',
  'services.OrderService.orderCreated', 'services.NotifyService.emailSent'];

async function completionsAt(rel: string, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', appUri(rel), position);
  return list?.items ?? [];
}
async function definitionsAt(rel: string, position: vscode.Position): Promise<{ uri: vscode.Uri; range: vscode.Range }[]> {
  const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', appUri(rel), position);
  return (defs ?? []).map(definitionTarget);
}

suite('completion and definition of senders', () => {
  suiteSetup(async () => { await activateExtension(); });

  test('completion in an e.json sender string offers the declared events', async () => {
    const rel = 'events/NotifySalesOnProcessed/e.json';
    const at = positionInString(appFile(rel), '"sender"', 9);
    const items = await completionsAt(rel, at.position);
    const labels = items.map(labelOf);
    for (const sender of DECLARED) assert.ok(labels.includes(sender), `${sender} offered; got ${labels.slice(0, 30).join(', ')}`);
    const item = items.find((i) => labelOf(i) === 'services.CustomerBatchService.dataProcessed')!;
    const text = `${item.detail ?? ''} ${typeof item.documentation === 'string' ? item.documentation : item.documentation?.value ?? ''}`;
    assert.match(text, /Batch finished/, 'the event title is shown with the item');
    const range = replaceRangeOf(item);
    assert.ok(range, 'the item replaces a range');
    assert.equal(range.start.line, at.position.line);
    assert.equal(range.start.character, at.valueStart, 'replaces from the start of the string content');
    assert.equal(range.end.character, at.valueEnd, 'replaces up to the closing quote');
  });

  test('completion in a Python publish sender offers the declared events', async () => {
    const rel = 'services/CustomerBatchService/service.py';
    const at = positionInString(appFile(rel), 'sender=', 5);
    const labels = (await completionsAt(rel, at.position)).map(labelOf);
    for (const sender of DECLARED) assert.ok(labels.includes(sender), `${sender} offered in Python; got ${labels.slice(0, 30).join(', ')}`);
  });

  test('definition of an e.json sender is the eventDescs entry in the service e.json', async () => {
    const rel = 'events/NotifySalesOnProcessed/e.json';
    const defs = await definitionsAt(rel, positionInString(appFile(rel), '"sender"', 32).position);
    assert.equal(defs.length, 1, `one definition: ${JSON.stringify(defs)}`);
    const target = appFile('services/CustomerBatchService/e.json');
    assert.equal(defs[0].uri.fsPath, target);
    assert.equal(textAt(target, defs[0].range).replace(/^"|"$/g, ''), 'dataProcessed');
  });

  test('definition of a Python publish sender is the eventDescs entry', async () => {
    const rel = 'services/CustomerBatchService/service.py';
    const defs = await definitionsAt(rel, positionInString(appFile(rel), 'sender=', 32).position);
    assert.equal(defs.length, 1, `one definition: ${JSON.stringify(defs)}`);
    const target = appFile('services/CustomerBatchService/e.json');
    assert.equal(defs[0].uri.fsPath, target);
    assert.match(textAt(target, defs[0].range), /^"?(batchFailed|dataProcessed)"?$/);
  });

  test('definition of a Global func is the def in service.py', async () => {
    const rel = 'events/NotifySalesOnProcessed/e.json';
    const defs = await definitionsAt(rel, positionInString(appFile(rel), '"func"', 26).position);
    assert.equal(defs.length, 1, `one definition: ${JSON.stringify(defs)}`);
    const target = appFile('services/NotifyService/service.py');
    assert.equal(defs[0].uri.fsPath, target);
    const line = textAt(target, new vscode.Range(defs[0].range.start.line, 0, defs[0].range.start.line, 200));
    assert.match(line, /def notifySales\(/);
  });
});
