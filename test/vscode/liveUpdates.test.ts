// Files changed on disk (not through the editor) update the Problems: the server's file watching.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, appFile, appUri, codeOf, waitForDiagnostics, type JitaiEventsApi } from './helpers';

const SERVICE = 'services/CustomerBatchService/e.json';
const SUBSCRIBER = 'events/NotifySalesOnProcessed/e.json';
const PUBLISHER = 'services/CustomerBatchService/service.py';
const NEW_ELEMENT = 'events/AddedOnDisk/e.json';
const hasUnknown = (ds: readonly vscode.Diagnostic[]) => ds.some((d) => codeOf(d) === 'unknown-event');
const clean = (ds: readonly vscode.Diagnostic[]) => !hasUnknown(ds);

suite('live updates from disk', () => {
  let original: string;
  let api: JitaiEventsApi;
  suiteSetup(async () => {
    api = await activateExtension();
    original = fs.readFileSync(appFile(SERVICE), 'utf8');
  });
  suiteTeardown(() => {
    if (original) fs.writeFileSync(appFile(SERVICE), original);
    fs.rmSync(path.dirname(appFile(NEW_ELEMENT)), { recursive: true, force: true });
  });

  test('renaming a declared event in a service e.json flags its subscribers and publishers', async () => {
    await waitForDiagnostics(appUri(SUBSCRIBER), (ds) => !hasUnknown(ds), 'a clean subscriber before the edit');
    fs.writeFileSync(appFile(SERVICE), original.replace('"name": "dataProcessed"', '"name": "dataDone"'));
    const ds = await waitForDiagnostics(appUri(SUBSCRIBER), hasUnknown, `unknown-event on ${SUBSCRIBER} after renaming dataProcessed on disk`);
    assert.match(ds.find((d) => codeOf(d) === 'unknown-event')!.message, /dataDone/, 'the message offers the new name');
    await waitForDiagnostics(appUri(PUBLISHER), hasUnknown, `unknown-event on ${PUBLISHER} (its publish call) after the rename`);
  });

  test('restoring the service e.json clears those problems again', async () => {
    fs.writeFileSync(appFile(SERVICE), original);
    await waitForDiagnostics(appUri(SUBSCRIBER), clean, `no unknown-event on ${SUBSCRIBER} after restoring`);
    await waitForDiagnostics(appUri(PUBLISHER), clean, `no unknown-event on ${PUBLISHER} after restoring`);
  });

  test('an e.json created on disk is indexed and validated', async () => {
    fs.mkdirSync(path.dirname(appFile(NEW_ELEMENT)), { recursive: true });
    fs.writeFileSync(appFile(NEW_ELEMENT), JSON.stringify({
      type: 'events.NormalType', title: 'Added on disk', sender: 'services.OrderService.orderCreatd',
      funcType: 'Global', func: 'services.NotifyService.notifySales', asyncType: false, enable: 1, backendBundleEntry: '.',
    }, null, 2) + '\n');
    const ds = await waitForDiagnostics(appUri(NEW_ELEMENT), (all) => all.some((d) => codeOf(d) === 'unknown-event'),
      `unknown-event on the new ${NEW_ELEMENT}`).catch(async (err: Error) => {
      // Tell "the file event never reached the server" from "the server did not publish".
      const tree = await api.getEventTree();
      const known = tree.apps.some((a) => a.unresolved.some((u) => u.fullName === 'events.AddedOnDisk'));
      throw new Error(`${err.message}; the server ${known ? 'has indexed' : 'has NOT indexed'} events.AddedOnDisk`);
    });
    assert.match(ds[0].message, /orderCreated/);
  });

  test('deleting that e.json removes its problems', async () => {
    fs.rmSync(path.dirname(appFile(NEW_ELEMENT)), { recursive: true, force: true });
    await waitForDiagnostics(appUri(NEW_ELEMENT), (all) => all.length === 0, `no diagnostics left for the deleted ${NEW_ELEMENT}`);
  });
});
