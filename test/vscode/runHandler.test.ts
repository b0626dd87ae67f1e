// Run handler through the extension's API: the real Python harness runs the handler locally with a payload.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, appRoot, type JitaiEventsApi } from './helpers';

/** The app's root as the API takes it (a HandlerTarget's appRootUri). */
const appRootUri = (): string => vscode.Uri.file(appRoot()).toString();

suite('run handler', () => {
  let api: JitaiEventsApi;
  suiteSetup(async () => { api = await activateExtension(); });

  test('an Inner handler runs with the payload and returns its output and published events', async () => {
    const result = await api.runHandler({ appRootUri: appRootUri(), fullName: 'events.WelcomeOnOrderCreated' },
      { args: [{ orderNo: 'SO-1001', customerId: 7 }], kwargs: {} });
    assert.equal(result.status, 'ok', `status ${result.status}: ${result.error?.message ?? ''}\n${result.stderr}`);
    assert.match(result.stdout, /welcome mail: Thank you for order SO-1001/);
    assert.match(result.returnRepr ?? String(result.returnValue), /Thank you for order SO-1001/);
    assert.deepEqual(result.published.map((p) => p.sender), ['services.NotifyService.emailSent']);
    assert.deepEqual(result.published[0].kwargs, { to: 'customer-7@acme.example', subject: 'Thank you for order SO-1001' });
  });

  test('a Global handler runs the service method', async () => {
    const result = await api.runHandler({ appRootUri: appRootUri(), fullName: 'events.NotifySalesOnProcessed' },
      { args: [{ processedCount: 42, skipped: 1 }], kwargs: {} });
    assert.equal(result.status, 'ok', `status ${result.status}: ${result.error?.message ?? ''}\n${result.stderr}`);
    assert.match(result.stdout, /email to sales@acme\.example: Batch done: 42 customers/);
    assert.deepEqual(result.published.map((p) => p.sender), ['services.NotifyService.emailSent']);
  });
});
